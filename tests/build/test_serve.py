"""`build.py serve` as a user runs it: a page over HTTP, then a rebuilt page after an edit."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import time
import urllib.request

import pytest

from tests.helpers import ROOT, issue, write_world


@pytest.mark.slow
def test_serve_rebuilds_when_the_snapshot_changes(tmp_path):
    sources, snap = write_world(tmp_path, {"octo/civic": [issue("octo/civic", 1, "First title")]})
    out = tmp_path / "site"
    process = subprocess.Popen(
        [
            sys.executable,
            "build.py",
            "serve",
            "--port",
            "0",
            "--sources",
            str(sources),
            "--snapshot",
            str(snap),
            "--out",
            str(out),
        ],
        cwd=ROOT,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        line = process.stderr.readline()
        port = re.search(r"127\.0\.0\.1:(\d+)", line).group(1)
        page = urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5).read().decode()
        assert "First title" in page
        (tmp_path / "next").mkdir()
        _, edited = write_world(
            tmp_path / "next", {"octo/civic": [issue("octo/civic", 1, "Second title")]}
        )
        shutil.copyfile(edited, snap)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            page = urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5).read().decode()
            if "Second title" in page:
                break
            time.sleep(0.2)
        assert "Second title" in page
    finally:
        process.terminate()
        process.wait(timeout=10)
