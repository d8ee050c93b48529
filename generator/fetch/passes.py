"""The only module that knows GitHub: GraphQL queries, batching, pagination, rate limits, PyGithub.

Fetching costs points, and the Actions token has 1,000 an hour, so queries are planned by GitHub's
cost formula (a connection costs the product of its ancestors' `first`):
1. census: up to `batch` repositories per query (aliases) with their metadata and the *counts* of
   labeled open issues, unassigned and assigned apart (counts cost one request each, no nodes);
2. pages: each repo's issues with `first` sized to what the census counted, many repos per query,
   the assignees connection only on the assigned ones;
3. linked pull requests: one issue search per group of repos for `linked:pr`, then the closing
   pull requests of only those issues (usually a few) instead of a connection on every issue.
One failing repo never sinks its batch: NOT_FOUND errors are read per alias, and a batch that fails
as a whole (5xx, timeout, cut-off body) is split in halves until the culprit stands alone.
"""

from __future__ import annotations

import logging
import math
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import github
import requests
import requests_cache
import urllib3
from github import Auth, GithubException, GithubRetry
from github.GithubException import RateLimitExceededExceedsMaxWait, RateLimitExceededException

from ..core.errors import FetchError
from .queries import (
    FREE,
    ISSUE_FRAGMENT,
    TAKEN,
    Census,
    Part,
    Stream,
    Target,
    census_part,
    cost_of,
    linked_pulls,
    merge_issues,
    page_part,
    read_issue,
    read_repo,
)
from ..core.records import Issue

log = logging.getLogger("shovel.github")

DEFAULT_API_URL = "https://api.github.com"


class BudgetExhausted(FetchError):
    """Continuing would spend more of the rate limit than allowed, or GitHub says it is spent."""


class DeadlineReached(FetchError):
    """The run has used the time it was given."""


class Unauthorized(FetchError):
    """GitHub refused the token."""


class Outage(FetchError):
    """Several requests in a row failed after their retries: GitHub (or the network) is down."""


@dataclass(frozen=True)
class Settings:
    """How to reach GitHub and how much of it a run may use."""

    token: str = field(repr=False)  # never in a log line or a traceback's repr
    api_url: str = DEFAULT_API_URL
    graphql_url: str = ""
    """Empty: derived from api_url (…/api/v3 → …/api/graphql, else …/graphql)."""
    timeout: int = 30
    """Seconds for any one HTTP request."""
    retries: int = 3
    backoff: float = 1.0
    """urllib3 exponential backoff factor between retries, seconds."""
    max_wait: float = 60.0
    """Longest single wait for a rate limit or Retry-After; longer ones fail the request instead."""
    max_seconds: float = 900.0
    """The whole run stops starting requests after this many seconds."""
    max_share: float = 0.8
    """Share of the hourly points budget one run may spend."""
    batch: int = 100
    """Repositories per census query."""
    issue_cap: int = 1000
    """At most this many labeled open issues per repo (the first ones by creation)."""
    page_nodes: int = 500
    """Issue nodes per page query (keeps responses small enough to answer in time)."""
    cache_path: str = ""
    """requests-cache location; empty disables the HTTP cache."""
    cache_ttl: int = 0
    """Seconds to reuse cached GraphQL answers (development loops); 0 never reuses them."""

    @classmethod
    def from_env(cls, env: dict[str, str], **overrides) -> Settings:
        """Settings from GITHUB_TOKEN, GITHUB_API_URL, GITHUB_GRAPHQL_URL (as on Actions and Enterprise)."""
        token = env.get("GITHUB_TOKEN", "").strip()
        if not token:
            raise FetchError("GITHUB_TOKEN is not set: export a token (on GitHub Actions pass "
                             "`env: GITHUB_TOKEN: ${{ secrets.GITHUB_TOKEN }}`)")
        api = (env.get("GITHUB_API_URL") or DEFAULT_API_URL).rstrip("/")
        return cls(token=token, api_url=api, graphql_url=env.get("GITHUB_GRAPHQL_URL", "").rstrip("/"),
                   **overrides)

    @property
    def graphql(self) -> str:
        if self.graphql_url:
            return self.graphql_url
        parts = urlsplit(self.api_url)
        path = parts.path.rstrip("/")
        path = path[: -len("/v3")] if path.endswith("/v3") else path
        return urlunsplit(parts._replace(path=path + "/graphql"))


@dataclass
class Stats:
    """What the run has spent; `remaining`/`limit` as GitHub last reported them."""

    requests: int = 0
    points: int = 0
    remaining: int | None = None
    limit: int | None = None
    failures_in_a_row: int = 0


class BoundedRetry(GithubRetry):
    """PyGithub's retry, except that a Retry-After longer than `max_rate_limit_wait` fails instead of hanging."""

    def get_retry_after(self, response):
        wait = super().get_retry_after(response)
        if wait is not None and self.max_rate_limit_wait is not None and wait > self.max_rate_limit_wait:
            raise RateLimitExceededExceedsMaxWait(response.status, {"message": "Retry-After too long"},
                                                  dict(response.headers), wait=wait)
        return wait


class Client:
    """GraphQL over PyGithub's requester, reading partial errors instead of raising on them."""

    def __init__(self, settings: Settings, clock: Callable[[], float] = time.monotonic):
        self.settings = settings
        self.stats = Stats()
        self._clock = clock
        self._started = clock()
        retry = BoundedRetry(total=settings.retries, backoff_factor=settings.backoff,
                             backoff_max=settings.max_wait, secondary_rate_wait=min(60.0, settings.max_wait),
                             max_rate_limit_wait=settings.max_wait, raise_on_status=False)
        self._cache = None
        if settings.cache_path:
            # GraphQL is POST: cached only when asked (cache_ttl); REST GETs are revalidated with ETags.
            self._cache = requests_cache.enabled(
                settings.cache_path, backend="sqlite", allowable_methods=("GET", "HEAD", "POST"),
                expire_after=0, urls_expire_after={"*/graphql": settings.cache_ttl or requests_cache.DO_NOT_CACHE},
                ignored_parameters=("Authorization",), match_headers=False, stale_if_error=False)
            self._cache.__enter__()
        self.github = github.Github(auth=Auth.Token(settings.token), base_url=settings.api_url,
                                    timeout=int(settings.timeout), retry=retry, seconds_between_requests=None,
                                    seconds_between_writes=None, per_page=100)

    def close(self) -> None:
        self.github.close()
        if self._cache is not None:
            self._cache.__exit__(None, None, None)
            self._cache = None

    def query(self, text: str, variables: dict[str, Any], predicted: int,
              alone: bool = True) -> tuple[dict, list[dict]]:
        """Run one query: (data, error entries). Raises on failures of the whole request.

        `alone`: the query asks for one repo (or search), so its failure counts towards an outage; a failed
        batch is split and does not, or one bad repo first in a batch would look like GitHub being down."""
        self._check_limits(predicted)
        self.stats.requests += 1
        try:
            headers, body = self.github.requester.requestJsonAndCheck(
                "POST", self.settings.graphql, input={"query": text, "variables": variables})
        except RateLimitExceededException as error:
            # waiting longer than max_wait is not allowed and retrying sooner would only be refused again
            wait = getattr(error, "wait", None)
            raise BudgetExhausted(f"rate limited by GitHub (HTTP {error.status}" + (
                f", {wait:.0f} s to wait" if wait else "") + ")") from error
        except GithubException as error:
            self._note_failure(alone)
            if error.status == 401:
                raise Unauthorized("GitHub refused the token (401 Bad credentials)") from error
            raise
        except (requests.RequestException, urllib3.exceptions.HTTPError, ValueError):
            self._note_failure(alone)
            raise
        self.stats.failures_in_a_row = 0
        self._read_budget(headers, body)
        errors = list(body.get("errors") or []) if isinstance(body, dict) else []
        if any(e.get("type") in ("RATE_LIMITED", "RATE_LIMIT") for e in errors):
            raise BudgetExhausted("GitHub says the GraphQL rate limit is spent")
        data = body.get("data") if isinstance(body, dict) else None
        if data is None:
            raise QueryRejected("; ".join(e.get("message", "?") for e in errors) or "no data in the answer")
        return data, errors

    def _check_limits(self, predicted: int) -> None:
        elapsed = self._clock() - self._started
        if elapsed + self.settings.timeout > self.settings.max_seconds:
            raise DeadlineReached(f"stopped after {elapsed:.0f} s (limit {self.settings.max_seconds:.0f} s)")
        stats = self.stats
        if stats.limit is not None:
            allowed = math.floor(stats.limit * self.settings.max_share)
            if stats.points + predicted > allowed or (stats.remaining is not None and predicted > stats.remaining):
                raise BudgetExhausted(f"the next query (~{predicted} points) would pass the allowed share "
                                      f"({stats.points} spent of {allowed} allowed, {stats.remaining} left)")

    def _note_failure(self, alone: bool) -> None:
        self.stats.failures_in_a_row += 1 if alone else 0
        if self.stats.failures_in_a_row > 3:
            raise Outage(f"{self.stats.failures_in_a_row} repos in a row failed after retries")

    def _read_budget(self, headers: dict, body: Any) -> None:
        def number(name: str) -> int | None:
            value = headers.get(name)
            return int(value) if value is not None and str(value).isdigit() else None

        cost = None
        if isinstance(body, dict) and isinstance(body.get("data"), dict):
            cost = (body["data"].get("rateLimit") or {}).get("cost")
        remaining = number("x-ratelimit-remaining")
        if cost is None and remaining is not None and self.stats.remaining is not None:
            cost = max(0, self.stats.remaining - remaining)
        self.stats.points += int(cost or 0)
        self.stats.remaining = remaining if remaining is not None else self.stats.remaining
        self.stats.limit = number("x-ratelimit-limit") or self.stats.limit


class QueryRejected(FetchError):
    """GitHub answered without data (an invalid query, say)."""


FATAL = (BudgetExhausted, DeadlineReached, Unauthorized, Outage)
STOPPING = (BudgetExhausted, DeadlineReached, Outage)
"""What ends a run's requests but not the run: what is done is kept, the rest is marked stale."""


def run_parts(client: Client, parts: Sequence[Part], fragments: str = "") -> dict[Any, tuple[Any, str]]:
    """{part key: (data or None, error or "")}; a batch failing as a whole is split until each part stands alone."""
    if not parts:
        return {}
    declarations = ", ".join(p.declarations for p in parts if p.declarations)
    header = f"query({declarations})" if declarations else "query"
    text = header + " {\n  rateLimit { cost remaining limit }\n" + "\n".join(p.selection for p in parts) + "\n}\n"
    variables = {k: v for p in parts for k, v in p.variables.items()}
    try:
        data, errors = client.query(text + fragments, variables, cost_of(sum(p.requests for p in parts)),
                                    alone=len(parts) == 1)
    except FATAL:
        raise
    except Exception as error:  # 5xx after retries, timeouts, cut-off bodies, rejected queries
        if len(parts) == 1:
            return {parts[0].key: (None, describe(error))}
        middle = len(parts) // 2
        log.debug("batch of %d failed (%s); splitting", len(parts), describe(error))
        return run_parts(client, parts[:middle], fragments) | run_parts(client, parts[middle:], fragments)
    by_alias: dict[str, str] = {}
    for entry in errors:
        path = entry.get("path") or []
        if path:
            by_alias.setdefault(str(path[0]), entry.get("type") or entry.get("message", "error"))
    return {p.key: (data.get(p.alias), by_alias.get(p.alias, "")) for p in parts}


def describe(error: BaseException) -> str:
    """A short, token-free description of a failure for the health page."""
    if isinstance(error, GithubException):
        message = error.data.get("message") if isinstance(error.data, dict) else error.data
        return f"HTTP {error.status}: {message}" if message else f"HTTP {error.status}"
    return f"{type(error).__name__}: {str(error)[:200]}"


class GitHub:
    """The passes of a fetch, over one Client. Use as a context manager."""

    def __init__(self, settings: Settings, clock: Callable[[], float] = time.monotonic):
        self.settings = settings
        self.client = Client(settings, clock)
        self.stopped = ""
        """Why requests stopped early, once they have."""

    def __enter__(self) -> GitHub:
        return self

    def __exit__(self, *exc) -> None:
        self.client.close()

    @property
    def stats(self) -> Stats:
        return self.client.stats

    def _ask(self, parts: Sequence[Part], fragments: str = "") -> dict[Any, tuple[Any, str]]:
        """run_parts, unless the run has stopped (budget, deadline, outage): then every part fails with why."""
        if not self.stopped:
            try:
                return run_parts(self.client, parts, fragments)
            except STOPPING as stop:
                self.stopped = str(stop)
                log.warning("stopping: %s", stop)
        return {p.key: (None, self.stopped) for p in parts}

    def _progress(self, stage: str, done: int, total: int) -> None:
        stats = self.stats
        left = "?" if stats.remaining is None else stats.remaining
        log.info("%s: %d/%d repos, %d requests, %d points spent, %s left", stage, done, total, stats.requests,
                 stats.points, left)

    def owner_repos(self, login: str) -> tuple[list[str], str]:
        """(public, non-archived, non-fork repos of an org or user, error); NOT_FOUND is an error too."""
        names: list[str] = []
        cursor = None
        while True:
            part = Part(key=login, alias="o", declarations="$login: String!, $c: String",
                        variables={"login": login, "c": cursor}, requests=1,
                        selection="  o: repositoryOwner(login: $login) { repositories(first: 100, after: $c, "
                        "isArchived: false, isFork: false, privacy: PUBLIC, orderBy: {field: NAME, direction: ASC}) "
                        "{ pageInfo { hasNextPage endCursor } nodes { nameWithOwner } } }")
            data, error = self._ask([part])[login]
            if data is None:
                return names, error or "no such organization or user"
            connection = data["repositories"]
            names += [n["nameWithOwner"] for n in connection["nodes"]]
            if not connection["pageInfo"]["hasNextPage"]:
                return names, ""
            cursor = connection["pageInfo"]["endCursor"]

    def census(self, targets: Sequence[Target]) -> dict[str, Census | str]:
        """{target key: Census, or an error ("NOT_FOUND" for a repo that does not exist)}."""
        results: dict[str, Census | str] = {}
        for start in range(0, len(targets), self.settings.batch):
            batch = targets[start:start + self.settings.batch]
            answers = self._ask([census_part(i, t) for i, t in enumerate(batch)])
            for target in batch:
                data, error = answers[target.key]
                if data is None:
                    results[target.key] = error or "no data for this repository"
                    continue
                results[target.key] = Census(repo=read_repo(data, ""), free=data["free"]["totalCount"],
                                             taken=data["taken"]["totalCount"], has_issues=data["hasIssuesEnabled"])
            self._progress("census", len(results), len(targets))
        return results

    def issues(self, wanted: Sequence[tuple[Target, Census]]) -> dict[str, list[Issue] | str]:
        """{target key: its labeled open issues (at most issue_cap), or an error}."""
        cap = self.settings.issue_cap
        pending: list[Stream] = []
        for target, census in wanted:
            if census.free:
                pending.append(Stream(target, FREE, census.free, limit=cap))
            if census.taken and census.free < cap:
                pending.append(Stream(target, TAKEN, census.taken, limit=cap - census.free))
        results: dict[str, list[Issue] | str] = {t.key: [] for t, _ in wanted}
        while pending:
            batch, size = [], 0
            while pending and (not batch or size + pending[0].first() <= self.settings.page_nodes):
                stream = pending.pop(0)
                size += stream.first()
                batch.append(stream)
            parts = [page_part(i, s, s.first()) for i, s in enumerate(batch)]
            answers = self._ask(parts, ISSUE_FRAGMENT)
            for stream in batch:
                data, error = answers[id(stream)]
                key = stream.target.key
                if data is None or isinstance(results[key], str):
                    results[key] = results[key] if isinstance(results[key], str) else error or "no data"
                    continue
                connection = data["issues"]
                stream.issues += [read_issue(stream.target.full_name, n) for n in connection["nodes"]]
                stream.expected = max(connection["totalCount"], len(stream.issues))
                room = stream.limit - len(stream.issues)
                if connection["pageInfo"]["hasNextPage"] and room > 0:
                    stream.cursor = connection["pageInfo"]["endCursor"]
                    pending.append(stream)
                else:
                    results[key] = merge_issues(results[key], stream.issues)
            self._progress("issues", len(wanted) - len({s.target.key for s in pending}), len(wanted))
        return results

    def linked_pulls(self, repos: Sequence[tuple[str, tuple[str, ...]]]) -> tuple[dict, dict[str, str]]:
        """({(repo lower, number): open closing PR URL}, {repo lower: error}) for (nameWithOwner, labels)."""
        return linked_pulls(self._ask, repos, self.settings.page_nodes)


