"""Pure: is an issue already taken, and has it gone stale.

A claim in a comment is read by comments.comment_kind. The clock is always a parameter: the site
passes the snapshot's capture time. Verdicts are data; render says them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal

from ..core.dates import parse_time
from ..core.records import Issue
from .comments import assigned_by_command, comment_kind

CLAIM_WINDOW = timedelta(days=30)
STALE_AFTER = timedelta(days=365)
MAINTAINERS = frozenset({"OWNER", "MEMBER", "COLLABORATOR"})
ASSIGNED_LABEL = "📍 Assigned"


# --- is the issue taken --------------------------------------------------------------------------


@dataclass(frozen=True)
class Claim:
    """Why an issue is not free to take."""

    kind: Literal["assigned", "pull-request", "comment", "captured", "unknown"]
    """`unknown`: GitHub did not return the issue's comments, so a claim in them could not be
    checked."""
    by: tuple[str, ...] = ()
    """Who holds it, when known: the assignees, the commenter, or whom an assign command names."""
    link: str = ""
    """The open pull request, for `pull-request`."""
    since: str = ""
    """When the claiming comment was written, for `comment`."""


def claim(issue: Issue, now: datetime, window: timedelta = CLAIM_WINDOW) -> Claim | None:
    """The strongest sign that someone is on the issue, or None when it is free to take."""
    if issue.assignees:
        return Claim("assigned", issue.assignees)
    if issue.linked_pr:
        return Claim("pull-request", link=issue.linked_pr)
    if "comments" in issue.unread:
        return Claim("unknown")
    found = _comment_claim(issue, now, window)
    if found:
        return found
    # A capture's verdict has no date; comments we read ourselves supersede its comment flag.
    if any(label.name == ASSIGNED_LABEL for label in issue.labels) or (
        issue.comment_claim and not issue.comments
    ):
        return Claim("captured")
    return None


def _comment_claim(issue: Issue, now: datetime, window: timedelta) -> Claim | None:
    """The last claim no later comment released (comments are oldest first): a non-maintainer's
    own, or an assign command handing the issue to someone it names, whoever wrote it."""
    held = None
    for comment in issue.comments:
        named = assigned_by_command(comment.body)
        if named and [n.lower() for n in named] != [comment.author.lower()]:
            held = Claim("comment", named, since=comment.created)
            continue
        kind = comment_kind(comment.body)
        if kind == "release":
            held = None
        elif kind == "claim" and comment.association.upper() not in MAINTAINERS:
            by = (comment.author,) if comment.author else ()
            held = Claim("comment", by, since=comment.created)
    when = parse_time(held.since) if held else None
    if when is None or now - when > window:
        return None
    return held


def last_activity(issue: Issue) -> str:
    """When anything last happened on the issue (an update or a comment), "" when no such time is known.

    Its opening is not activity: a capture that kept only the opening date says nothing of since."""
    times = [issue.updated, issue.last_comment_at, *(c.created for c in issue.comments)]
    known = [(when, text) for text in times if (when := parse_time(text)) is not None]
    return max(known)[1] if known else ""


def is_stale(issue: Issue, now: datetime, after: timedelta = STALE_AFTER) -> bool:
    """No known activity for longer than `after`; an issue with no known activity is not stale."""
    last = parse_time(last_activity(issue))
    return last is not None and now - last > after
