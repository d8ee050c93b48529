"""Times as GitHub or a capture gave them (ISO 8601 strings, "" when unknown) and their stamps."""

from __future__ import annotations

from datetime import UTC, datetime


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
