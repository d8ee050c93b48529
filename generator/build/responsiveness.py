"""Pure: how quickly a project's maintainers answer new issues, from the comments fetched."""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from datetime import timedelta

from ..core.dates import parse_time
from ..core.records import Issue, Repo
from .claims import MAINTAINERS

MIN_SAMPLE = 5
"""Fewer issues with comment data than this and the badge says nothing: two or three issues
are one maintainer's week, not a project's habit."""


@dataclass(frozen=True)
class Responsiveness:
    """How a repo's maintainers answer new issues, measured over its issues with complete comment
    data."""

    repo: str
    sample: int
    """Issues whose comments are all known (or that have none)."""
    answered: int
    """Of those, how many got a comment from a maintainer (OWNER, MEMBER, COLLABORATOR)."""
    median: timedelta | None
    """Median time from the issue opening to the first maintainer comment, over the answered ones.
    """
    last_push: str = ""

    @property
    def share(self) -> float | None:
        """The share of the sample answered at all, None without a sample."""
        return self.answered / self.sample if self.sample else None

    @property
    def measured(self) -> bool:
        """Enough issues with a maintainer's answer to say how quickly the project answers."""
        return self.sample >= MIN_SAMPLE and self.median is not None

    @property
    def mostly_answered(self) -> bool:
        """At least half the sample got a maintainer's answer."""
        return self.answered * 2 >= self.sample

    @property
    def sort_key(self) -> tuple:
        """Ascending order for "responsive projects first": measured and mostly answered, then
        fastest."""
        if not self.measured:
            pushed = parse_time(self.last_push)
            return (2, 0.0, -(pushed.timestamp() if pushed else 0.0), self.repo.lower())
        group = 0 if self.mostly_answered else 1
        return (group, self.median.total_seconds(), -(self.share or 0.0), self.repo.lower())


def responsiveness(repo: Repo) -> Responsiveness:
    """Measure a repo's answer times from the comments fetched with its issues."""
    sample, waits = 0, []
    for issue in repo.issues:
        opened = parse_time(issue.created)
        if opened is None or not _complete(issue):
            continue
        sample += 1
        first = min(
            (
                t
                for c in issue.comments
                if c.association.upper() in MAINTAINERS and (t := parse_time(c.created)) is not None
            ),
            default=None,
        )
        if first is not None:
            waits.append(max(first - opened, timedelta(0)))
    median = (
        timedelta(seconds=statistics.median(w.total_seconds() for w in waits)) if waits else None
    )
    return Responsiveness(repo.name_with_owner, sample, len(waits), median, repo.pushed_at)


def _complete(issue: Issue) -> bool:
    """Every comment is known: none at all, or the fetched ones are the whole thread.

    When only the latest comments were fetched, the first maintainer answer may be missing, and
    counting the issue would make the project look slower (or silent) than it is.
    """
    if issue.comments:
        return issue.comments_count is None or issue.comments_count <= len(issue.comments)
    return issue.comments_count == 0
