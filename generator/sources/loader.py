"""sources.yaml → tuple[Source], every problem collected with file:line:col.

Which keys exist, where, and how each is checked is the field table (`fields.py`); this module walks
the file along it and adds the rules that span keys and entries (repo or org, duplicates, coverage).
"""

from __future__ import annotations

import yaml

from ..core.errors import SourcesError, SourcesInvalid
from ..core.records import Source
from .fields import DEFAULTS, ORG, REPO, fields_for, keys_for
from .syntax import compose, position, split_lines
from .vocabulary import suggest

TOP_KEYS = ("defaults", "sources")
REPO_KEYS = keys_for(REPO)
ORG_KEYS = keys_for(ORG)


def load(path: str) -> tuple[Source, ...]:
    """Read and validate sources.yaml; raise SourcesInvalid listing every problem found."""
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError as error:
        problem = SourcesError(path, 1, 1, f"cannot read the file ({error.strerror})")
        raise SourcesInvalid([problem]) from error
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line, col = position(data[: error.start].decode("utf-8", "replace"), error.start)
        message = f"not UTF-8 text (byte 0x{data[error.start]:02x}): save the file as UTF-8"
        raise SourcesInvalid([SourcesError(path, line, col, message)]) from error
    return parse(text, path)


def parse(text: str, path: str = "sources.yaml") -> tuple[Source, ...]:
    """Validate sources.yaml text; raise SourcesInvalid listing every problem found."""
    checker = _Checker(path, split_lines(text))
    sources = checker.check(compose(text, path))
    if checker.problems:
        raise SourcesInvalid(checker.problems)
    return sources


class _Checker:
    """Walks the YAML node tree once, recording every problem with its node's position."""

    def __init__(self, path: str, lines: list[str]):
        self.path = path
        self.lines = lines
        """The file's lines as YAML counts them, for what the node tree leaves out (comments)."""
        self.problems: list[SourcesError] = []

    def error(self, node, message: str) -> None:
        self.at(node.start_mark.line, node.start_mark.column, message)

    def at(self, line: int, column: int, message: str) -> None:
        """Record a problem at a 0-based line and column, as YAML marks count them."""
        self.problems.append(SourcesError(self.path, line + 1, column + 1, message))

    def check(self, root) -> tuple[Source, ...]:
        if root is None:
            self.at(
                0,
                0,
                "the file is empty: it needs `sources:`, a list of entries (see "
                "content/maintainers.md)",
            )
            return ()
        if not isinstance(root, yaml.MappingNode):
            self.error(root, "the file must be a mapping with `defaults:` and `sources:`")
            return ()
        top = self.mapping(root, TOP_KEYS, "at the top level")
        defaults = self.defaults(top["defaults"][1]) if "defaults" in top else {}
        if "sources" not in top:
            self.error(root, "missing `sources:`, the list of repositories")
            return ()
        entries = top["sources"][1]
        if not isinstance(entries, yaml.SequenceNode) or not entries.value:
            self.error(
                entries,
                "`sources` must be a list of entries, each starting with `- repo:` or `- org:`",
            )
            return ()
        found = [pair for pair in (self.entry(node, defaults) for node in entries.value) if pair]
        return self.unique(found)

    def defaults(self, node) -> dict:
        """The usable values of `defaults`, by key."""
        given = self.mapping(node, keys_for(DEFAULTS), "in `defaults`", what="`defaults`")
        values = {}
        for field in fields_for(DEFAULTS):
            if field.key in given:
                values[field.key] = field.kind.read(self, given[field.key][1], field.key, values)
        return {key: value for key, value in values.items() if value is not None}

    def mapping(self, node, keys, where: str, what: str = "this") -> dict:
        """{key: (key node, value node)} with unknown and repeated keys reported."""
        if not isinstance(node, yaml.MappingNode):
            self.error(node, f"{what} must be a mapping of `key: value` lines")
            return {}
        fields: dict = {}
        for key, value in node.value:
            name = key.value if isinstance(key, yaml.ScalarNode) else None
            if name is None:
                self.error(key, f"a key must be a plain name, one of {', '.join(keys)}")
            elif name in fields:
                first = fields[name][0].start_mark.line + 1
                self.error(key, f"duplicate key {name!r} (first at line {first}): keep one")
            elif name not in keys:
                self.error(key, f"unknown key {name!r} {where}{suggest(name, keys)}")
            else:
                fields[name] = (key, value)
        return fields

    def entry(self, node, defaults: dict) -> tuple[Source, object] | None:
        """The entry's Source and the node of its `repo`/`org` value, or None if it is unusable."""
        if not isinstance(node, yaml.MappingNode):
            self.error(
                node,
                "each entry must be a mapping that starts with `repo: owner/name` or `org: name`",
            )
            return None
        keys = {k.value for k, _ in node.value if isinstance(k, yaml.ScalarNode)}
        if REPO in keys and ORG in keys:
            self.error(
                node, "an entry has either `repo` or `org`, not both: split it into two entries"
            )
            return None
        place = ORG if ORG in keys else REPO
        given = self.mapping(
            node, keys_for(place), "in an org entry" if place == ORG else "in this entry"
        )
        values: dict = {}
        for field in fields_for(place):
            if field.key in given:
                values[field.key] = field.kind.read(self, given[field.key][1], field.key, values)
            elif field.required:
                self.error(node, field.kind.missing(field.key, values.get(place)))
                values[field.key] = None
        ident = values.pop(place, None)
        if "labels" not in given and not defaults.get("labels") and ident:
            self.error(
                node,
                f"entry {ident!r} names no `labels` and there are no `defaults: labels:` "
                "to fall back on",
            )
        if not ident or None in values.values():
            return None
        source = Source(
            repo=ident,
            line=node.start_mark.line + 1,
            is_org=place == ORG,
            labels_from_defaults="labels" not in given,
            **_with_defaults(place, values, defaults),
        )
        return source, given[place][1]

    def unique(self, found: list[tuple[Source, object]]) -> tuple[Source, ...]:
        """Drop (and report) repeated entries and repos an org entry already covers."""
        orgs = {s.key: s for s, _ in reversed(found) if s.is_org}
        seen: dict[str, Source] = {}
        kept = []
        for source, node in found:
            owner, _, name = source.key.partition("/")
            org = None if source.is_org else orgs.get(owner)
            if source.key in seen:
                self.error(
                    node,
                    f"duplicate {'org' if source.is_org else 'entry'} {source.repo!r} (first at "
                    f"line {seen[source.key].line}); names match case-insensitively: remove one",
                )
            elif org and name not in {x.lower() for x in org.exclude}:
                name_as_written = source.repo.partition("/")[2]
                self.error(
                    node,
                    f"{source.repo!r} is already covered by `org: {org.repo}` "
                    f"(line {org.line}): remove this entry, or add {name_as_written!r} "
                    "to that org's `exclude` to configure it here",
                )
            else:
                seen[source.key] = source
                kept.append(source)
        return tuple(kept)


def _with_defaults(place: str, values: dict, defaults: dict) -> dict:
    """The entry's values with `defaults` applied as each field says: replaced, or added to."""
    merged = dict(values)
    for field in fields_for(place):
        if field.key not in defaults:
            continue
        if field.defaults == "replace" and field.key not in values:
            merged[field.key] = defaults[field.key]
        elif field.defaults == "add":
            names: dict[str, str] = {}  # the first spelling of each label, case-insensitively
            for name in (*defaults[field.key], *values.get(field.key, ())):
                names.setdefault(name.lower(), name)
            merged[field.key] = tuple(names.values())
    return merged
