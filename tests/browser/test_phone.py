"""No page is wider than a phone: one page of every type, at 360 × 740, with and without JavaScript.

A page fits when the document is no wider than the screen (`scrollWidth` ≤ 360) and no element or
text reaches past its right edge, unless it sits inside an element that scrolls (or clips) on its
own, such as a table wrapper with `overflow-x: auto`. A failure names what sticks out: its tag,
class, how far it reaches and how its text starts.

The repo page is the built world's longest owner/name (conftest's LONG_REPO, as long as GitHub
allows an owner and with nowhere to break a line); every listing checked is one that shows its card
when there is one. Page types that the site does not build yet are listed too and skip, naming the
path, until they exist."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from tests.browser.conftest import LONG_REPO, BuiltSite, guarded_context, watched_page
from tests.helpers import ROOT

WIDTH, HEIGHT = 360, 740
READ_AFTER = timedelta(days=45)


def _first(site: Path, pattern: str, preferred: str | None = None) -> str | None:
    """A built page matching `pattern` (relative, with a trailing slash): the first that shows the
    long repo (its card is the widest thing a listing holds), else `preferred`, else the first.
    """
    found = sorted(p.parent.relative_to(site).as_posix() + "/" for p in site.glob(pattern))
    for path in found:
        if LONG_REPO.split("/")[0] in (site / path / "index.html").read_text():
            return path
    if preferred and preferred in found:
        return preferred
    return found[0] if found else None


def _longest_repo(site: Path) -> str | None:
    repos = [p.parent.relative_to(site).as_posix() for p in site.glob("repos/*/*/index.html")]
    return max(repos, key=lambda r: (len(r), r)) + "/" if repos else None


def _content_pages() -> dict[str, object]:
    return {
        f"content page {md.stem}": f"{md.stem}/" for md in sorted((ROOT / "content").glob("*.md"))
    }


# name: the page's path under the site, or a function of the built folder that finds one.
PAGES: dict[str, object] = {
    "home": "",
    "skill page": lambda site: _first(site, "skills/*/index.html", "skills/backend/"),
    "skill × effort page": lambda site: _first(
        site, "skills/*/*/index.html", "skills/backend/small/"
    ),
    "effort page": lambda site: _first(site, "effort/*/index.html", "effort/small/"),
    "cause page": lambda site: _first(site, "causes/*/index.html"),
    "language page": lambda site: _first(site, "languages/*/index.html"),
    "responsive page": "responsive/",
    "repo page (longest owner/name)": _longest_repo,
    **_content_pages(),
    "health page": "health/",
    "404 page": "404.html",
    # Being added: they skip, naming the path, until the build writes them.
    "directory of projects": "repos/",
    "index of causes": "causes/",
    "cause × skill page": lambda site: _first(site, "causes/*/*/index.html"),
}

# What reaches past the right edge, outermost first: elements whose parent does not, and text
# whose element does not (a long word can stick out of a heading that is itself as wide as the
# screen). Anything inside an element that scrolls or clips horizontally on its own is not counted:
# it cannot widen the page. `html` and `body` do not count as such: clipping there hides content.
OVERFLOW = """(width) => {
    const edge = width + 0.5;
    const contained = (el) => {
        for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
            if (['auto', 'scroll', 'hidden', 'clip'].includes(getComputedStyle(a).overflowX)) {
                return true;
            }
        }
        return false;
    };
    const sticksOut = (el) => el.getBoundingClientRect().right > edge;
    const describe = (el, right, what) => {
        const cls = typeof el.className === 'string' && el.className.trim()
            ? '.' + el.className.trim().split(/\\s+/).join('.') : '';
        const text = (el.textContent || '').replace(/\\s+/g, ' ').trim().slice(0, 50);
        return `<${el.tagName.toLowerCase()}${cls}>${what} reaches ${Math.round(right)} px: "${text}"`;
    };
    const found = [];
    for (const el of [document.body, ...document.body.querySelectorAll('*')]) {
        const right = el.getBoundingClientRect().right;
        if (right > edge && !(el.parentElement && sticksOut(el.parentElement)) && !contained(el)) {
            found.push(describe(el, right, ''));
        }
    }
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const el = node.parentElement;
        if (!node.textContent.trim() || !el || sticksOut(el) || contained(node)) continue;
        range.selectNodeContents(node);
        const right = Math.max(0, ...[...range.getClientRects()].map(r => r.right));
        if (right > edge) found.push(describe(el, right, ' (its text)'));
    }
    return found;
}"""


def _resolve(site: BuiltSite, name: str) -> str:
    where = PAGES[name]
    path = where(site.root) if callable(where) else where
    if path is None:
        pytest.skip(f"{name}: the build writes no such page yet")
    target = site.root / path / "index.html" if path.endswith("/") or not path else site.root / path
    if not target.is_file():
        pytest.skip(f"{name}: {path} is not built yet")
    return path


@pytest.mark.parametrize("javascript", [True, False], ids=["with JavaScript", "without JavaScript"])
@pytest.mark.parametrize("name", list(PAGES))
def test_no_page_is_wider_than_a_360_pixel_phone(browser, built_site, name, javascript):
    path = _resolve(built_site, name)
    context = guarded_context(
        browser,
        built_site,
        viewport={"width": WIDTH, "height": HEIGHT},
        is_mobile=True,
        has_touch=True,
        java_script_enabled=javascript,
    )
    page = watched_page(context)
    # Read well after the capture, on a fixed clock: the ages in words are long and the header warns
    # that the data is old, the widest a page gets.
    page.clock.set_fixed_time(built_site.captured_at + READ_AFTER)
    try:
        response = page.goto(built_site.path(path))
        assert response is not None and response.ok, f"/{path} did not load"
        page.wait_for_load_state("load")
        width = page.evaluate("() => document.documentElement.scrollWidth")
        sticking_out = page.evaluate(OVERFLOW, WIDTH)
    finally:
        errors, outside = page.errors, context.outside
        context.close()
    shown = "\n  ".join(sticking_out[:8]) + (
        f"\n  … and {len(sticking_out) - 8} more" if len(sticking_out) > 8 else ""
    )
    assert width <= WIDTH and sticking_out == [], (
        f"/{path} is {width} px wide at {WIDTH} px; sticking out:\n  {shown or '(nothing found)'}"
    )
    assert errors == [] and outside == []
