"""Strangers' titles with `code` in them: code spans as <code>, every other character escaped."""

from __future__ import annotations

import html
import re

from hypothesis import given
from hypothesis import strategies as st

from generator.build.render.words import CODE_SPAN, inline_code


def test_code_spans_become_code_and_markup_stays_text():
    assert inline_code("Fix `<b>` in `a & b` <script>") == (
        "Fix <code>&lt;b&gt;</code> in <code>a &amp; b</code> &lt;script&gt;"
    )
    assert inline_code('No code "here" & <there>') == "No code &#34;here&#34; &amp; &lt;there&gt;"
    assert inline_code("An odd ` backtick") == "An odd ` backtick"


@given(st.text(alphabet="ab `<>&\"'", max_size=40))
def test_only_code_tags_are_markup_and_no_character_is_lost(title):
    out = str(inline_code(title))
    assert re.sub(r"</?code>", "", out).count("<") == 0
    # Each code span loses its two backticks, and nothing else is lost.
    assert html.unescape(re.sub(r"</?code>", "", out)) == CODE_SPAN.sub(r"\1", title)
