"""The only module that writes to disk: whole trees swapped in atomically, single files replaced."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Mapping
from pathlib import Path, PurePosixPath

from .errors import WriteError


def write_tree(files: Mapping[str, bytes], out_dir: str | os.PathLike) -> None:
    """Write `files` ({relative posix path: bytes}) as the complete contents of `out_dir`.

    The tree is built beside `out_dir` and renamed into place only when every file is written,
    so a failed build leaves the previous site untouched and never a half-written one.
    """
    out = Path(out_dir).resolve()
    for name in files:
        _check_relative(name)
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.new-", dir=out.parent))
    try:
        for name in sorted(files):
            target = staging.joinpath(*PurePosixPath(name).parts)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(files[name])
        os.chmod(staging, 0o777 & ~_umask())
        _swap(staging, out)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def write_file(path: str | os.PathLike, data: bytes) -> None:
    """Replace one file atomically (temp file in the same directory, then rename)."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp, 0o666 & ~_umask())
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _check_relative(name: str) -> None:
    path = PurePosixPath(name)
    if not name or path.is_absolute() or ".." in path.parts or "\\" in name or name.endswith("/"):
        raise WriteError(f"refusing to write {name!r}: output paths must be relative and stay inside the site")


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
