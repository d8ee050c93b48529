"""The GitHub Actions files: valid against GitHub's schemas, clean under zizmor, pinned, least privilege, and in
step with the CLI they call. Both tools run offline: their schemas and audits ship inside the packages."""

from __future__ import annotations

import importlib.resources
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest
import yaml

from generator import cli
from tests.helpers import ROOT, issue, write_world

GITHUB = ROOT / ".github"
WORKFLOWS = sorted((GITHUB / "workflows").glob("*.y*ml"))
SCRIPTS = Path(sysconfig.get_path("scripts"))
SHA_PIN = re.compile(r"^[\w.-]+/[\w.-]+(/[\w./-]+)?@[0-9a-f]{40}$")
# Any attempt to reach the network goes to a closed local port and fails, so "offline" is checked, not hoped.
OFFLINE_ENV = {"HTTPS_PROXY": "http://127.0.0.1:9", "HTTP_PROXY": "http://127.0.0.1:9", "NO_PROXY": "",
               "ZIZMOR_OFFLINE": "true", "PATH": "/usr/bin:/bin", "HOME": "/nonexistent"}


def load(path: Path) -> dict:
    """A workflow as data; PyYAML reads the `on` key as True, so put it back."""
    data = yaml.safe_load(path.read_text())
    if True in data:
        data["on"] = data.pop(True)
    return data


def steps(workflow: dict):
    """(job id, step) for every step of every job."""
    for job_id, job in workflow["jobs"].items():
        for step in job.get("steps", ()):
            yield job_id, step


def tool(name: str) -> str:
    path = SCRIPTS / name
    assert path.exists(), f"{name} is a test dependency: pip install -e '.[test]'"
    return str(path)


def test_the_expected_workflows_exist():
    names = {p.name for p in WORKFLOWS}
    assert {"refresh.yml", "ci.yml"} <= names
    assert (GITHUB / "dependabot.yml").is_file()


def test_builtin_schemas_are_vendored_in_check_jsonschema():
    vendor = importlib.resources.files("check_jsonschema") / "builtin_schemas" / "vendor"
    for name in ("github-workflows.json", "dependabot.json"):
        schema = json.loads((vendor / name).read_text())
        assert "$schema" in schema, name


@pytest.mark.parametrize(("schema", "files"), [
    ("vendor.github-workflows", WORKFLOWS),
    ("vendor.dependabot", [GITHUB / "dependabot.yml"]),
], ids=["workflows", "dependabot"])
def test_files_match_githubs_schema(schema, files):
    result = subprocess.run([tool("check-jsonschema"), "--builtin-schema", schema, *map(str, files)],
                            capture_output=True, text=True, env=OFFLINE_ENV, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr


def test_schema_check_catches_a_broken_workflow(tmp_path):
    broken = tmp_path / "broken.yml"
    broken.write_text("on: push\njobs:\n  build:\n    steps:\n      - run: true\n")  # no runs-on
    result = subprocess.run([tool("check-jsonschema"), "--builtin-schema", "vendor.github-workflows", str(broken)],
                            capture_output=True, text=True, env=OFFLINE_ENV, timeout=60)
    assert result.returncode == 1, result.stdout + result.stderr


def zizmor(target: Path) -> list[dict]:
    """zizmor's findings at its default settings, offline, as JSON records."""
    result = subprocess.run([tool("zizmor"), "--offline", "--format", "json", "--no-progress", str(target)],
                            capture_output=True, text=True, env=OFFLINE_ENV, timeout=120)
    assert result.returncode in (0, 10, 11, 12, 13, 14), result.stderr  # 1x: findings of some severity
    return json.loads(result.stdout)


def test_zizmor_finds_nothing_in_workflows_or_dependabot():
    findings = zizmor(GITHUB)
    assert findings == [], "\n".join(f"{f['ident']}: {f['desc']}" for f in findings)


def test_zizmor_offline_still_audits(tmp_path):
    # A known-bad workflow, so a zizmor that silently audits nothing cannot pass the test above.
    workflows = tmp_path / ".github" / "workflows"
    workflows.mkdir(parents=True)
    (workflows / "bad.yml").write_text(
        "on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n"
        "      - uses: actions/checkout@v4\n"
        "      - run: echo ${{ github.event.head_commit.message }}\n")
    found = {f["ident"] for f in zizmor(tmp_path / ".github")}
    assert {"artipacked", "template-injection", "unpinned-uses"} <= found


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_least_privilege_and_pinned(path):
    workflow = load(path)
    assert workflow.get("permissions") == {}, "every workflow starts from no permissions"
    assert "pull_request_target" not in workflow["on"]
    for job_id, job in workflow["jobs"].items():
        assert "permissions" in job, f"{job_id} says which permissions it holds"
    for job_id, step in steps(workflow):
        uses = step.get("uses")
        if uses is None:
            continue
        assert SHA_PIN.match(uses), f"{job_id}: {uses} is not pinned to a full commit"
        if uses.startswith("actions/checkout@"):
            pushes = workflow["jobs"][job_id]["permissions"].get("contents") == "write"
            assert step.get("with", {}).get("persist-credentials") is pushes, job_id


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_pins_carry_their_version(path):
    uses = [line.strip() for line in path.read_text().splitlines() if re.match(r"\s*(- )?uses:", line)]
    unlabelled = [line for line in uses if not re.search(r"@[0-9a-f]{40} # v\d+(\.\d+)*$", line)]
    assert unlabelled == [], "each pin says its version in a comment"


def test_refresh_job_permissions():
    jobs = load(GITHUB / "workflows" / "refresh.yml")["jobs"]
    assert jobs["refresh"]["permissions"] == {"contents": "read", "pages": "read"}
    assert jobs["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert jobs["commit"]["permissions"] == {"contents": "write"}
    # The job that can push runs git only: no project code or dependency ever holds a write token.
    commit_runs = " ".join(s.get("run", "") for s in jobs["commit"]["steps"])
    assert "python" not in commit_runs and "pip" not in commit_runs


def test_refresh_triggers_and_concurrency():
    workflow = load(GITHUB / "workflows" / "refresh.yml")
    on = workflow["on"]
    assert {"schedule", "workflow_dispatch", "push"} <= set(on)
    assert on["schedule"][0]["cron"].split()[1] == "*/3"
    assert workflow["concurrency"]["cancel-in-progress"] is False


def test_ci_runs_the_readme_test_command_on_two_pythons():
    workflow = load(GITHUB / "workflows" / "ci.yml")
    job = workflow["jobs"]["test"]
    assert job["strategy"]["matrix"]["python"] == ["3.11", "3.x"]
    runs = [s["run"] for s in job["steps"] if "run" in s]
    assert "bash .ci/run" in runs and any("ruff check" in r for r in runs)
    ci_run = (ROOT / ".ci" / "run").read_text()
    readme = (ROOT / "README.md").read_text()
    assert "python -m pytest" in ci_run and "python -m pytest" in readme


# The CLI commands used by the workflows --------------------------------------------------------------------

def build_py_calls(script: str) -> list[list[str]]:
    """The argument lists of every `python build.py …` in a shell script, up to the first shell operator."""
    calls = []
    for line in script.replace("\\\n", " ").splitlines():
        lexer = shlex.shlex(line, posix=True, punctuation_chars=True)
        lexer.whitespace_split = True
        tokens = list(lexer)
        for start, token in enumerate(tokens):
            if token == "build.py" and start and tokens[start - 1].startswith("python"):
                args = []
                for arg in tokens[start + 1:]:
                    if set(arg) <= set("();<>|&"):
                        if args and args[-1].isdigit() and arg[0] in "<>":
                            args.pop()  # a file descriptor such as the 2 of 2>
                        break
                    args.append(arg)
                calls.append(args)
    return calls


def test_build_py_call_parsing():
    script = 'python build.py fetch 2> fetch.log || status=$?\npython build.py build \\\n  --base-url "$U/"\n'
    assert build_py_calls(script) == [["fetch"], ["build", "--base-url", "$U/"]]


def commands_and_options() -> dict[str, set[str]]:
    """{command: its option strings} from the CLI's own parser."""
    parser = cli.build_parser()
    subparsers = next(a for a in parser._actions if a.choices and isinstance(a.choices, dict))
    return {name: set(sub._option_string_actions) for name, sub in subparsers.choices.items()}


def test_every_build_py_call_in_a_workflow_exists_in_the_cli():
    known = commands_and_options()
    seen = set()
    for path in WORKFLOWS:
        for job_id, step in steps(load(path)):
            for args in build_py_calls(step.get("run", "")):
                where = f"{path.name} {job_id}: python build.py {' '.join(args)}"
                command = args[0] if args and args[0] in known else "build"
                assert not args or args[0] in known or args[0].startswith("-"), f"{where}: no such command"
                for arg in args:
                    if arg.startswith("-"):
                        assert arg.split("=")[0] in known[command], f"{where}: {command} has no {arg}"
                try:
                    cli.build_parser().parse_args(args)
                except SystemExit:
                    pytest.fail(f"{where}: the CLI rejects these arguments")
                seen.add(command)
    assert {"fetch", "build"} <= seen, "the refresh workflow fetches and builds"



# The refresh workflow, run step by step against the fake GitHub ------------------------------------------
#
# `uses:` steps are played by small stand-ins (checkout clones a local "origin", the cache is a folder, the
# Pages actions record what they were given); every `run:` step is run as GitHub runs it, with bash -eo
# pipefail, $GITHUB_OUTPUT and $GITHUB_STEP_SUMMARY. An action or expression the stand-ins do not know fails
# the test, so the workflow cannot grow a step this test silently skips.

PAGES_URL = "https://volunteers.github.io/shovel-ready"
SKIPPED_RUNS = ("python -m pip install",)  # the test environment already has the project and its dependencies
SITE_FILES = ("build.py", "generator", "themes", "content")


class Runner:
    """Plays one workflow run: jobs in `needs` order, each in a fresh clone of `origin`."""

    def __init__(self, workflow: dict, origin: Path, scratch: Path, env: dict[str, str], cache: Path, run_id: int,
                 token: str):
        self.workflow, self.origin, self.scratch, self.env, self.cache = workflow, origin, scratch, env, cache
        scratch.mkdir(parents=True)
        self.context = {"github.run_id": str(run_id), "github.run_attempt": "1", "github.ref": "refs/heads/main",
                        "github.token": token}
        self.uploaded: Path | None = None
        self.deployed: Path | None = None
        self.ran: list[str] = []
        self.failed: dict[str, str] = {}
        self.logs: list[str] = []
        self.summary = scratch / "summary.md"

    def run(self) -> None:
        for job_id, job in self.workflow["jobs"].items():
            needs = job.get("needs", [])
            needs = [needs] if isinstance(needs, str) else needs
            # As on GitHub: a job whose needs did not all succeed is skipped, whatever its `if:` says.
            if all(n in self.ran and n not in self.failed for n in needs) and self.truthy(job.get("if", "true")):
                self.run_job(job_id, job)

    def run_job(self, job_id: str, job: dict) -> None:
        self.ran.append(job_id)
        self.work = self.scratch / job_id
        # The steps context belongs to one job.
        self.context = {k: v for k, v in self.context.items() if not k.startswith("steps.")}
        saves = []
        for number, step in enumerate(job["steps"]):
            if not self.truthy(step.get("if", "success()")):
                continue
            step_id = step.get("id", f"step{number}")
            if "uses" in step:
                saves += self.play(step["uses"].split("@")[0], {k: self.expand(str(v))
                                                                 for k, v in step.get("with", {}).items()},
                                   step_id)
            elif not step["run"].startswith(SKIPPED_RUNS) and not self.shell(step, step_id):
                self.failed[job_id] = step.get("name", step_id)
                return  # the later steps and the cache's post step do not run after a failure
        for path, key in saves:  # actions/cache saves in its post step, after the job's steps
            self.store(path, key)
        for name, value in job.get("outputs", {}).items():
            self.context[f"needs.{job_id}.outputs.{name}"] = self.expand(value)

    def shell(self, step: dict, step_id: str) -> bool:
        """Run one `run:` step; False when it failed."""
        output = self.scratch / f"output-{step_id}"
        output.write_text("")
        env = {**self.env, "GITHUB_OUTPUT": str(output), "GITHUB_STEP_SUMMARY": str(self.summary),
               **{k: self.expand(str(v)) for k, v in step.get("env", {}).items()}}
        result = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step["run"]],
                                cwd=self.work, env=env, capture_output=True, text=True, timeout=120)
        self.logs.append(result.stdout + result.stderr)
        for line in output.read_text().splitlines():
            name, _, value = line.partition("=")
            self.context[f"steps.{step_id}.outputs.{name}"] = value
        return result.returncode == 0

    def play(self, action: str, inputs: dict[str, str], step_id: str) -> list[tuple[str, str]]:
        """What each official action does, as far as this run can see it; returns caches to save."""
        if action == "actions/checkout":
            git("clone", "--quiet", "--branch", inputs.get("ref", "main"), str(self.origin), str(self.work))
        elif action == "actions/setup-python":
            pass  # `python` on PATH is this interpreter
        elif action in ("actions/cache", "actions/cache/restore"):
            restored = self.restore(inputs["path"], inputs["key"], inputs.get("restore-keys", ""))
            assert restored or inputs.get("fail-on-cache-miss") != "true", f"no cache for {inputs['key']}"
            if action == "actions/cache":
                return [(inputs["path"], inputs["key"])]
        elif action == "actions/cache/save":
            self.store(inputs["path"], inputs["key"])
        elif action == "actions/configure-pages":
            self.context[f"steps.{step_id}.outputs.base_url"] = PAGES_URL
        elif action == "actions/upload-pages-artifact":
            self.uploaded = self.scratch / "artifact"
            shutil.copytree(self.work / inputs["path"], self.uploaded)
        elif action == "actions/deploy-pages":
            assert self.uploaded is not None, "deploy-pages before upload-pages-artifact"
            self.deployed = self.uploaded
        else:
            pytest.fail(f"no stand-in for {action}: teach this test what it does")
        return []

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

    def restore(self, path: str, key: str, restore_keys: str) -> bool:
        entries = sorted(self.cache.iterdir(), key=lambda p: p.stat().st_mtime, reverse=True)
        match = next((e for e in entries if e.name == key), None) or next(
            (e for prefix in restore_keys.split() for e in entries if e.name.startswith(prefix)), None)
        if match is None:
            return False
        source, target = match / path, self.work / path
        target.parent.mkdir(parents=True, exist_ok=True)
        if source.is_dir():
            shutil.copytree(source, target, dirs_exist_ok=True)
        else:
            shutil.copy2(source, target)
        return True

    def expand(self, text: str) -> str:
        return re.sub(r"\$\{\{\s*(.*?)\s*\}\}", lambda m: self.evaluate(m.group(1)), text)

    def truthy(self, condition: str) -> bool:
        condition = condition.strip()
        if condition.startswith("${{"):
            condition = condition[3:-2]
        return self.evaluate(condition) not in ("", "false")

    def evaluate(self, expression: str) -> str:
        """The slice of GitHub's expression language the workflows use: ||, &&, ==, contexts, 'strings'."""
        for part in expression.split("||"):
            value = "true"
            for atom in part.split("&&"):
                value = self.atom(atom.strip())
                if value in ("", "false"):
                    break
            if value not in ("", "false"):
                return value
        return value

    def atom(self, atom: str) -> str:
        if "==" in atom:
            left, right = (self.atom(side.strip()) for side in atom.split("=="))
            return "true" if left == right else "false"
        if atom.startswith("'") and atom.endswith("'"):
            return atom[1:-1]
        if atom in ("success()", "true"):
            return "true"
        if atom.startswith("secrets."):
            return ""  # no repository secret: the run's own token is used
        if atom.startswith(("steps.", "needs.")):
            return self.context.get(atom, "")
        assert atom in self.context, f"the test does not know the expression {atom!r}"
        return self.context[atom]


def git(*args: str, cwd: Path | None = None) -> str:
    env = {"PATH": os.environ["PATH"], "HOME": str(cwd or "/nonexistent"), "GIT_CONFIG_NOSYSTEM": "1",
           "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@example.org"}
    return subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True, text=True).stdout


@pytest.fixture
def origin(tmp_path: Path) -> Path:
    """A bare "GitHub" repository holding the site's code, a two-repo sources.yaml and an old snapshot."""
    seed = tmp_path / "seed"
    seed.mkdir()
    for name in SITE_FILES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, seed / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, seed / name)
    write_world(seed, {"civic/app": [issue("civic/app", 1, "An issue fixed long ago")], "civic/data": []})
    (seed / "data").mkdir()
    (seed / "snapshot.json").rename(seed / "data" / "snapshot.json")
    git("init", "--quiet", "--initial-branch", "main", cwd=seed)
    git("add", ".", cwd=seed)
    git("commit", "--quiet", "-m", "Start", cwd=seed)
    bare = tmp_path / "origin.git"
    git("clone", "--quiet", "--bare", str(seed), str(bare))
    return bare


def python_shim(folder: Path) -> Path:
    """A `python` on PATH that is this interpreter, as setup-python leaves one."""
    folder.mkdir()
    shim = folder / "python"
    shim.write_text(f'#!/bin/sh\nexec "{sys.executable}" "$@"\n')
    shim.chmod(0o755)
    return folder


@pytest.fixture
def runs(tmp_path, origin, fake_github):
    """Start the n-th run of refresh.yml against `origin` and the fake; the HTTP cache carries over between runs."""
    fake_github.add_repo("civic/app", description="Campaign tools", language="Python")
    fake_github.add_issue("civic/app", 7, "Fix the footer on the volunteer page", labels=("good first issue",),
                          created="2026-11-20T10:00:00Z")
    fake_github.add_repo("civic/data", description="Election results", language="Python")
    fake_github.add_issue("civic/data", 3, "Load the 2026 county results", labels=("good first issue",),
                          created="2026-11-25T10:00:00Z")
    workflow = load(GITHUB / "workflows" / "refresh.yml")
    env = {"PATH": f"{python_shim(tmp_path / 'bin')}:/usr/bin:/bin", "HOME": str(tmp_path), "LANG": "C.UTF-8",
           "GITHUB_ACTIONS": "true", "GITHUB_API_URL": fake_github.url, "GITHUB_GRAPHQL_URL": fake_github.graphql_url}
    cache = tmp_path / "cache"
    cache.mkdir()

    def run(number: int) -> Runner:
        runner = Runner(workflow, origin, tmp_path / f"run-{number}", env, cache, run_id=number,
                        token=fake_github.token)
        runner.run()
        return runner

    return run


def test_refresh_workflow_runs_against_the_fake_github(origin, fake_github, runs):
    first = runs(1)
    assert first.failed == {}, "\n".join(first.logs)
    assert first.ran == ["refresh", "deploy", "commit"]
    assert fake_github.requests("graphql") > 0
    site = first.deployed
    assert site is not None and (site / "index.html").is_file()
    home = (site / "index.html").read_text()
    for url in ("https://github.com/civic/app/issues/7", "https://github.com/civic/data/issues/3"):
        assert url in home
    assert "An issue fixed long ago" not in home
    assert 'href="/shovel-ready/' in home and 'href="/"' not in home  # every link under the Pages path
    assert f"{PAGES_URL}/" in (site / "feeds" / "all.atom").read_text()  # feeds carry the full address
    summary = first.summary.read_text()
    assert "## Fetch" in summary and "| ok | 2 |" in summary  # the fetch report, in the job summary
    # The commit job pushed the fetched snapshot to main, and only that file changed.
    assert git("log", "--format=%s", "main", cwd=origin).splitlines()[0] == "Refresh the snapshot"
    assert git("diff", "--name-only", "main~1", "main", cwd=origin).split() == ["data/snapshot.json"]
    pushed = json.loads(git("show", "main:data/snapshot.json", cwd=origin))
    assert sorted(i["url"] for r in pushed["repos"] for i in r["issues"]) == [
        "https://github.com/civic/app/issues/7", "https://github.com/civic/data/issues/3"]

    # Nothing changed on GitHub: the next scheduled run publishes again and commits nothing.
    head = git("rev-parse", "main", cwd=origin)
    second = runs(2)
    assert second.failed == {}, "\n".join(second.logs)
    assert second.ran == ["refresh", "deploy"]
    assert second.context["needs.refresh.outputs.changed"] == "false"
    assert git("rev-parse", "main", cwd=origin) == head
    assert second.deployed is not None and (second.deployed / "index.html").read_text() == home


def test_a_failed_fetch_publishes_and_commits_nothing(origin, fake_github, runs):
    head = git("rev-parse", "main", cwd=origin)
    fake_github.exhaust("graphql")  # every repository fails: far over the share of failures a run may have
    run = runs(1)
    assert run.failed == {"refresh": "Fetch"}
    assert run.ran == ["refresh"] and run.uploaded is None and run.deployed is None
    assert git("rev-parse", "main", cwd=origin) == head
