"""fetch against the fake GitHub: every entry ends with a state, failures stay local, output is
stable."""

from __future__ import annotations

import pytest
from fake_github import FakeComment

from generator import sources as sources_file
from generator.build import claims
from generator.core import snapshot
from generator.core.dates import parse_time
from generator.core.github import Settings
from generator.core.records import Capture, Issue, Repo, RepoState, Snapshot, Source
from generator.fetch import FetchReport, Limits, collect
from generator.fetch.client import Client
from generator.fetch.passes import Passes

LABELS = ("good first issue", "help wanted")
NOW = "2026-12-01T12:00:00Z"


def source(repo: str, **fields) -> Source:
    return Source(repo=repo, cause="civic-tech", labels=fields.pop("labels", LABELS), **fields)


LIMITS = {"max_share", "batch", "issue_cap", "max_seconds", "page_nodes", "readiness"}


def run(env, sources, previous=None, now=NOW, **overrides) -> FetchReport:
    """`collect` through a client on the fake, with the report `fetch` would return."""
    fast = {"retries": 2, "backoff": 0.0, "max_wait": 2.0, "timeout": 5}
    fast.update({k: v for k, v in overrides.items() if k not in LIMITS})
    limits = Limits(**{k: v for k, v in overrides.items() if k in LIMITS})
    client = Client(Settings.from_env(env, **fast), limits)
    passes = Passes(client)
    try:
        fresh = collect(sources, previous, passes, now)
    finally:
        client.close()
    stats = client.stats
    entries = sources_file.entries(tuple(sources), fresh)
    return FetchReport(
        fresh, entries, stats.requests, stats.points, stats.remaining, passes.stopped
    )


def by_name(result) -> dict[str, Repo]:
    return {r.name_with_owner: r for r in result.snapshot.repos}


def said(result) -> dict[str, str]:
    """What the report says of each repo not in the OK state."""
    return {n.name: n.detail for n in result.notices()}


@pytest.fixture
def world(fake_github):
    fake = fake_github
    fake.add_repo(
        "civic/app",
        description="Tenant rights app",
        language="Python",
        stars=42,
        topics=("housing", "civic"),
        pushed_at="2026-11-30T10:00:00Z",
    )
    fake.add_issue(
        "civic/app",
        1,
        "Fix the footer",
        labels=("good first issue", "css"),
        body="The footer   overlaps\n\nthe form on phones.",
        author="maria",
        created="2026-10-01T00:00:00Z",
        updated="2026-10-05T00:00:00Z",
        comments=[
            FakeComment("ana", "2026-10-02T00:00:00Z", "Can I take this?", "NONE"),
            FakeComment("maria", "2026-10-03T00:00:00Z", "Sure!", "MEMBER"),
        ],
    )
    fake.add_issue(
        "civic/app",
        2,
        "Add Spanish strings",
        labels=("help wanted",),
        assignees=("bob",),
        linked_prs=(("https://github.com/civic/app/pull/10", "OPEN"),),
    )
    fake.add_issue("civic/app", 3, "Refactor", labels=("bug",))
    fake.add_issue(
        "civic/app", 4, "A pull request", labels=("good first issue",), is_pull_request=True
    )
    fake.add_issue(
        "civic/app",
        5,
        "Closed PR link",
        labels=("good first issue",),
        linked_prs=(("https://github.com/civic/app/pull/11", "CLOSED"),),
    )
    fake.add_repo("civic/old", archived=True)
    fake.add_issue("civic/old", 1, "Old issue", labels=("good first issue",))
    fake.add_repo("civic/before")
    fake.add_issue("civic/before", 9, "Moved along", labels=("good first issue",))
    fake.rename("civic/before", "civic/after")
    fake.add_repo("civic/closed", has_issues=False)
    fake.add_repo("civic/quiet")
    fake.add_issue("civic/quiet", 1, "Unlabeled", labels=("enhancement",))
    return fake


SOURCES = [
    source(r, line=n)
    for n, r in enumerate(
        ["civic/app", "civic/old", "civic/before", "civic/closed", "civic/quiet", "civic/gone"],
        start=10,
    )
]


def test_every_entry_ends_with_a_state(world, github_env):
    result = run(github_env, SOURCES)
    repos = by_name(result)
    assert {name: r.state for name, r in repos.items()} == {
        "civic/app": RepoState.OK,
        "civic/old": RepoState.ARCHIVED,
        "civic/after": RepoState.RENAMED,
        "civic/closed": RepoState.ISSUES_DISABLED,
        "civic/quiet": RepoState.NO_LABELED_ISSUES,
        "civic/gone": RepoState.MISSING,
    }
    assert repos["civic/old"].issues == () and repos["civic/quiet"].issues == ()
    assert "change `repo: civic/before` to `repo: civic/after`" in said(result)["civic/after"]
    assert "line 12" in said(result)["civic/after"]
    assert [i.number for i in repos["civic/after"].issues] == [9]  # followed, still listed
    assert repos["civic/after"].source == "civic/before"


def test_repo_and_issue_fields(world, github_env):
    app = by_name(run(github_env, SOURCES))["civic/app"]
    assert (app.description, app.language, app.stars, app.topics, app.license, app.pushed_at) == (
        "Tenant rights app",
        "Python",
        42,
        ("civic", "housing"),
        "MIT",
        "2026-11-30T10:00:00Z",
    )
    assert app.node_id.startswith("R_") and app.url == "https://github.com/civic/app"
    # not the unlabeled one, never the pull request
    assert [i.number for i in app.issues] == [
        1,
        2,
        5,
    ]
    first, second, third = app.issues
    assert first.title == "Fix the footer" and first.author == "maria"
    assert first.body == "The footer overlaps the form on phones."
    assert [(label.name, label.color) for label in first.labels] == [
        ("good first issue", "7057ff"),
        ("css", "7057ff"),
    ]
    assert (first.comments_count, first.last_comment_at) == (2, "2026-10-03T00:00:00Z")
    assert [(c.author, c.association) for c in first.comments] == [
        ("ana", "NONE"),
        ("maria", "MEMBER"),
    ]
    assert (first.created, first.updated, first.assignees, first.linked_pr) == (
        "2026-10-01T00:00:00Z",
        "2026-10-05T00:00:00Z",
        (),
        "",
    )
    assert (
        second.assignees == ("bob",) and second.linked_pr == "https://github.com/civic/app/pull/10"
    )
    assert third.linked_pr == ""  # only an open pull request counts


def test_unchanged_world_gives_byte_identical_snapshot(world, github_env):
    first = run(github_env, SOURCES, now="2026-12-01T12:00:00Z")
    second = run(github_env, SOURCES, previous=first.snapshot, now="2026-12-01T13:00:00Z")
    assert snapshot.dumps(second.snapshot) == snapshot.dumps(first.snapshot)
    world.add_issue("civic/app", 6, "New one", labels=("help wanted",))
    third = run(github_env, SOURCES, previous=second.snapshot, now="2026-12-01T14:00:00Z")
    assert third.snapshot.captured_at == "2026-12-01T14:00:00Z"
    # a state that did not change keeps the time it began
    assert by_name(third)["civic/old"].state_since == "2026-12-01T12:00:00Z"


def test_one_failing_repo_keeps_its_previous_data_and_spares_its_batch(world, github_env):
    first = run(github_env, SOURCES)
    world.add_issue("civic/app", 7, "Fresh issue", labels=("help wanted",))
    world.add_issue("civic/after", 10, "Also fresh", labels=("help wanted",))
    # every query that names civic/app
    world.inject("status", times=1000, status=502, match='"app"')
    later = run(github_env, SOURCES, previous=first.snapshot, now="2026-12-01T13:00:00Z")
    repos = by_name(later)
    app = repos["civic/app"]
    assert app.state is RepoState.STALE and "HTTP 502" in app.error
    assert app.issues_as_of == "2026-12-01T12:00:00Z" and app.state_since == "2026-12-01T13:00:00Z"
    assert "issues as of 1 Dec 2026" in said(later)["civic/app"]
    assert [i.number for i in app.issues] == [1, 2, 5]  # the previous fetch's issues, not lost
    assert [i.number for i in repos["civic/after"].issues] == [9, 10]  # same batch, fetched fresh
    assert repos["civic/gone"].state is RepoState.MISSING


def test_stale_data_keeps_the_capture_it_came_from(world, github_env):
    demo = Capture(method="civic-issues capture", note="read from issue pages")
    previous = Snapshot(
        captured_at="2026-08-08T00:00:00Z",
        captures=(demo,),
        repos=(
            Repo(
                name_with_owner="civic/app",
                url="u",
                source="civic/app",
                issues=(Issue(repo="civic/app", number=1, title="Old", url="u"),),
            ),
        ),
    )
    world.inject("status", times=1000, status=502, match='"app"')
    result = run(github_env, SOURCES, previous=previous, retries=0)
    assert [c.method for c in result.snapshot.captures] == [
        "GitHub GraphQL fetch",
        "civic-issues capture",
    ]
    assert [i.title for i in by_name(result)["civic/app"].issues] == ["Old"]


def test_stale_without_previous_data_still_accounted_for(world, github_env):
    world.inject("status", times=1000, status=503, match='"quiet"')
    result = run(github_env, SOURCES)
    repos = by_name(result)
    assert repos["civic/quiet"].state is RepoState.STALE and repos["civic/quiet"].issues == ()
    assert "never fetched before" in said(result)["civic/quiet"]
    assert repos["civic/app"].state is RepoState.OK


@pytest.mark.parametrize("kind", ["status", "truncate", "secondary"])
def test_transient_faults_are_retried_or_isolated(world, github_env, kind):
    world.inject(kind, times=1, status=502, retry_after=0)
    repos = by_name(run(github_env, SOURCES))
    assert repos["civic/app"].state is RepoState.OK and len(repos["civic/app"].issues) == 3
    assert any(e.fault == kind for e in world.log)


@pytest.mark.slow
def test_a_timeout_fails_the_request_not_the_run(world, github_env):
    world.inject("timeout", times=1000, delay=1.5, match='"closed"')
    repos = by_name(
        run(github_env, [source("civic/app"), source("civic/closed")], timeout=1, retries=0)
    )
    assert (
        repos["civic/closed"].state is RepoState.STALE and "Timeout" in repos["civic/closed"].error
    )
    assert repos["civic/app"].state is RepoState.OK


def test_budget_share_stops_before_overspending(world, github_env):
    world.buckets["graphql"]["limit"] = 10
    result = run(github_env, SOURCES, max_share=0.1)  # 1 point allowed: the census, then stop
    repos = by_name(result)
    assert result.points <= 1
    assert (
        repos["civic/app"].state is RepoState.STALE and "allowed share" in repos["civic/app"].error
    )
    assert repos["civic/gone"].state is RepoState.MISSING  # what the census learned is kept
    assert "allowed share" in result.stopped


def test_spent_budget_is_reported_not_hung_on(world, github_env):
    world.exhaust("graphql")
    result = run(github_env, SOURCES)
    assert {r.state for r in result.snapshot.repos} == {RepoState.STALE}
    assert "rate limit" in result.snapshot.repos[0].error


def test_pagination_up_to_the_cap(fake_github, github_env):
    fake_github.add_repo("big/repo")
    for number in range(1, 251):
        fake_github.add_issue(
            "big/repo",
            number,
            f"Issue {number}",
            labels=("good first issue",),
            assignees=("x",) if number % 10 == 0 else (),
            created=f"2026-01-01T00:{number // 60:02d}:{number % 60:02d}Z",
        )
    result = run(github_env, [source("big/repo")], issue_cap=1000)
    assert [i.number for i in result.snapshot.repos[0].issues] == list(range(1, 251))
    assert result.snapshot.repos[0].labeled_total is None
    capped = run(github_env, [source("big/repo")], issue_cap=120)
    assert (
        len(capped.snapshot.repos[0].issues) == 120
        and capped.snapshot.repos[0].labeled_total == 250
    )
    assert said(capped) == {}  # the repo is fine: the cut is said on its page, not as a problem
    from generator.core.states import detail

    assert detail(capped.snapshot.repos[0], None) == (
        "listing 120 of its 250 labeled open issues (unassigned first, oldest first)"
    )
    mixed = run(github_env, [source("big/repo")], issue_cap=230).snapshot.repos[0].issues
    # 225 unassigned, then 5 assigned
    assert len(mixed) == 230 and sum(1 for i in mixed if i.assignees) == 5


def test_org_entries_expand_to_public_unarchived_repos(fake_github, github_env):
    for name, archived in (("one", False), ("two", False), ("attic", True), ("skip", False)):
        fake_github.add_repo(f"coop/{name}", archived=archived)
        fake_github.add_issue(f"coop/{name}", 1, "Help", labels=("help wanted",))
    entries = [
        Source(repo="coop", cause="coops", is_org=True, exclude=("skip",), labels=LABELS),
        source("coop/two", labels=("help wanted",)),
    ]
    repos = by_name(run(github_env, entries))
    assert sorted(repos) == ["coop/one", "coop/two"]
    assert repos["coop/one"].source == "coop" and repos["coop/two"].source == "coop/two"


def test_an_org_with_nothing_to_list_still_ends_with_a_state(fake_github, github_env):
    fake_github.add_repo("attic/old", archived=True)
    entries = [Source(repo="attic", cause="c", is_org=True, labels=LABELS)]
    first = run(github_env, entries)
    assert [(r.name_with_owner, r.state) for r in first.snapshot.repos] == [
        ("attic", RepoState.NO_LABELED_ISSUES)
    ]
    again = run(github_env, entries, previous=first.snapshot, now="2026-12-02T00:00:00Z")
    assert snapshot.dumps(again.snapshot) == snapshot.dumps(first.snapshot)


def test_unknown_org_keeps_its_previous_repos_stale(fake_github, github_env):
    previous = Snapshot(
        captured_at="2026-11-01T00:00:00Z",
        repos=(Repo(name_with_owner="ghost/app", url="u", source="ghost"),),
    )
    entries = [Source(repo="ghost", cause="c", is_org=True, labels=LABELS)]
    repos = run(github_env, entries, previous=previous).snapshot.repos
    assert [(r.name_with_owner, r.state) for r in repos] == [("ghost/app", RepoState.STALE)]


def test_rename_recognised_by_node_id_after_sources_edit(world, github_env):
    first = run(github_env, [source("civic/before")])
    assert first.snapshot.repos[0].state is RepoState.RENAMED
    second = run(
        github_env, [source("civic/after")], previous=first.snapshot, now="2026-12-02T00:00:00Z"
    )
    repo = second.snapshot.repos[0]
    assert (repo.state, repo.node_id) == (RepoState.OK, first.snapshot.repos[0].node_id)


@pytest.mark.slow
def test_previous_state_since_kept_for_stale_repos(world, github_env):
    first = run(github_env, SOURCES)
    world.inject("status", times=1000, match='"app"')
    second = run(github_env, SOURCES, previous=first.snapshot, now="2026-12-02T00:00:00Z")
    third = run(github_env, SOURCES, previous=second.snapshot, now="2026-12-03T00:00:00Z")
    app = by_name(third)["civic/app"]
    assert app.state_since == "2026-12-02T00:00:00Z"
    assert app.issues_as_of == "2026-12-01T12:00:00Z"  # the last good fetch, not the last run
    assert [i.number for i in app.issues] == [1, 2, 5]


def test_a_budget_stop_mid_census_keeps_what_was_learned(world, github_env):
    world.buckets["graphql"]["limit"] = 10
    # room for the first census query only
    repos = by_name(run(github_env, SOURCES, max_share=0.1, batch=2))
    assert repos["civic/old"].state is RepoState.ARCHIVED  # learned by the first query
    assert (
        repos["civic/quiet"].state is RepoState.STALE
        and "allowed share" in repos["civic/quiet"].error
    )
    assert len(repos) == len(SOURCES)


def test_a_bad_repo_first_in_a_big_batch_is_not_an_outage(fake_github, github_env):
    names = [f"many/repo-{n:02d}" for n in range(16)]
    for name in names:
        fake_github.add_repo(name)
        fake_github.add_issue(name, 1, "Help", labels=("help wanted",))
    fake_github.inject("status", times=1000, status=502, match='"repo-00"')
    repos = by_name(run(github_env, [source(n) for n in names], retries=0))
    assert repos["many/repo-00"].state is RepoState.STALE
    assert all(repos[n].state is RepoState.OK for n in names[1:])


def test_a_whole_outage_ends_the_run_quickly(world, github_env):
    world.inject("status", times=10_000, status=503)
    result = run(github_env, SOURCES, retries=0)
    assert {r.state for r in result.snapshot.repos} == {RepoState.STALE}
    assert "in a row failed" in by_name(result)["civic/quiet"].error
    assert world.requests() < 15


def test_linked_pull_requests_found_past_one_page_of_search(fake_github, github_env):
    fake_github.add_repo("big/linked")
    for number in range(1, 131):
        fake_github.add_issue(
            "big/linked",
            number,
            f"Issue {number}",
            labels=("help wanted",),
            linked_prs=((f"https://github.com/big/linked/pull/{1000 + number}", "OPEN"),),
        )
    issues = run(github_env, [source("big/linked")]).snapshot.repos[0].issues
    assert [i.linked_pr for i in issues] == [
        f"https://github.com/big/linked/pull/{1000 + n}" for n in range(1, 131)
    ]


def test_a_failed_linked_pr_search_marks_the_repo_stale_rather_than_guessing(world, github_env):
    world.inject("status", times=1000, status=502, match="linked:pr")
    repos = by_name(run(github_env, SOURCES, retries=0))
    assert (
        repos["civic/app"].state is RepoState.STALE
        and "linked pull requests" in repos["civic/app"].error
    )
    assert repos["civic/old"].state is RepoState.ARCHIVED


def test_a_refused_comment_field_marks_the_repo_partial_never_ok(world, github_env):
    world.refuse("IssueComment.authorAssociation")
    result = run(github_env, SOURCES)
    app = by_name(result)["civic/app"]
    assert app.state is RepoState.PARTIAL
    assert (
        "issues.nodes.comments.nodes.authorAssociation" in app.error
        and "not accessible" in app.error
    )
    fixed = {i.number: i for i in app.issues}
    # the lost comments are not pretended
    assert fixed[1].unread == ("comments",) and fixed[1].comments == ()
    assert fixed[5].unread == ()  # no comments, nothing lost
    assert any("civic/app is partial" in line for line in result.annotations())
    assert "| partial | 1 |" in result.summary_markdown()


def test_readiness_is_read_in_the_census_exactly_as_the_repo_has_it(fake_github, github_env):
    merged = (
        ("MEMBER", "2026-11-01T00:00:00Z"),
        ("CONTRIBUTOR", "2026-11-02T00:00:00Z"),
        ("FIRST_TIME_CONTRIBUTOR", "2026-11-03T00:00:00Z"),
    )
    files = ("CONTRIBUTING.md", ".devcontainer/devcontainer.json", "docker-compose.yml")
    fake_github.add_repo(
        "civic/ready",
        code_of_conduct="Contributor Covenant",
        discussions=True,
        files=files,
        merged=merged,
    )
    fake_github.add_repo("civic/bare")
    for name in ("civic/ready", "civic/bare"):
        fake_github.add_issue(name, 1, "Help", labels=("good first issue",))
    repos = by_name(run(github_env, [source("civic/ready"), source("civic/bare")]))
    got = repos["civic/ready"].readiness
    assert got.contributing == "https://github.com/civic/ready/blob/HEAD/CONTRIBUTING.md"
    assert (got.code_of_conduct, got.discussions) == ("Contributor Covenant", True)
    assert got.dev_environment == (".devcontainer", "docker-compose.yml")
    assert (got.merged, got.merged_from_outside, got.merged_from_newcomers) == (3, 2, 1)
    assert got.last_merged == "2026-11-03T00:00:00Z"
    bare = repos["civic/bare"].readiness
    assert (bare.contributing, bare.code_of_conduct, bare.dev_environment, bare.merged) == (
        "",
        "",
        (),
        0,
    )


@pytest.mark.slow
def test_readiness_costs_one_connection_a_repo(fake_github, github_env):
    for n in range(100):
        fake_github.add_repo(f"many/r{n:02d}")
    with_fields = run(github_env, [source(f"many/r{n:02d}") for n in range(100)])
    fake_github.reset_log()
    without = run(github_env, [source(f"many/r{n:02d}") for n in range(100)], readiness=False)
    assert with_fields.points - without.points == 1  # 100 more connections: one point
    assert all(r.readiness.merged is None for r in without.snapshot.repos)


def test_a_release_after_its_reasons_frees_the_issue(fake_github, github_env):
    """A maintainer's release often comes after a courtesy; the fetch keeps enough to read it."""
    # Real comment: https://github.com/hackforla/website/issues/7835 (tests/data/claims/comments.jsonl)
    release = (
        "Hello @mocodesss, we appreciate you taking on issue #7835, however it looks like you've "
        "already worked on enough issues of this complexity. Try checking out some of the issues "
        "of the next complexity from the Prioritized Backlog :)\n\nWe are going to unassign you "
        "from this issue so you can take on another issue."
    )
    fake_github.add_repo("civic/site")
    fake_github.add_issue(
        "civic/site",
        7,
        "Update the footer links",
        labels=("good first issue",),
        comments=[
            FakeComment("mocodesss", "2026-11-20T00:00:00Z", "Can I take this?", "NONE"),
            FakeComment("lead", "2026-11-21T00:00:00Z", release, "MEMBER"),
        ],
    )
    (issue,) = by_name(run(github_env, [source("civic/site")]))["civic/site"].issues
    assert claims.claim(issue, parse_time(NOW)) is None
