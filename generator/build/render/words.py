"""Presentation: the verdicts of the judge said in words, and strangers' text made fit to show.

Everything English a page says about a repo, an issue or a label is made here (and mirrored, for the
cards the filter script builds, by themes/default/static/filter.js, which reads these from the index).
"""

from __future__ import annotations

import re
from functools import lru_cache

import emoji
from markupsafe import Markup, escape

from ...core import dates, states, text
from ..claims import Claim
from ..readiness import IssueReadiness, ProjectReadiness
from ..responsiveness import Responsiveness
from ..views import HealthRow

HEX_COLOR = re.compile(r"^[0-9a-fA-F]{6}$")
CODE_SPAN = re.compile(r"`([^`\n]+)`")
EXCERPT = 200
"""Characters of an issue's own text on its card: enough to see what is asked."""
ABOUT = 140
"""Characters of a project's description on a card (the directory and its page say it all)."""


def claim_words(claim: Claim) -> str:
    """Why an issue is taken, as a card says it: "assigned to @x", "PR #12 open"; a claim in a
    comment is followed on the card by its date (`<time>`), which the reader's browser puts in words."""
    if claim.kind == "assigned":
        return "assigned to " + ", ".join(f"@{name}" for name in claim.by)
    if claim.kind == "pull-request":
        number = re.search(r"/pull/(\d+)", claim.link)
        return f"PR #{number.group(1)} open" if number else "a pull request is open"
    if claim.kind == "comment":
        by = ", ".join(f"@{name}" for name in claim.by)
        return f"claimed in a comment by {by}" if by else "claimed in a comment"
    if claim.kind == "unknown":
        return "GitHub did not return its comments, so a claim in them could not be checked"
    return "marked assigned when captured"


def badge(answers: Responsiveness) -> str:
    """A card's short line on how quickly the project answers."""
    if not answers.mostly_answered:
        return f"answered {answers.answered} of {answers.sample} recent issues"
    return f"usually answers {dates.within(answers.median)}"


def health_detail(row: HealthRow) -> str:
    """What an entry's state means, for the health page."""
    if row.repo is None:
        return "listed after the last fetch: its issues come with the next one"
    return states.detail(row.repo, row.source)


def cause_name(cause: str) -> str:
    """A cause by its human name: `civic-tech` → "Civic tech"."""
    return cause.replace("-", " ").capitalize()


def inline_code(title: str) -> Markup:
    """A title with its `backticked` parts as <code>, everything else escaped."""
    if "`" not in title:  # most titles and reasons: a quarter of a card's rendering went here
        return escape(title)
    parts = CODE_SPAN.split(title)
    return Markup(
        "".join(
            f"<code>{escape(part)}</code>" if index % 2 else escape(part)
            for index, part in enumerate(parts)
        )
    )


@lru_cache(maxsize=8192)
def label_name(name: str) -> str:
    """A label as GitHub shows it: `:1st_place_medal:` shortcodes as their emoji."""
    return emoji.emojize(name, language="alias") if ":" in name else name


@lru_cache(maxsize=8192)
def label_class(color: str) -> str:
    """CSS classes for a label's colour: its shade (labels.css) and a text colour that keeps contrast.

    Only 6 hex digits are accepted (the CSP forbids inline styles, and the colour is a stranger's)."""
    shade = label_shade(color)
    return f"lc-{shade} {'dk' if _luminance(shade) > 0.179 else 'lt'}" if shade else ""


def label_shade(color: str) -> str:
    """The colour a label is shown in: its own, each channel to the nearest of six levels (the 216
    web-safe colours), "" when it is not 6 hex digits. A thousand repos give their labels thousands
    of colours, one CSS rule each (16,766 rules, 89 KB gzipped, at 20,000 issues); the shades need
    at most 216 rules, and no channel moves by more than 25 of 255."""
    if not isinstance(color, str) or not HEX_COLOR.match(color):
        return ""
    return "".join(f"{round(int(color[i : i + 2], 16) / 51) * 51:02x}" for i in (0, 2, 4))


def _luminance(color: str) -> float:
    """WCAG relative luminance. Above 0.179 black text contrasts more than white; with pure black and
    white the better of the two is always at least 4.58:1, past WCAG AA's 4.5 for small text."""
    channels = [int(color[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def about(description: str) -> str:
    """A project's description cut for a card."""
    return text.excerpt(description, ABOUT)


def issue_text(body: str) -> str:
    """The start of an issue's own text for its card, as plain text."""
    return text.excerpt(body, EXCERPT)


DEV_ENVIRONMENT_NAMES = {
    ".devcontainer": "dev container",
    ".devcontainer.json": "dev container",
    ".gitpod.yml": "Gitpod",
}
"""What a newcomer calls each ready-environment file; the others are compose files."""


def issue_ready(readiness: IssueReadiness) -> list[str]:
    """The readiness facts of an issue's own text, as a card says them."""
    said = []
    if readiness.steps:
        said.append("has steps to reproduce" if readiness.reproduce else "has steps")
    if readiness.done:
        said.append("says what done looks like")
    if readiness.files:
        said.append("names the files")
    if readiness.mockup:
        said.append("links a mockup")
    return said


def project_ready(project: ProjectReadiness) -> list[str]:
    """The readiness facts of a project, short, as a card or the directory says them."""
    said = []
    if project.contributing:
        said.append("contributing guide")
    for name in dict.fromkeys(environment(path) for path in project.dev_environment):
        said.append(name)
    if project.merged_from_outside:
        said.append("merges outsiders' pull requests")
    if project.answers_quickly:
        said.append("answers within a week")
    if project.guidance:
        said.append("says how to start")
    return said


def environment(path: str) -> str:
    """A ready-environment file by what it gives: "dev container", "Docker Compose", "Gitpod"."""
    return DEV_ENVIRONMENT_NAMES.get(path, "Docker Compose")
