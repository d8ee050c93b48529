"""The workflow replay itself: GitHub's expression language, step status rules and step outputs."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.workflows.expressions import Expression, functions, lookup
from tests.workflows.replay import Runner, read_outputs


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ("github.ref == format('refs/heads/{0}', github.event.repository.default_branch)", True),
        ("github.event_name == 'schedule' || github.ref == 'refs/heads/other'", False),
        (
            "github.event.workflow_run.event == 'pull_request' && "
            "github.event.workflow_run.conclusion != 'cancelled'",
            True,
        ),
        ("github.event.missing.deeper", None),
        ("!(github.event_name == 'PUSH')", False),  # strings compare ignoring case
        ("steps.none.outcome == 'success' || steps.none.outcome == 'failure'", False),
        ("steps.pages.outcome == 'failure' && 'yes' || 'no'", "yes"),
        ("github.event.workflow_run.id", 41),
        ("'it''s' == 'IT''S'", True),
        ("contains(github.event_name, 'US') && startsWith(github.ref, 'refs/')", True),
    ],
)
def test_expressions(expression, expected):
    assert Expression(expression, lookup, functions({})).value() == expected


def test_status_functions_follow_the_job():
    failed = functions({"success": lambda: False, "failure": lambda: True})
    assert (
        Expression("failure() && steps.pages.outcome == 'failure'", lookup, failed).value() is True
    )
    assert Expression("success()", lookup, failed).value() is False
    assert Expression("always()", lookup, failed).value() is True


def test_an_unknown_function_fails_the_test():
    with pytest.raises(pytest.fail.Exception):
        Expression("hashFiles('x')", lookup, functions({})).value()


def runner_for(tmp_path: Path, workflow: dict, **github) -> Runner:
    context = {
        "run_id": 1,
        "run_attempt": 1,
        "ref": "refs/heads/main",
        "sha": "",
        "token": "t",
        "repository": "volunteers/shovel-ready",
        "event_name": "push",
        "event": {},
        **github,
    }
    (tmp_path / "cache").mkdir(exist_ok=True)
    return Runner(
        workflow,
        context,
        {"PATH": "/usr/bin:/bin", "GITHUB_API_URL": "http://127.0.0.1:9"},
        tmp_path / f"run-{context['run_id']}",
        tmp_path / "origin.git",
        tmp_path / "cache",
        tmp_path / "artifacts",
    )


def test_unknown_contexts_and_functions_fail_the_test(tmp_path):
    runner = runner_for(tmp_path, {"jobs": {}})
    for expression in ("github.repositroy", "vars.NAME", "hashFiles('x')"):
        with pytest.raises(pytest.fail.Exception):
            runner.evaluate(expression)


def test_steps_after_a_failure_run_only_when_their_condition_says_so(tmp_path):
    workflow = {
        "jobs": {
            "a": {
                "steps": [
                    {"run": "echo one"},
                    {"id": "bad", "run": "exit 3"},
                    {"run": "echo skipped"},
                    {"if": "failure() && steps.bad.outcome == 'failure'", "run": "echo explained"},
                    {"if": "always()", "run": "echo always"},
                ]
            },
            "b": {"needs": "a", "steps": [{"run": "echo never"}]},
        }
    }
    runner = runner_for(tmp_path, workflow).run()
    assert runner.failed == {"a": "step 1"} and runner.ran == ["a"]
    assert (
        "skipped" not in runner.log() and "explained" in runner.log() and "always" in runner.log()
    )


def test_outputs_are_read_as_the_runner_reads_them():
    written = "plain=1\nblock<<EOF_1\nline one\nline=two\nEOF_1\nafter=x=y\n"
    assert read_outputs(written) == {"plain": "1", "block": "line one\nline=two", "after": "x=y"}
