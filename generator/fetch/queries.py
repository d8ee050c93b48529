"""GraphQL text and readers: what each pass asks and how answers become records."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from ..core.readiness import read_readiness, readiness_fields
from ..core.records import Comment, Issue, Label, Repo
from ..core.text import excerpt
from .client import FieldError, Part
from .outline import outline

BODY_EXCERPT = 400
"""Characters of an issue's plain-text body kept in the snapshot."""
COMMENT_EXCERPT = 400
"""Characters of each kept comment. A claim comes first ("I'd like to work on this"), but a release
often follows its reasons ("…we are going to unassign you from this issue"): on the labeled comments
(bench/claims_eval.py) 200 characters found 0.450 of the releases, 300 found 0.484, 400 and more 0.489."""
COMMENTS_KEPT = 10
"""Most recent comments kept per issue. GitHub charges the connection by its parent's `first`, not
its own `last`, so 10 cost the same points as 3; on the benchmark world 3 let 67 of 925 comment
claims slip past (an older claim outside the last 3), 10 let none (bench/takeable.py)."""


def kept_comment(text: str) -> str:
    """What a snapshot keeps of a comment's plain text, and so all the build ever reads of it."""
    return excerpt(text, COMMENT_EXCERPT)


LABELS_PER_ISSUE = 20
TOPICS_PER_REPO = 20
ASSIGNEES_PER_ISSUE = 10


REPO_FIELDS = f"""id nameWithOwner url description stargazerCount isArchived pushedAt
    hasIssuesEnabled
    primaryLanguage {{ name }} licenseInfo {{ spdxId name }}
    repositoryTopics(first: {TOPICS_PER_REPO}) {{ nodes {{ topic {{ name }} }} }}"""


ISSUE_FRAGMENT = f"""
fragment IssueFields on Issue {{
  number title url createdAt updatedAt locked body bodyText author {{ login }}
  labels(first: {LABELS_PER_ISSUE}) {{ nodes {{ name color }} }}
  comments(last: {COMMENTS_KEPT}) {{ totalCount
    nodes {{ author {{ login }} authorAssociation createdAt bodyText }} }}
}}
"""
ISSUE_CONNECTIONS = 2  # labels, comments: what each issue node costs in requests

FREE, TAKEN = "null", '"*"'


@dataclass(frozen=True)
class Target:
    """A repository to fetch and the labels that make its issues beginner issues."""

    owner: str
    name: str
    labels: tuple[str, ...]

    @property
    def full_name(self) -> str:
        return f"{self.owner}/{self.name}"

    @property
    def key(self) -> str:
        return self.full_name.lower()


@dataclass
class Census:
    """What the first pass learned of one repository."""

    repo: Repo
    free: int
    taken: int
    has_issues: bool
    errors: tuple[FieldError, ...] = ()
    """Errors GitHub sent with the repository's data."""


def census_part(index: int, target: Target, readiness: bool = True) -> Part:
    labels = list(target.labels)
    fields = f"{REPO_FIELDS}\n    {readiness_fields()}" if readiness else REPO_FIELDS
    selection = (
        f"  r{index}: repository(owner: $o{index}, name: $n{index}) {{ {fields}\n"
        f"    free: issues(states: OPEN, labels: $l{index}, filterBy: {{assignee: {FREE}}}) "
        f"{{ totalCount }}\n"
        f"    taken: issues(states: OPEN, labels: $l{index}, filterBy: {{assignee: {TAKEN}}}) "
        "{ totalCount } }"
    )
    return Part(
        key=target.key,
        alias=f"r{index}",
        declarations=f"$o{index}: String!, $n{index}: String!, $l{index}: [String!]",
        variables={f"o{index}": target.owner, f"n{index}": target.name, f"l{index}": labels},
        selection=selection,
        requests=4 if readiness else 3,
    )


def read_repo(node: dict, source: str) -> Repo:
    """A Repository node as a model.Repo without issues."""
    licence = node.get("licenseInfo") or {}
    spdx = licence.get("spdxId") or ""
    return Repo(
        name_with_owner=node["nameWithOwner"],
        url=node.get("url") or "",
        source=source,
        node_id=node.get("id") or "",
        description=node.get("description") or "",
        language=(node.get("primaryLanguage") or {}).get("name") or "",
        topics=tuple(
            sorted(
                t["topic"]["name"] for t in (node.get("repositoryTopics") or {}).get("nodes", [])
            )
        ),
        stars=node.get("stargazerCount"),
        archived=bool(node.get("isArchived")),
        pushed_at=node.get("pushedAt") or "",
        license=spdx if spdx and spdx != "NOASSERTION" else licence.get("name") or "",
        readiness=read_readiness(node),
    )


def read_issue(repo: str, node: dict) -> Issue:
    """An Issue node as a model.Issue (untrusted text kept as given; templates escape it)."""
    comments = node.get("comments") or {}
    recent = [c for c in comments.get("nodes") or [] if c]
    return Issue(
        repo=repo,
        number=node["number"],
        title=node.get("title") or "",
        url=node.get("url") or "",
        created=node.get("createdAt") or "",
        updated=node.get("updatedAt") or "",
        author=(node.get("author") or {}).get("login") or "",
        labels=tuple(
            Label(n["name"], n.get("color") or "")
            for n in (node.get("labels") or {}).get("nodes", [])
        ),
        assignees=tuple(a["login"] for a in (node.get("assignees") or {}).get("nodes", [])),
        comments_count=comments.get("totalCount"),
        last_comment_at=recent[-1]["createdAt"] if recent else "",
        body=excerpt(node.get("bodyText") or "", BODY_EXCERPT),
        outline=outline(node.get("body") or "", repo),
        locked=bool(node.get("locked")),
        comments=tuple(
            Comment(
                author=(c.get("author") or {}).get("login") or "",
                association=c.get("authorAssociation") or "",
                created=c.get("createdAt") or "",
                body=kept_comment(c.get("bodyText") or ""),
            )
            for c in recent
        ),
    )


@dataclass
class Stream:
    """One repo's unassigned or assigned issues still to page through."""

    target: Target
    kind: str
    expected: int
    limit: int = 1000
    """At most this many from this stream (the repo's cap, less what the unassigned stream takes).
    """
    cursor: str | None = None
    issues: list[Issue] = field(default_factory=list)

    def first(self) -> int:
        return max(1, min(100, self.expected - len(self.issues), self.limit - len(self.issues)))

    def connections(self) -> int:
        return ISSUE_CONNECTIONS + (1 if self.kind == TAKEN else 0)


def page_part(index: int, stream: Stream, first: int) -> Part:
    target = stream.target
    assignees = (
        f" assignees(first: {ASSIGNEES_PER_ISSUE}) {{ nodes {{ login }} }}"
        if stream.kind == TAKEN
        else ""
    )
    selection = (
        f"  p{index}: repository(owner: $o{index}, name: $n{index}) {{\n"
        f"    issues(first: {first}, after: $c{index}, states: OPEN, labels: $l{index}, "
        f"filterBy: {{assignee: {stream.kind}}}, orderBy: {{field: CREATED_AT, direction: ASC}}) "
        f"{{\n"
        f"      totalCount pageInfo {{ hasNextPage endCursor }} nodes "
        f"{{ ...IssueFields{assignees} }} }} }}"
    )
    return Part(
        key=id(stream),
        alias=f"p{index}",
        declarations=f"$o{index}: String!, $n{index}: String!, $l{index}: [String!], $c{index}: "
        "String",
        variables={
            f"o{index}": target.owner,
            f"n{index}": target.name,
            f"l{index}": list(target.labels),
            f"c{index}": stream.cursor,
        },
        selection=selection,
        requests=1 + first * stream.connections(),
    )


SEARCH_REPOS = 20
"""Repositories per `linked:pr` search (GitHub ORs repeated `repo:` qualifiers)."""
LINKED_FIELDS = """... on Issue { number repository { nameWithOwner }
        closedByPullRequestsReferences(first: 1, includeClosedPrs: false) { nodes { url } } }"""


def search_text(names: Sequence[str], labels: Sequence[str]) -> str:
    """An issue search for open, labeled issues with a linked pull request in these repos."""
    usable = [label for label in labels if '"' not in label]
    label_part = (
        " label:" + ",".join(f'"{label}"' for label in usable)
        if usable and len(usable) == len(labels)
        else ""
    )
    return " ".join(f"repo:{n}" for n in names) + " is:issue is:open linked:pr" + label_part


def repo_names(text: str) -> list[str]:
    """The repositories a search text names."""
    return [word[5:] for word in text.split() if word.startswith("repo:")]


def search_count_part(index: int, text: str) -> Part:
    return Part(
        key=index,
        alias=f"s{index}",
        declarations=f"$q{index}: String!",
        variables={f"q{index}": text},
        selection=f"  s{index}: search(query: $q{index}, type: ISSUE) {{ issueCount }}",
        requests=1,
    )


def search_page_part(index: int, text: str, count: int, cursor: str | None) -> Part:
    first = min(100, count)
    return Part(
        key=index,
        alias=f"s{index}",
        declarations=f"$q{index}: String!, $c{index}: String",
        variables={f"q{index}": text, f"c{index}": cursor},
        requests=1 + first,
        selection=f"  s{index}: search(query: $q{index}, type: ISSUE, first: {first}, after: "
        f"$c{index}) {{ pageInfo {{ hasNextPage endCursor }} nodes {{ {LINKED_FIELDS} }} }}",
    )


def owner_repos_part(login: str, cursor: str | None) -> Part:
    return Part(
        key=login,
        alias="o",
        declarations="$login: String!, $c: String",
        variables={"login": login, "c": cursor},
        requests=1,
        selection="  o: repositoryOwner(login: $login) { repositories(first: 100, after: $c, "
        "isArchived: false, isFork: false, privacy: PUBLIC, orderBy: {field: NAME, direction: "
        "ASC}) "
        "{ pageInfo { hasNextPage endCursor } nodes { nameWithOwner } } }",
    )
