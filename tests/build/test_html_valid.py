"""Every page type is valid HTML to the Nu HTML Checker, without a warning: the real site's and a hostile world's.

The checker (a Java program) starts once for the module: every file is checked in that one run.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator import cli
from generator.core.records import Label
from tests.helpers import CATALOG_ARGS, issue, write_world
from tests.nu_checker import check

PAGE_TYPES = (
    "index.html",
    "skills/*/index.html",
    "skills/*/*/index.html",
    "effort/*/index.html",
    "causes/*/index.html",
    "languages/*/index.html",
    "repos/*/*/index.html",
    "about/index.html",
    "health/index.html",
    "404.html",
)
HOSTILE = '"><script>alert(1)</script><!-- &amp; \u202e'


def one_of_each(site: Path) -> list[Path]:
    """The first page of every page type, and the repo page with claimed issues when there is one."""
    chosen = []
    for pattern in PAGE_TYPES:
        found = sorted(site.glob(pattern))
        assert found, f"no page matches {pattern}"
        chosen.append(found[0])
    claimed = [
        p for p in sorted(site.glob("repos/*/*/index.html")) if b"Already taken" in p.read_bytes()
    ]
    return chosen + claimed[:1]


def hostile_site(folder: Path) -> Path:
    world = {
        "octo/civic": [
            issue(
                "octo/civic",
                1,
                HOSTILE,
                labels=(Label(HOSTILE, '" onclick=x'), Label("good first issue", "7057ff")),
                body=HOSTILE,
                author=HOSTILE,
                assignees=("<b>",),
            ),
            issue("octo/civic", 2, "plain", created="2026-08-07T10:00:00Z"),
        ]
    }
    folder.mkdir()
    sources, snapshot = write_world(folder, world)
    out = folder / "site"
    assert (
        cli.main(
            [
                "build",
                "--sources",
                str(sources),
                "--snapshot",
                str(snapshot),
                "--out",
                str(out),
                "-q",
            ]
        )
        == 0
    )
    return out


@pytest.fixture(scope="module")
def checked(tmp_path_factory):
    """(files by group, errors by file) from one run of the checker."""
    folder = tmp_path_factory.mktemp("valid")
    real = folder / "real"
    assert (
        cli.main(["build", *CATALOG_ARGS, "--out", str(real), "--base-url", "/shovel-ready/", "-q"])
        == 0
    )
    hostile = hostile_site(folder / "hostile")
    broken = folder / "broken.html"
    broken.write_text(
        "<!DOCTYPE html><html lang=en><title>x</title><ul><div>not a list item</div></ul>"
    )
    groups = {
        "real": one_of_each(real),
        "hostile": [
            hostile / "index.html",
            hostile / "repos/octo/civic/index.html",
            hostile / "health/index.html",
        ],
        "broken": [broken],
    }
    return groups, check([f for files in groups.values() for f in files])


def test_the_checker_reports_the_errors_it_is_shown(checked):
    groups, errors = checked
    assert errors[str(groups["broken"][0])] != []


def test_every_page_type_of_the_real_site_is_valid(checked):
    groups, errors = checked
    assert len(groups["real"]) >= len(PAGE_TYPES)
    assert {str(p): errors[str(p)] for p in groups["real"]} == {str(p): [] for p in groups["real"]}


def test_pages_full_of_hostile_text_are_valid(checked):
    groups, errors = checked
    # escaped, so not there verbatim
    assert HOSTILE.encode() not in groups["hostile"][0].read_bytes()
    assert {str(p): errors[str(p)] for p in groups["hostile"]} == {
        str(p): [] for p in groups["hostile"]
    }
