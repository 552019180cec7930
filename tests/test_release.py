"""Promises to the archive: a release is dated, complete, reproducible and verifiable."""

from __future__ import annotations

import json
import zipfile

import pytest

from handbook.site import release
from tests.conftest import EPOCH, build


def site_files(site_dir):
    return {p.relative_to(site_dir).as_posix(): p.read_bytes() for p in sorted(site_dir.rglob("*")) if p.is_file()}


def test_the_same_sources_built_twice_give_byte_identical_site_files(release_build, tmp_path):
    # The release's build, and a second build of the same sources (PDFs, feeds and all).
    result = build(release_build.project, tmp_path / "again", "http://127.0.0.1:8000/", SOURCE_DATE_EPOCH=EPOCH)
    assert result.returncode == 0, result.stdout + result.stderr
    first, second = site_files(release_build.site), site_files(tmp_path / "again")
    assert first.keys() == second.keys()
    different = [name for name in first if first[name] != second[name]]
    assert different == []


@pytest.fixture(scope="module")
def release_zip(release_build):
    return release_build.zip


def test_the_release_is_named_by_date_and_commit_and_its_manifest_matches_its_contents(release_zip, site):
    assert release_zip.name == "handbok-2026-01-01-unknown.zip"  # a copy outside git has no commit
    with zipfile.ZipFile(release_zip) as archive:
        manifest = json.loads(archive.read("manifest.json"))
        names = {n[len("site/"):] for n in archive.namelist() if n.startswith("site/")}
    assert manifest["build_date"] == "2026-01-01" and manifest["commit"] == "unknown"
    assert set(manifest["files"]) == names
    assert {"index.html", "en/index.html", "sitemap.xml"} <= names
    assert len([n for n in names if n.endswith(".pdf")]) == len(site.languages)
    assert release.verify(release_zip) == []
    assert release.verify_main([str(release_zip)]) == 0


def _rewrite(source, target, change):
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for info in old.infolist():
            data = change(info.filename, old.read(info.filename))
            if data is not None:
                new.writestr(info, data)


def test_a_tampered_removed_or_added_file_is_detected_by_verify(release_zip, tmp_path, capsys):
    tampered = tmp_path / "tampered.zip"
    _rewrite(release_zip, tampered, lambda n, d: d.replace(b"Facebook", b"Fejsbok") if n == "site/facebook-konton/index.html" else d)
    assert release.verify(tampered) == ["changed: site/facebook-konton/index.html (its SHA-256 is not the one in the manifest)"]
    assert release.verify_main([str(tampered)]) == 1
    assert "the release has been altered" in capsys.readouterr().out
    removed = tmp_path / "removed.zip"
    _rewrite(release_zip, removed, lambda n, d: None if n == "site/en/index.html" else d)
    assert release.verify(removed) == ["missing: site/en/index.html"]
    added = tmp_path / "added.zip"
    _rewrite(release_zip, added, lambda n, d: d)
    with zipfile.ZipFile(added, "a") as archive:
        archive.writestr("site/extra.html", b"<p>new</p>")
    assert release.verify(added) == ["added: site/extra.html (not in the manifest)"]
