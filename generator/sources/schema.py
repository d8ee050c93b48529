"""The JSON Schema of sources.yaml, built from the loader's own vocabulary so the two cannot drift.

sources.schema.json is this module's `dumps()`; tests/test_sources_schema.py fails when they differ and
rewrites the file when run with SHOVEL_REGENERATE=1.
"""

from __future__ import annotations

import json

from . import loader as sources
from ..core.records import Effort, SkillArea

TEXT_HELP = {
    "name": "Display name, when the repo name is not what people call the project.",
    "description": "One sentence on what the project does, for volunteers.",
    "contact": "Where volunteers can ask first: a chat invite, a forum, an email address.",
    "note": "Shown on the repo page, e.g. \"join our onboarding first\".",
}


def _label_map(kind, what: str) -> dict:
    return {
        "type": "object",
        "description": f"Your labels (matched case-insensitively) → {what}.",
        "minProperties": 1,
        "propertyNames": {"pattern": r"\S"},
        "additionalProperties": {"enum": [m.value for m in kind]},
    }


def _entry(ident: str) -> dict:
    properties = {
        "cause": {"$ref": "#/$defs/cause"},
        "labels": {"$ref": "#/$defs/labels"},
        "skills": _label_map(SkillArea, "skill area"),
        "effort": _label_map(Effort, "effort"),
        "default_skill": {"enum": [m.value for m in SkillArea],
                          "description": "Skill area of issues whose labels say nothing about it."},
        **{key: {"$ref": "#/$defs/text", "description": TEXT_HELP[key]} for key in sources.TEXT_KEYS},
    }
    if ident == "repo":
        head = {"repo": {"type": "string", "pattern": sources.REPO_PATTERN.pattern,
                         "not": {"pattern": r"\.git$"}, "description": "owner/name, as on GitHub."}}
    else:
        head = {
            "org": {"type": "string", "pattern": sources.ORG_PATTERN.pattern,
                    "description": "A GitHub organization: all its public, non-archived repos."},
            "exclude": {"type": "array", "minItems": 1, "description": "Repo names of the org to leave out.",
                        "items": {"type": "string", "pattern": sources.NAME_PATTERN.pattern}},
        }
    keys = sources.REPO_KEYS if ident == "repo" else sources.ORG_KEYS
    merged = {**head, **properties}
    return {
        "type": "object",
        "required": [ident, "cause"],
        "additionalProperties": False,
        "properties": {key: merged[key] for key in keys},
    }


def schema() -> dict:
    """The JSON Schema (draft 2020-12) that editors use to complete and check sources.yaml."""
    causes = "\n".join(f"- `{name}`: {meaning}" for name, meaning in sources.CAUSES.items())
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Shovel Ready sources.yaml",
        "description": "The repositories Shovel Ready lists. See content/maintainers.md.",
        "type": "object",
        "required": ["sources"],
        "additionalProperties": False,
        "properties": {
            "defaults": {
                "type": "object",
                "additionalProperties": False,
                "properties": {"labels": {"$ref": "#/$defs/labels",
                                          "description": "Beginner labels pulled when an entry names none."}},
            },
            "sources": {"type": "array", "minItems": 1,
                        "items": {"oneOf": [{"$ref": "#/$defs/repo_entry"}, {"$ref": "#/$defs/org_entry"}]}},
        },
        "$defs": {
            "cause": {"enum": list(sources.CAUSES), "description": "What the project is for.",
                      "markdownDescription": causes},
            "labels": {"type": "array", "minItems": 1, "description": "Label names, matched case-insensitively.",
                       "items": {"type": "string", "pattern": r"\S"}},
            "text": {"type": "string", "pattern": r"\S"},
            "repo_entry": _entry("repo"),
            "org_entry": _entry("org"),
        },
    }


def dumps() -> str:
    """The exact text of sources.schema.json."""
    return json.dumps(schema(), indent=2, ensure_ascii=False) + "\n"
