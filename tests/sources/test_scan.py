"""The raw-line scan finds mistakes where they are, and never in YAML that is merely unusual."""

import pytest

from generator import sources
from generator.core import errors
from generator.sources.scan import scan, split_lines

UNUSUAL = """\
\ufeff# yaml-language-server: $schema=./sources.schema.json
defaults:
  labels:
    - good first issue
    - "help wanted"   # a comment
  parked: [on hold]
sources:
- repo: hackforla/website
  cause: civic-tech
  note: >
    Folded text with\ta tab, a # sign,
    and\u00a0a no-break space.
  contact: "Slack #volunteers"
  description: 'It''s a "tool"\twith a tab and a\u00a0no-break space'
  labels: [
      good first issue,
      "help wanted"
    ]
  skills:
    "role: front end": frontend
    'back end': backend
- org: codeforboston
  cause: voting
  exclude:
  - old
  - "older"
  name: A name written
    on two lines
  effort: {"size: 1": small,
    "size: 2": medium}
"""

HEAD = "sources:\n  - repo: a/b\n    cause: voting\n"


def test_unusual_but_valid_yaml_loads():
    website, org = sources.parse(UNUSUAL)
    assert website.contact == "Slack #volunteers"
    assert website.labels == ("good first issue", "help wanted")
    assert website.note == "Folded text with\ta tab, a # sign, and\u00a0a no-break space.\n"
    assert org.name == "A name written on two lines" and org.exclude == ("old", "older")
    assert not [f for f in scan(split_lines(UNUSUAL)) if f.always]


def test_lines_are_counted_as_yaml_counts_them():
    assert split_lines("a\r\nb\rc\x85d\u2028e\nf") == ["a", "b", "c", "d", "e", "f"]
    assert split_lines("\ufeffa: b") == ["a: b"]


@pytest.mark.parametrize(
    ("text", "line", "col"),
    [
        (
            HEAD + "    labels: [x, y]  # ok\n    note: a\u00a0b\n",
            5,
            12,
        ),
        (
            HEAD + "    labels: [x]\n    name: \u00e9t\u00e9 #1\n",
            5,
            15,
        ),
    ],
)
def test_columns_count_characters_not_bytes(text, line, col):
    with pytest.raises(errors.SourcesInvalid) as raised:
        sources.parse(text)
    assert [(p.line, p.col) for p in raised.value.problems] == [(line, col)]


def test_a_comment_on_its_own_line_is_fine():
    text = HEAD + "    labels: [x]\n    # contact: Slack #volunteers\n"
    assert sources.parse(text)[0].contact == ""
