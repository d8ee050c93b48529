"""The layout's rules, held by a test: a package per command over a small core, data flowing one way.

core <- sources <- {fetch, check, build};  fetch, check and build never import each other;
inside build no stage imports a later one;  cli.py translates and calls one function per command.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import ROOT

PACKAGE = ROOT / "generator"
LAYERS = {
    "core": set(),
    "sources": {"core"},
    "fetch": {"core", "sources"},
    "check": {"core", "sources"},
    "build": {"core", "sources"},
}
# The build's stages and their helpers, earliest first: a module may import only those before it.
BUILD_ORDER = (
    "parallel",
    "classify_rules",
    "text_model",
    "classify",
    "claims_words",
    "claims_model",
    "comments",
    "claims",
    "responsiveness",
    "parked",
    "readiness",
    "judge",
    "pages",
    "views",
    "listings",
    "plan",
    "render",
    "write",
    "serve",
    "__init__",
)


def modules() -> dict[str, Path]:
    """{dotted name below generator ("build.render.html", "build" for its __init__): path}."""
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE).with_suffix("").parts
        parts = parts[:-1] if parts[-1] == "__init__" else parts
        found[".".join(parts) or "__init__"] = path
    return found


def imported(path: Path, name: str) -> set[str]:
    """Dotted names below generator that a module imports, at any depth (function-level imports
    too)."""
    package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
    found = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom) and node.level:
            base = package[: len(package) - (node.level - 1)]
            target = [*base, *(node.module.split(".") if node.module else [])]
            found.add(".".join(target))  # `from . import x` names module x too
            found.update(".".join([*target, alias.name]) for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("generator"):
            found.add(node.module.removeprefix("generator").lstrip("."))
        elif isinstance(node, ast.Import):
            found.update(
                a.name.removeprefix("generator.")
                for a in node.names
                if a.name.startswith("generator.")
            )
    return {f for f in found if f}


def top(name: str) -> str:
    return name.split(".")[0]


def test_the_import_rules_hold():
    broken = []
    for name, path in modules().items():
        layer = top(name)
        for target in imported(path, name):
            other = top(target)
            if other in ("", layer) or other not in LAYERS and other != "cli":
                continue
            if layer == "cli":
                continue
            if other == "cli" or other not in LAYERS.get(layer, set()):
                broken.append(f"generator.{name} imports generator.{target}")
    assert broken == []


def test_inside_the_build_no_stage_imports_a_later_one():
    broken = []
    for name, path in modules().items():
        parts = name.split(".")
        if parts[0] != "build":
            continue
        mine = BUILD_ORDER.index(parts[1] if len(parts) > 1 else "__init__")
        for target in imported(path, name):
            bits = target.split(".")
            if bits[0] != "build" or len(bits) < 2 or bits[1] not in BUILD_ORDER:
                continue
            if BUILD_ORDER.index(bits[1]) > mine:
                broken.append(f"generator.{name} imports generator.{target}")
    assert broken == []


def test_the_cli_calls_one_function_per_command():
    tree = ast.parse((PACKAGE / "cli.py").read_text())
    commands = [
        f
        for f in tree.body
        if isinstance(f, ast.FunctionDef)
        and f.name.startswith("_")
        and f.args.args
        and f.args.args[0].arg == "args"
    ]
    assert {f.name for f in commands} == {"_build", "_serve", "_check", "_fetch", "_classify"}
    assert len((PACKAGE / "cli.py").read_text().splitlines()) < 160
    for function in commands:
        local = {
            alias.asname or alias.name
            for node in ast.walk(function)
            if isinstance(node, ast.ImportFrom)
            for alias in node.names
        }
        calls = {
            node.func.id
            for node in ast.walk(function)
            if isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in local
        }
        work = calls - {"Settings", "Limits"}  # settings are arguments, not work
        assert len(work) == 1, f"{function.name} calls {sorted(work)}"
        assert function.end_lineno - function.lineno < 30, (
            f"{function.name} does more than translate"
        )


@pytest.mark.parametrize("name", sorted(modules()))
def test_every_module_says_what_it_is_for(name):
    assert ast.get_docstring(ast.parse(modules()[name].read_text())), (
        f"generator.{name} has no docstring"
    )


def test_importing_the_package_reads_and_writes_nothing():
    script = (
        "import sys, pkgutil, importlib\n"
        "seen = []\n"
        "def hook(event, args):\n"
        "    if event == 'open' and isinstance(args[0], str) and not args[0].endswith(('.py', "
        "'.pyc', '.so'))"
        " and '/generator/' not in args[0] and 'site-packages' not in args[0] and 'python3' not "
        "in args[0]:\n"
        "        seen.append(args[0])\n"
        "import generator\n"
        "sys.addaudithook(hook)\n"
        "for info in pkgutil.walk_packages(generator.__path__, 'generator.'):\n"
        "    importlib.import_module(info.name)\n"
        "print(seen)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
