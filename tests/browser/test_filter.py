"""The home page's filters in Chromium: what they list, the URL they keep, the keyboard, the live region, safety.

Every expectation is computed from the build's own /api/issues.json, not from the script's index.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from urllib.parse import parse_qs, urlencode, urlsplit

from tests.browser.conftest import HOSTILE_LABEL, HOSTILE_LANGUAGE, HOSTILE_TITLES

CARD_LINKS = "#cards .card-title a"
HREFS = "links => links.map(a => a.href)"


def all_shown(page) -> list[str]:
    """Every card's GitHub link, pressing "Show more" until the whole match is listed."""
    more = page.locator("#f-more")
    while more.is_visible():
        before = page.locator("#cards > li").count()
        more.click()
        page.wait_for_function(f"() => document.querySelectorAll('#cards > li').length > {before}")
    return page.locator(CARD_LINKS).evaluate_all("links => links.map(a => a.href)")


def listed(site) -> list[dict]:
    """The API's issues the page lists until asked for more: all but those with no activity for a year."""
    return [i for i in site.api["issues"] if not i["stale"]]


def expected(site, keep, stale: bool = False, order: str = "ready") -> list[str]:
    """The API's issues the filters should list, in the list's order: issues with no activity for a year
    only when asked; "ready tonight" first (the API is newest first, which breaks ties), or newest."""
    chosen = [i for i in site.api["issues"] if (stale or not i["stale"]) and keep(i)]
    if order == "ready":
        chosen = sorted(chosen, key=lambda i: -i["ready"]["score"])
    return [i["url"] for i in chosen]


def status(page) -> str:
    return page.locator("#f-status").inner_text()


def wait_for_status(page, start: str) -> None:
    """Wait until the live region's text starts with `start` (so "2 issues" never passes for "12
    issues")."""
    page.wait_for_function(
        "t => document.getElementById('f-status').textContent.startsWith(t)", arg=start
    )


def wait_for_result(page) -> None:
    """Wait until the live region reports a count (the index is loaded and the filters applied)."""
    page.wait_for_function(
        "() => /^([0-9,]+ issues? match|No issues match)/.test("
        "document.getElementById('f-status').textContent)"
    )


def any_small(issue) -> bool:
    return not issue["skills"] and issue["effort"] == "small"


def test_filtering_by_skill_and_effort_lists_only_matching_cards(page, built_site):
    page.goto(built_site.url)
    assert page.locator("#filters").is_visible() and not page.locator("#facets").is_visible()
    page.select_option("#f-skill", "any")
    page.select_option("#f-effort", "small")
    want = expected(built_site, any_small)
    # a match bigger than one screenful, smaller than all
    assert 100 < len(want) < len(listed(built_site))
    wait_for_status(page, f"{len(want)} issues match")
    cards = page.locator("#cards > li.card")
    for i in range(cards.count()):
        card = cards.nth(i)
        assert card.locator(".skill").all_inner_texts() == ["any skill"]
        assert card.locator(".effort").inner_text() in ("small effort", "small effort (a guess)")
    assert all_shown(page) == want
    assert parse_qs(urlsplit(page.url).query) == {"skill": ["any"], "effort": ["small"]}
    assert page.locator("#f-page").get_attribute("href") == "/shovel/skills/any/small/"


def test_counts_beside_each_choice_follow_the_other_filters(page, built_site):
    page.goto(built_site.url + "?skill=backend")
    wait_for_result(page)
    for effort in ("small", "medium", "large"):
        chosen = [
            i for i in listed(built_site) if "backend" in i["skills"] and i["effort"] == effort
        ]
        guessed = sum(1 for i in chosen if i["effort_is_guess"])
        text = page.locator(f"#f-effort option[value={effort}]").inner_text()
        said = f", {guessed} guessed" if guessed else ""
        assert text == f"{effort.capitalize()} ({len(chosen)}{said})"
    backend = sum(1 for i in listed(built_site) if "backend" in i["skills"])
    assert page.locator("#f-skill option[value=backend]").inner_text() == f"Backend ({backend})"


def test_a_filtered_url_reloads_to_the_same_view(page, built_site):
    page.goto(built_site.url + "?skill=any&effort=small")
    wait_for_result(page)
    first = all_shown(page)
    assert first == expected(built_site, any_small)
    page.reload()
    wait_for_result(page)
    assert page.locator("#f-skill").input_value() == "any"
    assert page.locator("#f-effort").input_value() == "small"
    assert all_shown(page) == first


def test_without_javascript_the_facet_pages_list_the_same_issues(page, page_without_js, built_site):
    page.goto(built_site.url + "?skill=frontend&effort=small")
    wait_for_result(page)
    with_script = all_shown(page)
    page_without_js.goto(built_site.url)
    assert not page_without_js.locator("#filters").is_visible()
    page_without_js.get_by_role("link", name="Frontend", exact=True).click()
    page_without_js.wait_for_url("**/skills/frontend/")
    page_without_js.goto(built_site.path("skills/frontend/small/"))
    facet_page = page_without_js.locator(CARD_LINKS).evaluate_all("links => links.map(a => a.href)")
    assert facet_page == with_script
    assert with_script == expected(
        built_site, lambda i: "frontend" in i["skills"] and i["effort"] == "small"
    )
    assert with_script  # an empty view would prove nothing


def test_the_capped_home_page_points_to_every_issue_without_javascript(page_without_js, built_site):
    page_without_js.goto(built_site.url)
    total = len(listed(built_site))
    shown = page_without_js.locator("#cards > li.card").count()
    assert shown < total
    note = page_without_js.locator("#more-note")
    assert f"The newest {shown} of {total}" in note.inner_text()
    pages = note.get_by_role("link").evaluate_all("links => links.map(a => a.href)")
    held = set()
    for linked in pages:  # the skill × effort pages, which together hold every issue
        page_without_js.goto(linked)
        held |= set(page_without_js.locator(CARD_LINKS).evaluate_all(HREFS))
    assert held == set(expected(built_site, lambda i: True))


def test_free_text_freshness_cause_and_language(page, built_site):
    issues = listed(built_site)
    word = "test"
    page.goto(built_site.url)
    page.fill("#f-q", word)
    said = ("title", "repo", "description", "language", "cause")
    want = expected(
        built_site, lambda i: word in "\n".join([*(i[k] for k in said), *i["labels"]]).lower()
    )
    wait_for_status(page, f"{len(want)} issue")
    assert all_shown(page) == want and 0 < len(want) < len(issues)

    asof = datetime.fromisoformat(built_site.api["data_as_of"].replace("Z", "+00:00"))

    def fresh(issue, days):
        times = [
            datetime.fromisoformat(t.replace("Z", "+00:00"))
            for t in (issue["created"], issue["last_activity"])
            if t
        ]
        times = [t if t.tzinfo else t.replace(tzinfo=asof.tzinfo) for t in times]
        return bool(times) and asof - max(times) <= timedelta(days=days)

    page.goto(built_site.url + "?fresh=365")
    want = expected(built_site, lambda i: fresh(i, 365))
    wait_for_status(page, f"{len(want)} issue")
    assert all_shown(page) == want and 0 < len(want) < len(issues)

    cause, language = issues[0]["cause"], issues[0]["language"]
    page.goto(built_site.url)
    page.select_option("#f-cause", cause)
    page.select_option("#f-lang", language)
    want = expected(built_site, lambda i: i["cause"] == cause and i["language"] == language)
    wait_for_status(page, f"{len(want)} issue")
    assert all_shown(page) == want


def test_the_result_is_announced_in_a_polite_live_region(page, built_site):
    page.goto(built_site.url)
    region = page.locator("#f-status")
    assert region.get_attribute("role") == "status"  # implies aria-live="polite"
    assert region.inner_text() == ""
    page.select_option("#f-effort", "large")
    large = sum(1 for i in listed(built_site) if i["effort"] == "large")
    wait_for_status(page, count_text(large))
    page.fill("#f-q", "no issue has this in its title qqqzzz")
    wait_for_status(page, "No issues match")
    assert page.locator("#cards > li").count() == 0


def focused(page) -> dict:
    return page.evaluate("""() => {
        const el = document.activeElement, style = getComputedStyle(el);
        return {id: el.id, tag: el.tagName, outline: style.outlineStyle, width: parseFloat(style.outlineWidth),
                text: el.textContent.trim().slice(0, 40)};
    }""")


def tab_to(page, element_id: str, limit: int = 30) -> list[dict]:
    """Press Tab until the element has focus; every element passed on the way must show its focus."""
    seen = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        now = focused(page)
        seen.append(now)
        assert now["outline"] != "none" and now["width"] >= 2, f"focus not visible on {now}"
        if now["id"] == element_id:
            return seen
    raise AssertionError(f"#{element_id} never got focus by Tab: {seen}")


def has_words(issue, text: str) -> bool:
    said = ("title", "repo", "description", "language", "cause")
    haystack = "\n".join([*(issue[k] for k in said), *issue["labels"]]).lower()
    return all(word in haystack for word in text.lower().split())


def count_text(n: int) -> str:
    return "No issues match" if n == 0 else "1 issue matches" if n == 1 else f"{n:,} issues match"


def test_the_filters_work_by_keyboard_alone(page, built_site):
    page.goto(built_site.url)
    walked = tab_to(page, "f-q")
    assert walked[0]["text"] == "Skip to the issues"
    page.keyboard.type("test")
    wait_for_status(page, count_text(len(expected(built_site, lambda i: has_words(i, "test")))))
    tab_to(page, "f-skill", limit=1)
    page.keyboard.press("ArrowDown")  # the first choice after "All skill areas"
    first_area = page.locator("#f-skill option").nth(1).get_attribute("value")
    assert page.locator("#f-skill").input_value() == first_area
    skills = (
        (lambda i: not i["skills"])
        if first_area == "any"
        else (lambda i: first_area in i["skills"])
    )
    want = expected(built_site, lambda i: skills(i) and has_words(i, "test"))
    wait_for_status(page, count_text(len(want)))
    assert all_shown(page) == want
    assert parse_qs(urlsplit(page.url).query) == {"q": ["test"], "skill": [first_area]}
    page.locator("#f-skill").focus()  # back from the cards "Show more" may have reached
    # past effort, cause, language, freshness, the stale box, order
    tab_to(page, "f-clear", limit=7)
    page.keyboard.press("Enter")
    wait_for_status(page, count_text(len(listed(built_site))))
    assert urlsplit(page.url).query == ""
    assert page.locator("#f-q").input_value() == ""


def test_show_more_moves_focus_to_the_first_new_card(page, built_site):
    page.goto(built_site.url + "?effort=small")
    wait_for_result(page)
    before = page.locator("#cards > li").count()
    page.focus("#f-more")
    page.keyboard.press("Enter")
    page.wait_for_function(f"() => document.querySelectorAll('#cards > li').length > {before}")
    new_first = page.locator("#cards > li").nth(before).locator("a").first
    assert new_first.evaluate("a => a === document.activeElement")
    wait_for_status(page, f"Showing {page.locator('#cards > li').count()} of")


def test_hostile_titles_labels_and_languages_stay_text(page, built_site):
    page.goto(built_site.url + "?" + urlencode({"lang": HOSTILE_LANGUAGE}))
    wait_for_status(page, count_text(len(HOSTILE_TITLES)))
    assert page.locator("#f-lang").input_value() == HOSTILE_LANGUAGE
    assert sorted(page.locator("#cards .card-title a").all_inner_texts()) == sorted(
        map(shown, HOSTILE_TITLES)
    )
    assert page.locator("#cards").locator("img, script, svg, b").count() == 0
    assert page.locator("#cards .card-title code").all_inner_texts() == ["${alert('template')}"]
    assert HOSTILE_LABEL in page.locator("#cards .label").all_inner_texts()
    for link in page.locator("#cards .card-title a").all():
        assert link.get_attribute("href").startswith("https://github.com/hostile/repo/issues/")
    page.fill("#f-q", "onerror")
    page.select_option("#f-lang", "")
    wait_for_status(page, count_text(len(expected(built_site, lambda i: has_words(i, "onerror")))))
    assert HOSTILE_TITLES[0] in page.locator("#cards .card-title a").all_inner_texts()
    page.goto(built_site.path("repos/hostile/repo/"))
    assert sorted(page.locator(".card-title a").all_inner_texts()) == sorted(
        map(shown, HOSTILE_TITLES)
    )
    # The page fixture fails the test if any of this opened a dialog or raised a script error.


def shown(title: str) -> str:
    """A title as a reader sees it: `backticked` parts are set as code, without the backticks."""
    return re.sub(r"`([^`\n]+)`", r"\1", title)


def test_a_missing_index_leaves_the_links(page, built_site):
    page.route("**/filter-index.json", lambda route: route.fulfill(status=404, body="gone"))
    page.goto(built_site.url + "?effort=small")
    wait_for_status(page, "The full list could not be loaded")
    assert page.locator("#facets").is_visible() and not page.locator("#filters").is_visible()
    assert page.locator("#cards > li.card").count() > 0  # the page's own cards are still there


def test_the_index_is_loaded_only_when_the_filters_are_used(page, built_site):
    requested = []
    page.on("request", lambda request: requested.append(request.url.rsplit("/", 1)[1]))
    page.goto(built_site.url)
    page.wait_for_load_state("networkidle")
    assert [n for n in requested if n.startswith("filter")] == ["filter.js"]
    with page.expect_response("**/filter-index.json"):
        page.focus("#f-q")  # reaching for the filters fetches the index, titles not yet
    assert "filter-blocks-0.json" not in requested
    page.select_option("#f-effort", "small")
    wait_for_result(page)
    assert [n for n in requested if n.startswith("filter")] == [
        "filter.js",
        "filter-index.json",
        "filter-blocks-0.json",
    ]


def test_a_single_facet_view_links_to_its_own_page(page, page_without_js, built_site):
    page_without_js.goto(built_site.url)
    static_links = set(
        page_without_js.locator("#facets a").evaluate_all("links => links.map(a => a.pathname)")
    )
    page.goto(built_site.url)
    offered = set()
    for select in ("#f-skill", "#f-effort", "#f-cause", "#f-lang"):
        for value in page.locator(f"{select} option").evaluate_all(
            "options => options.map(o => o.value)"
        )[1:]:
            page.select_option(select, value)
            wait_for_result(page)
            offered.add(page.locator("#f-page").evaluate("a => a.pathname"))
        page.select_option(select, "")
    assert offered == static_links  # the script's slugs are the build's
    page.select_option("#f-lang", page.locator("#f-lang option").nth(1).get_attribute("value"))
    page.select_option("#f-effort", "small")
    wait_for_result(page)
    # No page shows a language and an effort together: the closest one that lists more is offered.
    link = page.locator("#f-page")
    assert link.inner_text() == "Closest page and feed (it lists more than this view)"
    assert link.evaluate("a => a.pathname").endswith("/effort/small/")
    page.select_option("#f-effort", "")
    page.select_option("#f-skill", "backend")
    page.select_option("#f-cause", page.locator("#f-cause option").nth(1).get_attribute("value"))
    page.select_option("#f-lang", "")
    wait_for_result(page)
    cause = page.locator("#f-cause").input_value()
    assert link.inner_text() == "Page and feed for this view"
    assert link.evaluate("a => a.pathname").endswith(f"/causes/{cause}/backend/")


CARD_FACTS = """cards => cards.map(card => ({
    text: card.innerText.replace(/\\s+/g, " ").trim(),
    links: [...card.querySelectorAll("a")].map(a => a.getAttribute("href")),
    times: [...card.querySelectorAll("time")].map(t => [t.getAttribute("datetime"), t.title, t.textContent]),
    classes: [...card.querySelectorAll("[class]")].map(el => el.className),
}))"""


def test_cards_the_script_builds_match_the_cards_the_build_wrote(page, built_site):
    # Both kinds are read with JavaScript on, so site.js has put every date in words on both.
    page.goto(built_site.url)
    newest = page.locator("#cards > li.card").evaluate_all(CARD_FACTS)
    page.goto(built_site.path("effort/small/"))
    small = page.locator("#cards > li.card").evaluate_all(CARD_FACTS)
    page.goto(built_site.url)
    page.select_option("#f-effort", "small")
    wait_for_result(page)
    all_shown(page)
    scripted = page.locator("#cards > li.card").evaluate_all(CARD_FACTS)
    # The effort page shows the first 200 of its issues, in the order the script lists them.
    assert len(small) == min(200, len(scripted)) and scripted[: len(small)] == small
    assert any(t[0] and len(t[0]) == 10 for card in small for t in card["times"])  # bare dates too
    guessed = ["small effort (a guess)" in card["text"] for card in small]
    assert any(guessed) and not all(guessed)  # sizes from labels and guesses from text, alike
    page.select_option("#f-effort", "")  # no filter: the script lists the newest issues itself
    wait_for_status(page, count_text(len(listed(built_site))))
    built = page.locator("#cards > li.card").evaluate_all(CARD_FACTS)
    assert len(built) == 100
    assert built == newest[:100]


def test_ready_tonight_first_by_default_newest_first_on_request(page, built_site):
    scores = {i["url"]: i["ready"]["score"] for i in built_site.api["issues"]}
    assert len(set(scores.values())) > 1  # the world has readier issues and less ready ones
    page.goto(built_site.url + "?effort=small")
    wait_for_result(page)
    shown = all_shown(page)
    assert shown == expected(built_site, lambda i: i["effort"] == "small")
    assert [scores[u] for u in shown] == sorted((scores[u] for u in shown), reverse=True)
    page.select_option("#f-order", "newest")
    wait_for_result(page)
    assert all_shown(page) == expected(built_site, lambda i: i["effort"] == "small", order="newest")
    assert parse_qs(urlsplit(page.url).query)["order"] == ["newest"]
    first = page.locator("#cards .ready").first.inner_text()
    assert first.startswith("Ready tonight:")


def test_a_ready_issue_says_why_on_its_card_with_and_without_javascript(
    page, page_without_js, built_site
):
    from tests.browser.conftest import READY_TITLE

    words = (
        "Ready tonight: has steps · says what done looks like · names the files · contributing guide"
        " · dev container · merges outsiders' pull requests"
    )
    page_without_js.goto(built_site.url)
    first = page_without_js.locator("#cards > li.card").first
    # the readiest comes first
    assert READY_TITLE in first.inner_text() and words in first.inner_text()
    page.goto(built_site.url + "?lang=Python")
    wait_for_result(page)
    card = page.locator("#cards > li.card").first
    assert READY_TITLE in card.inner_text() and words in card.inner_text()
