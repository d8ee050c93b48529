"""Small builders shared by the site tests: a sources file and a snapshot from plain values."""

from __future__ import annotations

from pathlib import Path

from generator.core import snapshot
from generator.core.records import Issue, Label, Repo, Snapshot

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
DATA = TESTS / "data"


def write_world(tmp: Path, issues_by_repo: dict[str, list[Issue]], causes: dict[str, str] | None = None,
                captured_at: str = "2026-08-08T12:00:00Z") -> tuple[Path, Path]:
    """Write sources.yaml and snapshot.json for the given repos into `tmp`; return their paths."""
    causes = causes or {}
    lines = ["defaults:", "  labels: [good first issue]", "sources:"]
    for name in issues_by_repo:
        lines += [f"  - repo: {name}", f"    cause: {causes.get(name, 'civic-tech')}"]
    sources_path = tmp / "sources.yaml"
    sources_path.write_text("\n".join(lines) + "\n")
    repos = tuple(
        Repo(name_with_owner=name, url=f"https://github.com/{name}", source=name, language="Python",
             issues=tuple(issues))
        for name, issues in issues_by_repo.items()
    )
    snapshot_path = tmp / "snapshot.json"
    snapshot_path.write_bytes(snapshot.dumps(Snapshot(captured_at=captured_at, repos=repos)))
    return sources_path, snapshot_path


def issue(repo: str, number: int, title: str = "Fix the thing", **fields) -> Issue:
    """An issue record with sensible defaults for tests."""
    fields.setdefault("labels", (Label("good first issue", "7057ff"),))
    fields.setdefault("created", "2026-08-01T10:00:00Z")
    fields.setdefault("url", f"https://github.com/{repo}/issues/{number}")
    return Issue(repo=repo, number=number, title=title, **fields)


def read_tree(folder: Path) -> dict[str, bytes]:
    """{relative path: bytes} of every file below `folder`."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}
