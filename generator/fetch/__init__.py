"""Sources → Snapshot: every sources.yaml entry ends with a state; a failing repo keeps its previous data.

States: ok; renamed (followed, still listed, with the sources.yaml edit to make); archived, missing,
issues-disabled, no-labeled-issues (recorded, left off the lists); stale (this fetch failed for it:
the issues are the previous snapshot's, with the error and since when).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from .passes import GitHub
from .queries import Census, Target
from ..core.records import Capture, Repo, RepoState, Snapshot, Source

log = logging.getLogger("shovel.fetch")

METHOD = "GitHub GraphQL fetch"
WARNING_STATES = frozenset(RepoState) - {RepoState.OK}


@dataclass(frozen=True)
class Result:
    """A fetched snapshot and what the run spent."""

    snapshot: Snapshot
    requests: int
    points: int
    remaining: int | None

    def count(self, state: RepoState) -> int:
        return sum(1 for r in self.snapshot.repos if r.state is state)

    @property
    def failed_share(self) -> float:
        return self.count(RepoState.STALE) / max(1, len(self.snapshot.repos))

    def warnings(self) -> list[str]:
        """One line per repo not in the OK state, for stderr and the job summary."""
        return [f"{r.name_with_owner} ({r.state.value}): {r.state_detail}" for r in self.snapshot.repos
                if r.state in WARNING_STATES]


def fetch(sources: Sequence[Source], previous: Snapshot | None, github: GitHub, now: Callable[[], str]) -> Result:
    """Fetch every source; returns a snapshot that accounts for each of them."""
    stamp = now()
    old = _Previous(previous)
    targets, owners, repos = _expand(sources, github, old, stamp)
    repos = [r if r.state is RepoState.STALE else old.settle(r, stamp) for r in repos]
    fresh, failures = _run(github, targets, owners, stamp)
    for target in targets:
        source = owners[target.key]
        if target.key in failures:
            repos.append(old.stale(target, source, failures[target.key], stamp))
        else:
            repos.append(old.settle(fresh[target.key], stamp))
    captures = (Capture(method=METHOD, captured_at=stamp, note="labeled open issues read from GitHub's GraphQL API"),)
    if previous is not None and any(r.state is RepoState.STALE and r.issues for r in repos):
        # stale repos show earlier data: say where it came from too
        captures += tuple(c for c in previous.captures if c not in captures and c.method != METHOD)
    snapshot = Snapshot(captured_at=stamp, repos=tuple(repos), captures=captures)
    if previous is not None and _same(snapshot, previous):
        snapshot = previous  # an unchanged world gives a byte-identical file
    stats = github.stats
    return Result(snapshot, stats.requests, stats.points, stats.remaining)


def _expand(sources, github: GitHub, old: _Previous, stamp: str):
    """Targets for repo entries and for each org's public, non-archived repos (explicit entries win)."""
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
        names, error = github.owner_repos(source.repo)
        if error:
            repos.extend(old.stale_org(source, f"listing the organization failed: {error}", stamp))
            continue
        excluded = {x.lower() for x in source.exclude}
        kept = [full for full in names if full.lower() not in owners and full.split("/")[1].lower() not in excluded]
        for full in kept:
            owner, name = full.split("/")
            targets.append(Target(owner, name, source.labels))
            owners[full.lower()] = source
        if not kept:  # the entry still ends with a state, not as nothing
            repos.append(Repo(name_with_owner=source.repo, url=f"https://github.com/{source.repo}",
                              source=source.repo, state=RepoState.NO_LABELED_ISSUES, state_since=stamp,
                              state_detail="the organization has no public, non-archived repository to list "
                              "(beyond `exclude` and the entries listed on their own)"))
    return targets, owners, repos


def _run(github: GitHub, targets: list[Target], owners: dict[str, Source], stamp: str):
    """(fresh Repo per key, error per key); a fatal condition fails whatever is left, not what is done."""
    fresh: dict[str, Repo] = {}
    failures: dict[str, str] = {}
    census = github.census(targets)
    wanted: dict[str, tuple[Target, Census, str]] = {}  # current name (lower) → (target, census, entry key)
    for target in targets:
        found = census.get(target.key, "not reached")
        source = owners[target.key]
        if isinstance(found, str):
            if found == "NOT_FOUND":
                fresh[target.key] = _missing(target, source, stamp)
            else:
                failures[target.key] = found
            continue
        repo = _classify(replace(found.repo, source=source.repo), target, found, source)
        current = repo.name_with_owner.lower()
        if current != target.key and current in owners:
            repo = replace(repo, state_detail=repo.state_detail + f"; `{repo.name_with_owner}` is listed too, "
                           "so remove this entry", issues=())
        elif repo.state in (RepoState.OK, RepoState.RENAMED) and found.free + found.taken:
            wanted[current] = (Target(*repo.name_with_owner.split("/"), target.labels), found, target.key)
        fresh[target.key] = repo
    issues = github.issues([(t, c) for t, c, _ in wanted.values()])
    listed = [(t.full_name, t.labels) for t, _, _ in wanted.values() if issues.get(t.key)]
    linked, linked_failed = github.linked_pulls([(n, labels) for n, labels in listed
                                                 if not isinstance(issues[n.lower()], str)])
    cap = github.settings.issue_cap
    for current, (_, found, key) in wanted.items():
        got = issues[current]
        if isinstance(got, str) or current in linked_failed:
            failures[key] = got if isinstance(got, str) else linked_failed[current]
            continue
        with_links = tuple(sorted((replace(i, linked_pr=linked.get((current, i.number), "")) for i in got),
                                  key=lambda i: i.number))
        fresh[key] = replace(fresh[key], issues=with_links)
        if found.free + found.taken > cap:  # said, not silent: the list is cut at the documented cap
            note = (f"listing {cap} of its {found.free + found.taken} labeled open issues "
                    "(unassigned first, oldest first)")
            detail = fresh[key].state_detail
            fresh[key] = replace(fresh[key], state_detail=f"{detail}; {note}" if detail else note)
        if fresh[key].state is RepoState.OK and not with_links:
            fresh[key] = replace(fresh[key], state=RepoState.NO_LABELED_ISSUES,
                                 state_detail="no open issue carries one of its labels")
    return fresh, failures


def _classify(repo: Repo, target: Target, census: Census, source: Source) -> Repo:
    labels = ", ".join(f"`{label}`" for label in source.labels)
    if repo.archived:
        return replace(repo, state=RepoState.ARCHIVED, state_detail="archived (read-only): its issues are not listed")
    if not census.has_issues:
        return replace(repo, state=RepoState.ISSUES_DISABLED, state_detail="the repository has issues turned off")
    if repo.name_with_owner.lower() != target.key:
        where = f" (line {source.line})" if source.line else ""
        return replace(repo, state=RepoState.RENAMED,
                       state_detail=f"in sources.yaml{where} change `repo: {target.full_name}` to "
                       f"`repo: {repo.name_with_owner}`")
    if not census.free + census.taken:
        return replace(repo, state=RepoState.NO_LABELED_ISSUES,
                       state_detail=f"no open issue carries one of its labels ({labels})")
    return repo


def _missing(target: Target, source: Source, stamp: str) -> Repo:
    return Repo(name_with_owner=target.full_name, url=f"https://github.com/{target.full_name}",
                source=source.repo, state=RepoState.MISSING, state_since=stamp,
                state_detail="not found: deleted, private or misspelt; fix or remove the entry in sources.yaml")


def _same(new: Snapshot, old: Snapshot) -> bool:
    def key(repo: Repo):
        return repo.name_with_owner.lower()

    return sorted(map(_unstamped, new.repos), key=key) == sorted(map(_unstamped, old.repos), key=key)


def _unstamped(repo: Repo) -> Repo:
    return replace(repo, state_since="")


class _Previous:
    """The previous snapshot's repos, found by sources.yaml key, by current name or by node ID."""

    def __init__(self, snapshot: Snapshot | None):
        self.repos = snapshot.repos if snapshot else ()
        self.captured_at = snapshot.captured_at if snapshot else ""
        self.by_name = {r.name_with_owner.lower(): r for r in self.repos}
        self.by_source = {r.source.lower(): r for r in self.repos if r.source and "/" in r.source}
        self.by_id = {r.node_id: r for r in self.repos if r.node_id}

    def find(self, key: str, node_id: str = "") -> Repo | None:
        return self.by_id.get(node_id) if node_id in self.by_id else self.by_name.get(key) or self.by_source.get(key)

    def settle(self, repo: Repo, stamp: str) -> Repo:
        """A fresh repo, keeping `state_since` when its state did not change."""
        before = self.find(repo.name_with_owner.lower(), repo.node_id)
        since = before.state_since if before and before.state is repo.state and before.state_since else stamp
        return replace(repo, state_since=since if repo.state is not RepoState.OK else "")

    def stale(self, target: Target, source: Source, error: str, stamp: str) -> Repo:
        """The previous data of a repo whose fetch failed, marked stale with the error and since when."""
        before = self.find(target.key)
        log.warning("%s: fetch failed, keeping previous data: %s", target.full_name, error)
        if before is None:
            return Repo(name_with_owner=target.full_name, url=f"https://github.com/{target.full_name}",
                        source=source.repo, state=RepoState.STALE, state_since=stamp,
                        state_detail=f"fetch failed ({error}); never fetched before, so no issues")
        was_stale = before.state is RepoState.STALE and "; issues as of " in before.state_detail
        since = before.state_since if was_stale and before.state_since else stamp
        # a repo failing run after run still has the issues of its last good fetch, not of the last run
        when = before.state_detail.rsplit("; issues as of ", 1)[1] if was_stale else (
            self.captured_at or "an earlier fetch")
        detail = f"fetch failed ({error}); issues as of {when}"
        return replace(before, source=source.repo, state=RepoState.STALE, state_detail=detail, state_since=since)

    def stale_org(self, source: Source, error: str, stamp: str) -> list[Repo]:
        kept = [r for r in self.repos if r.source.lower() == source.key]
        if not kept:
            return [Repo(name_with_owner=source.repo, url=f"https://github.com/{source.repo}", source=source.repo,
                         state=RepoState.STALE, state_detail=error, state_since=stamp)]
        return [replace(r, state=RepoState.STALE, state_detail=error,
                        state_since=r.state_since if r.state is RepoState.STALE else stamp) for r in kept]


def issue_total(result: Result) -> int:
    """Issues listed (ok, renamed and stale repos)."""
    return sum(len(r.issues) for r in result.snapshot.repos)


def summary_markdown(result: Result, skills: dict[str, int]) -> str:
    """The GitHub Actions job summary: repos per state, issues per skill area, points spent."""
    lines = ["## Fetch", "", "| repos | count |", "| --- | --- |"]
    for state in (RepoState.OK, RepoState.STALE, RepoState.RENAMED, RepoState.ARCHIVED, RepoState.MISSING,
                  RepoState.ISSUES_DISABLED, RepoState.NO_LABELED_ISSUES):
        lines.append(f"| {state.value} | {result.count(state)} |")
    lines += ["", "| skill area | issues |", "| --- | --- |"]
    lines += [f"| {area} | {count} |" for area, count in sorted(skills.items())]
    left = "unknown" if result.remaining is None else str(result.remaining)
    lines += ["", f"{issue_total(result)} issues; {result.requests} requests, {result.points} points spent, "
              f"{left} left.", ""]
    warnings = result.warnings()
    if warnings:
        lines += ["### Needs attention", ""] + [f"- {_md(w)}" for w in warnings] + [""]
    return "\n".join(lines) + "\n"


def _md(text: str) -> str:
    """Repository text in a Markdown list item, without letting it open HTML or links."""
    return text.replace("<", "&lt;").replace(">", "&gt;").replace("[", "\\[").replace("]", "\\]")
