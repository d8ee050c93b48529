"""One built site, one web server on 127.0.0.1 and one Chromium for every browser test of the session.

The site is built from a world generated like bench/render.py's (the frozen catalog's real titles,
labels and dates on made-up `bench-…` repos, more issues than the home page shows) plus a repo of
hostile issues, under the path prefix /shovel/ so the script's links are checked with a prefix too.
Chromium is Debian's (/usr/bin/chromium, installed by .ci/run); Playwright never downloads a
browser. Every request a page makes is checked: one that would leave the site's origin is refused
and recorded, and the test that caused it fails."""

from __future__ import annotations

import functools
import importlib.util
import json
import os
import shutil
import threading
from dataclasses import dataclass
from datetime import datetime, timedelta
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from generator import cli
from generator.core import snapshot as snapshot_format
from generator.core.dates import parse_time
from generator.core.records import Comment, Issue, Label, Readiness, Repo, Snapshot
from generator.fetch.outline import outline
from tests.helpers import CATALOG, ROOT

# Debian's Chromium; SHOVEL_CHROMIUM names another Chromium-based browser (GitHub's runners ship
# Chrome).
CHROMIUM = os.environ.get("SHOVEL_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
PREFIX = "/shovel/"
HOSTILE_REPO = "hostile/repo"
HOSTILE_TITLES = (
    '<img src=x onerror=alert("title")>',
    '"><script>alert("quote")</script>',
    "</script><svg onload=alert('svg')>",
    "javascript:alert('link') `${alert('template')}`",
)
HOSTILE_LABEL = '<b onmouseover=alert("label")>'
HOSTILE_LANGUAGE = '"><img src=x onerror=alert("language")>'
# As long as GitHub allows an owner (39 characters) and with nowhere to break a line, nor in a word of
# its issue's title: every page that shows it must still fit a phone (tests/browser/test_phone.py).
LONG_REPO = (
    "longestpossibleorganisationnameongithub/"
    "arepositorynamewithnohyphenorotherplacewherealinecouldbreak"
)
LONG_TITLE = "Rename getTheConfigurationLoaderFactoryForEveryEnvironmentVariable in settings"


def _bench_module():
    spec = importlib.util.spec_from_file_location("bench_render", ROOT / "bench" / "render.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@dataclass(frozen=True)
class BuiltSite:
    root: Path
    """The built site's folder (what the server serves under PREFIX)."""
    url: str
    """http://127.0.0.1:port/shovel/"""
    origin: str
    api: dict
    """The build's own /api/issues.json: what every filtered view is checked against."""
    captured_at: datetime
    """When the world's data was captured: pages are read on a clock set to it unless a test says otherwise."""

    def path(self, relative: str) -> str:
        return self.url + relative


def _hostile_world(sources: Path, snapshot: Path) -> None:
    """Add a repo whose issues, label and language are written to break out of HTML, attributes and
    JS, and one whose name and title are written to break out of a phone's screen.
    """
    data = snapshot_format.loads(snapshot.read_bytes())
    issues = tuple(
        Issue(
            repo=HOSTILE_REPO,
            number=n,
            title=title,
            url=f"https://github.com/{HOSTILE_REPO}/issues/{n}",
            created="2026-08-01T10:00:00Z",
            labels=(Label(HOSTILE_LABEL, "ff0000"), Label("good first issue")),
            comments_count=1,
        )
        for n, title in enumerate(HOSTILE_TITLES, start=1)
    )
    repo = Repo(
        name_with_owner=HOSTILE_REPO,
        url=f"https://github.com/{HOSTILE_REPO}",
        source=HOSTILE_REPO,
        language=HOSTILE_LANGUAGE,
        description='<script>alert("description")</script>',
        issues=issues,
    )
    long = Repo(
        name_with_owner=LONG_REPO,
        url=f"https://github.com/{LONG_REPO}",
        source=LONG_REPO,
        language="Python",
        issues=(
            Issue(
                repo=LONG_REPO,
                number=1,
                title=LONG_TITLE,
                url=f"https://github.com/{LONG_REPO}/issues/1",
                created="2026-08-01T10:00:00Z",
                labels=(Label("good first issue"),),
                comments_count=0,
            ),
        ),
    )
    snapshot.write_bytes(
        snapshot_format.dumps(Snapshot(data.captured_at, data.repos + (repo, long), data.captures))
    )
    with sources.open("a") as file:
        file.write(f"  - repo: {HOSTILE_REPO}\n    cause: labor\n")
        file.write(f"  - repo: {LONG_REPO}\n    cause: labor\n")


CLAIMS_REPO = "claims/repo"
ASSIGNED_TITLE = "Issue someone is assigned to"
COMMENT_CLAIMED_TITLE = "Issue claimed in a comment"


def _claims_world(sources: Path, snapshot: Path) -> None:
    """Add a repo with one assigned issue and one claimed in a recent comment: neither is takeable."""
    data = snapshot_format.loads(snapshot.read_bytes())
    asof = parse_time(data.captured_at)
    claimed_at = (asof - timedelta(days=3)).strftime("%Y-%m-%dT%H:%M:%SZ")
    issues = (
        Issue(
            repo=CLAIMS_REPO,
            number=1,
            title=ASSIGNED_TITLE,
            url=f"https://github.com/{CLAIMS_REPO}/issues/1",
            created=claimed_at,
            labels=(Label("good first issue"),),
            assignees=("ana",),
            comments_count=0,
        ),
        Issue(
            repo=CLAIMS_REPO,
            number=2,
            title=COMMENT_CLAIMED_TITLE,
            url=f"https://github.com/{CLAIMS_REPO}/issues/2",
            created=claimed_at,
            labels=(Label("good first issue"),),
            comments_count=1,
            comments=(Comment("newcomer", "NONE", claimed_at, "Can I work on this issue?"),),
        ),
    )
    repo = Repo(
        name_with_owner=CLAIMS_REPO,
        url=f"https://github.com/{CLAIMS_REPO}",
        source=CLAIMS_REPO,
        language="Python",
        issues=issues,
    )
    snapshot.write_bytes(
        snapshot_format.dumps(Snapshot(data.captured_at, data.repos + (repo,), data.captures))
    )
    with sources.open("a") as file:
        file.write(f"  - repo: {CLAIMS_REPO}\n    cause: labor\n")


READY_REPO = "ready/repo"
READY_TITLE = "Show the last refresh in the footer"
READY_BODY = """### Overview
Show the date of the last refresh in the footer.

### Action items
- [ ] Add a `last_refresh` field to `app/models/site.py`
- [ ] Show it in `templates/footer.html`

### Acceptance criteria
- The footer says when the data was last refreshed.
"""


def _ready_world(sources: Path, snapshot: Path) -> None:
    """Add a project that is ready for a newcomer, with one issue that says what to do, what done looks
    like and where to look, and one that says nothing of the kind."""
    data = snapshot_format.loads(snapshot.read_bytes())
    asof = parse_time(data.captured_at)
    created = (asof - timedelta(days=40)).strftime("%Y-%m-%dT%H:%M:%SZ")
    readiness = Readiness(
        contributing=f"https://github.com/{READY_REPO}/blob/HEAD/CONTRIBUTING.md",
        dev_environment=(".devcontainer",),
        merged=20,
        merged_from_outside=6,
        merged_from_newcomers=2,
    )

    def ready_issue(number: int, title: str, body: str) -> Issue:
        return Issue(
            repo=READY_REPO,
            number=number,
            title=title,
            url=f"https://github.com/{READY_REPO}/issues/{number}",
            created=created,
            labels=(Label("good first issue"),),
            comments_count=0,
            body=body,
            outline=outline(body, READY_REPO) if body else None,
        )

    issues = (ready_issue(1, READY_TITLE, READY_BODY), ready_issue(2, "Think about colours", ""))
    repo = Repo(
        name_with_owner=READY_REPO,
        url=f"https://github.com/{READY_REPO}",
        source=READY_REPO,
        language="Python",
        readiness=readiness,
        issues=issues,
    )
    snapshot.write_bytes(
        snapshot_format.dumps(Snapshot(data.captured_at, data.repos + (repo,), data.captures))
    )
    with sources.open("a") as file:
        file.write(f"  - repo: {READY_REPO}\n    cause: labor\n")


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the base class's signature
        pass


@pytest.fixture(scope="session")
def built_site(tmp_path_factory):
    """The generated world built under /shovel/ and served on 127.0.0.1 for the whole session."""
    folder = tmp_path_factory.mktemp("browser-world")
    sources, snapshot = _bench_module().generate(420, 30, folder, CATALOG)
    _hostile_world(sources, snapshot)
    _claims_world(sources, snapshot)
    _ready_world(sources, snapshot)
    served = folder / "www"
    out = served / PREFIX.strip("/")
    assert (
        cli.main(
            [
                "build",
                "--sources",
                str(sources),
                "--snapshot",
                str(snapshot),
                "--out",
                str(out),
                "--base-url",
                PREFIX,
                "-q",
            ]
        )
        == 0
    )
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(served)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    origin = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        api = json.loads((out / "api" / "issues.json").read_text())
        captured = parse_time(snapshot_format.loads(snapshot.read_bytes()).captured_at)
        yield BuiltSite(out, origin + PREFIX, origin, api, captured)
    finally:
        server.shutdown()
        server.server_close()
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium, headless, shared by the session."""
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).is_file():
        pytest.fail(
            f"{CHROMIUM} is missing: install Debian's chromium package (.ci/run does) or set "
            "SHOVEL_CHROMIUM"
        )
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def guarded_context(browser, site: BuiltSite, **options):
    """A browser context that refuses, and records, every request leaving the site's origin."""
    context = browser.new_context(**options)
    context.outside = []

    def route(route):
        if route.request.url.startswith(site.origin + "/"):
            route.continue_()
        else:
            context.outside.append(route.request.url)
            route.abort()

    context.route("**/*", route)
    return context


def watched_page(context):
    """A new page that records script errors and dismisses (and records) any dialog."""
    page = context.new_page()
    page.set_default_timeout(15000)  # generous: CI machines are often busy
    page.errors, page.dialogs = [], []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.dismiss()))
    return page


@pytest.fixture
def page(browser, built_site):
    """A fresh page with JavaScript on; fails the test on a script error, a dialog or an outside
    request."""
    context = guarded_context(browser, built_site, viewport={"width": 1000, "height": 800})
    page = watched_page(context)
    # ages in words are counted from the reader's now
    page.clock.set_fixed_time(built_site.captured_at)
    yield page
    errors, dialogs, outside = page.errors, page.dialogs, context.outside
    context.close()
    assert errors == [], "script errors"
    assert dialogs == [], "a dialog opened: a stranger's text ran as script"
    assert outside == [], "requests left the site's origin"


@pytest.fixture
def page_without_js(browser, built_site):
    """A fresh page with JavaScript off: what a visitor without the script gets."""
    context = guarded_context(browser, built_site, java_script_enabled=False)
    page = context.new_page()
    yield page
    outside = context.outside
    context.close()
    assert outside == []
