"""Snapshot ⇄ JSON: the committed file the site is built from and `fetch` rewrites.

The format is documented in docs/snapshot.md. Output is deterministic (sorted repos, issues and
keys, fixed indentation, a final newline) so an unchanged world gives a byte-identical file and the
scheduled job commits nothing."""

from __future__ import annotations

import json
from dataclasses import asdict, fields, replace
from functools import cache
from typing import Any

from .errors import SnapshotError
from .records import Capture, Comment, Issue, Label, Outline, Readiness, Repo, RepoState, Snapshot

FORMAT = "shovel-ready-snapshot"
VERSION = 3
"""2: a repo's state is data (`error`, `issues_as_of`, `labeled_total`, `listed_as`), not prose. 3:
a repo's `readiness` (contributing guide, code of conduct, dev environment, merged pull requests)
and an issue's `outline` (the shape of its description). Older files are still read: a version 1
`state_detail` becomes the `error` of a stale repo, and a version 2 repo has an empty readiness."""
READS = (1, 2, VERSION)


def sorted_snapshot(snapshot: Snapshot) -> Snapshot:
    """The same snapshot with repos and their issues in the one canonical order."""
    repos = tuple(
        sorted(
            (
                replace(r, issues=tuple(sorted(r.issues, key=lambda i: i.number)))
                for r in snapshot.repos
            ),
            key=lambda r: (r.name_with_owner.lower(), r.name_with_owner),
        )
    )
    return Snapshot(captured_at=snapshot.captured_at, repos=repos, captures=snapshot.captures)


def dumps(snapshot: Snapshot) -> bytes:
    """The snapshot as canonical JSON bytes."""
    snapshot = sorted_snapshot(snapshot)
    head = {
        "captured_at": snapshot.captured_at,
        "captures": [asdict(c) for c in snapshot.captures],
        "format": FORMAT,
        "repos": [],
        "version": VERSION,
    }
    # The same bytes as json.dumps(document, indent=1), but encoded a repo at a time: the whole
    # document as Python dicts and encoder pieces would be ~10x the file's size in memory.
    before, after = _encode(head).split('"repos": []')
    parts = [before.encode(), b'"repos": [']
    for index, repo in enumerate(snapshot.repos):
        body = _encode(_repo_to_json(repo)).replace("\n", "\n  ")
        parts.append((",\n  " if index else "\n  ").encode() + body.encode())
    parts.append(b"\n ]" if snapshot.repos else b"]")
    parts.append(after.encode() + b"\n")
    return b"".join(parts)


def _encode(document: dict[str, Any]) -> str:
    return json.dumps(document, ensure_ascii=False, indent=1, sort_keys=True)


def loads(data: bytes | str, origin: str = "snapshot") -> Snapshot:
    """Parse snapshot JSON; `origin` names the file in error messages."""
    try:
        document = json.loads(data)
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise SnapshotError(
            f"{origin}: not valid JSON ({error}); restore it from git or run fetch"
        ) from error
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise SnapshotError(f'{origin}: not a Shovel Ready snapshot (no "format": "{FORMAT}")')
    version = document.get("version")
    if version not in READS:
        raise SnapshotError(
            f"{origin}: snapshot version {version!r}, this program reads versions "
            f"{', '.join(map(str, READS))}"
        )
    try:
        return Snapshot(
            captured_at=document["captured_at"],
            captures=tuple(Capture(**c) for c in document.get("captures", [])),
            repos=tuple(
                _repo_from_json(r if version > 1 else _from_version_1(r)) for r in document["repos"]
            ),
        )
    except (KeyError, TypeError, ValueError) as error:
        raise SnapshotError(f"{origin}: malformed snapshot record ({error!r})") from error


def _repo_to_json(repo: Repo) -> dict[str, Any]:
    document = asdict(repo)
    document["state"] = repo.state.value
    return document


def _from_version_1(document: dict[str, Any]) -> dict[str, Any]:
    """A version 1 repo record: its words about the state are kept as the error of a stale repo."""
    document = dict(document)
    detail = document.pop("state_detail", "")
    if document.get("state") == RepoState.STALE.value:
        document["error"] = detail
    return document


def _repo_from_json(document: dict[str, Any]) -> Repo:
    values = _known(Repo, document)
    values["topics"] = tuple(values.get("topics", ()))
    values["state"] = RepoState(values.get("state", RepoState.OK))
    ready = _known(Readiness, values.get("readiness", {}))
    values["readiness"] = Readiness(
        **{**ready, "dev_environment": tuple(ready.get("dev_environment", ()))}
    )
    values["issues"] = tuple(_issue_from_json(i) for i in document.get("issues", ()))
    return Repo(**values)


def _issue_from_json(document: dict[str, Any]) -> Issue:
    values = _known(Issue, document)
    values["labels"] = tuple(Label(**label) for label in values.get("labels", ()))
    values["assignees"] = tuple(values.get("assignees", ()))
    values["comments"] = tuple(Comment(**c) for c in values.get("comments", ()))
    values["unread"] = tuple(values.get("unread", ()))
    if values.get("outline") is not None:
        shape = _known(Outline, values["outline"])
        lists = {k: tuple(shape.get(k, ())) for k in ("headings", "code", "links")}
        values["outline"] = Outline(**{**shape, **lists})
    return Issue(**values)


def _known(record: type, document: dict[str, Any]) -> dict[str, Any]:
    """The document's fields that `record` has; unknown keys are refused, not dropped silently."""
    names = _field_names(record)
    if not names.issuperset(document):
        unknown = sorted(set(document) - names)
        raise ValueError(f"unknown {record.__name__.lower()} field(s) {', '.join(unknown)}")
    return dict(document)


@cache
def _field_names(record: type) -> frozenset[str]:
    return frozenset(f.name for f in fields(record))
