"""The GraphQL client over the fake: settings, partial errors, retries, budgets, the cache; and the
fake's fidelity."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

import github as pygithub
import pytest
import requests
from fake_github import FakeComment
from fake_github.graphql_api import query_cost
from graphql import parse

from generator.core.errors import FetchError
from generator.core.github import Settings
from generator.fetch.client import (
    Answer,
    BudgetExhausted,
    Client,
    Failure,
    FieldError,
    Limits,
    Part,
    QueryRejected,
    Unauthorized,
    run_parts,
)
from generator.fetch.passes import Passes
from generator.fetch.queries import Target
from tests.conftest import TOKEN

FAST = {"retries": 2, "backoff": 0.0, "max_wait": 2.0, "timeout": 5}


def client(env, limits: Limits | None = None, **overrides) -> Client:
    return Client(Settings.from_env(env, **{**FAST, **overrides}), limits or Limits())


def repo_part(key: str, owner: str, name: str) -> Part:
    return Part(
        key=key,
        alias=key,
        declarations="",
        variables={},
        requests=1,
        selection=f'  {key}: repository(owner: "{owner}", name: "{name}") {{ nameWithOwner }}',
    )


# --- settings
# ----------------------------------------------------------------------------------------------


def test_settings_need_a_token():
    with pytest.raises(FetchError, match="GITHUB_TOKEN is not set"):
        Settings.from_env({"GITHUB_API_URL": "https://api.github.com"})


@pytest.mark.parametrize(
    ("env", "graphql"),
    [
        ({}, "https://api.github.com/graphql"),
        (
            {"GITHUB_API_URL": "https://ghe.example.org/api/v3"},
            "https://ghe.example.org/api/graphql",
        ),
        (
            {
                "GITHUB_API_URL": "https://ghe.example.org/api/v3",
                "GITHUB_GRAPHQL_URL": "https://ghe.example.org/api/graphql/",
            },
            "https://ghe.example.org/api/graphql",
        ),
    ],
)
def test_graphql_url_from_the_environment(env, graphql):
    assert Settings.from_env({"GITHUB_TOKEN": "t", **env}).graphql == graphql


# --- the fake follows GitHub's rules
# -----------------------------------------------------------------------


def test_cost_formula_matches_githubs_documented_example():
    # docs.github.com, "Calculating a rate limit score": 1 + 100 + 5,000 requests → 51 points
    document = parse("""query { viewer { login repositories(first: 100) { edges { node { id
        issues(first: 50) { edges { node { id labels(first: 60) { edges { node { id name } } } } } } } } } } }""")
    assert query_cost(document, {}) == (5101, 100 + 5000 + 300000)


def test_fake_charges_and_reports_points(fake_github):
    fake_github.add_repo("a/b")
    answer = requests.post(
        fake_github.graphql_url,
        headers={"Authorization": f"bearer {TOKEN}"},
        json={
            "query": '{ rateLimit { cost remaining } repository(owner: "a", name: "b") { '
            "issues(first: 100) { nodes { labels(first: 10) { nodes { name } } } } } }"
        },
        timeout=5,
    )
    # 101 requests round to 1
    assert answer.json()["data"]["rateLimit"] == {
        "cost": 1,
        "remaining": 4999,
    }
    assert (
        answer.headers["X-RateLimit-Resource"] == "graphql"
        and answer.headers["X-RateLimit-Used"] == "1"
    )


@pytest.mark.parametrize(
    ("query", "kind"),
    [
        (
            '{ repository(owner: "a", name: "b") { issues { nodes { number } } } }',
            "MISSING_PAGINATION_BOUNDARIES",
        ),
        (
            '{ repository(owner: "a", name: "b") { issues(first: 101) { nodes { number } } } }',
            "EXCESSIVE_PAGINATION",
        ),
    ],
)
def test_fake_enforces_pagination_limits(fake_github, query, kind):
    body = requests.post(
        fake_github.graphql_url,
        headers={"Authorization": f"token {TOKEN}"},
        json={"query": query},
        timeout=5,
    ).json()
    assert body["errors"][0]["type"] == kind and "data" not in body


def test_invalid_query_is_rejected_like_github(fake_github, github_env):
    with pytest.raises(QueryRejected, match="Cannot query field 'starz'"):
        client(github_env).query('{ repository(owner: "a", name: "b") { starz } }', {}, 1)


# --- partial errors, retries, budgets
# ----------------------------------------------------------------------


def test_one_missing_repo_does_not_lose_its_batch(fake_github, github_env):
    fake_github.add_repo("real/one")
    parts = [repo_part("r0", "real", "one"), repo_part("r1", "gone", "never")]
    # PyGithub's own graphql_query throws the whole answer away on the one error entry
    requester = pygithub.Github(auth=pygithub.Auth.Token(TOKEN), base_url=fake_github.url).requester
    with pytest.raises(pygithub.GithubException):
        requester.graphql_query("query {\n" + "\n".join(p.selection for p in parts) + "\n}", {})
    answers = run_parts(client(github_env), parts)
    assert answers == {
        "r0": Answer({"nameWithOwner": "real/one"}),
        "r1": Answer(failure=Failure("NOT_FOUND", True)),
    }


def test_errors_that_come_with_data_are_kept_with_the_part_they_concern(fake_github, github_env):
    fake_github.add_repo("real/one")
    fake_github.add_issue(
        "real/one",
        1,
        "Fix it",
        labels=("good first issue",),
        comments=[FakeComment("ana", "2026-10-01T00:00:00Z", "I'd like this", "NONE")],
    )
    fake_github.refuse("IssueComment.authorAssociation")
    part = Part(
        key="r0",
        alias="r0",
        declarations="",
        variables={},
        requests=1,
        selection='  r0: repository(owner: "real", name: "one") { issues(first: 1) { nodes { '
        "number "
        "comments(first: 1) { nodes { body authorAssociation } } } } }",
    )
    answer = run_parts(client(github_env), [part])["r0"]
    assert answer.data == {"issues": {"nodes": [{"number": 1, "comments": {"nodes": [None]}}]}}
    assert [(e.field, e.path[:3]) for e in answer.errors] == [
        ("issues.nodes.comments.nodes.authorAssociation", ("issues", "nodes", 0))
    ]
    assert isinstance(answer.errors[0], FieldError)


def test_server_errors_are_retried_by_pygithubs_retry(fake_github, github_env):
    fake_github.add_repo("real/one")
    fake_github.inject("status", times=2, status=502)
    answers = run_parts(client(github_env), [repo_part("r0", "real", "one")])
    assert answers["r0"] == Answer({"nameWithOwner": "real/one"})
    assert [e.status for e in fake_github.log] == [502, 502, 200]


def test_a_long_retry_after_stops_the_run_instead_of_hanging(fake_github, github_env):
    fake_github.add_repo("real/one")
    fake_github.inject("secondary", times=5, retry_after=3600)
    started = time.monotonic()
    with pytest.raises(BudgetExhausted, match="3600 s to wait"):
        run_parts(client(github_env), [repo_part("r0", "real", "one")])
    assert time.monotonic() - started < 2 and fake_github.requests() == 1


@pytest.mark.slow
def test_a_short_secondary_limit_is_waited_out(fake_github, github_env):
    fake_github.add_repo("real/one")
    fake_github.inject("secondary", times=1, retry_after=1)
    started = time.monotonic()
    answers = run_parts(client(github_env), [repo_part("r0", "real", "one")])
    assert answers["r0"] == Answer({"nameWithOwner": "real/one"})
    assert time.monotonic() - started >= 1 and [e.status for e in fake_github.log] == [403, 200]


def test_bad_token_is_fatal(fake_github, github_env):
    with pytest.raises(Unauthorized):
        client({**github_env, "GITHUB_TOKEN": "wrong"}).query("{ viewer { login } }", {}, 1)


def test_budget_read_from_responses_and_enforced(fake_github, github_env):
    fake_github.add_repo("real/one")
    fake_github.buckets["graphql"]["limit"] = 100
    api = client(github_env, Limits(max_share=0.5))
    run_parts(api, [repo_part("r0", "real", "one")])
    assert (api.stats.points, api.stats.remaining, api.stats.limit) == (1, 99, 100)
    with pytest.raises(BudgetExhausted, match="allowed share"):
        api.query("{ viewer { login } }", {}, 60)


def test_deadline_stops_new_requests(fake_github, github_env):
    clock = iter([0.0, 0.0, 1000.0])
    api = Client(
        Settings.from_env(github_env, **FAST), Limits(max_seconds=100), clock=lambda: next(clock)
    )
    api.query("{ rateLimit { cost } }", {}, 1)
    with pytest.raises(FetchError, match="stopped after"):
        api.query("{ rateLimit { cost } }", {}, 1)


# --- the HTTP cache
# ----------------------------------------------------------------------------------------


def test_http_cache_reuses_answers_and_never_stores_the_token(
    fake_github, github_env, tmp_path: Path
):
    fake_github.add_repo("real/one")
    cache = tmp_path / "http"
    for _ in range(2):
        api = client(github_env, cache_path=str(cache), cache_ttl=600)
        Passes(api).census([Target("real", "one", ("good first issue",))])
        api.close()
    assert fake_github.requests("graphql") == 1  # the second run was answered from the cache
    stored = Path(str(cache) + ".sqlite")
    assert stored.exists() and TOKEN.encode() not in stored.read_bytes()
    rows = sqlite3.connect(stored).execute("select count(*) from responses").fetchone()[0]
    assert rows == 1


def test_without_ttl_graphql_is_not_cached(fake_github, github_env, tmp_path: Path):
    fake_github.add_repo("real/one")
    for _ in range(2):
        api = client(github_env, cache_path=str(tmp_path / "http"))
        Passes(api).census([Target("real", "one", ("good first issue",))])
        api.close()
    assert fake_github.requests("graphql") == 2


# --- the REST side PyGithub uses (baseline and check --online)
# ---------------------------------------------


@pytest.mark.slow
def test_rest_endpoints_as_pygithub_reads_them(fake_github):
    fake_github.add_repo("civic/before", stars=3)
    fake_github.add_issue("civic/before", 1, "Both", labels=("good first issue", "help wanted"))
    fake_github.add_issue("civic/before", 2, "One", labels=("help wanted",))
    fake_github.add_issue("civic/before", 3, "A PR", labels=("help wanted",), is_pull_request=True)
    fake_github.rename("civic/before", "civic/after")
    fake_github.add_repo("civic/closed", has_issues=False)
    gh = pygithub.Github(auth=pygithub.Auth.Token(TOKEN), base_url=fake_github.url, retry=None)
    repo = gh.get_repo("civic/before")  # a 301 to /repositories/{id}, followed
    assert (repo.full_name, repo.stargazers_count, repo.archived) == ("civic/after", 3, False)
    assert sorted(label.name for label in repo.get_labels()) == ["good first issue", "help wanted"]
    wanted = repo.get_issues(labels=["help wanted"], state="open")
    assert sorted(i.number for i in wanted) == [1, 2, 3]  # REST lists pull requests too
    # an AND
    assert [i.number for i in repo.get_issues(labels=["good first issue", "help wanted"])] == [1]
    with pytest.raises(pygithub.GithubException) as gone:
        list(gh.get_repo("civic/closed").get_issues(state="open"))
    assert gone.value.status == 410
    with pytest.raises(pygithub.UnknownObjectException):
        gh.get_repo("civic/never")
    assert all(e.resource == "core" for e in fake_github.log)


def test_settings_never_show_the_token():
    assert "s3cret" not in repr(Settings.from_env({"GITHUB_TOKEN": "s3cret"}))
