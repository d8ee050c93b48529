"""The pull-request workflow for sources.yaml: its shape, and its report step run for real against the fake."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import yaml

from generator import check_report

ROOT = Path(__file__).resolve().parent.parent
WORKFLOW = ROOT / ".github" / "workflows" / "sources.yml"


def workflow() -> dict:
    data = yaml.safe_load(WORKFLOW.read_text())
    data["on"] = data.pop(True)  # PyYAML reads the key `on` as True
    return data


def step(job: str, name: str) -> dict:
    return next(s for s in workflow()["jobs"][job]["steps"] if s.get("name") == name)


def test_triggers_on_pull_requests_that_touch_sources_only():
    on = workflow()["on"]
    assert list(on) == ["pull_request"]
    assert "sources.yaml" in on["pull_request"]["paths"]


def test_only_the_comment_job_can_write_and_it_runs_no_project_code():
    jobs = workflow()["jobs"]
    assert workflow()["permissions"] == {}
    assert jobs["check"]["permissions"] == {"contents": "read"}
    assert jobs["report"]["permissions"] == {"contents": "read"}
    assert jobs["comment"]["permissions"] == {"pull-requests": "write"}
    comment_steps = jobs["comment"]["steps"]
    assert all("uses" not in s for s in comment_steps), "no checkout, no action"
    scripts = " ".join(s.get("run", "") for s in comment_steps)
    assert "python" not in scripts and "pip" not in scripts and "build.py" not in scripts
    assert "head.repo.full_name == github.repository" in jobs["comment"]["if"]  # forks: summary only


def test_blocking_check_then_advisory_report():
    assert step("check", "Check sources.yaml")["run"].strip() == "python build.py check"
    assert workflow()["jobs"]["comment"]["needs"] == "report"


def test_comment_step_finds_its_comment_by_the_reports_marker():
    script = step("comment", "Post or update the sticky comment")["run"]
    assert f"marker='{check_report.MARKER}'" in script
    assert "--method PATCH" in script and "--method POST" in script


def test_no_event_value_is_expanded_inside_a_script():
    for job in workflow()["jobs"].values():
        for each in job["steps"]:
            assert "${{" not in each.get("run", ""), each.get("name")


def test_report_step_runs_against_the_fake(tmp_path, fake_github, github_env):
    """The online step's script, as written in the workflow, on a pull request that adds one entry."""
    repo = tmp_path / "checkout"
    repo.mkdir()
    (repo / "build.py").symlink_to(ROOT / "build.py")
    (repo / "generator").symlink_to(ROOT / "generator")
    env = {**os.environ, **github_env, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
    git = lambda *a: subprocess.run(["git", *a], cwd=repo, check=True, capture_output=True, env=env)  # noqa: E731
    base = "defaults:\n  labels: [good first issue]\nsources:\n  - repo: move-coop/parsons\n    cause: campaigns\n"
    (repo / "sources.yaml").write_text(base)
    git("init", "-q")
    git("add", "sources.yaml")
    git("commit", "-q", "-m", "base")
    base_sha = subprocess.run(["git", "rev-parse", "HEAD"], cwd=repo, capture_output=True, text=True).stdout.strip()
    (repo / "sources.yaml").write_text(base + "  - repo: hackforla/webiste\n    cause: civic-tech\n")
    fake_github.add_repo("move-coop/parsons").label("good first issue")
    output, summary = tmp_path / "output", tmp_path / "summary"
    env.update(BASE_SHA=base_sha, GITHUB_OUTPUT=str(output), GITHUB_STEP_SUMMARY=str(summary),
               PATH=f"{Path(sys.executable).parent}{os.pathsep}{env['PATH']}")
    script = step("report", "Ask GitHub about the changed entries")["run"]
    done = subprocess.run(["bash", "-eo", "pipefail", "-c", script], cwd=repo, env=env, capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    report = (repo / "report.md").read_text()
    assert report.startswith(check_report.MARKER) and "GitHub has no public repository `hackforla/webiste`" in report
    assert "parsons" not in report  # unchanged entries are not asked about
    assert summary.read_text() == report
    match = re.fullmatch(r"markdown<<(REPORT_[0-9a-f]{32})\n(.*)\n\1\n", output.read_text(), re.S)
    assert match and match[2] + "\n" == report
