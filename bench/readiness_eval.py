"""Measure the issue-readiness phrases on 120 real issues a reader labeled before the rules existed.

    .venv/bin/python bench/readiness_eval.py [--errors]

The issues (tests/data/readiness/issues.jsonl) come from 75 repositories. Their repos are split by a
hash of the name into five groups: groups 0-2 are the ones the rules were written while looking at,
groups 3-4 were read only to measure, once the rules were written. The figures that count are the
held-out ones. Each issue is judged as the product sees it: its outline read from the Markdown (as
fetch does) and its text flattened and cut to the snapshot's excerpt."""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.build.readiness import issue_readiness  # noqa: E402
from generator.core.records import Issue, Label  # noqa: E402
from generator.core.text import excerpt  # noqa: E402
from generator.fetch.outline import outline  # noqa: E402
from generator.fetch.queries import BODY_EXCERPT  # noqa: E402

DATA = ROOT / "tests" / "data" / "readiness" / "issues.jsonl"
FIELDS = (
    ("steps", "has_steps"),
    ("done", "has_acceptance"),
    ("files", "names_files"),
    ("mockup", "links_mockup"),
)


def group(repo: str) -> int:
    """The repo's group, 0-4, by a hash of its name (never by which issue came first)."""
    return int(hashlib.sha256(repo.lower().encode()).hexdigest(), 16) % 5


def judged(row: dict):
    issue = Issue(
        repo=row["repo"],
        number=row["number"],
        title=row["title"],
        url=row["url"],
        labels=tuple(Label(n) for n in row["labels"]),
        body=excerpt(row["body"], BODY_EXCERPT),
        outline=outline(row["body"], row["repo"]),
    )
    return issue_readiness(issue, design=row["is_design"])


def scores(rows: list[dict]) -> dict[str, tuple[float, float, float, int]]:
    """{field: (agreement, precision, recall, n)} over the rows where the field has a verdict."""
    out = {}
    for name, gold in FIELDS:
        pairs = [(bool(getattr(judged(r), name)), r[gold]) for r in rows if r[gold] is not None]
        agree = sum(a == b for a, b in pairs)
        said = sum(a for a, _ in pairs)
        true = sum(b for _, b in pairs)
        both = sum(a and b for a, b in pairs)
        out[name] = (
            agree / len(pairs),
            both / said if said else 1.0,
            both / true if true else 1.0,
            len(pairs),
        )
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--errors", action="store_true", help="list every disagreement of the held-out groups"
    )
    args = parser.parse_args()
    rows = [
        json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line.strip()
    ]
    written = [r for r in rows if group(r["repo"]) < 3]
    held = [r for r in rows if group(r["repo"]) >= 3]
    repos = {
        name: len({r["repo"] for r in chosen})
        for name, chosen in (("all", rows), ("w", written), ("h", held))
    }
    print(
        f"{len(rows)} issues from {repos['all']} repositories; written against {len(written)} "
        f"({repos['w']} repos), held out {len(held)} ({repos['h']} repos).\n"
    )
    print("| phrase | set | agreement with the reader | precision | recall | issues |")
    print("| --- | --- | --- | --- | --- | --- |")
    for title, chosen in (("held out", held), ("written against", written)):
        for name, (agree, precision, recall, n) in scores(chosen).items():
            print(f"| {name} | {title} | {agree:.2f} | {precision:.2f} | {recall:.2f} | {n} |")
    if args.errors:
        for row in held:
            verdict = judged(row)
            for name, gold in FIELDS:
                if row[gold] is not None and bool(getattr(verdict, name)) != row[gold]:
                    print(
                        f"  {name}: reader {row[gold]}, rules {getattr(verdict, name)}: {row['url']} {row['note']}"
                    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
