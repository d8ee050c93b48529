"""The first stage of the build: every listed issue judged once — skills, effort, taken, stale —
and every repo's answer times measured. What later stages show is decided from these verdicts."""

from __future__ import annotations

import marshal
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from functools import cached_property
from pathlib import Path

from ..core.errors import InputError, SourcesError
from ..core.records import Effort, Entry, Issue, Repo, SkillArea, Source
from ..sources import owner_of
from . import claims, classify
from .claims import Claim
from .classify import Classification
from .parallel import run_forked
from .parked import parked_by
from .readiness import (
    IssueReadiness,
    ProjectReadiness,
    issue_readiness,
    project_readiness,
    ready_score,
)
from .responsiveness import Responsiveness, responsiveness


@dataclass(frozen=True)
class Judged:
    """An issue of a listed repo with every judgement the site needs."""

    issue: Issue
    repo: Repo
    source: Source
    classification: Classification
    claim: Claim | None = None
    """Why the issue is not free to take; None when it is."""
    stale: bool = False
    """No known activity for a year."""
    parked: str = ""
    """The do-not-start label it carries ("on hold"), "" when it carries none."""
    activity: str = ""
    """When anything last happened on it (an update, a comment); "" when no such time is known."""
    readiness: IssueReadiness = IssueReadiness()
    """What its own text gives a newcomer: steps, what done looks like, the files, a mockup."""
    project: ProjectReadiness = ProjectReadiness()
    """What its project gives a newcomer: a contributing guide, a ready environment, answers."""

    @cached_property
    def ready(self) -> int:
        """How ready to start tonight, issue and project together: what "ready tonight" orders by."""
        return ready_score(self.readiness, self.project)

    @property
    def takeable(self) -> bool:
        """Free to start: nobody holds it and no label parks it."""
        return self.claim is None and not self.parked


@dataclass(frozen=True)
class Judgement:
    now: datetime
    """The clock the verdicts were made at: the data's own time, so builds repeat."""
    issues: tuple[Judged, ...]
    answers: dict[str, Responsiveness]
    """How quickly each repo answers, by `Repo.key`."""


def judge(entries: tuple[Entry, ...], now: datetime, workers: int = 1) -> Judgement:
    """Judge every issue of every entry's repos at `now` (the snapshot's time, so builds repeat);
    the issues are read in `workers` processes."""
    issues = []
    answers = {}
    verdicts = iter(_verdicts_all(entries, now, workers))
    for entry in entries:
        for repo in entry.repos:
            answers[repo.key] = responsiveness(repo)
            project = project_readiness(repo, entry.source, answers[repo.key])
            for issue in repo.issues:
                issues.append(Judged(issue, repo, entry.source, *next(verdicts), project))
    return Judgement(now, tuple(issues), answers)


def _verdicts(issue: Issue, repo: Repo, source: Source, now: datetime) -> tuple:
    """What Judged says of one issue from its own text, in field order (between source and project)."""
    sorting = classify.classify(issue, repo, source)
    return (
        sorting,
        claims.claim(issue, now),
        claims.is_stale(issue, now),
        parked_by(issue, source),
        claims.last_activity(issue),
        issue_readiness(issue, SkillArea.DESIGN in sorting.skills),
    )


def _verdicts_all(entries: tuple[Entry, ...], now: datetime, workers: int) -> list[tuple]:
    """_verdicts() of every issue, in order; share n reads every workers-th issue from the n-th,
    and forked shares send theirs back as plain values."""
    work = [(i, r, e.source, now) for e in entries for r in e.repos for i in r.issues]
    if workers <= 1 or len(work) < 1000:  # a fork costs more than a few hundred issues
        return [_verdicts(*item) for item in work]

    mine: list[tuple] = []

    def share(n: int) -> bytes:
        verdicts = [_verdicts(*item) for item in work[n::workers]]
        if n == 0:  # this process
            mine.extend(verdicts)
            return b""
        return marshal.dumps([_plain(v) for v in verdicts])

    answers = run_forked(share, workers)
    verdicts: list = [None] * len(work)
    verdicts[0::workers] = mine
    for n, answer in enumerate(answers[1:], start=1):
        verdicts[n::workers] = [_revived(v) for v in marshal.loads(answer)]
    return verdicts


def _plain(verdicts: tuple) -> tuple:
    sorting, claim, stale, parked, activity, readiness = verdicts
    return (
        ([s.value for s in sorting.skills], sorting.effort.value, sorting.reasons),
        sorting.effort_is_guess,
        claim and (claim.kind, claim.by, claim.link, claim.since),
        stale,
        parked,
        activity,
        (readiness.steps, readiness.reproduce, readiness.done, readiness.files, readiness.mockup),
    )


def _revived(plain: tuple) -> tuple:
    (skills, effort, reasons), guess, claim, stale, parked, activity, readiness = plain
    sorting = Classification(tuple(SkillArea(s) for s in skills), Effort(effort), reasons, guess)
    return (
        sorting,
        claim and Claim(*claim),
        stale,
        parked,
        activity,
        IssueReadiness(*readiness),
    )


@dataclass(frozen=True)
class Line:
    """One line of a JSONL file as `build.py classify` answers it: the verdict, or what is wrong."""

    record: dict
    problem: SourcesError | None = None


def classify_file(path: str, found: tuple[Source, ...]) -> Iterator[Line]:
    """Each non-blank line of a JSONL file of issues, classified; a bad line yields its problem
    instead."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(
            f"{path}: cannot read the file ({error}); give a UTF-8 JSONL file"
        ) from error
    for number, text in enumerate(lines, start=1):
        if not text.strip():
            continue
        try:
            issue, repo = classify.parse_record(text, path, number)
        except SourcesError as problem:
            yield Line({"error": f"line {number}: {problem.message}"}, problem)
            continue
        verdict = classify.classify(issue, repo, owner_of(found, issue.repo))
        yield Line(classify.to_record(verdict))
