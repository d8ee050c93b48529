"""The online half of `check`: asks GitHub's REST API (through PyGithub) about sources.yaml entries.

Advisory by design: a failure to reach GitHub for one entry becomes that entry's finding, never an
exception, so one flaky answer cannot hide the rest of the report. Only a refused token stops the
run."""

from __future__ import annotations

import difflib
import logging
from dataclasses import replace

import github
import requests
from github import GithubException

from ..core.errors import FetchError
from ..core.github import Connection, Settings
from ..core.readiness import read_readiness, readiness_fields
from ..core.records import Source
from .report import Finding, LabelCheck

log = logging.getLogger("shovel.check")


def inspect(entries: tuple[Source, ...], settings: Settings) -> tuple[Finding, ...]:
    """One Finding per entry, in the order given."""
    with Connection(settings) as connection:
        found = tuple(_one(connection.github, source) for source in entries)
        return tuple(_with_readiness(connection, settings, f) for f in found)


def _with_readiness(connection: Connection, settings: Settings, finding: Finding) -> Finding:
    """What a newcomer will find in a repo that exists, as advice for its maintainer; GitHub's GraphQL
    API answers only with a token, so without one the advice is left out."""
    if not finding.exists or finding.source.is_org or not settings.token or finding.error:
        return finding
    owner, name = finding.canonical.split("/")
    query = (
        "query($o: String!, $n: String!) { repository(owner: $o, name: $n) { "
        + readiness_fields()
        + " } }"
    )
    try:
        _, body = connection.github.requester.requestJsonAndCheck(
            "POST", settings.graphql, input={"query": query, "variables": {"o": owner, "n": name}}
        )
    except (GithubException, requests.RequestException) as error:
        log.debug("readiness of %s could not be read: %s", finding.canonical, error)
        return finding
    node = ((body or {}).get("data") or {}).get("repository")
    return replace(finding, readiness=read_readiness(node)) if node else finding


def planned_requests(entries: tuple[Source, ...]) -> int:
    """About how many REST requests `inspect` makes: the repo, its labels, then one search per
    label."""
    return sum(2 if source.is_org else 2 + len(source.labels) for source in entries)


def _one(client: github.Github, source: Source) -> Finding:
    try:
        try:
            # only the first request's 404 means "no such repo"; a later one is a failed check
            head = (
                client.get_organization(source.repo)
                if source.is_org
                else client.get_repo(source.repo)
            )
        except GithubException as error:
            if error.status == 404:
                return Finding(source=source, exists=False)
            raise
        return _org(head, source) if source.is_org else _repo(head, source)
    except GithubException as error:
        if error.status == 401:
            raise FetchError(
                "GitHub refused the token (401): set GITHUB_TOKEN to a valid token"
            ) from error
        message = (error.data or {}).get("message", "") if isinstance(error.data, dict) else ""
        return Finding(source=source, error=f"GitHub answered {error.status} {message}".strip())
    except (requests.RequestException, OSError, ValueError) as error:
        log.debug("checking %s failed", source.repo, exc_info=True)
        return Finding(source=source, error=_in_words(error))


def _in_words(error: Exception) -> str:
    if isinstance(error, requests.exceptions.RetryError):
        return "GitHub answered with errors several times in a row"
    if isinstance(error, requests.Timeout):
        return "GitHub did not answer in time"
    if isinstance(error, requests.ConnectionError):
        return "could not connect to GitHub"
    return f"{type(error).__name__}: {error}"[:200]


def _repo(repo, source: Source) -> Finding:
    """`repo` was read through GitHub's 301 when renamed, so its full_name is the current one."""
    found = Finding(
        source=source,
        exists=True,
        canonical=repo.full_name,
        private=repo.private,
        archived=repo.archived,
        issues_enabled=repo.has_issues,
    )
    if not repo.has_issues:
        return found
    spelled = {label.name.lower(): label.name for label in repo.get_labels()}
    checks, issues = [], set()
    for name in source.labels:
        exact = spelled.get(name.lower(), "")
        if not exact:
            similar = tuple(difflib.get_close_matches(name.lower(), list(spelled), n=3, cutoff=0.6))
            checks.append(LabelCheck(name=name, similar=tuple(spelled[s] for s in similar)))
            continue
        # REST lists pull requests among issues; html_url tells them apart without another request
        numbers = {
            i.number
            for i in repo.get_issues(state="open", labels=[exact])
            if "/pull/" not in i.html_url
        }
        issues |= numbers
        checks.append(LabelCheck(name=name, found=exact, open_issues=len(numbers)))
    return replace(found, labels=tuple(checks), open_issues=len(issues))


def _org(org, source: Source) -> Finding:
    names = {r.name.lower(): r for r in org.get_repos(type="public")}
    excluded = {name.lower() for name in source.exclude}
    unknown = tuple(name for name in source.exclude if name.lower() not in names)
    read = sum(
        1 for key, r in names.items() if key not in excluded and not r.archived and not r.private
    )
    return Finding(
        source=source, exists=True, canonical=org.login, org_repos=read, unknown_excluded=unknown
    )
