"""An issue's Markdown description → its Outline: lists, headings, what is marked as code, link hosts.

The snapshot keeps a short plain-text excerpt of each description; its shape (a task list, an
"Acceptance criteria" heading, a file named as code) would be lost there, so it is read here, once,
from the Markdown GitHub gives. Strangers' text: only counts and short, cut strings are kept.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from ..core.records import Outline

HEADINGS_KEPT, CODE_KEPT, LINKS_KEPT, TEXT_KEPT = 8, 6, 6, 60
_FENCE = re.compile(r"^\s*(```|~~~)")
_CHECK = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+\[[ xX]\]\s+(.*\S)")
_NUMBERED = re.compile(r"^\s*\d{1,2}[.)]\s+\S")
_BULLET = re.compile(r"^\s*[-*+]\s+\S")
_HEADING = re.compile(r"^\s*#{1,6}\s+(.*?)\s*#*\s*$")
_BOLD_LINE = re.compile(r"^\s*(?:\*\*|__)(.+?)(?:\*\*|__)\s*:?\s*$")
_LABEL_LINE = re.compile(r"^\s*([A-Z][A-Za-z /'&-]{2,40}):\s*$")
_CODE = re.compile(r"`([^`\n]{2,80})`")
_LINK = re.compile(r"https?://[^\s)>\]\"']+")
_IMAGE = re.compile(r"!\[[^\]]*\]\(|<img\b", re.IGNORECASE)
_EXTENSIONS = "py|js|jsx|ts|tsx|rb|go|java|php|css|scss|html|md|yml|yaml|json|sql|ipynb|csv|vue|svelte|erb|rs|kt|sh"
_PATH = re.compile(
    r"(?<![\w/.])(?:[\w.-]+/)+[\w.-]+\.[A-Za-z]{1,6}\b"  # a path with folders: src/app/models.py
    rf"|(?<![\w/])[\w-]+\.(?:{_EXTENSIONS})\b"  # a file name alone: settings.py
)
# A code span that looks like a path or an identifier, not a command or a quoted sentence.
_IDENTIFIER = re.compile(r"^(?=\S{3,}$)(?=.*(?:[_./(#]|[a-z][A-Z]))(?!/[\w-]+$)[\w./:#()@-]+$")
_ROUTE = re.compile(r"[\"'\u201c](/[A-Za-z][\w-]*(?:/[\w.-]+)*/?)[\"'\u201d]")
_PLACEHOLDER = re.compile(r"^\[(?:insert|add|todo|tbd)\b|^(?:todo|tbd)\.?$", re.IGNORECASE)


def outline(markdown: str, repo: str = "") -> Outline:
    """The shape of a Markdown description; `repo` (owner/name) tells its own file links from others."""
    checklist = numbered = bullets = 0
    headings: list[str] = []
    in_code = False
    for line in markdown.splitlines():
        if _FENCE.match(line):
            in_code = not in_code
            continue
        if in_code:
            continue
        if (check := _CHECK.match(line)) and not _PLACEHOLDER.match(check.group(1).strip()):
            checklist += 1
        elif _NUMBERED.match(line):
            numbered += 1
        elif _BULLET.match(line) and not _CHECK.match(line):
            bullets += 1
        heading = _HEADING.match(line) or _BOLD_LINE.match(line) or _LABEL_LINE.match(line)
        if heading and len(headings) < HEADINGS_KEPT:
            headings.append(" ".join(heading.group(1).lower().strip(" :*_").split())[:TEXT_KEPT])
    return Outline(
        checklist=checklist,
        numbered=numbered,
        bullets=bullets,
        headings=tuple(headings),
        code=_code(markdown, repo),
        links=_hosts(markdown),
        images=len(_IMAGE.findall(markdown)),
    )


def _code(markdown: str, repo: str) -> tuple[str, ...]:
    """Where to look: links to files of the repository or pages of the project's own site, code spans that
    look like a path or an identifier, quoted routes, and paths with a file extension; first seen first."""
    found: list[str] = []
    for link in _LINK.findall(markdown):
        if _own(link, repo):
            found.append(urlsplit(link).path.split("/blob/", 1)[-1] or "/")
    found += [span for span in _CODE.findall(markdown) if _IDENTIFIER.match(span)]
    found += _ROUTE.findall(markdown)
    found += _PATH.findall(_LINK.sub(" ", markdown))
    kept: list[str] = []
    for item in found:
        item = item.strip()[:TEXT_KEPT]
        if item and item not in kept:
            kept.append(item)
    return tuple(kept[:CODE_KEPT])


def _own(link: str, repo: str) -> bool:
    """A link into the repository's files, or to a page of the project's own site (its host names the
    project: theyworkforyou.com for mysociety/theyworkforyou)."""
    if not repo:
        return False
    if link.lower().startswith(f"https://github.com/{repo}/blob/".lower()):
        return True
    name = re.sub(r"[^a-z0-9]", "", repo.split("/")[-1].lower())
    host = re.sub(r"[^a-z0-9]", "", (urlsplit(link).hostname or "").lower())
    return len(name) >= 5 and name in host and urlsplit(link).path.strip("/") != ""


def _hosts(markdown: str) -> tuple[str, ...]:
    hosts: list[str] = []
    for link in _LINK.findall(markdown):
        host = (urlsplit(link).hostname or "").removeprefix("www.")
        if host and host not in hosts:
            hosts.append(host)
    return tuple(hosts[:LINKS_KEPT])
