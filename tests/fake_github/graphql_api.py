"""POST /graphql: validate against GitHub's real schema, charge GitHub's cost formula, execute on
the world."""

from __future__ import annotations

import base64
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from graphql import (
    FieldNode,
    FragmentSpreadNode,
    GraphQLError,
    GraphQLObjectType,
    InlineFragmentNode,
    OperationDefinitionNode,
    build_schema,
    default_field_resolver,
    execute,
    get_named_type,
    parse,
    validate,
)
from graphql.execution.values import get_argument_values

from .state import FakeIssue, FakeRepo, World

SCHEMA_PATH = Path(__file__).with_name("schema.graphql")
MAX_NODES = 500_000
MAX_PAGE = 100


@lru_cache(maxsize=1)
def schema():
    """GitHub's public schema, built once per process (about a second)."""
    return build_schema(SCHEMA_PATH.read_text(encoding="utf-8"))


class TypedError(Exception):
    """A resolver error carrying GitHub's top-level error `type` (NOT_FOUND, …)."""

    def __init__(self, message: str, type_: str):
        super().__init__(message)
        self.type = type_


class Context:
    def __init__(self, world: World, base: str, cost: int, bucket: dict, node_count: int):
        self.world, self.base, self.cost, self.bucket, self.node_count = (
            world,
            base,
            cost,
            bucket,
            node_count,
        )


def run(world: World, base: str, body: Any, bucket: dict) -> tuple[dict, int]:
    """Answer one GraphQL request body: (response JSON, points charged)."""
    if not isinstance(body, dict) or not isinstance(body.get("query"), str):
        return {
            "message": "Problems parsing JSON",
            "documentation_url": "https://docs.github.com/graphql",
        }, 0
    variables = body.get("variables") or {}
    document, problems = _checked(body["query"])
    if problems:
        return {"errors": problems}, 0
    try:
        requests, nodes = query_cost(document, variables)
    except TypedError as error:
        return {"errors": [{"type": error.type, "message": str(error)}]}, 0
    cost = max(1, int(requests / 100 + 0.5))
    if bucket["limit"] - bucket["used"] < cost:
        return {
            "errors": [
                {"type": "RATE_LIMITED", "message": "API rate limit exceeded for user ID 1."}
            ]
        }, 0
    bucket["used"] += cost
    context = Context(world, base, cost, bucket, nodes)
    with world.lock:
        result = execute(
            schema(),
            document,
            variable_values=variables,
            context_value=context,
            field_resolver=_resolve,
        )
    answer: dict = {}
    if result.errors:
        answer["errors"] = [_format(e) for e in result.errors]
    answer["data"] = result.data
    return answer, cost


@lru_cache(maxsize=256)
def _checked(text: str):
    """(document, formatted errors): parsing and validating is most of the fake's time, and a client sends the
    same query text with other variables many times."""
    try:
        document = parse(text)
    except GraphQLError as error:
        return None, [_format(error)]
    return document, [_format(e) for e in validate(schema(), document)]


def query_cost(document, variables: dict) -> tuple[int, int]:
    """(requests, nodes) by GitHub's documented formula: every connection costs the product of its
    parents' limits."""
    fragments = {
        d.name.value: d
        for d in document.definitions
        if hasattr(d, "selection_set") and not isinstance(d, OperationDefinitionNode)
    }
    operation = next(d for d in document.definitions if isinstance(d, OperationDefinitionNode))
    root = (
        schema().mutation_type if operation.operation.value == "mutation" else schema().query_type
    )
    totals = [0, 0]
    _walk(operation.selection_set, root, 1, fragments, variables, totals)
    if totals[1] > MAX_NODES:
        raise TypedError(
            f"This query requests up to {totals[1]:,} possible nodes which exceeds the maximum "
            f"limit of {MAX_NODES:,}.",
            "MAX_NODE_LIMIT_EXCEEDED",
        )
    return totals[0], totals[1]


def _walk(selection_set, parent, multiplier: int, fragments, variables, totals) -> None:
    for selection in selection_set.selections:
        if isinstance(selection, InlineFragmentNode):
            target = (
                schema().type_map[selection.type_condition.name.value]
                if selection.type_condition
                else parent
            )
            _walk(selection.selection_set, target, multiplier, fragments, variables, totals)
        elif isinstance(selection, FragmentSpreadNode):
            fragment = fragments[selection.name.value]
            target = schema().type_map[fragment.type_condition.name.value]
            _walk(fragment.selection_set, target, multiplier, fragments, variables, totals)
        elif isinstance(selection, FieldNode) and not selection.name.value.startswith("__"):
            definition = parent.fields[selection.name.value]
            named = get_named_type(definition.type)
            child = multiplier
            if _is_connection(named):
                args = get_argument_values(definition, selection, variables)
                limit = args.get("first") if args.get("first") is not None else args.get("last")
                name = selection.name.value
                picks = {
                    s.name.value
                    for s in selection.selection_set.selections
                    if isinstance(s, FieldNode)
                }
                if limit is None and picks & {"nodes", "edges"}:
                    raise TypedError(
                        f"You must provide a `first` or `last` value to properly paginate the "
                        f"`{name}` connection.",
                        "MISSING_PAGINATION_BOUNDARIES",
                    )
                if limit is not None and not 0 <= limit <= MAX_PAGE:
                    raise TypedError(
                        f"Requesting {limit} records on the `{name}` connection exceeds the "
                        f"`first` limit of {MAX_PAGE} records.",
                        "EXCESSIVE_PAGINATION",
                    )
                totals[0] += multiplier
                child = multiplier * (limit or 1)
                totals[1] += child
            if selection.selection_set is not None:
                _walk(selection.selection_set, named, child, fragments, variables, totals)


def _is_connection(named) -> bool:
    return (
        isinstance(named, GraphQLObjectType)
        and named.name.endswith("Connection")
        and "pageInfo" in named.fields
    )


def _format(error: GraphQLError) -> dict:
    formatted: dict = {"message": error.message}
    original = error.original_error
    if isinstance(original, TypedError):
        formatted["type"] = original.type
    if error.path:
        formatted["path"] = list(error.path)
    if error.locations:
        formatted["locations"] = [
            {"line": loc.line, "column": loc.column} for loc in error.locations
        ]
    return formatted


# --- resolvers
# ---------------------------------------------------------------------------------------------


def _resolve(source, info, **args):
    if f"{info.parent_type.name}.{info.field_name}" in info.context.world.refused:
        raise TypedError("Resource not accessible by integration", "FORBIDDEN")
    handler = RESOLVERS.get((info.parent_type.name, info.field_name))
    if handler is not None:
        return handler(source, info, **args)
    return default_field_resolver(source, info, **args)


def _connection(
    items: list, first=None, after=None, last=None, before=None, build=None, **_
) -> dict:
    """A GitHub-style connection over `items`, with opaque cursors that are positions; `build` makes the
    nodes of the returned window only (a page of 10 out of 5,000 builds 10)."""
    start, end = 0, len(items)
    if after:
        start = _position(after) + 1
    if before:
        end = min(end, _position(before))
    window = list(range(start, max(start, end)))
    if first is not None:
        window = window[:first]
    if last is not None:
        window = window[-last:] if last else []
    nodes = [build(items[i]) if build else items[i] for i in window]
    cursors = [_cursor(i) for i in window]
    return {
        "totalCount": len(items),
        "nodes": nodes,
        "edges": [{"cursor": c, "node": n} for c, n in zip(cursors, nodes, strict=True)],
        "pageInfo": {
            "hasNextPage": window[-1] < end - 1 if window else start < end,
            "hasPreviousPage": bool(window) and window[0] > 0,
            "startCursor": cursors[0] if cursors else None,
            "endCursor": cursors[-1] if cursors else None,
        },
    }


def _cursor(position: int) -> str:
    return base64.b64encode(f"cursor:v2:{position}".encode()).decode()


def _position(cursor: str) -> int:
    try:
        return int(base64.b64decode(cursor).decode().rsplit(":", 1)[1])
    except (ValueError, IndexError) as error:
        raise TypedError(
            f"`{cursor}` does not appear to be a valid cursor.", "INVALID_CURSOR_ARGUMENTS"
        ) from error


def _repository(_, info, owner, name, followRenames=True):
    repo, renamed = info.context.world.find(f"{owner}/{name}")
    if repo is None or (renamed and not followRenames):
        raise TypedError(
            f"Could not resolve to a Repository with the name '{owner}/{name}'.", "NOT_FOUND"
        )
    return _repo_view(repo, info.context.base)


def _repo_view(repo: FakeRepo, base: str) -> dict:
    return {
        "__typename": "Repository",
        "_repo": repo,
        "id": repo.node_id,
        "databaseId": repo.database_id,
        "name": repo.name,
        "nameWithOwner": repo.full_name,
        "url": f"https://github.com/{repo.full_name}",
        "owner": {"__typename": "Organization", "login": repo.owner},
        "description": repo.description or None,
        "stargazerCount": repo.stars,
        "isArchived": repo.archived,
        "isFork": repo.is_fork,
        "isPrivate": repo.private,
        "hasIssuesEnabled": repo.has_issues,
        "pushedAt": repo.pushed_at,
        "primaryLanguage": {"name": repo.language} if repo.language else None,
        "hasDiscussionsEnabled": repo.discussions,
        "codeOfConduct": _code_of_conduct(repo),
        "contributingGuidelines": _contributing(repo),
        "licenseInfo": {
            "spdxId": repo.license[0],
            "name": repo.license[1],
            "key": repo.license[0].lower(),
        }
        if repo.license
        else None,
    }


def _code_of_conduct(repo: FakeRepo) -> dict | None:
    if not repo.code_of_conduct:
        return None
    key = repo.code_of_conduct.lower().replace(" ", "_")
    url = f"https://github.com/{repo.full_name}/blob/HEAD/CODE_OF_CONDUCT.md"
    return {"__typename": "CodeOfConduct", "name": repo.code_of_conduct, "key": key, "url": url}


def _contributing(repo: FakeRepo) -> dict | None:
    """GitHub answers null when the repo (and its owner's .github repo) has no contributing guide."""
    for path in ("CONTRIBUTING.md", ".github/CONTRIBUTING.md", "docs/CONTRIBUTING.md"):
        if path in repo.files:
            url = f"https://github.com/{repo.full_name}/blob/HEAD/{path}"
            return {
                "url": url,
                "resourcePath": url.removeprefix("https://github.com"),
                "body": "...",
            }
    return None


def _object(source, info, expression=None, oid=None):
    """A Git object by `HEAD:path`: a Tree for a folder (a path with files below it), else a Blob."""
    files = source["_repo"].files
    path = (expression or "").removeprefix("HEAD:")
    if any(f.startswith(path + "/") for f in files):
        return {"__typename": "Tree", "oid": "0" * 40}
    return {"__typename": "Blob", "oid": "0" * 40} if path in files else None


def _pull_requests(source, info, states=None, **page):
    merged = [
        {"__typename": "PullRequest", "authorAssociation": who, "mergedAt": when, "state": "MERGED"}
        for who, when in source["_repo"].merged
    ]
    return _connection(merged if not states or "MERGED" in states else [], **page)


def _issue_view(repo: FakeRepo, issue: FakeIssue) -> dict:
    return {
        "__typename": "Issue",
        "_repo": repo,
        "_issue": issue,
        "id": issue.node_id,
        "number": issue.number,
        "title": issue.title,
        "url": f"https://github.com/{repo.full_name}/issues/{issue.number}",
        "createdAt": issue.created,
        "updatedAt": issue.updated,
        "locked": issue.locked,
        "author": {"__typename": "User", "login": issue.author} if issue.author else None,
        "body": issue.body,
        "bodyText": issue.body,
        "state": issue.state,
        "closed": issue.state == "CLOSED",
    }


def _issue_filter(repo: FakeRepo, labels=None, states=None, filterBy=None) -> list[FakeIssue]:
    filters = filterBy or {}
    states = states or filters.get("states")
    wanted = {name.lower() for name in (labels or []) + (filters.get("labels") or [])}
    chosen = []
    for issue in sorted(repo.issues.values(), key=lambda i: i.number):
        if issue.is_pull_request or (states and issue.state not in states):
            continue
        if wanted and not wanted & {name.lower() for name in issue.labels}:
            continue
        if "assignee" in filters:
            who = filters["assignee"]
            if (who is None and issue.assignees) or (who == "*" and not issue.assignees):
                continue
            if who not in (None, "*") and who.lower() not in {a.lower() for a in issue.assignees}:
                continue
        chosen.append(issue)
    return chosen


def _repo_issues(source, info, labels=None, states=None, filterBy=None, orderBy=None, **page):
    repo = source["_repo"]
    if not repo.has_issues:
        return _connection([], **page)
    issues = _issue_filter(repo, labels, states, filterBy)
    if orderBy and orderBy.get("field") in ("UPDATED_AT", "CREATED_AT"):
        key = "updated" if orderBy["field"] == "UPDATED_AT" else "created"
        issues.sort(
            key=lambda i: (getattr(i, key), i.number), reverse=orderBy.get("direction") == "DESC"
        )
    return _connection(issues, build=lambda issue: _issue_view(repo, issue), **page)


def _topics(source, info, **page):
    return _connection([{"topic": {"name": t}} for t in source["_repo"].topics], **page)


def _repo_labels(source, info, **page):
    labels = sorted(source["_repo"].labels.values(), key=lambda pair: pair[0].lower())
    return _connection([{"name": n, "color": c} for n, c in labels], **page)


def _issue_labels(source, info, **page):
    repo, issue = source["_repo"], source["_issue"]
    return _connection([{"name": n, "color": repo.label_color(n)} for n in issue.labels], **page)


def _assignees(source, info, **page):
    return _connection(
        [{"__typename": "User", "login": a} for a in source["_issue"].assignees], **page
    )


def _comments(source, info, **page):
    return _connection(
        [
            {
                "author": {"__typename": "User", "login": c.author} if c.author else None,
                "authorAssociation": c.association,
                "createdAt": c.created,
                "body": c.body,
                "bodyText": c.body,
            }
            for c in source["_issue"].comments
        ],
        **page,
    )


def _closing_prs(source, info, includeClosedPrs=False, **page):
    links = [
        (url, state)
        for url, state in source["_issue"].linked_prs
        if includeClosedPrs or state == "OPEN"
    ]
    return _connection(
        [
            {
                "__typename": "PullRequest",
                "url": url,
                "state": state,
                "number": int(url.rsplit("/", 1)[1]),
            }
            for url, state in links
        ],
        **page,
    )


def _organization(_, info, login):
    if not info.context.world.has_owner(login):
        raise TypedError(
            f"Could not resolve to an Organization with the login of '{login}'.", "NOT_FOUND"
        )
    return {"__typename": "Organization", "login": login, "_login": login}


def _org_repos(source, info, isArchived=None, isFork=None, privacy=None, orderBy=None, **page):
    repos = [
        r
        for r in info.context.world.org_repos(source["_login"])
        if (isArchived is None or r.archived == isArchived)
        and (isFork is None or r.is_fork == isFork)
    ]
    return _connection([_repo_view(r, info.context.base) for r in repos], **page)


def _rate_limit(_, info, dryRun=False):
    bucket = info.context.bucket
    return {
        "cost": info.context.cost,
        "limit": bucket["limit"],
        "remaining": bucket["limit"] - bucket["used"],
        "used": bucket["used"],
        "resetAt": bucket["reset_iso"],
        "nodeCount": info.context.node_count,
    }


SEARCH_TOKEN = re.compile(r'(-?[a-z]+):((?:"[^"]*"|[^\s,"]+)(?:,(?:"[^"]*"|[^\s,"]+))*)|(\S+)')


def _search(_, info, query, type, **page):
    """Issue search over the world; only the qualifiers fetch may use are understood, others are
    refused."""
    if type != "ISSUE":
        raise TypedError(f"the fake searches only issues, not {type}", "UNPROCESSABLE")
    repos, labels, want = [], [], {}
    for qualifier, value, word in SEARCH_TOKEN.findall(query):
        values = [v.strip('"') for v in re.findall(r'"[^"]*"|[^,]+', value)] if value else []
        if word or qualifier not in ("repo", "is", "label", "linked", "-linked", "no", "state"):
            raise TypedError(
                f"the fake does not understand {word or qualifier!r} in a search", "UNPROCESSABLE"
            )
        if qualifier == "repo":
            repos.append(values[0])
        elif qualifier == "label":
            labels.extend(values)
        else:
            want[qualifier] = values[0]
    results = []
    for name in repos:
        repo, _ = info.context.world.find(name)
        if repo is None or not repo.has_issues:
            continue
        for issue in _issue_filter(
            repo, labels, ["OPEN"] if "open" in (want.get("is"), want.get("state")) else None
        ):
            # like GitHub's `linked:pr`, whatever the pull request's state
            linked = bool(issue.linked_prs)
            if ("linked" in want and not linked) or ("-linked" in want and linked):
                continue
            if want.get("no") == "assignee" and issue.assignees:
                continue
            results.append((repo, issue))
    connection = _connection(results[:1000], build=lambda pair: _issue_view(*pair), **page)
    connection["issueCount"] = len(results)
    return connection


RESOLVERS = {
    ("Query", "repository"): _repository,
    ("Query", "organization"): _organization,
    ("Query", "repositoryOwner"): _organization,
    ("Query", "rateLimit"): _rate_limit,
    ("Query", "search"): _search,
    ("Repository", "issues"): _repo_issues,
    ("Repository", "repositoryTopics"): _topics,
    ("Repository", "object"): _object,
    ("Repository", "pullRequests"): _pull_requests,
    ("Repository", "labels"): _repo_labels,
    ("Issue", "labels"): _issue_labels,
    ("Issue", "repository"): lambda source, info: _repo_view(source["_repo"], info.context.base),
    ("Issue", "assignees"): _assignees,
    ("Issue", "comments"): _comments,
    ("Issue", "closedByPullRequestsReferences"): _closing_prs,
    ("Organization", "repositories"): _org_repos,
}
