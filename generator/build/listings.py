"""The listing pages: home, responsive-first, and one per facet value (skill, effort, skill × effort,
cause, cause × skill, language). Every listing holds free issues only, newest first, the stale apart."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import replace
from operator import attrgetter

from ..core.dates import parse_time
from ..core.records import Effort, SkillArea
from .judge import Judged
from .responsiveness import Responsiveness
from .views import ANY_SKILL, Card, FacetLink, Listing, repo_path, slug

SKILLS = (*SkillArea, ANY_SKILL)


def skill_keys(card: Card) -> tuple[str, ...]:
    """The skill facets a card is listed under ("any" when it names none)."""
    return tuple(card.item.classification.skills) or (ANY_SKILL,)


def effort_keys(card: Card) -> tuple[str, ...]:
    return (card.item.classification.effort.value,)


def cause_keys(card: Card) -> tuple[str, ...]:
    return (card.item.source.cause,)


def language_keys(card: Card) -> tuple[str, ...]:
    return (card.item.repo.language,) if card.item.repo.language else ()


def skill_label(area: str) -> str:
    return "Any skill" if area == ANY_SKILL else area.capitalize()


def cause_label(cause: str) -> str:
    """A cause by its human name: `civic-tech` → "Civic tech"."""
    return cause.replace("-", " ").capitalize()


def listing(path: str, title: str, cards: Iterable[Card], **more) -> Listing:
    """A listing of free cards (given newest first): ready tonight first, the stale ones set apart."""
    cards = tuple(cards)
    fresh = ready_first(c for c in cards if not c.is_stale)
    stale = tuple(c for c in cards if c.is_stale)
    description = f"{len(fresh)} open issues to take: {title.lower()}."
    return Listing(path, title, description, fresh, f"{path}feed.atom", stale=stale, **more)


def home(cards: tuple[Card, ...], waiting: dict[str, int]) -> Listing:
    """Every free card, with the facet links that split them; causes whose projects wait still show."""
    facets = (
        ("Skill area", _links(cards, "skills", skill_keys, skill_label)),
        ("Effort", _links(cards, "effort", effort_keys, str.capitalize, guesses=True)),
        ("Cause", _links(cards, "causes", cause_keys, cause_label, waiting)),
        ("Language", _links(cards, "languages", language_keys, str)),
    )
    page = listing(
        "",
        "Shovel-ready issues",
        cards,
        facets=facets,
        complete_in=_pair_links(cards, with_effort=True),
        complete_by="skill and effort",
    )
    return replace(
        page,
        description="Open issues in progressive open source, free to take.",
        feed_path="feeds/all.atom",
        waiting=sum(waiting.values()),
    )


def responsive(home_page: Listing, answers: dict[str, Responsiveness]) -> Listing:
    """The home listing again, projects that answer quickly first."""

    def order(card: Card) -> tuple:
        answer = answers.get(card.item.repo.key)
        return (answer.sort_key if answer else (3,), newest_first(card))

    return replace(
        home_page,
        path="responsive/",
        title="Issues from responsive projects first",
        description="Open issues to take, from the projects that answer new issues fastest.",
        cards=tuple(sorted(home_page.cards, key=order)),
        feed_path="responsive/feed.atom",
        stale=tuple(sorted(home_page.stale, key=order)),
        waiting=0,
    )


def ready_first(cards: Iterable[Card]) -> tuple[Card, ...]:
    """Cards given newest first, the readiest first (a stable sort keeps the newest first among
    equals, reversed or not)."""
    return tuple(sorted(cards, key=_readiness, reverse=True))


def newest(home_page: Listing) -> Listing:
    """The home listing again, newest first: next to the default order, for those who come back often."""
    return replace(
        home_page,
        path="newest/",
        title="Newest issues first",
        description="Open issues to take, the newest first.",
        cards=tuple(sorted(home_page.cards, key=newest_first)),
        feed_path="newest/feed.atom",
        waiting=0,
    )


def newest_key(item: Judged) -> tuple:
    """Newest first, then by repo and number, so equal dates keep one order."""
    issue = item.issue
    return (_negated(issue.created), issue.repo.lower(), issue.number)


# Sort keys read in C: the plan sorts some 200,000 cards by them.
newest_first = attrgetter("rank")
"""The sort key of newest first, once the plan has ranked the cards by `newest_key`."""
_readiness = attrgetter("item.ready")


def facets(
    cards: tuple[Card, ...], causes: Iterable[str], waiting: dict[str, int]
) -> list[Listing]:
    """Every facet page: skill (and skill × effort), effort, cause (and cause × skill), language."""
    listings = []
    by_skill = _groups(cards, skill_keys)
    for area in SKILLS:
        chosen = by_skill.get(area, [])
        by_effort = _groups(chosen, effort_keys)
        pairs = [
            _effort_listing(
                f"skills/{area}/{e}/",
                f"{skill_label(area)}, {e} effort",
                by_effort.get(e.value, []),
            )
            for e in Effort
        ]
        # The skill page shows its newest issues; its three effort pages hold all of them.
        split = tuple(
            FacetLink(e.value.capitalize(), p.path, len(p.cards))
            for e, p in zip(Effort, pairs, strict=True)
        )
        listings.append(
            listing(f"skills/{area}/", f"{skill_label(area)} issues", chosen, complete_in=split)
        )
        listings += pairs
    # Effort and language pages show their newest issues too: the skill × effort pages and the
    # project pages hold all of them, and a complete copy of every issue on each would double
    # the site's weight (an effort page of 20,000 issues is 20 MB) for no way in that is missing.
    by_effort_all = _groups(cards, effort_keys)
    for effort in Effort:
        chosen = by_effort_all.get(effort.value, [])
        page = _effort_listing(f"effort/{effort}/", f"{effort.capitalize()} effort", chosen)
        listings.append(replace(page, complete_in=_pair_links(chosen), complete_by="skill"))
    by_cause = _groups(cards, cause_keys)
    for cause in sorted(set(causes)):
        listings += _cause_pages(cause, by_cause.get(cause, []), waiting.get(cause, 0))
    for language, chosen in sorted(_groups(cards, language_keys).items()):
        listings.append(
            _by_project(listing(f"languages/{slug(language)}/", f"{language} issues", chosen))
        )
    return listings


def _pair_links(cards: Iterable[Card], with_effort: bool = False) -> tuple[FacetLink, ...]:
    """The skill × effort pages that together hold every card given, by skill then effort."""
    counts = Counter(
        (area, c.item.classification.effort)
        for c in cards
        if not c.is_stale
        for area in skill_keys(c)
    )
    return tuple(
        FacetLink(
            f"{skill_label(area)} {effort}" if with_effort else skill_label(area),
            f"skills/{area}/{effort}/",
            counts[area, effort],
        )
        for area in SKILLS
        for effort in Effort
        if counts[area, effort]
    )


def _project_links(page: Listing) -> tuple[FacetLink, ...]:
    """The projects whose pages hold a listing's issues, the most issues first."""
    counts = Counter(card.item.repo.name_with_owner for card in page.cards)
    ranked = sorted(counts.items(), key=lambda pair: (-pair[1], pair[0].lower()))
    return tuple(FacetLink(name, repo_path(name), count) for name, count in ranked)


def _cause_pages(cause: str, cards: list[Card], waiting: int) -> list[Listing]:
    """A cause's page (even with no issue yet: it says its projects wait) and one page per skill in it.

    Like skill, effort and language pages they show their newest issues and link the project pages,
    which hold every one: complete cause × skill pages were a fifth of a 20,000-issue site (24 MB)
    and, past a few hundred cards, no page a phone can scroll."""
    path = f"causes/{slug(cause)}/"
    by_skill = _groups(cards, skill_keys)
    pages = [
        _by_project(
            listing(
                f"{path}{area}/",
                f"{cause_label(cause)}: {skill_label(area).lower()} issues",
                by_skill[area],
            )
        )
        for area in SKILLS
        if area in by_skill
    ]
    related = tuple(
        FacetLink(skill_label(p.path.split("/")[2]), p.path, len(p.cards)) for p in pages
    )
    main = listing(path, f"{cause_label(cause)} issues", cards, waiting=waiting, related=related)
    return [_by_project(main), *pages]


def _by_project(page: Listing) -> Listing:
    """The page showing its newest issues, every one of them on the project pages it links."""
    return replace(page, complete_in=_project_links(page), complete_by="project")


def _groups(
    cards: Iterable[Card], keys: Callable[[Card], tuple[str, ...]]
) -> dict[str, list[Card]]:
    groups: dict[str, list[Card]] = {}
    for card in cards:  # one pass, in order, so each group stays newest first
        for value in keys(card):
            groups.setdefault(value, []).append(card)
    return groups


def _links(
    cards, kind: str, keys, label, waiting: dict[str, int] | None = None, guesses: bool = False
) -> tuple[FacetLink, ...]:
    fresh = [c for c in cards if not c.is_stale]
    counts = Counter(k for c in fresh for k in keys(c))
    guessed = Counter(k for c in fresh if _guessed(c) for k in keys(c)) if guesses else Counter()
    for value in waiting or {}:
        counts.setdefault(value, 0)
    waits = waiting or {}
    return tuple(
        FacetLink(label(k), f"{kind}/{slug(k)}/", n, waits.get(k, 0), guessed[k] if guesses else 0)
        for k, n in sorted(counts.items())
    )


def _guessed(card: Card) -> bool:
    return card.item.classification.effort_is_guess


def _effort_listing(path: str, title: str, cards: Iterable[Card]) -> Listing:
    """An effort page, which says how many of its sizes are guesses."""
    page = listing(path, title, cards)
    return replace(page, guessed=sum(1 for c in page.cards if _guessed(c)))


def _negated(stamp: str) -> float:
    when = parse_time(stamp)
    return -(when.timestamp() if when else 0.0)
