"""The largest files are made without holding many copies of themselves: a 20,000-issue build must
stay under 300 MB, and the biggest pages and the API document are tens of megabytes there."""

from __future__ import annotations

import json
import tracemalloc
from datetime import UTC, datetime

import pytest
from helpers import issue, write_world

from generator import sources
from generator.build import CONTENT_DIR, pages, read_snapshot
from generator.build.judge import judge
from generator.build.plan import plan_site
from generator.build.render import render_site, theme_chain


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("memory")
    # One emoji in one title: a page joined whole would then take four bytes a character.
    world = {
        "civic/app": [
            issue("civic/app", n, "Fix the footer 🦄" if n == 1 else f"Fix the form field {n}")
            for n in range(1, 1501)
        ]
    }
    sources_path, snapshot_path = write_world(tmp, world)
    data = read_snapshot(str(snapshot_path))
    entries = sources.entries(sources.load(str(sources_path)), data)
    judged = judge(entries, datetime(2026, 8, 8, tzinfo=UTC))
    plan = plan_site(entries, judged, pages.load_pages(CONTENT_DIR), data.captured_at)
    files = render_site(plan, "/", theme_chain())
    for name in files:  # cards and feed entries made once, as in a build
        files[name]
    return files


def peak_while_making(files, name: str) -> tuple[int, bytes]:
    tracemalloc.start()
    try:
        made = files[name]
        return tracemalloc.get_traced_memory()[1], made
    finally:
        tracemalloc.stop()


@pytest.mark.parametrize("name", ["repos/civic/app/index.html", "api/issues.json"])
def test_a_big_file_is_made_in_at_most_three_and_a_half_times_its_size(site, name):
    peak, made = peak_while_making(site, name)
    assert len(made) > 500_000
    assert peak < 3.5 * len(made), f"{name}: {peak:,} bytes at peak for {len(made):,}"


def test_the_api_written_an_issue_at_a_time_is_one_json_document(site):
    document = json.loads(site["api/issues.json"])
    assert document["count"] == len(document["issues"]) == 1500
    assert "Fix the footer 🦄" in {i["title"] for i in document["issues"]}
