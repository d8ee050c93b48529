"""Which sources.yaml entry owns which repository: one rule, used wherever a repo meets its entry."""

from __future__ import annotations

from collections.abc import Iterable

from ..core.records import Entry, Repo, Snapshot, Source


def owner_of(found: Iterable[Source], repo: str) -> Source | None:
    """The entry for `owner/name`: its own entry, else its org's (unless the org excludes it)."""
    key = repo.lower()
    owner, _, name = key.partition("/")
    org = None
    for source in found:
        if source.key == key and not source.is_org:
            return source
        if (
            source.is_org
            and source.key == owner
            and name not in {e.lower() for e in source.exclude}
        ):
            org = source
    return org


def entries(found: tuple[Source, ...], snapshot: Snapshot) -> tuple[Entry, ...]:
    """Each entry with its repos, in the file's order; repos no entry owns any more are dropped.

    A repo belongs to the entry it was fetched for (`Repo.source`); a captured repo that did not
    record one belongs to the entry `owner_of` gives its name."""
    by_key = {source.key: source for source in found}
    repos: dict[str, list[Repo]] = {source.key: [] for source in found}
    for repo in snapshot.repos:
        source = (
            by_key.get(repo.source.lower())
            if repo.source
            else owner_of(found, repo.name_with_owner)
        )
        if source is not None:
            repos[source.key].append(repo)
    return tuple(Entry(source, tuple(repos[source.key])) for source in found)
