"""`python build.py fetch` end to end: environment, exit codes, the written snapshot, stderr and job
summary."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from generator import cli
from generator.core import snapshot
from generator.core.records import RepoState
from tests.conftest import TOKEN
from tests.helpers import ROOT

SOURCES = """defaults:
  labels: [good first issue, help wanted]
sources:
  - repo: civic/app
    cause: housing
  - repo: civic/gone
    cause: housing
"""


@pytest.fixture
def tree(tmp_path: Path, fake_github, github_env, monkeypatch):
    for name, value in github_env.items():
        monkeypatch.setenv(name, value)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    fake_github.add_repo("civic/app", description="Housing <b>rights</b>", language="TypeScript")
    fake_github.add_issue(
        "civic/app", 3, "Fix <script> in the footer", labels=("good first issue",)
    )
    (tmp_path / "sources.yaml").write_text(SOURCES)
    return tmp_path


def fetch(tree: Path, *extra: str) -> int:
    return cli.main(
        [
            "fetch",
            "--sources",
            str(tree / "sources.yaml"),
            "--snapshot",
            str(tree / "data" / "snapshot.json"),
            *extra,
        ]
    )


def test_no_token_is_bad_input(tree, monkeypatch, capsys):
    monkeypatch.delenv("GITHUB_TOKEN")
    assert fetch(tree) == cli.EXIT_BAD_INPUT
    assert "GITHUB_TOKEN is not set" in capsys.readouterr().err
    assert not (tree / "data" / "snapshot.json").exists()


def test_fetch_writes_the_snapshot_and_an_unchanged_world_rewrites_the_same_bytes(tree, capsys):
    assert fetch(tree) == cli.EXIT_OK
    path = tree / "data" / "snapshot.json"
    first = path.read_bytes()
    written = snapshot.loads(first)
    assert {r.name_with_owner: r.state for r in written.repos} == {
        "civic/app": RepoState.OK,
        "civic/gone": RepoState.MISSING,
    }
    # kept as given; templates escape
    assert written.repos[0].issues[0].title == "Fix <script> in the footer"
    assert fetch(tree) == cli.EXIT_OK
    assert path.read_bytes() == first


def test_strict_fails_on_warnings(tree):
    assert fetch(tree, "--strict") == cli.EXIT_FAILURE


def test_too_many_failures_fail_the_run(tree, fake_github):
    fake_github.inject("status", times=1000, status=502, match='"app"')
    assert fetch(tree, "--max-failed", "0.6", "--retries", "0") == cli.EXIT_OK  # one stale of two
    assert fetch(tree, "--max-failed", "0.2", "--retries", "0") == cli.EXIT_FAILURE
    repos = {
        r.name_with_owner: r
        for r in snapshot.loads((tree / "data" / "snapshot.json").read_bytes()).repos
    }
    assert repos["civic/app"].state is RepoState.STALE


def command(tree: Path, *extra: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [
            sys.executable,
            str(ROOT / "build.py"),
            "fetch",
            "--sources",
            str(tree / "sources.yaml"),
            "--snapshot",
            str(tree / "snapshot.json"),
            *extra,
        ],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=tree,
    )


@pytest.mark.slow
def test_progress_on_stderr_silent_with_quiet_and_never_the_token(tree):
    normal = command(tree)
    assert normal.returncode == 0, normal.stderr
    assert "census: 2/2 repos" in normal.stderr and "points" in normal.stderr
    assert "warning: civic/gone (missing)" in normal.stderr
    quiet = command(tree, "-q")
    assert quiet.returncode == 0 and "census" not in quiet.stderr
    verbose = command(tree, "-v")
    assert verbose.returncode == 0 and TOKEN not in verbose.stderr + verbose.stdout


def test_job_summary_under_github_actions(tree, monkeypatch):
    summary = tree / "summary.md"
    summary.write_text("# Earlier step\n")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    assert fetch(tree) == cli.EXIT_OK
    text = summary.read_text()
    assert text.startswith("# Earlier step\n## Fetch")
    assert "| ok | 1 |" in text and "| missing | 1 |" in text and "| stale | 0 |" in text
    assert "points spent" in text
    assert "| `civic/gone` | missing | `not found:" in text


def test_refused_token_fails_without_touching_the_snapshot(tree, monkeypatch, capsys):
    monkeypatch.setenv("GITHUB_TOKEN", "wrong")
    assert fetch(tree) == cli.EXIT_FAILURE
    assert "GitHub refused the token" in capsys.readouterr().err
    assert not (tree / "data" / "snapshot.json").exists()
