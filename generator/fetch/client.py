"""GraphQL over the shared PyGithub connection: budgets, deadlines, split batches, partial answers.

GitHub may answer a query with data *and* errors (a field it refuses or fails on). Nothing of an
answer is dropped: each aliased part gets its data, or why it has none, plus the errors that came
with its data, so the fetch can say which repos are only partly read.
"""

from __future__ import annotations

import logging
import math
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import requests
import urllib3
from github import GithubException
from github.GithubException import RateLimitExceededException

from ..core.errors import FetchError
from ..core.github import Connection, Settings, describe

log = logging.getLogger("shovel.fetch")


class BudgetExhausted(FetchError):
    """Continuing would spend more of the rate limit than allowed, or GitHub says it is spent."""


class DeadlineReached(FetchError):
    """The run has used the time it was given."""


class Unauthorized(FetchError):
    """GitHub refused the token."""


class Outage(FetchError):
    """Several requests in a row failed after their retries: GitHub (or the network) is down."""


class QueryRejected(FetchError):
    """GitHub answered without data (an invalid query, say)."""


FATAL = (BudgetExhausted, DeadlineReached, Unauthorized, Outage)
STOPPING = (BudgetExhausted, DeadlineReached, Outage)
"""What ends a run's requests but not the run: what is done is kept, the rest is marked stale."""


@dataclass(frozen=True)
class Limits:
    """How much of GitHub one fetch may use, and how it sizes its queries."""

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
    readiness: bool = True
    """Ask each repo what a newcomer finds there (bench/fetch.py measures the run without it)."""


@dataclass
class Stats:
    """What the run has spent; `remaining`/`limit` as GitHub last reported them."""

    requests: int = 0
    points: int = 0
    remaining: int | None = None
    limit: int | None = None
    failures_in_a_row: int = 0


@dataclass(frozen=True)
class Failure:
    """Why one repository (or one search) could not be read."""

    reason: str
    not_found: bool = False
    """GitHub says there is no such repository (deleted, private or misspelt)."""


@dataclass(frozen=True)
class FieldError:
    """An error GitHub sent alongside data: the field it refused or failed on, below the part's
    alias."""

    path: tuple[str | int, ...]
    message: str

    @property
    def field(self) -> str:
        """The path without list positions: `issues.nodes.comments.nodes.authorAssociation`."""
        return ".".join(str(step) for step in self.path if not isinstance(step, int))


@dataclass(frozen=True)
class Answer:
    """One part's share of a query's answer."""

    data: Any = None
    failure: Failure | None = None
    """Why `data` is None."""
    errors: tuple[FieldError, ...] = ()
    """Errors that came with the data: the fields they name are missing (null) in it."""


@dataclass
class Part:
    """One aliased top-level field of a query, with its variables and predicted request count."""

    key: Any
    alias: str
    declarations: str
    variables: dict[str, Any]
    selection: str
    requests: int


def cost_of(requests_total: int) -> int:
    """GitHub's rounding of a query's requests into points."""
    return max(1, int(requests_total / 100 + 0.5))


class Client:
    """GraphQL over PyGithub's requester, reading partial errors instead of raising on them."""

    def __init__(
        self,
        settings: Settings,
        limits: Limits | None = None,
        clock: Callable[[], float] = time.monotonic,
    ):
        self.settings = settings
        self.limits = limits or Limits()
        self.stats = Stats()
        self._clock = clock
        self._started = clock()
        self._connection = Connection(settings)

    def close(self) -> None:
        self._connection.close()

    def query(
        self, text: str, variables: dict[str, Any], predicted: int, alone: bool = True
    ) -> tuple[dict, list]:
        """Run one query: (data, error entries). Raises on failures of the whole request.

        `alone`: the query asks for one repo (or search), so its failure counts towards an outage; a
        failed batch is split and does not, or one bad repo first in a batch would look like an
        outage."""
        self._check_limits(predicted)
        self.stats.requests += 1
        requester = self._connection.github.requester
        try:
            headers, body = requester.requestJsonAndCheck(
                "POST", self.settings.graphql, input={"query": text, "variables": variables}
            )
        except RateLimitExceededException as error:
            # waiting longer than max_wait is not allowed and retrying sooner would only be refused
            # again
            wait = getattr(error, "wait", None)
            waiting = f", {wait:.0f} s to wait" if wait else ""
            raise BudgetExhausted(
                f"rate limited by GitHub (HTTP {error.status}{waiting})"
            ) from error
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
            raise QueryRejected(
                "; ".join(e.get("message", "?") for e in errors) or "no data in the answer"
            )
        return data, errors

    def _check_limits(self, predicted: int) -> None:
        elapsed = self._clock() - self._started
        if elapsed + self.settings.timeout > self.limits.max_seconds:
            raise DeadlineReached(
                f"stopped after {elapsed:.0f} s (limit {self.limits.max_seconds:.0f} s)"
            )
        stats = self.stats
        if stats.limit is not None:
            allowed = math.floor(stats.limit * self.limits.max_share)
            if stats.points + predicted > allowed or (
                stats.remaining is not None and predicted > stats.remaining
            ):
                raise BudgetExhausted(
                    f"the next query (~{predicted} points) would pass the allowed share "
                    f"({stats.points} spent of {allowed} allowed, {stats.remaining} left)"
                )

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


def run_parts(client: Client, parts: Sequence[Part], fragments: str = "") -> dict[Any, Answer]:
    """{part key: Answer}; a batch failing as a whole is split until each part stands alone."""
    if not parts:
        return {}
    declarations = ", ".join(p.declarations for p in parts if p.declarations)
    header = f"query({declarations})" if declarations else "query"
    body = "\n".join(p.selection for p in parts)
    text = f"{header} {{\n  rateLimit {{ cost remaining limit }}\n{body}\n}}\n"
    variables = {k: v for p in parts for k, v in p.variables.items()}
    predicted = cost_of(sum(p.requests for p in parts))
    try:
        data, errors = client.query(text + fragments, variables, predicted, alone=len(parts) == 1)
    except FATAL:
        raise
    except Exception as error:  # 5xx after retries, timeouts, cut-off bodies, rejected queries
        if len(parts) == 1:
            return {parts[0].key: Answer(failure=Failure(describe(error)))}
        middle = len(parts) // 2
        log.debug("batch of %d failed (%s); splitting", len(parts), describe(error))
        return run_parts(client, parts[:middle], fragments) | run_parts(
            client, parts[middle:], fragments
        )
    by_alias: dict[str, list[dict]] = {}
    for entry in errors:
        path = entry.get("path") or []
        if path:
            by_alias.setdefault(str(path[0]), []).append(entry)
    return {p.key: _answer(data.get(p.alias), by_alias.get(p.alias, [])) for p in parts}


def _answer(data: Any, errors: list[dict]) -> Answer:
    if data is None:
        first = errors[0] if errors else {}
        kind = first.get("type") or first.get("message") or "no data for this part"
        return Answer(failure=Failure(kind, not_found=kind == "NOT_FOUND"))
    found = tuple(
        FieldError(tuple(e["path"][1:]), str(e.get("message") or e.get("type") or "error"))
        for e in errors
    )
    return Answer(data=data, errors=found)
