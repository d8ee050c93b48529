"""Pure: an issue, its repo and its sources.yaml entry → skill areas, effort and the reasons why.

Signals, strongest first: the repo's own map in sources.yaml, then label conventions, then the
text (words, file extensions, the shape of the task), then the repo's language and topics as a
weak prior. The tables live in classify_rules.py; this module only applies them.
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

_SHORTCODE = re.compile(r":[a-z0-9_+-]+:")
_NOT_TEXT = re.compile(r"[^\x20-\x7e]+")  # emoji and other decoration around label words
_PREFIXED = re.compile(r"^([a-z][a-z .&-]{0,20}?)\s*(?::|/| - )\s*(.+)$")
_LETTER_PREFIX = re.compile(r"^([a-z])-(.+)$")  # Rust-style "E-easy", "A-client side"
_SPACED_EFFORT = re.compile(r"^(size|complexity|effort|difficulty|level|points?)\s+(.+)$")
_POINTS = re.compile(r"^(\d+(?:\.\d+)?)\s*\+?\s*(?:pts?|points?)?$")
_POINT_PREFIXES = frozenset({"size", "points", "point", "estimate", "sp", "story points"})
_PARTS = re.compile(r"\s*(?:/|&|,|\+| and )\s*")
_URL = re.compile(r"https?://\S+")
# Words (no rule word is one letter or starts with a digit) and, in the same pass, file extensions
# (".scss" after a name): one scan of the body is most of the cost of classifying an issue.
_TOKEN = re.compile(
    r"[a-z][a-z0-9_#+-]+|(?<=[a-z0-9_*])\.(?:"
    + "|".join(sorted(rules.TEXT_EXTENSIONS, key=len, reverse=True))
    + r")\b"
)
# Links and background after a "Resources" heading say what to read, not what to build.
_RESOURCES = re.compile(r"#[ \t]*(?:resources|references|related|links|background)\b")
_DATA_WORD = re.compile(r"\bdata\b")
_LEAD = re.compile(
    r"(?:^|[:|\]]\s*)([a-z][a-z-]*)"
)  # first word of the title and of each "Prefix:" part
_ORDER = tuple(Effort)
_AREAS = tuple(SkillArea)
_WORD_KEYS = frozenset(rules.TEXT_WORDS)
_PHRASE_HEADS = frozenset(rules.TEXT_PHRASES)
_EXTENSION_KEYS = frozenset(rules.TEXT_EXTENSIONS)
_UI_NOUN_KEYS = frozenset(rules.TEXT_UI_NOUNS)
# Body words are only ever looked up in these tables, so only these are kept (a small set, fast).
_VOCABULARY = (
    _WORD_KEYS
    | _PHRASE_HEADS
    | _UI_NOUN_KEYS
    | rules.TEXT_NONE_WORDS
    | {f".{extension}" for extension in rules.TEXT_EXTENSIONS}
)
_EFFORT_UP_KEYS = frozenset(rules.EFFORT_UP_WORDS)


@dataclass(frozen=True)
class Classification:
    """Which skills an issue needs, how big it is, and why this module thinks so."""

    skills: tuple[SkillArea, ...]
    """Empty means "any skill": the issue fits no area and is still shown."""
    effort: Effort
    reasons: tuple[str, ...] = ()
    """Why, in words a volunteer can read: "label `role: front end`"."""


@lru_cache(maxsize=4096)
def normalize_label(name: str) -> str:
    """A label as the rule tables spell it: lower case, no emoji or :shortcodes:, single spaces."""
    text = _NOT_TEXT.sub(" ", _SHORTCODE.sub(" ", name.lower()))
    return " ".join(text.replace("_", " ").split())


def _split(label: str) -> tuple[str, str]:
    """("role", "front end") for "role: front end"; ("", label) when there is no prefix."""
    match = _PREFIXED.match(label) or _LETTER_PREFIX.match(label) or _SPACED_EFFORT.match(label)
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
    if not prefix or prefix in rules.NOT_SKILL_PREFIXES:
        return ()
    if prefix in rules.DATA_PREFIXES:
        return (SkillArea.DATA,)
    if prefix in rules.ROLE_PREFIXES and value in rules.ROLE_OVERRIDES:
        return rules.ROLE_OVERRIDES[value]
    if value in rules.SKILL_WORDS:
        return rules.SKILL_WORDS[value]
    value = re.sub(r"\s*\(([^)]*)\)", r" / \1", value)  # "client side (react)" → both words
    return _union(rules.SKILL_WORDS.get(part, ()) for part in _PARTS.split(value))


def _union(groups: Iterable[tuple]) -> tuple:
    """The areas of several label parts, each once, first seen first."""
    found: list = []
    for group in groups:
        found.extend(area for area in group if area not in found)
    return tuple(found)


@lru_cache(maxsize=4096)
def label_effort(label: str) -> tuple[int, Effort] | None:
    """(strength, effort) a normalized label names: 2 for points, 1 for words."""
    prefix, value = _split(label)
    if not prefix:
        bare = rules.EFFORT_WORDS.get(label)
        return (1, bare) if bare and len(label) > 2 and label not in rules.NOT_BARE_EFFORT else None
    if prefix not in rules.EFFORT_PREFIXES:
        return None
    points = _POINTS.match(value)
    if points and prefix in _POINT_PREFIXES:
        number = float(points.group(1))
        if number <= rules.POINTS_SMALL_MAX:
            return 2, Effort.SMALL
        return 2, Effort.MEDIUM if number <= rules.POINTS_MEDIUM_MAX else Effort.LARGE
    return (1, rules.EFFORT_WORDS[value]) if value in rules.EFFORT_WORDS else None


def classify(
    issue: Issue, repo: Repo | None = None, source: Source | None = None
) -> Classification:
    """Skill areas, effort and readable reasons for one issue; pure, so the site can call it per
    issue.
    """
    labels = [(label.name, normalize_label(label.name)) for label in issue.labels]
    skills, reasons, decided = _skills_from_labels(labels, source)
    text: _Text | None = None
    if not decided:
        text = _Text(issue, labels, words=True)
        skills, reasons = _skills_from_text(text, repo)
    effort = _effort_from_labels(labels, source)
    if effort is None:
        effort = _effort_from_text(text or _Text(issue, labels, words=False), labels)
    ordered = tuple(area for area in _AREAS if area in skills)
    return Classification(skills=ordered, effort=effort[0], reasons=tuple(reasons) + (effort[1],))


def _skills_from_labels(labels, source: Source | None) -> tuple[set, list[str], bool]:
    """Areas the labels decide, their reasons, and whether the labels settled the question."""
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
        return set(areas), [areas[a] for a in _AREAS if a in areas], True
    if none_reason:
        return set(), [none_reason], True
    if source and source.default_skill:
        return {source.default_skill}, [f"repo default: {source.default_skill}"], True
    return set(), [], False


class _Text:
    """The words of an issue, found once; `words=False` reads only what the effort guess needs."""

    __slots__ = (
        "title",
        "title_text",
        "leads",
        "body",
        "extra",
        "extensions",
        "lowered",
        "checklist",
    )

    def __init__(self, issue: Issue, labels: Iterable[tuple[str, str]], words: bool):
        title = issue.title.lower()
        raw = issue.body.lower() if issue.body else ""
        self.title = set(_TOKEN.findall(title))
        # "refactor(aws-sdk)": the parts of a hyphenated title word count too (titles are short).
        if "-" in title:
            self.title.update(
                part
                for word in tuple(self.title)
                if "-" in word
                for part in word.split("-")
                if part
            )
        self.title_text = title
        self.leads = {m.group(1) for m in _LEAD.finditer(title)}
        self.checklist = raw.count("[ ]") + raw.count("[x]") if "[" in raw else 0
        self.body = self.extra = self.extensions = frozenset()
        self.lowered = ""
        if not words:
            return
        body = _URL.sub(" ", raw) if "http" in raw else raw
        # Labels the rules did not use still carry words ("Feature: Refactor CSS").
        main = " ".join(label for _, label in labels) + "\n" + body
        cut = _RESOURCES.search(main) if "#" in main else None
        if cut:
            main, extra = main[: cut.start()], main[cut.start() :]
            self.extra = _VOCABULARY.intersection(_TOKEN.findall(extra)) - self.title
        self.body = _VOCABULARY.intersection(_TOKEN.findall(main))
        self.extra = self.extra - self.body
        self.extensions = {t[1:] for t in (self.title | self.body | self.extra) if t[0] == "."}
        self.lowered = f"{title}\n{main}"


def _skills_from_text(text: _Text, repo: Repo | None) -> tuple[set, list[str]]:
    """Areas the words, file extensions and phrases point to; the repo's language when they are
    silent.
    """
    hits = _text_hits(text)
    scores: dict[SkillArea, float] = dict.fromkeys(_AREAS, 0.0)
    for area, points, _ in hits:
        scores[area] += points
    if scores[SkillArea.DESIGN] < rules.TEXT_MIN_SCORE:
        # Not a design task, so the pages and buttons it names are to be coded.
        for word in sorted((text.title | text.body).intersection(_UI_NOUN_KEYS)):
            points = rules.TEXT_UI_NOUNS[word] * (2 if word in text.title else 1)
            scores[SkillArea.FRONTEND] += points
            hits.append((SkillArea.FRONTEND, points, f"`{word}`"))
    best = max(scores.values())
    chosen = {
        a
        for a, s in scores.items()
        if s >= rules.TEXT_MIN_SCORE and s >= rules.TEXT_KEEP_RATIO * best
    }
    if chosen:
        hits.sort(key=lambda hit: (-hit[1], hit[2]))
        return chosen, [
            f"mentions {_say([cue for area, _, cue in hits if area == a])} → {a}"
            for a in _AREAS
            if a in chosen
        ]
    none_words = rules.TEXT_NONE_WORDS & (text.title | text.body)
    if none_words and best < 1:
        return set(), [f"mentions {', '.join(f'`{w}`' for w in sorted(none_words)[:3])}: any skill"]
    prior = _prior(repo)
    if prior and (best == 0 or scores[prior[0]] == best):
        return {prior[0]}, [prior[1]]
    return set(), ["no skill signal: any skill"]


def _say(cues: list[str]) -> str:
    """The four strongest cues, leaving out a word already said as a file extension."""
    said = {cue[2:-7] for cue in cues if cue.startswith("`.") and cue.endswith("` files")}
    return ", ".join([cue for cue in cues if cue.strip("`") not in said][:4])


def _text_hits(text: _Text) -> list[tuple[SkillArea, float, str]]:
    """Every text cue as (area, points, how to say it), in a fixed order so sums and reasons are
    stable.
    """
    hits = []
    for word in sorted(text.title.intersection(_WORD_KEYS)):
        area, weight = rules.TEXT_WORDS[word]
        hits.append((area, 2 * weight, f"`{word}`"))
    for word in sorted(text.body.intersection(_WORD_KEYS) - text.title):
        area, weight = rules.TEXT_WORDS[word]
        hits.append((area, weight, f"`{word}`"))
    for word in sorted(text.extra.intersection(_WORD_KEYS)):
        area, weight = rules.TEXT_WORDS[word]
        hits.append((area, rules.RESOURCES_WEIGHT * weight, f"`{word}`"))
    for head in sorted((text.title | text.body).intersection(_PHRASE_HEADS)):
        for phrase, area, weight in rules.TEXT_PHRASES[head]:
            if phrase in text.lowered:
                hits.append((area, weight, f"“{phrase}”"))
    for extension in sorted(text.extensions.intersection(_EXTENSION_KEYS)):
        area, weight = rules.TEXT_EXTENSIONS[extension]
        hits.append((area, weight, f"`.{extension}` files"))
    for lead in sorted(text.leads.intersection(rules.TEXT_LEAD_WORDS)):
        area, weight = rules.TEXT_LEAD_WORDS[lead]
        hits.append((area, weight, f"title starts with `{lead}`"))
    if "data" in text.body or "data" in text.title:
        mentions = len(_DATA_WORD.findall(text.lowered))
        if mentions >= rules.DATA_MENTIONS_FROM:
            extra = min(2.0, mentions - rules.DATA_MENTIONS_FROM + 1.0)
            hits.append((SkillArea.DATA, extra, f"says “data” {mentions} times"))
    return hits


def _prior(repo: Repo | None) -> tuple[SkillArea, str] | None:
    """The weak prior from the repo's topics, else its primary language."""
    if repo is None:
        return None
    for topic in sorted(repo.topics):
        if topic.lower() in rules.TOPIC_PRIOR:
            area = rules.TOPIC_PRIOR[topic.lower()]
            return area, f"repo topic `{topic}` (weak prior) → {area}"
    area = rules.LANGUAGE_PRIOR.get(repo.language.lower()) if repo.language else None
    return (area, f"repo language {repo.language} (weak prior) → {area}") if area else None


def _effort_from_labels(labels, source: Source | None) -> tuple[Effort, str] | None:
    """The repo's effort map first; then points over worded sizes, the largest among equals."""
    repo_map = dict(source.effort) if source else {}
    for name, label in labels:
        mapped = repo_map.get(name.lower()) or repo_map.get(label)
        if mapped:
            return mapped, f"repo map: `{name}` → {mapped}"
    found = [(hit, name) for name, label in labels if (hit := label_effort(label))]
    if not found:
        return None
    (_, effort), name = max(found, key=lambda item: (item[0][0], _ORDER.index(item[0][1])))
    return effort, f"label `{name}` → {effort}"


def _effort_from_text(text: _Text, labels) -> tuple[Effort, str]:
    """Effort from the shape of the task: its leading verb, big words, checklist length, kind
    labels.
    """
    score, why = 0.0, []
    for lead in sorted(text.leads):
        if lead in rules.EFFORT_LEAD_WORDS:
            score += rules.EFFORT_LEAD_WORDS[lead]
            why.append(f"title starts with `{lead}`")
    for word in sorted(text.title.intersection(_EFFORT_UP_KEYS)):
        score += rules.EFFORT_UP_WORDS[word]
        why.append(f"title says `{word}`")
    for phrase in rules.EFFORT_UP_PHRASES:
        if phrase in text.title_text:
            score += rules.EFFORT_UP_PHRASES[phrase]
            why.append(f"title says “{phrase}”")
    for name, label in labels:
        if label in rules.EFFORT_LABEL_CUES:
            score += rules.EFFORT_LABEL_CUES[label]
            why.append(f"label `{name}`")
    if text.checklist >= rules.CHECKLIST_MEDIUM:
        score += 2 if text.checklist >= rules.CHECKLIST_LARGE else 1
        why.append(f"checklist of {text.checklist} steps")
    effort = (
        Effort.LARGE
        if score >= rules.EFFORT_LARGE_AT
        else Effort.MEDIUM
        if score >= rules.EFFORT_MEDIUM_AT
        else Effort.SMALL
    )
    if not why:
        return effort, "no size signal: beginner-labeled issues are small by default"
    return effort, f"{', '.join(why[:3])} → {effort}"


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
    }
