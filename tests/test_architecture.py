"""Who may import whom, read from the source (ast), not from a run.

The layers (docs/architecture.md):

- the core: every module of `jtr` outside `jtr/cli`. It never imports `jtr.cli`, not even
  inside a function; only the entry point `jtr/__main__.py` does.
- `jtr/cli/options.py` (the shared options and helpers): imports the core, never a command
  module nor the `jtr.cli` package.
- the command modules (every other module of `jtr/cli` but its `__init__`): import
  `jtr.cli.options` and the core, never another command module nor the `jtr.cli` package.
- `jtr/cli/app.py` (the help pages and usage errors in the run's language): imports the core,
  never a command module nor the `jtr.cli` package.
- `jtr/cli/__init__.py` builds the app and imports the command modules to register them.

Every module of `jtr/cli` runs on every start of `jtr`, so none of them imports a heavy library
(jsonschema, ruamel.yaml, openpyxl, jinja2, icalendar, a git library) at module level: only
inside the function that needs it. And no two modules of `jtr` import each other at module
level, directly or round a longer loop.

The checker is tested on a made-up package first (tests below), so that a rule that can no
longer fail does not pass in silence.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CLI = "jtr.cli"
OPTIONS = "jtr.cli.options"
FRAME = "jtr.cli.app"  # the help pages and usage errors: imported by jtr.cli only
ENTRY_POINTS = frozenset({"jtr.__main__"})
HEAVY = ("jsonschema", "ruamel", "openpyxl", "jinja2", "icalendar", "git")


@dataclass
class Imports:
    """What one module imports: at module level when it runs (`top`), only for type checking
    (`typing`), and inside functions (`inner`)."""

    top: set[str] = field(default_factory=set)
    typing: set[str] = field(default_factory=set)
    inner: set[str] = field(default_factory=set)

    @property
    def every(self) -> set[str]:
        return self.top | self.typing | self.inner


def module_name(package_root: Path, path: Path) -> str:
    parts = list(path.relative_to(package_root.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _targets(node: ast.Import | ast.ImportFrom, module: str, is_package: bool) -> Iterator[str]:
    """The modules an import statement names: `from a import b` names `a` and, should `b` be a
    module, `a.b` (a name that is no module does no harm: no rule speaks of it)."""
    if isinstance(node, ast.Import):
        for alias in node.names:
            yield alias.name
        return
    base = node.module or ""
    if node.level:  # relative: resolved against the importing module's package
        package = module.split(".") if is_package else module.split(".")[:-1]
        package = package[: len(package) - (node.level - 1)]
        base = ".".join([*package, base] if base else package)
    yield base
    for alias in node.names:
        if alias.name != "*":
            yield f"{base}.{alias.name}"


def imports_of(path: Path, module: str) -> Imports:
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    found = Imports()
    is_package = path.name == "__init__.py"

    def visit(node: ast.AST, where: set[str]) -> None:
        if isinstance(node, ast.Import | ast.ImportFrom):
            where.update(_targets(node, module, is_package))
            return
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
            where = found.inner
        elif isinstance(node, ast.If) and _is_type_checking(node.test):
            for child in node.body:
                visit(child, found.typing if where is found.top else where)
            for child in node.orelse:
                visit(child, where)
            return
        for child in ast.iter_child_nodes(node):
            visit(child, where)

    visit(tree, found.top)
    return found


def scan(package_root: Path) -> dict[str, Imports]:
    """Every module of the package under `package_root` (a folder named like the package)."""
    return {
        module_name(package_root, path): imports_of(path, module_name(package_root, path))
        for path in sorted(package_root.rglob("*.py"))
    }


def _within(name: str, package: str) -> bool:
    return name == package or name.startswith(package + ".")


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The import loops of a graph (module -> modules it imports), each once, as a path that
    starts and ends with the same module."""
    found: list[list[str]] = []
    seen: set[frozenset[str]] = set()
    state: dict[str, int] = {}  # 1: on the current path, 2: done

    def walk(node: str, path: list[str]) -> None:
        state[node] = 1
        path.append(node)
        for target in sorted(graph.get(node, ())):
            if state.get(target) == 1:
                loop = [*path[path.index(target) :], target]
                if frozenset(loop) not in seen:
                    seen.add(frozenset(loop))
                    found.append(loop)
            elif target not in state:
                walk(target, path)
        path.pop()
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            walk(node, [])
    return found


def _resolved(targets: set[str], modules: dict[str, Imports]) -> set[str]:
    """The targets with names that are no module of the package (`jtr.cli.app`) cut back to
    the module that holds them (`jtr.cli`); other packages' names as they are."""
    resolved = set()
    for target in targets:
        name = target
        while name not in modules and "." in name and name.split(".")[0] in _roots(modules):
            name = name.rpartition(".")[0]
        resolved.add(name)
    return resolved


def _roots(modules: dict[str, Imports]) -> set[str]:
    return {m.split(".")[0] for m in modules}


def violations(modules: dict[str, Imports], cli: str = CLI, options: str = OPTIONS) -> list[str]:
    """Every broken layer rule, one line each (empty: the layers hold)."""
    modules = {
        m: Imports(*(_resolved(s, modules) for s in (i.top, i.typing, i.inner)))
        for m, i in modules.items()
    }
    problems: list[str] = []
    commands = {m for m in modules if _within(m, cli) and m not in {cli, options, FRAME}}
    for module, imports in sorted(modules.items()):
        if _within(module, cli):
            for target in sorted(imports.top):
                if target.split(".")[0] in HEAVY:
                    problems.append(f"{module} imports {target} at module level")
        if module in ENTRY_POINTS or _within(module, cli):
            pass
        else:
            for target in sorted(imports.every):
                if _within(target, cli):
                    problems.append(f"{module} (core) imports {target}")
        if module in (options, FRAME) or module in commands:
            for target in sorted(imports.every):
                if target == cli:
                    problems.append(f"{module} imports the package {cli}")
                elif target in commands and target != module:
                    problems.append(f"{module} imports the command module {target}")
    # Loops of module-level imports between modules of the package (a submodule naming its
    # own package's __init__ is Python's doing, not a loop of ours).
    graph = {
        module: {t for t in imports.top if t in modules and not _within(module, t)}
        for module, imports in modules.items()
    }
    problems.extend("import loop: " + " -> ".join(loop) for loop in cycles(graph))
    return problems


# ---- the checker itself, on a made-up package -------------------------------------------------


def _package(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / "jtr" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root / "jtr"


GOOD = {
    "__init__.py": "",
    "__main__.py": "from jtr.cli import app\n",
    "model.py": "import json\n",
    "status.py": "from jtr.model import Roadmap\n",
    "cli/__init__.py": "from jtr.cli import options, views\n",
    "cli/options.py": (
        "import typer\nfrom typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n    import jsonschema\n"
        "def open_it():\n    from jtr.status import x\n    import ruamel.yaml\n"
    ),
    "cli/views.py": (
        "from jtr.cli.options import fail\n"
        "class Format:\n    def render(self):\n        import openpyxl\n"
    ),
}


def test_the_checker_passes_a_well_layered_package(tmp_path: Path) -> None:
    modules = scan(_package(tmp_path, GOOD))
    assert set(modules) == {
        "jtr", "jtr.__main__", "jtr.model", "jtr.status", "jtr.cli", "jtr.cli.options",
        "jtr.cli.views",
    }  # fmt: skip
    assert modules["jtr.cli.options"].typing == {"jsonschema"}
    assert modules["jtr.cli.options"].inner == {"jtr.status", "jtr.status.x", "ruamel.yaml"}
    assert _resolved({"jtr.status.x", "jtr.cli", "ruamel.yaml"}, modules) == {
        "jtr.status", "jtr.cli", "ruamel.yaml"
    }  # fmt: skip
    assert "openpyxl" in modules["jtr.cli.views"].inner
    assert violations(modules) == []


@pytest.mark.parametrize(
    ("path", "text", "problem"),
    [
        ("status.py", "def f():\n    from jtr.cli.options import fail\n",
         "jtr.status (core) imports jtr.cli.options"),
        ("model.py", "import jtr.cli\n", "jtr.model (core) imports jtr.cli"),
        ("cli/views.py", "from jtr.cli.edit import complete\n",
         "jtr.cli.views imports the command module jtr.cli.edit"),
        ("cli/views.py", "from jtr.cli import app\n", "jtr.cli.views imports the package jtr.cli"),
        ("cli/views.py", "from . import edit\n",
         "jtr.cli.views imports the command module jtr.cli.edit"),
        ("cli/options.py", "def f():\n    from jtr.cli import views\n",
         "jtr.cli.options imports the package jtr.cli"),
        ("cli/views.py", "import jsonschema\n", "jtr.cli.views imports jsonschema at module level"),
        ("cli/edit.py", "try:\n    from ruamel.yaml import YAML\nexcept ImportError:\n    pass\n",
         "jtr.cli.edit imports ruamel.yaml at module level"),
        ("cli/__init__.py", "import git\n", "jtr.cli imports git at module level"),
        ("model.py", "from jtr.status import x\n",
         "import loop: jtr.model -> jtr.status -> jtr.model"),
    ],
)  # fmt: skip
def test_the_checker_finds_each_broken_rule(
    tmp_path: Path, path: str, text: str, problem: str
) -> None:
    files = {**GOOD, "cli/edit.py": "from jtr.cli.options import fail\n"}
    files[path] = files.get(path, "") + text
    assert problem in violations(scan(_package(tmp_path, files)))


def test_cycles_finds_each_loop_once() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a", "d"}, "d": {"d"}, "e": {"a"}}
    assert cycles(graph) == [["a", "b", "c", "a"], ["d", "d"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


# ---- jtr -------------------------------------------------------------------------------------


def test_jtr_keeps_its_layers() -> None:
    modules = scan(ROOT / "jtr")
    # the layers the rules speak of exist as named (a renamed module would void the rules)
    assert {CLI, OPTIONS, "jtr.cli.views", "jtr.cli.export", "jtr.__main__"} <= set(modules)
    assert violations(modules) == []


def test_every_command_module_uses_the_shared_options() -> None:
    modules = scan(ROOT / "jtr")
    commands = [m for m in modules if _within(m, CLI) and m not in {CLI, OPTIONS, FRAME}]
    assert len(commands) >= 5, commands
    for module in commands:
        assert OPTIONS in modules[module].top, module
        assert module in modules[CLI].top, f"{CLI} does not register {module}"


def test_the_export_help_names_every_format() -> None:
    """The help of `jtr export` describes each format in words, so it is written by hand: it
    must name every format of the registry (the choices and the messages come from it)."""
    import re

    from jtr.cli.export import ExportFormat, export
    from jtr.export import FORMATS

    assert [f.value for f in ExportFormat] == list(FORMATS)
    assert export.__doc__ is not None
    for name in FORMATS:
        assert re.search(rf"\b{name}\b", export.__doc__), name
