"""The plan stage: judged issues, entries and content pages → what each output page and feed shows.

Nothing here renders or writes; every view is a frozen record a template reads (build/views.py), and
every collection is sorted so the same inputs always give the same site. Only free issues are listed:
taken ones and parked ones (a do-not-start label) are on their repo page with the reason.
"""

from __future__ import annotations

from collections import Counter

from ..core.dates import parse_time
from ..core.records import Entry, RepoState
from ..sources import CAUSES
from . import listings
from .judge import Judged, Judgement
from .pages import Page
from .readiness import project_readiness
from .responsiveness import Responsiveness
from .views import (
    Card,
    CauseRow,
    ContentPage,
    DirectoryRow,
    Feed,
    HealthRow,
    RepoPage,
    Site,
    repo_path,
    slug,
)

FEED_ENTRIES = 50


def plan_site(
    entries: tuple[Entry, ...], judgement: Judgement, pages: tuple[Page, ...], data_as_of: str
) -> Site:
    """Decide every page of the site."""
    answers = judgement.answers
    by_age = sorted(judgement.issues, key=listings.newest_key)
    cards = tuple(_card(item, answers, rank) for rank, item in enumerate(by_age))
    free = tuple(c for c in cards if c.item.takeable)
    waiting = Counter(e.source.cause for e in entries if not e.repos)
    home = listings.home(free, dict(waiting))
    causes = {e.source.cause for e in entries}
    special = [listings.responsive(home, answers), listings.newest(home)]
    all_listings = [home, *special, *listings.facets(free, causes, waiting)]
    repo_pages = tuple(_repo_pages(entries, cards, answers))
    feeds = [_feed(page.feed_path, page.title, page.path, page.cards) for page in all_listings]
    feeds += [_feed(p.feed_path, f"{p.source.repo} issues", p.path, p.cards) for p in repo_pages]
    return Site(
        data_as_of=data_as_of,
        now=judgement.now,
        listings=tuple(all_listings),
        repo_pages=repo_pages,
        content_pages=tuple(ContentPage(f"{p.slug}/", p) for p in pages),
        feeds=tuple(feeds),
        health=_health(entries, repo_pages),
        directory=tuple(_directory(repo_pages)),
        causes=_causes(entries, free, waiting),
        waiting=sum(waiting.values()),
    )


def _card(item: Judged, answers: dict[str, Responsiveness], rank: int) -> Card:
    answer = answers.get(item.repo.key)
    return Card(item=item, answers=answer if answer and answer.measured else None, rank=rank)


def _feed(path: str, title: str, page_path: str, cards: tuple[Card, ...]) -> Feed:
    """A feed of a page's newest issues (whatever order the page uses); stale ones are not news, and
    the cards hold none."""
    newest = tuple(sorted(cards, key=listings.newest_first))
    return Feed(path, title, page_path, newest[:FEED_ENTRIES])


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
            free = [c for c in mine if c.item.takeable]
            yield RepoPage(
                path=path,
                source=source,
                repo=repo,
                state=repo.state if repo else RepoState.NOT_FETCHED,
                cards=tuple(c for c in free if not c.is_stale),
                claimed=tuple(c for c in mine if c.claim),
                feed_path=f"{path}feed.atom",
                responsiveness=answers.get(name.lower()),
                parked=tuple(c for c in mine if c.item.parked and not c.claim),
                stale=tuple(c for c in free if c.is_stale),
                project=project_readiness(repo, source, answers.get(repo.key)) if repo else None,
            )


def _directory(repo_pages: tuple[RepoPage, ...]):
    """Every project, fetched or not, by name."""
    for page in sorted(repo_pages, key=lambda p: p.path):
        free = len(page.cards) + len(page.stale)
        yield DirectoryRow(page, free, free + len(page.claimed) + len(page.parked))


def _causes(
    entries: tuple[Entry, ...], free: tuple[Card, ...], waiting: Counter
) -> tuple[CauseRow, ...]:
    """Every cause that has an entry, with its issues and projects (and those still waiting)."""
    issues = Counter(c.item.source.cause for c in free if not c.is_stale)
    projects = Counter(e.source.cause for e in entries)
    return tuple(
        CauseRow(
            cause,
            CAUSES.get(cause, ""),
            f"causes/{slug(cause)}/",
            n,
            projects[cause],
            waiting[cause],
        )
        for cause in sorted(projects)
        for n in (issues[cause],)
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
            len(p.cards) + len(p.stale) + len(p.claimed) + len(p.parked),
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
