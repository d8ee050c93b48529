"""The passes of a fetch, planned by GitHub's cost formula (a connection costs the product of its
ancestors' `first`), so a run fits the 1,000 points an hour of the Actions token:

1. census: up to `batch` repositories per query (aliases) with their metadata and the *counts* of
   labeled open issues, unassigned and assigned apart (counts cost one request each, no nodes);
2. pages: each repo's issues with `first` sized to what the census counted, many repos per query,
   the assignees connection only on the assigned ones;
3. linked pull requests: one issue search per group of repos for `linked:pr`, then the closing
   pull requests of only those issues (usually a few) instead of a connection on every issue.

One failing repo never sinks its batch: NOT_FOUND errors are read per alias, a batch that fails as a
whole (5xx, timeout, cut-off body) is split in halves until the culprit stands alone, and errors
that come with data are kept with the issues they concern."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from ..core.records import Issue
from .client import STOPPING, Answer, Client, Failure, FieldError, Part, run_parts
from .queries import (
    FREE,
    ISSUE_FRAGMENT,
    SEARCH_REPOS,
    TAKEN,
    Census,
    Stream,
    Target,
    census_part,
    owner_repos_part,
    page_part,
    read_issue,
    read_repo,
    repo_names,
    search_count_part,
    search_page_part,
    search_text,
)

log = logging.getLogger("shovel.fetch")


@dataclass
class Listed:
    """A repository's labeled open issues as read, and the errors GitHub sent with them."""

    issues: list[Issue] = field(default_factory=list)
    errors: list[FieldError] = field(default_factory=list)


@dataclass(frozen=True)
class Linked:
    """What the linked pull request pass found."""

    pulls: dict[tuple[str, int], str]
    """{(repo key, issue number): URL of an open pull request that closes it}."""
    failed: dict[str, Failure]
    """{repo key: why its searches failed}."""


class Passes:
    """The passes of a fetch over one Client."""

    def __init__(self, client: Client):
        self.client = client
        self.stopped = ""
        """Why requests stopped early, once they have."""

    def _ask(self, parts: Sequence[Part], fragments: str = "") -> dict[Any, Answer]:
        """run_parts, unless the run has stopped (budget, deadline, outage): then every part fails
        with why."""
        if not self.stopped:
            try:
                return run_parts(self.client, parts, fragments)
            except STOPPING as stop:
                self.stopped = str(stop)
                log.warning("stopping: %s", stop)
        return {p.key: Answer(failure=Failure(self.stopped)) for p in parts}

    def _progress(self, stage: str, done: int, total: int) -> None:
        stats = self.client.stats
        left = "?" if stats.remaining is None else stats.remaining
        log.info(
            "%s: %d/%d repos, %d requests, %d points spent, %s left",
            stage,
            done,
            total,
            stats.requests,
            stats.points,
            left,
        )

    def owner_repos(self, login: str) -> list[str] | Failure:
        """An org's (or user's) public, non-archived, non-fork repos; NOT_FOUND is a failure too."""
        names: list[str] = []
        cursor = None
        while True:
            answer = self._ask([owner_repos_part(login, cursor)])[login]
            if answer.data is None:
                failure = answer.failure or Failure("no data")
                return (
                    Failure("no such organization or user", True) if failure.not_found else failure
                )
            connection = answer.data["repositories"]
            names += [n["nameWithOwner"] for n in connection["nodes"]]
            if not connection["pageInfo"]["hasNextPage"]:
                return names
            cursor = connection["pageInfo"]["endCursor"]

    def census(self, targets: Sequence[Target]) -> dict[str, Census | Failure]:
        """{target key: Census, or why the repository could not be read}."""
        results: dict[str, Census | Failure] = {}
        batch_size = self.client.limits.batch
        for start in range(0, len(targets), batch_size):
            batch = targets[start : start + batch_size]
            readiness = self.client.limits.readiness
            answers = self._ask([census_part(i, t, readiness) for i, t in enumerate(batch)])
            for target in batch:
                answer = answers[target.key]
                data = answer.data
                if data is None:
                    results[target.key] = answer.failure or Failure("no data for this repository")
                    continue
                results[target.key] = Census(
                    repo=read_repo(data, ""),
                    free=data["free"]["totalCount"],
                    taken=data["taken"]["totalCount"],
                    has_issues=data["hasIssuesEnabled"],
                    errors=answer.errors,
                )
            self._progress("census", len(results), len(targets))
        return results

    def issues(self, wanted: Sequence[tuple[Target, Census]]) -> dict[str, Listed | Failure]:
        """{target key: its labeled open issues (at most the issue cap), or why they could not be
        read}."""
        cap = self.client.limits.issue_cap
        pending: list[Stream] = []
        for target, census in wanted:
            if census.free:
                pending.append(Stream(target, FREE, census.free, limit=cap))
            if census.taken and census.free < cap:
                pending.append(Stream(target, TAKEN, census.taken, limit=cap - census.free))
        results: dict[str, Listed | Failure] = {t.key: Listed() for t, _ in wanted}
        page_nodes = self.client.limits.page_nodes
        while pending:
            batch, size = [], 0
            while pending and (not batch or size + pending[0].first() <= page_nodes):
                stream = pending.pop(0)
                size += stream.first()
                batch.append(stream)
            answers = self._ask(
                [page_part(i, s, s.first()) for i, s in enumerate(batch)], ISSUE_FRAGMENT
            )
            for stream in batch:
                key = stream.target.key
                listed, answer = results[key], answers[id(stream)]
                if isinstance(listed, Failure):
                    continue
                if answer.data is None:
                    results[key] = answer.failure or Failure("no data")
                    continue
                connection = answer.data["issues"]
                stream.issues += _read_page(
                    stream.target.full_name, connection["nodes"], answer.errors, listed
                )
                stream.expected = max(connection["totalCount"], len(stream.issues))
                if connection["pageInfo"]["hasNextPage"] and stream.limit > len(stream.issues):
                    stream.cursor = connection["pageInfo"]["endCursor"]
                    pending.append(stream)
                else:
                    seen = {i.number for i in listed.issues}
                    listed.issues += [i for i in stream.issues if i.number not in seen]
            self._progress(
                "issues", len(wanted) - len({s.target.key for s in pending}), len(wanted)
            )
        return results

    def linked_pulls(self, repos: Sequence[tuple[str, tuple[str, ...]]]) -> Linked:
        """Open pull requests that close the labeled issues of (nameWithOwner, labels)."""
        groups: dict[tuple[str, ...], list[str]] = {}
        for name, labels in repos:
            groups.setdefault(tuple(sorted(labels)), []).append(name)
        searches = [
            search_text(names[start : start + SEARCH_REPOS], labels)
            for labels, names in sorted(groups.items())
            for start in range(0, len(names), SEARCH_REPOS)
        ]
        found: dict[tuple[str, int], str] = {}
        failed: dict[str, Failure] = {}
        pending: list[tuple[str, int, str | None]] = []
        for text, count in zip(searches, self._search_counts(searches), strict=True):
            if isinstance(count, Failure):
                failed.update(
                    {
                        n.lower(): Failure(f"linked pull requests: {count.reason}")
                        for n in repo_names(text)
                    }
                )
            elif count:
                pending.append((text, count, None))
        page_nodes = self.client.limits.page_nodes
        while pending:
            batch, size = [], 0
            while pending and (not batch or size + min(100, pending[0][1]) <= page_nodes):
                batch.append(pending.pop(0))
                size += min(100, batch[-1][1])
            answers = self._ask(
                [
                    search_page_part(i, text, count, cursor)
                    for i, (text, count, cursor) in enumerate(batch)
                ]
            )
            for i, (text, count, _) in enumerate(batch):
                data = answers[i].data
                if data is None:
                    reason = (answers[i].failure or Failure("no data")).reason
                    failed.update(
                        {
                            n.lower(): Failure(f"linked pull requests: {reason}")
                            for n in repo_names(text)
                        }
                    )
                    continue
                for node in data["nodes"]:
                    pulls = ((node or {}).get("closedByPullRequestsReferences") or {}).get(
                        "nodes"
                    ) or []
                    if pulls:
                        found[(node["repository"]["nameWithOwner"].lower(), node["number"])] = (
                            pulls[0]["url"]
                        )
                if data["pageInfo"]["hasNextPage"]:
                    pending.append(
                        (text, count - len(data["nodes"]), data["pageInfo"]["endCursor"])
                    )
        return Linked(found, failed)

    def _search_counts(self, searches: list[str]) -> list[int | Failure]:
        counts: list[int | Failure] = []
        for start in range(0, len(searches), 100):
            chunk = searches[start : start + 100]
            answers = self._ask([search_count_part(i, text) for i, text in enumerate(chunk)])
            for i in range(len(chunk)):
                answer = answers[i]
                counts.append(
                    answer.data["issueCount"]
                    if answer.data is not None
                    else answer.failure or Failure("no data")
                )
        return counts


def _read_page(
    repo: str, nodes: list, errors: tuple[FieldError, ...], listed: Listed
) -> list[Issue]:
    """The issues of one page; a field GitHub left out marks the issue it belongs to as not fully
    read."""
    unread: dict[int, set[str]] = {}
    for error in errors:
        path = error.path
        if len(path) > 3 and path[:2] == ("issues", "nodes") and isinstance(path[2], int):
            unread.setdefault(path[2], set()).add(str(path[3]))
        listed.errors.append(error)
    issues = []
    for position, node in enumerate(nodes):
        if (
            node is None
        ):  # a non-null field failed and took the whole issue with it: said in `errors`
            continue
        issue = read_issue(repo, node)
        if position in unread:
            issue = replace(issue, unread=tuple(sorted(unread[position])))
        issues.append(issue)
    return issues
