"""TEMPORARY adapter over whole_handbook_pdf until its split lands (pdf branch)."""

from __future__ import annotations

from pathlib import Path

from handbook import git, whole_handbook_pdf as w
from handbook.project import Language


def start_renderers(count: int):
    return w.start_renderers(count)


def write_all(site_dir: Path, langs: list[Language], project_dir: Path, renderers=None):
    labels = w.labels_of(project_dir / "mkdocs.yml")
    version = git.short_commit(project_dir)
    when = w.build_time()
    pool = renderers or w.start_renderers(len(langs))
    try:
        jobs = [pool.submit(w.write_pdf, site_dir, lang, langs, labels[lang.locale], version, when) for lang in langs]
        return [job.result() for job in jobs]
    finally:
        pool.shutdown(cancel_futures=True)
