"""The built site as a whole: every internal link resolves (with and without a prefix), feeds parse,
pages exist."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import feedparser
import pytest

from generator import cli
from generator.core import snapshot as snapshot_format
from generator.core.records import Label, Repo, RepoState, Snapshot
from tests.helpers import CATALOG_ARGS, issue, read_tree, write_world


class Refs(HTMLParser):
    def __init__(self):
        super().__init__()
        self.refs: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.refs += [v for k, v in attrs if k in ("href", "src") and v]


def internal_refs(tree: dict[str, bytes], base_url: str):
    parts = urlsplit(base_url)
    origin = f"{parts.scheme}://{parts.netloc}" if parts.netloc else ""
    prefix = parts.path
    for name, data in tree.items():
        if not name.endswith(".html"):
            continue
        parser = Refs()
        parser.feed(data.decode())
        page_url = prefix + name.removesuffix("index.html")
        for ref in parser.refs:
            if (
                not ref.startswith(("/", "#"))
                and "://" not in ref
                and not ref.startswith("mailto:")
            ):
                ref = urljoin(page_url, ref)
            if origin and ref.startswith(origin):
                ref = ref[len(origin) :]
            if ref.startswith(("https://", "http://", "mailto:", "#", "data:")):
                continue
            yield name, ref, prefix


@pytest.mark.parametrize("base_url", ["/", "/shovel-ready/", "https://owner.github.io/repo/"])
def test_every_internal_link_resolves(tmp_path, base_url):
    out = tmp_path / "site"
    assert cli.main(["build", *CATALOG_ARGS, "--out", str(out), "--base-url", base_url, "-q"]) == 0
    tree = read_tree(out)
    broken = []
    checked = 0
    for page, ref, prefix in internal_refs(tree, base_url):
        path = urlsplit(ref).path
        if not path.startswith(prefix):
            broken.append((page, ref, "outside the prefix"))
            continue
        target = path[len(prefix) :]
        target = target + "index.html" if target.endswith("/") or target == "" else target
        checked += 1
        if target not in tree:
            broken.append((page, ref))
    assert checked > 1000
    assert broken == []


@pytest.mark.slow
def test_every_feed_parses_cleanly_and_is_discoverable(tmp_path):
    out = tmp_path / "site"
    assert cli.main(["build", *CATALOG_ARGS, "--out", str(out), "-q"]) == 0
    tree = read_tree(out)
    feeds = [name for name in tree if name.endswith(".atom")]
    assert len(feeds) > 50
    for name in feeds:
        parsed = feedparser.parse(tree[name])
        assert not parsed.bozo, (name, parsed.bozo_exception)
        assert len(parsed.entries) <= 50
        ids = [e.id for e in parsed.entries]
        assert len(ids) == len(set(ids)), name
    assert b'rel="alternate" type="application/atom+xml"' in tree["skills/backend/index.html"]
    assert b'href="/skills/backend/feed.atom"' in tree["skills/backend/index.html"]


def test_facets_health_api_and_special_pages(tmp_path):
    world = {
        "octo/front": [
            issue(
                "octo/front",
                1,
                "Style the footer",
                labels=(Label("role: front end"), Label("size: 2pt")),
                created="2026-08-06T00:00:00Z",
            ),
            issue("octo/front", 2, "Taken one", assignees=("alice",)),
        ],
        "octo/gone": [],
    }
    sources, snap = write_world(
        tmp_path, world, causes={"octo/front": "voting", "octo/gone": "housing"}
    )
    data = snapshot_format.loads(snap.read_bytes())
    gone = Repo(
        "octo/gone",
        "https://github.com/octo/gone",
        source="octo/gone",
        state=RepoState.MISSING,
        state_since="2026-08-07T00:00:00Z",
    )
    snap.write_bytes(snapshot_format.dumps(Snapshot(data.captured_at, (data.repos[0], gone))))
    out = tmp_path / "site"
    assert (
        cli.main(["--sources", str(sources), "--snapshot", str(snap), "--out", str(out), "-q"]) == 0
    )
    tree = read_tree(out)
    medium = tree["skills/frontend/medium/index.html"].decode()
    assert "Style the footer" in medium and "label <code>role: front end</code>" in medium
    assert "Style the footer" not in tree["skills/backend/index.html"].decode()
    assert "Style the footer" in tree["causes/voting/index.html"].decode()
    assert "Style the footer" in tree["languages/python/index.html"].decode()
    home = tree["index.html"].decode()
    assert "Taken one" not in home and ">new<" in home
    repo = tree["repos/octo/front/index.html"].decode()
    assert "Taken one" in repo and "assigned to @alice" in repo
    health = tree["health/index.html"].decode()
    assert health.index("octo/gone") < health.index("octo/front")
    assert "missing: not found: deleted, private or misspelt" in health
    api = json.loads(tree["api/issues.json"])
    assert [(i["number"], i["skills"], i["effort"]) for i in api["issues"]] == [
        (1, ["frontend"], "medium")
    ]
    for name in ("404.html", "sitemap.xml", "robots.txt", "about/index.html", "static/style.css"):
        assert name in tree


def test_claimed_issues_leave_the_lists_and_stale_ones_go_last_and_out_of_feeds(tmp_path):
    from generator.core.records import Comment

    claimed = issue(
        "octo/civic",
        1,
        "Claimed in a comment",
        comments_count=1,
        comments=(
            Comment("newcomer", "NONE", "2026-08-03T09:00:00Z", "Hi! Can I work on this issue?"),
        ),
    )
    released = issue(
        "octo/civic",
        2,
        "Claimed then released",
        comments_count=2,
        comments=(
            Comment("newcomer", "NONE", "2026-08-01T09:00:00Z", "I'd like to take this"),
            Comment(
                "keeper",
                "MEMBER",
                "2026-08-05T09:00:00Z",
                "Unassigning due to inactivity, feel free to pick this up",
            ),
        ),
    )
    stale = issue(
        "octo/civic",
        3,
        "Old and quiet",
        created="2024-01-01T00:00:00Z",
        updated="2024-06-01T00:00:00Z",
    )
    fresh = issue(
        "octo/civic", 4, "Fresh one", created="2023-01-01T00:00:00Z", updated="2026-08-01T00:00:00Z"
    )
    sources, snap = write_world(tmp_path, {"octo/civic": [claimed, released, stale, fresh]})
    out = tmp_path / "site"
    assert (
        cli.main(["--sources", str(sources), "--snapshot", str(snap), "--out", str(out), "-q"]) == 0
    )
    tree = read_tree(out)
    home = tree["index.html"].decode()
    assert "Claimed in a comment" not in home
    assert (
        home.index("Claimed then released") < home.index("Fresh one") < home.index("Old and quiet")
    )
    repo = tree["repos/octo/civic/index.html"].decode()
    # the date of the claim, which the reader's browser says in words ("5 days ago" on the capture's day)
    assert "claimed in a comment by @newcomer" in repo
    assert '<time datetime="2026-08-03T09:00:00Z" data-ago>3 Aug 2026</time>' in repo
    feed = feedparser.parse(tree["feeds/all.atom"])
    titles = [e.title for e in feed.entries]
    assert any("Fresh one" in t for t in titles) and not any("Old and quiet" in t for t in titles)
    api = json.loads(tree["api/issues.json"])
    assert {i["number"] for i in api["issues"]} == {2, 3, 4}


def test_big_skill_pages_show_the_newest_and_their_effort_pages_hold_every_issue(tmp_path):
    labels = {0: "size: 1pt", 1: "size: 2pt", 2: "size: 5pt"}
    world = {
        "octo/front": [
            issue(
                "octo/front",
                n,
                f"Frontend task {n}",
                labels=(Label("role: front end"), Label(labels[n % 3])),
                created=f"2026-0{1 + n % 7}-{1 + n % 28:02d}T00:00:00Z",
            )
            for n in range(1, 231)
        ]
    }
    sources, snap = write_world(tmp_path, world)
    out = tmp_path / "site"
    assert (
        cli.main(["--sources", str(sources), "--snapshot", str(snap), "--out", str(out), "-q"]) == 0
    )
    tree = read_tree(out)
    skill = tree["skills/frontend/index.html"].decode()
    assert skill.count('<li class="card">') == 200 and "The newest 200 of 230" in skill
    listed = set()
    for effort in ("small", "medium", "large"):
        assert f'href="/skills/frontend/{effort}/"' in skill
        page = tree[f"skills/frontend/{effort}/index.html"].decode()
        listed |= {n for n in range(1, 231) if f">Frontend task {n}<" in page}
    assert listed == set(range(1, 231))


def test_big_effort_and_language_pages_show_the_newest_and_link_pages_holding_every_issue(tmp_path):
    roles = ("role: front end", "role: back end")

    def small(repo: str, n: int):
        return issue(
            repo,
            n,
            f"Task {repo} {n}",
            labels=(Label(roles[n % 2]), Label("size: 1pt")),
            created=f"2026-0{1 + n % 7}-{1 + n % 28:02d}T00:00:00Z",
        )

    world = {"octo/one": [small("octo/one", n) for n in range(1, 151)]}
    world["octo/two"] = [small("octo/two", n) for n in range(1, 91)]
    sources, snap = write_world(tmp_path, world)
    out = tmp_path / "site"
    assert (
        cli.main(["--sources", str(sources), "--snapshot", str(snap), "--out", str(out), "-q"]) == 0
    )
    tree = read_tree(out)
    everyone = {(repo, n) for repo, issues in world.items() for n in range(1, len(issues) + 1)}

    def listed(page: str) -> set:
        return {(r, n) for r, n in everyone if f">Task {r} {n}<" in page}

    effort = tree["effort/small/index.html"].decode()
    assert effort.count('<li class="card">') == 200 and "The newest 200 of 240" in effort
    assert "All of them, by skill:" in effort
    held = set()
    for area in ("backend", "frontend"):
        assert f'href="/skills/{area}/small/"' in effort
        held |= listed(tree[f"skills/{area}/small/index.html"].decode())
    assert held == everyone
    language = tree["languages/python/index.html"].decode()
    assert language.count('<li class="card">') == 200 and "All of them, by project:" in language
    # The projects by name as written, the one with most issues first.
    assert language.index('href="/repos/octo/one/">octo/one (150)') < language.index(
        'href="/repos/octo/two/">octo/two (90)'
    )
    held = listed(tree["repos/octo/one/index.html"].decode())
    assert held | listed(tree["repos/octo/two/index.html"].decode()) == everyone


def test_cards_and_repo_pages_say_how_quickly_a_project_answers_once_it_can_be_measured(tmp_path):
    from generator.core.records import Comment

    def answered(repo, n):
        return issue(
            repo,
            n,
            f"{repo} task {n}",
            created="2026-07-01T00:00:00Z",
            comments_count=1,
            comments=(Comment("keeper", "MEMBER", "2026-07-02T12:00:00Z", "Thanks, go ahead."),),
        )

    world = {
        "octo/quick": [answered("octo/quick", n) for n in range(1, 6)],
        "octo/few": [answered("octo/few", n) for n in range(1, 3)],
    }
    sources, snap = write_world(tmp_path, world)
    out = tmp_path / "site"
    assert (
        cli.main(["--sources", str(sources), "--snapshot", str(snap), "--out", str(out), "-q"]) == 0
    )
    tree = read_tree(out)
    quick = tree["repos/octo/quick/index.html"].decode()
    assert "usually answers within 2 days" in quick
    assert (
        "first maintainer reply after 1 day (median), 5 of 5 recent labeled issues answered"
        in quick
    )
    few = tree["repos/octo/few/index.html"].decode()
    assert "usually answers" not in few and "<dt>Answers</dt>" not in few
    responsive = tree["responsive/index.html"].decode()
    assert responsive.index("octo/quick task") < responsive.index("octo/few task")


def test_a_project_listed_after_the_last_fetch_says_so_on_its_page_and_at_home(tmp_path):
    sources, snap = write_world(
        tmp_path, {"octo/civic": [issue("octo/civic", 1, "Fix the footer")]}
    )
    with sources.open("a") as file:
        file.write("  - repo: octo/newcomer\n    cause: voting\n")
    out = tmp_path / "site"
    assert (
        cli.main(["--sources", str(sources), "--snapshot", str(snap), "--out", str(out), "-q"]) == 0
    )
    tree = read_tree(out)
    page = tree["repos/octo/newcomer/index.html"].decode()
    assert "Not fetched yet: this project was listed after the last refresh" in page
    assert "No open labeled issues are free right now" not in page
    home = tree["index.html"].decode()
    assert "1 project listed here has not been fetched yet" in home
    assert 'Voting</a> <span class="count">0, 1 not fetched yet</span>' in home
    voting = tree[
        "causes/voting/index.html"
    ].decode()  # a cause with only waiting projects still has its page
    assert "No issues yet: the projects here have not been fetched." in voting
    assert "1 entry has not been fetched yet" in tree["health/index.html"].decode()
    assert "not fetched yet" in tree["repos/index.html"].decode()


def test_every_card_carries_the_project_and_the_ask(tmp_path):
    world = {
        "octo/civic": [
            issue(
                "octo/civic",
                n,
                f"Fix `thing` {n}",
                body=f"The footer overlaps the form on phones ({n}).",
            )
            for n in range(1, 4)
        ]
    }
    sources, snap = write_world(tmp_path, world, causes={"octo/civic": "civic-tech"})
    text = sources.read_text().replace(
        "    cause: civic-tech",
        '    cause: civic-tech\n    description: "Tenant rights app"\n'
        '    note: "Join our onboarding first."',
    )
    sources.write_text(text)
    out = tmp_path / "site"
    assert (
        cli.main(["--sources", str(sources), "--snapshot", str(snap), "--out", str(out), "-q"]) == 0
    )
    page = read_tree(out)["index.html"].decode()
    cards = page.split('<li class="card">')[1:]
    assert len(cards) == 3
    for card in cards:
        assert '<p class="card-about">Tenant rights app</p>' in card
        assert (
            '<span class="cause">· Civic tech</span>' in card
            and '<span class="lang">· Python</span>' in card
        )
        assert '<p class="card-text">The footer overlaps the form on phones' in card
        assert "Before you start: Join our onboarding first." in card
        assert "<code>thing</code>" in card


def test_big_cause_and_cause_skill_pages_show_the_newest_and_link_the_projects(tmp_path):
    def task(repo: str, n: int):
        return issue(
            repo,
            n,
            f"Task {repo} {n}",
            labels=(Label("role: back end"),),
            created=f"2026-0{1 + n % 7}-{1 + n % 28:02d}T00:00:00Z",
        )

    world = {"octo/one": [task("octo/one", n) for n in range(1, 161)]}
    world["octo/two"] = [task("octo/two", n) for n in range(1, 81)]
    sources, snap = write_world(tmp_path, world, causes=dict.fromkeys(world, "housing"))
    out = tmp_path / "site"
    args = ["--sources", str(sources), "--snapshot", str(snap), "--out", str(out), "-q"]
    assert cli.main(args) == 0
    tree = read_tree(out)
    everyone = {(repo, n) for repo, issues in world.items() for n in range(1, len(issues) + 1)}

    def listed(page: str) -> set:
        return {(r, n) for r, n in everyone if f">Task {r} {n}<" in page}

    for path in ("causes/housing/index.html", "causes/housing/backend/index.html"):
        page = tree[path].decode()
        assert page.count('<li class="card">') == 200 and "The newest 200 of 240" in page, path
        assert "All of them, by project:" in page
        assert page.index('href="/repos/octo/one/">octo/one (160)') < page.index(
            'href="/repos/octo/two/">octo/two (80)'
        )
    assert 'href="/causes/housing/backend/"' in tree["causes/housing/index.html"].decode()
    held = listed(tree["repos/octo/one/index.html"].decode())
    assert held | listed(tree["repos/octo/two/index.html"].decode()) == everyone
