"""`check`: is sources.yaml right, line by line, and (online) what does GitHub say about its
entries."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from .. import sources
from ..core.errors import SourcesError, SourcesInvalid
from ..core.github import ANONYMOUS_PER_HOUR, Settings
from . import diff, online, report
from .report import MARKER, Finding

__all__ = ["MARKER", "CheckReport", "check"]

log = logging.getLogger("shovel.check")
ASKING_ALL = (
    "asking GitHub about all %d entries: about %d requests (--changed-against origin/main asks only "
    "about the entries a branch adds or changes)"
)
NO_TOKEN = (
    "no GITHUB_TOKEN: GitHub allows %d requests an hour without a token, and this check makes about "
    "%d; set GITHUB_TOKEN to any token"
)


@dataclass(frozen=True)
class CheckReport:
    """What `check` found: the file's problems, and GitHub's findings when it was asked."""

    path: str
    entries: int
    """Entries in the file (0 when it could not be read)."""
    problems: tuple[SourcesError, ...] = ()
    """Mistakes in the file, in file order; any one blocks a merge."""
    findings: tuple[Finding, ...] | None = None
    """One per entry GitHub was asked about; None when it was not asked."""
    checked_all: bool = True
    """False when only the entries changed since a git revision were asked about."""

    @property
    def warned(self) -> bool:
        """GitHub's answers hold something the maintainer should look at."""
        return any(f.level != "ok" for f in self.findings or ())

    def markdown(self) -> str:
        """The pull-request comment: its first line is MARKER, so the bot finds its own comment."""
        return report.markdown(self.findings or (), self.problems, self.checked_all)

    def annotations(self) -> list[str]:
        """`::error` workflow commands that mark each problem's line on the pull request's diff."""
        return [report.annotation(problem) for problem in self.problems]


def check(
    sources_path: str, settings: Settings | None = None, changed_against: str = ""
) -> CheckReport:
    """Check the file; with `settings`, also ask GitHub about every entry (or those changed since a
    revision)."""
    try:
        found = sources.load(sources_path)
    except SourcesInvalid as error:
        return CheckReport(sources_path, 0, error.problems)
    if settings is None:
        return CheckReport(sources_path, len(found))
    entries = (
        diff.changed(found, diff.at_revision(changed_against, sources_path))
        if changed_against
        else found
    )
    planned = online.planned_requests(entries)
    if not changed_against:
        log.info(ASKING_ALL, len(entries), planned)
    if not settings.token:
        log.warning(NO_TOKEN, ANONYMOUS_PER_HOUR, planned)
    findings = online.inspect(entries, settings)
    return CheckReport(sources_path, len(found), (), findings, checked_all=not changed_against)
