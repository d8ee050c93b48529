"""Files replaced whole or not at all: a reader never sees half a snapshot or half a summary."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


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
        os.chmod(temp, 0o666 & ~umask())
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def append_file(path: str | os.PathLike, data: bytes) -> None:
    """Add `data` to the end of a file (created if absent), by replacing it whole."""
    target = Path(path)
    before = target.read_bytes() if target.exists() else b""
    write_file(target, before + data)


def umask() -> int:
    """The process umask, read without changing it for longer than a moment."""
    mask = os.umask(0)
    os.umask(mask)
    return mask
