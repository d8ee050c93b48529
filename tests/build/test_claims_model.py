"""The learned comment reader: its features, how it joins the rules, its training and its measure.

Training needs numpy, which the build never does: those tests skip without it.
"""

from __future__ import annotations

import hashlib
import sys

import pytest

from generator.build import claims_model, comments
from generator.build.comments import read_comment, rule_kind
from tests.helpers import ROOT

sys.path.insert(0, str(ROOT / "scripts"))
UNSEEN = ROOT / "tests" / "data" / "claims" / "unseen.jsonl"


def tiny_model(weights: dict[str, list[float]], min_probability: float = 0.9):
    """A model that knows only `weights` (claim, release, neither), leaning to neither."""
    return claims_model.ClaimsModel(
        {"bias": [0.0, 0.0, 2.0], "weights": weights, "min_probability": min_probability}
    )


# --- features ------------------------------------------------------------------------------------


def test_features_read_words_pairs_and_characters():
    feats = claims_model.features("@alice 我来认领 #12, can i take it?")
    assert {"w:@", "w:#0", "c:认领", "c:我", "w:can", "b:can i", "first:@", "?"} <= set(feats)
    assert not any("alice" in f for f in feats)  # a person's name is one repository's word


def test_features_of_the_build_are_those_of_the_normalized_text():
    # what the writer quoted is not read by the model either
    assert "w:assign" not in comments.model_features('You can write "assign me" to get it.')
    assert "w:take" in comments.model_features("I'll take it")


# --- how the model joins the rules ---------------------------------------------------------------


def test_the_rules_verdict_stands_whatever_the_model_says():
    says_release = tiny_model({"w:can": [0.0, 9.0, 0.0], "w:take": [0.0, 9.0, 0.0]})
    assert rule_kind("Can I take this?") == "claim"
    assert read_comment("Can I take this?", says_release) == "claim"


def test_the_model_speaks_only_when_the_rules_find_nothing_and_it_is_sure():
    text = "Ill grab it"  # no rule reads it (see rule_kind below)
    assert rule_kind(text) is None
    sure = tiny_model({"w:grab": [9.0, 0.0, 0.0]})
    unsure = tiny_model({"w:grab": [3.0, 0.0, 0.0]})  # p(claim) about 0.7
    assert read_comment(text, sure) == "claim"
    assert read_comment(text, unsure) is None
    assert read_comment(text, tiny_model({"w:grab": [3.0, 0.0, 0.0]}, 0.6)) == "claim"


def test_a_verdict_names_the_words_behind_it():
    model = tiny_model({"w:grab": [9.0, 0.0, 0.0], "w:it": [0.5, 0.0, 0.0], "w:ill": [0, 0, 1]})
    verdict = model.explain("ill grab it")
    assert verdict == claims_model.Verdict("claim", ("w:grab", "w:it"))


def test_the_shipped_weights_are_small_and_readable():
    # It grows with the labeled comments (8,651 from 3,149 repositories: 668 KB, 19,557 features;
    # at 523 KB it was read in 40 ms once a build on the shared 2-core machine).
    assert claims_model.WEIGHTS.stat().st_size <= 700_000
    model = claims_model.shipped()
    assert 0.5 < model.min_probability <= 1.0 and len(model.bias) == 3
    assert all(len(w) == 3 for w in model.weights.values())


# --- training and the honest measure --------------------------------------------------------------


@pytest.mark.slow  # trains the model: seconds
def test_retraining_writes_the_committed_weights_byte_for_byte():
    pytest.importorskip("numpy", reason="retraining needs numpy: pip install -e '.[train]'")
    import train_claims

    assert claims_model.WEIGHTS.read_bytes() == train_claims.output(), (
        "generator/build/claims_model.json is not what training makes now: "
        "run `python scripts/train_claims.py` and commit the result"
    )


def _repos_in(fold: int, count: int) -> list[str]:
    """`count` made-up repository names that fall in `fold` of the bench's grouping."""
    from bench.claims_eval import group

    names = (f"o/r{i}" for i in range(10_000))
    return [name for name in names if group(name) == fold][:count]


def test_the_bench_never_trains_on_the_repositories_it_reads():
    """A word only one group's repositories use is learned when they are trained on, and unknown
    when their own group is read: no fold's model saw its test repositories."""
    pytest.importorskip("numpy", reason="the bench retrains per fold: pip install -e '.[train]'")
    from bench.claims_eval import group, held_out, reader

    rows = []
    for fold in range(5):
        for repo in _repos_in(fold, 4):
            word = "zorblax" if fold == 2 else "hello"
            for n in range(6):
                text = f"{word} {hashlib.sha256(f'{repo}{n}'.encode()).hexdigest()[:6]}"
                label = "claim" if fold == 2 else "neither"
                rows.append({"repo": repo, "text": text, "label": label, "url": "u"})
    assert reader(rows)("zorblax zz") == "claim"  # learnable when seen
    verdicts = held_out(rows)
    assert all(v == "neither" for r, v in zip(rows, verdicts, strict=True) if group(r["repo"]) == 2)


@pytest.mark.slow  # trains ten models: seconds
def test_select_keeps_false_claims_under_the_limit_and_takes_the_most_recall():
    pytest.importorskip("numpy", reason="selection retrains: pip install -e '.[train]'")
    import train_claims

    rows = train_claims.load([UNSEEN])
    chosen, scored = train_claims.select(rows, folds=3)
    grid = [(s["class_weight"][1], s["min_probability"]) for s, _ in scored]
    assert len(set(grid)) == len(train_claims.RELEASE_WEIGHTS) * len(train_claims.THRESHOLDS)
    allowed = [f for _, f in scored if f["neither read as claim"] < train_claims.NEITHER_LIMIT]
    figures = next(f for s, f in scored if s == chosen)
    assert figures["neither read as claim"] < train_claims.NEITHER_LIMIT
    best = max(f["claim recall"] + f["release recall"] for f in allowed)
    assert figures["claim recall"] + figures["release recall"] == best


@pytest.mark.slow  # trains ten models: seconds
def test_select_says_so_when_no_setting_keeps_false_claims_under_the_limit(monkeypatch):
    pytest.importorskip("numpy", reason="selection retrains: pip install -e '.[train]'")
    import train_claims

    monkeypatch.setattr(train_claims, "NEITHER_LIMIT", 0.0)
    rows = train_claims.load([UNSEEN])
    with pytest.raises(SystemExit, match="no release weight and threshold keeps"):
        train_claims.select(rows, folds=3)


def test_select_reads_scores_as_the_model_does():
    """--select reads held-out scores with claims_model.verdict: the model's own verdicts."""
    pytest.importorskip("numpy", reason="train_claims needs numpy: pip install -e '.[train]'")
    import train_claims

    model = claims_model.shipped()
    rows = train_claims.load([UNSEEN])
    for row in rows:
        said = row["text"].lower()
        scores = model.scores(claims_model.features(said))
        assert claims_model.verdict(scores, model.min_probability) == model.kind(said), row["text"]
