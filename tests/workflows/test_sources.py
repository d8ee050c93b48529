"""The pull-request workflows for sources.yaml: sources.yml checks and reports with a read-only
token, and sources-comment.yml posts the report as one sticky comment. Their shape, and both
replayed against the fake GitHub for a fork's pull request: pushes, a tampered artifact, a head that
moved on, a cancelled run."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from fake_github import FakeComment

from tests.helpers import ROOT
from tests.workflows.replay import Runner, git, load, python_shim

WORKFLOWS = ROOT / ".github" / "workflows"
MARKER = "<!-- shovel-ready:sources-report -->"  # the first line of `check --online`'s report
REPOSITORY = "volunteers/shovel-ready"
FORK = "newcomer/shovel-ready"
BOT = "github-actions[bot]"
PR = 5


def sources() -> dict:
    return load(WORKFLOWS / "sources.yml")


def comment() -> dict:
    return load(WORKFLOWS / "sources-comment.yml")


def step(workflow: dict, job: str, name: str) -> dict:
    return next(s for s in workflow["jobs"][job]["steps"] if s.get("name") == name)


# The shape
# ---------------------------------------------------------------------------------------------------


def test_triggers():
    on = sources()["on"]
    assert list(on) == ["pull_request"]
    assert {"sources.yaml", "generator/**"} <= set(on["pull_request"]["paths"])
    # The comment workflow follows the sources workflow by name, once a run of it has completed.
    assert comment()["on"] == {
        "workflow_run": {"workflows": [sources()["name"]], "types": ["completed"]}
    }


def test_the_pull_request_workflow_only_reads():
    assert sources()["permissions"] == {} and comment()["permissions"] == {}
    assert {job: spec["permissions"] for job, spec in sources()["jobs"].items()} == {
        "check": {"contents": "read"},
        "report": {"contents": "read"},
    }


def test_the_comment_job_downloads_the_artifact_and_runs_one_script():
    job = comment()["jobs"]["comment"]
    assert job["permissions"] == {"actions": "read", "pull-requests": "write"}
    assert " ".join(job["if"].split()) == (
        "github.event.workflow_run.event == 'pull_request' && "
        "(github.event.workflow_run.conclusion == 'success' "
        "|| github.event.workflow_run.conclusion == 'failure')"
    )
    download, post = job["steps"]
    upload = next(
        s for s in sources()["jobs"]["report"]["steps"] if "upload-artifact@" in s.get("uses", "")
    )
    assert download["uses"].startswith("actions/download-artifact@")
    assert download["with"]["name"] == upload["with"]["name"]
    assert download["with"]["run-id"] == "${{ github.event.workflow_run.id }}"
    assert download["with"]["path"].startswith("${{ runner.temp }}/"), "outside the workspace"
    assert set(post) == {"name", "env", "run"}
    assert post["env"]["RUN_HEAD_SHA"] == "${{ github.event.workflow_run.head_sha }}"


def test_the_comment_script_checks_before_it_posts():
    script = step(comment(), "comment", "Post or update the sticky comment")["run"]
    assert f"marker='{MARKER}'" in script
    assert '[[ "$pr" =~ ^[0-9]{1,10}$ ]]' in script  # digits, before the number goes into any URL
    assert script.index('"$RUN_HEAD_SHA"') < script.index("--request POST")
    assert f'.user.login == "{BOT}"' in script  # only the bot's own comment is ever edited
    assert "$GITHUB_API_URL/" in script and "api.github.com" not in script  # GitHub Enterprise too
    # the token stays off command lines
    assert "$GH_TOKEN" in script and "Bearer $GH_TOKEN" not in script


def test_no_event_value_is_expanded_inside_a_script():
    for workflow in (sources(), comment()):
        for job in workflow["jobs"].values():
            for each in job["steps"]:
                assert "${{" not in each.get("run", ""), each.get("name")


def test_blocking_check_and_advisory_report():
    assert step(sources(), "check", "Check sources.yaml")["run"].strip() == "python build.py check"
    report = sources()["jobs"]["report"]
    assert "needs" not in report, (
        "the report is made even when the check fails: it lists the problems"
    )


# The replay
# --------------------------------------------------------------------------------------------------

BASE = "defaults:\n  labels: [good first issue]\nsources:\n  - repo: move-coop/parsons\n    cause: campaigns\n"
PUSHES = [  # a newcomer's three pushes: a typo, then a missing label, then right
    BASE + "  - repo: hackforla/webiste\n    cause: civic-tech\n",
    BASE + "  - repo: hackforla/website\n    cause: civic-tech\n    labels: [good-first-issue]\n",
    BASE + "  - repo: hackforla/website\n    cause: civic-tech\n    labels: [good first issue]\n",
]


class PullRequest:
    """A fork's pull request on a bare "GitHub" repository, with both workflows replayed for each
    push."""

    def __init__(self, tmp_path: Path, fake):
        self.tmp, self.fake = tmp_path, fake
        seed = tmp_path / "seed"
        seed.mkdir()
        shutil.copy2(ROOT / "build.py", seed / "build.py")
        shutil.copytree(
            ROOT / "generator", seed / "generator", ignore=shutil.ignore_patterns("__pycache__")
        )
        (seed / "sources.yaml").write_text(BASE)
        git("init", "--quiet", "--initial-branch", "main", cwd=seed)
        git("add", ".", cwd=seed)
        git("commit", "--quiet", "-m", "Start", cwd=seed)
        self.base = git("rev-parse", "HEAD", cwd=seed).strip()
        git("checkout", "--quiet", "-b", "add-my-repo", cwd=seed)
        self.seed, self.origin = seed, tmp_path / "origin.git"
        git("clone", "--quiet", "--bare", str(seed), str(self.origin))
        git("remote", "add", "origin", str(self.origin), cwd=seed)
        self.env = {
            "PATH": f"{python_shim(tmp_path / 'bin')}:/usr/bin:/bin",
            "HOME": str(tmp_path),
            "LANG": "C.UTF-8",
            "GITHUB_API_URL": fake.url,
            "GITHUB_GRAPHQL_URL": fake.graphql_url,
        }
        (tmp_path / "cache").mkdir()
        self.runs = 0
        self.pull = None

    def push(self, text: str) -> str:
        """Commit a new sources.yaml to the pull request's branch; GitHub moves the pull request's
        head."""
        (self.seed / "sources.yaml").write_text(text)
        git("commit", "--quiet", "-am", f"Push {self.runs + 1}", cwd=self.seed)
        # The fork's branch, in the one bare repository the replay's checkout clones from.
        git("push", "--quiet", "--force", "origin", "HEAD:refs/heads/add-my-repo", cwd=self.seed)
        head = git("rev-parse", "HEAD", cwd=self.seed).strip()
        if self.pull is None:
            self.pull = self.fake.add_pull(
                REPOSITORY, PR, "Add my repo", head_sha=head, author="newcomer"
            )
        self.pull.head_sha = head
        return head

    def replay(self, workflow: dict, **github) -> Runner:
        self.runs += 1
        context = {
            "run_id": 1000 + self.runs,
            "run_attempt": 1,
            "token": self.fake.token,
            "repository": REPOSITORY,
            **github,
        }
        return Runner(
            workflow,
            context,
            self.env,
            self.tmp / f"run-{self.runs}",
            self.origin,
            self.tmp / "cache",
            self.tmp / "artifacts",
        ).run()

    def checks(self, head: str) -> Runner:
        """The `sources` run for a push: the pull request's head checked out, a read-only token."""
        event = {
            "pull_request": {
                "number": PR,
                "base": {"sha": self.base},
                "head": {"sha": head, "repo": {"full_name": FORK}},
            }
        }
        return self.replay(
            sources(), event_name="pull_request", ref=f"refs/pull/{PR}/merge", sha=head, event=event
        )

    def comments(self, checks: Runner, conclusion: str | None = None) -> Runner:
        """The `workflow_run` run that follows `checks`, on the default branch; for a fork, no
        pull_requests."""
        head = checks.github["sha"]
        conclusion = conclusion or ("failure" if checks.failed else "success")
        event = {
            "workflow_run": {
                "id": checks.github["run_id"],
                "event": "pull_request",
                "head_sha": head,
                "head_branch": "add-my-repo",
                "conclusion": conclusion,
                "head_repository": {"full_name": FORK},
                "pull_requests": [],
            },
            "repository": {"default_branch": "main"},
        }
        return self.replay(
            comment(), event_name="workflow_run", ref="refs/heads/main", sha=self.base, event=event
        )

    def artifact(self, checks: Runner) -> Path:
        return self.tmp / "artifacts" / str(checks.github["run_id"]) / "sources-report"

    def marker_comments(self) -> list:
        return [c for c in self.pull.comments if c.body.startswith(MARKER)]


@pytest.fixture
def pull_request(tmp_path, fake_github) -> PullRequest:
    fake_github.add_repo(REPOSITORY)
    fake_github.add_repo("move-coop/parsons").label("good first issue")
    fake_github.add_repo("hackforla/website")
    fake_github.add_issue("hackforla/website", 12, "Fix the footer", labels=("good first issue",))
    return PullRequest(tmp_path, fake_github)


def writes(fake) -> list[tuple[str, str]]:
    return [
        (e.method, e.path)
        for e in fake.log
        if e.method in ("POST", "PATCH") and e.path != "/graphql"
    ]


def test_one_comment_follows_three_pushes(pull_request, fake_github):
    pull_request.push(PUSHES[0])
    # A long conversation: the bot's comment lands on the second page; someone quoting the marker is
    # left alone.
    for n in range(99):
        pull_request.pull.comments.append(
            fake_github.world.number_comment(
                FakeComment("reviewer", "2026-11-01T00:00:00Z", f"Comment {n}")
            )
        )
    quoted = fake_github.world.number_comment(
        FakeComment("reviewer", "2026-11-01T00:00:00Z", MARKER + "\nquoted")
    )
    pull_request.pull.comments.append(quoted)
    ids, bodies = set(), []
    for number, text in enumerate(PUSHES):
        head = pull_request.push(text) if number else pull_request.pull.head_sha
        checks = pull_request.checks(head)
        assert checks.failed == {}, checks.log()
        assert checks.jobs["report"].result == "success"
        posted = pull_request.comments(checks)
        assert posted.failed == {}, posted.log()
        ours = [c for c in pull_request.marker_comments() if c.author == BOT]
        assert len(ours) == 1, [c.body for c in ours]
        report = (pull_request.artifact(checks) / "report.md").read_text()
        assert ours[0].body == report
        ids.add(ours[0].id)
        bodies.append(report)
    assert len(ids) == 1, "updated in place, never posted twice"
    assert quoted.body == MARKER + "\nquoted"
    assert (
        writes(fake_github)
        == [("POST", f"/repos/{REPOSITORY}/issues/{PR}/comments")]
        + [("PATCH", f"/repos/{REPOSITORY}/issues/comments/{ids.pop()}")] * 2
    )
    assert "GitHub has no public repository `hackforla/webiste`" in bodies[0]
    assert "`good-first-issue` does not exist" in bodies[1]
    assert "✅ ready" in bodies[2] and "⚠️" not in bodies[2]


@pytest.mark.parametrize("number", ["5; rm -rf /", "../5", "5/comments", "", "12345678901"])
def test_an_artifact_whose_number_is_not_digits_posts_nothing(pull_request, fake_github, number):
    checks = pull_request.checks(pull_request.push(PUSHES[0]))
    # the report job ran the PR's code
    (pull_request.artifact(checks) / "pr-number").write_text(number + "\n")
    posted = pull_request.comments(checks)
    assert posted.failed == {"comment": "Post or update the sticky comment"}
    assert "pull-request number is not a number: nothing posted" in posted.log()
    assert pull_request.marker_comments() == [] and writes(fake_github) == []


def test_a_report_for_a_head_that_moved_on_posts_nothing(pull_request, fake_github):
    checks = pull_request.checks(pull_request.push(PUSHES[0]))
    newer = pull_request.push(PUSHES[1])  # pushed while the first run was still going
    posted = pull_request.comments(checks)
    assert posted.failed == {}, posted.log()
    assert f"Pull request #{PR} is now at {newer}, not at {checks.github['sha']}" in posted.log()
    assert "nothing posted" in posted.log()
    assert pull_request.marker_comments() == [] and writes(fake_github) == []


def test_an_artifact_naming_another_pull_request_posts_nothing(pull_request, fake_github):
    other = fake_github.add_pull(REPOSITORY, 6, "Someone else's", head_sha="a" * 40)
    checks = pull_request.checks(pull_request.push(PUSHES[0]))
    (pull_request.artifact(checks) / "pr-number").write_text("6\n")
    posted = pull_request.comments(checks)
    assert posted.failed == {}, posted.log()
    assert other.comments == [] and writes(fake_github) == []


@pytest.mark.parametrize("conclusion", ["cancelled", "action_required", "timed_out"])
def test_a_cancelled_or_waiting_run_is_not_reported(pull_request, fake_github, conclusion):
    checks = pull_request.checks(pull_request.push(PUSHES[0]))
    posted = pull_request.comments(checks, conclusion=conclusion)
    assert posted.ran == [] and writes(fake_github) == []


def test_an_invalid_file_fails_the_check_and_its_problems_are_the_comment(
    pull_request, fake_github
):
    checks = pull_request.checks(
        pull_request.push(BASE + "  - repo: hackforla/website\n    cuase: civic-tech\n")
    )
    assert checks.failed == {"check": "Check sources.yaml"}
    assert "::error file=sources.yaml,line=7" in checks.log()
    posted = pull_request.comments(checks)
    assert posted.failed == {}, posted.log()
    (ours,) = pull_request.marker_comments()
    assert ours.body == (pull_request.artifact(checks) / "report.md").read_text()
    assert "line 7" in ours.body and "cuase" in ours.body
