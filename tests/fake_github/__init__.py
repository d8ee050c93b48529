"""A fake GitHub for tests and benchmarks: a real HTTP server on 127.0.0.1.

Use it through the `fake_github` pytest fixture (tests/conftest.py), or directly:

    from fake_github import FakeGitHub            # tests/ is on sys.path under pytest

    with FakeGitHub(token="t") as fake:          # starts on a free port, stops on exit
        fake.add_repo("civic/app", description="…", language="Python", stars=12, topics=("civic",))
        fake.add_issue("civic/app", 7, "Fix the footer", labels=("good first issue",),
                       assignees=(), comments=[FakeComment("ana", "2026-01-03T00:00:00Z", "I'd like
                       this")],
                       linked_prs=(("https://github.com/civic/app/pull/8", "OPEN"),))
        fake.rename("civic/app", "civic/web")   # old name keeps resolving (GraphQL) / 301s (REST)
        fake.delete("civic/web")                # NOT_FOUND from now on
        fake.inject("status", times=2, status=502, match="civic/app")   # next 2 requests naming it
        fake.inject("timeout", delay=2.0)       # answer after 2 s (client timeouts)
        fake.inject("truncate")                 # send half the body
        fake.inject("secondary", retry_after=1)  # 403 secondary rate limit with Retry-After
        fake.exhaust("graphql", leave=10)       # only 10 points left; then RATE_LIMITED
        fake.url, fake.graphql_url              # GITHUB_API_URL, GITHUB_GRAPHQL_URL
        fake.requests("graphql"), fake.points   # what the client spent
        fake.log                                # every Exchange(method, path, status, resource,
        cost, fault)

What it serves:
- POST /graphql: parsed and validated against GitHub's public schema (schema.graphql here,
graphql-core 3.2),
  charged by GitHub's documented formula (each connection costs the product of its ancestors'
  first/last;
  sum / 100, rounded, at least 1), with MISSING_PAGINATION_BOUNDARIES / EXCESSIVE_PAGINATION /
  node-limit
  errors, `rateLimit { cost remaining … }`, partial NOT_FOUND errors (HTTP 200, that alias null),
  renames
  followed, RATE_LIMITED when the budget is spent. Resolved fields: what fetch reads of Repository,
  Issue,
  Organization.repositories and issue search (`repo:`, `is:`, `label:`, `linked:pr`, `no:assignee`).
- GET /repos/{owner}/{repo}, /labels, /issues (labels= is an AND, as on GitHub; pull requests
included),
  /repositories/{id}… after a 301 for renamed repos, 410 when issues are disabled, Link pagination,
  ETags
  and free 304s, GET /rate_limit.
- Every response carries X-RateLimit-Limit/Remaining/Reset/Used/Resource; 401 without the token.
- `latency` (seconds slept before each answer) for benchmarks; keep it 0 in tests.

world.py builds a large realistic world for bench/fetch.py; `python -m fake_github --repos 1000
--latency 0.3` (run from tests/) serves one in its own process, with GET /_fake/stats and
/_fake/reset for its counters."""

from .server import Exchange, FakeGitHub, Fault
from .state import FakeComment, FakeIssue, FakeRepo, World

__all__ = ["Exchange", "FakeComment", "FakeGitHub", "FakeIssue", "FakeRepo", "Fault", "World"]
