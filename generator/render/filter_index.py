"""The compact index the home page's filter script loads: every takeable issue, in tables, small once gzipped.

Layout (version 1), read by themes/default/static/filter.js:

    {"v": 1, "asof": ISO time the relative dates are measured from,
     "repos":   [[name, repo page path, cause, language], ...],
     "labels":  [[name, colour class or ""], ...],
     "reasons": [text, ...],
     "issues":  [[repo, number, title, url, created, updated, comments, skills, effort, labels, reasons], ...]}

In an issue, `repo` indexes "repos", `labels` and `reasons` are lists of indexes, `url` is "" for the usual
https://github.com/<repo>/issues/<number> and null when the issue has no GitHub link, dates are as the
`iso` filter prints them ("" when unknown), `comments` is null when not captured, `skills` is a list of
skill areas (empty: any skill) and `effort` is small, medium or large. Issues are in the home page's order.
Every text is a stranger's and stays text: the script puts it in the page with textContent only, and "<" is
written as \\u003c so the file is never markup even to a browser that sniffs it.
"""

from __future__ import annotations

import json

from ..site import Card, Site, repo_path
from .html import _iso as iso
from .html import github_url, label_class

VERSION = 1


class _Table:
    """Values in order of first use, each with its index."""

    def __init__(self):
        self.index: dict = {}

    def __call__(self, value) -> int:
        return self.index.setdefault(value, len(self.index))

    def rows(self) -> list:
        return [list(v) if isinstance(v, tuple) else v for v in self.index]


def filter_index(site: Site) -> bytes:
    """The index of the home listing's cards as compact JSON bytes."""
    repos, labels, reasons = _Table(), _Table(), _Table()
    issues = [_row(card, repos, labels, reasons) for card in site.listings[0].cards]
    document = {"v": VERSION, "asof": iso(site.data_as_of), "repos": repos.rows(), "labels": labels.rows(),
                "reasons": reasons.rows(), "issues": issues}
    text = json.dumps(document, ensure_ascii=False, separators=(",", ":"))
    return (text.replace("<", "\\u003c") + "\n").encode()


def _row(card: Card, repos: _Table, labels: _Table, reasons: _Table) -> list:
    issue, item = card.issue, card.item
    cause = item.source.cause if item.source else ""
    repo = repos((issue.repo, repo_path(issue.repo), cause, item.repo.language))
    url = github_url(issue.url)
    usual = f"https://github.com/{issue.repo}/issues/{issue.number}"
    return [
        repo,
        issue.number,
        issue.title,
        "" if url == usual else (url or None),
        iso(issue.created),
        iso(issue.updated),
        issue.comments_count,
        [str(s) for s in item.classification.skills],
        str(item.classification.effort),
        [labels((label.name, label_class(label.color))) for label in issue.labels],
        [reasons(reason) for reason in item.classification.reasons],
    ]
