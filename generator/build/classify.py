"""Pure: an issue, its repo and its sources.yaml entry → skill areas, effort and the reasons why.

Signals, strongest first: the repo's own map in sources.yaml, then label conventions (the tables of
classify_rules.py), then the learned text model (text_model.py) for whatever the labels leave open.
The repo's topics and language only break a near-tie between two areas the text points to.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from ..core.errors import SourcesError
from ..core.records import Effort, Issue, Label, Repo, SkillArea, Source
from . import classify_rules as rules
from . import text_model
from .text_model import TextModel

_SHORTCODE = re.compile(r":[a-z0-9_+-]+:")
_ARROWS = re.compile(r"\s*[\u2192\u203a\u00bb]\s*")  # "Complexity → Simple", "Design › System"
_NOT_TEXT = re.compile(r"[^\x20-\x7e]+")  # emoji and other decoration around label words
_BRACKETED = re.compile(r"^\[([a-z][a-z ]{0,20})\]\s*(.+)$")  # "[Work Area] Data Ingestion"
_PREFIXED = re.compile(r"^([a-z][a-z0-9 .&-]{0,20}?)\s*(?::|/| - )\s*(.+)$")  # "D3: Low" too
_LETTER_PREFIX = re.compile(r"^([a-z])-(.+)$")  # Rust-style "E-easy", "A-client side"
_WORD_PREFIX = re.compile(r"^(component|area|scope|topic|team|theme|stack)-(.+)$")  # "Component-UI"
_SPACED_EFFORT = re.compile(r"^(size|complexity|effort|difficulty|level|points?|t-shirt)\s+(.+)$")
_LEVEL_TIER = re.compile(r"^level[ -]?([1-3])$")  # "level1", "Level 2", "level-3"
_TIER_VALUE = re.compile(r"^\d+\s*[-:]\s*([a-z].*)$")  # "Difficulty: 2-Medium", "Difficulty/1:Easy"
_TIME = re.compile(
    r"^<?\s*(\d+(?:\.\d+)?)\s*(hours?|hrs?|days?|weeks?|months?)$"
)  # "Time: <1 Hour"
_POINTS = re.compile(r"^(\d+(?:\.\d+)?)\s*\+?\s*(?:pts?|points?)?$")
# TM's "Difficulty: 3/5/8/13" are story points too.
_POINT_PREFIXES = frozenset(
    {"size", "points", "point", "estimate", "sp", "story points", "difficulty"}
)
_PARTS = re.compile(r"\s*(?:/|&|,|\+| and )\s*")
_PARENS = re.compile(r"\s*\(([^)]*)\)")
_LABEL_WORDS = re.compile(r"[a-z][a-z0-9]*")
_ORDER = tuple(Effort)
_AREAS = tuple(SkillArea)


@dataclass(frozen=True)
class Classification:
    """Which skills an issue needs, how big it is, and why this module thinks so."""

    skills: tuple[SkillArea, ...]
    """Empty means "any skill": the issue fits no area and is still shown."""
    effort: Effort
    reasons: tuple[str, ...] = ()
    """Why, in words a volunteer can read: "label `role: front end`"."""
    effort_is_guess: bool = False
    """No label and no clear cue in the text set the effort: it is the likeliest size, a guess."""


@lru_cache(maxsize=4096)
def normalize_label(name: str) -> str:
    """A label as the rule tables spell it: lower case, no emoji or :shortcodes:, arrows made
    prefixes ("Complexity → Simple" is "complexity: simple"), single spaces."""
    text = _NOT_TEXT.sub(" ", _ARROWS.sub(": ", _SHORTCODE.sub(" ", name.lower())))
    text = " ".join(text.replace("_", " ").split()).lstrip(".")  # metabase's ".Frontend"
    bracketed = _BRACKETED.match(text)
    return f"{bracketed.group(1)}: {bracketed.group(2)}" if bracketed else text


def _split(label: str) -> tuple[str, str]:
    """("role", "front end") for "role: front end"; ("", label) when there is no prefix."""
    match = (
        _PREFIXED.match(label)
        or _SPACED_EFFORT.match(label)  # before the letter prefix: "t-shirt sm"
        or _LETTER_PREFIX.match(label)
        or _WORD_PREFIX.match(label)
    )
    return (match.group(1).strip(), match.group(2).strip()) if match else ("", label)


@lru_cache(maxsize=4096)
def label_skills(label: str) -> tuple:
    """Areas (or rules.NONE) a normalized label names by convention; () when it names none."""
    if label in rules.SKILL_WORDS:
        return rules.SKILL_WORDS[label]
    whole = _PARTS.split(label)  # "frontend/backend" is two areas, not a prefix and a value
    if len(whole) > 1 and all(part in rules.SKILL_WORDS for part in whole):
        return _union(rules.SKILL_WORDS[part] for part in whole)
    prefix, value = _split(label)
    if not prefix:  # "design (general)" by its words; then a strong word anywhere ("identity-ux")
        found = _union(
            rules.SKILL_WORDS.get(p, ()) for p in _PARTS.split(_PARENS.sub(r" / \1", label))
        )
        return found or _strong_words(label)
    if prefix in rules.NOT_SKILL_PREFIXES:  # a role word stays one: "Feature: Frontend"
        return rules.SKILL_WORDS.get(value, ()) if value in rules.ROLE_WORDS_ANY_PREFIX else ()
    if prefix in rules.DATA_PREFIXES:
        return (SkillArea.DATA,)
    if prefix in rules.ROLE_PREFIXES and value in rules.ROLE_OVERRIDES:
        return rules.ROLE_OVERRIDES[value]
    if value in rules.SKILL_WORDS:
        return rules.SKILL_WORDS[value]
    value = _PARENS.sub(r" / \1", value)  # "client side (react)" → both words
    found = _union(rules.SKILL_WORDS.get(part, ()) for part in _PARTS.split(value))
    if found:
        return found
    if prefix in rules.AREA_PREFIXES:  # "Design › Brand identity", "Figma → Discover"
        return rules.AREA_PREFIXES[prefix]
    return _strong_words(value)


def _strong_words(label: str) -> tuple:
    """Areas of the unambiguous words inside a label ("identity-ux" yes, "og bad data" no)."""
    return _union(rules.STRONG_LABEL_WORDS.get(word, ()) for word in _LABEL_WORDS.findall(label))


def _union(groups: Iterable[tuple]) -> tuple:
    """The areas of several label parts, each once, first seen first."""
    found: list = []
    for group in groups:
        found.extend(area for area in group if area not in found)
    return tuple(found)


@lru_cache(maxsize=4096)
def label_effort(label: str) -> tuple[int, Effort] | None:
    """(strength, effort) a normalized label names: 2 for points or hours, 1 for words or tiers."""
    tier = _LEVEL_TIER.match(label)
    if tier:  # student-program tiers: noisy, the same task is level1 in one repo, level2 in another
        return 1, rules.LEVEL_TIERS[tier.group(1)]
    prefix, value = _split(label)
    if not prefix:
        bare = rules.EFFORT_WORDS.get(label)
        return (1, bare) if bare and len(label) > 2 and label not in rules.NOT_BARE_EFFORT else None
    if prefix not in rules.EFFORT_PREFIXES:
        return None
    if prefix == "level" and value in rules.LEVEL_TIERS:
        return 1, rules.LEVEL_TIERS[value]
    worded = _TIER_VALUE.match(value)
    if worded and worded.group(1) in rules.EFFORT_WORDS:
        return 1, rules.EFFORT_WORDS[worded.group(1)]
    timed = _TIME.match(value)
    if timed:
        hours = float(timed.group(1)) * rules.HOURS[timed.group(2).rstrip("s")]
        return 2, _size(hours, rules.HOURS_SMALL_MAX, rules.HOURS_MEDIUM_MAX)
    points = _POINTS.match(value)
    if points and prefix in _POINT_PREFIXES:
        return 2, _size(float(points.group(1)), rules.POINTS_SMALL_MAX, rules.POINTS_MEDIUM_MAX)
    return (1, rules.EFFORT_WORDS[value]) if value in rules.EFFORT_WORDS else None


def _size(amount: float, small_max: float, medium_max: float) -> Effort:
    if amount <= small_max:
        return Effort.SMALL
    return Effort.MEDIUM if amount <= medium_max else Effort.LARGE


def classify(
    issue: Issue,
    repo: Repo | None = None,
    source: Source | None = None,
    *,
    using: TextModel | None = None,
    listed: bool = True,
) -> Classification:
    """Skill areas, effort and readable reasons for one issue; pure, so the site can call it per
    issue. `using` swaps in another text model (the bench's held-out ones); `listed` False judges
    an issue without a beginner label, as the bench's data holds too (TextModel.effort)."""
    labels = [(label.name, normalize_label(label.name)) for label in issue.labels]
    skills = _skills_from_labels(labels, source)
    effort = _effort_from_labels(labels, source)
    if skills is None or effort is None:
        mapped = {key for key, _ in source.skills + source.effort} if source else set()
        read = {name for name, label in labels if _read(name, label, mapped)}
        model = using or text_model.model()
        unread = [name for name, _ in labels if name not in read]
        reading = model.read(issue.title, issue.body or "", unread)
        if skills is None:
            language, topics = (repo.language, repo.topics) if repo else ("", ())
            skills = model.skills(reading, language, topics)
        if effort is None:
            size, guess, why = model.effort(reading, listed)
            effort = (size, why, guess)
    return Classification(
        skills=skills[0],
        effort=effort[0],
        reasons=(*skills[1], effort[1]),
        effort_is_guess=effort[2],
    )


def _read(name: str, label: str, mapped: set[str]) -> bool:
    """True when the repo's map or a label rule reads this label: its words are then not text."""
    return (
        name.lower() in mapped
        or label in mapped
        or bool(label_skills(label) or label_effort(label))
    )


def _skills_from_labels(labels, source: Source | None) -> tuple[tuple, tuple[str, ...]] | None:
    """The areas the labels (or the repo's map or default) decide and why; None if they don't."""
    repo_map = dict(source.skills) if source else {}
    areas: dict[SkillArea, str] = {}
    none_reason = ""
    for name, label in labels:
        mapped = repo_map.get(name.lower()) or repo_map.get(label)
        if mapped:
            areas.setdefault(mapped, f"repo map: `{name}` → {mapped}")
            continue
        for area in label_skills(label):
            if area == rules.NONE:
                none_reason = (
                    none_reason or f"label `{name}`: not one of the four areas, so any skill"
                )
            else:
                areas.setdefault(area, f"label `{name}`")
    if areas:
        ordered = tuple(a for a in _AREAS if a in areas)
        return ordered, tuple(areas[a] for a in ordered)
    if none_reason:
        return (), (none_reason,)
    if source and source.default_skill:
        return (source.default_skill,), (f"repo default: {source.default_skill}",)
    return None


def _effort_from_labels(labels, source: Source | None) -> tuple[Effort, str, bool] | None:
    """The repo's effort map first; then points and hours over words and tiers, the largest among
    equals."""
    repo_map = dict(source.effort) if source else {}
    for name, label in labels:
        mapped = repo_map.get(name.lower()) or repo_map.get(label)
        if mapped:
            return mapped, f"repo map: `{name}` → {mapped}", False
    found = [(hit, name) for name, label in labels if (hit := label_effort(label))]
    if not found:
        return None
    (_, effort), name = max(found, key=lambda item: (item[0][0], _ORDER.index(item[0][1])))
    return effort, f"label `{name}` → {effort}", False


def parse_record(text: str, path: str, line: int) -> tuple[Issue, Repo]:
    """One JSONL line of `build.py classify` as an Issue and its Repo; SourcesError says what is
    wrong.
    """
    try:
        record = json.loads(text)
    except json.JSONDecodeError as error:
        raise SourcesError(
            path,
            line,
            error.colno,
            f"not JSON ({error.msg}); each line must be one object "
            'like {"repo": "owner/name", "title": "…", "body": "…", "labels": ["…"]}',
        ) from error
    if not isinstance(record, dict):
        raise SourcesError(path, line, 1, f"expected a JSON object, got {type(record).__name__}")

    def text_field(key: str, required: bool = False) -> str:
        value = record.get(key)
        if value is None and not required:
            return ""
        if not isinstance(value, str) or (required and not value.strip()):
            wanted = "a non-empty string" if required else "a string or null"
            raise SourcesError(
                path, line, 1, f"`{key}` must be {wanted}, got {json.dumps(value)[:40]}"
            )
        return value

    title, body, repo = text_field("title", required=True), text_field("body"), text_field("repo")
    language = text_field("language")
    labels = record.get("labels") or []
    if not isinstance(labels, list):
        raise SourcesError(path, line, 1, "`labels` must be a list of label names")
    names = []
    for item in labels:
        name = (
            item.get("name") if isinstance(item, dict) else item
        )  # GitHub's own label objects work too
        if not isinstance(name, str):
            raise SourcesError(
                path, line, 1, f"each label must be a string, got {json.dumps(item)[:40]}"
            )
        names.append(name)
    topics = record.get("topics") or record.get("repo_topics") or []
    if not isinstance(topics, list) or not all(isinstance(t, str) for t in topics):
        raise SourcesError(path, line, 1, "`topics` must be a list of strings")
    number = record["number"] if type(record.get("number")) is int else 0  # not a bool
    issue = Issue(
        repo=repo,
        number=number,
        title=title,
        url=text_field("url"),
        labels=tuple(Label(n) for n in names),
        body=body,
    )
    return issue, Repo(name_with_owner=repo, url="", language=language, topics=tuple(topics))


def to_record(result: Classification) -> dict:
    """A classification as `build.py classify` prints it."""
    return {
        "skills": [str(a) for a in result.skills],
        "effort": str(result.effort),
        "reasons": list(result.reasons),
        "effort_is_guess": result.effort_is_guess,
    }
