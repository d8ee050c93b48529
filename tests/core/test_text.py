"""Strangers' text in Markdown reports and workflow commands cannot break out of where it is put."""

from __future__ import annotations

import pytest

from generator.core import text


@pytest.mark.parametrize(
    ("said", "span"),
    [
        ("plain", "`plain`"),
        ("a `tick`", "`` a `tick` ``"),
        ("``x``", "``` ``x`` ```"),
        ("line\nbreak", "`line break`"),
    ],
)
def test_code_spans_cannot_be_broken_out_of(said, span):
    assert text.md_code(said) == span


def test_a_table_cell_escapes_the_pipe_that_would_end_it():
    assert text.md_cell("a|b") == "`a\\|b`"


def test_workflow_commands_escape_what_the_runner_reads_as_syntax():
    line = text.annotation("warning", "50% done\nnext", title="a: b, c", line=3)
    assert line == "::warning title=a%3A b%2C c,line=3::50%25 done%0Anext"


def test_json_never_holds_markup():
    assert text.json_bytes({"t": "</script>"}) == b'{"t":"\\u003c/script>"}\n'
