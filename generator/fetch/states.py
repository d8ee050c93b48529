"""How each repo's fetch ends: a state as data, with what it keeps of the previous snapshot.

States: ok; partial (read, but GitHub left fields out); renamed (followed, still listed, with the
sources.yaml edit to make); archived, missing, issues-disabled, no-labeled-issues (recorded, left
off the lists); stale (this fetch failed for it: the issues are the previous snapshot's, with the
error, since when, and when they were read)."""

from __future__ import annotations

import logging
from dataclasses import replace

from ..core.records import Repo, RepoState, Snapshot, Source
from .client import Failure, FieldError
from .queries import Census, Target

log = logging.getLogger("shovel.fetch")


def judged(repo: Repo, target: Target, census: Census) -> Repo:
    """A repo read by the census, in the state its metadata and counts put it."""
    if repo.archived:
        return replace(repo, state=RepoState.ARCHIVED)
    if not census.has_issues:
        return replace(repo, state=RepoState.ISSUES_DISABLED)
    if repo.key != target.key:
        return replace(repo, state=RepoState.RENAMED)
    if not census.free + census.taken:
        return replace(repo, state=RepoState.NO_LABELED_ISSUES)
    return repo


def missing(target: Target, source: Source) -> Repo:
    """A repo GitHub says does not exist (deleted, private or misspelt)."""
    return Repo(
        name_with_owner=target.full_name,
        url=f"https://github.com/{target.full_name}",
        source=source.repo,
        state=RepoState.MISSING,
    )


def empty_org(source: Source) -> Repo:
    """An org entry with no repository to list still ends with a state, not as nothing."""
    return Repo(
        name_with_owner=source.repo,
        url=f"https://github.com/{source.repo}",
        source=source.repo,
        state=RepoState.NO_LABELED_ISSUES,
    )


def partly_read(repo: Repo, errors: list[FieldError] | tuple[FieldError, ...]) -> Repo:
    """A repo whose answers came with field errors: marked partial, naming the fields and GitHub's
    words."""
    if not errors:
        return repo
    said: dict[str, tuple[str, int]] = {}
    for error in errors:
        message, count = said.get(error.field, (error.message, 0))
        said[error.field] = (message, count + 1)
    words = "; ".join(
        f"`{name}` missing {count}× ({message})" for name, (message, count) in sorted(said.items())
    )
    state = RepoState.PARTIAL if repo.state is RepoState.OK else repo.state
    return replace(repo, state=state, error=words)


class Previous:
    """The previous snapshot's repos, found by sources.yaml key, by current name or by node ID."""

    def __init__(self, snapshot: Snapshot | None):
        self.repos = snapshot.repos if snapshot else ()
        self.captured_at = snapshot.captured_at if snapshot else ""
        self.by_name = {r.key: r for r in self.repos}
        self.by_source = {r.source.lower(): r for r in self.repos if r.source and "/" in r.source}
        self.by_id = {r.node_id: r for r in self.repos if r.node_id}

    def find(self, key: str, node_id: str = "") -> Repo | None:
        if node_id in self.by_id:
            return self.by_id[node_id]
        return self.by_name.get(key) or self.by_source.get(key)

    def settle(self, repo: Repo, stamp: str) -> Repo:
        """A fresh repo, keeping `state_since` when its state did not change."""
        if repo.state is RepoState.OK:
            return replace(repo, state_since="")
        before = self.find(repo.key, repo.node_id)
        kept = before is not None and before.state is repo.state and before.state_since
        return replace(repo, state_since=before.state_since if kept else stamp)

    def stale(self, target: Target, source: Source, failure: Failure, stamp: str) -> Repo:
        """The previous data of a repo whose fetch failed, marked stale with the error and since
        when."""
        before = self.find(target.key)
        log.warning("%s: fetch failed, keeping previous data: %s", target.full_name, failure.reason)
        if before is None:
            return Repo(
                name_with_owner=target.full_name,
                url=f"https://github.com/{target.full_name}",
                source=source.repo,
                state=RepoState.STALE,
                state_since=stamp,
                error=failure.reason,
            )
        return self._stale(before, source, failure.reason, stamp)

    def stale_org(self, source: Source, failure: Failure, stamp: str) -> list[Repo]:
        """Every repo an org entry had, stale, when listing the org failed."""
        reason = f"listing the organization failed: {failure.reason}"
        kept = [r for r in self.repos if r.source.lower() == source.key]
        if not kept:
            return [
                Repo(
                    name_with_owner=source.repo,
                    url=f"https://github.com/{source.repo}",
                    source=source.repo,
                    state=RepoState.STALE,
                    state_since=stamp,
                    error=reason,
                )
            ]
        return [self._stale(r, source, reason, stamp) for r in kept]

    def _stale(self, before: Repo, source: Source, reason: str, stamp: str) -> Repo:
        # a repo failing run after run keeps the issues, and the date, of its last good fetch
        was_stale = before.state is RepoState.STALE
        since = before.state_since if was_stale and before.state_since else stamp
        as_of = before.issues_as_of if was_stale and before.issues_as_of else self.captured_at
        return replace(
            before,
            source=source.repo,
            state=RepoState.STALE,
            state_since=since,
            error=reason,
            issues_as_of=as_of,
        )
