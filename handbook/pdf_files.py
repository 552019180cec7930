"""Where each language's whole-handbook PDF goes in the built site, and how pages may link to it."""

from __future__ import annotations

from pathlib import Path

from mkdocs.structure.files import File, Files

from handbook.project import Language

# The PDF of each language, in that language's folder of the site. The start page links here.
PDF_FILES = {"sv": "handbok-sociala-medier.pdf", "en": "social-media-handbook.pdf"}


def pdf_name(lang: Language) -> str:
    return PDF_FILES.get(lang.locale, f"handbook-{lang.locale}.pdf")


def pdf_path(site_dir: Path, lang: Language) -> Path:
    return Path(site_dir) / lang.url_prefix() / pdf_name(lang)


class _PdfFile(File):
    """The PDF written after the build: known to MkDocs so that a page may link to it, but there
    is nothing to copy."""

    def copy_file(self, dirty: bool = False) -> None:
        pass

    def is_modified(self) -> bool:
        return False


def register_pdf(files: Files, config, lang: Language) -> None:
    name = pdf_name(lang)
    files.append(_PdfFile(name, None, config["site_dir"], config["use_directory_urls"],
                          dest_uri=lang.url_prefix() + name))
