"""The GitHub Actions files: valid against GitHub's schemas, clean under zizmor, pinned, least privilege, and in
step with the CLI they call. Both tools run offline: their schemas and audits ship inside the packages."""

from __future__ import annotations

import importlib.resources
import json
import re
import shlex
import subprocess
import sysconfig
from pathlib import Path

import pytest
import yaml

from generator import cli
from tests.helpers import ROOT

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
    pinned = re.findall(r"uses: *\S+@[0-9a-f]{40}( *# *v\d+(\.\d+)*)?", path.read_text())
    assert pinned and all(comment for comment, _ in pinned), "each pin says its version in a comment"


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

