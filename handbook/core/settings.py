"""The handbook plugin's settings: the schema of ``plugins: - handbook:`` in mkdocs.yml.

MkDocs validates them before anything is built, so a wrong setting is a clear configuration
error naming the option ("Plugin 'handbook' option 'contact': Sub-option 'email': …"), and an
unknown option is an error too, not a silently ignored typo. Texts readers see in one language
are a mapping of locale to text ({sv: …, en: …}); the plugin checks that every language of the
site has one.
"""

from __future__ import annotations

import datetime as dt
import re

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.base import ValidationError

DIGG_COMPLIANCE = ("fully", "partially", "not")  # Digg's three wordings, in labels.accessibility


class StrictConfig(base.Config):
    """A config section whose unknown keys are errors, not warnings (a misspelt setting must
    not be silently ignored)."""

    def validate(self):
        failed, warnings = super().validate()
        unknown = [(key, w) for key, w in warnings if str(w).startswith("Unrecognised configuration name")]
        failed.extend((key, ValidationError(f"unknown setting '{key}' in mkdocs.yml (check the spelling; the settings are in handbook/core/settings.py)")) for key, _ in unknown)
        return failed, [w for w in warnings if w not in unknown]


class Pattern(c.Type):
    """Text that must match a pattern (or be empty when ``optional``), with a readable message."""

    def __init__(self, pattern: str, what: str, *, optional: bool = True, default: str = ""):
        super().__init__(str, default=default)
        self.pattern, self.what, self.optional = re.compile(pattern), what, optional

    def run_validation(self, value):
        value = "" if value is None else str(super().run_validation(value)).strip()
        if value == "" and self.optional:
            return value
        if not self.pattern.fullmatch(value):
            raise ValidationError(f"'{value}' is not {self.what}.")
        return value


class Date(c.OptionallyRequired):
    """A date written YYYY-MM-DD (YAML may already have made it a date)."""

    def run_validation(self, value):
        if isinstance(value, dt.date):
            return value
        try:
            return dt.date.fromisoformat(str(value).strip())
        except ValueError:
            raise ValidationError(f"'{value}' is not a date. Write it as YYYY-MM-DD.") from None


class Flag(c.OptionallyRequired):
    """On or off: true/false in mkdocs.yml, or 1/0 from an environment variable (!ENV)."""

    def run_validation(self, value):
        if isinstance(value, bool):
            return value
        text = str(value).strip().lower()
        if text in ("1", "true", "yes", "on"):
            return True
        if text in ("0", "false", "no", "off", ""):
            return False
        raise ValidationError(f"'{value}' is not on or off: write true or false (or 1 or 0).")


class PerLanguage(c.OptionallyRequired):
    """A text per language: {sv: …, en: …}. Each must be filled in (the plugin checks that
    every language of the site is there)."""

    def run_validation(self, value):
        if not isinstance(value, dict) or not value:
            raise ValidationError("must be one text per language, e.g. {sv: '…', en: '…'}.")
        empty = [k for k, v in value.items() if not isinstance(v, str) or not v.strip()]
        if empty:
            raise ValidationError(f"the text for {', '.join(map(str, empty))} is empty; fill it in.")
        return {str(k): v.strip() for k, v in value.items()}


class DateLocale(c.Type):
    """The locale dates are written in (Babel's, e.g. sv_SE): a wrong one is refused here, not
    when the first date is written."""

    def __init__(self):
        super().__init__(str)

    def run_validation(self, value):
        from babel import Locale, UnknownLocaleError

        value = super().run_validation(value)
        try:
            Locale.parse(value)
        except (ValueError, UnknownLocaleError):
            raise ValidationError(f"'{value}' is not a locale dates can be written in: write e.g. sv_SE or en_GB.") from None
        return value


class Placeholders(c.Type):
    """A text the handbook fills in: only the placeholders it fills in, written {like_this}."""

    def __init__(self, *allowed: str):
        super().__init__(str)
        self.allowed = allowed

    def run_validation(self, value):
        value = super().run_validation(value)
        unknown = sorted(set(re.findall(r"\{(\w*)\}", value)) - set(self.allowed))
        if unknown:
            raise ValidationError(
                f"{{{unknown[0]}}} is not filled in here: write only {' and '.join('{' + a + '}' for a in self.allowed)}.")
        return value


EMAIL = Pattern(r"[^@\s]+@[^@\s]+\.[^@\s]+", "an e-mail address (name@varberg.se)")
PHONE = Pattern(r"\+?[0-9][0-9 -]{4,}[0-9]", "a phone number (digits, spaces and hyphens, e.g. 0340-88 000)")
WEB = Pattern(r"https://\S+", "a full web address starting with https://")


class ContactCentre(StrictConfig):
    """The municipality's contact centre: shown until the unit gives its own e-mail and phone."""

    name = PerLanguage()
    phone = PHONE
    web = WEB


class Contact(StrictConfig):
    email = EMAIL   # the unit's own e-mail; shown instead of the contact centre when set
    phone = PHONE   # the unit's own phone; shown instead of the contact centre when set
    contact_centre = c.SubConfig(ContactCentre)


class Accessibility(StrictConfig):
    """The accessibility statement's values (Digg's required items) that only the municipality
    can confirm: each is shown on tillganglighetsredogorelse.md and must be filled in."""

    compliance = c.Choice(DIGG_COMPLIANCE)
    known_problems = PerLanguage()
    method = PerLanguage()
    exemptions = PerLanguage()
    outside_scope = PerLanguage()
    assessed_on = Date()
    updated_on = Date()


class PageLabels(StrictConfig):
    owner = c.Type(str)
    reviewed = c.Type(str)
    review_by = c.Type(str)
    last_updated = c.Type(str)
    document_type = c.Type(str)
    document_types = c.Type(dict)
    decided = c.Type(str)
    reference = c.Type(str)
    overdue_title = c.Type(str)
    overdue = Placeholders("date", "owner")
    suggest_change = c.Type(str)
    helpful = c.Type(str)
    yes = c.Type(str)
    no = c.Type(str)


class PdfLabels(StrictConfig):
    contents = c.Type(str)
    owner = c.Type(str)
    date = c.Type(str)
    version = c.Type(str)
    unknown_version = c.Type(str)
    page = Placeholders("page", "pages")  # "Sida {page} av {pages}"


class ContactLabels(StrictConfig):
    unit = c.Type(str)
    email = c.Type(str)
    phone = c.Type(str)
    web = c.Type(str)
    contact_centre = c.Type(str)  # introduces the contact centre's details


class SearchLabels(StrictConfig):
    # The search dialog (overrides/partials/search.html): its box's label and its close button.
    dialog_title = c.Type(str)
    close = c.Type(str)
    no_results = c.Type(str)
    contact_link = c.Type(str)
    # The log of missed searches (search_feedback): the control under the results, its answer,
    # and what the start page's search help says is logged, with the setting on and off.
    feedback_question = c.Type(str)   # "Hittade du inte svaret?"
    feedback_button = c.Type(str)
    feedback_sent = c.Type(str)       # announced when the button is pressed
    log_on = c.Type(str)              # Markdown, in place of <!-- setting: search_feedback -->
    log_off = c.Type(str)


class ChangeLabels(StrictConfig):
    last_changed = c.Type(str)   # "Senast ändrad", before the latest change note
    show_all = c.Type(str)       # the disclosure with every change of a page
    recent = c.Type(str)         # the title of the feed of changes
    none_yet = c.Type(str)       # where changes are listed and there are none


class AccessibilityLabels(StrictConfig):
    compliance = c.Type(dict)  # Digg's wording for each of DIGG_COMPLIANCE


class Labels(StrictConfig):
    """The words of one language that the handbook adds to Material's own."""

    date_locale = DateLocale()
    external_link = c.Type(str)
    print_stamp = Placeholders("date", "url")
    accessibility_link = c.Type(str)
    page = c.SubConfig(PageLabels)
    pdf = c.SubConfig(PdfLabels)
    contact = c.SubConfig(ContactLabels)
    search = c.SubConfig(SearchLabels)
    changes = c.SubConfig(ChangeLabels)
    accessibility = c.SubConfig(AccessibilityLabels)


class HandbookSettings(StrictConfig):
    contract = c.Type(str, default="contract.yml")
    search_words = c.Type(str, default="search_words.yml")
    # The whole handbook as one PDF per language (HANDBOOK_PDF=0 for quick builds; never in serve).
    pdf = Flag(default=True)
    # Where "Var sidan till hjälp?" answers go: a mailto: address or a form's https:// address.
    # The log of missed searches: the words of a search that found nothing, or that the reader
    # left without opening a result or said did not answer, sent to the site's search-feedback
    # address (search-feedback.js, deploy/nginx.conf). Off: not one request is sent.
    search_feedback = Flag(default=False)
    feedback_url = Pattern(r"(mailto:[^@\s]+@[^@\s]+\.[^@\s]+|https://\S+)", "a mailto: or https:// address")
    contact = c.SubConfig(Contact)
    accessibility = c.SubConfig(Accessibility)
    labels = c.DictOfItems(c.SubConfig(Labels))


def missing_languages(settings: HandbookSettings, locales: list[str]) -> list[str]:
    """Every per-language setting that lacks one of the site's languages, as 'option: locale'."""
    found = [f"labels: {loc}" for loc in locales if loc not in settings.labels]
    texts = {"contact.contact_centre.name": settings.contact.contact_centre.name}
    texts.update({f"accessibility.{k}": settings.accessibility[k]
                  for k in ("known_problems", "method", "exemptions", "outside_scope")})
    for option, value in texts.items():
        found += [f"{option}: {loc}" for loc in locales if loc not in (value or {})]
    for loc, labels in settings.labels.items():
        found += [f"labels.{loc}.accessibility.compliance: {w}" for w in DIGG_COMPLIANCE
                  if not labels.accessibility.compliance.get(w)]
    return found
