"""The compact index the home page's filter script loads, in two parts so a first filter is light.

static/filter-index.json (layout version 5) holds what the filters need, column by column (columns
of like values compress far better than rows of mixed ones):

    {"v": 5, "asof": ISO time the dates are counted back from, "count": issues,
     "block": issues per block,
     "repos": [[name, repo page path, cause, language, answer badge or "", description, note or contact,
                display name, [project readiness words], project readiness facts], ...],
     "labels": [[name as shown (emoji for :shortcodes:), colour classes or ""], ...],
     "reasons": [text, ...],
     "repo": [...], "created": [...], "activity": [...], "skills": [...], "effort": [...],
     "label": [[...], ...], "stale": [0|1, ...], "guess": [0|1, ...],
     "ready": [issue readiness bits, ...]}

Position i of every column is the i-th issue free to take, newest first (stale ones included,
marked). `repo` indexes "repos", `label` holds lists of indexes into "labels", `skills` is a list of
areas (empty: any skill), `effort` is small, medium or large (`guess` 1: read from the text alone, a
guess), and `ready` holds the issue's readiness facts as bits (steps 1, steps to reproduce 2, says
what done looks like 4, names the files 8, links a mockup 16): with the project's count of facts
they give the "ready tonight" order. A date with a time is a number of seconds: in `activity`,
before "asof"; in `created`, before the previous `created` that is a number ("asof" for the first),
since issues come newest first and small steps compress well. Any other date is the string the `iso`
filter prints: a bare date, or "" when unknown. Ages are counted by the script from the reader's own
clock.

What only a shown card needs, titles above all (most of the weight), is in
static/filter-blocks-<n>.json for the issues n × block to (n + 1) × block - 1, in the same column
layout:

    {"title": [...], "number": [...], "url": [...], "comments": [...], "reason": [[...], ...],
     "text": [...]}

`url` is "" for the usual https://github.com/<repo>/issues/<number> and null when the issue has no
GitHub link, `comments` is null when not captured, `reason` holds indexes into the index's
"reasons", and `text` is the start of the issue's own text. The script fetches the blocks of the
cards it shows, and all of them only for a search by words. Every text is a stranger's and stays
text: the script puts it in the page with textContent only, and "<" is written as \\u003c so no file
is markup even to a browser that sniffs it.
"""

from __future__ import annotations

from collections.abc import Callable

from ...core.dates import iso, parse_time
from ...core.text import json_bytes
from ..listings import newest_first
from ..views import Card, Site, repo_path
from .html import github_url
from .words import about, badge, issue_text, label_class, label_name, project_ready

VERSION = 5
BLOCK = 1000
INDEX = "static/filter-index.json"
BLOCKS = "static/filter-blocks-{}.json"


class _Table:
    """Values in order of first use, each with its index."""

    def __init__(self):
        self.index: dict = {}

    def __call__(self, value) -> int:
        return self.index.setdefault(value, len(self.index))

    def rows(self) -> list:
        return [list(v) if isinstance(v, tuple) else v for v in self.index]


def indexed(site: Site) -> tuple[Card, ...]:
    """The cards the index holds: every issue free to take, newest first, stale ones included."""
    home = site.listings[0]
    return tuple(sorted(home.cards + home.stale, key=newest_first))


def filter_files(site: Site, made: dict[str, bytes]) -> dict[str, Callable[[], bytes]]:
    """{output path: maker} for the index and its title blocks, all made once into `made` on first
    use (unless it already holds them)."""
    cards = indexed(site)

    def maker(name: str) -> Callable[[], bytes]:
        def make() -> bytes:
            if name not in made:
                made.update(filter_index(site))
            return made[name]

        return make

    names = [INDEX] + [BLOCKS.format(n) for n in range(_blocks(len(cards)))]
    return {name: maker(name) for name in names}


def _blocks(count: int) -> int:
    return max(1, -(-count // BLOCK))


def filter_index(site: Site) -> dict[str, bytes]:
    """The index and its blocks as compact JSON bytes, by output path."""
    cards = indexed(site)
    repos, labels, reasons = _Table(), _Table(), _Table()
    repo_rows: dict[str, int] = {}  # a repo's path is computed once, not once per issue
    index: dict[str, list] = {
        name: []
        for name in (
            "repo",
            "created",
            "activity",
            "skills",
            "effort",
            "guess",
            "label",
            "stale",
            "ready",
        )
    }
    shown: dict[str, list] = {
        name: [] for name in ("title", "number", "url", "comments", "reason", "text")
    }
    for card in cards:
        _add(card, index, shown, repos, repo_rows, labels, reasons)
    asof = parse_time(iso(site.data_as_of))
    if asof is not None:
        index["created"] = _seconds(index["created"], int(asof.timestamp()), steps=True)
        index["activity"] = _seconds(index["activity"], int(asof.timestamp()), steps=False)
    document = {
        "v": VERSION,
        "asof": iso(site.data_as_of),
        "count": len(cards),
        "block": BLOCK,
        "repos": repos.rows(),
        "labels": labels.rows(),
        "reasons": reasons.rows(),
        **index,
    }
    files = {INDEX: _json(document)}
    for n in range(_blocks(len(cards))):
        files[BLOCKS.format(n)] = _json(
            {name: column[n * BLOCK : (n + 1) * BLOCK] for name, column in shown.items()}
        )
    return files


def _seconds(dates: list[str], asof: int, steps: bool) -> list:
    """Dates with a time as seconds before `asof` (or, with steps, before the previous one); others
    as they are."""
    out: list = []
    before = asof
    for value in dates:
        when = parse_time(value) if len(value) > 10 else None
        if when is None:
            out.append(value)
            continue
        seconds = int(when.timestamp())
        out.append(before - seconds)
        if steps:
            before = seconds
    return out


def _facts(readiness) -> int:
    """An issue's readiness facts as bits, in the order site.js says them: steps 1, reproduce 2, done 4,
    files 8, mockup 16."""
    flags = (
        readiness.steps,
        readiness.reproduce,
        readiness.done,
        readiness.files,
        bool(readiness.mockup),
    )
    return sum(1 << bit for bit, flag in enumerate(flags) if flag)


def _json(value) -> bytes:
    return json_bytes(value, sort_keys=False)


def _add(
    card: Card,
    index: dict[str, list],
    shown: dict[str, list],
    repos: _Table,
    repo_rows: dict[str, int],
    labels: _Table,
    reasons: _Table,
) -> None:
    issue, item = card.issue, card.item
    repo = repo_rows.get(issue.repo)
    if repo is None:
        source = item.source
        description = about(source.description or item.repo.description)
        where = (issue.repo, repo_path(issue.repo), source.cause, item.repo.language)
        said = (
            badge(card.answers) if card.answers else "",
            description,
            source.note or source.contact,
        )
        project = (
            source.name or issue.repo,
            tuple(project_ready(item.project)),
            item.project.facts,
        )
        repo = repo_rows[issue.repo] = repos((*where, *said, *project))
    index["repo"].append(repo)
    index["created"].append(iso(issue.created))
    index["activity"].append(iso(item.activity))
    index["skills"].append([str(s) for s in item.classification.skills])
    index["effort"].append(str(item.classification.effort))
    index["guess"].append(1 if item.classification.effort_is_guess else 0)
    index["label"].append(
        [labels((label_name(label.name), label_class(label.color))) for label in issue.labels]
    )
    index["stale"].append(1 if card.is_stale else 0)
    index["ready"].append(_facts(item.readiness))
    url = github_url(issue.url)
    shown["title"].append(issue.title)
    shown["number"].append(issue.number)
    shown["url"].append(
        "" if url == f"https://github.com/{issue.repo}/issues/{issue.number}" else (url or None)
    )
    shown["comments"].append(issue.comments_count)
    shown["reason"].append([reasons(reason) for reason in item.classification.reasons])
    shown["text"].append(issue_text(issue.body))
