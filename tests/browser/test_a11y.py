"""Accessibility in Chromium: axe-core finds no violation, in light and dark; the layout holds at 320 px.

axe-core 4.14.1 is vendored in tests/browser/vendor/ (MPL-2.0, licence beside it) so the tests need
no network. Its script is put into the page by the test, so these contexts bypass the site's CSP;
every rule axe runs by default is run (WCAG A/AA and best practices), colour contrast included."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.browser.conftest import guarded_context, watched_page

AXE = (Path(__file__).parent / "vendor" / "axe.min.js").read_text()
PAGES = {
    "home": "",
    "home, filtered by the script": "?skill=backend&effort=small&q=a",
    "skill page": "skills/backend/",
    "skill and effort page": "skills/backend/small/",
    "repo page": "repos/hostile/repo/",
    "health page": "health/",
    "about page": "about/",
    "404 page": "404.html",
}


def violations(page) -> list[str]:
    page.add_script_tag(content=AXE)
    found = page.evaluate("""async () => {
        const result = await axe.run(document, {resultTypes: ["violations"]});
        return result.violations.map(v => `${v.id} (${v.impact}): ${v.help} — ` +
            v.nodes.slice(0, 3).map(n => n.target.join(" ")).join(", "));
    }""")
    return found


@pytest.fixture(params=["light", "dark"])
def scheme_page(request, browser, built_site):
    context = guarded_context(
        browser,
        built_site,
        color_scheme=request.param,
        bypass_csp=True,
        viewport={"width": 1000, "height": 800},
    )
    page = watched_page(context)
    yield page
    errors, outside = page.errors, context.outside
    context.close()
    assert errors == [] and outside == []


def test_axe_finds_no_violation_on_any_page_type(scheme_page, built_site):
    found = {}
    for name, path in PAGES.items():
        scheme_page.goto(built_site.path(path))
        if "?" in path:
            scheme_page.wait_for_function(
                "() => /match/.test(document.getElementById('f-status').textContent)"
            )
            assert scheme_page.locator("#cards > li.card").count() > 0
        found[name] = violations(scheme_page)
    assert found == {name: [] for name in PAGES}


def test_axe_finds_no_violation_without_javascript(browser, built_site):
    context = guarded_context(browser, built_site, java_script_enabled=True, bypass_csp=True)
    # The script is blocked, not JavaScript: axe itself needs it, the page must look as it does
    # without it.
    context.route("**/filter.js", lambda route: route.abort())
    page = context.new_page()
    page.goto(built_site.url)
    assert page.locator("#facets").is_visible() and not page.locator("#filters").is_visible()
    found = violations(page)
    context.close()
    assert found == []


@pytest.mark.parametrize(
    "path", ["", "?effort=medium", "repos/hostile/repo/", "health/", "skills/backend/"]
)
def test_pages_fit_a_320_pixel_screen(browser, built_site, path):
    context = guarded_context(
        browser, built_site, viewport={"width": 320, "height": 640}, is_mobile=True
    )
    page = watched_page(context)
    page.goto(built_site.path(path))
    if "?" in path:
        page.wait_for_function(
            "() => /match/.test(document.getElementById('f-status').textContent)"
        )
    overflow = page.evaluate("""() => [...document.querySelectorAll('body *')]
        .filter(el => el.getBoundingClientRect().right > document.documentElement.clientWidth + 1
                      && !el.closest('.health'))
        .slice(0, 5).map(el => el.tagName + '.' + el.className)""")
    width = page.evaluate("() => document.documentElement.scrollWidth")
    context.close()
    assert overflow == [] and width <= 320


def test_reduced_motion_is_respected(browser, built_site):
    context = guarded_context(browser, built_site, reduced_motion="reduce")
    page = watched_page(context)
    page.goto(built_site.url)
    durations = page.evaluate("""() => [...document.querySelectorAll('*')].map(el => getComputedStyle(el))
        .filter(s => parseFloat(s.transitionDuration) > 0 || parseFloat(s.animationDuration) > 0).length""")
    smooth = page.evaluate("() => getComputedStyle(document.documentElement).scrollBehavior")
    context.close()
    assert durations == 0 and smooth != "smooth"
