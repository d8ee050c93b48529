"""The accuracy targets on real civic issues hold (bench/classify_eval.py measures; this guards
them).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

import classify_eval as bench  # noqa: E402


@pytest.fixture(scope="module")
def civic():
    records = bench.load(bench.DATA)
    return records, bench.groups(records)


@pytest.mark.parametrize(
    ("text_only", "macro_f1", "effort"), [(False, 0.95, 0.9), (True, 0.75, 0.6)]
)
def test_targets_on_the_civic_issues(civic, text_only, macro_f1, effort):
    records, group_of = civic
    result = bench.evaluate(records, group_of, text_only, show_errors=False)
    _, macro = bench.f1_table(result)
    right, total = result["effort"]
    assert macro >= macro_f1
    assert right / total >= effort


def test_near_duplicate_batches_are_grouped(civic):
    records, group_of = civic
    titles = {}
    for record, group in zip(records, group_of, strict=True):
        titles.setdefault(group, []).append(record["title"])
    profiles = [
        g for g, names in titles.items() if sum("Update Project Profile" in n for n in names) >= 5
    ]
    assert profiles, "the templated 'Update Project Profile' batch should be one group"
    assert len(set(group_of)) < len(records)


def test_text_only_removes_every_gold_and_role_size_label():
    record = {
        "repo": "a/b",
        "title": "t",
        "labels": [
            "role: front end",
            "size: missing",
            "Complexity: Small",
            "points: 2",
            "new data",
            "bug",
            "Feature: Refactor CSS",
        ],
    }
    issue, _ = bench.to_issue(record, text_only=True)
    assert [label.name for label in issue.labels] == ["bug", "Feature: Refactor CSS"]
