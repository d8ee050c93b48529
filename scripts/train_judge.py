"""Train the text model on maintainers' own labels: generator/build/text_model.json, and the
held-out fold models the bench and its test measure (bench/data/judge_folds.json).

    pip install -e '.[train]'                   # numpy: needed here only, never by the build
    .venv/bin/python scripts/train_judge.py     # rewrite both files (seconds)
    .venv/bin/python scripts/train_judge.py --check    # exit 1 if either file is not what
                                                       # training makes now
    .venv/bin/python scripts/train_judge.py --select   # grouped CV over the settings grid

Run it after changing the cue tables of classify_rules.py, the label rules, text_model.py's
features or bench/data: the text model starts from those tables and learns from those issues.
Deterministic: file order, a fixed number of steps, no randomness, rounded weights, sorted keys; the
same inputs give the same bytes.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import judge_gold as gold  # noqa: E402

from generator.build import classify_rules as rules  # noqa: E402
from generator.build import text_model  # noqa: E402

WEIGHTS = text_model.WEIGHTS
FOLDS = ROOT / "bench" / "data" / "judge_folds.json"
HEADS = text_model.HEADS
EFFORTS = gold.EFFORTS
K = 5
DEFAULT = {  # chosen by --select (grouped CV over whole repos); see docs/classification.md
    "min_repos": 3,  # a feature must be seen in >= 3 repos: no repo-private words
    "skill_l2": 3e-3,
    "prior_scale": 1.0,  # the cue tables' weights times this are the prior mean of their features
    "other_l2_mult": 10.0,  # features that are not cues are shrunk this much harder to zero
    "skill_balance": 0.5,  # rare areas weigh (share x heads)^-this: 0 as found, 1 all equal
    "tau": 0.4,  # an area is kept from this probability …
    "tau_low": 0.15,  # … or, if none reaches it, the best one from this
    "tau2": 0.5,  # a second area needs this much
    "evidence_min": 0.25,  # an area needs cue weights adding up to this: no words, no area
    "tie": 0.0,  # the repo's language may pick between two areas this close: exact ties only
    "effort_l2": 0.1,
    "effort_prior": 0.5,  # the cue tables' effort words as the prior, times this
    # The size is shown as a guess below this probability. 1.0: always, when it comes from the
    # text. On repos it never saw, the model is right as often at 0.8 as at 0.4 (docs say more).
    "guess_below": 1.0,
    "iters": 300,
}
SKILL_TRAIN_GRID = [
    {"skill_l2": l2, "other_l2_mult": m, "prior_scale": p, "skill_balance": b}
    for l2 in (3e-3, 1e-2, 3e-2)
    for m in (10.0, 30.0)
    for p in (1.0, 2.0)
    for b in (0.0, 0.5)
]
# The language's tie margin is not searched: 0.05 and 0.1 scored exactly as 0 in every run.
SKILL_DECIDE_GRID = [
    {"tau": t, "tau_low": low, "evidence_min": e}
    for t in (0.4, 0.5)
    for low in (0.15, 0.25, 0.35)
    for e in (0.25, 0.5, 1.0)
]
EFFORT_TRAIN_GRID = [
    {"effort_l2": l2, "effort_prior": p} for l2 in (3e-2, 0.1, 0.3) for p in (0, 0.5)
]


# ---- the learner: weighted L2 logistic regression, Nesterov's method, a fixed number of steps ----


class Sparse:
    """0/1 rows over a vocabulary plus a bias column (index d) that every row has."""

    def __init__(self, feature_sets: list[set[str]], vocab: list[str]):
        index = {f: i for i, f in enumerate(vocab)}
        self.d, self.n = len(vocab), len(feature_sets)
        rows, cols, ptr = [], [], [0]
        for r, feats in enumerate(feature_sets):
            js = sorted(index[f] for f in feats if f in index) + [self.d]
            rows.extend([r] * len(js))
            cols.extend(js)
            ptr.append(len(cols))
        self.rows, self.cols = np.array(rows), np.array(cols)
        self.ptr = np.array(ptr[:-1])

    def dot(self, v: np.ndarray) -> np.ndarray:  # X @ v
        return np.add.reduceat(v[self.cols], self.ptr, axis=0)

    def tdot(self, g: np.ndarray) -> np.ndarray:  # X.T @ g
        vals = g[self.rows]
        columns = [np.bincount(self.cols, vals[:, c], self.d + 1) for c in range(g.shape[1])]
        return np.stack(columns, axis=1)


def _lipschitz(x: Sparse, sw: np.ndarray) -> float:
    """The largest eigenvalue of X^T diag(sw) X, by power iteration from a fixed start."""
    v = np.ones((x.d + 1, 1)) / np.sqrt(x.d + 1)
    lam = 1.0
    for _ in range(60):
        u = x.tdot(sw[:, None] * x.dot(v))
        lam = float(np.linalg.norm(u)) or 1.0
        v = u / lam
    return lam


def fit(x: Sparse, y: np.ndarray, sw: np.ndarray, l2, w0: np.ndarray, iters: int, softmax: bool):
    """Minimise the weighted mean log loss + 1/2 sum_j l2_j ||W_j - W0_j||^2 (the bias is free):
    one-vs-rest sigmoids, or a softmax over the columns of the 0/1 targets `y`."""
    sw = sw / sw.sum()
    k = y.shape[1]
    lip = _lipschitz(x, sw) / (2.0 if softmax else 4.0) + float(np.max(l2))
    prior = np.vstack([w0, np.zeros((1, k))])
    reg = np.append(np.broadcast_to(l2, (x.d,)), 0.0)[:, None]
    w, v, t = prior.copy(), prior.copy(), 1.0
    for _ in range(iters):
        z = x.dot(v)
        if softmax:
            p = np.exp(z - z.max(axis=1, keepdims=True))
            p /= p.sum(axis=1, keepdims=True)
        else:
            p = 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))
        w_new = v - (x.tdot(sw[:, None] * (p - y)) + reg * (v - prior)) / lip
        t_new = (1 + np.sqrt(1 + 4 * t * t)) / 2
        v = w_new + ((t - 1) / t_new) * (w_new - w)
        w, t = w_new, t_new
    return w[:-1], w[-1]


# ---- the prior: the cue tables of classify_rules.py ------------------------------------------------


def skill_prior(scale: float) -> dict[str, list[float]]:
    """Each text cue as the feature(s) it becomes, with its weight times `scale` on its area."""
    out: dict[str, list[float]] = {}

    def add(feature: str, head: str, weight: float) -> None:
        out.setdefault(feature, [0.0] * len(HEADS))[HEADS.index(head)] += scale * weight

    for word, (area, weight) in rules.TEXT_WORDS.items():
        add("w:" + word, str(area), weight)
        add("t:" + word, str(area), weight)  # a title word counts again
    for word, weight in rules.TEXT_UI_NOUNS.items():
        add("w:" + word, "frontend", 0.5 * weight)  # also drawn in design tasks: half
    for phrases in rules.TEXT_PHRASES.values():
        for phrase, area, weight in phrases:
            add("b:" + phrase, str(area), weight)
    for word, (area, weight) in rules.TEXT_LEAD_WORDS.items():
        add("lead:" + word, str(area), weight)
    for extension, (area, weight) in rules.TEXT_EXTENSIONS.items():
        add("x:" + extension, str(area), weight)
    for word in rules.TEXT_NONE_WORDS:
        add("w:" + word, "none", 1.0)
    return out


def effort_prior(scale: float) -> dict[str, list[float]]:
    """The effort cues as an ordinal prior: c points move small by -c*scale and large by +c*scale."""
    out: dict[str, list[float]] = {}
    cues = [("t:" + w, c) for w, c in rules.EFFORT_UP_WORDS.items()]
    cues += [("lead:" + w, c) for w, c in rules.EFFORT_LEAD_WORDS.items()]
    for feature, c in cues:
        w = out.setdefault(feature, [0.0, 0.0, 0.0])
        w[0] -= c * scale
        w[2] += c * scale
    return out


# ---- training ---------------------------------------------------------------------------------------


def examples(records: list[dict]) -> list[set[str]]:
    """Every feature of each record's text-only view (title, body, labels no rule reads)."""
    read = text_model.Reader()
    out = []
    for r in records:
        feats = read(r["title"], r.get("body") or "", gold.text_only_labels(r["labels"]))
        if not r.get("body"):  # not captured ("body_source": "not_shown"): its length is unknown
            feats.discard("len:body=0")
        out.append(feats)
    return out


def _vocabulary(feature_sets, repos, min_repos: int, prior: dict) -> list[str]:
    """Features seen in at least `min_repos` repositories, and every prior feature; sorted."""
    seen: dict[str, set] = {}
    for feats, repo in zip(feature_sets, repos, strict=True):
        for f in feats:
            seen.setdefault(f, set()).add(repo)
    return sorted({f for f, r in seen.items() if len(r) >= min_repos} | set(prior))


def _round(values) -> list[float]:
    return [round(float(v), 3) + 0.0 for v in values]  # + 0.0: no "-0.0"


def _compact(vocab: list[str], w: np.ndarray, keep: float = 0.02) -> dict[str, list[float]]:
    """Feature → rounded weights, leaving out features whose every weight is tiny."""
    return {f: _round(row) for f, row in zip(vocab, w, strict=True) if np.abs(row).max() >= keep}


def train_skill(records, weights, feats, c: dict) -> dict:
    """The skill part of a model: one-vs-rest over HEADS, shrunk towards the cue tables."""
    idx = [i for i, r in enumerate(records) if gold.gold_skills(r["labels"]) is not None]
    sets = [{f for f in feats[i] if not f.startswith("len:")} for i in idx]
    prior = skill_prior(c["prior_scale"])
    vocab = _vocabulary(sets, [records[i]["repo"] for i in idx], c["min_repos"], prior)
    w0 = np.array([prior.get(f, [0.0] * len(HEADS)) for f in vocab]).reshape(-1, len(HEADS))
    mult = c["other_l2_mult"]
    l2 = np.array([c["skill_l2"] * (1.0 if f in prior else mult) for f in vocab])
    y = np.zeros((len(idx), len(HEADS)))
    for row, i in enumerate(idx):
        for area in gold.gold_skills(records[i]["labels"]) or ("none",):
            y[row, HEADS.index(area)] = 1
    sw = balanced(y, np.array([weights[i] for i in idx]), c["skill_balance"])
    w, b = fit(Sparse(sets, vocab), y, sw, l2, w0, c["iters"], softmax=False)
    decide = {k: c[k] for k in ("tau", "tau2", "tau_low", "tie", "evidence_min")}
    return {"heads": list(HEADS), "bias": _round(b), "weights": _compact(vocab, w), **decide}


def balanced(y: np.ndarray, sw: np.ndarray, power: float) -> np.ndarray:
    """Each issue's weight times its rarest head's (share of the weight x heads)^-power: data and
    "none" issues are few, and unweighted the model learns to say them too seldom."""
    if not power:
        return sw
    share = (sw[:, None] * y).sum(axis=0) / (sw[:, None] * y).sum()
    boost = (np.maximum(share, 1e-9) * y.shape[1]) ** -power
    return sw * (y * boost).max(axis=1)


def train_effort(records, weights, feats, c: dict) -> dict:
    """The effort part of a model: a softmax over small, medium, large."""
    idx = [i for i, r in enumerate(records) if gold.gold_effort(r["labels"]) is not None]
    sets = [feats[i] for i in idx]
    prior = effort_prior(c["effort_prior"])
    vocab = _vocabulary(sets, [records[i]["repo"] for i in idx], c["min_repos"], prior)
    w0 = np.array([prior.get(f, [0.0, 0.0, 0.0]) for f in vocab]).reshape(-1, 3)
    y = np.zeros((len(idx), 3))
    for row, i in enumerate(idx):
        y[row, EFFORTS.index(gold.gold_effort(records[i]["labels"]))] = 1
    sw = np.array([weights[i] for i in idx])
    w, b = fit(Sparse(sets, vocab), y, sw, c["effort_l2"], w0, c["iters"], softmax=True)
    return {
        "bias": _round(b),
        "weights": _compact(vocab, w),
        "guess_below": c["guess_below"],
        "listed_shift": listed_shift([records[i] for i in idx], [weights[i] for i in idx]),
    }


def listed_shift(records, weights) -> list[float]:
    """Each size's share among beginner-labeled issues over its share among all, add-one smoothed:
    the site lists only beginner-labeled issues, which are small far more often."""
    every, listed = np.ones(3), np.ones(3)
    for record, w in zip(records, weights, strict=True):
        k = EFFORTS.index(gold.gold_effort(record["labels"]))
        every[k] += w
        if any(text_model.beginner(name) for name in record["labels"]):
            listed[k] += w
    return _round((listed / listed.sum()) / (every / every.sum()))


def train(records, weights, feats, config: dict | None = None) -> dict:
    """A model text_model.TextModel reads, trained on `records` with their features."""
    c = {**DEFAULT, **(config or {})}
    return {
        "config": c,
        "skill": train_skill(records, weights, feats, c),
        "effort": train_effort(records, weights, feats, c),
    }


def fold_models(records, weights, feats, config: dict | None = None, k: int = K) -> list[dict]:
    """A model per fold of repositories, trained on the others: fold i never saw its own repos."""
    fold = [gold.fold_of(r["repo"], k) for r in records]
    models = []
    for held in range(k):
        keep = [i for i in range(len(records)) if fold[i] != held]
        on = ([records[i] for i in keep], [weights[i] for i in keep], [feats[i] for i in keep])
        models.append({**train(*on, config), "held_out_fold": held})
    return models


def dumps(value) -> bytes:
    """Sorted keys, no spaces, one trailing newline: the same value gives the same bytes."""
    return (json.dumps(value, sort_keys=True, separators=(",", ":")) + "\n").encode()


def outputs(data_dir: Path = gold.DATA_DIR) -> dict[Path, bytes]:
    """The two files as training makes them now from `data_dir`."""
    records, weights = gold.load(data_dir)
    feats = examples(records)
    model = train(records, weights, feats)
    repos = {r["repo"] for r in records}
    model["trained_on"] = {
        "issues": len(records),
        "repos": len(repos),
        "skill_verdicts": sum(gold.gold_skills(r["labels"]) is not None for r in records),
        "effort_verdicts": sum(gold.gold_effort(r["labels"]) is not None for r in records),
    }
    folds = {
        "k": K,
        "fold_of": "md5(lower-cased repo) mod k",
        "models": fold_models(records, weights, feats),
    }
    return {WEIGHTS: dumps(model), FOLDS: dumps(folds)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare, do not write")
    parser.add_argument("--select", action="store_true", help="print the settings grid's scores")
    args = parser.parse_args()
    if args.select:
        import classify_eval

        records, weights = gold.load()
        chosen = classify_eval.select(records, weights, examples(records), verbose=True)
        print("chosen:", chosen)
        return 0
    stale = []
    for path, data in outputs().items():
        if args.check:
            if not path.is_file() or path.read_bytes() != data:
                stale.append(path)
            continue
        path.write_bytes(data)
        print(f"wrote {path.relative_to(ROOT)} ({len(data) / 1024:.0f} KB)")
    for path in stale:
        print(
            f"{path.relative_to(ROOT)} is not what training makes now: run scripts/train_judge.py"
        )
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
