"""The filter script's index: every takeable issue, columns that line up, card details in blocks, never markup."""

from __future__ import annotations

import json

from generator import cli
from generator.model import Label
from generator.render.filter_index import BLOCK
from tests.helpers import issue, write_world

HOSTILE = '</script><img src=x onerror=alert(1)> & "quotes"'


def test_the_index_and_its_title_blocks_hold_every_home_issue_in_order(tmp_path):
    count = 2 * BLOCK + 37
    issues = [issue("octo/civic", n, HOSTILE if n == 5 else f"Issue {n}", created=f"2026-0{1 + n % 7}-0{1 + n % 9}",
                    labels=(Label(HOSTILE if n == 7 else "good first issue", "7057ff"),))
              for n in range(1, count + 1)]
    issues.append(issue("octo/civic", count + 1, "Taken", assignees=("someone",)))
    sources, snapshot = write_world(tmp_path, {"octo/civic": issues})
    out = tmp_path / "site"
    assert cli.main(["build", "--sources", str(sources), "--snapshot", str(snapshot), "--out", str(out), "-q"]) == 0
    api = json.loads((out / "api" / "issues.json").read_text())["issues"]
    files = sorted((out / "static").glob("filter-*.json"))
    assert [f.name for f in files] == [f"filter-blocks-{n}.json" for n in range(3)] + ["filter-index.json"]
    for file in files:
        assert b"<" not in file.read_bytes()
    index = json.loads((out / "static" / "filter-index.json").read_text())
    assert index["v"] == 3 and index["count"] == count == len(api) and index["block"] == BLOCK
    for column in ("repo", "created", "updated", "skills", "effort", "label"):
        assert len(index[column]) == count, column
    blocks = [json.loads((out / "static" / f"filter-blocks-{n}.json").read_text()) for n in range(3)]
    assert [len(b["title"]) for b in blocks] == [BLOCK, BLOCK, 37]
    shown = {name: [v for b in blocks for v in b[name]] for name in ("title", "number", "url", "comments", "reason")}
    assert shown["title"] == [i["title"] for i in api]
    assert HOSTILE in shown["title"]
    assert shown["number"] == [i["number"] for i in api] and shown["comments"] == [i["comments"] for i in api]
    assert set(shown["url"]) == {""}  # every link is the usual one, so none is spelled out
    assert [[index["reasons"][n] for n in row] for row in shown["reason"]] == [i["reasons"] for i in api]
    assert index["effort"] == [i["effort"] for i in api] and index["skills"] == [i["skills"] for i in api]
    assert index["created"] == [i["created"] for i in api]
    assert [[index["labels"][n][0] for n in row] for row in index["label"]] == [i["labels"] for i in api]
    assert index["repos"] == [["octo/civic", "repos/octo/civic/", "civic-tech", "Python"]]
