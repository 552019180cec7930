"""Promise to whoever installs the handbook: ``uv sync --no-dev`` is enough to build it.

Every package that handbook/ imports must be a runtime dependency in pyproject.toml, not only a
development one (beautifulsoup4 once was: `uv sync --no-dev && uv run mkdocs build` failed with
"No module named 'bs4'"). Read from the code and the project file, without a second install.
"""

from __future__ import annotations

import ast
import importlib.metadata
import re
import sys
import tomllib

from handbook.core.project import ROOT


def imported_packages() -> dict[str, set[str]]:
    """Top-level module -> the handbook/ files that import it, for modules outside the stdlib."""
    found: dict[str, set[str]] = {}
    for path in sorted((ROOT / "handbook").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            for name in names:
                top = name.split(".")[0]
                if top not in sys.stdlib_module_names and top != "handbook":
                    found.setdefault(top, set()).add(path.name)
    return found


def normalized(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def test_every_package_the_build_imports_is_a_runtime_dependency():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    runtime = {normalized(re.split(r"[=<>!~\[ ;]", spec, maxsplit=1)[0]) for spec in project["project"]["dependencies"]}
    distributions = importlib.metadata.packages_distributions()
    undeclared = {
        module: sorted(files)
        for module, files in imported_packages().items()
        if not {normalized(d) for d in distributions.get(module, [module])} & runtime
    }
    assert undeclared == {}, (
        f"handbook/ imports packages that pyproject.toml does not list under [project] dependencies: "
        f"{undeclared}. Add each with 'uv add NAME' (not --dev)."
    )
