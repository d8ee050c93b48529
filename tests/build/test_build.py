"""The foundation end to end: the README's build command on the embedded snapshot, offline and
stable."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from html.parser import HTMLParser

import feedparser
import pytest

from generator import cli
from generator.core.records import Label
from tests.helpers import CATALOG, CATALOG_ARGS, ROOT, issue, project_copy, read_tree, write_world


class LinkParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.hrefs += [value for name, value in attrs if name == "href"]


def hrefs(html: bytes) -> list[str]:
    parser = LinkParser()
    parser.feed(html.decode())
    return parser.hrefs


@pytest.mark.slow
def test_readme_build_command_links_every_snapshot_issue(tmp_path):
    """`python build.py`, as the README says, in a copy of the project holding the frozen catalog."""
    copy = project_copy(tmp_path / "copy", CATALOG / "sources.yaml", CATALOG / "snapshot.json")
    result = subprocess.run(
        [sys.executable, "build.py"], cwd=copy, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    snapshot = json.loads((CATALOG / "snapshot.json").read_text())
    urls = {i["url"] for r in snapshot["repos"] for i in r["issues"]}
    assert len(urls) >= 150
    tree = read_tree(copy / "_site")
    linked = {h for name, data in tree.items() if name.endswith(".html") for h in hrefs(data)}
    assert urls <= linked
    home = set(hrefs(tree["index.html"]))
    free = {
        i["url"]
        for r in snapshot["repos"]
        for i in r["issues"]
        if not i["assignees"]
        and not any(lb["name"] == "📍 Assigned" for lb in i["labels"])
        and not i["comment_claim"]
    }
    # A free issue is on the home page, or its repo page lists it under "Not ready to start" (a
    # label parks it) with the label as the reason; parking is the exception, not the rule.
    parked = set()
    for url in free - home:
        owner, name = url.lower().split("/")[3:5]
        page = tree[f"repos/{owner}/{name}/index.html"].decode()
        assert "<h2>Not ready to start</h2>" in page, url
        section = page.split("<h2>Not ready to start</h2>")[1].split("<h2>")[0]
        assert f'href="{url}"' in section and "Not ready: labeled" in section, url
        parked.add(url)
    assert free and len(parked) < len(free) / 4
    assert b"Issues as of" in tree["index.html"] and b"8 Aug 2026" in tree["index.html"]


def test_build_opens_no_network_connection(tmp_path, monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError(f"network use during build: {args!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    assert cli.main(["build", *CATALOG_ARGS, "--out", str(tmp_path / "site"), "-q"]) == 0
    assert (tmp_path / "site" / "index.html").is_file()


@pytest.mark.slow
def test_two_builds_in_two_processes_with_other_hash_seeds_are_byte_identical(tmp_path):
    """Separate interpreters with other PYTHONHASHSEEDs: a set iterated into the output would show
    here."""
    for name, seed, jobs in (("a", "1", "1"), ("b", "2", "2")):
        done = subprocess.run(
            [
                sys.executable,
                "build.py",
                *CATALOG_ARGS,
                "--out",
                str(tmp_path / name),
                "-q",
                "--jobs",
                jobs,
            ],
            cwd=ROOT,
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert done.returncode == 0, done.stderr
    first, second = read_tree(tmp_path / "a"), read_tree(tmp_path / "b")
    assert first.keys() == second.keys()
    assert [n for n in first if first[n] != second[n]] == []


HOSTILE = "<script>alert(1)</script>"


def test_hostile_text_is_shown_as_text_never_markup(tmp_path):
    world = {
        "octo/civic": [
            issue(
                "octo/civic",
                1,
                HOSTILE,
                labels=(
                    Label('"><img src=x onerror=alert(2)>', '"; background:url(x)'),
                    Label("bug\x00\x1b", "zzzzzz"),
                ),
                body="</script><script>alert(3)</script>",
                author="<b>mallory</b>",
            ),
            issue("octo/civic", 2, "javascript link", url="javascript:alert(4)"),
        ]
    }
    sources, snap = write_world(tmp_path, world)
    out = tmp_path / "site"
    assert (
        cli.main(["--sources", str(sources), "--snapshot", str(snap), "--out", str(out), "-q"]) == 0
    )
    tree = read_tree(out)
    for name, data in tree.items():
        text = data.decode("utf-8", "replace")
        assert "<script>alert" not in text, name
        assert "<img src=x" not in text, name
        assert "javascript:alert" not in text, name
    api = json.loads(tree["api/issues.json"])
    assert HOSTILE in {i["title"] for i in api["issues"]}
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in tree["index.html"].decode()
    assert b'style="' not in tree["index.html"]
    feed = feedparser.parse(tree["feeds/all.atom"])
    assert not feed.bozo, feed.bozo_exception
    assert feed.entries[0].title.endswith(HOSTILE)


@pytest.mark.parametrize("command", [[], ["build"], ["check"]])
def test_every_command_has_help(command, capsys):
    with pytest.raises(SystemExit) as done:
        cli.main([*command, "--help"])
    assert done.value.code == 0
    text = capsys.readouterr().out
    for option in ("--sources", "--snapshot", "--out", "--verbose", "--quiet"):
        assert option in text


def test_missing_snapshot_is_bad_input(tmp_path, capsys):
    assert cli.main(["--snapshot", str(tmp_path / "nope.json"), "--out", str(tmp_path / "s")]) == 2
    assert "nope.json" in capsys.readouterr().err
    assert not (tmp_path / "s").exists()


def test_the_build_leaves_the_cycle_collector_as_it_found_it(tmp_path):
    """The build pauses the cycle collector for speed; a caller's process gets it back, after a
    failed build too."""
    import gc

    from generator.build import build
    from generator.core.errors import SnapshotError

    sources, snapshot = write_world(tmp_path, {"octo/civic": [issue("octo/civic", 1, "One")]})
    assert gc.isenabled()
    build(str(sources), str(snapshot), str(tmp_path / "site"))
    assert gc.isenabled()
    with pytest.raises(SnapshotError):
        build(str(sources), str(tmp_path / "absent.json"), str(tmp_path / "site"))
    assert gc.isenabled()
