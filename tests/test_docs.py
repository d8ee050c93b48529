"""The docs stay honest: every command is in the README and every option has help text."""

from __future__ import annotations

import argparse

from generator import cli
from tests.helpers import ROOT


def _commands() -> dict[str, argparse.ArgumentParser]:
    parser = cli.build_parser()
    actions = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return dict(actions[0].choices)


def test_readme_lists_every_command():
    readme = (ROOT / "README.md").read_text()
    missing = [name for name in _commands() if f"python build.py {name}" not in readme]
    assert missing == []


def test_every_option_has_help_text():
    undocumented = [
        (name, action.dest)
        for name, command in _commands().items()
        for action in command._actions
        if action.option_strings and not action.help
    ]
    assert undocumented == []


def test_readme_test_command_is_what_ci_runs():
    """The README's second command (at the very top) is the last line of .ci/run."""
    readme = (ROOT / "README.md").read_text()
    first_block = readme.split("```", 2)[1].splitlines()[1:]
    test_command = first_block[1].split("#")[0].strip()
    ci_last = (ROOT / ".ci" / "run").read_text().rstrip().splitlines()[-1]
    assert test_command == ci_last == ".venv/bin/python -m pytest"
