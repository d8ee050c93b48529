"""Small builders shared by the site tests: a sources file and a snapshot from plain values."""

from __future__ import annotations

import difflib
import shutil
from pathlib import Path

from generator.core import snapshot
from generator.core.records import Issue, Label, Repo, Snapshot

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
DATA = TESTS / "data"
CATALOG = DATA / "catalog"
"""A frozen copy of the upstream list and snapshot: a realistic world that no refresh or fork
changes."""
CATALOG_ARGS = (
    "--sources",
    str(CATALOG / "sources.yaml"),
    "--snapshot",
    str(CATALOG / "snapshot.json"),
)


def project_copy(folder: Path, sources: Path, snapshot_file: Path) -> Path:
    """A copy of the project as a fork would have it, with its own list and snapshot; the code is
    linked."""
    folder.mkdir(parents=True, exist_ok=True)
    for name in ("build.py", "generator", "themes", "content"):
        (folder / name).symlink_to(ROOT / name)
    (folder / "data").mkdir()
    shutil.copyfile(sources, folder / "sources.yaml")
    shutil.copyfile(snapshot_file, folder / "data" / "snapshot.json")
    return folder


def write_world(
    tmp: Path,
    issues_by_repo: dict[str, list[Issue]],
    causes: dict[str, str] | None = None,
    captured_at: str = "2026-08-08T12:00:00Z",
) -> tuple[Path, Path]:
    """Write sources.yaml and snapshot.json for the given repos into `tmp`; return their paths."""
    causes = causes or {}
    lines = ["defaults:", "  labels: [good first issue]", "sources:"]
    for name in issues_by_repo:
        lines += [f"  - repo: {name}", f"    cause: {causes.get(name, 'civic-tech')}"]
    sources_path = tmp / "sources.yaml"
    sources_path.write_text("\n".join(lines) + "\n")
    repos = tuple(
        Repo(
            name_with_owner=name,
            url=f"https://github.com/{name}",
            source=name,
            language="Python",
            issues=tuple(issues),
        )
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
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def golden(expected: Path, actual: str, regenerate: bool) -> None:
    """Compare text with its golden file, or (under `pytest --regenerate`) rewrite the file; a diff
    on failure."""
    if regenerate:
        expected.parent.mkdir(parents=True, exist_ok=True)
        expected.write_text(actual, encoding="utf-8")
    wanted = expected.read_text(encoding="utf-8")
    if actual != wanted:
        diff = difflib.unified_diff(
            wanted.splitlines(),
            actual.splitlines(),
            str(expected.relative_to(TESTS)),
            "actual",
            lineterm="",
        )
        raise AssertionError(
            "\n".join(list(diff)[:80]) + "\n(after an intended change: pytest --regenerate)"
        )


def golden_tree(expected_dir: Path, actual: dict[str, bytes], regenerate: bool) -> None:
    """Compare a tree of files with its golden folder, or rewrite the folder under `pytest
    --regenerate`."""
    if regenerate:
        shutil.rmtree(expected_dir, ignore_errors=True)
        for name, data in actual.items():
            (expected_dir / name).parent.mkdir(parents=True, exist_ok=True)
            (expected_dir / name).write_bytes(data)
    expected = read_tree(expected_dir)
    assert sorted(actual) == sorted(expected), (
        "the set of files changed (after an intended change: --regenerate)"
    )
    for name in sorted(expected):
        if actual[name] != expected[name]:
            golden(expected_dir / name, actual[name].decode(), regenerate=False)
