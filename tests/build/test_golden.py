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
from tests.helpers import ROOT, TESTS, read_tree

GOLDEN = TESTS / "golden"
THEME_STATIC = ROOT / "themes" / "default" / "static"


def test_small_snapshot_renders_exactly_the_expected_pages(tmp_path):
    out = tmp_path / "site"
    assert cli.main(["--sources", str(GOLDEN / "sources.yaml"), "--snapshot", str(GOLDEN / "snapshot.json"),
                     "--content", str(GOLDEN / "content"), "--out", str(out),
                     "--base-url", "https://example.org/shovel/", "-q"]) == 0
    expected_dir = GOLDEN / "expected"
    actual = read_tree(out)
    # The theme's own static files are copied as they are: compared with the theme, not kept twice.
    theme_static = {f"static/{name}": data for name, data in read_tree(THEME_STATIC).items()}
    assert {name: actual.pop(name) for name in theme_static} == theme_static
    if os.environ.get("SHOVEL_REGEN_GOLDEN"):
        shutil.rmtree(expected_dir, ignore_errors=True)
        for name, data in actual.items():
            (expected_dir / name).parent.mkdir(parents=True, exist_ok=True)
            (expected_dir / name).write_bytes(data)
    expected = read_tree(expected_dir)
    assert sorted(actual) == sorted(expected), "the set of files changed; regenerate if intended"
    for name in sorted(expected):
        if actual[name] != expected[name]:
            diff = difflib.unified_diff(expected[name].decode().splitlines(), actual[name].decode().splitlines(),
                                        f"expected/{name}", f"actual/{name}", lineterm="")
            raise AssertionError("\n".join(list(diff)[:80]))
