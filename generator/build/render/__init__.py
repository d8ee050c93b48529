"""Site plan → {output path: bytes}. Reads the theme; never writes."""

from __future__ import annotations

import itertools
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable, Iterator, Mapping
from functools import partial
from operator import attrgetter
from pathlib import Path

from markupsafe import Markup

from ...core.text import json_bytes
from ..views import Card, Site
from .feeds import FeedWriter
from .filter_index import filter_files, filter_index, indexed
from .html import (
    Links,
    github_url,
    make_environment,
    render_fragment,
    render_template,
    theme_chain,
)
from .shared import Once, make_all
from .words import issue_ready, label_shade, project_ready

__all__ = ["render_site", "theme_chain", "Links"]


class RenderedSite(Mapping[str, bytes]):
    """{output path: bytes} whose pages are rendered when read, one at a time.

    The writer reads each file once, so a 20,000-issue site never has to sit in memory whole.
    """

    def __init__(self, makers: dict[str, Callable[[], bytes]]):
        self._makers = makers

    def __getitem__(self, name: str) -> bytes:
        return self._makers[name]()

    def __iter__(self) -> Iterator[str]:
        return iter(self._makers)

    def __len__(self) -> int:
        return len(self._makers)


def render_site(
    site: Site, base_url: str = "/", chain: tuple[Path, ...] | None = None, workers: int = 1
) -> RenderedSite:
    """Every file of the site: names decided now, bytes rendered when each is read. With several
    `workers`, what many files share (cards, feed entries, the filter index) is made now, by that
    many processes."""
    chain = chain or theme_chain()
    links = Links(base_url)
    env = make_environment(chain, links, site.now)
    card_template = env.get_template("_card.html")
    # A card looks the same on every page it appears on, so it is rendered once; kept as Markup, so
    # that no page copies it.
    cards = Once(
        _key, lambda card: Markup(render_fragment(env, card_template, card=card)), revive=Markup
    )

    project_template = env.get_template("_card_project.html")
    projects: dict[str, Markup] = {}

    def project_html(card: Card) -> Markup:
        # The project's part of a card is the same on every card of the repo: rendered once per repo.
        key = card.issue.repo
        if key not in projects:
            projects[key] = Markup(render_fragment(env, project_template, card=card))
        return projects[key]

    env.globals.update(card_html=cards, project_html=project_html)

    nav = tuple((p.page.title, p.path) for p in site.content_pages)
    common = {"site": site, "nav": nav}
    makers: dict[str, Callable[[], bytes]] = {}

    def page(name: str, path: str, template: str, **context) -> None:
        makers[name] = partial(render_template, env, template, path=path, **common, **context)

    for listing in site.listings:
        page(
            _index(listing.path),
            listing.path,
            "listing.html",
            listing=listing,
            feed_path=listing.feed_path,
        )
    for repo_page in site.repo_pages:
        page(
            _index(repo_page.path),
            repo_page.path,
            "repo.html",
            repo_page=repo_page,
            feed_path=repo_page.feed_path,
        )
    for content in site.content_pages:
        page(_index(content.path), content.path, "page.html", content=content, feed_path="")
    page("health/index.html", "health/", "health.html", feed_path="")
    page("repos/index.html", "repos/", "directory.html", feed_path="")
    page("causes/index.html", "causes/", "causes.html", feed_path="")
    page("404.html", "404.html", "404.html", feed_path="")
    feeds = FeedWriter(links, site.data_as_of)
    for feed in site.feeds:
        makers[feed.path] = partial(feeds.render, feed)
    # Files made once from every issue (the filter index, the API); made beforehand with workers.
    shared: dict[str, bytes] = {}
    makers[API] = partial(_shared_api, site, shared)
    makers.update(filter_files(site, shared))
    makers["sitemap.xml"] = partial(
        _sitemap, sorted(n for n in makers if n.endswith("index.html")), links
    )
    # A sitemap must be named by a full URL, known only when --base-url has a host.
    sitemap_line = f"Sitemap: {links.absolute('sitemap.xml')}\n" if links.origin else ""
    robots = f"User-agent: *\nAllow: /\n{sitemap_line}".encode()
    makers["robots.txt"] = lambda: robots
    makers["static/labels.css"] = partial(_label_css, site)
    for name, data in _static(chain).items():
        makers[name] = partial(bytes, data)
    if workers > 1:
        shown = (c for p in site.repo_pages for c in p.cards + p.stale + p.claimed + p.parked)
        listed = (c for listing in site.listings for c in listing.cards + listing.stale)
        jobs = [
            (cards, _each_once(itertools.chain(shown, listed))),
            (feeds.entries, _each_once(c for feed in site.feeds for c in feed.cards)),
        ]
        # The filter index and the API cost about two fifths of all cards and feed entries (0.28 +
        # 0.31 s against 1.45 s at 20,000 issues): their process makes that many fewer of them.
        whole = partial(_whole_files, site)
        shared.update(make_all(jobs, whole, workers, whole_weight=0.4))
    return RenderedSite(makers)


_key = attrgetter("key")


def _each_once(cards: Iterable[Card]) -> list[Card]:
    """The cards given, each issue once, in the order first met."""
    found: dict[tuple[str, int], Card] = {}
    for card in cards:
        found.setdefault(card.key, card)
    return list(found.values())


def _index(path: str) -> str:
    return f"{path}index.html"


def _static(chain: tuple[Path, ...]) -> dict[str, bytes]:
    """Theme static files; a file in an earlier folder of the chain hides the same name later on."""
    files: dict[str, bytes] = {}
    for folder in reversed(chain):
        static = folder / "static"
        for path in sorted(static.rglob("*")) if static.is_dir() else ():
            if path.is_file():
                files[f"static/{path.relative_to(static).as_posix()}"] = path.read_bytes()
    return files


def _label_css(site: Site) -> bytes:
    """One class per label shade seen, so pages need no inline style (the CSP forbids it)."""
    shades = sorted(
        {
            shade
            for page in site.repo_pages
            for card in page.cards + page.stale + page.claimed + page.parked
            for label in card.issue.labels
            if (shade := label_shade(label.color))
        }
    )
    return "".join(f".lc-{c}{{--label:#{c}}}\n" for c in shades).encode()


API = "api/issues.json"


def _whole_files(site: Site) -> dict[str, bytes]:
    return {**filter_index(site), API: _api(site)}


def _shared_api(site: Site, shared: dict[str, bytes]) -> bytes:
    return shared[API] if API in shared else _api(site)


def _api(site: Site) -> bytes:
    """Every issue free to take with its classification and readiness, newest first, as JSON (the
    stale ones marked)."""
    cards = indexed(site)  # newest first, as the filter index holds them
    # Written an issue at a time, the same bytes as json_bytes of the whole document: built whole,
    # 20,000 issues' dicts took 150 MB at once. Compact, since the indented form runs Python's
    # slow encoder (0.6 s at 20,000 issues, against 0.1 s).
    head = json_bytes({"count": len(cards), "data_as_of": site.data_as_of})[:-2]
    issues = b",".join(json_bytes(_api_issue(card))[:-1] for card in cards)
    return head + b',"issues":[' + issues + b"]}\n"


def _api_issue(card: Card) -> dict:
    issue, item = card.issue, card.item
    return {
        "repo": issue.repo,
        "number": issue.number,
        "title": issue.title,
        "url": github_url(issue.url),
        "created": issue.created,
        "updated": issue.updated,
        "labels": [label.name for label in issue.labels],
        "comments": issue.comments_count,
        "language": item.repo.language,
        "cause": item.source.cause,
        "description": item.source.description or item.repo.description,
        "last_activity": item.activity,
        "stale": card.is_stale,
        "ready": {
            "issue": issue_ready(item.readiness),
            "project": project_ready(item.project),
            "score": item.ready,
        },
        "skills": list(item.classification.skills),
        "effort": item.classification.effort.value,
        "effort_is_guess": item.classification.effort_is_guess,
        "reasons": list(item.classification.reasons),
    }


def _sitemap(pages: list[str], links: Links) -> bytes:
    """sitemap.xml of every HTML page (the 404 page excepted)."""
    root = ET.Element("urlset", xmlns="http://www.sitemaps.org/schemas/sitemap/0.9")
    for name in pages:
        ET.SubElement(ET.SubElement(root, "url"), "loc").text = links.absolute(
            name.removesuffix("index.html")
        )
    ET.indent(root)
    return b'<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="utf-8") + b"\n"
