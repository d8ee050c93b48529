"""Pure: the text `check` prints for machines — GitHub Actions annotations — and, online, for people."""

from __future__ import annotations

from .errors import SourcesError


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(problem: SourcesError, level: str = "error") -> str:
    """A `::error file=…,line=…,col=…::message` workflow command, so the problem shows on the PR diff."""
    return (f"::{level} file={_escape_property(problem.path)},line={problem.line},col={problem.col},"
            f"title={_escape_property('sources.yaml check')}::{_escape_data(problem.message)}")
