"""Labels that say "do not start this yet": on hold, blocked, icebox, won't fix, duplicate, invalid, stale-bot
marks, in-progress and needs-spec statuses. An issue carrying one is kept off the lists and shown on its
repo page with the label as the reason.

The vocabulary was read off the real labels in ../shared/data (about 1,500 issues of 200 repos);
docs/ classification.md says how many issues each phrase catches there. Labels are compared as
words: case, separators (`-`, `_`, `/`, `:`), emoji, list numbers ("04 - In Progress") and status
prefixes ("status/", "S-", "lifecycle/") do not matter."""

from __future__ import annotations

import re
from functools import lru_cache

from ..core.records import Issue, Source

PHRASES: dict[str, str] = {
    "on hold": "on hold, hold, onhold, paused",
    "blocked": "blocked, blocked upstream, blocked by upstream, waiting for upstream",
    "waiting for an answer": "waiting for response, waiting for reply, waiting reply, waiting response, "
    "awaiting response, needs response, needs reply, pending other, needs info, needs more info, "
    "more info needed",
    "icebox": "icebox, ice box, frozen, deferred, someday",
    "won't fix": "wontfix, won t fix, will not fix, not planned",
    "duplicate": "duplicate, dupe",
    "invalid": "invalid",
    "marked stale": "stale, no issue activity, inactive, rotten, abandoned",
    "in progress": "in progress, wip, work in progress, community contribution in progress",
    "not specified yet": "ready for specification, needs specification, needs spec, needs definition, "
    "needs refinement, needs refining, needs grooming, needs breakdown, needs planning, needs discussion, "
    "needs decision, needs triage, untriaged, needs prioritization, draft, ready for product, "
    "ready for content lead, ready for design lead, ready for dev lead",
}
"""Each kind of do-not-start label and the phrases that say it (as `words` spells labels)."""
PREFIXES = frozenset(
    {"status", "state", "s", "x", "z", "lifecycle", "ignore", "triage", "workflow"}
)
"""Leading words that only say what kind of label follows ("status: blocked", "S-blocked")."""
KIND = {phrase: kind for kind, said in PHRASES.items() for phrase in said.split(", ")}
_NOT_WORD = re.compile(r"[^a-z0-9]+")


@lru_cache(maxsize=4096)
def words(label: str) -> str:
    """A label as the vocabulary spells it: lower-case words, no prefixes, list numbers or decoration."""
    found = _NOT_WORD.sub(" ", label.lower()).split()
    while found and (found[0] in PREFIXES or found[0].isdigit()) and len(found) > 1:
        found.pop(0)
    return " ".join(found)


def parked_by(issue: Issue, source: Source) -> str:
    """The label that parks the issue ("" when none does): the built-in vocabulary, plus the entry's
    `parked` labels, less its `unparked` ones."""
    added = {words(name) for name in source.parked}
    removed = {words(name) for name in source.unparked}
    for label in issue.labels:
        said = words(label.name)
        if said in removed:
            continue
        if said in KIND or said in added:
            return label.name
    return ""
