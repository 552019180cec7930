"""Promises about the code's layout (issue #24): handbook/ is one subpackage per capability, each
says in its docstring what it may import, and the imports keep to it. The docstrings are the one
source of truth; this reads them.
"""

from __future__ import annotations

import ast
import re
import subprocess
from pathlib import Path

import pytest

from handbook.core.project import ROOT

HANDBOOK = ROOT / "handbook"
SUBPACKAGES = sorted(p.parent.name for p in HANDBOOK.glob("*/__init__.py"))


def allowed_imports(subpackage: str) -> set[str]:
    """The subpackages named after "May import:" in the subpackage's docstring (none for "nothing")."""
    doc = ast.get_docstring(ast.parse((HANDBOOK / subpackage / "__init__.py").read_text(encoding="utf-8"))) or ""
    match = re.search(r"May import:(.*?)(?:never|$)", doc, re.S)
    assert match, f"handbook/{subpackage}/__init__.py: its docstring has no 'May import:' line"
    return set(re.findall(r"``handbook\.(\w+)``", match.group(1)))


def handbook_imports(path: Path) -> set[str]:
    """The subpackages of the handbook that a module imports (at any depth of the file)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module] if node.module != "handbook" else [f"handbook.{a.name}" for a in node.names]
        elif isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        else:
            continue
        found |= {name.split(".")[1] for name in names if name.startswith("handbook.")}
    return found


def test_every_module_lives_in_a_subpackage_that_says_what_it_owns():
    loose = sorted(p.name for p in HANDBOOK.glob("*.py") if p.name != "__init__.py")
    assert loose == [], f"modules outside a subpackage: {loose}"
    assert {"core", "pages", "safety", "search", "pdf", "site", "editors", "engine"} <= set(SUBPACKAGES)
    for subpackage in SUBPACKAGES:
        doc = ast.get_docstring(ast.parse((HANDBOOK / subpackage / "__init__.py").read_text(encoding="utf-8")))
        assert doc and len(doc.split()) > 20, f"handbook/{subpackage}/__init__.py says too little about what it owns"


@pytest.mark.parametrize("subpackage", SUBPACKAGES)
def test_a_subpackage_imports_only_what_its_docstring_allows(subpackage):
    allowed = allowed_imports(subpackage) | {subpackage}
    wrong = {f"{path.relative_to(ROOT)} imports handbook.{name}"
             for path in (HANDBOOK / subpackage).rglob("*.py")
             for name in handbook_imports(path) - allowed}
    assert sorted(wrong) == [], f"handbook/{subpackage} may import only {sorted(allowed)}"


def test_the_layers_have_no_circle():
    """A part never imports, directly or through others, a part that imports it."""
    graph = {s: allowed_imports(s) for s in SUBPACKAGES}

    def reaches(start: str, goal: str, seen: frozenset = frozenset()) -> bool:
        return any(n == goal or (n not in seen and reaches(n, goal, seen | {n})) for n in graph[start])

    assert [s for s in SUBPACKAGES if reaches(s, s)] == []


def test_the_layout_check_sees_a_wrong_import(tmp_path):
    module = tmp_path / "m.py"
    module.write_text("from handbook.engine import plugin\nimport handbook.search.glossary\n", encoding="utf-8")
    assert handbook_imports(module) == {"engine", "search"}
    assert "engine" not in allowed_imports("pages")


def test_no_file_of_the_package_is_hidden_from_git_by_an_ignore_rule():
    """A rule such as ``site/`` (meant for the built site) once kept handbook/site/ out of commits,
    and a clean clone could not import the package. ``--no-index`` asks the rules, so this also sees
    a tracked file that a rule would have kept out."""
    files = [str(p.relative_to(ROOT)) for p in HANDBOOK.rglob("*")
             if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc"]
    result = subprocess.run(["git", "check-ignore", "--no-index", "--verbose", *files],
                            cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode in (0, 1), result.stderr
    assert result.stdout.splitlines() == [], "ignored by .gitignore (anchor the rule, e.g. /site/):\n" + result.stdout
