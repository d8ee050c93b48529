"""How often a second reader (AI helpers) agrees with the labels, beside the shipped judge.

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
import random
import sys
from collections import Counter
from pathlib import Path

import claims_eval
import classify_eval
import judge_gold as gold

from generator.build import text_model

READINGS = gold.DATA_DIR / "second-reader"
CLAIMS = READINGS / "comments.jsonl"
ISSUES = READINGS / "issues.jsonl"
SEED = 20261203
COMMENTS_DRAWN = {"claim": 260, "release": 160, "neither": 220}
SKILL_DRAWN, SIZED_DRAWN = 330, 160
"""Issues with a skill verdict first, then issues with a size until that many have one."""
READERS = 3


def kappa(pairs: list[tuple[str, str]]) -> float:
    """Cohen's kappa of (first, second) verdicts: agreement beyond what chance would give."""
    n = len(pairs)
    observed = sum(a == b for a, b in pairs) / n
    first, second = Counter(a for a, _ in pairs), Counter(b for _, b in pairs)
    chance = sum(first[k] * second[k] for k in first) / (n * n)
    return (observed - chance) / (1 - chance) if chance < 1 else 1.0


def labeled_comments() -> tuple[list[dict], list[str]]:
    """Every labeled comment in the order the bench reads them, and each one's file name."""
    rows, files = [], []
    for data in claims_eval.SETS:
        for row in claims_eval.load(data):
            rows.append(row)
            files.append(data.name)
    return rows, files


def draw_comments(seed: int = SEED) -> list[tuple[dict, str, str | None]]:
    """The comments sample in the order it was handed out: (row, file, the comment before it)."""
    rows, files = labeled_comments()
    by_label: dict[str, list[int]] = {label: [] for label in COMMENTS_DRAWN}
    before: list[str | None] = []
    for i, row in enumerate(rows):
        follows = i and files[i - 1] == files[i] and rows[i - 1]["url"] == row["url"]
        before.append(rows[i - 1]["text"] if follows else None)
    # The draw read the files in name order, as a glob of tests/data/claims/ lists them.
    for i in sorted(range(len(rows)), key=lambda i: files[i]):
        by_label[rows[i]["label"]].append(i)
    rng = random.Random(seed)
    drawn = [i for label, n in COMMENTS_DRAWN.items() for i in rng.sample(by_label[label], n)]
    rng.shuffle(drawn)
    return [(rows[i], files[i], before[i]) for i in drawn]


def draw_issues(seed: int = SEED) -> list[dict]:
    """The issues sample in the order it was handed out: one issue per near-duplicate batch."""
    records = gold.load_records()
    batch = gold.groups(records)
    rng = random.Random(seed)
    order = list(range(len(records)))
    rng.shuffle(order)
    first: dict[int, int] = {}
    for i in order:
        first.setdefault(batch[i], i)
    kept = list(first.values())
    rng.shuffle(kept)
    skill = [i for i in kept if gold.gold_skills(records[i]["labels"]) is not None]
    sized = {i for i in kept if gold.gold_effort(records[i]["labels"]) is not None}
    drawn = skill[:SKILL_DRAWN]
    chosen = set(drawn)
    more = SIZED_DRAWN - len(chosen & sized)
    drawn += [i for i in kept if i in sized and i not in chosen][: max(0, more)]
    rng.shuffle(drawn)
    return [records[i] for i in drawn]


def read_claims(path: Path = CLAIMS) -> tuple[list[dict], list[int], list[dict]]:
    """All labeled comments, the indexes of the sampled ones, and the second reader's rows (same order)."""
    rows, files = labeled_comments()
    where = {
        (name, row["url"], row["text"]): i
        for i, (row, name) in enumerate(zip(rows, files, strict=True))
    }
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
    by_url = {r["url"]: r for r in gold.load_records()}
    second = claims_eval.load(path)
    missing = [row["url"] for row in second if row["url"] not in by_url]
    if missing:
        raise SystemExit(f"{path.name}: no bench record for {missing[0]}")
    return [by_url[row["url"]] for row in second], second


def claims_report(markdown: bool, with_model: bool) -> None:
    rows, picked, second = read_claims()
    sample = [rows[i] for i in picked]
    verdicts = [row["label"] for row in second]
    pairs = [(r["label"], v) for r, v in zip(sample, verdicts, strict=True)]
    agree = sum(a == b for a, b in pairs) / len(pairs)
    print(
        f"claims: {len(sample)} comments from {len({r['repo'] for r in sample})} repositories; "
        f"the second reader agrees with the labels on {agree:.3f}, Cohen's kappa {kappa(pairs):.3f}; "
        f"label needs the previous comment (the reader's own call): "
        f"{sum(not s['alone'] for s in second)}; reader unsure: {sum(not s['sure'] for s in second)}\n"
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
        f"shipped reader ({what}), repositories left out, same comments (each cut as a snapshot "
        f"keeps it; the second reader read them whole)",
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
    }
    constant = {
        f"always {size}": [(frozenset(), size, True, ())] * len(records)
        for size in ("small", "medium")
    }
    print(
        f"skill and effort: {len(records)} issues from {len({r['repo'] for r in records})} "
        f"repositories; text model {how}\n"
    )
    classify_eval.report(records, weights, runs | constant)
    # `sure` is about the skill: the skill verdicts the reader did not hesitate on
    sure = [
        i
        for i, s in enumerate(second)
        if s["sure"] and gold.gold_skills(records[i]["labels"]) is not None
    ]
    print(f"\nthe {len(sure)} skill verdicts the second reader was sure of:")
    for name, got in runs.items():
        items = [(records[i], 1.0, *got[i]) for i in sure]
        found = classify_eval.skill_metrics(items)
        areas = " ".join(f"{a} {found['rows'][a][2]:.3f}" for a in gold.AREAS)
        print(f"- {name}: skill macro-F1 {found['macro']:.3f} ({areas})")


def draw(into: Path) -> None:
    """Write the batches the second readers were given (READERS of each sample), no labels or truth."""
    into.mkdir(parents=True, exist_ok=True)
    comments = [
        {
            "id": n,
            "lang": row["lang"],
            "previous_comment_in_thread": before and before[:600],
            "text": row["text"],
        }
        for n, (row, _, before) in enumerate(draw_comments())
    ]
    issues = [
        {
            "id": n,
            "repo": r["repo"],
            "language": r.get("language") or "",
            "title": r["title"],
            "body": text_model.excerpt(r.get("body") or ""),
            "labels": gold.text_only_labels(r["labels"]),
        }
        for n, r in enumerate(draw_issues())
    ]
    for kind, drawn in (("comments", comments), ("issues", issues)):
        for reader in range(READERS):
            lines = [json.dumps(x, ensure_ascii=False) for x in drawn[reader::READERS]]
            (into / f"{kind}-batch{reader}.jsonl").write_text(
                "\n".join(lines) + "\n", encoding="utf-8"
            )
    print(
        f"{len(comments)} comments and {len(issues)} issues, in {READERS} batches each, in {into}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-model", action="store_true", help="the claims rules alone")
    parser.add_argument("--markdown", action="store_true", help="claims tables as Markdown")
    parser.add_argument(
        "--draw", type=Path, metavar="DIR", help="write the readers' batches to DIR, and stop"
    )
    args = parser.parse_args(argv)
    if args.draw:
        draw(args.draw)
        return 0
    claims_report(args.markdown, not args.no_model)
    issues_report()
    return 0


if __name__ == "__main__":
    sys.exit(main())
