"""Golden worlds: one small snapshot built in each configuration, its expected pages kept beside it.

tests/golden/ holds the inputs (sources.yaml, snapshot.json, content/); each folder below it is a
configuration: `args` (the build options, paths relative to the folder) and `expected/` (the site).
On a difference the test prints a diff; after an intended change, `pytest --regenerate` rewrites
them."""

from __future__ import annotations

import pytest

from generator import cli
from tests.helpers import ROOT, TESTS, golden_tree, read_tree

GOLDEN = TESTS / "golden"
THEME_STATIC = ROOT / "themes" / "default" / "static"
WORLDS = sorted(p.name for p in GOLDEN.iterdir() if (p / "args").is_file())


@pytest.mark.parametrize("world", WORLDS)
def test_the_golden_world_renders_exactly_its_expected_pages(world, tmp_path, regenerate):
    folder = GOLDEN / world
    args = [
        line if not line.startswith(("overrides",)) else str(folder / line)
        for line in (folder / "args").read_text().splitlines()
        if line
    ]
    out = tmp_path / "site"
    assert (
        cli.main(
            [
                "--sources",
                str(GOLDEN / "sources.yaml"),
                "--snapshot",
                str(GOLDEN / "snapshot.json"),
                "--content",
                str(GOLDEN / "content"),
                "--out",
                str(out),
                "-q",
                *args,
            ]
        )
        == 0
    )
    actual = read_tree(out)
    # The theme's own static files are copied as they are: compared with the theme, not kept twice.
    theme_static = {f"static/{name}": data for name, data in read_tree(THEME_STATIC).items()}
    assert {name: actual.pop(name) for name in theme_static} == theme_static
    golden_tree(folder / "expected", actual, regenerate)


def test_there_is_a_world_per_configuration():
    assert WORLDS == ["basic", "custom"]
