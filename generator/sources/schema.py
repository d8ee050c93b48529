"""The JSON Schema of sources.yaml, from the field table: the schema and the loader cannot drift.

sources.schema.json is this module's `dumps()`; tests/sources/test_schema.py fails when they differ,
and rewrites the file under `pytest --regenerate`."""

from __future__ import annotations

import json

from .fields import DEFAULTS, FIELDS, ORG, REPO, fields_for


def _mapping(place: str) -> dict:
    fields = fields_for(place)
    required = [field.key for field in fields if field.required]
    return {
        "type": "object",
        **({"required": required} if required else {}),
        "additionalProperties": False,
        "properties": {field.key: field.schema() for field in fields},
    }


def schema() -> dict:
    """The JSON Schema (draft 2020-12) that editors use to complete and check sources.yaml."""
    defs = {name: spec for field in FIELDS for name, spec in field.kind.defs.items()}
    entries = [{"$ref": "#/$defs/repo_entry"}, {"$ref": "#/$defs/org_entry"}]
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Shovel Ready sources.yaml",
        "description": "The repositories Shovel Ready lists. See content/maintainers.md.",
        "type": "object",
        "required": ["sources"],
        "additionalProperties": False,
        "properties": {
            "defaults": _mapping(DEFAULTS),
            "sources": {"type": "array", "minItems": 1, "items": {"oneOf": entries}},
        },
        "$defs": {**defs, "repo_entry": _mapping(REPO), "org_entry": _mapping(ORG)},
    }


def dumps() -> str:
    """The exact text of sources.schema.json."""
    return json.dumps(schema(), indent=2, ensure_ascii=False) + "\n"
