"""How often a second, careful reader agrees with the labels, beside the shipped judge on the same rows.

    .venv/bin/python bench/second_reader.py [--no-model] [--markdown]

Two samples were read again by a second reader, working from the text alone, blind to the labels
and to the project's code (bench/data/second-reader/README.md says who, how, and what each was
shown):

- `comments.jsonl`: 640 labeled comments of tests/data/claims/ (260 claims, 160 releases, 220
  neither, drawn at random with a fixed seed from all files), each shown with the comment before it
  in its thread;
- `issues.jsonl`: 449 bench issues, one per near-duplicate batch, drawn at random
  (369 with a skill verdict, 160 with a size), shown as the text-only bench shows them.

For each it prints the second reader's figures against the files' labels, then the shipped judge's on
the same rows, read with repositories left out as `claims_eval.py` and `classify_eval.py` read them:
what the labels allow a reader to reach, and how far the judge is from it. `--no-model` skips the
claims model's five trainings (minutes); the skill models train in seconds."""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

import claims_eval
import classify_eval
import judge_gold as gold

READINGS = gold.DATA_DIR / "second-reader"
CLAIMS = READINGS / "comments.jsonl"
ISSUES = READINGS / "issues.jsonl"


def kappa(pairs: list[tuple[str, str]]) -> float:
    """Cohen's kappa of (first, second) verdicts: agreement beyond what chance would give."""
    n = len(pairs)
    observed = sum(a == b for a, b in pairs) / n
    first, second = Counter(a for a, _ in pairs), Counter(b for _, b in pairs)
    chance = sum(first[k] * second[k] for k in first) / (n * n)
    return (observed - chance) / (1 - chance) if chance < 1 else 1.0


def read_claims(path: Path = CLAIMS) -> tuple[list[dict], list[int], list[dict]]:
    """All labeled comments, the indexes of the sampled ones, and the second reader's rows (same order)."""
    rows, where = [], {}
    for data in claims_eval.SETS:
        for row in claims_eval.load(data):
            where[(data.name, row["url"], row["text"])] = len(rows)
            rows.append(row)
    second = claims_eval.load(path)
    picked = []
    for row in second:
        key = (row["file"], row["url"], row["text"])
        if key not in where:
            raise SystemExit(f"{path.name}: no labeled comment {key!r}")
        picked.append(where[key])
    return rows, picked, second


def read_issues(path: Path = ISSUES) -> tuple[list[dict], list[dict]]:
    """The sampled issues (bench records) and the second reader's rows, in the same order."""
    records, _ = gold.load()
    by_url = {r["url"]: r for r in records}
    second = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    missing = [row["url"] for row in second if row["url"] not in by_url]
    if missing:
        raise SystemExit(f"{path.name}: no bench record for {missing[0]}")
    return [by_url[row["url"]] for row in second], second


def claims_report(markdown: bool, with_model: bool) -> None:
    rows, picked, second = read_claims()
    sample = [rows[i] for i in picked]
    verdicts = [row["label"] for row in second]
    agree = sum(r["label"] == v for r, v in zip(sample, verdicts, strict=True)) / len(sample)
    pairs = [(r["label"], v) for r, v in zip(sample, verdicts, strict=True)]
    print(
        f"claims: {len(sample)} comments from {len({r['repo'] for r in sample})} repositories; "
        f"the second reader agrees with the labels on {agree:.3f}, Cohen's kappa {kappa(pairs):.3f}; "
        f"label needs the previous comment: {sum(not s['alone'] for s in second)}; "
        f"reader unsure: {sum(not s['sure'] for s in second)}\n"
    )
    claims_eval.report("second reader (comment and the one before it)", sample, verdicts, markdown)
    sure = [i for i, s in enumerate(second) if s["sure"]]
    claims_eval.report(
        f"second reader, the {len(sure)} it was sure of",
        [sample[i] for i in sure],
        [verdicts[i] for i in sure],
        markdown,
    )
    held = claims_eval.held_out(rows, rules_only=not with_model)
    what = "rules and model" if with_model else "rules alone"
    claims_eval.report(
        f"shipped reader ({what}), repositories left out, same comments",
        sample,
        [held[i] for i in picked],
        markdown,
    )


def issues_report() -> None:
    records, second = read_issues()
    weights = [1.0] * len(records)  # one issue per near-duplicate batch: each weighs one
    models, how = classify_eval.fold_models(*gold.load())
    runs = {
        "second reader": [(frozenset(s["skills"]), s["size"], False, ()) for s in second],
        "shipped, text only": classify_eval.predict(records, models, "text"),
        "always small": [(frozenset(), "small", True, ())] * len(records),
        "always medium": [(frozenset(), "medium", True, ())] * len(records),
    }
    sure = [i for i, s in enumerate(second) if s["sure"]]
    print(
        f"skill and effort: {len(records)} issues from {len({r['repo'] for r in records})} "
        f"repositories; text model {how}; reader unsure of the skill: {len(records) - len(sure)}\n"
    )
    classify_eval.report(records, weights, runs)
    print(f"\nthe {len(sure)} issues whose skill the second reader was sure of:\n")
    classify_eval.report(
        [records[i] for i in sure],
        [1.0] * len(sure),
        {name: [got[i] for i in sure] for name, got in runs.items() if "always" not in name},
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-model", action="store_true", help="the claims rules alone")
    parser.add_argument("--markdown", action="store_true", help="claims tables as Markdown")
    args = parser.parse_args(argv)
    claims_report(args.markdown, not args.no_model)
    issues_report()
    return 0


if __name__ == "__main__":
    sys.exit(main())
