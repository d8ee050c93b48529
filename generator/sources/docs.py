"""The "## Every field" table of content/maintainers.md, written from the field table."""

from __future__ import annotations

from .fields import FIELDS, ORG, REPO, Field


def required(field: Field) -> str:
    """The "required" cell: whether an entry needs the key, and where else it may be written."""
    if field.entries == (REPO,):
        return "yes (or `org`)" if field.required else "no, `repo` only"
    if field.entries == (ORG,):
        return "instead of `repo`" if field.required else "no, `org` only"
    if field.required:
        return "yes"
    return "no, also in `defaults`" if field.defaults else "no"


def field_table() -> str:
    """The Markdown table: one row per key, in table order."""
    rows = ["| key | required | what it means |", "| --- | --- | --- |"]
    rows += [f"| `{field.key}` | {required(field)} | {field.doc} |" for field in FIELDS]
    return "\n".join(rows) + "\n"
