"""Replays a GitHub Actions workflow run on this machine, against the fake GitHub.

Every `run:` step is run as the runner runs it: written to a file and started with the job's shell
(`bash -e`, or `bash --noprofile --norc -eo pipefail` for `shell: bash`), with $GITHUB_OUTPUT,
$GITHUB_STEP_SUMMARY, the default GITHUB_* variables and the step's `env:`. `uses:` steps are played
by small stand-ins that do what each official action does, as far as a run can see it: checkout
clones a local "origin", the cache and the artifacts are folders keyed as GitHub keys them,
configure-pages asks the fake GitHub for the Pages site. `if:` and `${{ }}` go through an evaluator
of GitHub's expression language (tests/workflows/expressions.py). An action, a context or a function
the replay does not know fails the test, so a workflow cannot grow a step the replay skips."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import yaml

from tests.workflows.expressions import STATUS_FUNCTIONS, Expression, functions, text, truthy

# the test environment already has the project and its dependencies
SKIPPED_RUNS = ("python -m pip install",)


def load(path: Path) -> dict:
    """A workflow as data; PyYAML reads the `on` key as True, so put it back."""
    data = yaml.safe_load(path.read_text())
    if True in data:
        data["on"] = data.pop(True)
    return data


def git(*args: str, cwd: Path | None = None) -> str:
    env = {
        "PATH": os.environ["PATH"],
        "HOME": str(cwd or "/nonexistent"),
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.org",
    }
    return subprocess.run(
        ["git", *args], cwd=cwd, env=env, check=True, capture_output=True, text=True
    ).stdout


def python_shim(folder: Path) -> Path:
    """A `python` on PATH that is this interpreter, as setup-python leaves one."""
    folder.mkdir()
    shim = folder / "python"
    shim.write_text(f'#!/bin/sh\nexec "{sys.executable}" "$@"\n')
    shim.chmod(0o755)
    return folder


# The run
# ---------------------------------------------------------------------------------------------------


class StepFailed(Exception):
    """An action's stand-in failed, as the action would have."""


@dataclass
class Job:
    result: str = "success"
    outputs: dict[str, str] = field(default_factory=dict)


class Runner:
    """Plays one workflow run: jobs in `needs` order, each in a fresh workspace.

    `github` is the github context (run_id, ref, sha, token, repository, event_name, event, …).
    `origin` is the bare repository checkout clones; `cache` and `artifacts` are folders shared by
    the runs of one test."""

    def __init__(
        self,
        workflow: dict,
        github: dict,
        env: dict[str, str],
        scratch: Path,
        origin: Path,
        cache: Path,
        artifacts: Path,
    ):
        self.workflow, self.github, self.env, self.scratch = workflow, github, env, scratch
        self.origin, self.cache, self.artifacts = origin, cache, artifacts
        scratch.mkdir(parents=True)
        self.jobs: dict[str, Job] = {}
        self.failed: dict[str, str] = {}
        """job id → the name of its step that failed."""
        self.logs: list[str] = []
        self.summary = scratch / "summary.md"
        self.uploaded: Path | None = None
        self.deployed: Path | None = None

    @property
    def ran(self) -> list[str]:
        return [job_id for job_id, job in self.jobs.items() if job.result != "skipped"]

    def log(self) -> str:
        return "\n".join(self.logs)

    def run(self) -> Runner:
        for job_id, job in self.workflow["jobs"].items():
            needs = job.get("needs", [])
            needs = [needs] if isinstance(needs, str) else needs
            self.needs_ok = all(self.jobs[n].result == "success" for n in needs)
            if self.condition(
                job.get("if"),
                {"success": lambda: self.needs_ok, "failure": lambda: not self.needs_ok},
            ):
                self.run_job(job_id, job)
            else:
                self.jobs[job_id] = Job(result="skipped")
        return self

    def run_job(self, job_id: str, job: dict) -> None:
        self.job = self.jobs[job_id] = Job()
        self.steps: dict[str, dict] = {}
        self.work = self.scratch / job_id
        self.temp = self.scratch / f"{job_id}-temp"
        self.work.mkdir()
        self.temp.mkdir()
        shell = job.get("defaults", self.workflow.get("defaults", {})).get("run", {}).get("shell")
        post: list[tuple[str, str]] = []
        status = {
            "success": lambda: self.job.result == "success",
            "failure": lambda: self.job.result == "failure",
        }
        for number, step in enumerate(job["steps"]):
            name = step.get("name") or step.get("uses", "").split("@")[0] or f"step {number}"
            if not self.condition(step.get("if"), status):
                self.record(step, "skipped", {})
                continue
            outputs: dict[str, str] = {}
            try:
                if "uses" in step:
                    inputs = {k: self.expand(str(v)) for k, v in step.get("with", {}).items()}
                    post += self.play(step["uses"].split("@")[0], inputs, outputs)
                elif not step["run"].startswith(SKIPPED_RUNS):
                    self.shell(step, step.get("shell", shell), number, outputs)
                self.record(step, "success", outputs)
            except StepFailed as failure:
                self.logs.append(f"[{job_id}] {name} failed: {failure}")
                self.record(step, "failure", outputs)
                if not step.get("continue-on-error"):
                    self.job.result = "failure"
                    self.failed.setdefault(job_id, name)
        if (
            self.job.result == "success"
        ):  # actions/cache saves in its post step, which runs on success only
            for path, key in post:
                self.store(path, key)
        for name, value in job.get("outputs", {}).items():
            self.job.outputs[name] = self.expand(value)

    def record(self, step: dict, outcome: str, outputs: dict[str, str]) -> None:
        if "id" in step:
            self.steps[step["id"]] = {"outcome": outcome, "conclusion": outcome, "outputs": outputs}

    def shell(self, step: dict, shell: str | None, number: int, outputs: dict[str, str]) -> None:
        """Run one `run:` step as the runner does; StepFailed when it exits non-zero."""
        output = self.scratch / f"output-{len(self.logs)}"
        output.write_text("")
        script = self.scratch / f"step-{len(self.logs)}.sh"
        script.write_text(step["run"])
        env = {
            **self.env,
            "GITHUB_OUTPUT": str(output),
            "GITHUB_STEP_SUMMARY": str(self.summary),
            "GITHUB_WORKSPACE": str(self.work),
            "RUNNER_TEMP": str(self.temp),
            "GITHUB_ACTIONS": "true",
            "GITHUB_REPOSITORY": self.github["repository"],
            "GITHUB_REF": self.github["ref"],
            "GITHUB_SHA": self.github["sha"],
            "GITHUB_EVENT_NAME": self.github["event_name"],
            "GITHUB_RUN_ID": str(self.github["run_id"]),
            **{k: self.expand(str(v)) for k, v in step.get("env", {}).items()},
        }
        assert shell in (None, "bash"), f"the replay knows no shell {shell!r}"
        # As on GitHub: bash -e {0} when no shell is named, bash --noprofile --norc -eo pipefail {0}
        # for bash.
        command = (
            ["bash", "-e"]
            if shell is None
            else ["bash", "--noprofile", "--norc", "-eo", "pipefail"]
        )
        result = subprocess.run(
            [*command, str(script)],
            cwd=self.work,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        self.logs.append(result.stdout + result.stderr)
        outputs.update(read_outputs(output.read_text()))
        if result.returncode != 0:
            raise StepFailed(f"exit code {result.returncode}")

    # The official actions
    # ----------------------------------------------------------------------------------

    def play(
        self, action: str, inputs: dict[str, str], outputs: dict[str, str]
    ) -> list[tuple[str, str]]:
        """Do what the action does, as far as this run can see it; returns the caches its post step
        saves."""
        if action == "actions/checkout":
            # The event's commit, or `ref` (a branch's newest commit), as actions/checkout fetches
            # them.
            ref = inputs.get("ref") or self.github["sha"] or self.github["ref"]
            git("clone", "--quiet", "--no-checkout", str(self.origin), str(self.work))
            git("checkout", "--quiet", ref.removeprefix("refs/heads/"), cwd=self.work)
        elif action == "actions/setup-python":
            pass  # `python` on PATH is this interpreter
        elif action in ("actions/cache", "actions/cache/restore"):
            matched = self.restore(inputs["path"], inputs["key"], inputs.get("restore-keys", ""))
            if not matched and inputs.get("fail-on-cache-miss") == "true":
                raise StepFailed(
                    "Failed to restore cache entry. Exiting as fail-on-cache-miss is set. Input "
                    f"key: {inputs['key']}"
                )
            outputs.update(
                {"cache-hit": text(matched == inputs["key"]), "cache-matched-key": matched or ""}
            )
            if action == "actions/cache":
                return [(inputs["path"], inputs["key"])]
        elif action == "actions/cache/save":
            self.store(inputs["path"], inputs["key"])
        elif action == "actions/configure-pages":
            self.configure_pages(inputs, outputs)
        elif action == "actions/upload-pages-artifact":
            self.uploaded = self.scratch / "pages-artifact"
            shutil.copytree(self.work / inputs["path"], self.uploaded)
        elif action == "actions/deploy-pages":
            assert self.uploaded is not None, "deploy-pages before upload-pages-artifact"
            self.deployed = self.uploaded
        elif action == "actions/upload-artifact":
            self.upload_artifact(inputs)
        elif action == "actions/download-artifact":
            self.download_artifact(inputs)
        else:
            pytest.fail(f"no stand-in for {action}: teach the replay what it does")
        return []

    def configure_pages(self, inputs: dict[str, str], outputs: dict[str, str]) -> None:
        """GET /repos/{owner}/{repo}/pages with the job's token, and the site's address as outputs."""
        url = f"{self.env['GITHUB_API_URL']}/repos/{self.github['repository']}/pages"
        token = inputs.get("token") or self.github["token"]
        request = urllib.request.Request(url, headers={"Authorization": f"Bearer {token}"})
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                site = json.load(response)
        except urllib.error.HTTPError as error:
            raise StepFailed(
                f"Get Pages site failed. Please verify that the repository has Pages enabled and "
                f"configured to build using GitHub Actions. Error: HttpError {error.code}"
            ) from None
        address = site["html_url"]
        host = address.split("://", 1)[1].split("/", 1)[0]
        outputs.update(
            {
                "base_url": address.rstrip("/"),
                "origin": address.split(host)[0] + host,
                "host": host,
                "base_path": address.split(host, 1)[1].rstrip("/"),
            }
        )

    def upload_artifact(self, inputs: dict[str, str]) -> None:
        """A file or a folder's files (hidden files left out, as by default) under the run's id and
        the name."""
        source = self.work / inputs["path"]
        target = self.artifacts / str(self.github["run_id"]) / inputs.get("name", "artifact")
        assert not target.exists(), (
            "upload-artifact fails when the run already has an artifact of that name"
        )
        if not source.exists():
            if inputs.get("if-no-files-found") == "error":
                raise StepFailed(f"No files were found with the provided path: {inputs['path']}")
            return
        target.mkdir(parents=True)
        files = [source] if source.is_file() else [p for p in source.rglob("*") if p.is_file()]
        for file in files:
            relative = file.relative_to(source if source.is_dir() else source.parent)
            if any(part.startswith(".") for part in relative.parts):
                continue
            (target / relative).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(file, target / relative)

    def download_artifact(self, inputs: dict[str, str]) -> None:
        """A named artifact of this run or, given run-id and github-token, of another run, extracted
        into path."""
        run_id = inputs.get("run-id") or str(self.github["run_id"])
        assert run_id == str(self.github["run_id"]) or inputs.get("github-token"), (
            "another run's artifacts need github-token (and actions: read)"
        )
        source = self.artifacts / run_id / inputs["name"]
        if not source.is_dir():
            raise StepFailed(
                f"Unable to download artifact(s): Artifact not found for name: {inputs['name']}"
            )
        destination = Path(inputs.get("path") or self.work)
        shutil.copytree(
            source,
            destination if destination.is_absolute() else self.work / destination,
            dirs_exist_ok=True,
        )

    def store(self, path: str, key: str) -> None:
        source, entry = self.work / path, self.cache / key
        if not source.exists() or entry.exists():  # entries are immutable, as on GitHub
            return
        target = entry / path
        target.parent.mkdir(parents=True)
        if source.is_dir():
            shutil.copytree(source, target)
        else:
            shutil.copy2(source, target)

    def restore(self, path: str, key: str, restore_keys: str) -> str | None:
        """The key of the entry restored (an exact match first, then the newest with a prefix), or
        None."""
        entries = sorted(self.cache.iterdir(), key=lambda p: p.stat().st_mtime, reverse=True)
        match = next((e for e in entries if e.name == key), None) or next(
            (e for prefix in restore_keys.split() for e in entries if e.name.startswith(prefix)),
            None,
        )
        if match is None:
            return None
        source, target = match / path, self.work / path
        target.parent.mkdir(parents=True, exist_ok=True)
        if source.is_dir():
            shutil.copytree(source, target, dirs_exist_ok=True)
        else:
            shutil.copy2(source, target)
        return match.name

    # Expressions
    # -------------------------------------------------------------------------------------------

    def expand(self, value: str) -> str:
        return re.sub(r"\$\{\{\s*(.*?)\s*\}\}", lambda m: text(self.evaluate(m.group(1))), value)

    def condition(self, condition: str | bool | None, status: dict) -> bool:
        """An `if:`; without a status function it means `success() && (…)`, as on GitHub."""
        if condition is None or isinstance(condition, bool):
            return status["success"]() and condition is not False
        condition = condition.strip()
        if condition.startswith("${{") and condition.endswith("}}"):
            condition = condition[3:-2]
        if not any(f in condition for f in STATUS_FUNCTIONS):
            condition = f"success() && ({condition})"
        return truthy(self.evaluate(condition, status))

    def evaluate(self, expression: str, status: dict | None = None):
        return Expression(expression, self.lookup, functions(status or {})).value()

    def lookup(self, name: str):
        """A context value; null where GitHub has none, and a failed test for a context the replay
        lacks."""
        root, *path = name.split(".")
        if root == "github":
            if path[0] not in self.github:
                pytest.fail(f"the replay's github context has no {path[0]}")
            value = self.github
        elif root == "steps":
            value = self.steps
        elif root == "needs":
            value = {k: {"result": j.result, "outputs": j.outputs} for k, j in self.jobs.items()}
        elif root == "runner":
            value = {"temp": str(self.temp), "os": "Linux", "arch": "X64"}
        elif root == "secrets":
            value = {}  # no repository secret: the run's own token is used
        else:
            pytest.fail(f"the replay does not know the context {root}")
        for key in path:
            value = value.get(key) if isinstance(value, dict) else None
        return value


def read_outputs(written: str) -> dict[str, str]:
    """$GITHUB_OUTPUT as the runner reads it: name=value lines and name<<DELIMITER blocks."""
    outputs, lines = {}, iter(written.splitlines())
    for line in lines:
        if "<<" in line and ("=" not in line or line.index("<<") < line.index("=")):
            name, delimiter = line.split("<<", 1)
            block = []
            for inner in lines:
                if inner == delimiter:
                    break
                block.append(inner)
            outputs[name] = "\n".join(block)
        elif line:
            name, _, value = line.partition("=")
            outputs[name] = value
    return outputs


# Tests of the replay itself
# --------------------------------------------------------------------------------
