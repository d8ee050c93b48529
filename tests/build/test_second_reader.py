"""bench/second_reader.py: the second reader's verdicts join the rows it was given, and the draw
that chose those rows is reproduced."""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

import judge_gold as gold  # noqa: E402
import second_reader  # noqa: E402


def test_kappa_is_agreement_beyond_chance():
    # 50 items: both say yes 20, both no 15, split 5 and 10: observed 0.7, chance 0.5.
    pairs = [("y", "y")] * 20 + [("y", "n")] * 5 + [("n", "y")] * 10 + [("n", "n")] * 15
    assert second_reader.kappa(pairs) == pytest.approx(0.4)
    assert second_reader.kappa([("a", "a"), ("b", "b")]) == 1.0


def test_the_comments_read_are_the_comments_drawn():
    rows, picked, second = second_reader.read_claims()
    drawn = second_reader.draw_comments()
    assert sorted(picked) == sorted(set(picked))
    assert {(s["file"], s["url"], s["text"]) for s in second} == {
        (name, row["url"], row["text"]) for row, name, _ in drawn
    }
    assert Counter(rows[i]["label"] for i in picked) == second_reader.COMMENTS_DRAWN
    assert {s["label"] for s in second} <= {"claim", "release", "neither"}
    assert {type(s["alone"]) for s in second} | {type(s["sure"]) for s in second} == {bool}


@pytest.mark.slow  # the near-duplicate batches take seconds
def test_the_issues_read_are_the_issues_drawn():
    records, second = second_reader.read_issues()
    assert {r["url"] for r in second_reader.draw_issues()} == {s["url"] for s in second}
    assert len({s["url"] for s in second}) == len(second) == 449
    assert [(r["_file"], r["title"]) for r in records] == [(s["file"], s["title"]) for s in second]
    assert all(set(s["skills"]) <= set(gold.AREAS) for s in second)
    assert {s["size"] for s in second} <= set(gold.EFFORTS)


def test_a_reading_of_a_comment_no_file_holds_names_the_file(tmp_path):
    stray = tmp_path / "comments.jsonl"
    row = {"file": "round17.jsonl", "url": "https://github.com/o/r/issues/1", "text": "mine!"}
    stray.write_text(json.dumps({**row, "label": "claim", "alone": True, "sure": True}) + "\n")
    with pytest.raises(SystemExit, match="comments.jsonl: no labeled comment"):
        second_reader.read_claims(stray)


def test_a_reading_of_an_issue_the_bench_lacks_names_the_file(tmp_path):
    stray = tmp_path / "issues.jsonl"
    row = {"file": "civic-issues.jsonl", "url": "https://github.com/o/r/issues/1", "title": "x"}
    stray.write_text(json.dumps({**row, "skills": [], "size": "small", "sure": True}) + "\n")
    with pytest.raises(
        SystemExit, match="issues.jsonl: no bench record for https://github.com/o/r"
    ):
        second_reader.read_issues(stray)


@pytest.mark.slow
def test_the_claims_report_sets_the_reader_beside_the_rules(capsys):
    second_reader.claims_report(markdown=True, with_model=False)
    out = capsys.readouterr().out
    assert "agrees with the labels on 0.919, Cohen's kappa 0.876" in out
    reader, sure, rules = out.split("\n== ")[1:4]
    # the figures the docs quote
    assert "| all | 640 | 0.953 (244/256) | 0.938 (244/260) |" in reader
    assert "0.894 (143/160) | 0.041 (9/220) |" in reader
    assert "| all | 480 |" in sure
    assert rules.startswith("shipped reader (rules alone)")
    assert "| all | 640 | 0.961 (148/154) | 0.569 (148/260) |" in rules
