"""sources.schema.json and the loader must not drift: one vocabulary, the same verdicts."""

import json
import os
from pathlib import Path

import jsonschema
import pytest
import yaml

from generator import sources
from generator.core import errors
from generator.core.records import Effort, SkillArea
from generator.sources import schema as sources_schema

ROOT = Path(__file__).resolve().parents[2]
SCHEMA_FILE = ROOT / "sources.schema.json"
CASES = ROOT / "tests" / "data" / "sources"
# Problems no JSON Schema can state: repeats (case-insensitive or lost by YAML→JSON), org coverage,
# a rule across `defaults` and entries, a comment that cuts a value short (JSON has no comments),
# and files that are not YAML at all.
LOADER_ONLY = {
    "17-duplicate-case.yaml",
    "18-covered-by-org.yaml",
    "25-duplicate-key.yaml",
    "27-label-twice.yaml",
    "33-no-defaults-no-labels.yaml",
    "37-duplicate-org.yaml",
    "47-skill-label-twice.yaml",
    "59-contact-cut-by-hash.yaml",
}


def _validator():
    schema = json.loads(SCHEMA_FILE.read_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def test_schema_file_is_generated_from_the_loader(regenerate):
    """`pytest --regenerate` (or SHOVEL_REGENERATE=1, the older way) rewrites the file."""
    if regenerate or os.environ.get("SHOVEL_REGENERATE") == "1":
        SCHEMA_FILE.write_text(sources_schema.dumps())
    assert SCHEMA_FILE.read_text() == sources_schema.dumps(), (
        "run pytest --regenerate to rewrite it"
    )


def test_schema_vocabulary_is_the_loaders():
    defs = json.loads(SCHEMA_FILE.read_text())["$defs"]
    assert defs["cause"]["enum"] == list(sources.CAUSES)
    assert list(defs["repo_entry"]["properties"]) == list(sources.REPO_KEYS)
    assert list(defs["org_entry"]["properties"]) == list(sources.ORG_KEYS)
    assert defs["repo_entry"]["properties"]["skills"]["additionalProperties"]["enum"] == [
        m.value for m in SkillArea
    ]
    assert defs["repo_entry"]["properties"]["effort"]["additionalProperties"]["enum"] == [
        m.value for m in Effort
    ]


def test_schema_accepts_a_real_catalog():
    data = yaml.safe_load((ROOT / "tests" / "data" / "catalog" / "sources.yaml").read_text())
    assert list(_validator().iter_errors(data)) == []


@pytest.mark.parametrize("name", sorted(p.name for p in CASES.glob("*.yaml")))
def test_schema_and_loader_agree_on_malformed_files(name):
    with pytest.raises(errors.SourcesInvalid):
        sources.load(str(CASES / name))
    try:
        data = yaml.safe_load((CASES / name).read_bytes().decode("utf-8"))
    except (UnicodeDecodeError, yaml.YAMLError):
        return  # not YAML: editors report it before any schema applies
    schema_rejects = bool(list(_validator().iter_errors(data)))
    assert schema_rejects == (name not in LOADER_ONLY)


def _table(markdown: str, heading: str) -> dict[str, str]:
    section = markdown.split(f"## {heading}\n", 1)[1].split("\n## ", 1)[0]
    rows = [line.split(" | ") for line in section.splitlines() if line.startswith("| `")]
    return {row[0].strip("| `"): row[-1].rstrip(" |") for row in rows}


def test_maintainers_page_documents_the_loaders_vocabulary():
    page = (ROOT / "content" / "maintainers.md").read_text()
    assert _table(page, "Causes") == sources.CAUSES
    assert list(_table(page, "Every field")) == list(
        dict.fromkeys([*sources.REPO_KEYS[:1], "org", "exclude", *sources.REPO_KEYS[1:]])
    )
