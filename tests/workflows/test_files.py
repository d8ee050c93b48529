"""The GitHub Actions files: valid against GitHub's schemas, clean under zizmor, pinned, least
privilege, and in step with the CLI they call. Both tools run offline: their schemas and audits ship
inside the packages. The runs themselves are replayed in tests/workflows/test_refresh.py and
tests/workflows/test_sources.py."""

from __future__ import annotations

import importlib.resources
import json
import re
import shlex
import shutil
import subprocess
import sysconfig
from pathlib import Path

import pytest

from generator import cli
from tests.helpers import ROOT
from tests.workflows.replay import load

GITHUB = ROOT / ".github"
WORKFLOWS = sorted((GITHUB / "workflows").glob("*.y*ml"))
SCRIPTS = Path(sysconfig.get_path("scripts"))
SHA_PIN = re.compile(r"^[\w.-]+/[\w.-]+(/[\w./-]+)?@[0-9a-f]{40}$")
# Any attempt to reach the network goes to a closed local port and fails, so "offline" is checked,
# not hoped.
OFFLINE_ENV = {
    "HTTPS_PROXY": "http://127.0.0.1:9",
    "HTTP_PROXY": "http://127.0.0.1:9",
    "NO_PROXY": "",
    "ZIZMOR_OFFLINE": "true",
    "PATH": "/usr/bin:/bin",
    "HOME": "/nonexistent",
}


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
    assert {"refresh.yml", "ci.yml", "sources.yml", "sources-comment.yml"} <= names
    assert (GITHUB / "dependabot.yml").is_file()


def test_builtin_schemas_are_vendored_in_check_jsonschema():
    vendor = importlib.resources.files("check_jsonschema") / "builtin_schemas" / "vendor"
    for name in ("github-workflows.json", "dependabot.json"):
        schema = json.loads((vendor / name).read_text())
        assert "$schema" in schema, name


@pytest.mark.parametrize(
    ("schema", "files"),
    [
        ("vendor.github-workflows", WORKFLOWS),
        ("vendor.dependabot", [GITHUB / "dependabot.yml"]),
    ],
    ids=["workflows", "dependabot"],
)
def test_files_match_githubs_schema(schema, files):
    result = subprocess.run(
        [tool("check-jsonschema"), "--builtin-schema", schema, *map(str, files)],
        capture_output=True,
        text=True,
        env=OFFLINE_ENV,
        timeout=60,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_schema_check_catches_a_broken_workflow(tmp_path):
    broken = tmp_path / "broken.yml"
    broken.write_text("on: push\njobs:\n  build:\n    steps:\n      - run: true\n")  # no runs-on
    result = subprocess.run(
        [tool("check-jsonschema"), "--builtin-schema", "vendor.github-workflows", str(broken)],
        capture_output=True,
        text=True,
        env=OFFLINE_ENV,
        timeout=60,
    )
    assert result.returncode == 1, result.stdout + result.stderr


def zizmor(target: Path) -> list[dict]:
    """zizmor's findings at its default settings, offline, as JSON records."""
    result = subprocess.run(
        [tool("zizmor"), "--offline", "--format", "json", "--no-progress", str(target)],
        capture_output=True,
        text=True,
        env=OFFLINE_ENV,
        timeout=120,
    )
    # 1x: findings of some severity
    assert result.returncode in (0, 10, 11, 12, 13, 14), result.stderr
    return json.loads(result.stdout)


def test_zizmor_finds_nothing_in_workflows_or_dependabot():
    findings = zizmor(GITHUB)
    assert findings == [], "\n".join(f"{f['ident']}: {f['desc']}" for f in findings)


IGNORE = re.compile(r"#\s*zizmor:\s*ignore\[([^\]]*)\]\s*(.*)")


def test_the_one_zizmor_ignore_is_the_justified_workflow_run_trigger():
    ignores = [
        (path.name, match[1], match[2])
        for path in sorted(GITHUB.rglob("*.y*ml"))
        for line in path.read_text().splitlines()
        if (match := IGNORE.search(line))
    ]
    assert len(ignores) == 1, ignores
    name, rules, reason = ignores[0]
    assert (name, rules) == ("sources-comment.yml", "dangerous-triggers")
    assert "no checkout" in reason and "checked" in reason, "the ignore says why this use is safe"


def test_without_its_ignore_zizmor_flags_only_the_trigger(tmp_path):
    # The ignore hides exactly one finding, so it cannot silence anything else in that file.
    copy = tmp_path / ".github"
    shutil.copytree(GITHUB, copy)
    comment = copy / "workflows" / "sources-comment.yml"
    comment.write_text(
        "".join(
            line
            for line in comment.read_text().splitlines(keepends=True)
            if not IGNORE.search(line)
        )
    )
    assert [f["ident"] for f in zizmor(copy)] == ["dangerous-triggers"]


def test_zizmor_offline_still_audits(tmp_path):
    # A known-bad workflow, so a zizmor that silently audits nothing cannot pass the test above.
    workflows = tmp_path / ".github" / "workflows"
    workflows.mkdir(parents=True)
    (workflows / "bad.yml").write_text(
        "on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n"
        "      - uses: actions/checkout@v4\n"
        "      - run: echo ${{ github.event.head_commit.message }}\n"
    )
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
    if (
        "workflow_run" in workflow["on"]
    ):  # a write token beside another run's output: touch no code at all
        for job_id, step in steps(workflow):
            assert step.get("uses", "actions/download-artifact@").startswith(
                "actions/download-artifact@"
            ), job_id
            assert not re.search(r"\b(python|pip|npm|make|build\.py)\b", step.get("run", "")), (
                job_id
            )
        assert all("contents" not in job["permissions"] for job in workflow["jobs"].values())


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_pins_carry_their_version(path):
    uses = [
        line.strip() for line in path.read_text().splitlines() if re.match(r"\s*(- )?uses:", line)
    ]
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


def refresh_steps() -> list[dict]:
    return load(GITHUB / "workflows" / "refresh.yml")["jobs"]["refresh"]["steps"]


def index_of(steps_: list[dict], test) -> int:
    return next(i for i, step in enumerate(steps_) if test(step))


def test_refresh_asks_pages_for_the_address_before_fetching():
    job = refresh_steps()
    pages = index_of(job, lambda s: s.get("uses", "").startswith("actions/configure-pages@"))
    assert pages == 0 and job[pages]["id"] == "pages", (
        "the first step: a repo without Pages stops in seconds"
    )
    assert pages < index_of(job, lambda s: s.get("name") == "Fetch")
    explain = job[pages + 1]
    assert explain["if"] == "failure() && steps.pages.outcome == 'failure'"
    assert (
        "::error title=GitHub Pages is not enabled::" in explain["run"]
        and "Settings → Pages" in explain["run"]
    )


def test_refresh_names_no_branch():
    workflow = load(GITHUB / "workflows" / "refresh.yml")
    code = [
        line.split("#")[0]
        for line in (GITHUB / "workflows" / "refresh.yml").read_text().splitlines()
    ]
    assert [line.strip() for line in code if re.search(r"\bmain\b", line)] == [
        "branches: [main]"
    ], "only the push trigger may name the branch"
    on_default = "github.ref == format('refs/heads/{0}', github.event.repository.default_branch)"
    jobs = workflow["jobs"]
    for job_id in ("deploy", "commit"):
        condition = " ".join(jobs[job_id]["if"].split())
        # A scheduled run is on the default branch, but its event carries no repository to compare
        # with.
        assert f"github.event_name == 'schedule' || {on_default}" in condition, job_id
    checkout = index_of(
        jobs["commit"]["steps"], lambda s: s.get("uses", "").startswith("actions/checkout@")
    )
    assert jobs["commit"]["steps"][checkout]["with"]["ref"] == "${{ github.ref }}"
    assert 'git push origin "HEAD:$GITHUB_REF"' in jobs["commit"]["steps"][-1]["run"]


def test_refresh_saves_the_http_cache_even_when_a_step_fails():
    job = refresh_steps()
    caches = [s for s in job if s.get("with", {}).get("path") == ".cache/"]
    assert [s["uses"].split("@")[0] for s in caches] == [
        "actions/cache/restore",
        "actions/cache/save",
    ]
    restore, save = caches
    assert restore["with"]["key"] == save["with"]["key"]
    assert save["with"]["key"].startswith(restore["with"]["restore-keys"])
    # also after a failed fetch, which is what it guards
    assert save["if"].startswith("always() && ")
    fetch = index_of(job, lambda s: s.get("name") == "Fetch")
    assert job.index(restore) < fetch < job.index(save)


def test_the_fetch_step_passes_on_its_warnings_summary_and_status():
    fetch = next(s for s in refresh_steps() if s.get("name") == "Fetch")
    assert fetch["id"] == "fetch" and "continue-on-error" not in fetch and "if" not in fetch
    assert build_py_calls(fetch["run"]) == [["fetch", "--http-cache", ".cache/http"]]
    assert not re.search(r"[<>|]|\|\||;", fetch["run"]), (
        "no redirection, pipe or `|| true` to hide anything"
    )


def test_ci_runs_the_readme_test_command_on_two_pythons():
    workflow = load(GITHUB / "workflows" / "ci.yml")
    job = workflow["jobs"]["test"]
    assert job["strategy"]["matrix"]["python"] == ["3.11", "3.x"]
    runs = [s["run"] for s in job["steps"] if "run" in s]
    assert "bash .ci/run" in runs and any("ruff check" in r for r in runs)
    ci_run = (ROOT / ".ci" / "run").read_text()
    readme = (ROOT / "README.md").read_text()
    assert "python -m pytest" in ci_run and "python -m pytest" in readme


# The CLI commands used by the workflows
# --------------------------------------------------------------------


def build_py_calls(script: str) -> list[list[str]]:
    """The argument lists of every `python build.py …` in a shell script, up to the first shell
    operator."""
    calls = []
    for line in script.replace("\\\n", " ").splitlines():
        if "build.py" not in line:
            continue  # other lines may open a quote that a later line closes
        lexer = shlex.shlex(line, posix=True, punctuation_chars=True)
        lexer.whitespace_split = True
        tokens = list(lexer)
        for start, token in enumerate(tokens):
            if token == "build.py" and start and tokens[start - 1].startswith("python"):
                args = []
                for arg in tokens[start + 1 :]:
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
                assert not args or args[0] in known or args[0].startswith("-"), (
                    f"{where}: no such command"
                )
                for arg in args:
                    if arg.startswith("-"):
                        assert arg.split("=")[0] in known[command], (
                            f"{where}: {command} has no {arg}"
                        )
                try:
                    cli.build_parser().parse_args(args)
                except SystemExit:
                    pytest.fail(f"{where}: the CLI rejects these arguments")
                seen.add(command)
    assert {"fetch", "build"} <= seen, "the refresh workflow fetches and builds"
