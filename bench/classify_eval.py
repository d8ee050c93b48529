"""Measure generator.classify on real civic issues: per-area P/R/F1, effort accuracy, speed.

    .venv/bin/python bench/classify_eval.py [--data bench/data/civic-issues.jsonl] [--errors
    labels|text]

Ground truth is the maintainers' own skill and size labels (GOLD_* below, kept apart from the
classifier's tables on purpose). Modes: "with labels" classifies issues as fetched (label
conventions
alone; a third run adds the repo maps of sources.yaml, as in production); "text only"
first removes every role/size/complexity/points label and every gold label, so the title, body,
other
labels and the repo's language must carry the answer. Near-duplicate batches (the same templated
issue
filed for many pages) are grouped, and each group weighs 1 in total, so a batch of ten counts as
one.
"""

from __future__ import annotations

import argparse
import difflib
import json
import re
import sys
import time
from collections import defaultdict
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from generator import sources  # noqa: E402
from generator.build.classify import classify  # noqa: E402
from generator.core.records import Effort, Issue, Label, Repo, SkillArea, Source  # noqa: E402
from generator.sources import owner_of  # noqa: E402

DATA = Path(__file__).parent / "data" / "civic-issues.jsonl"
SOURCES = Path(__file__).resolve().parent.parent / "sources.yaml"
F, B, DS, DA = SkillArea.FRONTEND, SkillArea.BACKEND, SkillArea.DESIGN, SkillArea.DATA
NONE = "none"  # the maintainers said "not one of the four areas": product, copywriting, research
AMBIGUOUS = "ambiguous"  # a role label that does not say which area: the issue is left out

GOLD_SKILL = {
    "role: front end": F,
    "role - front end": F,
    "frontend": F,
    "frontend 🎨": F,
    "scope: frontend": F,
    ":play_or_pause_button: frontend": F,
    "role: back end/devops": B,
    "role: back end": B,
    "role: devops": B,
    "devops": B,
    "codebase: client": F,
    "c: client": F,
    "codebase: api": B,
    "work: back-end": B,
    "work: database": B,
    "c: backend": B,
    "devops/infrastructure": B,
    "role: design": DS,
    "role: ui": DS,
    "role: ux": DS,
    "role: ui/ux": DS,
    "role: ux/ui team lead": DS,
    "ui/ux": DS,
    "design": DS,
    "t:design": DS,
    "design-needed": DS,
    "🎨 needs-design": DS,
    "category: ui design": DS,
    "dashboard: design": DS,
    "design/research": DS,
    "role: data analysis": DA,
    "role: data analyst": DA,
    "role: data scientist": DA,
    "data cleaning": DA,
    "new-data": DA,
    "new data": DA,
    "data-update": DA,
    "data import": DA,
    "cop: data science": DA,
    "role: product management": NONE,
    "role: product": NONE,
    "role: pm": NONE,
    "role: ba": NONE,
    "role: ux content writing": NONE,
    "role: copywriting": NONE,
    "role: research": NONE,
    "role: user research": NONE,
    "role: testing": NONE,
    "role: dev leads": NONE,
    "work: content": NONE,
    "role: development": AMBIGUOUS,
}
GOLD_EFFORT_WORDS = {
    "complexity: small": Effort.SMALL,
    "complexity: medium": Effort.MEDIUM,
    "complexity: large": Effort.LARGE,
    "complexity: extra large": Effort.LARGE,
    "size: good first issue": Effort.SMALL,
    "size: medium": Effort.MEDIUM,
    "size: large": Effort.LARGE,
    "🐟 small": Effort.SMALL,
    "🐬 medium": Effort.MEDIUM,
    "small": Effort.SMALL,
    "medium": Effort.MEDIUM,
    "easy task": Effort.SMALL,
    "easy pickins": Effort.SMALL,
}
GOLD_POINTS = re.compile(r"^(?:size|points):\s*(\d+(?:\.\d+)?)\s*\+?\s*(?:pts?|points?)?$")
# What "text only" removes: the gold labels and every role/size/complexity/points label, "missing"
# ones too.
WORDS = re.compile(r"[a-z][a-z0-9_#+-]+")
STRIP = re.compile(r"^(?:role|size|complexity|points)\b|^missing: (?:role|size)")


def gold_skills(labels: list[str]) -> frozenset | None:
    """The maintainers' skill areas, frozenset() for "any skill", None when they gave no verdict."""
    found = [GOLD_SKILL[name.lower()] for name in labels if name.lower() in GOLD_SKILL]
    if not found or AMBIGUOUS in found:
        return None
    return frozenset(area for area in found if area != NONE)


def gold_effort(labels: list[str]) -> Effort | None:
    """Points beat words (they are the time estimate); the largest wins among equals."""
    order = list(Effort)
    points = [float(m.group(1)) for name in labels if (m := GOLD_POINTS.match(name.lower()))]
    if points:
        top = max(points)
        return Effort.SMALL if top <= 1 else Effort.MEDIUM if top <= 3 else Effort.LARGE
    words = [
        GOLD_EFFORT_WORDS[name.lower()] for name in labels if name.lower() in GOLD_EFFORT_WORDS
    ]
    return max(words, key=order.index) if words else None


def load(path: Path) -> list[dict]:
    """The records of a JSONL file, in file order."""
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def groups(records: list[dict]) -> list[int]:
    """A group id per record: same repo and titles sharing ≥60% of words, or bodies ≥90% alike."""
    parent = list(range(len(records)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    words = [set(re.findall(r"[a-z]+", r["title"].lower())) for r in records]
    bodies = [(r.get("body") or "")[:800] for r in records]
    for i in range(len(records)):
        for j in range(i):
            if records[i]["repo"] != records[j]["repo"]:
                continue
            shared = len(words[i] & words[j]) / max(1, len(words[i] | words[j]))
            if shared >= 0.6 or _alike(bodies[i], bodies[j]):
                parent[find(i)] = find(j)
    return [find(i) for i in range(len(records))]


def _alike(a: str, b: str) -> bool:
    """Bodies at least 90% the same; the cheap upper bounds first, ratio() is slow."""
    if not a or not b:
        return False
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    return (
        matcher.real_quick_ratio() >= 0.9
        and matcher.quick_ratio() >= 0.9
        and matcher.ratio() >= 0.9
    )


def to_issue(record: dict, text_only: bool) -> tuple[Issue, Repo]:
    """The record as the pipeline's Issue and Repo; text_only drops the labels the gold comes from."""
    labels = [
        n for n in record["labels"] if not (text_only and (STRIP.match(n.lower()) or is_gold(n)))
    ]
    issue = Issue(
        repo=record["repo"],
        number=record.get("number", 0),
        title=record["title"],
        url=record.get("url", ""),
        labels=tuple(Label(n) for n in labels),
        body=record.get("body") or "",
    )
    repo = Repo(
        name_with_owner=record["repo"],
        url="",
        language=record.get("language") or "",
        topics=tuple(record.get("repo_topics") or ()),
    )
    return issue, repo


def is_gold(name: str) -> bool:
    """True for a label the ground truth is read from."""
    low = name.lower()
    return low in GOLD_SKILL or low in GOLD_EFFORT_WORDS or bool(GOLD_POINTS.match(low))


def evaluate(
    records: list[dict],
    group_of: list[int],
    text_only: bool,
    show_errors: bool,
    found: tuple[Source, ...] = (),
) -> dict:
    """Weighted per-area counts and effort accuracy for one mode; `found` are sources.yaml entries."""
    size = defaultdict(int)
    for g in group_of:
        size[g] += 1
    tp, fp, fn = defaultdict(float), defaultdict(float), defaultdict(float)
    any_right = any_total = effort_right = effort_total = 0.0
    skill_n = effort_n = 0
    confusion = defaultdict(float)
    for record, g in zip(records, group_of, strict=True):
        weight = 1 / size[g]
        issue, repo = to_issue(record, text_only)
        result = classify(issue, repo, owner_of(found, issue.repo))
        got = frozenset(result.skills)
        want = gold_skills(record["labels"])
        if want is not None:
            skill_n += 1
            for area in SkillArea:
                tp[area] += weight * (area in got and area in want)
                fp[area] += weight * (area in got and area not in want)
                fn[area] += weight * (area not in got and area in want)
            if not want:
                any_total += weight
                any_right += weight * (not got)
            if show_errors and got != want:
                print(
                    f"  skill {sorted(want)} got {sorted(got)}: {record['url']} "
                    f"{record['title'][:60]}"
                    f"\n      {'; '.join(result.reasons)}"
                )
        effort = gold_effort(record["labels"])
        if effort is not None:
            effort_n += 1
            effort_total += weight
            effort_right += weight * (result.effort == effort)
            confusion[(effort, result.effort)] += weight
            if show_errors and result.effort != effort:
                print(
                    f"  effort {effort} got {result.effort}: {record['url']} {record['title'][:60]}"
                    f"\n      {'; '.join(result.reasons)}"
                )
    return {
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "any": (any_right, any_total),
        "effort": (effort_right, effort_total),
        "skill_n": skill_n,
        "effort_n": effort_n,
        "confusion": confusion,
    }


def f1_table(result: dict) -> tuple[list[tuple[str, float, float, float, float]], float]:
    """Rows (area, precision, recall, F1, support) and the macro-F1 over the four areas."""
    rows = []
    for area in SkillArea:
        tp, fp, fn = result["tp"][area], result["fp"][area], result["fn"][area]
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        rows.append((str(area), precision, recall, f1, tp + fn))
    return rows, sum(r[3] for r in rows) / len(rows)


def report(name: str, result: dict) -> None:
    """Print one mode's table in Markdown."""
    rows, macro = f1_table(result)
    any_right, any_total = result["any"]
    right, total = result["effort"]
    print(f"\n### {name}\n")
    print(
        f"{result['skill_n']} issues with a skill verdict, {result['effort_n']} with a size "
        "verdict "
        "(weights: each near-duplicate group counts once).\n"
    )
    print("| area | precision | recall | F1 | support (groups) |\n| --- | --- | --- | --- | --- |")
    for area, p, r, f1, support in rows:
        print(f"| {area} | {p:.3f} | {r:.3f} | {f1:.3f} | {support:.1f} |")
    print(f"| **macro** | | | **{macro:.3f}** | |")
    if any_total:
        print(
            f'\n"Any skill" issues kept as any skill: {any_right / any_total:.3f} of '
            f"{any_total:.1f}."
        )
    print(f"\nEffort exact: **{right / total:.3f}** of {total:.1f} groups.\n")
    print("| gold \\ got | " + " | ".join(map(str, Effort)) + " |\n| --- | --- | --- | --- |")
    for gold in Effort:
        cells = " | ".join(f"{result['confusion'][(gold, got)]:.1f}" for got in Effort)
        print(f"| {gold} | {cells} |")


def by_family(records: list[dict], group_of: list[int]) -> None:
    """Text-only scores for Hack for LA (most of the gold labels) and for every other repo, apart."""
    print("\n### Text only, Hack for LA apart from the other repos\n")
    print(
        "| repos | skill issues | macro-F1 | backend | data | frontend | design | size issues | "
        "effort exact |"
    )
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for name, wanted in (("hackforla/*", True), ("all others", False)):
        keep = [
            i for i, r in enumerate(records) if r["repo"].lower().startswith("hackforla/") == wanted
        ]
        result = evaluate([records[i] for i in keep], [group_of[i] for i in keep], True, False)
        rows, macro = f1_table(result)
        right, total = result["effort"]
        areas = " | ".join(f"{f1:.2f}" for _, _, _, f1, _ in rows)
        print(
            f"| {name} | {result['skill_n']} | {macro:.3f} | {areas} | {result['effort_n']} | "
            f"{right / total if total else float('nan'):.3f} |"
        )


def speed(records: list[dict], count: int = 20_000, rounds: int = 5) -> None:
    """Time `count` classifications against a baseline: one tokenising pass over every title and
    body.
    """
    base = [to_issue(r, False) for r in records]
    items = [
        (replace(issue, number=i), repo)
        for i, (issue, repo) in zip(
            range(count), (base[i % len(base)] for i in range(count)), strict=True
        )
    ]
    baseline = took = float("inf")
    for _ in range(rounds):  # the best of a few rounds: other processes only ever add time
        start = time.perf_counter()
        for issue, _ in items:
            WORDS.findall(f"{issue.title}\n{issue.body}".lower())
        baseline = min(baseline, time.perf_counter() - start)
        start = time.perf_counter()
        for issue, repo in items:
            classify(issue, repo)
        took = min(took, time.perf_counter() - start)
    print(
        f"\n### Speed\n\n{count} issues classified in {took:.3f} s (best of {rounds} rounds) "
        f"({took / count * 1e6:.1f} µs each); baseline (one regex tokenising pass over every title "
        f"and body, the floor for any text rule) {baseline:.3f} s; ratio {took / baseline:.2f}×."
    )


def main() -> int:
    """Run both modes and the speed check; print Markdown tables."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument(
        "--sources",
        type=Path,
        default=SOURCES,
        help="sources.yaml whose repo maps the third mode applies (default: the project's)",
    )
    parser.add_argument(
        "--errors", choices=("labels", "text"), help="list one mode's disagreements and reasons"
    )
    args = parser.parse_args()
    records = load(args.data)
    group_of = groups(records)
    print(f"{len(records)} records, {len(set(group_of))} groups after near-duplicate grouping.")
    for name, text_only in (("With labels", False), ("Text only", True)):
        show = args.errors == ("text" if text_only else "labels")
        report(name, evaluate(records, group_of, text_only, show))
    if args.sources.exists():
        report(
            f"With labels and the repo maps of {args.sources.name}",
            evaluate(records, group_of, False, False, sources.load(str(args.sources))),
        )
    by_family(records, group_of)
    speed(records)
    return 0


if __name__ == "__main__":
    sys.exit(main())
