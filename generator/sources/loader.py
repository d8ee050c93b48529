"""sources.yaml → tuple[Source], every problem collected with file:line:col.

The vocabulary and the keys below are the one source of truth: `sources_schema.schema()` builds the
JSON Schema from them, and a test keeps sources.schema.json equal to it.
"""

from __future__ import annotations

import difflib
import re

import yaml

from ..core.errors import SourcesError, SourcesInvalid
from ..core.records import Effort, SkillArea, Source

CAUSES: dict[str, str] = {
    "voting": "casting and counting ballots, polling places, voter information",
    "elections": "election results, candidates, campaign finance, election data",
    "organizing": "tools for organizers: texting, canvassing, member and event management",
    "campaigns": "advocacy and electoral campaign tooling, contacting representatives",
    "civic-tech": "local civic technology, brigades, city services",
    "government-data": "legislatures, bills, budgets, public records, open government",
    "justice": "criminal legal system, policing, courts, legal aid",
    "climate": "climate, energy, environment, sustainability",
    "housing": "tenants, homelessness, affordable housing",
    "labor": "unions, workers' rights, labor data",
    "health": "public health, health care, humanitarian response",
    "immigration": "immigrants' rights and services",
    "mutual-aid": "mutual aid, food access, community support",
    "democracy-tools": "participatory democracy, deliberation, civic participation platforms",
    "open-data": "open data infrastructure and public datasets",
    "nonprofit-tools": "software nonprofits and movements run on: CRM, fundraising, collaboration",
}
"""The fixed cause vocabulary: value → what it covers (shown on the "Add your repo" page)."""

TOP_KEYS = ("defaults", "sources")
DEFAULTS_KEYS = ("labels",)
TEXT_KEYS = ("name", "description", "contact", "note")
REPO_KEYS = ("repo", "cause", "labels", "skills", "effort", "default_skill", *TEXT_KEYS)
ORG_KEYS = ("org", "exclude", *REPO_KEYS[1:])
ALIASES = {
    "repository": "repo", "url": "repo", "organization": "org", "organisation": "org", "owner": "org",
    "category": "cause", "causes": "cause", "topic": "cause", "label": "labels", "skill": "skills",
    "size": "effort", "excludes": "exclude",
}
VALUE_ALIASES = {
    "front end": "frontend", "back end": "backend", "ux": "design", "ui": "design", "devops": "backend",
    "easy": "small", "hard": "large", "civic tech": "civic-tech", "civictech": "civic-tech",
}
OWNER = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})"
NAME = r"[A-Za-z0-9._-]{1,100}"
REPO_PATTERN = re.compile(rf"^{OWNER}/{NAME}$")
ORG_PATTERN = re.compile(rf"^{OWNER}$")
NAME_PATTERN = re.compile(rf"^{NAME}$")
STR_TAG = "tag:yaml.org,2002:str"
SYNTAX_HINTS = {
    "found character '\\t' that cannot start any token": "indent with spaces, not tabs",
    "mapping values are not allowed here": "quote a value that contains ': '",
    "could not find expected ':'": "each line of an entry needs `key: value`",
    "expected <block end>, but found '-'": "line the `- ` of each entry up with the others",
    "but found another document": "keep one document: remove the `---` line",
}
UNCLOSED = {
    "while scanning a quoted scalar": "the quoted value that starts here is never closed: add the closing quote",
    "while parsing a flow sequence": "the `[` list that starts here is never closed: add the closing `]`",
    "while parsing a flow mapping": "the `{` mapping that starts here is never closed: add the closing `}`",
}


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
        line, col = _position(data[: error.start].decode("utf-8", "replace"), error.start)
        message = f"not UTF-8 text (byte 0x{data[error.start]:02x}): save the file as UTF-8"
        raise SourcesInvalid([SourcesError(path, line, col, message)]) from error
    return parse(text, path)


def parse(text: str, path: str = "sources.yaml") -> tuple[Source, ...]:
    """Validate sources.yaml text; raise SourcesInvalid listing every problem found."""
    checker = _Checker(path)
    sources = checker.check(_compose(text, path))
    if checker.problems:
        raise SourcesInvalid(checker.problems)
    return sources


def suggest(word: str, options) -> str:
    """' — did you mean 'x'?' for the closest option, or ''."""
    lowered = word.strip().lower().replace("_", "-")
    candidates = [ALIASES.get(lowered), VALUE_ALIASES.get(lowered)]
    candidates += [o for o in options if o == lowered or o == lowered.replace(" ", "-")]
    candidates += difflib.get_close_matches(lowered, list(options), n=1, cutoff=0.6)
    found = next((c for c in candidates if c in options and c != word), None)
    return f" — did you mean {found!r}?" if found else ""


def _compose(text: str, path: str):
    try:
        return yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as error:
        raise SourcesInvalid([_syntax_error(error, path)]) from error
    except yaml.reader.ReaderError as error:
        line, col = _position(text, error.position)
        message = f"character U+{error.character:04X} is not allowed in YAML: remove it"
        raise SourcesInvalid([SourcesError(path, line, col, message)]) from error


def _syntax_error(error: yaml.MarkedYAMLError, path: str) -> SourcesError:
    mark, context = error.problem_mark or error.context_mark, error.context_mark
    if error.problem == "found unexpected end of stream" and context:
        # an unclosed quote or bracket: where it opened is where the fix goes
        what = UNCLOSED.get(str(error.context), f"{error.context} that starts here is never closed")
        return SourcesError(path, context.line + 1, context.column + 1, f"YAML syntax: {what}")
    message = f"YAML syntax: {error.problem}"
    if error.context and context and (context.line, context.column) != (mark.line, mark.column):
        message = f"YAML syntax: {error.context} (line {context.line + 1}), {error.problem}"
    hint = SYNTAX_HINTS.get(str(error.problem), "")
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    return SourcesError(path, line, col, message + (f" ({hint})" if hint else ""))


def _position(text: str, offset: int) -> tuple[int, int]:
    before = text[:offset]
    return before.count("\n") + 1, offset - (before.rfind("\n") + 1) + 1


class _Checker:
    """Walks the YAML node tree once, recording every problem with its node's position."""

    def __init__(self, path: str):
        self.path = path
        self.problems: list[SourcesError] = []

    def error(self, node, message: str) -> None:
        self.problems.append(SourcesError(self.path, node.start_mark.line + 1, node.start_mark.column + 1,
                                          message))

    def check(self, root) -> tuple[Source, ...]:
        if root is None:
            self.problems.append(SourcesError(self.path, 1, 1, "the file is empty: it needs `sources:`, "
                                              "a list of entries (see content/maintainers.md)"))
            return ()
        if not isinstance(root, yaml.MappingNode):
            self.error(root, "the file must be a mapping with `defaults:` and `sources:`")
            return ()
        top = self.mapping(root, TOP_KEYS, "at the top level")
        default_labels: tuple[str, ...] = ()
        if "defaults" in top:
            defaults = self.mapping(top["defaults"][1], DEFAULTS_KEYS, "in `defaults`", what="`defaults`")
            if "labels" in defaults:
                default_labels = self.labels(defaults["labels"][1])
        if "sources" not in top:
            self.error(root, "missing `sources:`, the list of repositories")
            return ()
        entries = top["sources"][1]
        if not isinstance(entries, yaml.SequenceNode) or not entries.value:
            self.error(entries, "`sources` must be a list of entries, each starting with `- repo:` or "
                       "`- org:`")
            return ()
        found = [pair for pair in (self.entry(node, default_labels) for node in entries.value) if pair]
        return self.unique(found)

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

    def entry(self, node, default_labels: tuple[str, ...]) -> tuple[Source, object] | None:
        """The entry's Source and the node of its `repo`/`org` value, or None when it is unusable."""
        if not isinstance(node, yaml.MappingNode):
            self.error(node, "each entry must be a mapping that starts with `repo: owner/name` or "
                       "`org: name`")
            return None
        keys = {k.value for k, _ in node.value if isinstance(k, yaml.ScalarNode)}
        if "repo" in keys and "org" in keys:
            self.error(node, "an entry has either `repo` or `org`, not both: split it into two entries")
            return None
        is_org = "org" in keys
        fields = self.mapping(node, ORG_KEYS if is_org else REPO_KEYS,
                              "in an org entry" if is_org else "in this entry")
        ident = None
        if is_org:
            ident = self.org(fields["org"][1])
        elif "repo" in fields:
            ident = self.repo(fields["repo"][1])
        else:
            self.error(node, "entry without `repo: owner/name` (or `org: name` for a whole organization)")
        cause = self.cause(fields["cause"][1]) if "cause" in fields else None
        if "cause" not in fields:
            self.error(node, f"{f'entry {ident!r}' if ident else 'this entry'} needs a `cause`: one of "
                       f"{', '.join(CAUSES)}")
        labels = self.labels(fields["labels"][1]) if "labels" in fields else default_labels
        if not labels and "labels" not in fields and ident:
            self.error(node, f"entry {ident!r} names no `labels` and there are no `defaults: labels:` "
                       "to fall back on")
        skills = self.label_map(fields.get("skills"), SkillArea, "skill area")
        effort = self.label_map(fields.get("effort"), Effort, "effort")
        default_skill = None
        if "default_skill" in fields:
            default_skill = self.choice(fields["default_skill"][1], SkillArea, "skill area", "default_skill")
        exclude = self.exclude(fields["exclude"][1], ident) if "exclude" in fields else ()
        text = {k: self.text(fields[k][1], k) for k in TEXT_KEYS if k in fields}
        if not ident or not cause or None in text.values():
            return None
        source = Source(repo=ident, cause=cause, line=node.start_mark.line + 1, is_org=is_org,
                        exclude=exclude, labels=labels, labels_from_defaults="labels" not in fields,
                        skills=skills, effort=effort,
                        default_skill=SkillArea(default_skill) if default_skill else None, **text)
        return source, fields["org" if is_org else "repo"][1]

    def text(self, node, key: str, item: str = "") -> str | None:
        """The text of a scalar written as a string, or None with a problem recorded.

        `item` names a list element or map key ("a label name"); otherwise messages name `key`.
        """
        what = item or f"`{key}`"
        empty = f"{what} is empty: " + ("remove it" if item else "give it a value or remove the line")
        if not isinstance(node, yaml.ScalarNode):
            kind = "a list" if isinstance(node, yaml.SequenceNode) else "a mapping"
            self.error(node, f"{what} must be text, not {kind}")
            return None
        if node.tag != STR_TAG:
            if node.value in ("", "~", "null", "Null", "NULL"):
                self.error(node, empty)
            else:
                self.error(node, f"{what} must be text: put quotes around {node.value!r}")
            return None
        if not node.value.strip():
            self.error(node, empty)
            return None
        return node.value

    def repo(self, node) -> str | None:
        value = self.text(node, "repo")
        if value is not None and value.endswith(".git") and REPO_PATTERN.fullmatch(value[:-4]):
            self.error(node, f"`repo` must be owner/name without '.git' — did you mean {value[:-4]!r}?")
            return None
        if value is None or REPO_PATTERN.fullmatch(value):
            return value
        match = re.match(r"^(?:https?://)?(?:www\.)?github\.com/([^/\s]+)/([^/\s#?]+)", value.strip())
        parts = [p for p in value.strip().strip("/").split("/") if p]
        if match:
            fix = f"{match[1]}/{match[2].removesuffix('.git')}"
            self.error(node, f"`repo` must be owner/name, not a URL — did you mean {fix!r}?")
        elif value.strip() != value or " " in value:
            self.error(node, f"`repo` {value!r} contains spaces — did you mean {value.replace(' ', '')!r}?")
        elif len(parts) == 1:
            self.error(node, f"`repo` must be owner/name, not {value!r}; for every repo of an organization "
                       f"write `org: {parts[0]}`")
        else:
            self.error(node, f"`repo` must look like owner/name (letters, digits, '-', '.', '_'), "
                       f"not {value!r}")
        return None

    def org(self, node) -> str | None:
        value = self.text(node, "org")
        if value is None or ORG_PATTERN.fullmatch(value):
            return value
        hint = f" — for one repo write `repo: {value}`" if REPO_PATTERN.fullmatch(value) else ""
        self.error(node, f"`org` must be an organization name (letters, digits, '-'), not {value!r}{hint}")
        return None

    def cause(self, node) -> str | None:
        value = self.text(node, "cause")
        if value is None or value in CAUSES:
            return value
        self.error(node, f"unknown cause {value!r}{suggest(value, CAUSES)} (causes: {', '.join(CAUSES)})")
        return None

    def choice(self, node, kind, what: str, key: str = "value") -> str | None:
        value = self.text(node, key)
        options = [m.value for m in kind]
        if value is None or value in options:
            return value
        self.error(node, f"unknown {what} {value!r}{suggest(value, options)} ({', '.join(options)})")
        return None

    def labels(self, node) -> tuple[str, ...]:
        if isinstance(node, yaml.ScalarNode) and node.tag == STR_TAG and node.value.strip():
            self.error(node, f"`labels` must be a list — write labels: [{node.value!r}]")
            return ()
        if not isinstance(node, yaml.SequenceNode):
            self.error(node, "`labels` must be a list of label names, e.g. [\"good first issue\"]")
            return ()
        if not node.value:
            self.error(node, "empty `labels` list: name at least one label, or remove `labels` to use the "
                       "defaults")
            return ()
        names: list[str] = []
        for item in node.value:
            name = self.text(item, "labels", "a label name")
            if name is None:
                continue
            if name.lower() in {n.lower() for n in names}:
                self.error(item, f"label {name!r} is listed twice (labels match case-insensitively)")
                continue
            names.append(name)
        return tuple(names)

    def label_map(self, item, kind, what: str) -> tuple:
        if item is None:
            return ()
        node = item[1]
        if not isinstance(node, yaml.MappingNode) or not node.value:
            self.error(node, f"`{item[0].value}` must map labels to a {what}, e.g. \"role: front end\": "
                       f"{next(iter(kind)).value}")
            return ()
        pairs: dict[str, object] = {}
        for key, value in node.value:
            label = self.text(key, item[0].value, "a label name")
            area = self.choice(value, kind, what)
            if label is None or area is None:
                continue
            if label.lower() in pairs:
                self.error(key, f"label {label!r} is mapped twice (labels match case-insensitively)")
                continue
            pairs[label.lower()] = kind(area)
        return tuple(sorted(pairs.items()))

    def exclude(self, node, org: str | None) -> tuple[str, ...]:
        if not isinstance(node, yaml.SequenceNode) or not node.value:
            self.error(node, "`exclude` must be a non-empty list of repo names in the organization")
            return ()
        names = []
        for item in node.value:
            name = self.text(item, "exclude", "a name in `exclude`")
            if name is None:
                continue
            owner, _, short = name.rpartition("/")
            if owner and org and owner.lower() == org.lower() and NAME_PATTERN.fullmatch(short):
                self.error(item, f"write just the repo name in `exclude` — did you mean {short!r}?")
            elif not NAME_PATTERN.fullmatch(name):
                self.error(item, f"{name!r} is not a repo name (letters, digits, '-', '.', '_')")
            else:
                names.append(name)
        return tuple(sorted(set(names), key=str.lower))

    def unique(self, found: list[tuple[Source, object]]) -> tuple[Source, ...]:
        """Drop (and report) repeated entries and repos an org entry already covers."""
        orgs = {s.key: s for s, _ in reversed(found) if s.is_org}
        seen: dict[str, Source] = {}
        kept = []
        for source, node in found:
            owner, _, name = source.key.partition("/")
            org = None if source.is_org else orgs.get(owner)
            if source.key in seen:
                self.error(node, f"duplicate {'org' if source.is_org else 'entry'} {source.repo!r} (first at "
                           f"line {seen[source.key].line}); names match case-insensitively: remove one")
            elif org and name not in {x.lower() for x in org.exclude}:
                self.error(node, f"{source.repo!r} is already covered by `org: {org.repo}` "
                           f"(line {org.line}): remove this entry, or add {source.repo.partition('/')[2]!r} "
                           "to that org's `exclude` to configure it here")
            else:
                seen[source.key] = source
                kept.append(source)
        return tuple(kept)

