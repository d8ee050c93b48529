"""sources.yaml → tuple[Source], every problem collected with file:line:col."""

from __future__ import annotations

import re

import yaml

from .errors import SourcesError, SourcesInvalid
from .model import Effort, SkillArea, Source

REPO_PATTERN = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})/[A-Za-z0-9._-]{1,100}$")


def load(path: str) -> tuple[Source, ...]:
    """Read and validate sources.yaml; raise SourcesInvalid listing every problem found."""
    try:
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
    except OSError as error:
        raise SourcesInvalid([SourcesError(path, 1, 1, f"cannot read the file ({error.strerror})")]) from error
    return parse(text, path)


def parse(text: str, path: str = "sources.yaml") -> tuple[Source, ...]:
    """Validate sources.yaml text; raise SourcesInvalid listing every problem found."""
    problems: list[SourcesError] = []
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        raise SourcesInvalid([SourcesError(path, line, col, f"YAML syntax: {error.problem}")]) from error
    if not isinstance(root, yaml.MappingNode):
        raise SourcesInvalid([SourcesError(path, 1, 1, "the file must be a mapping with `defaults` and `sources`")])
    top = _mapping(root)
    default_labels = ()
    if "defaults" in top:
        defaults = _mapping(top["defaults"][1])
        if "labels" in defaults:
            default_labels = _strings(defaults["labels"][1], path, problems)
    if "sources" not in top:
        problems.append(SourcesError(path, 1, 1, "missing `sources:`, the list of repositories"))
        raise SourcesInvalid(problems)
    entries = top["sources"][1]
    sources: list[Source] = []
    seen: dict[str, int] = {}
    if not isinstance(entries, yaml.SequenceNode):
        problems.append(_at(path, entries, "`sources` must be a list of entries"))
        raise SourcesInvalid(problems)
    for node in entries.value:
        source = _source(node, path, default_labels, problems)
        if source is None:
            continue
        if source.key in seen:
            problems.append(_at(path, node, f"duplicate entry {source.repo!r} (first at line {seen[source.key]})"))
            continue
        seen[source.key] = source.line
        sources.append(source)
    if problems:
        raise SourcesInvalid(problems)
    return tuple(sources)


def _source(node, path: str, default_labels: tuple[str, ...], problems: list) -> Source | None:
    if not isinstance(node, yaml.MappingNode):
        problems.append(_at(path, node, "each entry must be a mapping with `repo` and `cause`"))
        return None
    fields = _mapping(node)
    if "repo" not in fields:
        problems.append(_at(path, node, "entry without `repo: owner/name`"))
        return None
    repo_node = fields["repo"][1]
    repo = str(repo_node.value) if isinstance(repo_node, yaml.ScalarNode) else ""
    if not REPO_PATTERN.match(repo):
        problems.append(_at(path, repo_node, f"`repo` must look like owner/name, not {repo!r}"))
        return None
    if "cause" not in fields:
        problems.append(_at(path, node, f"entry {repo!r} needs a `cause`"))
        return None
    labels = _strings(fields["labels"][1], path, problems) if "labels" in fields else default_labels
    skills = _label_map(fields.get("skills"), SkillArea, path, problems)
    effort = _label_map(fields.get("effort"), Effort, path, problems)
    default_skill = None
    if "default_skill" in fields:
        value = fields["default_skill"][1]
        try:
            default_skill = SkillArea(value.value)
        except ValueError:
            problems.append(_at(path, value, f"unknown skill area {value.value!r}"))
    text = {k: str(fields[k][1].value) for k in ("name", "description", "contact", "note") if k in fields}
    return Source(
        repo=repo,
        cause=str(fields["cause"][1].value),
        line=node.start_mark.line + 1,
        labels=labels,
        skills=skills,
        effort=effort,
        default_skill=default_skill,
        **text,
    )


def _label_map(item, kind, path: str, problems: list) -> tuple:
    if item is None:
        return ()
    pairs = []
    for label, (_, value) in _mapping(item[1]).items():
        try:
            pairs.append((label.lower(), kind(value.value)))
        except ValueError:
            problems.append(_at(path, value, f"unknown {kind.__name__} {value.value!r}"))
    return tuple(sorted(pairs))


def _mapping(node) -> dict:
    """{key text: (key node, value node)} of a mapping node ({} for anything else)."""
    if not isinstance(node, yaml.MappingNode):
        return {}
    return {str(k.value): (k, v) for k, v in node.value}


def _strings(node, path: str, problems: list) -> tuple[str, ...]:
    if not isinstance(node, yaml.SequenceNode) or not all(isinstance(v, yaml.ScalarNode) for v in node.value):
        problems.append(_at(path, node, "expected a list of label names"))
        return ()
    return tuple(str(v.value) for v in node.value)


def _at(path: str, node, message: str) -> SourcesError:
    return SourcesError(path, node.start_mark.line + 1, node.start_mark.column + 1, message)
