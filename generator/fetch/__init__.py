"""`fetch`: sources.yaml → a new snapshot from GitHub. Every entry ends with a state; a repo that
fails keeps its previous data, marked stale; an unchanged world gives a byte-identical file."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

from .. import sources as sources_file
from ..core import snapshot as snapshot_file
from ..core.dates import now_stamp
from ..core.files import append_file, write_file
from ..core.github import Settings
from ..core.records import Capture, Repo, RepoState, Snapshot, Source
from .client import Client, Failure, Limits
from .passes import Listed, Passes
from .queries import Census, Target
from .report import FetchReport
from .states import Previous, empty_org, judged, missing, partly_read

METHOD = "GitHub GraphQL fetch"

__all__ = ["FetchReport", "Limits", "collect", "fetch"]


def fetch(
    sources_path: str,
    snapshot_path: str,
    settings: Settings,
    limits: Limits | None = None,
    now: Callable[[], str] = now_stamp,
    summary_path: str = "",
) -> FetchReport:
    """Fetch every entry of sources.yaml, write the snapshot (atomically) and return what happened.

    The previous snapshot, when there is one, supplies the data of repos that fail this time.
    `summary_path` (GitHub's $GITHUB_STEP_SUMMARY) gets the report as Markdown."""
    listed = sources_file.load(sources_path)
    path = Path(snapshot_path)
    previous = snapshot_file.loads(path.read_bytes(), str(path)) if path.exists() else None
    client = Client(settings, limits or Limits())
    try:
        passes = Passes(client)
        fresh = collect(listed, previous, passes, now())
    finally:
        client.close()
    # What the new snapshot does not reuse is freed before it is encoded: the run's peak.
    del previous
    write_file(path, snapshot_file.dumps(fresh))
    stats = client.stats
    report = FetchReport(
        fresh,
        sources_file.entries(listed, fresh),
        stats.requests,
        stats.points,
        stats.remaining,
        passes.stopped,
    )
    if summary_path:
        append_file(summary_path, report.summary_markdown().encode())
    return report


def collect(
    sources: Sequence[Source], previous: Snapshot | None, passes: Passes, stamp: str
) -> Snapshot:
    """Fetch every source through `passes`; the snapshot accounts for each of them."""
    old = Previous(previous)
    targets, owners, repos = _expand(sources, passes, old, stamp)
    fresh, failures = _run(passes, targets, owners)
    for target in targets:
        source = owners[target.key]
        if target.key in failures:
            repos.append(old.stale(target, source, failures[target.key], stamp))
        else:
            repos.append(old.settle(fresh[target.key], stamp))
    captures = (
        Capture(
            method=METHOD,
            captured_at=stamp,
            note="labeled open issues read from GitHub's GraphQL API",
        ),
    )
    if previous is not None and any(r.state is RepoState.STALE and r.issues for r in repos):
        # stale repos show earlier data: say where it came from too
        captures += tuple(c for c in previous.captures if c not in captures and c.method != METHOD)
    snapshot = Snapshot(captured_at=stamp, repos=tuple(repos), captures=captures)
    if previous is not None and _same(snapshot, previous):
        return previous  # an unchanged world gives a byte-identical file
    return snapshot


def _expand(sources, passes: Passes, old: Previous, stamp: str):
    """Targets for repo entries and for each org's public, non-archived repos (explicit entries
    win)."""
    targets: list[Target] = []
    owners: dict[str, Source] = {}
    repos: list[Repo] = []
    for source in sources:
        if not source.is_org:
            owner, name = source.repo.split("/")
            targets.append(Target(owner, name, source.labels))
            owners[source.key] = source
    for source in sources:
        if not source.is_org:
            continue
        names = passes.owner_repos(source.repo)
        if isinstance(names, Failure):
            repos.extend(old.stale_org(source, names, stamp))
            continue
        excluded = {x.lower() for x in source.exclude}
        kept = [
            full
            for full in names
            if full.lower() not in owners and full.split("/")[1].lower() not in excluded
        ]
        for full in kept:
            owner, name = full.split("/")
            targets.append(Target(owner, name, source.labels))
            owners[full.lower()] = source
        if not kept:
            repos.append(old.settle(empty_org(source), stamp))
    return targets, owners, repos


def _run(passes: Passes, targets: list[Target], owners: dict[str, Source]):
    """(fresh Repo per key, Failure per key); a fatal condition fails whatever is left, not what is
    done."""
    fresh: dict[str, Repo] = {}
    failures: dict[str, Failure] = {}
    census = passes.census(targets)
    wanted: dict[
        str, tuple[Target, Census, str]
    ] = {}  # current name (lower) → (target, census, entry key)
    for target in targets:
        found = census.get(target.key, Failure("not reached"))
        source = owners[target.key]
        if isinstance(found, Failure):
            if found.not_found:
                fresh[target.key] = missing(target, source)
            else:
                failures[target.key] = found
            continue
        repo = judged(replace(found.repo, source=source.repo), target, found)
        if repo.key != target.key and repo.key in owners:
            repo = replace(repo, listed_as=repo.name_with_owner)
        elif repo.state in (RepoState.OK, RepoState.RENAMED) and found.free + found.taken:
            wanted[repo.key] = (
                Target(*repo.name_with_owner.split("/"), target.labels),
                found,
                target.key,
            )
        fresh[target.key] = partly_read(repo, found.errors)
    got = passes.issues([(t, c) for t, c, _ in wanted.values()])
    readable = [
        (t.full_name, t.labels) for t, _, _ in wanted.values() if isinstance(got[t.key], Listed)
    ]
    linked = passes.linked_pulls(
        [(name, labels) for name, labels in readable if got[name.lower()].issues]
    )
    for current, (_, found, key) in wanted.items():
        listed = got[current]
        failure = listed if isinstance(listed, Failure) else linked.failed.get(current)
        if failure is not None:
            failures[key] = failure
            continue
        issues = tuple(
            sorted(
                (
                    replace(i, linked_pr=linked.pulls.get((current, i.number), ""))
                    for i in listed.issues
                ),
                key=lambda i: i.number,
            )
        )
        repo = replace(fresh[key], issues=issues)
        if (
            found.free + found.taken > passes.client.limits.issue_cap
        ):  # said, not silent: the list is cut
            repo = replace(repo, labeled_total=found.free + found.taken)
        if repo.state is RepoState.OK and not issues:
            repo = replace(repo, state=RepoState.NO_LABELED_ISSUES)
        fresh[key] = partly_read(repo, (*found.errors, *listed.errors))
    return fresh, failures


def _same(new: Snapshot, old: Snapshot) -> bool:
    def unstamped(repos: tuple[Repo, ...]) -> list[Repo]:
        return sorted((replace(r, state_since="") for r in repos), key=lambda r: r.key)

    return unstamped(new.repos) == unstamped(old.repos)
