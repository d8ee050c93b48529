"""The one way this program reaches GitHub: settings from the environment and a PyGithub client.

`fetch` sends GraphQL through the client's requester; `check` reads REST through it. Both get the
same retries, timeouts, rate-limit handling and HTTP cache, and neither ever logs the token.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlsplit, urlunsplit

import github
import requests_cache
from github import Auth, GithubException, GithubRetry
from github.GithubException import RateLimitExceededExceedsMaxWait

from .errors import TokenMissing

DEFAULT_API_URL = "https://api.github.com"
ANONYMOUS_PER_HOUR = 60
"""Requests an hour GitHub's REST API allows without a token."""


@dataclass(frozen=True)
class Settings:
    """How to reach GitHub: where, as whom, and how patiently."""

    token: str = field(repr=False)  # never in a log line or a traceback's repr
    api_url: str = DEFAULT_API_URL
    graphql_url: str = ""
    """Empty: derived from api_url (…/api/v3 → …/api/graphql, else …/graphql)."""
    timeout: int = 30
    """Seconds for any one HTTP request."""
    retries: int = 3
    backoff: float = 1.0
    """urllib3 exponential backoff factor between retries, seconds."""
    max_wait: float = 60.0
    """Longest single wait for a rate limit or Retry-After; longer ones fail the request instead."""
    cache_path: str = ""
    """requests-cache location; empty disables the HTTP cache."""
    cache_ttl: int = 0
    """Seconds to reuse cached GraphQL answers (development loops); 0 never reuses them."""

    @classmethod
    def from_env(cls, env: dict[str, str], token_required: bool = True, **overrides) -> Settings:
        """Settings from GITHUB_TOKEN, GITHUB_API_URL, GITHUB_GRAPHQL_URL (as on Actions and
        Enterprise)."""
        token = env.get("GITHUB_TOKEN", "").strip()
        if not token and token_required:
            raise TokenMissing(
                "GITHUB_TOKEN is not set: export a token (on GitHub Actions pass "
                "`env: GITHUB_TOKEN: ${{ secrets.GITHUB_TOKEN }}`)"
            )
        api = (env.get("GITHUB_API_URL") or DEFAULT_API_URL).rstrip("/")
        graphql = env.get("GITHUB_GRAPHQL_URL", "").rstrip("/")
        return cls(token=token, api_url=api, graphql_url=graphql, **overrides)

    @property
    def graphql(self) -> str:
        if self.graphql_url:
            return self.graphql_url
        parts = urlsplit(self.api_url)
        path = parts.path.rstrip("/")
        path = path[: -len("/v3")] if path.endswith("/v3") else path
        return urlunsplit(parts._replace(path=path + "/graphql"))


class BoundedRetry(GithubRetry):
    """PyGithub's retry, except that a Retry-After longer than `max_rate_limit_wait` fails instead
    of hanging."""

    def get_retry_after(self, response):
        wait = super().get_retry_after(response)
        if (
            wait is not None
            and self.max_rate_limit_wait is not None
            and wait > self.max_rate_limit_wait
        ):
            raise RateLimitExceededExceedsMaxWait(
                response.status,
                {"message": "Retry-After too long"},
                dict(response.headers),
                wait=wait,
            )
        return wait


class Connection:
    """A PyGithub client (`.github`) with the HTTP cache the settings ask for. Use as a context
    manager."""

    def __init__(self, settings: Settings):
        self.settings = settings
        retry = BoundedRetry(
            total=settings.retries,
            backoff_factor=settings.backoff,
            backoff_max=settings.max_wait,
            secondary_rate_wait=min(60.0, settings.max_wait),
            max_rate_limit_wait=settings.max_wait,
            raise_on_status=False,
        )
        self._cache = None
        if settings.cache_path:
            # GraphQL is POST: cached only when asked (cache_ttl); REST GETs are revalidated with
            # ETags.
            self._cache = requests_cache.enabled(
                settings.cache_path,
                backend="sqlite",
                allowable_methods=("GET", "HEAD", "POST"),
                expire_after=0,
                urls_expire_after={"*/graphql": settings.cache_ttl or requests_cache.DO_NOT_CACHE},
                ignored_parameters=("Authorization",),
                match_headers=False,
                stale_if_error=False,
            )
            self._cache.__enter__()
        self.github = github.Github(
            auth=Auth.Token(settings.token) if settings.token else None,
            base_url=settings.api_url,
            timeout=int(settings.timeout),
            retry=retry,
            seconds_between_requests=None,
            seconds_between_writes=None,
            per_page=100,
        )

    def __enter__(self) -> Connection:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self.github.close()
        if self._cache is not None:
            self._cache.__exit__(None, None, None)
            self._cache = None


def describe(error: BaseException) -> str:
    """A short, token-free description of a failure, for a health page or a report."""
    if isinstance(error, GithubException):
        message = error.data.get("message") if isinstance(error.data, dict) else error.data
        return f"HTTP {error.status}: {message}" if message else f"HTTP {error.status}"
    return f"{type(error).__name__}: {str(error)[:200]}"
