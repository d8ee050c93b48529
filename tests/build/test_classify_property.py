"""classify holds up on any text strangers can write: it never fails, and its answer is well formed."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.build import classify as c
from generator.core.errors import SourcesError
from generator.core.records import Effort, Issue, Label, Repo, SkillArea

# Text drawn towards what the rules look at: label punctuation, extensions, checklists, headings.
words = st.sampled_from(
    [
        "role:",
        "size:",
        "1pt",
        "front end",
        ".scss",
        "Figma",
        "- [ ]",
        "### Resources",
        "data",
        "E-easy",
        "🎨",
        ":memo:",
        "/",
        "&",
        "(",
        ")",
        "http://x.y/z",
        "design",
        "-",
    ]
)
text = st.lists(st.one_of(words, st.text(max_size=12)), max_size=30).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(
    title=text,
    body=text,
    labels=st.lists(text, max_size=6),
    language=st.sampled_from(["", "Python", "TeX"]),
)
@pytest.mark.slow
def test_any_issue_gets_a_well_formed_answer(title, body, labels, language):
    issue = Issue(
        repo="o/n", number=1, title=title, url="", labels=tuple(Label(n) for n in labels), body=body
    )
    result = c.classify(issue, Repo(name_with_owner="o/n", url="", language=language))
    assert list(result.skills) == [area for area in SkillArea if area in result.skills]
    assert isinstance(result.effort, Effort) and isinstance(result.effort_is_guess, bool)
    assert result.effort_is_guess == (result.reasons[-1].endswith("a guess"))
    assert set(c.to_record(result)) == {"skills", "effort", "reasons", "effort_is_guess"}
    assert result.reasons and all(isinstance(reason, str) and reason for reason in result.reasons)
    assert c.classify(issue, Repo(name_with_owner="o/n", url="", language=language)) == result


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3)
    ),
    max_leaves=8,
)


@settings(max_examples=300, deadline=None)
@given(
    record=st.dictionaries(
        st.sampled_from(["repo", "title", "body", "labels", "language", "topics", "number"]),
        json_values,
        max_size=7,
    )
)
@pytest.mark.slow
def test_any_json_line_is_read_or_refused_with_its_line_number(record):
    try:
        issue, repo = c.parse_record(json.dumps(record), "in.jsonl", 9)
    except SourcesError as error:
        assert error.line == 9 and error.path == "in.jsonl" and error.message
    else:
        assert issue.title.strip() and all(isinstance(label.name, str) for label in issue.labels)
        c.classify(issue, repo)
