"""Strangers' text made safe where it goes: excerpts, JSON a page may embed, Markdown reports."""

from __future__ import annotations

import json
import re

_CONTROL = re.compile(r"[\x00-\x1f\x7f\u2028\u2029]+")
_BACKTICKS = re.compile(r"`+")


def excerpt(text: str, limit: int) -> str:
    """Whitespace-collapsed plain text, cut at a word boundary with an ellipsis."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    return flat[:limit].rsplit(" ", 1)[0] + "…"


def json_bytes(value, sort_keys: bool = True) -> bytes:
    """Compact JSON with "<" written as \\u003c: the same data to a parser, never markup to a
    browser."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=sort_keys, separators=(",", ":"))
    return (text.replace("<", "\\u003c") + "\n").encode()


def md_code(text: str) -> str:
    """`text` as a Markdown code span nothing inside can break out of (links, HTML, mentions)."""
    flat = _CONTROL.sub(" ", text)
    fence = "`" * (max((len(run) for run in _BACKTICKS.findall(flat)), default=0) + 1)
    pad = " " if flat.startswith("`") or flat.endswith("`") or not flat.strip() else ""
    return f"{fence}{pad}{flat}{pad}{fence}"


def md_cell(text: str) -> str:
    """`text` as a code span inside a Markdown table cell, where GitHub also ends the cell at a bare
    `|`."""
    return md_code(text).replace("|", "\\|")


def annotation(level: str, message: str, **properties: str | int) -> str:
    """A GitHub Actions workflow command (`::warning file=…,line=…::message`), escaped as the runner
    reads it."""
    said = ",".join(f"{name}={_escape_property(str(value))}" for name, value in properties.items())
    return f"::{level}{' ' if said else ''}{said}::{_escape_data(message)}"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")
