"""Parked work (a do-not-start label) is kept off every list, feed and the API, and shown on its repo page
with the label as the reason; fetched from the fake GitHub and built, as the refresh job does."""

from __future__ import annotations

import json

import pytest

from generator import cli
from generator.build.parked import KIND, PHRASES, parked_by, words
from generator.core.records import Issue, Label, Source
from tests.helpers import read_tree

PARKED = {
    11: "on-hold",
    12: "Status: Blocked",
    13: "no-issue-activity",
    14: "status/ready-for-specification",
    15: "z - Icebox",
    16: "04 - In Progress",
}
SOURCES = """defaults:
  labels: [good first issue]
sources:
  - repo: civic/app
    cause: housing
  - repo: civic/own
    cause: housing
    parked: [waiting for city data]
    unparked: [blocked]
"""


@pytest.fixture
def site(tmp_path, fake_github, github_env, monkeypatch):
    for name, value in github_env.items():
        monkeypatch.setenv(name, value)
    fake_github.add_repo("civic/app", language="Python")
    fake_github.add_repo("civic/own", language="Python")
    fake_github.add_issue("civic/app", 1, "Free to take", labels=("good first issue",))
    for number, label in PARKED.items():
        fake_github.add_issue(
            "civic/app", number, f"Parked by {label}", labels=("good first issue", label)
        )
    fake_github.add_issue(
        "civic/own", 1, "Waits for the city", labels=("good first issue", "waiting for city data")
    )
    fake_github.add_issue(
        "civic/own", 2, "Blocked means another thing here", labels=("good first issue", "blocked")
    )
    (tmp_path / "sources.yaml").write_text(SOURCES)
    paths = [
        "--sources",
        str(tmp_path / "sources.yaml"),
        "--snapshot",
        str(tmp_path / "snapshot.json"),
    ]
    assert cli.main(["fetch", "-q", *paths]) == cli.EXIT_OK
    assert cli.main(["build", "-q", *paths, "--out", str(tmp_path / "site")]) == cli.EXIT_OK
    return read_tree(tmp_path / "site")


def test_parked_issues_are_on_no_list_no_feed_and_not_in_the_api(site):
    api = {(i["repo"], i["number"]) for i in json.loads(site["api/issues.json"])["issues"]}
    assert api == {("civic/app", 1), ("civic/own", 2)}
    for name, data in site.items():
        if name.startswith("repos/") or not name.endswith((".html", ".atom", ".json")):
            continue
        text = data.decode()
        assert not [t for t in ("Parked by", "Waits for the city") if t in text], name


def test_each_is_on_its_repo_page_with_the_label_as_the_reason(site):
    page = site["repos/civic/app/index.html"].decode()
    parked = page.split("<h2>Not ready to start</h2>", 1)[1]
    for label in PARKED.values():
        assert f"Parked by {label}" in parked
        assert f"Not ready: labeled <q>{label}</q>" in parked
    own = site["repos/civic/own/index.html"].decode()
    assert "Not ready: labeled <q>waiting for city data</q>" in own
    assert "Not ready to start" in own and own.index(
        "Blocked means another thing here"
    ) < own.index("Not ready to start")


SPELLINGS = {
    "On Hold": "on hold",
    "S-blocked": "blocked",
    "lifecycle/stale": "marked stale",
    "🧊 icebox": "icebox",
    "Won't Fix": "won't fix",
    "needs_triage": "not specified yet",
    "[Status] In Progress": "in progress",
    "Ignore: Duplicate": "duplicate",
}


@pytest.mark.parametrize(("label", "kind"), sorted(SPELLINGS.items()))
def test_labels_are_matched_as_words_whatever_their_case_and_separators(label, kind):
    assert KIND[words(label)] == kind


def test_words_that_only_look_alike_do_not_park():
    source = Source(repo="a/b", cause="housing")
    for label in (
        "never-stale",
        "design needed",
        "backlog",
        "good first issue",
        "hold-music feature",
    ):
        issue = Issue(repo="a/b", number=1, title="t", url="u", labels=(Label(label),))
        assert parked_by(issue, source) == "", label


def test_every_kind_has_its_words():
    named = "on hold, blocked, icebox, won't fix, duplicate, invalid, marked stale, in progress"
    assert set(PHRASES) >= {*named.split(", "), "not specified yet"}
