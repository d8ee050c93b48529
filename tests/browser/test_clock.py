"""Ages on the reader's clock: read months after the capture, nothing is "new" or "today", and every page
says how old its data is. The words the browser uses are the build's own (generator/core/dates.py)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from generator.core import dates
from tests.browser.conftest import guarded_context, watched_page

PAGES = ("", "skills/backend/", "effort/small/", "repos/", "about/")


@pytest.fixture
def late_page(browser, built_site):
    """A page read 120 days after the data was captured."""
    context = guarded_context(browser, built_site)
    page = watched_page(context)
    page.clock.set_fixed_time(built_site.captured_at + timedelta(days=120))
    yield page
    errors = page.errors
    context.close()
    assert errors == []


@pytest.mark.parametrize("path", PAGES)
def test_four_months_on_nothing_is_new_and_the_header_says_how_old_the_data_is(
    late_page, built_site, path
):
    late_page.goto(built_site.path(path))
    header = late_page.locator("#asof")
    assert "120 days ago" in header.inner_text()
    assert "old" in header.get_attribute("class") and "may be missing" in header.inner_text()
    cards = late_page.locator(".card")
    texts = cards.all_inner_texts()
    assert not [t for t in texts if "today" in t]
    assert late_page.locator(".card .new:visible").count() == 0
    ages = late_page.locator(".card time[data-ago]").all_inner_texts()
    assert all(age.endswith("ago") for age in ages)


def test_on_the_day_of_the_capture_recent_issues_are_new(page, built_site):
    page.goto(built_site.url)
    assert page.locator("#asof").inner_text().endswith(", today")
    assert "old" not in (page.locator("#asof").get_attribute("class") or "")
    assert page.locator(".card .new:visible").count() > 0


def test_without_javascript_dates_are_absolute(page_without_js, built_site):
    page_without_js.goto(built_site.url)
    times = page_without_js.locator(".card time").all_inner_texts()
    assert times and all(t[-4:].isdigit() for t in times)  # "7 Aug 2026", never "3 days ago"
    assert page_without_js.locator(".card .new:visible").count() == 0


AGES = [0, 0.5, 1, 6, 7, 13, 29, 30, 59, 61, 364, 365, 400, 800, 2000]


def test_the_browser_says_ages_and_dates_in_the_builds_own_words(page, built_site):
    page.goto(built_site.url)
    now = built_site.captured_at
    cases = [(now - timedelta(days=d)).isoformat() for d in AGES] + ["2026-08-08", "2024-02-29"]
    said = page.evaluate(
        """([cases, now]) => cases.map(c => {
            const t = window.ShovelReady.parse(c);
            return [window.ShovelReady.ago(t, Date.parse(now)), window.ShovelReady.day(t)];
        })""",
        [cases, now.isoformat()],
    )
    expected = [[dates.ago(dates.parse_time(c), now), dates.day(c)] for c in cases]
    assert said == expected
