"""Measure generator.build.comments.comment_kind on real, hand-labeled issue comments, repositories left out.

    .venv/bin/python bench/claims_eval.py [--folds 5] [--markdown] [--errors [--skip-fold N]]
                                          [--timing] [--rules] [--data FILE.jsonl ...]
                                          [--fresh FILE.jsonl]

The reader is the phrase rules, and where they find nothing a model learned from labeled comments
(claims_model.py, trained by scripts/train_claims.py; numpy). The labeled sets (all fourteen files of
tests/data/claims/ by default, 8,651 comments) are split into k groups by a hash of the repository
name, so no repository is on both sides of a split. Each group is read by a model trained on the
other groups only (`reader` retrains it per fold), and the figures pool those held-out verdicts.
Each comment is read as the build reads it: the excerpt a snapshot keeps (`seen`). The rules learn
nothing from the rows, but they were written reading most of comments.jsonl, holdout.jsonl and
unseen.jsonl: tests/data/claims/README.md says which group of those was never read (`SEALED`), and
its figures are printed apart. `--fresh` (default tests/data/claims/fresh.jsonl) is a second honest
figure: a model trained on the other files only reads a set gathered after the rules were frozen,
from repositories in none of the other files. `--rules` measures the rules alone (the figures before
the model).

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

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from generator.build import claims_model, comments  # noqa: E402
from generator.fetch.queries import kept_comment  # noqa: E402

DATA = ROOT / "tests" / "data" / "claims"
READ = (DATA / "comments.jsonl", DATA / "holdout.jsonl", DATA / "unseen.jsonl")
"""The files the rules were written from (all but the sealed group)."""
FRESH = DATA / "fresh.jsonl"
ROUNDS = tuple(DATA / f"round{n}.jsonl" for n in (9, 10, 11, 12, 13, 14, 15, 16, 17))
"""Each gathered after the model shipped; read once by it, then added to its training (the README)."""
REVISITED = DATA / "revisited.jsonl"
"""More threads of repositories already in the files above, gathered for issue-level releases: for
training and the pooled figures only, never read once (the model has seen those repositories)."""
SETS = (*READ, FRESH, *ROUNDS, REVISITED)
LABELS = ("claim", "release", "neither")
FOLDS = 5
SEALED = 0
"""The group left unread while the round-7 rules were written (see tests/data/claims/README.md)."""
MIN_LANGUAGE_ROWS = 10

Reader = Callable[[str], str]


def load(path: Path) -> list[dict]:
    """The labeled comments, one JSON object a line."""
    return [
        json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()
    ]


def seen(row: dict) -> str:
    """What the build reads of a labeled comment: the excerpt a snapshot keeps of it."""
    return kept_comment(row["text"])


def group(repo: str, k: int = FOLDS) -> int:
    """The repository's group: a stable hash of its lower-cased name, so a split never changes."""
    return int(hashlib.sha256(repo.lower().encode()).hexdigest(), 16) % k


def reader(training: list[dict], rules_only: bool = False) -> Reader:
    """The verdict function fitted on `training` rows: the rules, and a model learned from them."""
    if rules_only:
        return lambda text: comments.rule_kind(text) or "neither"
    import train_claims  # numpy: only when a model is trained

    model = claims_model.ClaimsModel(train_claims.train(training))
    return lambda text: comments.read_comment(text, model) or "neither"


def held_out(rows: list[dict], k: int = FOLDS, rules_only: bool = False) -> list[str]:
    """Each row's verdict from a reader built without any row of its repository's group."""
    verdicts = [""] * len(rows)
    for fold in range(k):
        inside = [i for i, row in enumerate(rows) if group(row["repo"], k) == fold]
        read = reader([row for row in rows if group(row["repo"], k) != fold], rules_only)
        for i in inside:
            verdicts[i] = read(seen(rows[i]))
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


def tally(gold: list[str], got: list[str]) -> dict[str, tuple[int, int]]:
    """(part, whole) of claim and release precision and recall, and of neither read as a claim."""
    table = Counter(zip(gold, got, strict=True))
    out = {}
    for label in ("claim", "release"):
        hit = table[(label, label)]
        said = sum(n for (_, p), n in table.items() if p == label)
        are = sum(n for (g, _), n in table.items() if g == label)
        out[f"{label} precision"] = (hit, said)
        out[f"{label} recall"] = (hit, are)
    neither = sum(n for (g, _), n in table.items() if g == "neither")
    out["neither read as claim"] = (table[("neither", "claim")], neither)
    return out


def figures(gold: list[str], got: list[str]) -> dict[str, str]:
    """Claim and release precision and recall, and the share of neither read as a claim."""
    return {"comments": str(len(gold))} | {k: ratio(*v) for k, v in tally(gold, got).items()}


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


def by_file(files: list[tuple[str, int]], rows: list[dict], got: list[str], markdown: bool) -> None:
    """The pooled held-out verdicts again, one row per file ((name, rows) in file order)."""
    print("== the same verdicts, by file")
    start = 0
    for number, (name, size) in enumerate(files):
        found = figures([r["label"] for r in rows[start : start + size]], got[start : start + size])
        if markdown:
            if number == 0:
                print("| file | " + " | ".join(found) + " |")
                print("| --- " * (len(found) + 1) + "|")
            print(f"| {name} | " + " | ".join(found.values()) + " |")
        else:
            print(f"{name:<14} " + "  ".join(f"{k}: {v}" for k, v in found.items()))
        start += size
    print()


def errors(rows: list[dict], got: list[str], skip: int | None, k: int) -> None:
    """Every misread comment with its thread, except those in the group left unread."""
    for row, verdict in zip(rows, got, strict=True):
        if verdict != row["label"] and (skip is None or group(row["repo"], k) != skip):
            print(f"[{row['lang']} {row['label']} → {verdict}] {row['url']}\n    {seen(row)!r}")


def timing(rows: list[dict], repeat: int = 20) -> None:
    """Mean time of one call over the rows' texts, cut to the excerpt a snapshot keeps: the rules
    alone and the whole reader (rules and the shipped model)."""
    texts = [seen(row) for row in rows] * repeat
    for name, read in (
        ("rules alone", comments.rule_kind),
        ("comment_kind", comments.comment_kind),
    ):
        read(texts[0])  # the model's weights are read on first use, not timed
        start = time.perf_counter()
        for text in texts:
            read(text)
        spent = time.perf_counter() - start
        print(f"{name}: {spent / len(texts) * 1e6:.1f} µs a comment ({len(texts)} calls)")
    print()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, nargs="+", default=list(SETS))
    parser.add_argument("--fresh", type=Path, default=FRESH if FRESH.exists() else None)
    parser.add_argument("--folds", type=int, default=FOLDS)
    parser.add_argument("--markdown", action="store_true", help="print the tables as Markdown")
    parser.add_argument("--timing", action="store_true", help="time comment_kind per comment")
    parser.add_argument("--rules", action="store_true", help="the phrase rules alone, no model")
    parser.add_argument("--errors", action="store_true", help="list every misread comment")
    parser.add_argument(
        "--skip-fold", type=int, default=None, help="with --errors: leave a group out"
    )
    args = parser.parse_args(argv)
    loaded = [load(path) for path in args.data]
    rows = [row for file_rows in loaded for row in file_rows]
    if args.timing:
        timing(rows)
    got = held_out(rows, args.folds, args.rules)
    repos = {row["repo"] for row in rows}
    what = "rules alone" if args.rules else "rules and a model trained on the other groups"
    report(
        f"{', '.join(p.name for p in args.data)}: {len(rows)} comments, {len(repos)} repositories, "
        f"grouped {args.folds}-fold by repository, {what}",
        rows,
        got,
        args.markdown,
    )
    if len(args.data) > 1:
        files = [
            (path.name, len(file_rows)) for path, file_rows in zip(args.data, loaded, strict=True)
        ]
        by_file(files, rows, got, args.markdown)
    if args.folds == FOLDS:
        # the sealed group of the files the rules were written from, within the pooled verdicts
        read_texts = {(r["url"], r["text"]) for path in READ for r in load(path)}
        sealed = [
            i
            for i, row in enumerate(rows)
            if group(row["repo"], args.folds) == SEALED and (row["url"], row["text"]) in read_texts
        ]
        report(
            f"group {SEALED} of {', '.join(p.name for p in READ)} alone (unread while the rules "
            f"were written): {len(sealed)} comments",
            [rows[i] for i in sealed],
            [got[i] for i in sealed],
            args.markdown,
        )
    if args.errors:
        errors(rows, got, args.skip_fold, args.folds)
    if args.fresh:
        fresh = load(args.fresh)
        fresh_keys = {(r["url"], r["text"]) for r in fresh}
        training = [r for r in rows if (r["url"], r["text"]) not in fresh_keys]
        read = reader(training, args.rules)  # trained without a row of the fresh set
        verdicts = [read(seen(row)) for row in fresh]
        report(
            f"{args.fresh.name}: {len(fresh)} comments, read by {what.split(' trained')[0]} "
            f"trained on the {len(training)} others",
            fresh,
            verdicts,
            args.markdown,
        )
        if args.errors:
            errors(fresh, verdicts, None, args.folds)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
