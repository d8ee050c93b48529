"""GraphQL text and readers for generator.github: what each pass asks and how answers become records."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..core.records import Comment, Issue, Label, Repo

BODY_EXCERPT = 400
"""Characters of an issue's plain-text body kept in the snapshot."""
COMMENT_EXCERPT = 200
"""Characters of each kept comment: enough to see a claim ("I'd like to work on this")."""
COMMENTS_KEPT = 10
"""Most recent comments kept per issue. GitHub charges the connection by its parent's `first`, not
its own `last`, so 10 cost the same points as 3; on the benchmark world 3 let 67 of 925 comment
claims slip past (an older claim outside the last 3), 10 let none (bench/takeable.py)."""
LABELS_PER_ISSUE = 20
TOPICS_PER_REPO = 20
ASSIGNEES_PER_ISSUE = 10


@dataclass
class Part:
    """One aliased top-level field of a query, with its variables and predicted request count."""

    key: Any
    alias: str
    declarations: str
    variables: dict[str, Any]
    selection: str
    requests: int


def cost_of(requests_total: int) -> int:
    """GitHub's rounding of a query's requests into points."""
    return max(1, int(requests_total / 100 + 0.5))


REPO_FIELDS = f"""id nameWithOwner url description stargazerCount isArchived pushedAt hasIssuesEnabled
    primaryLanguage {{ name }} licenseInfo {{ spdxId name }}
    repositoryTopics(first: {TOPICS_PER_REPO}) {{ nodes {{ topic {{ name }} }} }}"""

ISSUE_FRAGMENT = f"""
fragment IssueFields on Issue {{
  number title url createdAt updatedAt locked bodyText author {{ login }}
  labels(first: {LABELS_PER_ISSUE}) {{ nodes {{ name color }} }}
  comments(last: {COMMENTS_KEPT}) {{ totalCount nodes {{ author {{ login }} authorAssociation createdAt bodyText }} }}
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


def census_part(index: int, target: Target) -> Part:
    labels = list(target.labels)
    selection = (f"  r{index}: repository(owner: $o{index}, name: $n{index}) {{ {REPO_FIELDS}\n"
                 f"    free: issues(states: OPEN, labels: $l{index}, filterBy: {{assignee: {FREE}}}) {{ totalCount }}\n"
                 f"    taken: issues(states: OPEN, labels: $l{index}, filterBy: {{assignee: {TAKEN}}}) "
                 "{ totalCount } }")
    return Part(key=target.key, alias=f"r{index}",
                declarations=f"$o{index}: String!, $n{index}: String!, $l{index}: [String!]",
                variables={f"o{index}": target.owner, f"n{index}": target.name, f"l{index}": labels},
                selection=selection, requests=3)


def read_repo(node: dict, source: str) -> Repo:
    """A Repository node as a model.Repo without issues."""
    licence = node.get("licenseInfo") or {}
    spdx = licence.get("spdxId") or ""
    return Repo(
        name_with_owner=node["nameWithOwner"], url=node.get("url") or "", source=source,
        node_id=node.get("id") or "", description=node.get("description") or "",
        language=(node.get("primaryLanguage") or {}).get("name") or "",
        topics=tuple(sorted(t["topic"]["name"] for t in (node.get("repositoryTopics") or {}).get("nodes", []))),
        stars=node.get("stargazerCount"), archived=bool(node.get("isArchived")),
        pushed_at=node.get("pushedAt") or "",
        license=spdx if spdx and spdx != "NOASSERTION" else licence.get("name") or "",
    )


def read_issue(repo: str, node: dict) -> Issue:
    """An Issue node as a model.Issue (untrusted text kept as given; templates escape it)."""
    comments = (node.get("comments") or {})
    recent = [c for c in comments.get("nodes") or [] if c]
    return Issue(
        repo=repo, number=node["number"], title=node.get("title") or "", url=node.get("url") or "",
        created=node.get("createdAt") or "", updated=node.get("updatedAt") or "",
        author=(node.get("author") or {}).get("login") or "",
        labels=tuple(Label(n["name"], n.get("color") or "") for n in (node.get("labels") or {}).get("nodes", [])),
        assignees=tuple(a["login"] for a in (node.get("assignees") or {}).get("nodes", [])),
        comments_count=comments.get("totalCount"),
        last_comment_at=recent[-1]["createdAt"] if recent else "",
        body=excerpt(node.get("bodyText") or ""), locked=bool(node.get("locked")),
        comments=tuple(Comment(author=(c.get("author") or {}).get("login") or "",
                               association=c.get("authorAssociation") or "", created=c.get("createdAt") or "",
                               body=excerpt(c.get("bodyText") or "", COMMENT_EXCERPT)) for c in recent),
    )


def excerpt(text: str, limit: int = BODY_EXCERPT) -> str:
    """Whitespace-collapsed plain text, cut at a word boundary with an ellipsis."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[:limit].rsplit(" ", 1)[0]
    return cut + "…"


@dataclass
class Stream:
    """One repo's unassigned or assigned issues still to page through."""

    target: Target
    kind: str
    expected: int
    limit: int = 1000
    """At most this many from this stream (the repo's cap, less what the unassigned stream takes)."""
    cursor: str | None = None
    issues: list[Issue] = field(default_factory=list)

    def first(self) -> int:
        return max(1, min(100, self.expected - len(self.issues), self.limit - len(self.issues)))

    def connections(self) -> int:
        return ISSUE_CONNECTIONS + (1 if self.kind == TAKEN else 0)


def page_part(index: int, stream: Stream, first: int) -> Part:
    target = stream.target
    assignees = (f" assignees(first: {ASSIGNEES_PER_ISSUE}) {{ nodes {{ login }} }}"
                 if stream.kind == TAKEN else "")
    selection = (f"  p{index}: repository(owner: $o{index}, name: $n{index}) {{\n"
                 f"    issues(first: {first}, after: $c{index}, states: OPEN, labels: $l{index}, "
                 f"filterBy: {{assignee: {stream.kind}}}, orderBy: {{field: CREATED_AT, direction: ASC}}) {{\n"
                 f"      totalCount pageInfo {{ hasNextPage endCursor }} nodes {{ ...IssueFields{assignees} }} }} }}")
    return Part(key=id(stream), alias=f"p{index}",
                declarations=f"$o{index}: String!, $n{index}: String!, $l{index}: [String!], $c{index}: String",
                variables={f"o{index}": target.owner, f"n{index}": target.name, f"l{index}": list(target.labels),
                           f"c{index}": stream.cursor},
                selection=selection, requests=1 + first * stream.connections())


SEARCH_REPOS = 20
"""Repositories per `linked:pr` search (GitHub ORs repeated `repo:` qualifiers)."""
LINKED_FIELDS = """... on Issue { number repository { nameWithOwner }
        closedByPullRequestsReferences(first: 1, includeClosedPrs: false) { nodes { url } } }"""


def merge_issues(current: list[Issue] | str, more: list[Issue]) -> list[Issue] | str:
    if isinstance(current, str):
        return current
    seen = {i.number for i in current}
    return current + [i for i in more if i.number not in seen]


def search_text(names: Sequence[str], labels: Sequence[str]) -> str:
    """An issue search for open, labeled issues with a linked pull request in these repos."""
    usable = [label for label in labels if '"' not in label]
    label_part = " label:" + ",".join(f'"{label}"' for label in usable) if usable and len(usable) == len(labels) else ""
    return " ".join(f"repo:{n}" for n in names) + " is:issue is:open linked:pr" + label_part


def repo_names(text: str) -> list[str]:
    return [word[5:] for word in text.split() if word.startswith("repo:")]


def linked_pulls(ask: Callable, repos: Sequence[tuple[str, tuple[str, ...]]], page_nodes: int) -> tuple[dict, dict]:
    """({(repo lower, number): open closing PR URL}, {repo lower: error}) for (nameWithOwner, labels)."""
    groups: dict[tuple[str, ...], list[str]] = {}
    for name, labels in repos:
        groups.setdefault(tuple(sorted(labels)), []).append(name)
    searches = []
    for labels, names in sorted(groups.items()):
        for start in range(0, len(names), SEARCH_REPOS):
            searches.append(search_text(names[start:start + SEARCH_REPOS], labels))
    counts = _search_counts(ask, searches)
    found: dict[tuple[str, int], str] = {}
    failed: dict[str, str] = {}
    pending = [(text, count, None) for text, count in zip(searches, counts, strict=True)
               if isinstance(count, int) and count]
    for text, count in zip(searches, counts, strict=True):
        if isinstance(count, str):
            failed.update({n.lower(): f"linked pull requests: {count}" for n in repo_names(text)})
    while pending:
        batch, size = [], 0
        while pending and (not batch or size + min(100, pending[0][1]) <= page_nodes):
            batch.append(pending.pop(0))
            size += min(100, batch[-1][1])
        parts = [Part(key=i, alias=f"s{i}", declarations=f"$q{i}: String!, $c{i}: String",
                      variables={f"q{i}": text, f"c{i}": cursor}, requests=1 + min(100, count),
                      selection=f"  s{i}: search(query: $q{i}, type: ISSUE, first: {min(100, count)}, after: "
                      f"$c{i}) {{ pageInfo {{ hasNextPage endCursor }} nodes {{ {LINKED_FIELDS} }} }}")
                 for i, (text, count, cursor) in enumerate(batch)]
        answers = ask(parts)
        for i, (text, count, _) in enumerate(batch):
            data, error = answers[i]
            if data is None:
                failed.update({n.lower(): f"linked pull requests: {error}" for n in repo_names(text)})
                continue
            for node in data["nodes"]:
                pulls = (node.get("closedByPullRequestsReferences") or {}).get("nodes") or []
                if node and pulls:
                    found[(node["repository"]["nameWithOwner"].lower(), node["number"])] = pulls[0]["url"]
            if data["pageInfo"]["hasNextPage"]:
                pending.append((text, count - len(data["nodes"]), data["pageInfo"]["endCursor"]))
    return found, failed


def _search_counts(ask: Callable, searches: list[str]) -> list[int | str]:
    counts: list[int | str] = []
    for start in range(0, len(searches), 100):
        chunk = searches[start:start + 100]
        parts = [Part(key=i, alias=f"s{i}", declarations=f"$q{i}: String!", variables={f"q{i}": text},
                      selection=f"  s{i}: search(query: $q{i}, type: ISSUE) {{ issueCount }}", requests=1)
                 for i, text in enumerate(chunk)]
        answers = ask(parts)
        for i in range(len(chunk)):
            data, error = answers[i]
            counts.append(data["issueCount"] if data is not None else error or "no data")
    return counts
