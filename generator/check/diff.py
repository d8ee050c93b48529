"""Which sources.yaml entries a pull request adds or changes, against a git revision."""

from __future__ import annotations

import dataclasses
import os
import subprocess

from ..core.errors import SourcesError, SourcesInvalid
from ..core.records import Source
from ..sources import parse


def changed(current: tuple[Source, ...], previous_text: str) -> tuple[Source, ...]:
    """The entries of `current` that are new or different from those in an earlier sources.yaml
    text."""
    try:
        before = {s.key: dataclasses.replace(s, line=0) for s in parse(previous_text)}
    except SourcesInvalid:
        return current  # an unreadable earlier version: everything counts as changed
    return tuple(s for s in current if before.get(s.key) != dataclasses.replace(s, line=0))


def at_revision(ref: str, path: str) -> str:
    """The text of `path` (as sources.yaml inside the git work tree) at git revision `ref`; "" if
    absent."""
    where = os.path.dirname(os.path.abspath(path))
    try:
        top = subprocess.run(
            ["git", "rev-parse", "--show-toplevel"],
            cwd=where,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError) as error:
        problem = SourcesError(path, 1, 1, f"--changed-against needs a git work tree ({error})")
        raise SourcesInvalid([problem]) from error
    inside = os.path.relpath(os.path.abspath(path), top)
    # a file outside the tree (a PR's copy in a temp dir) is compared with the tree's sources.yaml
    name = "sources.yaml" if inside.startswith("..") else inside.replace(os.sep, "/")
    if (
        subprocess.run(
            ["git", "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"],
            cwd=top,
            capture_output=True,
        ).returncode
        != 0
    ):
        raise SourcesInvalid(
            [SourcesError(path, 1, 1, f"--changed-against: no git revision {ref!r}")]
        )
    shown = subprocess.run(["git", "show", f"{ref}:{name}"], cwd=top, capture_output=True)
    return shown.stdout.decode("utf-8", "replace") if shown.returncode == 0 else ""
