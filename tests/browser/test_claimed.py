"""Claimed issues in Chromium: out of the home page's list and its filters, shown apart on their
repo page."""

from __future__ import annotations

from tests.browser.conftest import ASSIGNED_TITLE, CLAIMS_REPO, COMMENT_CLAIMED_TITLE
from tests.browser.test_filter import all_shown, wait_for_result

CLAIMED = (ASSIGNED_TITLE, COMMENT_CLAIMED_TITLE)


def test_claimed_issues_are_on_their_repo_page_with_the_reason(page, built_site):
    page.goto(built_site.path(f"repos/{CLAIMS_REPO}/"))
    taken = page.locator("ol.claimed > li.card")
    assert taken.count() == 2
    text = " ".join(taken.all_inner_texts())
    assert "Taken: assigned to @ana" in text
    assert "Taken: claimed in a comment by @newcomer 3 days ago" in text
    free = page.locator("h2:has-text('Issues to take') ~ ol.cards").first.inner_text()
    assert not any(title in free for title in CLAIMED)


def test_claimed_issues_are_absent_from_the_home_page_with_and_without_javascript(
    page, page_without_js, built_site
):
    page_without_js.goto(built_site.url)
    assert not any(title in page_without_js.content() for title in CLAIMED)
    page.goto(built_site.url + "?q=claims%2Frepo")
    wait_for_result(page)
    assert all_shown(page) == []
    assert page.locator("#f-status").inner_text().startswith("No issues match")
