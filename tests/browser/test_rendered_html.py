"""What the script builds is valid HTML too: the filtered home page's DOM, serialized, to the Nu
HTML Checker."""

from __future__ import annotations

from urllib.parse import urlencode

from tests.browser.conftest import HOSTILE_LANGUAGE
from tests.nu_checker import check


def test_the_filtered_page_the_script_builds_is_valid(page, built_site, tmp_path):
    files = []
    views = (
        ("filtered", "?skill=data&fresh=365"),
        ("hostile", "?" + urlencode({"lang": HOSTILE_LANGUAGE})),
    )
    for name, query in views:
        page.goto(built_site.url + query)
        page.wait_for_function(
            "() => /match/.test(document.getElementById('f-status').textContent)"
        )
        assert page.locator("#cards > li.card").count() > 0
        path = tmp_path / f"{name}.html"
        path.write_text(
            "<!DOCTYPE html>\n" + page.evaluate("() => document.documentElement.outerHTML")
        )
        files.append(path)
    errors = check(files)
    assert {p.name: errors[str(p)] for p in files} == {p.name: [] for p in files}
