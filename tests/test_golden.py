"""Golden test: a small snapshot and its expected pages side by side.

On a difference the test prints a unified diff. After an intended change, regenerate with
    SHOVEL_REGEN_GOLDEN=1 .venv/bin/python -m pytest tests/test_golden.py
and review the diff of tests/golden/expected/ before committing it.
"""

from __future__ import annotations

import difflib
import os
import shutil
from pathlib import Path

from generator import cli
from tests.helpers import read_tree

GOLDEN = Path(__file__).resolve().parent / "golden"


def test_small_snapshot_renders_exactly_the_expected_pages(tmp_path):
    out = tmp_path / "site"
    assert cli.main(["--sources", str(GOLDEN / "sources.yaml"), "--snapshot", str(GOLDEN / "snapshot.json"),
                     "--content", str(GOLDEN / "content"), "--out", str(out),
                     "--base-url", "https://example.org/shovel/", "-q"]) == 0
    expected_dir = GOLDEN / "expected"
    if os.environ.get("SHOVEL_REGEN_GOLDEN"):
        shutil.rmtree(expected_dir, ignore_errors=True)
        shutil.copytree(out, expected_dir)
    actual, expected = read_tree(out), read_tree(expected_dir)
    assert sorted(actual) == sorted(expected), "the set of files changed; regenerate if intended"
    for name in sorted(expected):
        if actual[name] != expected[name]:
            diff = difflib.unified_diff(expected[name].decode().splitlines(), actual[name].decode().splitlines(),
                                        f"expected/{name}", f"actual/{name}", lineterm="")
            raise AssertionError("\n".join(list(diff)[:80]))
