"""Judging spread over processes gives the very verdicts one process gives: skills, effort, claims,
staleness, parking labels, activity and readiness all cross the pipe."""

from __future__ import annotations

from datetime import UTC, datetime

from helpers import issue, write_world

from generator import sources
from generator.build import read_snapshot
from generator.build.judge import judge
from generator.core.records import Comment, Label, Outline

TITLES = (
    "Add a CSV export of the precinct table",
    "Button text is cut off on small screens",
    "Design a logo for the volunteer page",
    "API returns 500 when the zip code is empty",
    "Update the README setup steps",
)
LABELS = ("good first issue", "size: small", "role: design", "backend", "size: large", "on hold")


def test_two_processes_judge_exactly_as_one(tmp_path):
    world = {
        f"civic/r{r}": [
            issue(
                f"civic/r{r}",
                n,
                TITLES[(r + n) % len(TITLES)],
                labels=tuple(Label(name) for name in LABELS[: 1 + (n * r) % len(LABELS)]),
                body=f"Steps:\n- [ ] edit `src/app{n}.py`\n" if n % 3 else "",
                outline=Outline(checklist=2, code=(f"src/app{n}.py",)) if n % 3 else None,
                assignees=("someone",) if n % 7 == 0 else (),
                updated="2024-01-02T00:00:00Z" if n % 5 == 0 else "2026-08-07T00:00:00Z",
                comments=(Comment("vol", "NONE", "2026-08-06T09:00:00Z", "Can I work on this?"),)
                if n % 11 == 0
                else (),
            )
            for n in range(1, 301)
        ]
        for r in range(5)
    }
    sources_path, snapshot_path = write_world(tmp_path, world)
    entries = sources.entries(sources.load(str(sources_path)), read_snapshot(str(snapshot_path)))
    now = datetime(2026, 8, 8, tzinfo=UTC)
    alone, shared = judge(entries, now, workers=1), judge(entries, now, workers=2)
    assert len(alone.issues) == 1500  # enough for the work to be shared at all
    assert shared.issues == alone.issues
    assert {i.classification.effort for i in alone.issues} != {
        alone.issues[0].classification.effort
    }
    # Every kind of verdict is there to be carried: not one field is the same for all issues.
    kinds = {i.claim.kind for i in alone.issues if i.claim}
    assert kinds == {"assigned", "comment"}
    assert {i.stale for i in alone.issues} == {True, False}
    assert {i.parked for i in alone.issues} == {"", "on hold"}
    assert {i.readiness.steps for i in alone.issues} == {True, False}
