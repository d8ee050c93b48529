"""Is an issue ready to pick up tonight: does it say what to do, what done looks like, where to look, and
(for design work) does it link a mockup? Read from the shape of its description (Issue.outline) and its
words. Measured on 120 real issues labeled by a reader before these rules existed (bench/readiness_eval.py,
tests/data/readiness/); what the figures are, and how they were made, is in docs/readiness.md.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import timedelta

from ..core.records import Issue, Outline, Repo, Source
from .responsiveness import Responsiveness

STEP_HEADINGS = re.compile(
    r"\b(?:action items?|tasks?|to ?dos?|steps|what to do|implementation|approach|instructions|"
    r"sub-?tasks|work to be done|proposed (?:solution|changes)|checklist|deliverables?)\b"
)
REPRODUCE = re.compile(
    r"\b(?:steps to reproduce|to reproduce|reproduction steps|how to reproduce)\b"
)
DONE_HEADINGS = re.compile(
    r"\b(?:acceptance criteria|definition of done|done when|completion criteria|success criteria|"
    r"expected (?:behaviou?r|result|outcome)s?|end state|what done looks like|outcomes?|criteria|"
    r"how should (?:it|this) work|should work|goals?)\b"
)
DONE_WORDS = re.compile(
    r"\b(?:acceptance criteria|definition of done|expected (?:behaviou?r|result))\s*[:\-]\s*\w"
    r"|\bdone when\b|\bis done when\b"
)
MOCKUP_HOSTS = (
    "figma.com",
    "miro.com",
    "xd.adobe.com",
    "invisionapp.com",
    "whimsical.com",
    "framer.com",
    "balsamiq.cloud",
    "sketch.com",
    "zeplin.io",
    "marvelapp.com",
)
MOCKUP_WORDS = re.compile(
    r"\b(?:mock-?ups?|wireframes?|prototypes?|figma|design (?:file|link)s?)\b"
)


@dataclass(frozen=True)
class IssueReadiness:
    """What the issue's own text gives a newcomer, each as a plain fact a card can say."""

    steps: bool = False
    """It says what to do, as a list of actions (or, for a bug, how to reproduce it)."""
    reproduce: bool = False
    """Its steps are how to reproduce a bug rather than the work to do."""
    done: bool = False
    """It says what done looks like (acceptance criteria, expected behaviour, definition of done)."""
    files: bool = False
    """It names the files, paths or code to look at."""
    mockup: bool | None = None
    """For design work: it links a mockup (None when the issue is not design work)."""

    @property
    def facts(self) -> int:
        """How many of the readiness facts hold: what orders "ready tonight"."""
        return sum((self.steps, self.done, self.files, bool(self.mockup)))


def issue_readiness(issue: Issue, design: bool) -> IssueReadiness:
    """The readiness of one issue; `design` says whether its skill areas include design."""
    shape = issue.outline or Outline()
    text = f"{issue.title}\n{issue.body}".lower()
    headings = " | ".join(shape.headings)
    reproduce = bool(REPRODUCE.search(headings) or REPRODUCE.search(text))
    steps = (
        shape.checklist >= 2
        or shape.numbered >= 2
        or (shape.bullets >= 2 and bool(STEP_HEADINGS.search(headings)))
    )
    done = bool(DONE_HEADINGS.search(headings) or DONE_WORDS.search(text))
    files = bool(shape.code)
    mockup = None
    if design:
        hosts = any(host.endswith(MOCKUP_HOSTS) for host in shape.links)
        mockup = hosts or (shape.images > 0 and bool(MOCKUP_WORDS.search(text)))
    return IssueReadiness(steps, reproduce and steps, done, files, mockup)


QUICK_ANSWER_DAYS = 7
"""A project whose maintainers usually answer a new issue within this many days counts as answering."""


@dataclass(frozen=True)
class ProjectReadiness:
    """What a project offers a newcomer before they start, as facts a page can say and link."""

    contributing: str = ""
    """URL of its contributing guide, "" when it has none."""
    code_of_conduct: str = ""
    code_of_conduct_url: str = ""
    dev_environment: tuple[str, ...] = ()
    """Paths of a ready environment in its default branch (`.devcontainer`, a compose file, …)."""
    merged: int | None = None
    """Recent merged pull requests looked at (None: not fetched)."""
    merged_from_outside: int = 0
    merged_from_newcomers: int = 0
    answers_quickly: bool = False
    """Its maintainers usually answer new issues within QUICK_ANSWER_DAYS (measured on enough issues)."""
    guidance: bool = False
    """sources.yaml gives an onboarding note or a contact."""
    discussions: bool = False

    @property
    def facts(self) -> int:
        """How many of the things that get a newcomer started tonight it has."""
        helps = (
            self.contributing,
            self.dev_environment,
            self.merged_from_outside,
            self.answers_quickly,
        )
        return sum(1 for fact in helps if fact) + (1 if self.guidance else 0)


def project_readiness(
    repo: Repo, source: Source, answers: Responsiveness | None
) -> ProjectReadiness:
    """What the fetch found in the repo, with what sources.yaml and the answer times add."""
    found = repo.readiness
    quick = bool(
        answers
        and answers.measured
        and answers.mostly_answered
        and answers.median <= timedelta(days=QUICK_ANSWER_DAYS)
    )
    return ProjectReadiness(
        contributing=found.contributing,
        code_of_conduct=found.code_of_conduct,
        code_of_conduct_url=found.code_of_conduct_url,
        dev_environment=found.dev_environment,
        merged=found.merged,
        merged_from_outside=found.merged_from_outside,
        merged_from_newcomers=found.merged_from_newcomers,
        answers_quickly=quick,
        guidance=bool(source.note or source.contact),
        discussions=found.discussions,
    )


def ready_score(issue: IssueReadiness, project: ProjectReadiness) -> int:
    """Higher is readier to start tonight: the issue's facts and the project's, counted alike."""
    return issue.facts + project.facts
