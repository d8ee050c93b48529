"""The kinds of value a sources.yaml key holds: each checks a YAML node and gives its JSON Schema.

`read` returns the value, or None when it cannot be used; every problem goes to `check.error(node,
message)` with the node's own position. `seen` holds the values of the keys read before this one (in
table order)."""

from __future__ import annotations

import json
import re
from enum import StrEnum

import yaml

from .vocabulary import (
    CAUSES,
    CURLY_QUOTES,
    NAME_PATTERN,
    ORG_PATTERN,
    REPO_PATTERN,
    straighten,
    suggest,
)

STR_TAG = "tag:yaml.org,2002:str"
NULLS = ("", "~", "null", "Null", "NULL")
GITHUB_URL = re.compile(r"^(?:https?://)?(?:www\.)?github\.com/([^/\s]+)/([^/\s#?]+)")
PLAIN_SAFE = re.compile(r"[A-Za-z0-9][^,:#\[\]{}\"']*")
LABEL_NAME = {"pattern": r"\S", "not": {"pattern": f"[{''.join(CURLY_QUOTES)}]"}}
"""JSON Schema of a label name: some text, no curly quotes."""


class Kind:
    """How one key's value is read and described; `defs`: the JSON Schema `$defs` it refers to."""

    defs: dict = {}

    def read(self, check, node, key: str, seen: dict):
        raise NotImplementedError

    def schema(self) -> dict:
        raise NotImplementedError

    def missing(self, key: str, ident: str | None) -> str:
        """The message for an entry that lacks this required key."""
        return f"{f'entry {ident!r}' if ident else 'this entry'} needs `{key}`"


def text(check, node, key: str, item: str = "") -> str | None:
    """The text of a scalar written as a string, or None with a problem recorded.

    `item` names a list element or map key ("a label name"); otherwise messages name `key`.
    """
    what = item or f"`{key}`"
    empty = f"{what} is empty: " + ("remove it" if item else "give it a value or remove the line")
    if not isinstance(node, yaml.ScalarNode):
        kind = "a list" if isinstance(node, yaml.SequenceNode) else "a mapping"
        check.error(node, f"{what} must be text, not {kind}")
        return None
    if node.tag != STR_TAG:
        if node.value in NULLS:
            check.error(node, empty)
        else:
            check.error(node, f"{what} must be text: put quotes around {node.value!r}")
        return None
    if not node.value.strip():
        check.error(node, empty)
        return None
    return node.value


def straight(check, node, value: str | None, what: str, noun: str = "name") -> str | None:
    """`value`, or None with a problem when it has curly quotes (no GitHub name or label has)."""
    if value is None or not any(ch in CURLY_QUOTES for ch in value):
        return value
    check.error(
        node,
        f"{what} {value!r} has curly quotes, which never match a GitHub {noun}: "
        f'use straight quotes (") or none — did you mean {straighten(value)!r}?',
    )
    return None


def label(check, node, key: str) -> str | None:
    """One label name: text without curly quotes."""
    return straight(check, node, text(check, node, key, "a label name"), "label", "label")


def choice(check, node, options: list[str], what: str, key: str = "value") -> str | None:
    """One of `options`, with the closest suggested when it is not."""
    value = text(check, node, key)
    if value is None or value in options:
        return value
    check.error(node, f"unknown {what} {value!r}{suggest(value, options)} ({', '.join(options)})")
    return None


class Text(Kind):
    """Free text shown to volunteers; an unquoted ` #` would silently cut it short."""

    defs = {"text": {"type": "string", "pattern": r"\S"}}

    def read(self, check, node, key, seen):
        if not cut_short(check, node, key):
            return text(check, node, key)
        return None

    def schema(self):
        return {"$ref": "#/$defs/text"}


def cut_short(check, node, key: str) -> bool:
    """Record a problem when YAML took the end of an unquoted value for a comment, and dropped it."""
    if not isinstance(node, yaml.ScalarNode) or node.style is not None:
        return False
    end = node.end_mark
    line = check.lines[end.line] if end.line < len(check.lines) else ""
    found = re.match(r"[ \t]*#", line[end.column :])
    if not found:
        return False
    col = end.column + found.end() - 1
    if not node.value:
        hint = f"quote it: {key}: {json.dumps(line[col:].rstrip(), ensure_ascii=False)}"
        check.at(
            end.line,
            col,
            f"`{key}` is empty: YAML reads ` #` and what follows as a comment — {hint}",
        )
        return True
    start = node.start_mark
    whole = line[start.column :].rstrip() if start.line == end.line else ""
    fix = f": {key}: {json.dumps(whole, ensure_ascii=False)}" if whole else ""
    check.at(
        end.line,
        col,
        f"`{key}` is cut short at ` #`, which starts a comment, so it reads {node.value!r}: "
        f"put the whole value in quotes{fix} (or move a comment to a line of its own)",
    )
    return True


class RepoName(Kind):
    """`owner/name` of one GitHub repository."""

    def read(self, check, node, key, seen):
        value = straight(check, node, text(check, node, "repo"), "`repo`")
        if value is not None and value.endswith(".git") and REPO_PATTERN.fullmatch(value[:-4]):
            check.error(
                node, f"`repo` must be owner/name without '.git' — did you mean {value[:-4]!r}?"
            )
            return None
        if value is None or REPO_PATTERN.fullmatch(value):
            return value
        match = GITHUB_URL.match(value.strip())
        parts = [p for p in value.strip().strip("/").split("/") if p]
        if match:
            fix = f"{match[1]}/{match[2].removesuffix('.git')}"
            check.error(node, f"`repo` must be owner/name, not a URL — did you mean {fix!r}?")
        elif value.strip() != value or " " in value:
            fix = value.replace(" ", "")
            check.error(node, f"`repo` {value!r} contains spaces — did you mean {fix!r}?")
        elif len(parts) == 1:
            check.error(
                node,
                f"`repo` must be owner/name, not {value!r}; for every repo of an organization "
                f"write `org: {parts[0]}`",
            )
        else:
            check.error(
                node,
                f"`repo` must look like owner/name (letters, digits, '-', '.', '_'), not {value!r}",
            )
        return None

    def schema(self):
        return {"type": "string", "pattern": REPO_PATTERN.pattern, "not": {"pattern": r"\.git$"}}

    def missing(self, key, ident):
        return "entry without `repo: owner/name` (or `org: name` for a whole organization)"


class OrgName(Kind):
    """A GitHub organization (or user) name."""

    def read(self, check, node, key, seen):
        value = straight(check, node, text(check, node, "org"), "`org`")
        if value is None or ORG_PATTERN.fullmatch(value):
            return value
        hint = f" — for one repo write `repo: {value}`" if REPO_PATTERN.fullmatch(value) else ""
        check.error(
            node,
            f"`org` must be an organization name (letters, digits, '-'), not {value!r}{hint}",
        )
        return None

    def schema(self):
        return {"type": "string", "pattern": ORG_PATTERN.pattern}


class Cause(Kind):
    """One value of the fixed cause vocabulary."""

    defs = {
        "cause": {
            "enum": list(CAUSES),
            "description": "What the project is for.",
            "markdownDescription": "\n".join(
                f"- `{name}`: {covers}" for name, covers in CAUSES.items()
            ),
        }
    }

    def read(self, check, node, key, seen):
        value = text(check, node, "cause")
        if value is None or value in CAUSES:
            return value
        check.error(
            node, f"unknown cause {value!r}{suggest(value, CAUSES)} (causes: {', '.join(CAUSES)})"
        )
        return None

    def schema(self):
        return {"$ref": "#/$defs/cause"}

    def missing(self, key, ident):
        who = f"entry {ident!r}" if ident else "this entry"
        return f"{who} needs a `cause`: one of {', '.join(CAUSES)}"


class Choice(Kind):
    """One value of an enumeration (a skill area, say)."""

    def __init__(self, enum: type[StrEnum], what: str):
        self.enum, self.what = enum, what

    def read(self, check, node, key, seen):
        value = choice(check, node, [m.value for m in self.enum], self.what, key)
        return None if value is None else self.enum(value)

    def schema(self):
        return {"enum": [m.value for m in self.enum]}


class LabelList(Kind):
    """A non-empty list of label names, each once (labels match case-insensitively)."""

    defs = {
        "labels": {
            "type": "array",
            "minItems": 1,
            "description": "Label names, matched case-insensitively.",
            "items": {"type": "string", **LABEL_NAME},
        }
    }

    def __init__(self, example: str, if_empty: str = ""):
        self.example, self.if_empty = example, if_empty

    def read(self, check, node, key, seen):
        if isinstance(node, yaml.ScalarNode) and node.tag == STR_TAG and node.value.strip():
            check.error(node, f"`{key}` must be a list — write {key}: {as_list(node.value)}")
            return None
        if not isinstance(node, yaml.SequenceNode):
            check.error(
                node, f"`{key}` must be a list of label names, e.g. [{json.dumps(self.example)}]"
            )
            return None
        if not node.value:
            check.error(
                node,
                f"empty `{key}` list: name at least one label, or remove `{key}`{self.if_empty}",
            )
            return None
        names: list[str] = []
        for item in node.value:
            name = label(check, item, key)
            if name is None:
                continue
            if name.lower() in {n.lower() for n in names}:
                check.error(
                    item, f"label {name!r} is listed twice (labels match case-insensitively)"
                )
                continue
            names.append(name)
        return tuple(names)

    def schema(self):
        return {"$ref": "#/$defs/labels"}


def as_list(value: str) -> str:
    """A one-line YAML list for `value`: its comma-separated parts when it has several."""
    parts = [part.strip() for part in value.split(",") if part.strip()]
    if len(parts) < 2:
        return f"[{value!r}]"
    return "[" + ", ".join(p if PLAIN_SAFE.fullmatch(p) else json.dumps(p) for p in parts) + "]"


class LabelMap(Kind):
    """Label name → one value of an enumeration (a skill area, an effort)."""

    def __init__(self, enum: type[StrEnum], what: str):
        self.enum, self.what = enum, what

    def read(self, check, node, key, seen):
        options = [m.value for m in self.enum]
        if not isinstance(node, yaml.MappingNode) or not node.value:
            check.error(
                node,
                f'`{key}` must map labels to a {self.what}, e.g. "role: front end": {options[0]}',
            )
            return None
        pairs: dict[str, StrEnum] = {}
        for name_node, value in node.value:
            name = label(check, name_node, key)
            found = choice(check, value, options, self.what)
            if name is None or found is None:
                continue
            if name.lower() in pairs:
                check.error(
                    name_node, f"label {name!r} is mapped twice (labels match case-insensitively)"
                )
                continue
            pairs[name.lower()] = self.enum(found)
        return tuple(sorted(pairs.items()))

    def schema(self):
        return {
            "type": "object",
            "minProperties": 1,
            "propertyNames": LABEL_NAME,
            "additionalProperties": {"enum": [m.value for m in self.enum]},
        }


class ExcludeList(Kind):
    """Repo names (without the owner) of an organization."""

    def read(self, check, node, key, seen):
        org = seen.get("org")
        if not isinstance(node, yaml.SequenceNode) or not node.value:
            check.error(
                node, "`exclude` must be a non-empty list of repo names in the organization"
            )
            return None
        names = []
        for item in node.value:
            name = straight(
                check, item, text(check, item, "exclude", "a name in `exclude`"), "repo name"
            )
            if name is None:
                continue
            owner, _, short = name.rpartition("/")
            if owner and org and owner.lower() == org.lower() and NAME_PATTERN.fullmatch(short):
                check.error(
                    item, f"write just the repo name in `exclude` — did you mean {short!r}?"
                )
            elif not NAME_PATTERN.fullmatch(name):
                check.error(item, f"{name!r} is not a repo name (letters, digits, '-', '.', '_')")
            else:
                names.append(name)
        return tuple(sorted(set(names), key=str.lower))

    def schema(self):
        return {
            "type": "array",
            "minItems": 1,
            "items": {"type": "string", "pattern": NAME_PATTERN.pattern},
        }
