"""Acceptance of issue 9 on the fetch benchmark's world: does the built site list only takeable work?

    .venv/bin/python bench/takeable.py [--repos 1000] [--seed 0] [--more N]

The world is bench/fetch.py's (`world.generate`), served by an in-process FakeGitHub with no latency
(points and requests are what matter here), except that every issue's comments are a thread of real,
hand-labeled comments from tests/data/claims/*.jsonl: a real thread (or a window of one) padded with
"neither" comments to the world's comment count, with author associations drawn per label (claims
mostly NONE/CONTRIBUTOR, releases mostly MEMBER/OWNER) and dates from today back across the 30-day
claim window. Then the real `build.py fetch` and `build.py build` run in child processes, and the
built site is read back: every listing page (home, responsive, facets), every feed, api/issues.json,
the filter index, and each repo page's "Issues to take" and "Already taken" sections.

Reported:
(a) issues shown as takeable that the world has assigned or with an open linked pull request (must
    be 0);
(b) issues comment-claimed in the ground truth yet shown: "slip through", split into claims outside
    the fetched last comments and rule misses (and of those, the ones only the comment excerpt
    hid). The ground truth reads the whole thread with the dataset's human labels: the last claim by
    a non-maintainer that no later comment releases, made within the window before the capture time;
    and issues free in that truth yet off every listing, by why: a do-not-start label (by design: the
    world's issues carry real labels) or a comment wrongly read as a claim;
(c) points and requests of the fetch as it is and of a second fetch, in the same run against the
    same fake, with the comments connection taken out of the issue fragment (`PATCHED_FETCH`: a
    child process that patches `generator.fetch.passes.ISSUE_FRAGMENT` and
    `generator.fetch.queries.ISSUE_CONNECTIONS` before calling the CLI; a patched fetch that lists
    other issues than the fetch as it is stops the bench), both as a ratio of issue 4's floor,
    ceil(labeled open issues / 100) + ceil(repos / 100); and, with `--more N`, a third fetch asking
    for the last N comments instead of `COMMENTS_KEPT`, built and judged too.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from fake_github import FakeComment, FakeGitHub, world  # noqa: E402

from generator.build import claims, comments  # noqa: E402
from generator.build.parked import parked_by  # noqa: E402
from generator.core import snapshot  # noqa: E402
from generator.core.dates import parse_time  # noqa: E402
from generator.core.records import Source  # noqa: E402
from generator.fetch.queries import COMMENT_EXCERPT, COMMENTS_KEPT, kept_comment  # noqa: E402

CLAIMS_DATA = ROOT / "tests" / "data" / "claims"
TOKEN = "bench-token"
ATOM = "{http://www.w3.org/2005/Atom}"
MAINTAINER, OTHERS = ("MEMBER", "OWNER"), ("NONE", "CONTRIBUTOR")
MAINTAINER_SHARE = {"claim": 0.1, "release": 0.6, "neither": 0.4}
"""How often a comment with this label is a maintainer's: a maintainer's "I'll take this" is not a
claim."""
LAST_COMMENT_DAYS = 80
"""The newest comment of a thread is up to this many days old, so claims land on both sides of the
window."""

PATCHED_FETCH = r"""
import sys
root = sys.argv.pop(1)
sys.path[:0] = [root, root + "/bench"]
kept = int(sys.argv.pop(1))
from generator.fetch import passes, queries
from takeable import with_comments
passes.ISSUE_FRAGMENT = with_comments(passes.ISSUE_FRAGMENT, kept)
if not kept:
    queries.ISSUE_CONNECTIONS -= 1
from generator.cli import main
sys.exit(main(sys.argv[1:]))
"""
"""The CLI with the issue fragment's comments connection changed before it runs: `0` takes the connection
out (one connection fewer per issue node), N asks for the last N comments instead."""
_COMMENTS = re.compile(r"\bcomments\(last: \d+\) \{")


def with_comments(fragment: str, kept: int) -> str:
    """The fragment asking for the last `kept` comments, or with no comments connection when 0: the
    whole `comments(…) { … }` selection, found by its braces, so the query stays valid however the
    fragment is wrapped."""
    found = list(_COMMENTS.finditer(fragment))
    if len(found) != 1:
        raise ValueError(
            f"the issue fragment has {len(found)} selections matching `comments(last: N) {{`, not 1"
        )
    start, opened = found[0].span()
    if kept:
        return fragment[:start] + f"comments(last: {kept}) {{" + fragment[opened:]
    depth = 1
    for end in range(opened, len(fragment)):
        depth += {"{": 1, "}": -1}.get(fragment[end], 0)
        if not depth:
            return fragment[:start] + fragment[end + 1 :]
    raise ValueError("the comments selection of the issue fragment never closes its braces")


# --- the world's comment threads
# -------------------------------------------------------------------


@dataclass(frozen=True)
class Said:
    """One real comment with its human label, as placed in the fake world."""

    text: str
    label: str
    author: str
    association: str
    created: datetime


def labeled_threads() -> list[list[tuple[str, str]]]:
    """The dataset's threads: [(text, label)] per source URL, in file order."""
    threads: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for path in sorted(CLAIMS_DATA.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                threads[row["url"]].append((row["text"], row["label"]))
    return list(threads.values())


def _thread(rng: random.Random, threads, neither, count: int) -> list[tuple[str, str]]:
    """`count` comments: a window of a real thread, padded at random places with "neither" comments."""
    real = rng.choice(threads)
    if len(real) >= count:
        start = rng.randrange(len(real) - count + 1)
        return list(real[start : start + count])
    thread = list(real)
    for _ in range(count - len(real)):
        thread.insert(rng.randrange(len(thread) + 1), rng.choice(neither))
    return thread


def _dates(rng: random.Random, count: int, opened: datetime, now: datetime) -> list[datetime]:
    """Oldest first: the newest up to LAST_COMMENT_DAYS old, gaps of a few days, none before the
    issue."""
    newest = now - timedelta(seconds=rng.uniform(3600, LAST_COMMENT_DAYS * 86400))
    dates = [newest]
    for _ in range(count - 1):
        dates.append(dates[-1] - timedelta(seconds=rng.expovariate(1 / (3 * 86400))))
    dates.reverse()
    if (
        dates[0] <= opened
    ):  # squeeze the thread in between the issue's opening and its newest comment
        span = (newest - opened) / (count + 1)
        dates = [opened + span * (k + 1) for k in range(count)]
    return dates


def add_threads(specs, now: datetime, seed: int = 0) -> dict[tuple[str, int], list[Said]]:
    """Give every issue with comments a thread of real labeled ones (in place); the threads by
    (repo, number)."""
    rng = random.Random(seed)
    threads = labeled_threads()
    neither = [said for thread in threads for said in thread if said[1] == "neither"]
    placed: dict[tuple[str, int], list[Said]] = {}
    for spec in specs:
        current = (spec.new_name or spec.name).lower()
        for issue in spec.issues:
            count = len(issue["comments"])
            if not count:
                continue
            opened = parse_time(issue["created"])
            thread = []
            for (text, label), when in zip(
                _thread(rng, threads, neither, count), _dates(rng, count, opened, now), strict=True
            ):
                pool = MAINTAINER if rng.random() < MAINTAINER_SHARE[label] else OTHERS
                thread.append(
                    Said(text, label, f"user{rng.randint(1, 5000)}", rng.choice(pool), when)
                )
            issue["comments"] = [
                FakeComment(s.author, _stamp(s.created), s.text, s.association) for s in thread
            ]
            issue["updated"] = max(issue["updated"], issue["comments"][-1].created)
            placed[(current, issue["number"])] = thread
    return placed


def _stamp(when: datetime) -> str:
    return when.strftime("%Y-%m-%dT%H:%M:%SZ")


# --- ground truth
# ----------------------------------------------------------------------------------


def held_claim(thread: list[Said], labels=None) -> Said | None:
    """The last non-maintainer claim no later comment releases; labels are the human ones unless
    given."""
    held = None
    for said, label in zip(thread, labels or [s.label for s in thread], strict=True):
        if label == "release":
            held = None
        elif label == "claim" and said.association not in claims.MAINTAINERS:
            held = said
    return held


def claimed_by_comment(thread: list[Said], now: datetime, labels=None) -> bool:
    """Held by a comment claim made within the claim window before `now`."""
    held = held_claim(thread, labels)
    return held is not None and now - held.created <= claims.CLAIM_WINDOW


def taken_in_world(specs) -> set[tuple[str, int]]:
    """(current repo name lower, number) of issues assigned or with an open linked pull request."""
    return {
        ((s.new_name or s.name).lower(), i["number"])
        for s in specs
        for i in s.issues
        if i["assignees"] or any(state == "OPEN" for _, state in i["linked_prs"])
    }


# --- reading the built site
# ------------------------------------------------------------------------


@dataclass
class ShownCard:
    repo: str
    number: int
    claim: str
    """The card's "Taken: …" text without the prefix, "" when none."""
    in_claimed: bool
    """Inside a repo page's "Already taken" list."""
    in_parked: bool = False
    """Inside a repo page's "Not ready to start" list (a do-not-start label)."""


class _Cards(HTMLParser):
    """Every `li.card` of a page: its repo and number (from its GitHub link) and its claim line."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.cards: list[ShownCard] = []
        self._lists: list[str] = []  # per open <ol>: "claimed", "parked" or ""
        self._reading = ""  # "meta" or "claim" while inside that paragraph
        self._text: list[str] = []

    def handle_starttag(self, tag, attrs):
        classes = (dict(attrs).get("class") or "").split()
        if tag == "ol":
            self._lists.append(next((k for k in ("claimed", "parked") if k in classes), ""))
        elif tag == "li" and "card" in classes:
            held = "claimed" in self._lists, "parked" in self._lists
            self.cards.append(ShownCard("", 0, "", *held))
        elif tag == "a" and self.cards and not self.cards[-1].repo:
            found = re.match(
                r"https://github\.com/([^/]+/[^/]+)/issues/(\d+)$", dict(attrs).get("href") or ""
            )
            if found:
                self.cards[-1].repo, self.cards[-1].number = (
                    found.group(1).lower(),
                    int(found.group(2)),
                )
        elif tag == "p" and self.cards and "claim" in classes:
            self._reading, self._text = "claim", []

    def handle_endtag(self, tag):
        if tag == "ol" and self._lists:
            self._lists.pop()
        elif tag == "p" and self._reading:
            text = " ".join("".join(self._text).split())
            self.cards[-1].claim = text.removeprefix("Taken:").strip()
            self._reading = ""

    def handle_data(self, data):
        if self._reading:
            self._text.append(data)


def page_cards(path: Path) -> list[ShownCard]:
    """The cards of one HTML page; a card whose repo and number could not be read fails loudly."""
    parser = _Cards()
    parser.feed(path.read_text(encoding="utf-8"))
    unread = [c for c in parser.cards if not c.number]
    if unread:
        raise ValueError(f"{path}: {len(unread)} cards without a readable `repo #number`")
    return parser.cards


def feed_issues(path: Path) -> set[tuple[str, int]]:
    """(repo lower, number) of every entry of an Atom feed (entry ids end in `repo#number`)."""
    found = set()
    for entry in ET.parse(path).getroot().iter(ATOM + "entry"):
        repo, number = entry.findtext(ATOM + "id").rsplit(":", 1)[1].rsplit("#", 1)
        found.add((repo.lower(), int(number)))
    return found


def filter_index_issues(out: Path) -> set[tuple[str, int]]:
    """The issues the home page's filter script can show: the index's repo column, the blocks'
    numbers."""
    index = json.loads((out / "static" / "filter-index.json").read_text(encoding="utf-8"))
    numbers = []
    for block in sorted(
        (out / "static").glob("filter-blocks-*.json"), key=lambda p: int(p.stem.rsplit("-", 1)[1])
    ):
        numbers += json.loads(block.read_text(encoding="utf-8"))["number"]
    names = [repo[0].lower() for repo in index["repos"]]
    return {(names[r], n) for r, n in zip(index["repo"], numbers, strict=True)}


@dataclass
class SiteShows:
    """What the built site lists as takeable, by place, and each repo page's claimed cards."""

    places: dict[str, set[tuple[str, int]]] = field(default_factory=dict)
    claimed: dict[tuple[str, int], str] = field(default_factory=dict)
    """Cards in repo pages' "Already taken" lists, with their reason."""
    listing_pages: int = 0
    feeds: int = 0

    def takeable(self) -> set[tuple[str, int]]:
        return set().union(*self.places.values()) if self.places else set()


def read_site(out: Path) -> SiteShows:
    """Every place of the built site that lists issues, read back from the files."""
    shows = SiteShows()
    for page in sorted(out.rglob("index.html")):
        where = page.parent.relative_to(out).as_posix().removeprefix(".")
        cards = page_cards(page)
        if where.startswith("repos/"):
            shows.places[f"{where}/ (to take)"] = {
                (c.repo, c.number) for c in cards if not c.in_claimed and not c.in_parked
            }
            shows.claimed.update({(c.repo, c.number): c.claim for c in cards if c.in_claimed})
        elif cards or not where:
            shows.places[f"{where}/"] = {(c.repo, c.number) for c in cards}
            shows.listing_pages += 1
            if any(c.claim for c in cards):
                raise ValueError(f"{page}: a listing shows a card with a claim")
    for feed in sorted(out.rglob("*.atom")):
        shows.places[feed.relative_to(out).as_posix()] = feed_issues(feed)
        shows.feeds += 1
    api = json.loads((out / "api" / "issues.json").read_text(encoding="utf-8"))
    shows.places["api/issues.json"] = {(i["repo"].lower(), i["number"]) for i in api["issues"]}
    shows.places["static/filter-index.json"] = filter_index_issues(out)
    return shows


# --- running the CLI
# -------------------------------------------------------------------------------


def sources_yaml(specs) -> str:
    lines = ["sources:"]
    for spec in specs:
        labels = ", ".join(json.dumps(label) for label in spec.labels)
        lines += [f"  - repo: {spec.name}", "    cause: civic-tech", f"    labels: [{labels}]"]
    return "\n".join(lines) + "\n"


def run_cli(
    fake: FakeGitHub, workdir: Path, *args: str, comments: int | None = None
) -> tuple[int, int]:
    """Run `build.py <args>` in a child process against the fake; (requests, GraphQL points) it spent.

    `comments`: None runs the CLI as it is; else PATCHED_FETCH with that many comments (0: none)."""
    env = {
        **os.environ,
        "GITHUB_TOKEN": fake.token,
        "GITHUB_API_URL": fake.url,
        "GITHUB_GRAPHQL_URL": fake.graphql_url,
    }
    env.pop("GITHUB_STEP_SUMMARY", None)
    command = (
        [sys.executable, str(ROOT / "build.py")]
        if comments is None
        else [sys.executable, "-c", PATCHED_FETCH, str(ROOT), str(comments)]
    )
    before = len(fake.log)
    done = subprocess.run([*command, *args], cwd=workdir, env=env, capture_output=True, text=True)
    if done.returncode:
        raise SystemExit(f"{' '.join(args[:1])} exited with {done.returncode}:\n{done.stderr}")
    spent = fake.log[before:]
    return len(spent), sum(e.cost for e in spent if e.resource == "graphql")


def fetch_args(snapshot_name: str) -> tuple[str, ...]:
    return (
        "fetch",
        "-q",
        "--max-failed",
        "1",
        "--sources",
        "sources.yaml",
        "--snapshot",
        snapshot_name,
    )


# --- the figures
# -----------------------------------------------------------------------------------


PARKED = "a do-not-start label (by design)"
FALSE_CLAIM = "a comment read as a claim the truth does not hold"
UNEXPLAINED = "no reason the site gives"


@dataclass
class Figures:
    shown_taken: dict[str, int]
    """(a) per place: shown issues the world has assigned or with an open linked PR."""
    claimed_truth: int
    slip: Counter
    """(b) comment-claimed in truth, not otherwise taken, yet shown as takeable, by reason."""
    hidden: dict[tuple[str, int], str]
    """Free in truth (no assignee, no open PR, no held comment claim) yet off every listing, with why:
    a do-not-start label (`PARKED`, by design), a comment the site read as a claim the truth does not
    hold (`FALSE_CLAIM`), or neither (`UNEXPLAINED`, must stay empty)."""
    missed_texts: Counter
    """The held claims behind the rule misses, by text."""
    reasons: Counter
    """Cards on repo pages' "Already taken" lists by kind of reason."""


def judge(taken, placed, written, shows: SiteShows, kept: int = COMMENTS_KEPT) -> Figures:
    """Compare the built site with the world's ground truth: `taken`, the (repo, number) keys the
    world has assigned or with an open linked PR (`taken_in_world`); `placed`, the threads
    (`add_threads`); `kept`, comments per issue the fetch asked for. Parked labels are the built-in
    vocabulary's, as `sources_yaml` names none of its own."""
    now = parse_time(written.captured_at)
    # the home page's HTML has the newest 200; its filter index and the API have all
    shown = shows.takeable()
    listed = sorted((r.name_with_owner.lower(), i.number) for r in written.repos for i in r.issues)
    parked = {
        (r.name_with_owner.lower(), i.number)
        for r in written.repos
        for i in r.issues
        if parked_by(i, Source(repo=r.source, cause="civic-tech"))
    }
    slip, missed_texts, claimed_truth, hidden = Counter(), Counter(), 0, {}
    for key in listed:
        thread = placed.get(key, [])
        truth = key not in taken and claimed_by_comment(thread, now)
        claimed_truth += truth
        if truth and key in shown:
            why = why_missed(thread, now, kept)
            slip[why] += 1
            if why.startswith("rule miss"):
                missed_texts[held_claim(thread[-kept:]).text] += 1
        if not truth and key not in taken and key not in shown:
            hidden[key] = (
                PARKED
                if key in parked
                else FALSE_CLAIM
                if shows.claimed.get(key, "").startswith("claimed in a comment")
                else UNEXPLAINED
            )
    return Figures(
        shown_taken={place: len(found & taken) for place, found in shows.places.items()},
        claimed_truth=claimed_truth,
        slip=slip,
        hidden=hidden,
        missed_texts=missed_texts,
        reasons=Counter(re.sub(r"\d+", "N", reason) for reason in shows.claimed.values()),
    )


def why_missed(thread: list[Said], now: datetime, kept: int = COMMENTS_KEPT) -> str:
    """Why a claim the truth sees on the whole thread was not seen by the site, which read the last
    `kept`."""
    last = thread[-kept:]
    if not claimed_by_comment(last, now):
        return f"claim outside the last {kept} comments"
    full = [comments.comment_kind(s.text) or "neither" for s in last]
    cut = [comments.comment_kind(kept_comment(s.text)) or "neither" for s in last]
    if claimed_by_comment(last, now, full) and not claimed_by_comment(last, now, cut):
        return f"rule miss (the {COMMENT_EXCERPT}-character excerpt cut the claim off)"
    return "rule miss"


@dataclass
class Run:
    """One fetch (and, when built, its site) of the same world."""

    name: str
    requests: int
    points: int
    written: snapshot.Snapshot
    snapshot_bytes: int
    figures: Figures | None = None
    shows: SiteShows | None = None


def _variant(
    fake,
    workdir: Path,
    specs,
    placed,
    name: str,
    comments: int | None,
    build: bool,
    listed: set[tuple[str, int]] | None = None,
) -> Run:
    """Fetch with `comments` (see run_cli), optionally build and judge the site; stop when the
    fetch lists other issues than `listed` (a patched fetch that no longer fits)."""
    shot = f"{name}.json"
    requests, points = run_cli(fake, workdir, *fetch_args(shot), comments=comments)
    data = (workdir / shot).read_bytes()
    run = Run(name, requests, points, snapshot.loads(data), len(data))
    if listed is not None and _issue_keys(run.written) != listed:
        raise SystemExit(
            f"the {name} fetch listed {len(_issue_keys(run.written))} issues, the fetch as it is "
            f"{len(listed)}: PATCHED_FETCH no longer fits the fetch"
        )
    if build:
        run_cli(
            fake,
            workdir,
            "build",
            "-q",
            "--sources",
            "sources.yaml",
            "--snapshot",
            shot,
            "--out",
            name,
        )
        run.shows = read_site(workdir / name)
        run.figures = judge(
            taken_in_world(specs), placed, run.written, run.shows, comments or COMMENTS_KEPT
        )
    return run


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repos", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--more",
        type=int,
        default=0,
        help="also fetch, build and judge asking for this many comments per issue (0: skip it)",
    )
    args = parser.parse_args()
    specs = world.generate(args.repos, args.seed)
    placed = add_threads(specs, datetime.now(UTC), args.seed)
    labeled = sum(len(v) for v in world.expected(specs).values())
    floor = math.ceil(labeled / 100) + math.ceil(len(specs) / 100)
    with FakeGitHub(token=TOKEN) as fake, tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        world.load(fake, specs)
        (workdir / "sources.yaml").write_text(sources_yaml(specs))
        runs = [_variant(fake, workdir, specs, placed, "as-is", None, build=True)]
        listed = _issue_keys(runs[0].written)
        runs.append(
            _variant(fake, workdir, specs, placed, "no-comments", 0, build=False, listed=listed)
        )
        if args.more:
            more = f"last-{args.more}"
            runs.append(
                _variant(fake, workdir, specs, placed, more, args.more, build=True, listed=listed)
            )
    report(specs, placed, runs, floor, labeled)


def _issue_keys(written: snapshot.Snapshot) -> set[tuple[str, int]]:
    return {(r.name_with_owner, i.number) for r in written.repos for i in r.issues}


def report(specs, placed, runs: list[Run], floor: int, labeled: int) -> None:
    """Print the figures as Markdown."""
    first = runs[0]
    issues = sum(len(r.issues) for r in first.written.repos)
    with_thread = sum(1 for r in first.written.repos for i in r.issues if i.comments)
    long = sum(1 for t in placed.values() if len(t) > COMMENTS_KEPT)
    print(
        f"world: {len(specs)} repos, {labeled} labeled open issues (floor {floor} points); "
        f"{issues} listed by the fetch, {with_thread} with comments (real labeled threads; "
        f"{long} of all threads longer than {COMMENTS_KEPT})"
    )
    for run in runs:
        if run.figures:
            _report_site(run)
    print("\n(c)")
    print(
        "| fetch | requests | points | points / floor | snapshot bytes | issues with a comment "
        "count |"
    )
    print("| --- | --- | --- | --- | --- | --- |")
    for run in runs:
        counted = sum(
            1 for r in run.written.repos for i in r.issues if i.comments_count is not None
        )
        print(
            f"| {run.name} | {run.requests} | {run.points} | {run.points / floor:.2f} | "
            f"{run.snapshot_bytes} | "
            f"{counted} |"
        )


def _report_site(run: Run) -> None:
    shows, figures = run.shows, run.figures
    print(f"\n## {run.name}")
    print(
        f"site read back: {shows.listing_pages} listing pages, {shows.feeds} feeds, "
        "api/issues.json, the "
        f"filter index and {sum(1 for p in shows.places if p.endswith('(to take)'))} repo pages; "
        f"{len(shows.places['api/issues.json'])} takeable issues"
    )
    bad = {p: n for p, n in figures.shown_taken.items() if n}
    print(
        f"(a) shown although assigned or with an open linked PR: {sum(bad.values())}"
        + (f" — {json.dumps(bad, sort_keys=True)}" if bad else " in every place")
    )
    slipped = sum(figures.slip.values())
    print(
        "(b) comment-claimed in the ground truth (and not assigned, no open PR): "
        f"{figures.claimed_truth}; "
        f"slip through (shown as takeable): {slipped}"
        + (f" ({slipped / figures.claimed_truth:.1%})" if figures.claimed_truth else "")
    )
    for why, count in sorted(figures.slip.items()):
        print(f"    {why}: {count}")
    for text, count in figures.missed_texts.most_common(5):
        print(f"      missed {count} x: {text[:90]!r}")
    hidden = Counter(figures.hidden.values())
    print(f"    free in the ground truth yet off the listings: {len(figures.hidden)}")
    for why in (FALSE_CLAIM, PARKED, UNEXPLAINED):
        print(f"      {why}: {hidden[why]}")
    print(
        f'repo pages\' "Already taken" reasons: {json.dumps(dict(sorted(figures.reasons.items())))}'
    )


if __name__ == "__main__":
    main()
