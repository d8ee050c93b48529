"""Train the comment model on the labeled comments: generator/build/claims_model.json.

    pip install -e '.[train]'                    # numpy: needed here only, never by the build
    .venv/bin/python scripts/train_claims.py     # rewrite the weights (seconds)
    .venv/bin/python scripts/train_claims.py --check   # exit 1 if the file is not what training
                                                       # makes now
    .venv/bin/python scripts/train_claims.py --select  # grouped CV over the release weight and
                                                       # the model's threshold

Run it after changing tests/data/claims/ or claims_model.py's features. The model learns from every
comment, also those the rules read, since it is a reader of its own; it speaks only where the
rules find nothing. The shipped weights learn from every labeled file; the figures come
from bench/claims_eval.py, which trains the same way on some repositories and reads the others.
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

from claims_eval import SETS, group, seen, tally  # noqa: E402

from generator.build import claims_model, comments  # noqa: E402

WEIGHTS = claims_model.WEIGHTS
KINDS = claims_model.KINDS
SETTINGS = {  # chosen with grouped cross-validation over repositories (bench/claims_eval.py)
    "min_repos": 2,  # a feature must be seen in >= 2 repositories: no repository-private words
    "l2": 3e-4,
    "iters": 400,
    # Releases weigh twice: fewest, and a missed one leaves a free issue shown as taken. The model
    # speaks only where the rules found nothing, and only this sure. Both chosen by `--select` on
    # the pooled grouped 5-fold figures of all labeled files (docs/claims.md): the most claim and
    # release recall that keeps neither-read-as-claim under NEITHER_LIMIT.
    "class_weight": (1.0, 2.0, 1.0),  # claim, release, neither
    "min_probability": 0.75,
}
RELEASE_WEIGHTS = (1.0, 2.0)
THRESHOLDS = (0.9, 0.85, 0.8, 0.75, 0.7)
NEITHER_LIMIT = 0.04
"""--select keeps the settings whose share of "neither" comments read as claims is under this."""
DROP_BELOW = 0.01
"""A feature whose every weight rounds below this is left out of the file: it changes nothing."""


def load(paths) -> list[dict]:
    """The labeled comments of the given files, in file order."""
    return [
        json.loads(line)
        for path in paths
        for line in Path(path).read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]


def featurize(rows: list[dict]) -> list[list[str]]:
    """Each row's features, as the build will compute them."""
    return [comments.model_features(row["text"]) for row in rows]


def _vocabulary(feature_lists, repos, min_repos: int) -> list[str]:
    """Features seen in at least `min_repos` repositories, sorted."""
    seen: dict[str, set] = {}
    for feats, repo in zip(feature_lists, repos, strict=True):
        for f in feats:
            seen.setdefault(f, set()).add(repo.lower())
    return sorted(f for f, r in seen.items() if len(r) >= min_repos)


def _matrix(feature_lists, vocab: list[str]) -> np.ndarray:
    """0/1 rows over the vocabulary (a dense matrix: about 1,300 rows by a few thousand columns)."""
    index = {f: i for i, f in enumerate(vocab)}
    x = np.zeros((len(feature_lists), len(vocab)))
    for r, feats in enumerate(feature_lists):
        for f in feats:
            if f in index:
                x[r, index[f]] = 1.0
    return x


def _largest_eigenvalue(x: np.ndarray, sw: np.ndarray, steps: int = 60) -> float:
    """Of X^T diag(sw) X, by power iteration from a fixed start (no randomness)."""
    v = np.ones(x.shape[1]) / np.sqrt(x.shape[1])
    value = 1.0
    for _ in range(steps):
        u = x.T @ (sw * (x @ v))
        value = float(np.linalg.norm(u)) or 1.0
        v = u / value
    return value * 1.01  # power iteration approaches from below; a step too long diverges


def fit(x: np.ndarray, y: np.ndarray, sample_weight: np.ndarray, l2: float, iters: int):
    """Softmax regression: weighted mean log loss + l2/2 ||W||^2 (the bias is free), minimised by
    Nesterov's accelerated gradient with a fixed step and a fixed number of steps."""
    sw = sample_weight / sample_weight.sum()
    n, d = x.shape
    k = y.shape[1]
    xb = np.hstack([x, np.ones((n, 1))])
    lip = _largest_eigenvalue(xb, sw) / 2.0 + l2  # the loss's curvature is at most this
    reg = np.full((d + 1, 1), l2)
    reg[-1] = 0.0
    w = np.zeros((d + 1, k))
    v, t = w.copy(), 1.0
    for _ in range(iters):
        z = xb @ v
        p = np.exp(z - z.max(axis=1, keepdims=True))
        p /= p.sum(axis=1, keepdims=True)
        w_new = v - (xb.T @ (sw[:, None] * (p - y)) + reg * v) / lip
        t_new = (1 + np.sqrt(1 + 4 * t * t)) / 2
        v = w_new + ((t - 1) / t_new) * (w_new - w)
        w, t = w_new, t_new
    return w[:-1], w[-1]


def _round(values) -> list[float]:
    return [round(float(v), 3) + 0.0 for v in values]  # + 0.0: no "-0.0"


def train(rows: list[dict], settings: dict = SETTINGS, feature_lists=None) -> dict:
    """The model's weights as JSON-ready data, learned from `rows`."""
    feature_lists = featurize(rows) if feature_lists is None else feature_lists
    vocab = _vocabulary(feature_lists, [r["repo"] for r in rows], settings["min_repos"])
    x = _matrix(feature_lists, vocab)
    y = np.zeros((len(rows), len(KINDS)))
    for r, row in enumerate(rows):
        y[r, KINDS.index(row["label"])] = 1.0
    sw = y @ np.array(settings["class_weight"])
    weights, bias = fit(x, y, sw, settings["l2"], settings["iters"])
    kept = {
        f: _round(w) for f, w in zip(vocab, weights, strict=True) if np.abs(w).max() >= DROP_BELOW
    }
    return {
        "kinds": list(KINDS),
        "bias": _round(bias),
        "min_probability": settings["min_probability"],
        "weights": kept,
        "settings": {k: list(v) if isinstance(v, tuple) else v for k, v in settings.items()},
    }


def select(rows: list[dict], folds: int = 5) -> tuple[dict, list[tuple[dict, dict]]]:
    """The release weight and threshold with the highest claim plus release recall whose share of
    neither read as claim stays under NEITHER_LIMIT, by grouped k-fold over repositories (the same
    groups as bench/claims_eval.py); with every pair's figures. The rules read first, as built."""
    feature_lists = featurize(rows)
    read_lists = [comments.model_features(seen(row)) for row in rows]  # what the build reads
    fold_of = [group(row["repo"], folds) for row in rows]
    ruled = [comments.rule_kind(seen(row)) for row in rows]
    scored = []
    for weight in RELEASE_WEIGHTS:
        settings = {**SETTINGS, "class_weight": (1.0, weight, 1.0)}
        scores: list[list[float]] = [[] for _ in rows]
        for held in range(folds):
            inside = [i for i in range(len(rows)) if fold_of[i] != held]
            model = claims_model.ClaimsModel(
                train([rows[i] for i in inside], settings, [feature_lists[i] for i in inside])
            )
            for i in range(len(rows)):
                if fold_of[i] == held:
                    scores[i] = model.scores(read_lists[i])
        for threshold in THRESHOLDS:
            got = [
                rule or claims_model.verdict(s, threshold)
                for rule, s in zip(ruled, scores, strict=True)
            ]
            scored.append(({**settings, "min_probability": threshold}, _figures(rows, got)))
    allowed = [pair for pair in scored if pair[1]["neither read as claim"] < NEITHER_LIMIT]
    if not allowed:
        lowest = min(figures["neither read as claim"] for _, figures in scored)
        raise SystemExit(
            f"no release weight and threshold keeps neither-read-as-claim under {NEITHER_LIMIT} "
            f"(lowest {lowest:.3f}): look at the rules' false claims (bench/claims_eval.py --errors)"
        )
    # Ties keep the first pair: the lower release weight, then the higher threshold.
    best = max(allowed, key=lambda pair: pair[1]["claim recall"] + pair[1]["release recall"])
    return best[0], scored


def _figures(rows: list[dict], got: list[str]) -> dict[str, float]:
    """The bench's figures (claim and release precision and recall, neither read as claim) as
    shares, 0 where nothing is counted."""
    counted = tally([row["label"] for row in rows], got)
    return {name: part / whole if whole else 0.0 for name, (part, whole) in counted.items()}


def output() -> bytes:
    """The weights file's bytes, trained on every labeled file."""
    model = train(load(SETS))
    return (
        json.dumps(model, sort_keys=True, ensure_ascii=False, separators=(",", ":")) + "\n"
    ).encode()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare, do not write")
    parser.add_argument("--select", action="store_true", help="print the settings grid's figures")
    args = parser.parse_args(argv)
    if args.select:
        chosen, scored = select(load(SETS))
        for settings, figures in scored:
            said = "  ".join(f"{name} {value:.3f}" for name, value in figures.items())
            weight, threshold = settings["class_weight"][1], settings["min_probability"]
            print(f"release weight {weight:g}, threshold {threshold:g}: {said}")
        print("chosen:", {k: chosen[k] for k in ("class_weight", "min_probability")})
        return 0
    made = output()
    if args.check:
        same = WEIGHTS.exists() and WEIGHTS.read_bytes() == made
        print(f"{WEIGHTS.name}: {'up to date' if same else 'differs from what training makes'}")
        return 0 if same else 1
    WEIGHTS.write_bytes(made)
    print(f"wrote {WEIGHTS.relative_to(ROOT)} ({len(made):,} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
