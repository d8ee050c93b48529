"""The organization endpoints the online sources check reads: GET /orgs/{org} and /orgs/{org}/repos."""

from __future__ import annotations

import re
import zlib

from .state import World

ORG_ROUTE = re.compile(r"^/orgs/(?P<login>[^/]+)(?P<repos>/repos)?/?$")


def handle(world: World, base: str, path: str, params: dict) -> tuple[int, dict, object]:
    """(status, headers, body) for an /orgs/ path."""
    from .rest import DOCS, _page, repo_json

    match = ORG_ROUTE.match(path)
    repos = world.org_repos(match["login"]) if match else []
    if not repos:
        return 404, {}, {"message": "Not Found", "documentation_url": DOCS}
    login = repos[0].owner
    if match["repos"]:
        kind = params.get("type", "all")
        chosen = [
            r
            for r in repos
            if kind in ("all", "public", "sources") or (kind == "forks") == r.is_fork
        ]
        return _page([repo_json(r, base) for r in chosen], params, base, path)
    return (
        200,
        {},
        {
            "login": login,
            "id": zlib.crc32(login.encode()) % 10**7,
            "type": "Organization",
            "url": f"{base}/orgs/{login}",
            "repos_url": f"{base}/orgs/{login}/repos",
            "html_url": f"https://github.com/{login}",
            "public_repos": len(repos),
        },
    )
