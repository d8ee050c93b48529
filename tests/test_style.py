"""One formatter and one lint, enforced by the test command: `ruff format` and `ruff check` find nothing."""

from __future__ import annotations

import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from tests.helpers import ROOT

RUFF = Path(sysconfig.get_path("scripts")) / "ruff"


@pytest.mark.parametrize("command", [["check", "--quiet"], ["format", "--check", "--quiet"]])
def test_ruff_finds_nothing(command):
    assert RUFF.exists(), "ruff is a test dependency: pip install -e '.[test]'"
    done = subprocess.run(
        [str(RUFF), *command, "."], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, (done.stdout + done.stderr)[
        -3000:
    ] + f"\n(fix: {sys.executable} -m ruff {command[0]})"
