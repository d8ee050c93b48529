"""Atom 1.0 feeds, built as XML trees so strangers' text can never break the markup."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from operator import attrgetter
from xml.sax.saxutils import escape, quoteattr

from ...core.dates import stamp as _stamp
from ..views import Card, Feed
from . import words
from .html import Links, github_url
from .shared import Once

ATOM = "http://www.w3.org/2005/Atom"
# Characters XML 1.0 forbids even when escaped; a title holding one would make the feed unreadable.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def clean(text: str) -> str:
    """Text with the characters XML cannot carry removed."""
    return NOT_XML.sub("", text or "")


class FeedWriter:
    """Atom feeds whose entries are made once: an issue listed on six pages is one <entry> in six feeds."""

    def __init__(self, links: Links, updated: str):
        self.links = links
        self.updated = updated
        """The snapshot time, used when no entry has a newer date."""
        self.entries = Once(attrgetter("key"), lambda card: _entry(card, self.updated).encode())

    def render(self, feed: Feed) -> bytes:
        """One feed as UTF-8 XML."""
        root = ET.Element("feed", xmlns=ATOM)
        _text(root, "id", self.links.absolute(feed.path))
        _text(root, "title", f"Shovel Ready: {feed.title}")
        newest = max((_entry_time(c) for c in feed.cards), default="") or _stamp(self.updated)
        _text(root, "updated", max(newest, _stamp(self.updated)))
        href = self.links.absolute(feed.path)
        ET.SubElement(root, "link", rel="self", type="application/atom+xml", href=href)
        page = self.links.absolute(feed.page_path)
        ET.SubElement(root, "link", rel="alternate", type="text/html", href=page)
        _text(ET.SubElement(root, "author"), "name", "Shovel Ready")
        ET.indent(root)
        head = ET.tostring(root, encoding="utf-8").removesuffix(b"</feed>")
        body = b"".join(self.entries(card) for card in feed.cards)
        return b'<?xml version="1.0" encoding="utf-8"?>\n' + head + body + b"</feed>\n"


def _entry(card: Card, fallback: str) -> str:
    """One <entry>, written directly (every text through `_xml`): serialising 20,000 element trees
    cost seconds, and an issue's entry is the same in every feed it is in."""
    issue = card.issue
    link = github_url(issue.url)
    lines = [
        # The issue URL is stable across renames of our pages, so it makes a stable entry id.
        _xml("id", f"tag:shovel-ready,2026:{issue.repo.lower()}#{issue.number}"),
        _xml("title", f"{issue.repo}#{issue.number}: {issue.title}"),
        _xml("updated", _entry_time(card) or _stamp(fallback)),
        _xml("published", _stamp(issue.created)) if issue.created else "",
        f'<link rel="alternate" type="text/html" href={quoteattr(clean(link))} />' if link else "",
        f"<author>\n      {_xml('name', issue.author or issue.repo)}\n    </author>",
        _xml("summary", summary(card)),
        *(f"<category term={quoteattr(clean(label.name))} />" for label in issue.labels),
    ]
    return "  <entry>\n" + "".join(f"    {line}\n" for line in lines if line) + "  </entry>\n"


def _xml(tag: str, text: str) -> str:
    return f"<{tag}>{escape(clean(text))}</{tag}>"


def summary(card: Card) -> str:
    """The facts a card shows, as plain text: the project, the ask, the sorting, who to ask first."""
    item = card.item
    issue, source, classification = item.issue, item.source, item.classification
    project = source.name or issue.repo
    about = words.about(source.description or item.repo.description)
    where = " · ".join(
        part for part in (words.cause_name(source.cause), item.repo.language) if part
    )
    skills = ", ".join(classification.skills) or "any skill"
    labels = ", ".join(words.label_name(label.name) for label in issue.labels)
    lines = [f"{project}{': ' + about if about else ''} ({where})"]
    lines.append(f"{skills} · {classification.effort} effort · labels: {labels or 'none'}")
    if card.answers:
        lines.append(f"The project {words.badge(card.answers)}.")
    if source.note or source.contact:
        lines.append(f"Before you start: {source.note or source.contact}")
    if issue.body:
        lines += ["", issue.body[:500]]
    return "\n".join(lines)


def _entry_time(card: Card) -> str:
    return _stamp(card.issue.updated or card.issue.created)


def _text(parent: ET.Element, tag: str, text: str) -> None:
    ET.SubElement(parent, tag).text = clean(text)
