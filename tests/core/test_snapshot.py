"""The snapshot file: canonical bytes, lossless round trip, clear errors."""

from __future__ import annotations

import json

import pytest

from generator.core import snapshot
from generator.core.errors import SnapshotError
from generator.core.records import RepoState, Snapshot
from tests.helpers import DATA, TESTS

FIXTURE = TESTS / "golden" / "snapshot.json"


def test_a_snapshot_round_trips_byte_for_byte():
    data = FIXTURE.read_bytes()
    assert snapshot.dumps(snapshot.loads(data)) == data


def test_a_version_1_snapshot_is_read_its_words_kept_as_the_error_of_a_stale_repo():
    old = snapshot.loads((DATA / "snapshots" / "version-1.json").read_bytes())
    states = {r.name_with_owner: (r.state, r.error) for r in old.repos}
    assert states == {
        "civic/app": (
            RepoState.STALE,
            "fetch failed (HTTP 502: Bad Gateway); issues as of 2026-11-30T12:00:00Z",
        ),
        "civic/old": (RepoState.ARCHIVED, ""),
    }
    assert f'"version": {snapshot.VERSION}'.encode() in snapshot.dumps(old)


def test_repo_at_a_time_encoding_equals_whole_document_encoding():
    data = FIXTURE.read_bytes()
    whole = json.dumps(json.loads(data), ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    assert snapshot.dumps(snapshot.loads(data)) == whole.encode()
    empty = Snapshot(captured_at="2026-08-08T00:00:00Z")
    document = {
        "format": snapshot.FORMAT,
        "version": snapshot.VERSION,
        "captured_at": empty.captured_at,
        "captures": [],
        "repos": [],
    }
    assert snapshot.dumps(empty) == (json.dumps(document, indent=1, sort_keys=True) + "\n").encode()


@pytest.mark.parametrize(
    "text, message",
    [
        (b"{", "not valid JSON"),
        (b'{"format": "other"}', "not a Shovel Ready snapshot"),
        (b'{"format": "shovel-ready-snapshot", "version": 99}', "snapshot version 99"),
        (
            b'{"format": "shovel-ready-snapshot", "version": 2, "captured_at": "", "repos": '
            b'[{"nope": 1}]}',
            "unknown repo field",
        ),
    ],
)
def test_bad_snapshots_are_named_errors(text, message):
    with pytest.raises(SnapshotError, match=message) as raised:
        snapshot.loads(text, origin="data/snapshot.json")
    assert "data/snapshot.json" in str(raised.value)


def test_a_version_2_snapshot_is_read_with_an_empty_readiness():
    data = FIXTURE.read_bytes().replace(b'"version": 3', b'"version": 2')
    document = json.loads(data)
    for repo in document["repos"]:
        del repo["readiness"]
    old = snapshot.loads(json.dumps(document))
    assert old.repos and all(r.readiness.merged is None for r in old.repos)
