"""refresh.yml replayed against the fake GitHub: scheduled and pushed runs, a failed fetch, a repository without
Pages, a default branch not called main, and the fetch's warnings reaching the log and the job summary."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.helpers import ROOT, issue, write_world
from tests.workflows.replay import Runner, git, load, python_shim

WORKFLOW = ROOT / ".github" / "workflows" / "refresh.yml"
REPOSITORY = "volunteers/shovel-ready"
PAGES_URL = "https://volunteers.github.io/shovel-ready"
SITE_FILES = ("build.py", "generator", "themes", "content")


def make_origin(tmp_path: Path, branch: str, repos: dict) -> Path:
    """A bare "GitHub" repository on `branch`: the site's code, a sources.yaml of `repos` and an old
    snapshot."""
    seed = tmp_path / "seed"
    seed.mkdir()
    for name in SITE_FILES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, seed / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, seed / name)
    write_world(seed, repos)
    (seed / "data").mkdir()
    (seed / "snapshot.json").rename(seed / "data" / "snapshot.json")
    git("init", "--quiet", "--initial-branch", branch, cwd=seed)
    git("add", ".", cwd=seed)
    git("commit", "--quiet", "-m", "Start", cwd=seed)
    bare = tmp_path / "origin.git"
    git("clone", "--quiet", "--bare", str(seed), str(bare))
    return bare


@pytest.fixture
def world(fake_github):
    """Two listed repositories with one beginner issue each, and this site's repository with Pages
    on."""
    fake_github.add_repo(REPOSITORY, pages_url=PAGES_URL + "/")
    fake_github.add_repo("civic/app", description="Campaign tools", language="Python")
    fake_github.add_issue(
        "civic/app",
        7,
        "Fix the footer on the volunteer page",
        labels=("good first issue",),
        created="2026-11-20T10:00:00Z",
    )
    fake_github.add_repo("civic/data", description="Election results", language="Python")
    fake_github.add_issue(
        "civic/data",
        3,
        "Load the 2026 county results",
        labels=("good first issue",),
        created="2026-11-25T10:00:00Z",
    )
    return fake_github


LISTED = {"civic/app": [issue("civic/app", 1, "An issue fixed long ago")], "civic/data": []}


@pytest.fixture
def replay(tmp_path, world):
    """replay(number, event_name, ref, default_branch, origin): the n-th run of refresh.yml against the fake.

    The cache and the artifacts carry over between runs, as they do on GitHub."""
    env = {
        "PATH": f"{python_shim(tmp_path / 'bin')}:/usr/bin:/bin",
        "HOME": str(tmp_path),
        "LANG": "C.UTF-8",
        "GITHUB_API_URL": world.url,
        "GITHUB_GRAPHQL_URL": world.graphql_url,
    }
    (tmp_path / "cache").mkdir()

    def run(
        number: int,
        origin: Path,
        event_name: str = "schedule",
        ref: str = "refs/heads/main",
        default_branch: str = "main",
    ) -> Runner:
        # A scheduled run's event carries no repository (so no default_branch); the others do.
        event = (
            {} if event_name == "schedule" else {"repository": {"default_branch": default_branch}}
        )
        sha = git("rev-parse", ref, cwd=origin).strip()
        github = {
            "run_id": number,
            "run_attempt": 1,
            "ref": ref,
            "sha": sha,
            "token": world.token,
            "repository": REPOSITORY,
            "event_name": event_name,
            "event": event,
        }
        return Runner(
            load(WORKFLOW),
            github,
            env,
            tmp_path / f"run-{number}",
            origin,
            tmp_path / "cache",
            tmp_path / "artifacts",
        ).run()

    return run


def test_scheduled_and_pushed_runs_publish_and_commit(tmp_path, world, replay):
    origin = make_origin(tmp_path, "main", LISTED)
    first = replay(1, origin)
    assert first.failed == {}, first.log()
    assert first.ran == ["refresh", "deploy", "commit"]
    assert world.requests("graphql") > 0
    site = first.deployed
    assert site is not None and (site / "index.html").is_file()
    home = (site / "index.html").read_text()
    for url in ("https://github.com/civic/app/issues/7", "https://github.com/civic/data/issues/3"):
        assert url in home
    assert "An issue fixed long ago" not in home
    # every link under the Pages path
    assert 'href="/shovel-ready/' in home and 'href="/"' not in home
    # feeds carry the full address
    assert f"{PAGES_URL}/" in (site / "feeds" / "all.atom").read_text()
    summary = first.summary.read_text()
    assert "## Fetch" in summary and "| ok | 2 |" in summary  # the fetch report, in the job summary
    # The commit job pushed the fetched snapshot to main, and only that file changed.
    assert git("log", "--format=%s", "main", cwd=origin).splitlines()[0] == "Refresh the snapshot"
    assert git("diff", "--name-only", "main~1", "main", cwd=origin).split() == [
        "data/snapshot.json"
    ]
    pushed = json.loads(git("show", "main:data/snapshot.json", cwd=origin))
    assert sorted(i["url"] for r in pushed["repos"] for i in r["issues"]) == [
        "https://github.com/civic/app/issues/7",
        "https://github.com/civic/data/issues/3",
    ]
    assert (
        tmp_path / "cache" / "http-cache-1-1" / ".cache"
    ).is_dir()  # the HTTP cache, for the next run

    # Nothing changed on GitHub: a push to main publishes again and commits nothing.
    head = git("rev-parse", "main", cwd=origin)
    second = replay(2, origin, event_name="push")
    assert second.failed == {}, second.log()
    assert second.ran == ["refresh", "deploy"]
    assert second.jobs["refresh"].outputs["changed"] == "false"
    assert git("rev-parse", "main", cwd=origin) == head
    assert second.deployed is not None and (second.deployed / "index.html").read_text() == home


def test_a_default_branch_not_called_main_publishes_and_gets_the_commit(tmp_path, world, replay):
    origin = make_origin(tmp_path, "trunk", LISTED)
    run = replay(
        1, origin, event_name="workflow_dispatch", ref="refs/heads/trunk", default_branch="trunk"
    )
    assert run.failed == {}, run.log()
    assert run.ran == ["refresh", "deploy", "commit"]
    assert git("log", "--format=%s", "trunk", cwd=origin).splitlines()[0] == "Refresh the snapshot"
    assert git("branch", "--list", cwd=origin).split() == ["*", "trunk"]  # and no main appeared


def test_a_run_on_another_branch_publishes_and_commits_nothing(tmp_path, world, replay):
    origin = make_origin(tmp_path, "main", LISTED)
    git("branch", "try-a-theme", "main", cwd=origin)
    head = git("rev-parse", "main", cwd=origin)
    run = replay(1, origin, event_name="workflow_dispatch", ref="refs/heads/try-a-theme")
    assert run.failed == {}, run.log()
    assert run.ran == ["refresh"] and run.deployed is None
    assert (
        git("rev-parse", "main", cwd=origin) == head == git("rev-parse", "try-a-theme", cwd=origin)
    )


def test_without_pages_the_run_stops_before_fetching_and_says_what_to_do(tmp_path, world, replay):
    world.world.repo(REPOSITORY).pages_url = ""  # Settings → Pages was never set
    run = replay(1, make_origin(tmp_path, "main", LISTED))
    assert run.failed == {"refresh": "Find the Pages address"}
    assert run.ran == ["refresh"] and run.deployed is None
    assert world.requests("graphql") == 0, "nothing is fetched"
    assert (
        "::error title=GitHub Pages is not enabled::In Settings → Pages, set Source to GitHub "
        "Actions" in run.log()
    )


def test_a_failed_fetch_publishes_and_commits_nothing_but_keeps_the_http_cache(
    tmp_path, world, replay
):
    origin = make_origin(tmp_path, "main", LISTED)
    head = git("rev-parse", "main", cwd=origin)
    # every repository fails: far over the share of failures a run may have
    world.exhaust("graphql")
    run = replay(1, origin)
    assert run.failed == {"refresh": "Fetch"}
    assert run.ran == ["refresh"] and run.uploaded is None and run.deployed is None
    assert git("rev-parse", "main", cwd=origin) == head
    assert run.steps["fetch"]["outcome"] == "failure"
    assert (tmp_path / "cache" / "http-cache-1-1" / ".cache").is_dir(), (
        "saved although the job failed"
    )


def test_each_troubled_repo_is_a_warning_and_a_row_of_the_summary(tmp_path, world, replay):
    world.add_repo("civic/old", archived=True)
    world.add_issue("civic/old", 2, "Port to Python 3", labels=("good first issue",))
    world.add_repo("civic/new-name")
    world.add_issue("civic/new-name", 4, "Add a dark theme", labels=("good first issue",))
    world.rename("civic/new-name", "civic/renamed")
    listed = {**LISTED, "civic/old": [], "civic/gone": [], "civic/new-name": []}
    run = replay(1, make_origin(tmp_path, "main", listed))
    assert run.failed == {}, run.log()
    # `::warning title=…::owner/name (state): detail` on stderr, which the runner turns into
    # annotations.
    warnings = [line for line in run.log().splitlines() if line.startswith("::warning")]
    rows = [line for line in run.summary.read_text().splitlines() if line.startswith("|")]
    for name in ("civic/old", "civic/gone", "civic/new-name"):
        assert any(name in line for line in warnings), f"no ::warning names {name}:\n" + run.log()
        assert any(name in line for line in rows), f"no row of the job summary names {name}"
