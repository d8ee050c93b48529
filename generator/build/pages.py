"""content/*.md → Page records: YAML front matter (title, description, order) and Markdown."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import markdown
import yaml

from ..core.errors import ContentError

FRONT_MATTER_KEYS = {"title", "description", "order"}


@dataclass(frozen=True)
class Page:
    """A content page from content/*.md."""

    slug: str
    title: str
    html: str
    """Rendered from the maintainers' own Markdown (trusted, part of this repo)."""
    description: str = ""
    order: int = 100


def load_pages(content_dir: str | Path) -> tuple[Page, ...]:
    """Every content page in `content_dir` by (order, slug); a missing folder gives none."""
    folder = Path(content_dir)
    if not folder.is_dir():
        return ()
    pages = [
        parse_page(path.read_text(encoding="utf-8"), path) for path in sorted(folder.glob("*.md"))
    ]
    return tuple(sorted(pages, key=lambda p: (p.order, p.slug)))


def parse_page(text: str, path: Path) -> Page:
    """One page; bad front matter is reported with the file and line."""
    meta: dict = {}
    body = text
    if text.startswith("---\n"):
        end = text.find("\n---\n", 4)
        if end < 0:
            raise ContentError(
                str(path), 1, 1, "front matter opened with --- but never closed with ---"
            )
        try:
            meta = yaml.safe_load(text[4:end]) or {}
        except yaml.MarkedYAMLError as error:
            mark = error.problem_mark
            raise ContentError(
                str(path), mark.line + 2, mark.column + 1, f"front matter: {error.problem}"
            ) from error
        if not isinstance(meta, dict):
            raise ContentError(str(path), 2, 1, "front matter must be a mapping (title: …)")
        unknown = sorted(set(meta) - FRONT_MATTER_KEYS)
        if unknown:
            raise ContentError(
                str(path),
                2,
                1,
                f"unknown front matter key(s) {', '.join(unknown)}; "
                f"use {', '.join(sorted(FRONT_MATTER_KEYS))}",
            )
        body = text[end + 5 :]
    if "title" not in meta:
        raise ContentError(str(path), 1, 1, "a content page needs `title:` in its front matter")
    order = meta.get("order", 100)
    if not isinstance(order, int):
        raise ContentError(str(path), 2, 1, f"`order` must be a whole number, not {order!r}")
    html = markdown.markdown(body, extensions=["extra", "sane_lists"], output_format="html")
    return Page(
        slug=path.stem,
        title=str(meta["title"]),
        html=html,
        description=str(meta.get("description", "")),
        order=order,
    )
