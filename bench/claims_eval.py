"""Measure generator.claims.comment_kind on real, hand-labeled issue comments.

    .venv/bin/python bench/claims_eval.py [--data FILE.jsonl ...] [--errors]

Prints, for each labeled set and for all together, the confusion table (gold label × predicted
kind) and precision and recall for "claim" and "release"; with --errors every comment the rules
got wrong, with its thread URL. By default the sets are tests/data/claims/comments.jsonl (the
rules were written against it) and holdout.jsonl (labeled before the shipped rules saw it).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from generator.build.claims import comment_kind  # noqa: E402

DATA = Path(__file__).resolve().parent.parent / "tests" / "data" / "claims"
SETS = (DATA / "comments.jsonl", DATA / "holdout.jsonl")
LABELS = ("claim", "release", "neither")


def load(path: Path) -> list[dict]:
    """The labeled comments, one JSON object a line."""
    return [
        json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()
    ]


def predict(row: dict) -> str:
    """The rules' verdict as a label name."""
    return comment_kind(row["text"]) or "neither"


def confusion(rows: list[dict]) -> Counter:
    """Counts of (gold, predicted) pairs."""
    return Counter((row["label"], predict(row)) for row in rows)


def precision_recall(table: Counter, label: str) -> tuple[float, float]:
    """Precision and recall of one label from a confusion table (1.0 when nothing was
    predicted/present).
    """
    true_pos = table[(label, label)]
    predicted = sum(n for (_, p), n in table.items() if p == label)
    actual = sum(n for (g, _), n in table.items() if g == label)
    return (true_pos / predicted if predicted else 1.0, true_pos / actual if actual else 1.0)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, nargs="+", default=list(SETS))
    parser.add_argument("--errors", action="store_true", help="list every misread comment")
    args = parser.parse_args(argv)
    sets = [(path.name, load(path)) for path in args.data]
    if len(sets) > 1:
        sets.append(("all", [row for _, rows in sets for row in rows]))
    for name, rows in sets:
        print(f"== {name}")
        report(rows, args.errors and name != "all")
        print()
    return 0


def report(rows: list[dict], errors: bool) -> None:
    """Print one set's confusion table and figures."""
    table = confusion(rows)
    print(
        f"{len(rows)} comments: "
        + ", ".join(f"{sum(r['label'] == k for r in rows)} {k}" for k in LABELS)
    )
    print()
    print(f"{'gold / predicted':<18}" + "".join(f"{k:>10}" for k in LABELS))
    for gold in LABELS:
        print(f"{gold:<18}" + "".join(f"{table[(gold, p)]:>10}" for p in LABELS))
    print()
    for label in ("claim", "release"):
        precision, recall = precision_recall(table, label)
        print(f"{label:<8} precision {precision:.3f}  recall {recall:.3f}")
    if errors:
        print()
        for row in rows:
            got = predict(row)
            if got != row["label"]:
                print(f"[{row['label']} → {got}] {row['url']}\n    {row['text'][:160]!r}")


if __name__ == "__main__":
    raise SystemExit(main())
