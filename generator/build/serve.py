"""`build.py serve`: the built site on 127.0.0.1, rebuilt whenever one of its inputs changes."""

from __future__ import annotations

import functools
import logging
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from ..core import errors
from . import CONTENT_DIR, build
from .render.html import THEMES_DIR

log = logging.getLogger("shovel")
POLL_SECONDS = 0.5


def serve(
    sources_path: str,
    snapshot_path: str,
    out_dir: str,
    port: int,
    base_url: str = "/",
    content_dir: str | None = None,
    theme: str = "default",
    overrides: str | None = None,
) -> None:
    """Build once, then serve and rebuild on changes until interrupted."""
    stop = threading.Event()
    rebuild = functools.partial(
        build,
        sources_path,
        snapshot_path,
        out_dir,
        base_url=base_url,
        theme=theme,
        overrides=overrides,
        content_dir=content_dir,
    )
    rebuild()
    handler = functools.partial(_Quiet, directory=str(Path(out_dir).resolve()))
    server = ThreadingHTTPServer(("127.0.0.1", port), handler)
    log.info("serving %s at http://127.0.0.1:%d/", out_dir, server.server_address[1])
    threading.Thread(target=server.serve_forever, daemon=True).start()
    watched = [
        Path(sources_path),
        Path(snapshot_path),
        Path(content_dir or CONTENT_DIR),
        THEMES_DIR,
    ]
    if overrides:
        watched.append(Path(overrides))
    seen = _stamp(watched)
    try:
        while not stop.wait(POLL_SECONDS):
            now = _stamp(watched)
            if now != seen:
                seen = now
                try:
                    rebuild()
                    log.info("rebuilt %s", out_dir)
                except errors.ShovelError as error:  # keep serving the last good site
                    log.error("rebuild failed, still serving the previous site:\n%s", error)
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown()
        server.server_close()


def _stamp(paths: list[Path]) -> tuple:
    """(path, mtime, size) of every watched file, so any edit, addition or removal shows."""
    found = []
    for path in paths:
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for file in files:
            try:
                info = file.stat()
            except OSError:
                continue
            found.append((str(file), info.st_mtime_ns, info.st_size))
    return tuple(found)


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the base class's signature
        log.debug("serve: " + format, *args)
