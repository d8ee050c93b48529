"""Measure generator.build.claims.comment_kind on real, hand-labeled issue comments, repositories left out.

    .venv/bin/python bench/claims_eval.py [--folds 5] [--markdown] [--errors [--skip-fold N]]
                                          [--timing] [--data FILE.jsonl ...] [--fresh FILE.jsonl]

The labeled sets (tests/data/claims/comments.jsonl, holdout.jsonl, unseen.jsonl by default) are split
into k groups by a hash of the repository name, so no repository is on both sides of a split. Each
group is read by a reader built from the other groups only (`reader`: the rules, plus whatever is
learned from the training rows when a learned part exists), and the figures pool those held-out
verdicts. Hand-written rules learn nothing from the rows, so for them the grouped figures are only as
honest as the writing was: tests/data/claims/README.md says which group was never read while the
rules were written (`SEALED`), and its figures are printed apart. `--fresh` (default
tests/data/claims/fresh.jsonl when present) is a set gathered and labeled after the rules were
frozen, from repositories in none of the other files: the figure no tuning touched.

Printed per slice (all, English, not English, each language with at least 10 rows, commands,
phrases): claim precision and recall, release precision and recall, and the share of "neither"
comments read as claims. `--timing` prints the mean cost of one call. `--errors` lists every misread
comment (leaving out `--skip-fold`'s group, so that the sealed group stays unread while rules are
revised)."""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from generator.build.claims import comment_kind  # noqa: E402

DATA = Path(__file__).resolve().parent.parent / "tests" / "data" / "claims"
SETS = (DATA / "comments.jsonl", DATA / "holdout.jsonl", DATA / "unseen.jsonl")
FRESH = DATA / "fresh.jsonl"
LABELS = ("claim", "release", "neither")
FOLDS = 5
SEALED = 0
"""The group left unread while the round-7 rules were written (see tests/data/claims/README.md)."""
MIN_LANGUAGE_ROWS = 10
EXCERPT = 200
"""Characters of a comment the snapshot keeps (generator.fetch.queries.COMMENT_EXCERPT)."""

Reader = Callable[[str], str]


def load(path: Path) -> list[dict]:
    """The labeled comments, one JSON object a line."""
    return [
        json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()
    ]


def group(repo: str, k: int = FOLDS) -> int:
    """The repository's group: a stable hash of its lower-cased name, so a split never changes."""
    return int(hashlib.sha256(repo.lower().encode()).hexdigest(), 16) % k


def reader(training: list[dict]) -> Reader:
    """The verdict function fitted on `training` rows: the shipped rules learn nothing from them."""
    del training
    return lambda text: comment_kind(text) or "neither"


def held_out(rows: list[dict], k: int = FOLDS) -> list[str]:
    """Each row's verdict from a reader built without any row of its repository's group."""
    verdicts = [""] * len(rows)
    for fold in range(k):
        inside = [i for i, row in enumerate(rows) if group(row["repo"], k) == fold]
        read = reader([row for row in rows if group(row["repo"], k) != fold])
        for i in inside:
            verdicts[i] = read(rows[i]["text"])
    return verdicts


def slices(rows: list[dict]) -> list[tuple[str, list[int]]]:
    """Named subsets (as row indexes): all, English, not English, each language, commands, phrases."""
    found = [
        ("all", list(range(len(rows)))),
        ("English", [i for i, r in enumerate(rows) if r["lang"] == "en"]),
        ("not English", [i for i, r in enumerate(rows) if r["lang"] != "en"]),
    ]
    languages = Counter(r["lang"] for r in rows if r["lang"] != "en")
    for lang, n in sorted(languages.items(), key=lambda item: (-item[1], item[0])):
        if n >= MIN_LANGUAGE_ROWS:
            found.append((lang, [i for i, r in enumerate(rows) if r["lang"] == lang]))
    found.append(("commands", [i for i, r in enumerate(rows) if r["kind"] == "command"]))
    found.append(("phrases", [i for i, r in enumerate(rows) if r["kind"] == "phrase"]))
    return found


def ratio(part: int, whole: int) -> str:
    """'0.912 (31/34)', or '—' when there is nothing to divide by."""
    return f"{part / whole:.3f} ({part}/{whole})" if whole else "—"


def figures(gold: list[str], got: list[str]) -> dict[str, str]:
    """Claim and release precision and recall, and the share of neither read as a claim."""
    table = Counter(zip(gold, got, strict=True))
    out = {"comments": str(len(gold))}
    for label in ("claim", "release"):
        hit = table[(label, label)]
        said = sum(n for (_, p), n in table.items() if p == label)
        are = sum(n for (g, _), n in table.items() if g == label)
        out[f"{label} precision"] = ratio(hit, said)
        out[f"{label} recall"] = ratio(hit, are)
    neither = sum(n for (g, _), n in table.items() if g == "neither")
    out["neither read as claim"] = ratio(table[("neither", "claim")], neither)
    return out


def report(title: str, rows: list[dict], got: list[str], markdown: bool) -> None:
    """Print one set's figures, a row per slice."""
    print(f"== {title}")
    columns = None
    for name, picked in slices(rows):
        found = figures([rows[i]["label"] for i in picked], [got[i] for i in picked])
        if columns is None:
            columns = list(found)
            if markdown:
                print("| slice | " + " | ".join(columns) + " |")
                print("| --- " * (len(columns) + 1) + "|")
        if markdown:
            print(f"| {name} | " + " | ".join(found[c] for c in columns) + " |")
        else:
            print(f"{name:<12} " + "  ".join(f"{c}: {found[c]}" for c in columns))
    print()


def errors(rows: list[dict], got: list[str], skip: int | None, k: int) -> None:
    """Every misread comment with its thread, except those in the group left unread."""
    for row, verdict in zip(rows, got, strict=True):
        if verdict != row["label"] and (skip is None or group(row["repo"], k) != skip):
            print(
                f"[{row['lang']} {row['label']} → {verdict}] {row['url']}\n    {row['text'][:200]!r}"
            )


def timing(rows: list[dict], repeat: int = 20) -> None:
    """Mean time of one comment_kind call over the rows' texts, cut to the excerpt a snapshot keeps."""
    texts = [row["text"][:EXCERPT] for row in rows] * repeat
    start = time.perf_counter()
    for text in texts:
        comment_kind(text)
    spent = time.perf_counter() - start
    print(f"comment_kind: {spent / len(texts) * 1e6:.1f} µs a comment ({len(texts)} calls)\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, nargs="+", default=list(SETS))
    parser.add_argument("--fresh", type=Path, default=FRESH if FRESH.exists() else None)
    parser.add_argument("--folds", type=int, default=FOLDS)
    parser.add_argument("--markdown", action="store_true", help="print the tables as Markdown")
    parser.add_argument("--timing", action="store_true", help="time comment_kind per comment")
    parser.add_argument("--errors", action="store_true", help="list every misread comment")
    parser.add_argument(
        "--skip-fold", type=int, default=None, help="with --errors: leave a group out"
    )
    args = parser.parse_args(argv)
    rows = [row for path in args.data for row in load(path)]
    if args.timing:
        timing(rows)
    got = held_out(rows, args.folds)
    repos = {row["repo"] for row in rows}
    report(
        f"{', '.join(p.name for p in args.data)}: {len(rows)} comments, {len(repos)} repositories, "
        f"grouped {args.folds}-fold by repository",
        rows,
        got,
        args.markdown,
    )
    if args.folds == FOLDS:
        sealed = [i for i, row in enumerate(rows) if group(row["repo"], args.folds) == SEALED]
        report(
            f"group {SEALED} alone (unread while the rules were written): {len(sealed)} comments",
            [rows[i] for i in sealed],
            [got[i] for i in sealed],
            args.markdown,
        )
    if args.errors:
        errors(rows, got, args.skip_fold, args.folds)
    if args.fresh:
        fresh = load(args.fresh)
        fresh_got = reader(rows)  # everything labeled before it trains; the fresh set judges
        verdicts = [fresh_got(row["text"]) for row in fresh]
        report(
            f"{args.fresh.name}: {len(fresh)} comments, no tuning", fresh, verdicts, args.markdown
        )
        if args.errors:
            errors(fresh, verdicts, None, args.folds)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
