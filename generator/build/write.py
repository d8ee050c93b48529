"""The last stage of the build: the site written beside its place, then swapped in atomically."""

from __future__ import annotations

import os
import shutil
import tempfile
import zlib
from collections.abc import Mapping
from pathlib import Path, PurePosixPath

from ..core.errors import ShovelError, WriteError
from ..core.files import umask
from .parallel import run_forked


def write_tree(files: Mapping[str, bytes], out_dir: str | os.PathLike, workers: int = 1) -> None:
    """Write `files` ({relative posix path: bytes}) as the complete contents of `out_dir`.

    The tree is built beside `out_dir` and renamed into place only when every file is written,
    so a failed build leaves the previous site untouched and never a half-written one. With
    `workers` > 1, forked processes each read (and so render) and write a share of the files.
    """
    out = Path(out_dir).resolve()
    names = sorted(files)
    for name in names:
        _check_relative(name)
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.new-", dir=out.parent))
    try:
        if workers > 1 and hasattr(os, "fork") and len(names) > 1:
            _write_forked(files, names, staging, workers)
        else:
            _write_share(files, names, staging)
        os.chmod(staging, 0o777 & ~umask())
        _swap(staging, out)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def _write_share(files: Mapping[str, bytes], names: list[str], staging: Path) -> None:
    for name in names:
        target = staging.joinpath(*PurePosixPath(name).parts)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(files[name])


def _write_forked(
    files: Mapping[str, bytes], names: list[str], staging: Path, workers: int
) -> None:
    """Share the files between this process and forks by a hash of their names.

    Not round-robin over sorted names: each folder's feed.atom sorts just before its index.html,
    so one process would get every (cheap) feed and the other every (costly) page.
    """
    shares = [
        [name for name in names if zlib.crc32(name.encode()) % workers == index]
        for index in range(workers)
    ]

    def share(index: int) -> bytes:
        _write_share(files, shares[index], staging)
        return b""

    try:
        run_forked(share, workers)
    except ShovelError as error:
        raise WriteError(f"writing the site failed: {error}") from error


def _check_relative(name: str) -> None:
    path = PurePosixPath(name)
    if not name or path.is_absolute() or ".." in path.parts or "\\" in name or name.endswith("/"):
        raise WriteError(
            f"refusing to write {name!r}: output paths must be relative and stay inside the site"
        )


def _swap(staging: Path, out: Path) -> None:
    """Put `staging` at `out`; an existing `out` is moved aside first and removed after."""
    if out.exists() and not out.is_dir():
        raise WriteError(f"{out} exists and is not a directory; remove it or choose another --out")
    old = None
    if out.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{out.name}.old-", dir=out.parent))
        old.rmdir()
        os.rename(out, old)
    try:
        os.rename(staging, out)
    except BaseException:
        if old is not None:
            os.rename(old, out)
        raise
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
