"""The REST endpoints PyGithub uses for get_repo, get_labels and get_issues, shaped like api.github.com; and the
few a workflow step uses: a pull request's head, its comments (list, create, edit) and the Pages site."""

from __future__ import annotations

import json
import re
import zlib
from datetime import UTC, datetime
from urllib.parse import parse_qs, urlencode

from .state import FakeComment, FakeIssue, FakeRepo, World

DOCS = "https://docs.github.com/rest"
ROUTE = re.compile(
    r"^/(?:repos/(?P<owner>[^/]+)/(?P<name>[^/]+)|repositories/(?P<id>\d+))"
    r"(?P<rest>/labels|/issues)?/?$"
)
# The endpoints of a pull request's workflow: its head commit, its comments, the site's Pages
# settings.
PULL = re.compile(r"^/repos/(?P<owner>[^/]+)/(?P<name>[^/]+)/pulls/(?P<number>\d+)/?$")
COMMENTS = re.compile(
    r"^/repos/(?P<owner>[^/]+)/(?P<name>[^/]+)/issues/(?P<number>\d+)/comments/?$"
)
COMMENT = re.compile(r"^/repos/(?P<owner>[^/]+)/(?P<name>[^/]+)/issues/comments/(?P<id>\d+)/?$")
PAGES = re.compile(r"^/repos/(?P<owner>[^/]+)/(?P<name>[^/]+)/pages/?$")
NOT_FOUND = {"message": "Not Found", "documentation_url": DOCS}


def handle(world: World, base: str, path: str, query: str) -> tuple[int, dict, object]:
    """Answer one GET: (status, extra headers, JSON body)."""
    if path.rstrip("/") == "/rate_limit":
        return 200, {}, None  # filled in by the server, which owns the buckets
    if path.startswith("/orgs/"):  # the organization endpoints, for the online sources check
        from . import rest_orgs

        return rest_orgs.handle(world, base, path, {k: v[-1] for k, v in parse_qs(query).items()})
    if PULL.match(path) or COMMENTS.match(path) or COMMENT.match(path) or PAGES.match(path):
        return _workflow_get(world, base, path, {k: v[-1] for k, v in parse_qs(query).items()})
    match = ROUTE.match(path)
    if not match:
        return 404, {}, {"message": "Not Found", "documentation_url": DOCS}
    if match["id"]:
        repo = world.by_id(int(match["id"]))
        if repo is None or repo.private:
            return 404, {}, {"message": "Not Found", "documentation_url": DOCS}
    else:
        repo, renamed = world.find(f"{match['owner']}/{match['name']}")
        if repo is None:
            return 404, {}, {"message": "Not Found", "documentation_url": DOCS}
        if renamed:
            target = f"{base}/repositories/{repo.database_id}{match['rest'] or ''}" + (
                f"?{query}" if query else ""
            )
            return (
                301,
                {"Location": target},
                {
                    "message": "Moved Permanently",
                    "url": target,
                    "documentation_url": "https://docs.github.com/v3/#http-redirects",
                },
            )
    params = {k: v[-1] for k, v in parse_qs(query).items()}
    if match["rest"] == "/labels":
        labels = sorted(repo.labels.values(), key=lambda pair: pair[0].lower())
        return _page([_label_json(repo, base, n, c) for n, c in labels], params, base, path)
    if match["rest"] == "/issues":
        if not repo.has_issues:
            return (
                410,
                {},
                {"message": "Issues are disabled for this repo", "documentation_url": DOCS},
            )
        return _page(
            [_issue_json(repo, base, i) for i in _rest_issues(repo, params)], params, base, path
        )
    return 200, {}, repo_json(repo, base)


def _rest_issues(repo: FakeRepo, params: dict) -> list[FakeIssue]:
    state = params.get("state", "open").upper()
    wanted = [w.strip().lower() for w in params.get("labels", "").split(",") if w.strip()]
    chosen = []
    for issue in sorted(repo.issues.values(), key=lambda i: -i.number):
        names = {n.lower() for n in issue.labels}
        # REST's `labels` is an AND: every listed label must be on the issue
        if (state != "ALL" and issue.state != state) or any(w not in names for w in wanted):
            continue
        chosen.append(issue)
    return chosen


def _page(items: list, params: dict, base: str, path: str) -> tuple[int, dict, list]:
    per_page = max(1, min(100, int(params.get("per_page", 30))))
    page = max(1, int(params.get("page", 1)))
    last = max(1, -(-len(items) // per_page))
    links = []

    def url(number: int) -> str:
        kept = {k: v for k, v in params.items() if k != "page"}
        return f"{base}{path}?{urlencode({**kept, 'per_page': per_page, 'page': number})}"

    if page > 1:
        links += [f'<{url(page - 1)}>; rel="prev"', f'<{url(1)}>; rel="first"']
    if page < last:
        links += [f'<{url(page + 1)}>; rel="next"', f'<{url(last)}>; rel="last"']
    headers = {"Link": ", ".join(links)} if links else {}
    return 200, headers, items[(page - 1) * per_page : page * per_page]


def _owner(login: str, base: str) -> dict:
    return {
        "login": login,
        "id": zlib.crc32(login.encode()) % 10**7,
        "type": "Organization",
        "url": f"{base}/users/{login}",
        "html_url": f"https://github.com/{login}",
        "site_admin": False,
    }


def repo_json(repo: FakeRepo, base: str) -> dict:
    """A repository as GET /repos/{owner}/{repo} gives it (the fields clients read)."""
    api = f"{base}/repos/{repo.full_name}"
    open_count = sum(1 for i in repo.issues.values() if i.state == "OPEN")
    return {
        "id": repo.database_id,
        "node_id": repo.node_id,
        "name": repo.name,
        "full_name": repo.full_name,
        "owner": _owner(repo.owner, base),
        "private": repo.private,
        "html_url": f"https://github.com/{repo.full_name}",
        "description": repo.description or None,
        "fork": repo.is_fork,
        "url": api,
        "issues_url": api + "/issues{/number}",
        "labels_url": api + "/labels{/name}",
        "language": repo.language or None,
        "stargazers_count": repo.stars,
        "watchers_count": repo.stars,
        "open_issues_count": open_count,
        "open_issues": open_count,
        "has_issues": repo.has_issues,
        "archived": repo.archived,
        "disabled": False,
        "topics": list(repo.topics),
        "visibility": "public",
        "pushed_at": repo.pushed_at,
        "created_at": "2020-01-01T00:00:00Z",
        "updated_at": repo.pushed_at,
        "default_branch": "main",
        "license": {
            "key": repo.license[0].lower(),
            "name": repo.license[1],
            "spdx_id": repo.license[0],
            "url": f"{base}/licenses/{repo.license[0].lower()}",
            "node_id": "MDc6TGljZW5zZTEz",
        }
        if repo.license
        else None,
    }


def _label_json(repo: FakeRepo, base: str, name: str, color: str) -> dict:
    return {
        "id": zlib.crc32(f"{repo.full_name}#{name}".encode()),
        "node_id": "LA_fake",
        "name": name,
        "color": color,
        "default": False,
        "description": None,
        "url": f"{base}/repos/{repo.full_name}/labels/{name}",
    }


def _issue_json(repo: FakeRepo, base: str, issue: FakeIssue) -> dict:
    api = f"{base}/repos/{repo.full_name}/issues/{issue.number}"
    user = {"login": issue.author or "ghost", "id": 1, "type": "User"}
    document = {
        "id": zlib.crc32(issue.node_id.encode()),
        "node_id": issue.node_id,
        "number": issue.number,
        "title": issue.title,
        "user": user,
        "state": issue.state.lower(),
        "locked": issue.locked,
        "labels": [_label_json(repo, base, n, repo.label_color(n)) for n in issue.labels],
        "assignee": {"login": issue.assignees[0], "id": 2, "type": "User"}
        if issue.assignees
        else None,
        "assignees": [{"login": a, "id": 2, "type": "User"} for a in issue.assignees],
        "comments": len(issue.comments),
        "created_at": issue.created,
        "updated_at": issue.updated,
        "closed_at": None,
        "body": issue.body or None,
        "author_association": "NONE",
        "url": api,
        "html_url": f"https://github.com/{repo.full_name}/{'pull' if issue.is_pull_request else 'issues'}/"
        f"{issue.number}",
        "repository_url": f"{base}/repos/{repo.full_name}",
    }
    if issue.is_pull_request:
        document["pull_request"] = {"url": f"{base}/repos/{repo.full_name}/pulls/{issue.number}"}
    return document


# --- what a workflow step reads and writes
# ----------------------------------------------------------------


def _issue_of(world: World, match: re.Match) -> tuple[FakeRepo | None, FakeIssue | None]:
    repo, _ = world.find(f"{match['owner']}/{match['name']}")
    issue = repo.issues.get(int(match["number"])) if repo is not None else None
    return repo, issue


def _workflow_get(world: World, base: str, path: str, params: dict) -> tuple[int, dict, object]:
    if match := PULL.match(path):
        repo, issue = _issue_of(world, match)
        if issue is None or not issue.is_pull_request:
            return 404, {}, NOT_FOUND
        return 200, {}, _pull_json(repo, base, issue)
    if match := COMMENTS.match(path):
        repo, issue = _issue_of(world, match)
        if issue is None:
            return 404, {}, NOT_FOUND
        comments = [
            _comment_json(repo, issue, world.number_comment(c), base) for c in issue.comments
        ]
        return _page(sorted(comments, key=lambda c: c["id"]), params, base, path)
    if match := COMMENT.match(path):
        found = world.find_comment(int(match["id"]))
        if (
            found is None
            or found[0].full_name.lower() != f"{match['owner']}/{match['name']}".lower()
        ):
            return 404, {}, NOT_FOUND
        return 200, {}, _comment_json(*found, base=base)
    match = PAGES.match(path)
    repo, _ = world.find(f"{match['owner']}/{match['name']}")
    if repo is None or not repo.pages_url:
        return (
            404,
            {},
            {
                "message": "Not Found",
                "documentation_url": "https://docs.github.com/rest/pages/pages#get-a-apiname-pages-site",
                "status": "404",
            },
        )
    return (
        200,
        {},
        {
            "url": f"{base}/repos/{repo.full_name}/pages",
            "status": "built",
            "cname": None,
            "custom_404": False,
            "html_url": repo.pages_url,
            "build_type": "workflow",
            "source": {"branch": "main", "path": "/"},
            "public": True,
            "https_enforced": True,
        },
    )


def handle_write(
    world: World, base: str, method: str, path: str, payload: bytes, actor: str
) -> tuple[int, dict, object]:
    """Answer one POST or PATCH outside /graphql: create or edit an issue comment as `actor`."""
    try:
        sent = json.loads(payload or b"{}")
    except ValueError:
        return 400, {}, {"message": "Problems parsing JSON", "documentation_url": DOCS}
    body = sent.get("body") if isinstance(sent, dict) else None
    if method == "POST" and (match := COMMENTS.match(path)):
        repo, issue = _issue_of(world, match)
        if issue is None:
            return 404, {}, NOT_FOUND
        if not isinstance(body, str) or not body:
            return 422, {}, _invalid("body")
        now = _now()
        comment = world.number_comment(FakeComment(actor, now, body, "NONE", updated=now))
        issue.comments.append(comment)
        return (
            201,
            {"Location": f"{base}/repos/{repo.full_name}/issues/comments/{comment.id}"},
            _comment_json(repo, issue, comment, base=base),
        )
    if method == "PATCH" and (match := COMMENT.match(path)):
        found = world.find_comment(int(match["id"]))
        if (
            found is None
            or found[0].full_name.lower() != f"{match['owner']}/{match['name']}".lower()
        ):
            return 404, {}, NOT_FOUND
        if not isinstance(body, str) or not body:
            return 422, {}, _invalid("body")
        found[2].body, found[2].updated = body, _now()
        return 200, {}, _comment_json(*found, base=base)
    return 404, {}, NOT_FOUND


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _invalid(field_name: str) -> dict:
    return {
        "message": "Validation Failed",
        "documentation_url": DOCS,
        "errors": [{"resource": "IssueComment", "code": "missing_field", "field": field_name}],
    }


def _user(login: str) -> dict:
    bot = login.endswith("[bot]")
    return {
        "login": login,
        "id": 41898282 if login == "github-actions[bot]" else zlib.crc32(login.encode()) % 10**7,
        "type": "Bot" if bot else "User",
        "site_admin": False,
    }


def _comment_json(repo: FakeRepo, issue: FakeIssue, comment: FakeComment, base: str) -> dict:
    """An issue (or pull request) comment as GET /repos/{owner}/{repo}/issues/comments/{id} gives
    it."""
    api = f"{base}/repos/{repo.full_name}"
    kind = "pull" if issue.is_pull_request else "issues"
    return {
        "id": comment.id,
        "node_id": f"IC_fake{comment.id}",
        "url": f"{api}/issues/comments/{comment.id}",
        "html_url": f"https://github.com/{repo.full_name}/{kind}/{issue.number}#issuecomment-{comment.id}",
        "body": comment.body,
        "user": _user(comment.author),
        "created_at": comment.created,
        "updated_at": comment.updated or comment.created,
        "issue_url": f"{api}/issues/{issue.number}",
        "author_association": comment.association,
    }


def _pull_json(repo: FakeRepo, base: str, pull: FakeIssue) -> dict:
    """A pull request as GET /repos/{owner}/{repo}/pulls/{number} gives it (the fields a workflow
    reads)."""
    api = f"{base}/repos/{repo.full_name}"
    return {
        "id": zlib.crc32(pull.node_id.encode()),
        "node_id": pull.node_id,
        "number": pull.number,
        "state": pull.state.lower(),
        "title": pull.title,
        "user": _user(pull.author or "ghost"),
        "url": f"{api}/pulls/{pull.number}",
        "html_url": f"https://github.com/{repo.full_name}/pull/{pull.number}",
        "issue_url": f"{api}/issues/{pull.number}",
        "comments_url": f"{api}/issues/{pull.number}/comments",
        "head": {
            "sha": pull.head_sha,
            "ref": f"pr-{pull.number}",
            "label": f"{pull.author}:pr-{pull.number}",
        },
        "base": {"ref": "main", "repo": repo_json(repo, base)},
        "merged": False,
        "draft": False,
    }
