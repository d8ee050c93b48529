"""The loader on valid files, the real catalog, and the offline `check` command."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from generator import cli, sources
from generator.check import diff as sources_diff
from generator.check import report as check_report
from generator.core import errors
from generator.core.records import Effort, SkillArea, Source
from tests.helpers import CATALOG  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
REAL = CATALOG / "sources.yaml"  # a frozen copy of the list: the live one changes in every fork

VALID = """\
defaults:
  labels: [good first issue, help wanted]
sources:
  - repo: hackforla/website
    cause: civic-tech
    labels: ["Good First Issue"]
    skills:
      "Role: Front End": frontend
    effort:
      "Size: 1pt": small
    default_skill: design
    name: Hack for LA website
    note: Join our onboarding first.
  - repo: openstates/people
    cause: government-data
  - org: codeforboston
    cause: civic-tech
    exclude: [old-site]
  - repo: codeforboston/old-site
    cause: civic-tech
    labels: [beginner]
"""


def test_valid_file_gives_complete_records():
    website, people, org, override = sources.parse(VALID)
    assert website == Source(
        repo="hackforla/website",
        cause="civic-tech",
        line=4,
        labels=("Good First Issue",),
        skills=(("role: front end", SkillArea.FRONTEND),),
        effort=(("size: 1pt", Effort.SMALL),),
        default_skill=SkillArea.DESIGN,
        name="Hack for LA website",
        note="Join our onboarding first.",
    )
    assert people.labels == ("good first issue", "help wanted")  # the defaults
    assert people.labels_from_defaults and not website.labels_from_defaults
    assert (org.is_org, org.repo, org.exclude) == (True, "codeforboston", ("old-site",))
    assert org.line == 16
    # excluded from the org, so configurable on its own
    assert override.repo == "codeforboston/old-site"


def test_a_real_catalog_is_valid_and_large_enough():
    found = sources.load(str(REAL))
    repos = [s for s in found if not s.is_org]
    assert len(repos) >= 100
    assert {s.cause for s in found} <= set(sources.CAUSES)
    assert len({s.key for s in found}) == len(found)
    assert REAL.read_text().startswith("# yaml-language-server: $schema=./sources.schema.json\n")


def test_check_on_a_real_catalog_is_clean():
    done = subprocess.run(
        [sys.executable, "build.py", "check", "--sources", str(REAL)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr


def test_check_writes_nothing(tmp_path, monkeypatch):
    path = tmp_path / "sources.yaml"
    path.write_text(VALID)
    monkeypatch.chdir(tmp_path)
    assert cli.main(["check", "--sources", str(path)]) == cli.EXIT_OK
    assert sorted(p.name for p in tmp_path.iterdir()) == ["sources.yaml"]


def test_missing_file_is_bad_input(tmp_path, capsys):
    assert cli.main(["check", "--sources", str(tmp_path / "nope.yaml")]) == cli.EXIT_BAD_INPUT
    assert f"{tmp_path / 'nope.yaml'}:1:1: error: cannot read the file" in capsys.readouterr().err


def test_github_actions_annotations(tmp_path, capsys, monkeypatch):
    path = tmp_path / "sources.yaml"
    path.write_text("sources:\n  - repo: a/b\n    cause: civic-tech\n    lables: [x]\n")
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    assert cli.main(["check", "--sources", str(path)]) == cli.EXIT_BAD_INPUT
    out, err = capsys.readouterr()
    assert out == ""  # stdout is only ever the --online report
    assert [line for line in err.splitlines() if line.startswith("::")] == [
        f"::error file={path},line=2,col=5,title=sources.yaml check::"
        "entry 'a/b' names no `labels` and there are no `defaults: labels:` to fall back on",
        f"::error file={path},line=4,col=5,title=sources.yaml check::"
        "unknown key 'lables' in this entry — did you mean 'labels'?",
    ]
    assert err.count(": error: ") == 2


def test_annotations_only_under_github_actions(tmp_path, capsys, monkeypatch):
    path = tmp_path / "sources.yaml"
    path.write_text("sources: []\n")
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    assert cli.main(["check", "--sources", str(path)]) == cli.EXIT_BAD_INPUT
    assert capsys.readouterr().out == ""


def test_annotation_escapes_newlines_percent_and_separators():
    problem = errors.SourcesError("a,b:c.yaml", 3, 4, "100% wrong\nsecond line")
    assert check_report.annotation(problem) == (
        "::error file=a%2Cb%3Ac.yaml,line=3,col=4,title=sources.yaml check::100%25 wrong%0Asecond line"
    )


@pytest.mark.parametrize(
    ("word", "options", "hint"),
    [
        ("lables", sources.REPO_KEYS, " — did you mean 'labels'?"),
        ("repository", sources.REPO_KEYS, " — did you mean 'repo'?"),
        ("front end", ["backend", "frontend"], " — did you mean 'frontend'?"),
        ("Civic Tech", sources.CAUSES, " — did you mean 'civic-tech'?"),
        ("zzzz", sources.CAUSES, ""),
    ],
)
def test_did_you_mean(word, options, hint):
    assert sources.suggest(word, options) == hint


def test_changed_entries_ignore_moves_and_see_edits():
    before = VALID
    after = VALID.replace("  - repo: openstates/people\n    cause: government-data\n", "") + (
        "  - repo: openstates/people\n    cause: government-data\n    note: moved and edited\n"
        "  - repo: votingworks/arlo\n    cause: voting\n"
    )
    changed = sources_diff.changed(sources.parse(after), before)
    assert [s.repo for s in changed] == ["openstates/people", "votingworks/arlo"]
    assert sources_diff.changed(sources.parse(after), "not: [valid") == sources.parse(after)


def test_at_revision_reads_git(tmp_path):
    def git(*args):
        subprocess.run(
            ["git", *args],
            cwd=tmp_path,
            check=True,
            capture_output=True,
            env={
                **os.environ,
                "GIT_AUTHOR_NAME": "t",
                "GIT_AUTHOR_EMAIL": "t@example.org",
                "GIT_COMMITTER_NAME": "t",
                "GIT_COMMITTER_EMAIL": "t@example.org",
            },
        )

    git("init", "-q")
    (tmp_path / "sources.yaml").write_text(VALID)
    git("add", "sources.yaml")
    git("commit", "-q", "-m", "first")
    (tmp_path / "sources.yaml").write_text("changed")
    assert sources_diff.at_revision("HEAD", str(tmp_path / "sources.yaml")) == VALID
    with pytest.raises(errors.SourcesInvalid, match="no git revision 'nope'"):
        sources_diff.at_revision("nope", str(tmp_path / "sources.yaml"))


def test_maintainers_page_renders():
    from generator.build import pages

    page = pages.parse_page(
        (ROOT / "content" / "maintainers.md").read_text(), ROOT / "content" / "maintainers.md"
    )
    assert page.title == "Add your repo" and page.description
    assert "<table>" in page.html and "did you mean" in page.html
