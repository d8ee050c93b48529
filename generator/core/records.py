"""Plain immutable records passed between the pipeline's stages.

Times are kept as the ISO 8601 strings GitHub (or a capture) gave them, "" when unknown: the
snapshot must hold fields exactly as captured, and a date-only capture ("2022-06-26") must not grow
an invented time of day. `core.dates.parse_time` turns them into aware datetimes. A repo's state is
data (what failed, since when, which issues are kept), never prose: the words for it are made where
it is shown (`core.states.detail`)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class SkillArea(StrEnum):
    BACKEND = "backend"
    DATA = "data"
    FRONTEND = "frontend"
    DESIGN = "design"


class Effort(StrEnum):
    SMALL = "small"
    MEDIUM = "medium"
    LARGE = "large"


class RepoState(StrEnum):
    """How the last fetch (or capture) of a sources.yaml entry ended."""

    OK = "ok"
    STALE = "stale"  # the last fetch failed; the issues are from an earlier one
    RENAMED = "renamed"  # followed to a new name; sources.yaml should be edited
    ARCHIVED = "archived"
    MISSING = "missing"  # deleted, private or never existed
    ISSUES_DISABLED = "issues-disabled"
    NO_LABELED_ISSUES = "no-labeled-issues"
    PARTIAL = "partial"  # fetched, but GitHub refused or failed some fields (see Repo.error)
    NOT_FETCHED = "not-fetched"  # listed in sources.yaml, absent from the snapshot


@dataclass(frozen=True)
class Source:
    """One entry of sources.yaml: a repo (or a whole org) and how to read its labels."""

    repo: str
    """`owner/name` as written; for an org entry, the org's name."""
    cause: str
    line: int = 0
    """Line of the entry in sources.yaml (1-based), for messages."""
    is_org: bool = False
    exclude: tuple[str, ...] = ()
    """For an org entry: repo names left out."""
    labels: tuple[str, ...] = ()
    """Beginner labels to pull; the file's defaults when the entry names none."""
    labels_from_defaults: bool = False
    """True when the entry names no labels and `labels` are the file's defaults."""
    skills: tuple[tuple[str, SkillArea], ...] = ()
    """The repo's own map, label (lower case) → skill area; it always wins."""
    effort: tuple[tuple[str, Effort], ...] = ()
    """The repo's own map, label (lower case) → effort."""
    default_skill: SkillArea | None = None
    name: str = ""
    description: str = ""
    contact: str = ""
    note: str = ""
    parked: tuple[str, ...] = ()
    """Labels that keep an issue off the lists, besides the built-in ones: the entry's and
    `defaults`'."""
    unparked: tuple[str, ...] = ()
    """Built-in do-not-start labels that do not apply to this entry: the entry's and `defaults`'."""

    @property
    def key(self) -> str:
        """Case-folded identity used to match snapshot repos and find duplicates."""
        return self.repo.lower()


@dataclass(frozen=True)
class Label:
    name: str
    color: str = ""
    """As GitHub gives it (6 hex digits, no '#'), "" when not captured. Untrusted."""


@dataclass(frozen=True)
class Comment:
    author: str
    association: str
    """GitHub's author association: OWNER, MEMBER, COLLABORATOR, CONTRIBUTOR, NONE, …"""
    created: str
    body: str = ""


@dataclass(frozen=True)
class Outline:
    """The shape of an issue's description, read from its Markdown when fetched (the kept `body` is
    flattened plain text, where lists, headings and code marks are gone)."""

    checklist: int = 0
    """Task-list items ("- [ ] …"), placeholders ("[Insert …]", "TODO") not counted."""
    numbered: int = 0
    """Numbered list items ("1. …")."""
    bullets: int = 0
    """Other list items ("- …")."""
    headings: tuple[str, ...] = ()
    """Section headings, lower case ("acceptance criteria"), including bold lines that act as one."""
    code: tuple[str, ...] = ()
    """What the author marked as code (`models.py`, `campaign_contact`) or wrote as a path or a link to a
    file of the repo."""
    links: tuple[str, ...] = ()
    """The hosts of its links (figma.com, docs.google.com), once each."""
    images: int = 0


@dataclass(frozen=True)
class Issue:
    """An open issue as fetched or captured. Every text field is written by strangers."""

    repo: str
    number: int
    title: str
    url: str
    created: str = ""
    updated: str = ""
    author: str = ""
    labels: tuple[Label, ...] = ()
    assignees: tuple[str, ...] = ()
    comments_count: int | None = None
    """None when the capture did not record it."""
    last_comment_at: str = ""
    body: str = ""
    """Plain-text excerpt of the description."""
    locked: bool = False
    linked_pr: str = ""
    """URL of an open pull request linked to the issue, "" when none is known."""
    comment_claim: bool = False
    """A capture saw a comment claiming the issue ("I'd like to work on this")."""
    comments: tuple[Comment, ...] = ()
    """Recent comments, oldest first, when fetched."""
    unread: tuple[str, ...] = ()
    """Fields GitHub did not return for this issue ("comments"): what depends on them is unknown."""
    outline: Outline | None = None
    """The shape of its description; None when it was not read (a capture of flattened text)."""


@dataclass(frozen=True)
class Readiness:
    """What a newcomer finds in a repository before they start, as GitHub reports it."""

    contributing: str = ""
    """URL of its contributing guidelines (its own, or its owner's default), "" when it has none."""
    code_of_conduct: str = ""
    """The code of conduct's name, "" when it has none."""
    code_of_conduct_url: str = ""
    dev_environment: tuple[str, ...] = ()
    """Paths in the default branch that give a ready environment: `.devcontainer`, a compose file,
    `.gitpod.yml`."""
    merged: int | None = None
    """Recent merged pull requests looked at; None when not fetched."""
    merged_from_outside: int = 0
    """Of those, by people who are not members (contributors, first-timers, no association)."""
    merged_from_newcomers: int = 0
    """Of those, by first-time contributors, as GitHub marks them."""
    last_merged: str = ""
    discussions: bool = False


@dataclass(frozen=True)
class Repo:
    """A repository's metadata and its labeled open issues, with how its fetch went."""

    name_with_owner: str
    url: str
    source: str = ""
    """The sources.yaml `repo` (or org) this record was fetched for."""
    node_id: str = ""
    description: str = ""
    language: str = ""
    topics: tuple[str, ...] = ()
    stars: int | None = None
    archived: bool = False
    pushed_at: str = ""
    license: str = ""
    state: RepoState = RepoState.OK
    state_since: str = ""
    """When the repo entered its state; "" while it is OK."""
    error: str = ""
    """What failed, in GitHub's (or the network's) words: why a repo is stale or partial."""
    issues_as_of: str = ""
    """For a stale repo, when its (kept) issues were last read; "" when they are this snapshot's."""
    labeled_total: int | None = None
    """Labeled open issues GitHub counted, when there were more than the fetch lists; else None."""
    listed_as: str = ""
    """For a renamed repo whose new name has its own sources.yaml entry: that name (the issues are
    there)."""
    readiness: Readiness = Readiness()
    """What a newcomer finds before starting; all empty until a fetch reads it."""
    issues: tuple[Issue, ...] = ()

    @property
    def key(self) -> str:
        """Case-folded identity: GitHub names are case-insensitive."""
        return self.name_with_owner.lower()


@dataclass(frozen=True)
class Entry:
    """A sources.yaml entry with the snapshot's repos fetched for it: none until its first fetch,
    one for a repo entry, any number for an org. Linked once, when the snapshot is read."""

    source: Source
    repos: tuple[Repo, ...] = ()


@dataclass(frozen=True)
class Capture:
    """Where part of a snapshot came from and when."""

    method: str
    captured_at: str = ""
    note: str = ""


@dataclass(frozen=True)
class Snapshot:
    captured_at: str
    """When the data was read from GitHub; every page shows it."""
    repos: tuple[Repo, ...] = ()
    captures: tuple[Capture, ...] = ()
