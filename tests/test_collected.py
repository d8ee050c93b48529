"""The README's test command runs every test file: a folder the collector skips (pytest's default
`norecursedirs` holds `build`) would pass CI while testing nothing in it."""

from __future__ import annotations

import subprocess
import sys

from tests.helpers import ROOT, TESTS


def test_every_test_file_is_collected():
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    collected = {line.split("::")[0].split(":")[0] for line in done.stdout.splitlines()}
    files = {p.relative_to(ROOT).as_posix() for p in TESTS.rglob("test_*.py")}
    assert files and files <= collected, sorted(files - collected)
