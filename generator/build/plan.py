"""The plan stage: judged issues, entries and content pages → what each output page and feed shows.

Nothing here renders or writes; every view is a frozen record a template reads, and every
collection is sorted so the same inputs always give the same site.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from ..core.dates import parse_time
from ..core.records import Effort, Entry, Repo, RepoState, SkillArea, Source
from .claims import Claim, Responsiveness
from .judge import Judged, Judgement
from .pages import Page

NEW_FOR = timedelta(days=7)
FEED_ENTRIES = 50
ANY_SKILL = "any"


@dataclass(frozen=True)
class Card:
    """One issue as a card shows it, with the judgement calls already made."""

    item: Judged
    is_new: bool
    answers: Responsiveness | None = None
    """How quickly the project answers, when measured."""

    @property
    def issue(self):
        return self.item.issue

    @property
    def claim(self) -> Claim | None:
        """Why the issue is not takeable, None when it is."""
        return self.item.claim

    @property
    def is_stale(self) -> bool:
        """No update for a year: listed last, marked, and kept out of the feeds."""
        return self.item.stale


@dataclass(frozen=True)
class FacetLink:
    label: str
    path: str
    count: int


@dataclass(frozen=True)
class Listing:
    """A page listing issues: the home page or one facet (skill, effort, cause, language, skill ×
    effort).
    """

    path: str
    title: str
    description: str
    cards: tuple[Card, ...]
    feed_path: str
    facets: tuple[tuple[str, tuple[FacetLink, ...]], ...] = ()
    complete_in: tuple[FacetLink, ...] = ()
    """Pages that together list every card: when set, this page shows only the newest ones."""


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


def plan_site(
    entries: tuple[Entry, ...], judgement: Judgement, pages: tuple[Page, ...], data_as_of: str
) -> Site:
    """Decide every page of the site; relative dates count from the clock of the judgement."""
    now = judgement.now
    answers = judgement.answers
    cards = tuple(
        sorted((_card(item, now, answers) for item in judgement.issues), key=_fresh_then_newest)
    )
    takeable = tuple(c for c in cards if not c.claim)
    home = _home(takeable)
    listings = [home, _responsive(home, answers), *_facet_listings(takeable)]
    repo_pages = tuple(_repo_pages(entries, cards, answers))
    feeds = [
        _feed(listing.feed_path, listing.title, listing.path, listing.cards) for listing in listings
    ]
    feeds += [_feed(p.feed_path, f"{p.source.repo} issues", p.path, p.cards) for p in repo_pages]
    return Site(
        data_as_of=data_as_of,
        now=now,
        listings=tuple(listings),
        repo_pages=repo_pages,
        content_pages=tuple(ContentPage(f"{p.slug}/", p) for p in pages),
        feeds=tuple(feeds),
        health=_health(entries, repo_pages),
    )


def slug(text: str) -> str:
    """A URL path segment for a cause, language or repo name."""
    return re.sub(r"[^a-z0-9._-]+", "-", text.lower()).strip("-") or "-"


def repo_path(name: str) -> str:
    return f"repos/{'/'.join(slug(part) for part in name.split('/', 1))}/"


def _card(item: Judged, now: datetime, answers: dict[str, Responsiveness]) -> Card:
    created = parse_time(item.issue.created)
    is_new = created is not None and timedelta(0) <= now - created <= NEW_FOR
    answer = answers.get(item.repo.key)
    return Card(item=item, is_new=is_new, answers=answer if answer and answer.measured else None)


def _fresh_then_newest(card: Card) -> tuple:
    created = parse_time(card.issue.created)
    return (
        card.is_stale,
        -(created.timestamp() if created else 0),
        card.issue.repo.lower(),
        card.issue.number,
    )


def _feed(path: str, title: str, page_path: str, cards: tuple[Card, ...]) -> Feed:
    """A feed of a page's newest issues; stale ones are not news."""
    return Feed(path, title, page_path, tuple(c for c in cards if not c.is_stale)[:FEED_ENTRIES])


def _responsive(home: Listing, answers: dict[str, Responsiveness]) -> Listing:
    """The home listing again, projects that answer quickly first."""

    def order(card: Card) -> tuple:
        answer = answers.get(card.item.repo.key)
        return (card.is_stale, answer.sort_key if answer else (3,), _fresh_then_newest(card))

    return Listing(
        "responsive/",
        "Issues from responsive projects first",
        "Open issues to take, from the projects that answer new issues fastest.",
        tuple(sorted(home.cards, key=order)),
        "responsive/feed.atom",
        home.facets,
        home.complete_in,
    )


def _skill_keys(card: Card) -> tuple[str, ...]:
    return tuple(card.item.classification.skills) or (ANY_SKILL,)


def _home(cards: tuple[Card, ...]) -> Listing:
    facets = (
        ("Skill area", _links(cards, "skills", _skill_keys, _skill_label)),
        (
            "Effort",
            _links(cards, "effort", lambda c: (c.item.classification.effort,), str.capitalize),
        ),
        ("Cause", _links(cards, "causes", _cause_keys, lambda v: v)),
        ("Language", _links(cards, "languages", _language_keys, lambda v: v)),
    )
    return Listing(
        "",
        "Shovel-ready issues",
        "Open issues in progressive open source, free to take.",
        cards,
        "feeds/all.atom",
        facets,
        complete_in=facets[1][1],
    )


def _facet_listings(cards: tuple[Card, ...]) -> list[Listing]:
    listings = []
    for area in (*SkillArea, ANY_SKILL):
        chosen = tuple(c for c in cards if area in _skill_keys(c))
        pairs = [
            _listing(
                f"skills/{area}/{effort}/",
                f"{_skill_label(area)}, {effort} effort",
                tuple(c for c in chosen if c.item.classification.effort == effort),
            )
            for effort in Effort
        ]
        # The skill page shows its newest issues; its three effort pages hold all of them.
        split = tuple(
            FacetLink(effort.value.capitalize(), p.path, len(p.cards))
            for effort, p in zip(Effort, pairs, strict=True)
        )
        listings.append(
            replace(
                _listing(f"skills/{area}/", f"{_skill_label(area)} issues", chosen),
                complete_in=split,
            )
        )
        listings += pairs
    for effort in Effort:
        chosen = tuple(c for c in cards if c.item.classification.effort == effort)
        listings.append(_listing(f"effort/{effort}/", f"{effort.capitalize()} effort", chosen))
    for kind, keys in (("causes", _cause_keys), ("languages", _language_keys)):
        groups: dict[str, list[Card]] = {}
        for card in cards:  # one pass, in order, so each group stays newest first
            for value in keys(card):
                groups.setdefault(value, []).append(card)
        for value in sorted(groups):
            listings.append(
                _listing(f"{kind}/{slug(value)}/", f"{value} issues", tuple(groups[value]))
            )
    return listings


def _listing(path: str, title: str, cards: tuple[Card, ...]) -> Listing:
    return Listing(
        path,
        title,
        f"{len(cards)} open issues to take: {title.lower()}.",
        cards,
        f"{path}feed.atom",
    )


def _links(cards, kind, keys, label) -> tuple[FacetLink, ...]:
    counts = Counter(k for c in cards for k in keys(c))
    return tuple(FacetLink(label(k), f"{kind}/{slug(k)}/", n) for k, n in sorted(counts.items()))


def _skill_label(area: str) -> str:
    return "Any skill" if area == ANY_SKILL else area.capitalize()


def _cause_keys(card: Card) -> tuple[str, ...]:
    source = card.item.source
    return (source.cause,) if source else ()


def _language_keys(card: Card) -> tuple[str, ...]:
    language = card.item.repo.language
    return (language,) if language else ()


def _repo_pages(
    entries: tuple[Entry, ...], cards: tuple[Card, ...], answers: dict[str, Responsiveness]
):
    by_repo: dict[str, list[Card]] = {}
    for card in cards:
        by_repo.setdefault(card.issue.repo.lower(), []).append(card)
    for entry in sorted(entries, key=lambda e: e.source.key):
        source = entry.source
        for repo in entry.repos or (() if source.is_org else (None,)):
            name = repo.name_with_owner if repo else source.repo
            mine = by_repo.get(name.lower(), ())
            path = repo_path(name)
            yield RepoPage(
                path=path,
                source=source,
                repo=repo,
                state=repo.state if repo else RepoState.NOT_FETCHED,
                cards=tuple(c for c in mine if not c.claim),
                claimed=tuple(c for c in mine if c.claim),
                feed_path=f"{path}feed.atom",
                responsiveness=answers.get(name.lower()),
            )


def _health(entries: tuple[Entry, ...], repo_pages: tuple[RepoPage, ...]) -> tuple[HealthRow, ...]:
    """Every entry with its state: problems first, the newest first, then the healthy ones."""
    rows = [
        HealthRow(
            p.source,
            p.repo.name_with_owner if p.repo else p.source.repo,
            p.state,
            p.repo,
            p.repo.state_since if p.repo else "",
            len(p.cards) + len(p.claimed),
            p.path,
        )
        for p in repo_pages
    ]
    covered = {p.source.key for p in repo_pages}
    rows += [
        HealthRow(e.source, e.source.repo, RepoState.NOT_FETCHED, None, "", 0, "")
        for e in entries
        if e.source.key not in covered
    ]

    def order(row: HealthRow) -> tuple:
        since = parse_time(row.since)
        return (row.state == RepoState.OK, -(since.timestamp() if since else 0), row.name.lower())

    return tuple(sorted(rows, key=order))
