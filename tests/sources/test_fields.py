"""The field table drives the loader, the JSON Schema and the docs; `parked` and `unparked`."""

import dataclasses
import os
from pathlib import Path

import pytest

from generator import sources
from generator.core import errors
from generator.core.records import Source
from generator.sources import docs, fields
from generator.sources import schema as sources_schema

ROOT = Path(__file__).resolve().parents[2]
ENTRY = "  - repo: hackforla/website\n    cause: civic-tech\n"


def _page_table(page: Path) -> str:
    section = page.read_text().split("## Every field\n", 1)[1].split("\n## ", 1)[0]
    return "".join(line + "\n" for line in section.splitlines() if line.startswith("|"))


def test_maintainers_page_field_table_is_the_field_tables(regenerate):
    """The "Every field" table is `docs.field_table()`; `pytest --regenerate` rewrites it in the page."""
    page = ROOT / "content" / "maintainers.md"
    if regenerate or os.environ.get("SHOVEL_REGENERATE") == "1":
        page.write_text(page.read_text().replace(_page_table(page), docs.field_table(), 1))
    assert _page_table(page) == docs.field_table(), "run pytest --regenerate to rewrite it"


def test_every_field_is_a_source_attribute_and_in_the_schema():
    attributes = {f.name for f in dataclasses.fields(Source)}
    defs = sources_schema.schema()["$defs"]
    for field in fields.FIELDS:
        assert field.key in attributes | {"org"}, field.key
        for place in field.entries:
            assert defs[f"{place}_entry"]["properties"][field.key]["description"] == field.doc
    assert fields.keys_for(fields.REPO) == sources.REPO_KEYS
    assert fields.keys_for(fields.DEFAULTS) == ("labels", "parked", "unparked")
    defaults = sources_schema.schema()["properties"]["defaults"]["properties"]
    assert list(defaults) == ["labels", "parked", "unparked"]


def test_parked_and_unparked_add_to_the_defaults():
    text = (
        "defaults:\n  labels: [good first issue]\n  parked: [On Hold]\n  unparked: [wontfix]\n"
        "sources:\n" + ENTRY + '    parked: [blocked, on hold]\n    unparked: ["status: blocked"]\n'
        "  - repo: openstates/people\n    cause: government-data\n    labels: [help wanted]\n"
    )
    website, people = sources.parse(text)
    assert website.parked == ("On Hold", "blocked")  # the first spelling of a label is kept
    assert website.unparked == ("wontfix", "status: blocked")
    assert (people.parked, people.unparked) == (("On Hold",), ("wontfix",))
    assert people.labels == ("help wanted",) and website.labels == ("good first issue",)


def test_parked_without_defaults():
    text = "sources:\n" + ENTRY + "    labels: [good first issue]\n    parked: [needs design]\n"
    (website,) = sources.parse(text)
    assert (website.parked, website.unparked) == (("needs design",), ())
    assert sources.parse(text.replace("    parked: [needs design]\n", ""))[0].parked == ()


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("[]", "empty `unparked` list: name at least one label, or remove `unparked`"),
        ("blocked", "`unparked` must be a list — write unparked: ['blocked']"),
        ("{a: b}", '`unparked` must be a list of label names, e.g. ["status: blocked"]'),
        ("[on hold, On Hold]", "label 'On Hold' is listed twice (labels match case-insensitively)"),
        (
            "[\u2018blocked\u2019]",
            "label '\u2018blocked\u2019' has curly quotes, which never match a GitHub label: "
            "use straight quotes (\") or none — did you mean 'blocked'?",
        ),
    ],
)
def test_unparked_errors(value, message):
    text = "defaults:\n  labels: [x]\nsources:\n" + ENTRY + f"    unparked: {value}\n"
    with pytest.raises(errors.SourcesInvalid) as raised:
        sources.parse(text)
    assert [p.message for p in raised.value.problems] == [message]
    assert raised.value.problems[0].line == 6


def test_org_entries_take_parked_too():
    text = "defaults:\n  labels: [x]\nsources:\n  - org: hackforla\n    cause: civic-tech\n"
    text += "    parked: [epic]\n"
    (org,) = sources.parse(text)
    assert org.is_org and org.parked == ("epic",)
