"""The filter script's index: every takeable issue, columns that line up, card details in blocks,
never markup."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from generator import cli
from generator.build.render.filter_index import BLOCK
from generator.core.records import Label
from tests.helpers import issue, write_world

HOSTILE = '</script><img src=x onerror=alert(1)> & "quotes"'


def created(n: int) -> str:
    """Dates with and without a time, unknown ones, and one after the capture, as captures have
    them."""
    if n % 11 == 0:
        return f"2025-0{1 + n % 9}-1{n % 10}"
    return (
        "" if n % 13 == 0 else f"2026-0{1 + n % 7}-0{1 + n % 9}T{n % 24:02}:{n % 60:02}:0{n % 10}Z"
    )


def updated(n: int) -> str:
    return (
        "2026-08-09T00:00:00Z"
        if n == 3
        else ""
        if n % 2
        else f"2026-08-0{1 + n % 7}T10:00:00+02:00"
    )


def decoded(values: list, asof: datetime, steps: bool) -> list[str]:
    """The dates as filter.js reads them back."""
    out, before = [], int(asof.timestamp())
    for value in values:
        if isinstance(value, str):
            out.append(value)
            continue
        seconds = before - value
        out.append(datetime.fromtimestamp(seconds, UTC).strftime("%Y-%m-%dT%H:%M:%SZ"))
        if steps:
            before = seconds
    return out


def iso(value: str) -> str:
    if len(value) <= 10:
        return value
    return (
        datetime.fromisoformat(value.replace("Z", "+00:00"))
        .astimezone(UTC)
        .strftime("%Y-%m-%dT%H:%M:%SZ")
    )


def test_the_index_and_its_title_blocks_hold_every_home_issue_in_order(tmp_path):
    count = 2 * BLOCK + 37
    issues = [
        issue(
            "octo/civic",
            n,
            HOSTILE if n == 5 else f"Issue {n}",
            created=created(n),
            updated=updated(n),
            labels=(Label(HOSTILE if n == 7 else "good first issue", "7057ff"),),
        )
        for n in range(1, count + 1)
    ]
    issues.append(issue("octo/civic", count + 1, "Taken", assignees=("someone",)))
    sources, snapshot = write_world(tmp_path, {"octo/civic": issues})
    out = tmp_path / "site"
    assert (
        cli.main(
            [
                "build",
                "--sources",
                str(sources),
                "--snapshot",
                str(snapshot),
                "--out",
                str(out),
                "-q",
            ]
        )
        == 0
    )
    api = json.loads((out / "api" / "issues.json").read_text())["issues"]
    files = sorted((out / "static").glob("filter-*.json"))
    assert [f.name for f in files] == [f"filter-blocks-{n}.json" for n in range(3)] + [
        "filter-index.json"
    ]
    for file in files:
        assert b"<" not in file.read_bytes()
    index = json.loads((out / "static" / "filter-index.json").read_text())
    assert index["v"] == 5 and index["count"] == count == len(api) and index["block"] == BLOCK
    for column in (
        "repo",
        "created",
        "activity",
        "skills",
        "effort",
        "guess",
        "label",
        "stale",
        "ready",
    ):
        assert len(index[column]) == count, column
    blocks = [
        json.loads((out / "static" / f"filter-blocks-{n}.json").read_text()) for n in range(3)
    ]
    assert [len(b["title"]) for b in blocks] == [BLOCK, BLOCK, 37]
    shown = {
        name: [v for b in blocks for v in b[name]]
        for name in ("title", "number", "url", "comments", "reason")
    }
    assert shown["title"] == [i["title"] for i in api]
    assert HOSTILE in shown["title"]
    assert shown["number"] == [i["number"] for i in api] and shown["comments"] == [
        i["comments"] for i in api
    ]
    assert set(shown["url"]) == {""}  # every link is the usual one, so none is spelled out
    assert [[index["reasons"][n] for n in row] for row in shown["reason"]] == [
        i["reasons"] for i in api
    ]
    assert index["effort"] == [i["effort"] for i in api] and index["skills"] == [
        i["skills"] for i in api
    ]
    asof = datetime.fromisoformat(index["asof"].replace("Z", "+00:00"))
    assert decoded(index["created"], asof, steps=True) == [iso(i["created"]) for i in api]
    assert decoded(index["activity"], asof, steps=False) == [iso(i["last_activity"]) for i in api]
    # after the capture: a negative age
    assert any(isinstance(v, int) and v < 0 for v in index["activity"])
    assert {type(v) for v in index["created"]} == {int, str}
    assert [[index["labels"][n][0] for n in row] for row in index["label"]] == [
        i["labels"] for i in api
    ]
    # name, page, cause, language, answer badge, description, note, display name, project facts
    assert index["repos"] == [
        ["octo/civic", "repos/octo/civic/", "civic-tech", "Python", "", "", "", "octo/civic", [], 0]
    ]
    assert set(index["ready"]) == {0}  # "Issue n" says nothing of steps, files or done
    assert index["stale"] == [int(i["stale"]) for i in api]
    assert index["guess"] == [int(i["effort_is_guess"]) for i in api]
    assert set(index["guess"]) == {1}  # "Issue n" has no size label: every size is a guess
