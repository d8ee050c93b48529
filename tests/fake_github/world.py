"""A large, realistic world for the benchmark, the same for a given seed.

Shaped like a real aggregator's list: labeled open issues per repo drawn from a log-normal with
median 3 and 90th percentile 30 (so about a quarter of repos have none), a few repos over 500; some
archived, renamed, deleted and issues-disabled. Issue text is real: titles, bodies and labels from
samples.json. Repository names are synthetic (`bench-NNN/project-NNNN`) so no one mistakes them for
listed projects."""

from __future__ import annotations

import json
import math
import random
from dataclasses import dataclass, field
from pathlib import Path

from .state import FakeComment

DEFAULT_LABELS = ("good first issue", "help wanted", "first-timers-only")
CUSTOM_LABELS = (("beginner", "easy"), ("good-first-issue",), ("Good First Issue", "hacktoberfest"))
BEGINNER = {label.lower() for group in (DEFAULT_LABELS, *CUSTOM_LABELS) for label in group}
SAMPLES = Path(__file__).with_name("samples.json")
MEDIAN, P90 = 3.0, 30.0


@dataclass
class RepoSpec:
    name: str
    labels: tuple[str, ...]
    kind: str = "ok"
    """ok, archived, renamed (listed under `name`, lives at `new_name`), deleted, disabled."""
    new_name: str = ""
    issues: list[dict] = field(default_factory=list)


def generate(repos: int = 1000, seed: int = 0) -> list[RepoSpec]:
    """The world's repositories, deterministic for a seed."""
    rng = random.Random(seed)
    samples = json.loads(SAMPLES.read_text(encoding="utf-8"))["records"]
    sigma = math.log(P90 / MEDIAN) / 1.2816
    big = set(rng.sample(range(repos), min(3, repos)))
    specs = []
    for index in range(repos):
        name = f"bench-{index % 97:03d}/project-{index:04d}"
        labels = DEFAULT_LABELS if rng.random() < 0.85 else rng.choice(CUSTOM_LABELS)
        roll = rng.random()
        kind = (
            "archived"
            if roll < 0.03
            else "renamed"
            if roll < 0.05
            else "deleted"
            if roll < 0.07
            else "disabled"
            if roll < 0.08
            else "ok"
        )
        spec = RepoSpec(
            name=name,
            labels=labels,
            kind=kind,
            new_name=f"{name}-renamed" if kind == "renamed" else "",
        )
        count = (
            rng.randint(510, 800)
            if index in big
            else round(rng.lognormvariate(math.log(MEDIAN), sigma))
        )
        spec.issues = [
            _issue(rng, samples, labels, number) for number in range(1, min(count, 1000) + 1)
        ]
        # unlabeled issues and a labeled pull request the fetch must skip
        extra = len(spec.issues) // 5 + 1
        spec.issues += [
            _issue(rng, samples, ("bug",), len(spec.issues) + n + 1) for n in range(extra)
        ]
        spec.issues.append(
            {**_issue(rng, samples, labels[:1], len(spec.issues) + 1), "is_pull_request": True}
        )
        specs.append(spec)
    return specs


def _issue(rng: random.Random, samples: list[dict], labels: tuple[str, ...], number: int) -> dict:
    sample = rng.choice(samples)
    # the sample's own labels, less any beginner label, so unlabeled issues stay unlabeled
    own = tuple(label for label in sample["labels"][:3] if label.lower() not in BEGINNER)
    comments = 0 if rng.random() < 0.2 else min(40, int(rng.expovariate(1 / 3)) + 1)
    day = rng.randint(1, 700)
    created = _date(day)
    linked = ()
    if rng.random() < 0.08:
        linked = (
            (
                f"https://github.com/pull/{number + 100000}",
                "OPEN" if rng.random() < 0.6 else "CLOSED",
            ),
        )
    return {
        "number": number,
        "title": sample["title"],
        "body": sample["body"],
        "labels": (rng.choice(labels), *own),
        "author": f"user{rng.randint(1, 5000)}",
        "assignees": (f"user{rng.randint(1, 5000)}",) if rng.random() < 0.15 else (),
        "comments": [
            FakeComment(
                f"user{rng.randint(1, 5000)}", _date(day + k + 1), "Thanks, looking into it."
            )
            for k in range(comments)
        ],
        "created": created,
        "updated": _date(day + comments + 1),
        "linked_prs": linked,
    }


def _date(day: int) -> str:
    year, rest = 2024 + day // 365, day % 365
    month, mday = 1 + rest // 31 % 12, 1 + rest % 28
    return f"{year}-{month:02d}-{mday:02d}T12:00:00Z"


def load(fake, specs: list[RepoSpec]) -> None:
    """Put the specs into a FakeGitHub (or anything with add_repo/add_issue/rename)."""
    for spec in specs:
        if spec.kind == "deleted":
            continue
        fake.add_repo(
            spec.name,
            archived=spec.kind == "archived",
            has_issues=spec.kind != "disabled",
            description="Synthetic benchmark repository",
            language="Python",
            stars=len(spec.issues),
        )
        for issue in spec.issues:
            fields = dict(issue)
            fake.add_issue(spec.name, fields.pop("number"), fields.pop("title"), **fields)
        if spec.kind == "renamed":
            fake.rename(spec.name, spec.new_name)


def expected(specs: list[RepoSpec]) -> dict[str, set[int]]:
    """{listed name: labeled open issue numbers a complete fetch returns} (archived etc. list none)."""
    found = {}
    for spec in specs:
        wanted = {label.lower() for label in spec.labels}
        numbers = {
            i["number"]
            for i in spec.issues
            if not i.get("is_pull_request") and wanted & {label.lower() for label in i["labels"]}
        }
        found[spec.name] = numbers if spec.kind in ("ok", "renamed") else set()
    return found
