"""The fake's world: repositories, their labels and issues, renames and deletions.

Plain mutable records, so a test can build a world, run a fetch, change the world and fetch again.
"""

from __future__ import annotations

import base64
import threading
from dataclasses import dataclass, field


@dataclass
class FakeComment:
    author: str
    created: str
    body: str = ""
    association: str = "NONE"
    id: int = 0
    """The REST comment id; 0 until the world numbers it."""
    updated: str = ""


@dataclass
class FakeIssue:
    number: int
    title: str
    labels: tuple[str, ...] = ()
    body: str = ""
    author: str = "octocat"
    assignees: tuple[str, ...] = ()
    comments: list[FakeComment] = field(default_factory=list)
    created: str = "2026-01-01T00:00:00Z"
    updated: str = "2026-01-02T00:00:00Z"
    locked: bool = False
    state: str = "OPEN"
    linked_prs: tuple[tuple[str, str], ...] = ()
    """(pull request URL, its state: OPEN / CLOSED / MERGED) of pull requests that close this issue.
    """
    is_pull_request: bool = False
    """REST lists pull requests among issues; GraphQL never does."""
    node_id: str = ""
    head_sha: str = ""
    """A pull request's head commit (GET /repos/{owner}/{repo}/pulls/{number})."""


@dataclass
class FakeRepo:
    owner: str
    name: str
    database_id: int
    node_id: str
    description: str = ""
    language: str = ""
    topics: tuple[str, ...] = ()
    stars: int = 0
    archived: bool = False
    pushed_at: str = "2026-01-01T00:00:00Z"
    license: tuple[str, str] | None = ("MIT", "MIT License")
    """(SPDX id, name), or None when the repo has no licence."""
    has_issues: bool = True
    is_fork: bool = False
    private: bool = False
    labels: dict[str, tuple[str, str]] = field(default_factory=dict)
    """lower-cased name → (name as spelled, colour)."""
    issues: dict[int, FakeIssue] = field(default_factory=dict)
    pages_url: str = ""
    """The GitHub Pages site's address (GET /repos/{owner}/{repo}/pages); "" when Pages is not
    enabled."""
    files: tuple[str, ...] = ()
    """Paths in the default branch (`CONTRIBUTING.md`, `.devcontainer`, `docker-compose.yml`, …)."""
    code_of_conduct: str = ""
    """Its name ("Contributor Covenant"), "" when the repo has none."""
    discussions: bool = False
    merged: tuple[tuple[str, str], ...] = ()
    """(author association, merged at) of its merged pull requests, oldest first."""

    @property
    def full_name(self) -> str:
        return f"{self.owner}/{self.name}"

    def label(self, name: str, color: str = "7057ff") -> None:
        """Create a label unless one with that name (any case) exists."""
        self.labels.setdefault(name.lower(), (name, color))

    def label_color(self, name: str) -> str:
        return self.labels.get(name.lower(), (name, "ededed"))[1]


def _node_id(prefix: str, number: int) -> str:
    return prefix + base64.b64encode(f"fake:{number:08d}".encode()).decode().rstrip("=")


class World:
    """All repositories the fake knows; lookups are case-insensitive and follow renames."""

    def __init__(self) -> None:
        self.lock = threading.RLock()
        self._repos: dict[str, FakeRepo] = {}
        self._old_names: dict[str, FakeRepo] = {}
        self._by_id: dict[int, FakeRepo] = {}
        self._next_id = 1000
        self._next_comment_id = (
            2_000_000_000  # its own counter, so repo and issue ids stay as they were
        )
        self.refused: set[str] = set()
        """GraphQL fields ("IssueComment.authorAssociation") answered with a FORBIDDEN error and
        null."""

    def add_repo(self, full_name: str, **fields) -> FakeRepo:
        """Create a repository; keyword arguments set FakeRepo fields."""
        owner, name = full_name.split("/")
        with self.lock:
            self._next_id += 1
            repo = FakeRepo(
                owner=owner,
                name=name,
                database_id=self._next_id,
                node_id=_node_id("R_kgDO", self._next_id),
                **fields,
            )
            self._repos[full_name.lower()] = repo
            self._by_id[repo.database_id] = repo
            return repo

    def add_issue(self, full_name: str, number: int, title: str, **fields) -> FakeIssue:
        """Add an issue (labels are created on the repo as needed)."""
        with self.lock:
            repo = self.repo(full_name)
            issue = FakeIssue(number=number, title=title, **fields)
            self._next_id += 1
            issue.node_id = issue.node_id or _node_id("I_kwDO", self._next_id)
            for label in issue.labels:
                repo.label(label)
            for comment in issue.comments:
                self.number_comment(comment)
            repo.issues[number] = issue
            return issue

    def add_pull(
        self, full_name: str, number: int, title: str, head_sha: str, **fields
    ) -> FakeIssue:
        """Add an open pull request whose head is commit `head_sha` (REST only, as on GitHub)."""
        return self.add_issue(
            full_name, number, title, is_pull_request=True, head_sha=head_sha, **fields
        )

    def number_comment(self, comment: FakeComment) -> FakeComment:
        """Give a comment its REST id (ids grow with creation, as on GitHub)."""
        with self.lock:
            if not comment.id:
                self._next_comment_id += 1
                comment.id = self._next_comment_id
            return comment

    def find_comment(self, comment_id: int) -> tuple[FakeRepo, FakeIssue, FakeComment] | None:
        """(repo, issue, comment) for a REST comment id, or None."""
        for repo in self._repos.values():
            for issue in repo.issues.values():
                for comment in issue.comments:
                    if comment.id == comment_id:
                        return repo, issue, comment
        return None

    def repo(self, full_name: str) -> FakeRepo:
        """The repository under its current name (KeyError otherwise)."""
        return self._repos[full_name.lower()]

    def rename(self, old: str, new: str) -> None:
        """Rename (or transfer) a repository; the old name keeps redirecting."""
        with self.lock:
            repo = self._repos.pop(old.lower())
            repo.owner, repo.name = new.split("/")
            self._old_names[old.lower()] = repo
            self._repos[new.lower()] = repo

    def delete(self, full_name: str) -> None:
        with self.lock:
            repo = self._repos.pop(full_name.lower())
            self._by_id.pop(repo.database_id, None)
            for old, target in list(self._old_names.items()):
                if target is repo:
                    del self._old_names[old]

    def find(self, full_name: str) -> tuple[FakeRepo | None, bool]:
        """(repo, reached through an old name) for a name; (None, False) when there is none."""
        key = full_name.lower()
        if key in self._repos:
            repo = self._repos[key]
            return (None, False) if repo.private else (repo, False)
        repo = self._old_names.get(key)
        if repo is not None and repo.full_name.lower() in self._repos and not repo.private:
            return repo, True
        return None, False

    def by_id(self, database_id: int) -> FakeRepo | None:
        return self._by_id.get(database_id)

    def org_repos(self, login: str) -> list[FakeRepo]:
        return sorted(
            (r for r in self._repos.values() if r.owner.lower() == login.lower() and not r.private),
            key=lambda r: r.name.lower(),
        )

    def has_owner(self, login: str) -> bool:
        return any(r.owner.lower() == login.lower() for r in self._repos.values())

    def repos(self) -> list[FakeRepo]:
        return sorted(self._repos.values(), key=lambda r: r.full_name.lower())
