"""`check --online` against the fake GitHub: golden Markdown reports, one folder per case.

Each folder of tests/data/online/ holds world.yaml (what the fake GitHub knows), sources.yaml (the
entry
under review) and expected.md (the PR comment). On a difference the test prints a diff; after an
intended
change, regenerate with
    .venv/bin/python -m pytest tests/check/test_online.py --regenerate
and review the diff of tests/data/online/ before committing it.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
import yaml

from generator import cli
from generator.check import report as check_report
from generator.core.records import Source
from tests.helpers import golden

CASES = Path(__file__).resolve().parents[1] / "data" / "online"


def build_world(fake, world: dict) -> None:
    """Fill the fake GitHub from a world.yaml mapping."""
    for spec in world.get("repos", ()):
        spec = dict(spec)
        name, labels, issues = spec.pop("name"), spec.pop("labels", ()), spec.pop("issues", ())
        repo = fake.add_repo(name, **spec)
        for label in labels:
            repo.label(label)
        for issue in issues:
            issue = dict(issue)
            fake.add_issue(
                name,
                issue.pop("number"),
                issue.pop("title"),
                labels=tuple(issue.pop("labels", ())),
                **issue,
            )
    for old, new in world.get("renames", ()):
        fake.rename(old, new)


@pytest.fixture
def online(fake_github, github_env, monkeypatch):
    """Run `check` with the environment pointing at the fake; returns (exit code, stdout, stderr)."""
    for name, value in github_env.items():
        monkeypatch.setenv(name, value)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)

    def run(capsys, *args):
        code = cli.main(["check", *args])
        out, err = capsys.readouterr()
        return code, out, err

    return run


@pytest.mark.parametrize("case", sorted(p.name for p in CASES.iterdir() if p.is_dir()))
def test_online_report_golden(case, fake_github, online, capsys, regenerate):
    folder = CASES / case
    build_world(fake_github, yaml.safe_load((folder / "world.yaml").read_text()))
    code, out, err = online(capsys, "--online", "--sources", str(folder / "sources.yaml"))
    assert code == (cli.EXIT_BAD_INPUT if case == "invalid-file" else cli.EXIT_OK), err
    golden(folder / "expected.md", out, regenerate)


def test_strict_fails_on_warnings_only(fake_github, online, capsys):
    build_world(fake_github, yaml.safe_load((CASES / "archived" / "world.yaml").read_text()))
    code, out, _ = online(
        capsys, "--online", "--strict", "--sources", str(CASES / "archived" / "sources.yaml")
    )
    assert code == cli.EXIT_FAILURE and "archived" in out
    build_world(fake_github, yaml.safe_load((CASES / "clean" / "world.yaml").read_text()))
    code, _, _ = online(
        capsys, "--online", "--strict", "--sources", str(CASES / "clean" / "sources.yaml")
    )
    assert code == cli.EXIT_OK


def test_changed_against_checks_only_new_and_edited_entries(tmp_path, fake_github, online, capsys):
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.org",
    }

    def git(*args):
        subprocess.run(["git", *args], cwd=tmp_path, check=True, capture_output=True, env=env)

    head = "defaults:\n  labels: [good first issue]\nsources:\n"
    old = "  - repo: move-coop/parsons\n    cause: campaigns\n  - repo: hackforla/website\n    cause: civic-tech\n"
    (tmp_path / "sources.yaml").write_text(head + old)
    git("init", "-q")
    git("add", "sources.yaml")
    git("commit", "-q", "-m", "base")
    new = (
        old.replace("cause: civic-tech", "cause: civic-tech\n    note: Join first.")
        + "  - repo: hackforla/ballotnav\n    cause: voting\n"
    )
    (tmp_path / "sources.yaml").write_text(head + new)
    for name in ("move-coop/parsons", "hackforla/website", "hackforla/ballotnav"):
        fake_github.add_repo(name).label("good first issue")
    code, out, _ = online(
        capsys, "--online", "--changed-against", "HEAD", "--sources", str(tmp_path / "sources.yaml")
    )
    assert code == cli.EXIT_OK
    assert "the entries this pull request adds or changes: 2 checked" in out
    assert "`hackforla/website`" in out and "`hackforla/ballotnav`" in out and "parsons" not in out
    asked = {e.path for e in fake_github.log}
    assert "/repos/move-coop/parsons" not in asked and "/repos/hackforla/ballotnav" in asked


@pytest.mark.slow
def test_one_failing_repo_does_not_sink_the_report(fake_github, online, capsys):
    build_world(fake_github, yaml.safe_load((CASES / "clean" / "world.yaml").read_text()))
    fake_github.add_repo("hackforla/website").label("good first issue")
    fake_github.inject("status", times=10, status=502, match="hackforla/website")
    path = CASES.parent / "online-two.yaml"
    try:
        path.write_text(
            "sources:\n  - repo: hackforla/website\n    cause: civic-tech\n    labels: [good "
            "first issue]\n"
            "  - repo: move-coop/parsons\n    cause: campaigns\n    labels: [good first issue]\n"
        )
        code, out, _ = online(capsys, "--online", "--sources", str(path))
    finally:
        path.unlink()
    assert code == cli.EXIT_OK
    assert "Could not be checked: `GitHub answered 502 " in out
    assert "| `move-coop/parsons` | 5 | ✅ ready | 2 |" in out


def test_refused_token_is_a_failure(fake_github, online, capsys, monkeypatch):
    monkeypatch.setenv("GITHUB_TOKEN", "wrong")
    fake_github.add_repo("move-coop/parsons")
    code, _, err = online(capsys, "--online", "--sources", str(CASES / "clean" / "sources.yaml"))
    assert code == cli.EXIT_FAILURE and "GitHub refused the token" in err


def test_report_is_deterministic_whatever_the_order_of_findings():
    a = check_report.Finding(
        source=Source(repo="a/b", cause="voting", line=9, labels=("x",)), exists=False
    )
    b = check_report.Finding(
        source=Source(repo="c/d", cause="voting", line=4, labels=("x",)), exists=False
    )
    assert check_report.markdown([a, b], (), True) == check_report.markdown([b, a], (), True)


def test_private_repo_readable_by_the_token_is_a_warning():
    source = Source(repo="a/b", cause="voting", line=3, labels=("x",))
    finding = check_report.Finding(
        source=source,
        exists=True,
        canonical="a/b",
        private=True,
        labels=(check_report.LabelCheck("x", "x", 1),),
        open_issues=1,
    )
    assert finding.level == "warning"
    assert check_report.notes(finding) == [
        ("warning", "The repository is private: only public repositories are listed.")
    ]


def test_a_whole_file_check_says_what_it_will_cost_and_how_to_ask_less(
    fake_github, online, capsys, caplog
):
    build_world(fake_github, yaml.safe_load((CASES / "clean" / "world.yaml").read_text()))
    with caplog.at_level("INFO"):
        code, out, _ = online(
            capsys, "--online", "--sources", str(CASES / "clean" / "sources.yaml")
        )
    assert code == cli.EXIT_OK and out.startswith(check_report.MARKER)
    assert "asking GitHub about all 1 entries: about 4 requests" in caplog.text
    assert "--changed-against origin/main" in caplog.text


def test_without_a_token_it_says_what_github_allows(
    fake_github, online, capsys, caplog, monkeypatch
):
    monkeypatch.delenv("GITHUB_TOKEN")
    fake_github.add_repo("move-coop/parsons")
    online(capsys, "--online", "--sources", str(CASES / "clean" / "sources.yaml"))
    assert "no GITHUB_TOKEN: GitHub allows 60 requests an hour without a token" in caplog.text


def test_under_actions_an_invalid_file_still_gives_a_report_that_starts_with_the_marker(
    online, capsys, monkeypatch
):
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    code, out, err = online(
        capsys, "--online", "--sources", str(CASES / "invalid-file" / "sources.yaml")
    )
    assert code == cli.EXIT_BAD_INPUT
    assert out.splitlines()[0] == check_report.MARKER and "::error" not in out
    assert "::error file=" in err
