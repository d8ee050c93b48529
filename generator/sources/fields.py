"""Every key of sources.yaml, one `Field` each: the table that drives checks, JSON Schema and docs.

The loader accepts exactly these keys where they are allowed, `schema.py` and `docs.py` read the
same table: adding a key here adds it everywhere (`Source` needs a field of the same name).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..core.records import Effort, SkillArea
from .kinds import Cause, Choice, ExcludeList, Kind, LabelList, LabelMap, OrgName, RepoName, Text

REPO, ORG, DEFAULTS = "repo", "org", "defaults"
"""The places a key can be written: a repo entry, an org entry, the `defaults` mapping."""
ENTRIES = (REPO, ORG)


@dataclass(frozen=True)
class Field:
    """One key: what it holds, where it may be written, and what it means (one line, Markdown)."""

    key: str
    kind: Kind
    entries: tuple[str, ...] = ENTRIES
    """The entries (repo, org) the key is allowed in."""
    required: bool = False
    """Every entry it is allowed in must have it."""
    doc: str = ""
    """What the key means, in one line of Markdown (the docs and the JSON Schema show it)."""
    defaults: str = ""
    """How the key meets `defaults`: "" (not allowed there), "replace", or "add" (to its list)."""

    @property
    def places(self) -> tuple[str, ...]:
        """Where the key may be written."""
        return (*self.entries, DEFAULTS) if self.defaults else self.entries

    def schema(self) -> dict:
        """The key's JSON Schema, its doc as the description."""
        return {**self.kind.schema(), "description": self.doc}


# A table, laid out by hand: one field a block, its doc on a line of its own.
# fmt: off
FIELDS: tuple[Field, ...] = (
    Field("repo", RepoName(), entries=(REPO,), required=True,
        doc="`owner/name` exactly as in the repo's GitHub address, without `https://github.com/`"),
    Field("org", OrgName(), entries=(ORG,), required=True,
        doc="a GitHub organization: all its public, non-archived repos are listed"),
    Field("exclude", ExcludeList(), entries=(ORG,),
        doc="repo names of the organization to leave out, e.g. `[old-website]`"),
    Field("cause", Cause(), required=True,
        doc="what the project is for: one value from the list of causes"),
    Field("labels", LabelList("good first issue", " to use the defaults"), defaults="replace",
        doc="the labels that mark your beginner issues; they replace the ones in `defaults`"),
    Field("parked", LabelList("on hold"), defaults="add",
        doc='your labels that mean "not ready, do not start": issues carrying one are not listed'),
    Field("unparked", LabelList("status: blocked"), defaults="add",
        doc="built-in not-ready labels that your project uses otherwise: they are ignored for it"),
    Field("skills", LabelMap(SkillArea, "skill area"),
        doc="your labels → skill area: `backend`, `data`, `frontend` or `design`"),
    Field("effort", LabelMap(Effort, "effort"),
        doc="your labels → effort: `small` (an evening), `medium` (a weekend) or `large`"),
    Field("default_skill", Choice(SkillArea, "skill area"),
        doc="the skill area of issues whose labels say nothing about it"),
    Field("name", Text(),
        doc="the name people know the project by, when it differs from the repo name"),
    Field("description", Text(),
        doc="one sentence on what the project does, for volunteers"),
    Field("contact", Text(),
        doc="where volunteers can ask first: a chat invite, a forum, an address"),
    Field("note", Text(),
        doc='shown on your repo\'s page, e.g. "Join our onboarding before taking an issue."'),
)
# fmt: on


def fields_for(place: str) -> tuple[Field, ...]:
    """The fields allowed in `place` (REPO, ORG or DEFAULTS), in table order."""
    return tuple(field for field in FIELDS if place in field.places)


def keys_for(place: str) -> tuple[str, ...]:
    """The keys allowed in `place`, in table order."""
    return tuple(field.key for field in fields_for(place))
