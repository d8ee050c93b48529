"""What a fetch tells people: one line per repo needing attention, workflow annotations, the job
summary."""

from __future__ import annotations

from dataclasses import dataclass

from ..core.records import Entry, RepoState, Snapshot
from ..core.states import detail
from ..core.text import annotation, md_cell, md_code

ATTENTION = (
    RepoState.STALE,
    RepoState.PARTIAL,
    RepoState.MISSING,
    RepoState.RENAMED,
    RepoState.ARCHIVED,
    RepoState.ISSUES_DISABLED,
)
"""States a curator should act on (or at least know of): each gets a ::warning in the workflow."""
SUMMARY_ORDER = (
    RepoState.OK,
    RepoState.PARTIAL,
    RepoState.STALE,
    RepoState.RENAMED,
    RepoState.ARCHIVED,
    RepoState.MISSING,
    RepoState.ISSUES_DISABLED,
    RepoState.NO_LABELED_ISSUES,
)


@dataclass(frozen=True)
class Notice:
    """One repo not in the OK state, in words."""

    name: str
    state: RepoState
    detail: str

    def __str__(self) -> str:
        return f"{self.name} ({self.state.value}): {self.detail}"


@dataclass(frozen=True)
class FetchReport:
    """A fetched snapshot, the sources.yaml entries it answers, and what the run spent."""

    snapshot: Snapshot
    entries: tuple[Entry, ...]
    requests: int
    points: int
    remaining: int | None
    stopped: str = ""
    """Why requests stopped early (budget, deadline, outage), "" when they did not."""

    def count(self, state: RepoState) -> int:
        return sum(1 for r in self.snapshot.repos if r.state is state)

    @property
    def issues(self) -> int:
        """Issues in the snapshot (ok, partial, renamed and stale repos)."""
        return sum(len(r.issues) for r in self.snapshot.repos)

    @property
    def failed_share(self) -> float:
        return self.count(RepoState.STALE) / max(1, len(self.snapshot.repos))

    def totals(self) -> str:
        """One line of what the run read and spent."""
        return (
            f"{len(self.snapshot.repos)} repos, {self.issues} issues; {self.requests} requests, "
            f"{self.points} points, {self.remaining} left"
        )

    def notices(self) -> list[Notice]:
        """One per repo not in the OK state, in sources.yaml order."""
        return [
            Notice(repo.name_with_owner, repo.state, detail(repo, entry.source))
            for entry in self.entries
            for repo in entry.repos
            if repo.state is not RepoState.OK
        ]

    def annotations(self) -> list[str]:
        """`::warning` workflow commands naming each repo a curator should look at."""
        return [
            annotation("warning", str(n), title=f"{n.name} is {n.state.value}")
            for n in self.notices()
            if n.state in ATTENTION
        ]

    def summary_markdown(self) -> str:
        """The GitHub Actions job summary: repos per state, points spent, what needs attention."""
        lines = ["## Fetch", "", "| repos | count |", "| --- | --- |"]
        lines += [f"| {state.value} | {self.count(state)} |" for state in SUMMARY_ORDER]
        left = "unknown" if self.remaining is None else str(self.remaining)
        lines += [
            "",
            f"{self.issues} issues; {self.requests} requests, {self.points} points spent, {left} "
            "left.",
            "",
        ]
        if self.stopped:
            lines += [f"Requests stopped early: {md_code(self.stopped)}.", ""]
        notices = self.notices()
        if notices:
            lines += [
                "### Needs attention",
                "",
                "| repository | state | what to do |",
                "| --- | --- | --- |",
            ]
            lines += [
                f"| {md_cell(n.name)} | {n.state.value} | {md_cell(n.detail)} |" for n in notices
            ]
            lines.append("")
        return "\n".join(lines) + "\n"
