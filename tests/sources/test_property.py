"""Property: any text given to the loader yields sources or positioned problems — never a traceback."""

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator import sources
from generator.core import errors
from generator.core.records import Source

KEYS = [*sources.ORG_KEYS, "repo", "lables", "repository", "", "<<"]
WORDS = [
    "hackforla/website",
    "hackforla",
    "civic-tech",
    "Climate",
    "frontend",
    "small",
    "good first issue",
    "a/b/c",
    "https://github.com/a/b",
    "",
    " ",
    "~",
    "yes",
    "12",
    "x: y",
    "- z",
    "[",
    "'",
    "\t",
    "é",
]
scalars = st.one_of(
    st.sampled_from(WORDS), st.text(max_size=12), st.integers(), st.booleans(), st.none()
)
values = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(st.sampled_from(KEYS) | st.text(max_size=5), inner, max_size=4)
    ),
    max_leaves=12,
)
entries = st.dictionaries(st.sampled_from(KEYS), values, max_size=6)
documents = st.fixed_dictionaries(
    {},
    optional={
        "defaults": st.dictionaries(st.sampled_from(["labels", "label"]), values, max_size=2),
        "sources": st.lists(entries, max_size=4) | values,
        "other": values,
    },
)

VALID = "defaults:\n  labels: [good first issue]\nsources:\n  - repo: hackforla/website\n    cause: civic-tech\n"


def _holds(text: str) -> None:
    try:
        found = sources.parse(text, "s.yaml")
    except errors.SourcesInvalid as invalid:
        assert invalid.problems
        lines = sum(text.count(br) for br in "\n\r\x85\u2028\u2029") + 2  # YAML's line breaks
        for problem in invalid.problems:
            assert isinstance(problem, errors.SourcesError)
            assert 1 <= problem.line <= lines and problem.col >= 1
            assert problem.message and str(problem).startswith(
                f"s.yaml:{problem.line}:{problem.col}: error: "
            )
        return
    assert isinstance(found, tuple) and all(isinstance(s, Source) for s in found)
    assert all(s.cause in sources.CAUSES and s.line >= 1 for s in found)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=200))
def test_any_text(text):
    _holds(text)


@pytest.mark.slow
@settings(max_examples=200, deadline=None)
@given(documents)
def test_any_yaml_shaped_like_sources(document):
    _holds(yaml.safe_dump(document, allow_unicode=True))


@settings(max_examples=300, deadline=None)
@given(st.integers(0, len(VALID)), st.integers(0, 8), st.text(max_size=6))
def test_any_edit_of_a_valid_file(at, cut, insert):
    _holds(VALID[:at] + insert + VALID[at + cut :])


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=120))
def test_any_bytes_on_disk(data):
    import tempfile

    with tempfile.NamedTemporaryFile(suffix=".yaml") as handle:
        handle.write(data)
        handle.flush()
        try:
            sources.load(handle.name)
        except errors.SourcesInvalid as invalid:
            assert invalid.problems and all(p.line >= 1 and p.col >= 1 for p in invalid.problems)
