"""Atom 1.0 feeds, built as XML trees so strangers' text can never break the markup."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from ...core.dates import stamp as _stamp
from ..views import Card, Feed
from . import words
from .html import Links, github_url

ATOM = "http://www.w3.org/2005/Atom"
# Characters XML 1.0 forbids even when escaped; a title holding one would make the feed unreadable.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def clean(text: str) -> str:
    """Text with the characters XML cannot carry removed."""
    return NOT_XML.sub("", text or "")


def render_feed(feed: Feed, links: Links, updated: str) -> bytes:
    """One feed; `updated` is the snapshot time, used when no entry has a newer date."""
    root = ET.Element("feed", xmlns=ATOM)
    _text(root, "id", links.absolute(feed.path))
    _text(root, "title", f"Shovel Ready: {feed.title}")
    newest = max((_entry_time(c) for c in feed.cards), default="") or _stamp(updated)
    _text(root, "updated", max(newest, _stamp(updated)))
    ET.SubElement(
        root, "link", rel="self", type="application/atom+xml", href=links.absolute(feed.path)
    )
    ET.SubElement(
        root, "link", rel="alternate", type="text/html", href=links.absolute(feed.page_path)
    )
    author = ET.SubElement(root, "author")
    _text(author, "name", "Shovel Ready")
    for card in feed.cards:
        _entry(root, card, updated)
    ET.indent(root)
    return b'<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="utf-8") + b"\n"


def _entry(root: ET.Element, card: Card, fallback: str) -> None:
    issue = card.issue
    entry = ET.SubElement(root, "entry")
    # The issue URL is stable across renames of our pages, so it makes a stable entry id.
    _text(entry, "id", f"tag:shovel-ready,2026:{issue.repo.lower()}#{issue.number}")
    _text(entry, "title", f"{issue.repo}#{issue.number}: {issue.title}")
    _text(entry, "updated", _entry_time(card) or _stamp(fallback))
    if issue.created:
        _text(entry, "published", _stamp(issue.created))
    link = github_url(issue.url)
    if link:
        ET.SubElement(entry, "link", rel="alternate", type="text/html", href=link)
    if issue.author:
        _text(ET.SubElement(entry, "author"), "name", issue.author)
    else:
        _text(ET.SubElement(entry, "author"), "name", issue.repo)
    _text(entry, "summary", summary(card))
    for label in issue.labels:
        ET.SubElement(entry, "category", term=clean(label.name))


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
