"""The build, top to bottom: read inputs, classify, plan the site, render it, write it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .. import sources
from ..core import snapshot
from ..core.errors import SnapshotError
from ..core.records import ClassifiedIssue, Snapshot, Source
from . import classify, pages, write
from .plan import plan_site
from .render import render_site, theme_chain

CONTENT_DIR = Path(__file__).resolve().parent.parent.parent / "content"


@dataclass(frozen=True)
class BuildSummary:
    pages: int
    issues: int
    repos: int


def build(sources_path: str, snapshot_path: str, out_dir: str, base_url: str = "/",
          content_dir: str | Path | None = None, theme: str = "default",
          overrides: str | Path | None = None, workers: int = 1) -> BuildSummary:
    """Render the whole site from sources.yaml, the snapshot and content pages into `out_dir`."""
    listed = sources.load(sources_path)
    data = read_snapshot(snapshot_path)
    items = classify_all(listed, data)
    plan = plan_site(listed, data, items, pages.load_pages(content_dir or CONTENT_DIR))
    files = render_site(plan, base_url, theme_chain(theme, overrides))
    write.write_tree(files, out_dir, workers=workers)
    html = sum(1 for name in files if name.endswith(".html"))
    return BuildSummary(pages=html, issues=len(items), repos=len(data.repos))


def read_snapshot(path: str) -> Snapshot:
    """The snapshot file, or a SnapshotError that says how to get one."""
    try:
        data = Path(path).read_bytes()
    except OSError as error:
        raise SnapshotError(f"{path}: cannot read the snapshot ({error.strerror}); "
                            "run `python build.py fetch` or pass --snapshot") from error
    return snapshot.loads(data, origin=path)


def classify_all(listed: tuple[Source, ...], data: Snapshot) -> tuple[ClassifiedIssue, ...]:
    """Every issue of the snapshot whose repo is still listed, with its classification."""
    by_key = {s.key: s for s in listed}
    items = []
    for repo in data.repos:
        source = by_key.get((repo.source or repo.name_with_owner).lower())
        if source is None:
            continue  # dropped from sources.yaml since the snapshot was taken
        for issue in repo.issues:
            items.append(ClassifiedIssue(issue, repo, source, classify.classify(issue, repo, source)))
    return tuple(items)
