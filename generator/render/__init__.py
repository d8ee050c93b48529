"""Site plan → {output path: bytes}. Reads the theme; never writes."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

from markupsafe import Markup

from ..site import Card, Site
from .feeds import render_feed
from .html import Links, github_url, label_class, make_environment, render_template, theme_chain

__all__ = ["render_site", "theme_chain", "Links"]


def render_site(site: Site, base_url: str = "/", chain: tuple[Path, ...] | None = None) -> dict[str, bytes]:
    """Every file of the site, rendered in memory."""
    chain = chain or theme_chain()
    links = Links(base_url)
    env = make_environment(chain, links, site.now)
    card_template = env.get_template("_card.html")
    rendered: dict[tuple[str, int], Markup] = {}

    def card_html(card: Card) -> Markup:
        # A card looks the same on every page it appears on, so it is rendered once.
        key = (card.issue.repo, card.issue.number)
        if key not in rendered:
            rendered[key] = Markup(card_template.render(card=card))
        return rendered[key]

    env.globals["card_html"] = card_html
    nav = tuple((p.page.title, p.path) for p in site.content_pages)
    common = {"site": site, "nav": nav}
    files: dict[str, bytes] = {}

    def page(path: str, template: str, **context) -> None:
        files[_index(path)] = render_template(env, template, path=path, **common, **context)

    for listing in site.listings:
        page(listing.path, "listing.html", listing=listing, feed_path=listing.feed_path)
    for repo_page in site.repo_pages:
        page(repo_page.path, "repo.html", repo_page=repo_page, feed_path=repo_page.feed_path)
    for content in site.content_pages:
        page(content.path, "page.html", content=content, feed_path="")
    page("health/", "health.html", feed_path="")
    files["404.html"] = render_template(env, "404.html", path="404.html", feed_path="", **common)
    for feed in site.feeds:
        files[feed.path] = render_feed(feed, links, site.data_as_of)
    files["api/issues.json"] = _api(site)
    files["sitemap.xml"] = _sitemap(sorted(n for n in files if n.endswith("index.html")), links)
    # A sitemap must be named by a full URL, known only when --base-url has a host.
    sitemap_line = f"Sitemap: {links.absolute('sitemap.xml')}\n" if links.origin else ""
    files["robots.txt"] = f"User-agent: *\nAllow: /\n{sitemap_line}".encode()
    files["static/labels.css"] = _label_css(site)
    files.update(_static(chain))
    return files


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
    """One class per label colour seen, so pages need no inline style (the CSP forbids it)."""
    colors = sorted(
        {label.color.lower() for repo_page in site.repo_pages for card in repo_page.cards + repo_page.claimed
         for label in card.issue.labels if label_class(label.color)}
    )
    return "".join(f".lc-{c}{{--label:#{c}}}\n" for c in colors).encode()


def _api(site: Site) -> bytes:
    """Every takeable issue with its classification: the home listing's cards, as JSON."""
    home = site.listings[0]
    document = {
        "data_as_of": site.data_as_of,
        "count": len(home.cards),
        "issues": [_api_issue(card) for card in home.cards],
    }
    text = json.dumps(document, ensure_ascii=False, indent=1, sort_keys=True)
    # "<" as \u003c: the same JSON to a parser, but never markup if a page or a sniffing browser embeds it.
    return (text.replace("<", "\\u003c") + "\n").encode()


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
        "cause": item.source.cause if item.source else "",
        "skills": list(item.classification.skills),
        "effort": item.classification.effort.value,
        "reasons": list(item.classification.reasons),
    }


def _sitemap(pages: list[str], links: Links) -> bytes:
    """sitemap.xml of every HTML page (the 404 page excepted)."""
    root = ET.Element("urlset", xmlns="http://www.sitemaps.org/schemas/sitemap/0.9")
    for name in pages:
        ET.SubElement(ET.SubElement(root, "url"), "loc").text = links.absolute(name.removesuffix("index.html"))
    ET.indent(root)
    return b'<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="utf-8") + b"\n"
