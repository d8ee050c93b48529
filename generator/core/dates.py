"""Times as GitHub or a capture gave them, and every way the site says a time or a wait.

Times travel as the ISO 8601 strings they came as ("" when unknown): a date-only capture
("2022-06-26") must not grow an invented time of day. The words for an age ("3 days ago") have
one home here and one mirror in themes/default/static/site.js; a test keeps the two in step.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from functools import lru_cache

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


# A build reads each issue's two or three times some fifteen times (sorting, cards, feed entries,
# the filter index): 330,000 parses and 115,000 strftime calls at 20,000 issues, remembered here.
@lru_cache(maxsize=1 << 16)
def parse_time(value: str) -> datetime | None:
    """An ISO 8601 date or date-time as GitHub or a capture gave it, as an aware UTC datetime."""
    if not value:
        return None
    text = value.replace("Z", "+00:00")
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed.astimezone(UTC)


def now_stamp() -> str:
    """The current UTC time as a stamp: the clock of a fetch."""
    return stamp_of(datetime.now(UTC))


def stamp_of(when: datetime) -> str:
    """An aware datetime as `2026-08-08T12:13:13Z`."""
    return when.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


@lru_cache(maxsize=1 << 16)
def stamp(value: str) -> str:
    """A date-time as `2026-08-08T12:13:13Z` (a bare date as its midnight), "" if unreadable."""
    parsed = parse_time(value)
    return stamp_of(parsed) if parsed else ""


@lru_cache(maxsize=1 << 16)
def iso(value: str) -> str:
    """What a `<time datetime>` holds: a bare date stays a date, a date-time becomes a stamp."""
    parsed = parse_time(value)
    if parsed is None:
        return ""
    return parsed.strftime("%Y-%m-%d") if len(value) == 10 else stamp_of(parsed)


@lru_cache(maxsize=1 << 16)
def day(value: str) -> str:
    """A date as people write it: `8 Aug 2026`; "" if unreadable."""
    parsed = parse_time(value)
    return f"{parsed.day} {MONTHS[parsed.month - 1]} {parsed.year}" if parsed else ""


def ago(then: datetime, now: datetime) -> str:
    """The age of `then` at `now` in whole units: "today", "3 days ago", "2 months ago"."""
    days = (now - then).days
    for size, unit in ((365, "year"), (30, "month"), (7, "week"), (1, "day")):
        if days >= size:
            count = days // size
            return f"{count} {unit}{'s' if count != 1 else ''} ago"
    return "today"


def duration(wait: timedelta) -> str:
    """A wait in the largest unit that fits: "3 hours", "2 days", "5 weeks"."""
    hours = int(wait.total_seconds() // 3600)
    for size, unit in ((24 * 7, "week"), (24, "day"), (1, "hour")):
        if hours >= size:
            count = hours // size
            return f"{count} {unit}{'s' if count != 1 else ''}"
    return "under an hour"


def within(wait: timedelta) -> str:
    """An upper bound a volunteer can plan with: "within a day", "within 3 weeks"."""
    hours = wait.total_seconds() / 3600
    if hours <= 1:
        return "within an hour"
    if hours <= 24:
        return "within a day"
    days = -(-wait.total_seconds() // 86400)
    if days < 14:
        return f"within {int(days)} days"
    if days <= 60:
        return f"within {int(-(-days // 7))} weeks"
    return f"within {int(-(-days // 30))} months"
