"""Files the build writes after the pages (each language's PDF and feed): known to MkDocs from the
start, so that a page may link to them and MkDocs' link check accepts the link."""

from __future__ import annotations

from mkdocs.structure.files import File, Files

from handbook.core.project import Language
from handbook.site.generated_paths import site_paths


class GeneratedFile(File):
    """Written after the build: nothing for MkDocs to copy."""

    def copy_file(self, dirty: bool = False) -> None:
        pass

    def is_modified(self) -> bool:
        return False


def register(files: Files, config, lang: Language) -> None:
    for path in site_paths(lang):
        files.append(GeneratedFile(path.rsplit("/", 1)[-1], None, config["site_dir"],
                                   config["use_directory_urls"], dest_uri=path))
