"""The compact index the home page's filter script loads, in two parts so a first filter stays light.

static/filter-index.json (layout version 2) holds everything the filters and the cards need except titles,
column by column (columns of like values compress far better than rows of mixed ones):

    {"v": 2, "asof": ISO time relative dates are measured from, "count": issues, "block": titles per block,
     "repos": [[name, repo page path, cause, language], ...], "labels": [[name, colour class or ""], ...],
     "reasons": [text, ...],
     "repo": [...], "number": [...], "url": [...], "created": [...], "updated": [...], "comments": [...],
     "skills": [...], "effort": [...], "label": [[...], ...], "reason": [[...], ...]}

Position i of every column is the i-th issue of the home page, newest first. `repo` indexes "repos",
`label` and `reason` hold lists of indexes into "labels" and "reasons", `url` is "" for the usual
https://github.com/<repo>/issues/<number> and null when the issue has no GitHub link, dates are as the `iso`
filter prints them ("" when unknown), `comments` is null when not captured, `skills` is a list of areas
(empty: any skill) and `effort` is small, medium or large.

Titles, most of the weight, are in static/filter-titles-<n>.json: a JSON list of the titles of issues
n × block to (n + 1) × block - 1. The script fetches the blocks of the cards it shows, and all of them only
for a search by words. Every text is a stranger's and stays text: the script puts it in the page with
textContent only, and "<" is written as \\u003c so no file is markup even to a browser that sniffs it.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from ..site import Card, Site, repo_path
from .html import _iso as iso
from .html import github_url, label_class

VERSION = 2
BLOCK = 1000
INDEX = "static/filter-index.json"
TITLES = "static/filter-titles-{}.json"


class _Table:
    """Values in order of first use, each with its index."""

    def __init__(self):
        self.index: dict = {}

    def __call__(self, value) -> int:
        return self.index.setdefault(value, len(self.index))

    def rows(self) -> list:
        return [list(v) if isinstance(v, tuple) else v for v in self.index]


def filter_files(site: Site) -> dict[str, Callable[[], bytes]]:
    """{output path: maker} for the index and its title blocks; the work is done once, on first use."""
    cards = site.listings[0].cards
    made: dict[str, bytes] = {}

    def maker(name: str) -> Callable[[], bytes]:
        def make() -> bytes:
            if not made:
                made.update(filter_index(site))
            return made[name]
        return make

    names = [INDEX] + [TITLES.format(n) for n in range(max(1, -(-len(cards) // BLOCK)))]
    return {name: maker(name) for name in names}


def filter_index(site: Site) -> dict[str, bytes]:
    """The index and its title blocks as compact JSON bytes, by output path."""
    cards = site.listings[0].cards
    repos, labels, reasons = _Table(), _Table(), _Table()
    repo_rows: dict[str, int] = {}  # a repo's path is computed once, not once per issue
    columns: dict[str, list] = {name: [] for name in
                                ("repo", "number", "url", "created", "updated", "comments", "skills", "effort",
                                 "label", "reason")}
    for card in cards:
        _add(card, columns, repos, repo_rows, labels, reasons)
    document = {"v": VERSION, "asof": iso(site.data_as_of), "count": len(cards), "block": BLOCK,
                "repos": repos.rows(), "labels": labels.rows(), "reasons": reasons.rows(), **columns}
    files = {INDEX: _json(document)}
    titles = [card.issue.title for card in cards]
    for n in range(max(1, -(-len(cards) // BLOCK))):
        files[TITLES.format(n)] = _json(titles[n * BLOCK:(n + 1) * BLOCK])
    return files


def _json(value) -> bytes:
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return (text.replace("<", "\\u003c") + "\n").encode()


def _add(card: Card, columns: dict[str, list], repos: _Table, repo_rows: dict[str, int], labels: _Table,
         reasons: _Table) -> None:
    issue, item = card.issue, card.item
    repo = repo_rows.get(issue.repo)
    if repo is None:
        cause = item.source.cause if item.source else ""
        repo = repo_rows[issue.repo] = repos((issue.repo, repo_path(issue.repo), cause, item.repo.language))
    url = github_url(issue.url)
    usual = f"https://github.com/{issue.repo}/issues/{issue.number}"
    columns["repo"].append(repo)
    columns["number"].append(issue.number)
    columns["url"].append("" if url == usual else (url or None))
    columns["created"].append(iso(issue.created))
    columns["updated"].append(iso(issue.updated))
    columns["comments"].append(issue.comments_count)
    columns["skills"].append([str(s) for s in item.classification.skills])
    columns["effort"].append(str(item.classification.effort))
    columns["label"].append([labels((label.name, label_class(label.color))) for label in issue.labels])
    columns["reason"].append([reasons(reason) for reason in item.classification.reasons])
