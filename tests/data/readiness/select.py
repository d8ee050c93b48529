"""Pick the issues of the readiness gold set, deterministically.

Usage (from the repository root):

    python3 tests/data/readiness/select.py ../shared/data/civic-issues.jsonl \
        ../shared/data/labeled-issues.jsonl > /tmp/selection.jsonl
    python3 tests/data/readiness/select.py --check tests/data/readiness/issues.jsonl \
        ../shared/data/civic-issues.jsonl ../shared/data/labeled-issues.jsonl

The first form prints the selected issues (url, repo, number, title, labels, body), one JSON object per
line, sorted by url. With --check it instead verifies that FILE holds exactly those issues with the
source fields unchanged, and exits 1 otherwise. Standard library only.

Rules:
- candidates: every record of the given files whose body is at least MIN_BODY characters (stripped);
- order: sha256 of the url, ascending;
- caps: at most PER_REPO issues from one repository; at most one issue per templated batch, where a
  batch is (repo, first three words of the title) or a body that shares at least NEAR_DUP of its word
  trigrams (Jaccard) with an issue already taken from the same repository;
- pass 1 walks the order and takes issues with a design signal (a label or title word about
  design / UX / Figma / mockups / wireframes) until DESIGN_QUOTA are taken, at most DESIGN_PER_REPO
  of them from one repository, so that "links a mockup" has enough design issues to be judged on;
- pass 2 walks the order again and takes any remaining candidate until TOTAL are taken.
"""

import argparse
import hashlib
import json
import re
import sys

TOTAL = 120
MIN_BODY = 80
PER_REPO = 6
DESIGN_QUOTA = 36
DESIGN_PER_REPO = 3
NEAR_DUP = 0.6

DESIGN_LABEL = re.compile(r"design|\bux\b|ux/|/ux|figma|mockup|wireframe", re.I)
DESIGN_TITLE = re.compile(r"\b(design|designs|redesign|ux|figma|mockups?|wireframes?)\b", re.I)
FIELDS = ("url", "repo", "number", "title", "labels", "body")


def load(paths):
    rows = []
    for path in paths:
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    rows.append(json.loads(line))
    return rows


def batch_key(row):
    words = re.findall(r"[a-z]+", row["title"].lower())
    return (row["repo"], " ".join(words[:3]))


def trigrams(text):
    words = re.findall(r"\w+", text.lower())
    return {tuple(words[i : i + 3]) for i in range(len(words) - 2)}


def design_signal(row):
    return any(DESIGN_LABEL.search(label) for label in row["labels"]) or bool(
        DESIGN_TITLE.search(row["title"])
    )


def select(rows):
    candidates = [r for r in rows if len((r.get("body") or "").strip()) >= MIN_BODY]
    candidates.sort(key=lambda r: hashlib.sha256(r["url"].encode("utf-8")).hexdigest())
    taken, per_repo, design_per_repo, batches, shingles = [], {}, {}, set(), {}

    def admissible(row):
        if per_repo.get(row["repo"], 0) >= PER_REPO or batch_key(row) in batches:
            return False
        mine = trigrams(row["body"])
        for other in shingles.get(row["repo"], []):
            union = mine | other
            if union and len(mine & other) / len(union) >= NEAR_DUP:
                return False
        return True

    def take(row):
        taken.append(row)
        per_repo[row["repo"]] = per_repo.get(row["repo"], 0) + 1
        batches.add(batch_key(row))
        shingles.setdefault(row["repo"], []).append(trigrams(row["body"]))

    for row in candidates:
        if len(taken) >= DESIGN_QUOTA:
            break
        if (
            design_signal(row)
            and design_per_repo.get(row["repo"], 0) < DESIGN_PER_REPO
            and admissible(row)
        ):
            take(row)
            design_per_repo[row["repo"]] = design_per_repo.get(row["repo"], 0) + 1
    chosen = {r["url"] for r in taken}
    for row in candidates:
        if len(taken) >= TOTAL:
            break
        if row["url"] not in chosen and admissible(row):
            take(row)
    return sorted(({k: r[k] for k in FIELDS} for r in taken), key=lambda r: r["url"])


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sources", nargs="+", help="civic-issues.jsonl, labeled-issues.jsonl")
    parser.add_argument("--check", metavar="FILE", help="verify FILE against the selection")
    args = parser.parse_args(argv)
    picked = select(load(args.sources))
    if args.check:
        with open(args.check, encoding="utf-8") as fh:
            labeled = [json.loads(line) for line in fh if line.strip()]
        got = [{k: r.get(k) for k in FIELDS} for r in labeled]
        if got != picked:
            sys.stderr.write(f"{args.check}: does not match the selection\n")
            return 1
        sys.stdout.write(f"{args.check}: {len(got)} issues match the selection\n")
        return 0
    for row in picked:
        sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
