"""How well issues are sorted, on repositories the judge never saw: before (hand rules) and after.

    .venv/bin/python bench/classify_eval.py              # held-out fold models, both files
    .venv/bin/python bench/classify_eval.py --nested     # settings chosen inside each fold too
    .venv/bin/python bench/classify_eval.py --errors text   # every text-only disagreement
    .venv/bin/python bench/classify_eval.py --fresh NEW.jsonl   # a new set, read once as shipped

Data: bench/data/*.jsonl (real issues; the truth is the maintainers' own labels, bench/judge_gold.py).
Whole repositories are left out: 5 folds by a hash of the repo name, and each fold's issues are judged
by a text model trained on the other folds only. With numpy (`pip install -e '.[train]'`) the models
are retrained here; without it the committed ones (bench/data/judge_folds.json, the same bytes while
the data and code are unchanged) are used. Near-duplicate batches weigh 1 in total. "Text only"
strips every gold, skill, size and area label first (judge_gold.text_only_labels); "with labels"
classifies issues as fetched, which is near-circular (the truth is those labels).
"Before" is classify() at BEFORE_REF, the hand-written rules, read from git history.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import time
import types
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import judge_gold as gold  # noqa: E402

from generator import core  # noqa: E402
from generator.build import classify, text_model  # noqa: E402
from generator.core.records import Issue, Label, Repo  # noqa: E402

ROOT = gold.ROOT
FOLDS = gold.DATA_DIR / "judge_folds.json"
BEFORE_REF = "85c4326465e995b7fdab0d5d7c5a058882fe5dcf"  # the last commit of the hand text rules
AREAS, EFFORTS = gold.AREAS, gold.EFFORTS


def to_issue(record: dict, text_only: bool) -> tuple[Issue, Repo]:
    """The record as the pipeline's Issue and Repo, its body cut as `fetch` cuts it; text_only keeps
    only the labels no rule reads."""
    labels = gold.text_only_labels(record["labels"]) if text_only else record["labels"]
    issue = Issue(
        repo=record["repo"],
        number=record.get("number", 0),
        title=record["title"],
        url=record.get("url", ""),
        labels=tuple(Label(n) for n in labels),
        body=text_model.excerpt(record.get("body") or ""),  # what fetch keeps
    )
    language, topics = record.get("language") or "", tuple(record.get("repo_topics") or ())
    return issue, Repo(name_with_owner=record["repo"], url="", language=language, topics=topics)


def fold_models(records, weights, nested: bool = False) -> tuple[list, str]:
    """Held-out text models, one per fold, and where they came from."""
    train_judge = trainer()
    if train_judge is None:
        if nested:
            sys.exit("--nested retrains: pip install -e '.[train]'")
        data = json.loads(FOLDS.read_text(encoding="utf-8"))
        return data["models"], "committed fold models (numpy not installed)"
    feats = train_judge.examples(records)
    if not nested:
        return train_judge.fold_models(records, weights, feats), "retrained per fold"
    models = []
    for held in range(train_judge.K):
        keep = [i for i, r in enumerate(records) if gold.fold_of(r["repo"]) != held]
        sub = ([records[i] for i in keep], [weights[i] for i in keep], [feats[i] for i in keep])
        chosen = select(*sub, salt="inner")
        print(f"- fold {held}: {chosen}", file=sys.stderr)
        models.append(train_judge.train(*sub, chosen))
    return models, "retrained per fold, settings chosen inside each fold (nested)"


def trainer():
    """scripts/train_judge.py, or None when numpy (the `train` extra) is not installed."""
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import train_judge
    except ModuleNotFoundError as missing:
        if missing.name != "numpy":
            raise
        return None
    return train_judge


def select(records, weights, feats, salt: str = "", verbose: bool = False) -> dict:
    """The settings grid's best by 4-fold grouped CV over `records`: macro-F1 for skill, then
    (exact + within one) / 2 for effort."""
    tj = trainer()
    inner = [gold.fold_of(r["repo"], 4, salt) for r in records]
    splits = [[i for i, f in enumerate(inner) if f != k] for k in range(4)]
    held = [[i for i, f in enumerate(inner) if f == k] for k in range(4)]
    scores = []
    for g in tj.SKILL_TRAIN_GRID:
        got = defaultdict(list)
        for train_on, test_on in zip(splits, held, strict=True):
            part = [[p[i] for i in train_on] for p in (records, weights, feats)]
            model = _model(tj.train_skill(*part, {**tj.DEFAULT, **g}), None)
            readings = [model.reading(feats[i]) for i in test_on]  # scored once per model
            for j, d in enumerate(tj.SKILL_DECIDE_GRID):
                vars(model).update(d)  # the decision settings only: no retraining
                for i, reading in zip(test_on, readings, strict=True):
                    areas = {str(a) for a in model.skills(reading)[0]}
                    got[j].append((records[i], weights[i], areas, None, None))
        scores += [
            (skill_metrics(got[j])["macro"], {**g, **d}) for j, d in enumerate(tj.SKILL_DECIDE_GRID)
        ]
    e_scores = []
    for g in tj.EFFORT_TRAIN_GRID:
        got = []
        for train_on, test_on in zip(splits, held, strict=True):
            part = [[p[i] for i in train_on] for p in (records, weights, feats)]
            model = _model(None, tj.train_effort(*part, {**tj.DEFAULT, **g}))
            got += [
                (records[i], weights[i], (), str(model.effort(model.reading(feats[i]))[0]), None)
                for i in test_on
            ]
        m = effort_metrics(got)
        e_scores.append(((m["exact"] + m["within"]) / 2, g))
    if verbose:
        for s, g in sorted(scores, key=lambda t: -t[0]) + sorted(e_scores, key=lambda t: -t[0]):
            print(f"{s:.3f} {g}")
    return {**max(scores, key=lambda t: t[0])[1], **max(e_scores, key=lambda t: t[0])[1]}


def _model(skill: dict | None, effort: dict | None) -> text_model.TextModel:
    """A TextModel from one trained half (the other half empty)."""
    empty_skill = {
        "heads": list(text_model.HEADS),
        "bias": [-30.0] * 5,
        "weights": {},
        "tau": 1,
        "tau2": 1,
        "tau_low": 1,
        "tie": 0,
        "evidence_min": 0,
    }
    empty_effort = {"bias": [0.0, 0.0, 0.0], "weights": {}, "guess_below": 0}
    return text_model.TextModel({"skill": skill or empty_skill, "effort": effort or empty_effort})


def before_classify():
    """classify() as it was at BEFORE_REF, or None when git or that history is missing."""
    sources = {}
    for name in ("classify_rules", "classify"):
        path = f"{BEFORE_REF}:generator/build/{name}.py"
        try:
            done = subprocess.run(["git", "show", path], cwd=ROOT, capture_output=True, check=True)
        except (OSError, subprocess.CalledProcessError):
            return None
        sources[name] = done.stdout.decode()
    package = types.ModuleType("_before.build")
    package.__path__ = []
    # Its relative imports ("..core.records") reach today's core: the same records and enums.
    sys.modules.update({"_before": types.ModuleType("_before"), "_before.build": package})
    sys.modules.update({"_before.core": core, "_before.core.records": core.records})
    sys.modules["_before.core.errors"] = core.errors
    for name, source in sources.items():
        module = types.ModuleType(f"_before.build.{name}")
        module.__package__ = "_before.build"
        sys.modules[module.__name__] = module
        exec(compile(source, f"{BEFORE_REF[:7]}:{name}.py", "exec"), module.__dict__)  # noqa: S102
    return sys.modules["_before.build.classify"].classify


def listed(record: dict) -> bool:
    """Whether the site would list it as is: it carries a beginner label."""
    return any(text_model.beginner(name) for name in record["labels"])


def predict(records, models, mode: str, rules=None) -> list[tuple]:
    """(areas, effort, is it a guess, reasons) per record: `rules` (before) or the fold's model."""
    loaded = [text_model.TextModel(m) for m in models]
    out = []
    for r in records:
        issue, repo = to_issue(r, mode == "text")
        if rules is not None:
            got = rules(issue, repo, None)
            guess = got.reasons[-1].startswith("no size signal")
        else:
            model = loaded[gold.fold_of(r["repo"])]
            got = classify.classify(issue, repo, None, using=model, listed=listed(r))
            guess = got.effort_is_guess
        out.append((frozenset(map(str, got.skills)), str(got.effort), guess, got.reasons))
    return out


# ---- metrics ------------------------------------------------------------------------------------------


def skill_metrics(items) -> dict:
    """items: (record, weight, areas, …); records without a gold verdict are skipped."""
    tp, fp, fn = defaultdict(float), defaultdict(float), defaultdict(float)
    said_any = said_any_right = gold_any = gold_any_kept = total = 0.0
    for record, w, got, *_ in items:
        want = gold.gold_skills(record["labels"])
        if want is None:
            continue
        total += w
        for a in AREAS:
            tp[a] += w * (a in got and a in want)
            fp[a] += w * (a in got and a not in want)
            fn[a] += w * (a not in got and a in want)
        said_any += w * (not got)
        said_any_right += w * (not got and not want)
        gold_any += w * (not want)
        gold_any_kept += w * (not want and not got)
    rows = {}
    for a in AREAS:
        p = tp[a] / (tp[a] + fp[a]) if tp[a] + fp[a] else 0.0
        r = tp[a] / (tp[a] + fn[a]) if tp[a] + fn[a] else 0.0
        rows[a] = (p, r, 2 * p * r / (p + r) if p + r else 0.0)
    return {
        "rows": rows,
        "macro": sum(v[2] for v in rows.values()) / len(AREAS),
        "weight": total,
        "any_said": said_any,
        "any_right": said_any_right / said_any if said_any else float("nan"),
        "any_gold": gold_any,
        "any_kept": gold_any_kept / gold_any if gold_any else float("nan"),
    }


def effort_metrics(items) -> dict:
    """items: (record, weight, areas, effort, is it a guess); records without a gold size skipped."""
    sums = defaultdict(float)
    for record, w, _, got, guess, *_ in items:
        want = gold.gold_effort(record["labels"])
        if want is None:
            continue
        right = got == want
        sums["total"] += w
        sums["exact"] += w * right
        sums["within"] += w * (abs(EFFORTS.index(got) - EFFORTS.index(want)) <= 1)
        sums["guess"] += w * bool(guess)
        sums["guess_right"] += w * (bool(guess) and right)
    total, guessed = sums["total"] or float("nan"), sums["guess"]
    return {
        "weight": sums["total"],
        "exact": sums["exact"] / total,
        "within": sums["within"] / total,
        "guess_share": guessed / total,
        "guess_right": sums["guess_right"] / guessed if guessed else float("nan"),
        "sure_right": (sums["exact"] - sums["guess_right"]) / (total - guessed)
        if total - guessed
        else float("nan"),
    }


def measure(records, weights, preds) -> tuple[dict, dict]:
    """Skill and effort metrics of one list of predictions."""
    items = [(r, w, *p) for r, w, p in zip(records, weights, preds, strict=True)]
    return skill_metrics(items), effort_metrics(items)


# ---- report -------------------------------------------------------------------------------------------


def report(records, weights, runs: dict[str, list]) -> None:
    """Per-area, "any skill", effort and slice tables for each run, as Markdown."""
    measured = {name: measure(records, weights, p) for name, p in runs.items()}
    print("| | " + " | ".join(measured) + " |\n|---|" + "---|" * len(measured))
    for a in AREAS:
        cells = [
            f"{s['rows'][a][0]:.2f} / {s['rows'][a][1]:.2f} / **{s['rows'][a][2]:.3f}**"
            for s, _ in measured.values()
        ]
        print(f"| {a} P / R / F1 | " + " | ".join(cells) + " |")
    rows = [
        ("**skill macro-F1**", lambda s, e: f"**{s['macro']:.3f}**"),
        (
            '"any skill" said: share right (weight)',
            lambda s, e: f"{s['any_right']:.2f} ({s['any_said']:.0f})",
        ),
        (
            'gold "any skill" kept so (weight)',
            lambda s, e: f"{s['any_kept']:.2f} ({s['any_gold']:.0f})",
        ),
        ("**effort exact**", lambda s, e: f"**{e['exact']:.3f}**"),
        ("**effort within one size**", lambda s, e: f"**{e['within']:.3f}**"),
        (
            "effort shown as a guess: share / right",
            lambda s, e: f"{e['guess_share']:.2f} / {e['guess_right']:.2f}",
        ),
        ("effort not a guess: right", lambda s, e: f"{e['sure_right']:.2f}"),
        ("weight (skill / effort)", lambda s, e: f"{s['weight']:.0f} / {e['weight']:.0f}"),
    ]
    for title, cell in rows:
        print(f"| {title} | " + " | ".join(cell(s, e) for s, e in measured.values()) + " |")


def slices(records, weights, runs: dict[str, list]) -> None:
    """Macro-F1 (backend/data/frontend/design F1) and effort exact / within, by slice."""
    print(
        "| slice | weight (skill / effort) | "
        + " | ".join(f"{n}: macro-F1 (B/Da/F/De) · effort exact / within" for n in runs)
        + " |"
    )
    print("|---|---|" + "---|" * len(runs))
    cuts = [
        gold.language_group,
        lambda r: "civic" if gold.is_civic(r) else "general",
        lambda r: "listed (a beginner label)" if listed(r) else "not listed",
    ]
    for cut in cuts:
        for value in sorted({cut(r) for r in records}):
            keep = [i for i, r in enumerate(records) if cut(r) == value]
            cells, size = [], ""
            for p in runs.values():
                s, e = measure(
                    [records[i] for i in keep], [weights[i] for i in keep], [p[i] for i in keep]
                )
                f1 = "/".join(f"{s['rows'][a][2]:.2f}" for a in AREAS)
                cells.append(f"{s['macro']:.3f} ({f1}) · {e['exact']:.3f} / {e['within']:.3f}")
                size = f"{s['weight']:.0f} / {e['weight']:.0f}"
            print(f"| {value} | {size} | " + " | ".join(cells) + " |")


def speed(records, rules=None, count: int = 20_000, rounds: int = 5) -> str:
    """Judging `count` issues against one regex tokenising pass over the same text (best of rounds)."""
    items = [to_issue(records[i % len(records)], False) for i in range(count)]
    texts = [
        (i.title, text_model.excerpt(i.body), [label.name for label in i.labels], r.language)
        for i, r in items
    ]
    token = re.compile(r"[a-z][a-z0-9_#+-]+")
    text_model.model()  # read the weights before the clock starts (once per build)

    def best(run) -> float:
        took = float("inf")
        for _ in range(rounds):
            start = time.perf_counter()
            run()
            took = min(took, time.perf_counter() - start)
        return took

    base = best(lambda: [token.findall(f"{t}\n{b}".lower()) for t, b, _, _ in texts])
    text = best(lambda: [text_model.judge_text(t, b, (), lang) for t, b, _, lang in texts])
    full = best(lambda: [classify.classify(i, r) for i, r in items])
    said = (
        f"{count} issues (title and a body cut to {text_model.BODY_LIMIT} characters), best of {rounds}: "
        f"text model alone **{text:.3f} s** ({text / count * 1e6:.0f} µs each, {text / base:.1f}× one "
        f"regex tokenising pass, {base:.3f} s); classify() with the labels as captured **{full:.3f} s**"
    )
    if rules is not None:
        said += f"; the hand rules before, with labels, {best(lambda: [rules(i, r, None) for i, r in items]):.3f} s"
    size = text_model.WEIGHTS.stat().st_size + Path(text_model.__file__).stat().st_size
    return said + f". Added to the install: text_model.py and its weights, {size / 1024:.0f} KB."


def errors(records, preds) -> None:
    """Every disagreement with the gold, with the reasons given."""
    for r, (areas, effort, _, reasons) in zip(records, preds, strict=True):
        want, size = gold.gold_skills(r["labels"]), gold.gold_effort(r["labels"])
        if want is not None and want != areas:
            print(
                f"  skill {sorted(want)} got {sorted(areas)}: {r['url']}\n      {'; '.join(reasons)}"
            )
        if size is not None and size != effort:
            print(f"  effort {size} got {effort}: {r['url']}\n      {'; '.join(reasons)}")


def read_fresh(path: Path) -> int:
    """A set gathered after the shipped model was trained, read once by it: the honest figure for
    a new set, taken before the set joins bench/data and the training."""
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    trained = {r["repo"].lower() for r in gold.load_records()}
    shared = sorted({r["repo"] for r in records if r["repo"].lower() in trained})
    if shared:
        raise SystemExit(
            f"{path}: {len(shared)} repositories are in the training data: {shared[:5]}"
        )
    weights = gold.weights(gold.groups(records))
    shipped = [json.loads(text_model.WEIGHTS.read_text(encoding="utf-8"))] * 5
    repos = len({r["repo"] for r in records})
    print(
        f"{path.name}: {len(records)} issues from {repos} repos, none trained on; the shipped model."
    )
    for mode, title in (("text", "Text only"), ("labels", "With labels")):
        print(f"\n### {title}\n")
        report(records, weights, {"shipped": predict(records, shipped, mode)})
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--nested", action="store_true", help="choose settings inside each fold (numpy)"
    )
    parser.add_argument(
        "--errors", choices=("labels", "text"), help="list one mode's disagreements"
    )
    parser.add_argument("--no-speed", action="store_true")
    parser.add_argument(
        "--fresh",
        type=Path,
        help="read a JSONL of issues no model was trained on, with the shipped one",
    )
    args = parser.parse_args()
    if args.fresh:
        return read_fresh(args.fresh)
    records, weights = gold.load()
    models, how = fold_models(records, weights, args.nested)
    rules = before_classify()
    repos = len({r["repo"] for r in records})
    print(f"{len(records)} issues from {repos} repos, 5 folds of whole repos; text model: {how}.")
    if rules is None:
        print(
            "(No git history of the hand rules here: the before figures are in docs/classification.md.)"
        )
    for mode, title in (("text", "Text only"), ("labels", "With labels")):
        runs = {"after": predict(records, models, mode)}
        if rules is not None:
            runs = {"before": predict(records, models, mode, rules), **runs}
        print(f"\n### {title}\n")
        report(records, weights, runs)
        if mode == "text":
            print(
                "\nFor scale, one size for every issue (exact / within one): "
                + ", ".join(
                    f"{size} {e['exact']:.3f} / {e['within']:.3f}"
                    for size in EFFORTS
                    for _, e in [measure(records, weights, [((), size, True, ())] * len(records))]
                )
            )
        print(f"\n{title}, by slice:\n")
        slices(records, weights, runs)
        if args.errors == mode:
            errors(records, runs["after"])
    if not args.no_speed:
        print("\n### Speed\n\n" + speed(records, rules))
    return 0


if __name__ == "__main__":
    sys.exit(main())
