"""Share work between this process and forked copies of it: every core for the CPU-bound stages.

Forked children see everything the parent had built (the site plan, rendered cards) without any of
it being pickled; each returns bytes through a pipe. Only used where no other thread is running.
"""

from __future__ import annotations

import os
from collections.abc import Callable

from ..core.errors import ShovelError


def run_forked(work: Callable[[int], bytes], workers: int) -> list[bytes]:
    """[work(0), work(1), …]: share 0 runs here, the others in forked processes, all at once."""
    if workers <= 1 or not hasattr(os, "fork"):
        return [work(share) for share in range(max(workers, 1))]
    children = []
    for share in range(1, workers):
        read, write = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: answer through the pipe (b"E" + message on failure), never return
            os.close(read)
            status = 0
            try:
                answer = b"K" + work(share)
            except BaseException as error:  # noqa: BLE001 - every failure must reach the parent
                answer, status = f"E{type(error).__name__}: {error}".encode(), 1
            with os.fdopen(write, "wb") as pipe:
                pipe.write(answer)
            os._exit(status)
        os.close(write)
        children.append((pid, read))
    try:
        results = [work(0)]
    finally:
        answers = []
        for pid, read in children:
            with os.fdopen(read, "rb") as pipe:
                answers.append(pipe.read())
            os.waitpid(pid, 0)
    failures = [a[1:].decode(errors="replace") for a in answers if not a.startswith(b"K")]
    if failures:
        raise ShovelError("a worker process failed: " + "; ".join(failures))
    return results + [a[1:] for a in answers]
