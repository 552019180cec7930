"""A dated, verifiable release of the handbook for the archive (arkivlagen, offentlighetsprincipen).

    uv run handbook-release                     # writes dist/handbok-YYYY-MM-DD-<commit>.zip
    uv run handbook-verify dist/handbok-….zip   # checks every file against the manifest

The zip holds the built site (with both PDFs) and ``manifest.json``: every file with its
SHA-256, the git commit and the build date. The build is reproducible: SOURCE_DATE_EPOCH is set
to the commit's time (unless it is already set), so the same commit gives byte-identical files.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

from handbook.core import git
from handbook.core.project import ROOT

MANIFEST = "manifest.json"
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # fixed entry times: the zip depends only on its contents


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 16), b""):
            digest.update(block)
    return digest.hexdigest()


def build_site(project: Path, site_dir: Path, env: dict[str, str]) -> None:
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--site-dir", str(site_dir)],
                            cwd=project, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"The site does not build:\n{result.stdout}\n{result.stderr}")


def manifest_for(site_dir: Path, commit: str, build_date: str) -> dict:
    files = {p.relative_to(site_dir).as_posix(): sha256(p)
             for p in sorted(site_dir.rglob("*")) if p.is_file()}
    return {"commit": commit, "build_date": build_date, "algorithm": "sha256", "files": files}


def write_zip(site_dir: Path, manifest: dict, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name in sorted(manifest["files"]):
            info = zipfile.ZipInfo(f"site/{name}", date_time=_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, (site_dir / name).read_bytes())
        info = zipfile.ZipInfo(MANIFEST, date_time=_ZIP_TIME)
        info.external_attr = 0o644 << 16
        archive.writestr(info, json.dumps(manifest, indent=2, sort_keys=True) + "\n")


def release(project: Path = ROOT, dist: Path = ROOT / "dist") -> Path:
    commit = git.short_commit(project, length=12) or "unknown"
    epoch = os.environ.get("SOURCE_DATE_EPOCH") or git.commit_time(project)
    if not epoch:
        raise SystemExit("No git commit to date the release by: set SOURCE_DATE_EPOCH, or run in the repository.")
    if git.has_changes(project, "docs", "mkdocs.yml"):
        print("warning: docs/ or mkdocs.yml has uncommitted changes; the release is not the commit's.",
              file=sys.stderr)
    build_date = dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).date().isoformat()
    env = {**os.environ, "SOURCE_DATE_EPOCH": epoch, "NO_MKDOCS_2_WARNING": "1"}
    with tempfile.TemporaryDirectory() as tmp:
        site_dir = Path(tmp) / "site"
        build_site(project, site_dir, env)
        manifest = manifest_for(site_dir, commit, build_date)
        target = dist / f"handbok-{build_date}-{commit}.zip"
        write_zip(site_dir, manifest, target)
    return target


def verify(archive_path: Path) -> list[str]:
    """Every file that is missing, added or changed since the manifest was written."""
    problems = []
    with zipfile.ZipFile(archive_path) as archive:
        try:
            manifest = json.loads(archive.read(MANIFEST))
        except KeyError:
            return [f"{archive_path.name}: has no {MANIFEST}; it is not a handbook release."]
        names = {n[len("site/"):] for n in archive.namelist() if n.startswith("site/") and not n.endswith("/")}
        for name, expected in sorted(manifest["files"].items()):
            if name not in names:
                problems.append(f"missing: site/{name}")
            elif hashlib.sha256(archive.read(f"site/{name}")).hexdigest() != expected:
                problems.append(f"changed: site/{name} (its SHA-256 is not the one in the manifest)")
        for name in sorted(names - set(manifest["files"])):
            problems.append(f"added: site/{name} (not in the manifest)")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write a dated, verifiable release zip of the handbook.")
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="where to write the zip (default dist/)")
    args = parser.parse_args(argv)
    target = release(ROOT, args.dist)
    print(f"{target}\nsha256 {sha256(target)}  (record this next to the release in the diarium)")
    return 0


def verify_main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Check a handbook release zip against its manifest.")
    parser.add_argument("archive", type=Path)
    args = parser.parse_args(argv)
    problems = verify(args.archive)
    for problem in problems:
        print(problem)
    if problems:
        print(f"{args.archive.name}: {len(problems)} file(s) do not match the manifest: the release has been altered.")
        return 1
    with zipfile.ZipFile(args.archive) as archive:
        manifest = json.loads(archive.read(MANIFEST))
    print(f"{args.archive.name}: all {len(manifest['files'])} files match the manifest "
          f"(commit {manifest['commit']}, built {manifest['build_date']}).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
