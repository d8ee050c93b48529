"""Issue 9 end to end on a small world: fetch and build through the CLI, then read the site back.

bench/takeable.py does the same on the fetch benchmark's 1,000 repos and reports the figures; this
keeps the guarantees: nothing assigned or with an open pull request is listed anywhere as takeable,
claimed issues sit on their repo page with their reason, and a released claim is back on the home
page."""

from __future__ import annotations

import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from fake_github import FakeComment, world
from fake_github.graphql_api import schema
from graphql import parse, validate

from generator import cli
from generator.build import claims
from generator.build.parked import parked_by
from generator.build.render.words import claim_words
from generator.core import snapshot
from generator.core.dates import day, parse_time
from generator.core.records import Source
from generator.fetch.queries import ISSUE_FRAGMENT

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

import takeable as bench  # noqa: E402

REPO = "civic/takeable"
CLAIM = "I'd like to work on this, could you assign it to me?"
RELEASE = "Unassigning due to inactivity, feel free to pick this up."


def _ago(now: datetime, days: float) -> str:
    return (now - timedelta(days=days, hours=1)).strftime("%Y-%m-%dT%H:%M:%SZ")


def _hand_made(now: datetime) -> dict[int, dict]:
    """One repo whose issues each show one rule; opened 60 days ago, so newer than the whole world."""

    def said(text, days, association="NONE", author="bo"):
        return FakeComment(author, _ago(now, days), text, association)

    return {
        1: {},
        2: {"assignees": ("ana",)},
        3: {"linked_prs": ((f"https://github.com/{REPO}/pull/12", "OPEN"),)},
        4: {"comments": [said("Thanks for the report.", 20, "MEMBER", "max"), said(CLAIM, 5)]},
        5: {
            "comments": [said(CLAIM, 10), said(RELEASE, 2, "MEMBER", "max")]
        },  # released: free again
        6: {"linked_prs": ((f"https://github.com/{REPO}/pull/13", "CLOSED"),)},
        7: {
            "comments": [said("I will take this one.", 3, "MEMBER", "max")]
        },  # a maintainer's: not a claim
        8: {"comments": [said(CLAIM, 45)]},  # outside the 30-day window
        9: {"labels": ("status: blocked",)},  # parked: off the lists by design
        10: {"comments": [said(CLAIM, 4)]},  # the truth below says it is no claim: read wrongly
    }


TRUTH = {
    4: ("neither", "claim"),
    5: ("claim", "release"),
    7: ("claim",),
    8: ("claim",),
    10: ("neither",),
}
"""The human label of each hand-made comment, for the benchmark's ground truth."""


@pytest.fixture
def built(tmp_path: Path, fake_github, github_env, monkeypatch):
    """(issues the world has taken, the snapshot, what the site shows) after fetch and build."""
    for name, value in github_env.items():
        monkeypatch.setenv(name, value)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    now = datetime.now(UTC)
    specs = world.generate(30, seed=3)
    for (
        spec
    ) in specs:  # the three big repos cut down: the rules, not the volume, are under test here
        spec.issues = [i for i in spec.issues if i["number"] <= 15 or i.get("is_pull_request")]
    placed = bench.add_threads(specs, now, seed=3)
    world.load(fake_github, specs)
    fake_github.add_repo(REPO, language="Python")
    hand = _hand_made(now)
    for number, fields in hand.items():
        fields = dict(fields)
        said = fields.get("comments", ())
        placed[(REPO, number)] = [
            bench.Said(c.body, label, c.author, c.association, parse_time(c.created))
            for c, label in zip(said, TRUTH.get(number, ()), strict=True)
        ]
        fake_github.add_issue(
            REPO,
            number,
            f"Rule {number}",
            labels=("good first issue", *fields.pop("labels", ())),
            created=_ago(now, 60),
            updated=_ago(now, 1),
            **fields,
        )
    (tmp_path / "sources.yaml").write_text(
        bench.sources_yaml(specs) + f"  - repo: {REPO}\n    cause: housing\n"
        "    labels: [good first issue]\n"
    )
    paths = [
        "--sources",
        str(tmp_path / "sources.yaml"),
        "--snapshot",
        str(tmp_path / "snapshot.json"),
    ]
    assert cli.main(["fetch", "-q", "--max-failed", "1", *paths]) == cli.EXIT_OK
    assert cli.main(["build", "-q", *paths, "--out", str(tmp_path / "site")]) == cli.EXIT_OK
    written = snapshot.loads((tmp_path / "snapshot.json").read_bytes())
    opened = {
        (REPO, n)
        for n, f in hand.items()
        if any(state == "OPEN" for _, state in f.get("linked_prs", ()))
    }
    taken = (
        bench.taken_in_world(specs)
        | opened
        | {(REPO, n) for n, f in hand.items() if f.get("assignees")}
    )
    return taken, written, bench.read_site(tmp_path / "site"), placed


def test_nothing_assigned_or_with_an_open_pull_request_is_listed_anywhere(built):
    taken, written, shows, _ = built
    listed = {(r.name_with_owner.lower(), i.number) for r in written.repos for i in r.issues}
    assert len(taken & listed) > 20  # the world has plenty of them, so an empty reading cannot pass
    assert {
        place: sorted(found & taken) for place, found in shows.places.items() if found & taken
    } == {}
    assert taken & listed <= set(shows.claimed)  # each sits on its repo page instead
    api = shows.places["api/issues.json"]
    assert shows.places["static/filter-index.json"] == api
    assert len(shows.places["/"]) == min(200, len(api)) > 0  # the home page's HTML: the newest 200
    assert shows.listing_pages > 10 and shows.feeds > 10


def test_the_site_lists_exactly_what_the_judgement_leaves_free(built):
    _, written, shows, _ = built
    now = parse_time(written.captured_at)
    verdicts = {
        (r.name_with_owner.lower(), i.number): claims.claim(i, now)
        for r in written.repos
        for i in r.issues
    }
    # the world's sources name no parked labels of their own: the built-in vocabulary decides
    parked = {
        (r.name_with_owner.lower(), i.number)
        for r in written.repos
        for i in r.issues
        if parked_by(i, Source(repo=r.source, cause="housing"))
    }
    assert parked  # the real labels of the world include do-not-start ones
    assert (
        {k for k, v in verdicts.items() if v is None} - parked
        == shows.places["api/issues.json"]
        == shows.takeable()
    )
    assert {k: said(v) for k, v in verdicts.items() if v} == shows.claimed
    assert any(v and v.kind == "comment" for v in verdicts.values())


def said(claim) -> str:
    """A claim as its card says it: the reason, and the date of a claiming comment (in words only in
    the reader's browser)."""
    return claim_words(claim) + (f" {day(claim.since)}" if claim.since else "")


def test_claimed_issues_are_on_their_repo_page_with_their_reason(built):
    _, written, shows, _ = built
    claimed_on = day(_ago(parse_time(written.captured_at), 5))
    assert {n: shows.claimed.get((REPO, n)) for n in (2, 3, 4)} == {
        2: "assigned to @ana",
        3: "PR #12 open",
        4: f"claimed in a comment by @bo {claimed_on}",
    }
    assert all((REPO, 4) not in found for found in shows.places.values())


def test_a_released_claim_is_back_on_the_home_page(built):
    _, _, shows, _ = built
    home = shows.places["/"]
    assert {n for n in range(1, 9) if (REPO, n) in home} == {1, 5, 6, 7, 8}
    assert (REPO, 5) in shows.places[f"repos/{REPO}/feed.atom"]


def test_the_benchmark_says_why_a_free_issue_is_off_the_listings(built):
    taken, written, shows, placed = built
    hidden = bench.judge(taken, placed, written, shows).hidden
    assert {n: hidden.get((REPO, n)) for n in range(1, 11)} == {
        **dict.fromkeys(range(1, 9)),
        9: bench.PARKED,
        10: bench.FALSE_CLAIM,
    }
    assert bench.PARKED in {why for key, why in hidden.items() if key[0] != REPO}
    assert bench.UNEXPLAINED not in hidden.values()


def test_the_patched_fetches_ask_valid_queries():
    query = (
        'query { repository(owner: "a", name: "b") '
        "{ issues(first: 1) { nodes { ...IssueFields } } } }"
    )
    for kept in (0, 20):
        fragment = bench.with_comments(ISSUE_FRAGMENT, kept)
        assert validate(schema(), parse(query + fragment)) == []
        assert ("comments" in fragment) == bool(kept)
        assert f"comments(last: {kept})" in fragment or not kept
    with pytest.raises(ValueError, match="0 selections"):
        bench.with_comments(bench.with_comments(ISSUE_FRAGMENT, 0), 5)
    with pytest.raises(ValueError, match="never closes"):
        bench.with_comments("fragment F on Issue { number comments(last: 3) { totalCount", 0)


def test_the_benchmark_splits_slips_by_why():
    now = datetime(2026, 6, 1, tzinfo=UTC)

    def said(text, label, days, association="NONE"):
        return bench.Said(text, label, "bo", association, now - timedelta(days=days))

    kept = bench.COMMENTS_KEPT
    early = [said(CLAIM, "claim", 20), *(said("Thanks!", "neither", 19 - d) for d in range(kept))]
    assert bench.claimed_by_comment(early, now) and not bench.claimed_by_comment(early[-kept:], now)
    assert bench.why_missed(early, now) == f"claim outside the last {kept} comments"
    # answers "are you on it?": no rule reading it alone can see it
    unseen = [said("Yes, I am.", "claim", 2)]
    assert bench.why_missed(unseen, now) == "rule miss"
    released = [said(CLAIM, "claim", 6), said(RELEASE, "release", 2, "MEMBER")]
    assert bench.held_claim(released) is None
    assert not bench.claimed_by_comment([said(CLAIM, "claim", 6, "OWNER")], now)
