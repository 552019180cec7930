"""The font sets the layout is checked with: a reader's machine may have any fonts, so a layout
that holds only with one set is a bug. Each set is one of Debian's font packages; a browser is
launched with FONTCONFIG_FILE pointing at a fonts.conf that knows that set's fonts alone and
gives every family the site's CSS names (Material's system font stack) to it, as on a machine
that has only that set.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class FontSet:
    name: str
    package: str          # the Debian package(s) .ci/run installs
    folders: tuple[str, ...]  # where the package puts its fonts; the first that exists is used
    sans: str
    serif: str
    mono: str

    def folder(self) -> Path | None:
        """The folder of the set's fonts, None if the set is not installed."""
        return next((Path(f) for f in self.folders if any(Path(f).glob(self.sans.replace(" ", "") + "*.ttf"))), None)


DEJAVU = FontSet("DejaVu", "fonts-dejavu-core", ("/usr/share/fonts/truetype/dejavu",),
                 "DejaVu Sans", "DejaVu Serif", "DejaVu Sans Mono")
LIBERATION = FontSet("Liberation", "fonts-liberation2 fonts-liberation",
                     ("/usr/share/fonts/truetype/liberation2", "/usr/share/fonts/truetype/liberation"),
                     "Liberation Sans", "Liberation Serif", "Liberation Mono")
# The first is the one every browser test uses; the layout tests run with each.
FONT_SETS = {"dejavu": DEJAVU, "liberation": LIBERATION}

# The families of Material's font stacks (--md-text-font-family, --md-code-font-family), the
# generic ones, and the names fontconfig itself uses for them.
_SANS = ["sans-serif", "sans", "system-ui", "-apple-system", "BlinkMacSystemFont", "Helvetica", "Arial", "Roboto"]
_SERIF = ["serif", "Times", "Times New Roman"]
_MONO = ["monospace", "mono", "SFMono-Regular", "Consolas", "Menlo", "Courier", "Courier New"]


def _aliases(families: list[str], to: str) -> str:
    return "".join(f'  <alias binding="same"><family>{family}</family><prefer><family>{to}</family></prefer></alias>\n'
                   for family in families)


def fonts_conf(font_set: FontSet, folder: Path) -> Path:
    """A fonts.conf in ``folder`` that has ``font_set`` alone; FONTCONFIG_FILE=it for a browser."""
    fonts = font_set.folder()
    if fonts is None:
        raise FileNotFoundError(f"the {font_set.name} fonts are not installed (apt-get install {font_set.package})")
    folder.mkdir(parents=True, exist_ok=True)
    conf = folder / "fonts.conf"
    conf.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">\n<fontconfig>\n'
        f"  <dir>{fonts}</dir>\n  <cachedir>{folder / 'cache'}</cachedir>\n"
        + _aliases(_SANS, font_set.sans) + _aliases(_SERIF, font_set.serif) + _aliases(_MONO, font_set.mono)
        + "</fontconfig>\n",
        encoding="utf-8",
    )
    return conf
