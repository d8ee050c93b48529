"""The learned text model: what an issue's words say about its skill area and size, for whatever its
labels leave open. Standard library only; pure once its weights are read.

The weights (`text_model.json` beside this file) are learned by `scripts/train_judge.py` from
maintainers' own skill and size labels, starting from the cue tables of classify_rules.py; they are
read once, on first use. Every feature is something a volunteer can be told about:

    t:figma       the title says `figma` (on top of w:figma)
    w:figma       the title, the body or a label the rules did not read says `figma`
    b:alt text    the words "alt text" side by side
    x:scss        a `.scss` file is named
    lead:design   the title starts with `design` (or a part after "Prefix:" or "[Tag]" does)
    len:body<150  how much the issue says (the size only)
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable, Sequence
from functools import cache, lru_cache
from itertools import compress
from pathlib import Path
from typing import NamedTuple

from ..core.records import Effort, SkillArea
from . import classify_rules as rules

WEIGHTS = Path(__file__).with_name("text_model.json")
BODY_LIMIT = 400
"""How much of the body the model reads: what `fetch` keeps (queries.BODY_EXCERPT, held equal by a
test), so issues from a snapshot captured with longer bodies are read as a fetched one would be."""
AREAS = tuple(SkillArea)
EFFORTS = tuple(Effort)
HEADS = (*(str(a) for a in AREAS), "none")
"""The skill model's outputs: one per area, and "none of the four" (any skill)."""

_WORD = re.compile(r"[a-z][a-z0-9_+#'-]+")  # one-letter words never count
_DOTTED = re.compile(r"\.([a-z][a-z0-9]{0,6})\b")  # ".scss files", "main.py"
_LEAD = re.compile(r"(?:^|[:|\]]\s*)\W*([a-z][a-z-]*)")
# Beginner labels say why an issue is listed, not what it is: every listed issue has one, while in
# the training data they mark some repos' (mostly small) issues. The model never reads them.
_BEGINNER = re.compile(
    r"good.?first|first.?timer|help.?wanted|beginner|up.?for.?grabs|newcomer|hacktoberfest|starter",
    re.IGNORECASE,
)
_EXTENSIONS = frozenset(rules.TEXT_EXTENSIONS) | frozenset(
    ("js", "ts", "json", "md", "pdf")  # named often enough to learn from, in no cue table
)
_STOP = frozenset(
    re.findall(
        r"\S+",
        """a an the and or but if then else of to in on at by for with from into onto over under as is
    are was were be been being it its this that these those there here we you i me my our your they
    them their he she his her us so not no do does did done can could should would will shall may
    might must have has had just also than too very more most some any all each every such which
    who whom what when where why how about via per etc eg ie let lets one two out up down off again
    only own same both few other don doesn isn aren won https http www com org""",
    )
)


class TextVerdict(NamedTuple):
    """What the text says, with reasons in words; `skills` () is "any skill"."""

    skills: tuple[SkillArea, ...]
    skill_reasons: tuple[str, ...]
    effort: Effort
    effort_reason: str
    effort_is_guess: bool
    """The size is the model's likeliest, not a finding (with the shipped weights: always)."""


def excerpt(text: str, limit: int = BODY_LIMIT) -> str:
    """Whitespace collapsed, cut at the last whole word within `limit` characters."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[:limit]
    return cut.rsplit(" ", 1)[0] if flat[limit].isalnum() else cut


@lru_cache(maxsize=4096)
def beginner(label: str) -> bool:
    """A label that says an issue suits newcomers ("good first issue", "help wanted", …)."""
    return _BEGINNER.search(label) is not None


def _tokens(text: str) -> tuple[list[str], list[str]]:
    """(words in order, file extensions named) of lower-cased text."""
    if "." not in text:
        return _WORD.findall(text), []
    return _WORD.findall(text), [e for e in _DOTTED.findall(text) if e in _EXTENSIONS]


def _lengths(body: str, title_words: int) -> tuple[str, str]:
    """How much the issue says, as two coarse features (for the size only)."""
    n = len(body)
    said = "=0" if n == 0 else "<150" if n < 150 else "<300" if n < 300 else ">=300"
    title = "<5w" if title_words < 5 else "<9w" if title_words < 9 else ">=9w"
    return "len:body" + said, "len:title" + title


class Reader:
    """An issue's features: all of them (`vocab` None, for training), or only those a model has."""

    def __init__(self, vocab: Iterable[str] | None = None):
        self.vocab = None if vocab is None else frozenset(vocab)
        known = self.vocab or frozenset()
        # word → its feature's name, made once (a run-time read is mostly set and dict lookups)
        self.t_words = {f[2:]: f for f in known if f.startswith("t:")}
        self.w_words = {f[2:]: f for f in known if f.startswith("w:")}
        self.heads = frozenset(f[2:].split(" ")[0] for f in known if f.startswith("b:"))

    def __call__(self, title: str, body: str, labels: Sequence[str] = ()) -> set[str]:
        """The features of one issue; `body` is cut to BODY_LIMIT here."""
        body = excerpt(body) if len(body) > BODY_LIMIT else body
        low_title = title.lower()
        title_words, title_exts = _tokens(low_title)
        labels = [name for name in labels if not beginner(name)]
        text = (" ".join(labels) + " . " + body).lower() if labels else body.lower()
        body_words, body_exts = _tokens(text)
        seq = title_words + body_words
        pairs = zip(seq, seq[1:], strict=False)
        if self.vocab is None:
            feats = {"t:" + w for w in set(title_words) - _STOP}
            feats.update(["w:" + w for w in set(seq) - _STOP])
            other = ["b:" + a + " " + b for a, b in pairs if a not in _STOP and b not in _STOP]
        else:
            t_words, w_words = self.t_words, self.w_words
            feats = set(map(t_words.__getitem__, t_words.keys() & title_words))
            feats.update(map(w_words.__getitem__, w_words.keys() & seq))
            heads = self.heads.intersection(seq)
            # only the pairs that start with a known first word are made into strings
            other = [f"b:{a} {b}" for a, b in compress(pairs, map(heads.__contains__, seq))]
        other += ["x:" + e for e in title_exts + body_exts]
        other += ["lead:" + w for w in _LEAD.findall(low_title)]
        other += _lengths(body, len(title_words))
        feats.update(other if self.vocab is None else [f for f in other if f in self.vocab])
        return feats


def say(feature: str) -> str:
    """A feature as words a volunteer understands."""
    kind, _, value = feature.partition(":")
    if kind == "t":
        return f"`{value}` (title)"
    if kind == "w":
        return f"`{value}`"
    if kind == "b":
        return f"“{value}”"
    if kind == "x":
        return f"`.{value}` files"
    if kind == "lead":
        return f"title starts with `{value}`"
    return {
        "body=0": "no description",
        "body<150": "a short description",
        "body<300": "a description of a few lines",
        "body>=300": "a long description",
        "title<5w": "a short title",
        "title<9w": "a title of a few words",
    }.get(value, "a long title")


def _mentions(cues: list[str]) -> str:
    """["`figma` (title)", "title starts with `design`"] → "mentions `figma` (title); title …"."""
    quoted = [c for c in cues if c.startswith(("`", "“"))]
    other = [c for c in cues if not c.startswith(("`", "“"))]
    return "; ".join(([f"mentions {', '.join(quoted)}"] if quoted else []) + other)


def _sigmoid(z: float) -> float:
    return 0.0 if z < -30 else 1.0 / (1.0 + math.exp(-z))


class Reading(NamedTuple):
    """An issue as a model sees it: its features the model knows, and the model's scores."""

    present: tuple[str, ...]
    z: tuple[float, ...]
    """One score per HEADS entry, then one per effort size."""


class TextModel:
    """Linear scores over the features: one per HEADS entry for skills, three for effort."""

    def __init__(self, data: dict):
        skill, effort = data["skill"], data["effort"]
        assert tuple(skill["heads"]) == HEADS, skill["heads"]
        self.tau, self.tau2, self.tau_low = skill["tau"], skill["tau2"], skill["tau_low"]
        self.tie, self.evidence_min = skill["tie"], skill["evidence_min"]
        self.guess_below = effort["guess_below"]
        self.listed_shift = tuple(effort.get("listed_shift", (1.0, 1.0, 1.0)))
        # One row per feature, skills then sizes, so an issue is scored in one pass.
        no_skill, no_size = (0.0,) * len(HEADS), (0.0,) * len(EFFORTS)
        self.bias = (*skill["bias"], *effort["bias"])
        self.table = {
            f: (*skill["weights"].get(f, no_skill), *effort["weights"].get(f, no_size))
            for f in sorted(set(skill["weights"]) | set(effort["weights"]))
        }
        self._reader = Reader(self.table)
        # How much each feature favours each size over the best other one (for the reasons).
        n = len(HEADS)
        self.effort_margin = {
            f: tuple(w[n + k] - max(w[n + j] for j in range(3) if j != k) for k in range(3))
            for f, w in self.table.items()
        }

    def read(self, title: str, body: str, labels: Sequence[str] = ()) -> Reading:
        """The issue's features and scores; `labels` are those the label rules did not read."""
        # Sorted: floats summed in a set's order (which changes with the hash seed) differ in the
        # last bits, and an issue on a threshold then changed area from one build to the next.
        return self._score(tuple(sorted(self._reader(title, body, labels))))

    def reading(self, feats: Iterable[str]) -> Reading:
        """Scores of any set of features (those the model does not know count nothing)."""
        return self._score(tuple(f for f in feats if f in self.table))

    def _score(self, present: tuple[str, ...]) -> Reading:
        table = self.table
        if not present:
            return Reading(present, self.bias)
        columns = zip(*[table[f] for f in present], strict=True)
        return Reading(present, tuple(b + sum(c) for b, c in zip(self.bias, columns, strict=True)))

    def skills(
        self, reading: Reading, language: str = "", topics: Sequence[str] = ()
    ) -> tuple[tuple[SkillArea, ...], tuple[str, ...]]:
        """The areas the words point to, and why; () with its reason when none stands out."""
        present = reading.present
        p = [_sigmoid(z) for z in reading.z[: len(HEADS)]]
        ranked = sorted(range(len(AREAS)), key=lambda k: (-p[k], k))
        top, second = ranked[0], ranked[1]
        chosen = [k for k in ranked if p[k] >= self.tau]
        chosen = chosen[:1] + [k for k in chosen[1:] if p[k] >= self.tau2]
        tie_note = ""
        if not chosen and p[top] >= self.tau_low:
            chosen = [top]
            lean = _lean(language, topics)
            if lean and lean[0] == AREAS[second] and p[top] - p[second] <= self.tie:
                chosen, tie_note = [second], f" (a near-tie, broken by {lean[1]})"
        none_p = p[len(AREAS)]
        if chosen and not (none_p >= self.tau and none_p > p[top]):
            # An area needs words for it, not only the lean of the bias: no cue, no area.
            chosen = sorted(k for k in chosen if self._evidence(present, k) >= self.evidence_min)
            if chosen:
                reasons = [f"{self._why(present, k)} → {AREAS[k]}" for k in chosen]
                reasons[-1] += tie_note
                return tuple(AREAS[k] for k in chosen), tuple(reasons)
        cues = self._cues(present, len(AREAS)) if none_p >= self.tau else []
        if cues:
            return (), (f"{_mentions(cues)}: not one of the four areas, so any skill",)
        return (), ("no clear skill signal in the text: any skill",)

    def _evidence(self, present: tuple[str, ...], k: int) -> float:
        return sum(w for w in (self.table[f][k] for f in present) if w > 0)

    def _cues(self, present: tuple[str, ...], k: int, n: int = 4) -> list[str]:
        """The `n` features that pushed head `k` the most, each word said once."""
        table = self.table
        return _each_once(sorted((-table[f][k], f) for f in present if table[f][k] > 0.15), n)

    def _why(self, present: tuple[str, ...], k: int) -> str:
        return _mentions(self._cues(present, k)) or "its wording"

    def effort(self, reading: Reading, listed: bool = True) -> tuple[Effort, bool, str]:
        """(size, is it a guess, why) from the size probabilities.

        `listed`: the issue carries a beginner label, as every issue the site lists does. The model
        learned sizes from all kinds of issues; beginner-labeled ones are small far more often, so
        their probabilities are reweighted by the sizes' odds among them (a label-shift prior,
        learned from the training data too)."""
        z = reading.z[len(HEADS) :]
        top = max(z)
        e = [math.exp(v - top) for v in z]
        if listed:
            e = [v * s for v, s in zip(e, self.listed_shift, strict=True)]
        p = [v / sum(e) for v in e]
        # The ordinal median: never jumps from small to large on a coin toss.
        k = 0 if p[0] >= 0.5 else 2 if p[2] >= 0.5 else 1
        size = EFFORTS[k]
        if p[k] < self.guess_below:
            # The words behind a guess are mostly a repo's habits ("overview", "action items"):
            # naming them would dress a guess up as a finding.
            return size, True, f"no size label: {size} is a guess"
        margin = self.effort_margin
        push = sorted((-margin[f][k], f) for f in reading.present if margin[f][k] > 0.1)
        return size, False, f"{_mentions(_each_once(push, 3)) or 'its wording'} → {size}"


def _each_once(ranked: list[tuple[float, str]], n: int) -> list[str]:
    """The first `n` features of a ranking, in words, each word said once."""
    said, out = set(), []
    for _, f in ranked:
        word = f.split(":", 1)[1]
        if word not in said:
            said.add(word)
            out.append(say(f))
    return out[:n]


def _lean(language: str, topics: Sequence[str]) -> tuple[SkillArea, str] | None:
    """The area the repo's topics, else its primary language, lean to (only ever a tie-breaker)."""
    for topic in sorted(topics):
        if topic.lower() in rules.TOPIC_PRIOR:
            return rules.TOPIC_PRIOR[topic.lower()], f"the repo's topic `{topic}`"
    area = rules.LANGUAGE_PRIOR.get(language.lower()) if language else None
    return (area, f"the repo's language, {language}") if area else None


@cache
def model() -> TextModel:
    """The shipped model, read once from WEIGHTS."""
    return TextModel(json.loads(WEIGHTS.read_text(encoding="utf-8")))


def judge_text(
    title: str,
    body: str,
    labels: Sequence[str] = (),
    language: str = "",
    topics: Sequence[str] = (),
    using: TextModel | None = None,
    listed: bool = True,
) -> TextVerdict:
    """Skills and effort from the words alone; `labels` are those the label rules did not read."""
    chosen = using or model()
    reading = chosen.read(title, body, labels)
    skills, skill_reasons = chosen.skills(reading, language, topics)
    effort, guess, effort_reason = chosen.effort(reading, listed)
    return TextVerdict(skills, skill_reasons, effort, effort_reason, guess)
