"""The learned part of reading a comment: a small linear model over its words and characters.

Standard library only; pure once its weights are read. The weights (`claims_model.json` beside this
file) are learned by `scripts/train_claims.py` from the labeled comments of tests/data/claims/; they
are read once, on first use. The model reads what `claims` hands it, the comment lower-cased with
its quotes taken out, and only when the phrase rules found nothing: it adds claims and releases in
phrasings no rule has, when it is sure (MIN_PROBABILITY in the weights). Every feature is something
a volunteer can be told about:

    w:assign        the word `assign`
    b:work on       the words "work on" side by side
    c:认领           the characters `认领` side by side (Chinese, Japanese, Korean have no spaces)
    ?               the comment ends with a question
"""

from __future__ import annotations

import json
import math
import re
from functools import cache
from itertools import pairwise
from pathlib import Path
from typing import NamedTuple

WEIGHTS = Path(__file__).with_name("claims_model.json")
KINDS = ("claim", "release", "neither")

_TOKEN = re.compile(r"[/!@#]?[^\W_]+")
_SCRIPT = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]+")
"""Kana, CJK ideographs, Hangul: text with no spaces between its words."""


def features(said: str) -> list[str]:
    """Every feature of a normalized comment (lower case, quotes out)."""
    found = []
    words = []
    for token in _TOKEN.findall(said):
        if token[0] == "@":
            token = "@"  # a person or a bot: the name is one repository's, the mention is not
        elif token.lstrip("#").isdigit():
            token = "#0" if token[0] == "#" else "0"  # which issue or how many, not what is said
        elif not token.isascii() and _SCRIPT.search(token):
            for run in _SCRIPT.findall(token):
                found.extend("c:" + run[i : i + 2] for i in range(len(run) - 1))
                found.extend("c:" + ch for ch in run)
            continue
        words.append(token)
    found.extend("w:" + w for w in words)
    found.extend(f"b:{a} {b}" for a, b in pairwise(words))
    if words:
        found.append("first:" + words[0])
    if said.rstrip().endswith(("?", "？")):
        found.append("?")
    return found


class Verdict(NamedTuple):
    """The model's reading of one comment and the features that pushed it there most."""

    kind: str
    reasons: tuple[str, ...]


class ClaimsModel:
    """Weights per feature and kind; a kind is read when its probability reaches `min_probability`."""

    def __init__(self, weights: dict):
        self.bias = tuple(weights["bias"])
        self.weights = {f: tuple(w) for f, w in weights["weights"].items()}
        self.min_probability = weights["min_probability"]

    def scores(self, feats: list[str]) -> list[float]:
        """Summed weights per kind (claim, release, neither), each feature counted once."""
        claim, release, neither = self.bias
        get = self.weights.get
        # Each once, in the order found: summed in a set's order, the hash seed changed the last bits.
        for f in dict.fromkeys(feats):
            w = get(f)
            if w is not None:
                claim += w[0]
                release += w[1]
                neither += w[2]
        return [claim, release, neither]

    def kind(self, said: str) -> str:
        """claim or release when the model is sure of it, else neither."""
        return verdict(self.scores(features(said)), self.min_probability)

    def explain(self, said: str, top: int = 3) -> Verdict:
        """The kind, and the features that weighed most for it against the runner-up."""
        feats = sorted(set(features(said)))
        found = self.kind(said)
        s = self.scores(feats)
        best = KINDS.index(found)
        other = max((i for i in range(3) if i != best), key=lambda i: s[i])
        pushes = [(w[best] - w[other], f) for f in feats if (w := self.weights.get(f)) is not None]
        pushes.sort(key=lambda p: (-p[0], p[1]))
        return Verdict(found, tuple(f for gain, f in pushes[:top] if gain > 0))


def verdict(scores: list[float], min_probability: float) -> str:
    """claim or release when its probability (a softmax over the scores) reaches `min_probability`,
    else neither; scripts/train_claims.py reads held-out scores with it too."""
    top = max(scores)
    e = [math.exp(v - top) for v in scores]
    total = sum(e)
    p = [v / total for v in e]
    best = p.index(max(p))
    return KINDS[best] if best < 2 and p[best] >= min_probability else "neither"


@cache
def shipped() -> ClaimsModel:
    """The committed model, read once."""
    return ClaimsModel(json.loads(WEIGHTS.read_text(encoding="utf-8")))
