"""A repo's fetch state in words, for the health page, the repo pages and the fetch report."""

from __future__ import annotations

from .dates import day
from .records import Repo, RepoState, Source

ISSUE_ORDER = "unassigned first, oldest first"
"""The order in which a repo's issues are read, so the ones kept under the cap are said plainly."""


def detail(repo: Repo, source: Source | None) -> str:
    """What the state means and what to do about it; "" for a healthy repo."""
    said = [_state(repo, source)]
    if repo.labeled_total is not None:
        said.append(
            f"listing {len(repo.issues)} of its {repo.labeled_total} labeled open issues "
            f"({ISSUE_ORDER})"
        )
    return "; ".join(part for part in said if part)


def _state(repo: Repo, source: Source | None) -> str:
    state = repo.state
    if state is RepoState.STALE:
        when = day(repo.issues_as_of) or repo.issues_as_of
        kept = f"issues as of {when}" if repo.issues else "never fetched before, so no issues"
        return f"fetch failed ({repo.error}); {kept}"
    if state is RepoState.PARTIAL:
        return (
            f"GitHub left out part of the answer ({repo.error}); claims made in comments could "
            "not be "
            "checked, so its issues are marked as such"
        )
    if state is RepoState.ARCHIVED:
        return "archived (read-only): its issues are not listed"
    if state is RepoState.ISSUES_DISABLED:
        return "the repository has issues turned off"
    if state is RepoState.MISSING:
        return "not found: deleted, private or misspelt; fix or remove the entry in sources.yaml"
    if state is RepoState.RENAMED:
        written = source.repo if source else repo.source
        where = f" (line {source.line})" if source and source.line else ""
        fix = f"in sources.yaml{where} change `repo: {written}` to `repo: {repo.name_with_owner}`"
        if repo.listed_as:
            return f"{fix}; `{repo.listed_as}` is listed too, so remove this entry"
        return fix
    if state is RepoState.NO_LABELED_ISSUES:
        if "/" not in repo.name_with_owner:
            return (
                "the organization has no public, non-archived repository to list (beyond "
                "`exclude` and "
                "the entries listed on their own)"
            )
        labels = ", ".join(f"`{label}`" for label in source.labels) if source else ""
        return (
            f"no open issue carries one of its labels ({labels})"
            if labels
            else "no open issue carries its labels"
        )
    if state is RepoState.NOT_FETCHED:
        return "listed in sources.yaml after the last fetch: its issues come with the next one"
    return ""
