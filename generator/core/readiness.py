"""What a newcomer finds in a repository before starting, as GitHub's GraphQL API tells it: the one query
text and its reader, for the fetch's census and the online check alike."""

from __future__ import annotations

from .records import Readiness

DEV_ENVIRONMENTS = (
    ".devcontainer",
    ".devcontainer.json",
    "docker-compose.yml",
    "docker-compose.yaml",
    "compose.yaml",
    "compose.yml",
    ".gitpod.yml",
)
"""Files that give a newcomer a ready environment, looked up in the default branch."""
MERGED_LOOKED_AT = 20
"""Recent merged pull requests read to see whether outsiders' work gets merged (one connection: GitHub
charges it once per repo, about 1 point per 100 repos)."""
OUTSIDERS = frozenset({"CONTRIBUTOR", "FIRST_TIME_CONTRIBUTOR", "FIRST_TIMER", "NONE"})
NEWCOMERS = frozenset({"FIRST_TIME_CONTRIBUTOR", "FIRST_TIMER"})


def readiness_fields() -> str:
    """What the census asks of each repo for its readiness (no connection but `merged`)."""
    lookups = " ".join(
        f'e{n}: object(expression: "HEAD:{path}") {{ __typename }}'
        for n, path in enumerate(DEV_ENVIRONMENTS)
    )
    merged = f"pullRequests(states: MERGED, last: {MERGED_LOOKED_AT})"
    return (
        "hasDiscussionsEnabled contributingGuidelines { url } codeOfConduct { name url }\n    "
        f"{lookups}\n    merged: {merged} {{ nodes {{ authorAssociation mergedAt }} }}"
    )


def read_readiness(node: dict) -> Readiness:
    """What a newcomer finds in the repository; empty when the census did not ask."""
    if "merged" not in node:
        return Readiness()
    conduct = node.get("codeOfConduct") or {}
    merged = [m for m in (node.get("merged") or {}).get("nodes") or [] if m]
    found = tuple(path for n, path in enumerate(DEV_ENVIRONMENTS) if node.get(f"e{n}"))
    return Readiness(
        contributing=(node.get("contributingGuidelines") or {}).get("url") or "",
        code_of_conduct=conduct.get("name") or "",
        code_of_conduct_url=conduct.get("url") or "",
        dev_environment=found,
        merged=len(merged),
        merged_from_outside=sum(1 for m in merged if m.get("authorAssociation") in OUTSIDERS),
        merged_from_newcomers=sum(1 for m in merged if m.get("authorAssociation") in NEWCOMERS),
        last_merged=max((m.get("mergedAt") or "" for m in merged), default=""),
        discussions=bool(node.get("hasDiscussionsEnabled")),
    )
