"""What the templates read: one frozen record per kind of page, complete when made, data not words."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from functools import cached_property

from ..core.records import Repo, RepoState, Source
from .claims import Claim
from .judge import Judged
from .pages import Page
from .readiness import ProjectReadiness
from .responsiveness import Responsiveness

ANY_SKILL = "any"


def slug(text: str) -> str:
    """A URL path segment for a cause, language or repo name."""
    return re.sub(r"[^a-z0-9._-]+", "-", text.lower()).strip("-") or "-"


def repo_path(name: str) -> str:
    """The site path of a repository's page."""
    return f"repos/{'/'.join(slug(part) for part in name.split('/', 1))}/"


@dataclass(frozen=True)
class Card:
    """One issue as a card shows it, with the judgement calls already made."""

    item: Judged
    answers: Responsiveness | None = None
    """How quickly the project answers, when measured."""
    rank: int = 0
    """Its place in the site's newest-first order, so later sorts compare one number."""

    @property
    def issue(self):
        return self.item.issue

    @cached_property  # looked up each time a page shows the card (some 200,000 times at 20,000 issues)
    def key(self) -> tuple[str, int]:
        """The issue's repo and number: a card looks the same wherever it is shown."""
        return (self.item.issue.repo, self.item.issue.number)

    @property
    def claim(self) -> Claim | None:
        """Why the issue is not takeable, None when it is."""
        return self.item.claim

    @cached_property  # read some twenty times a card while the listings are planned
    def is_stale(self) -> bool:
        """No known activity for a year: hidden until asked for, and kept out of the feeds."""
        return self.item.stale


@dataclass(frozen=True)
class FacetLink:
    label: str
    path: str
    count: int
    waiting: int = 0
    """Projects of this facet not fetched yet (a cause with no issues yet still has a page)."""
    guessed: int = 0
    """For an effort facet: how many of its issues have a size that is a guess (no size label)."""


@dataclass(frozen=True)
class Listing:
    """A page listing issues: home, or one facet (skill, effort, cause, language, skill × effort,
    cause × skill)."""

    path: str
    title: str
    description: str
    cards: tuple[Card, ...]
    """Free to take and active, newest first."""
    feed_path: str
    facets: tuple[tuple[str, tuple[FacetLink, ...]], ...] = ()
    complete_in: tuple[FacetLink, ...] = ()
    """Pages that together list every card: when set, this page shows only the newest ones."""
    complete_by: str = "effort"
    """What splits this page into those pages: "skill and effort", "skill" or "project"."""
    stale: tuple[Card, ...] = ()
    """Free to take, but no known activity for a year: shown only on request."""
    waiting: int = 0
    """Projects in this listing's scope that have not been fetched yet."""
    related: tuple[FacetLink, ...] = ()
    """Narrower pages of this one (a cause's skill pages)."""
    guessed: int = 0
    """For an effort page: how many of its free cards have a size that is a guess."""


@dataclass(frozen=True)
class RepoPage:
    path: str
    source: Source
    repo: Repo | None
    state: RepoState
    cards: tuple[Card, ...]
    claimed: tuple[Card, ...]
    feed_path: str
    responsiveness: Responsiveness | None = None
    parked: tuple[Card, ...] = ()
    """Open issues a label says not to start yet (on hold, blocked, …), with that label as the reason."""
    stale: tuple[Card, ...] = ()
    project: ProjectReadiness | None = None
    """What the project offers a newcomer; None until the repo has been fetched."""


@dataclass(frozen=True)
class DirectoryRow:
    """One project in the /repos/ directory."""

    page: RepoPage
    free: int
    """Issues free to take (stale ones included)."""
    total: int
    """Labeled open issues listed for it, taken and parked ones included."""


@dataclass(frozen=True)
class CauseRow:
    """One cause in the /causes/ index."""

    cause: str
    meaning: str
    path: str
    issues: int
    projects: int
    waiting: int
    """Of its projects, those not fetched yet."""


@dataclass(frozen=True)
class ContentPage:
    path: str
    page: Page


@dataclass(frozen=True)
class Feed:
    path: str
    title: str
    page_path: str
    cards: tuple[Card, ...]


@dataclass(frozen=True)
class HealthRow:
    """One sources.yaml entry (or one repo of an org entry) and how its last fetch went."""

    source: Source
    name: str
    state: RepoState
    repo: Repo | None
    """The fetched repo, None when the entry has not been fetched."""
    since: str
    issues: int
    path: str
    """Its repo page, "" when it has none."""


@dataclass(frozen=True)
class Site:
    data_as_of: str
    now: datetime
    listings: tuple[Listing, ...]
    repo_pages: tuple[RepoPage, ...]
    content_pages: tuple[ContentPage, ...]
    feeds: tuple[Feed, ...]
    health: tuple[HealthRow, ...] = ()
    directory: tuple[DirectoryRow, ...] = ()
    causes: tuple[CauseRow, ...] = ()
    waiting: int = 0
    """sources.yaml entries not fetched yet."""
