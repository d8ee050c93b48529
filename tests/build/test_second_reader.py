"""bench/second_reader.py: the second reader's verdicts join the labeled rows they were given."""

from __future__ import annotations

import json
import sys
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


def test_every_second_reading_of_a_comment_is_a_labeled_comment():
    rows, picked, second = second_reader.read_claims()
    assert len(picked) == len(second) == len(set(picked))
    assert {s["label"] for s in second} <= {"claim", "release", "neither"}
    assert all(rows[i]["text"] == s["text"] for i, s in zip(picked, second, strict=True))


def test_every_second_reading_of_an_issue_is_a_bench_record():
    records, second = second_reader.read_issues()
    assert [r["url"] for r in records] == [s["url"] for s in second]
    assert all(set(s["skills"]) <= set(gold.AREAS) for s in second)
    assert {s["size"] for s in second} <= set(gold.EFFORTS)


def test_a_reading_of_a_comment_no_file_holds_names_the_file(tmp_path):
    stray = tmp_path / "second-reader.jsonl"
    row = {"file": "round17.jsonl", "url": "https://github.com/o/r/issues/1", "text": "mine!"}
    stray.write_text(json.dumps({**row, "label": "claim", "alone": True, "sure": True}) + "\n")
    with pytest.raises(SystemExit, match="second-reader.jsonl: no labeled comment"):
        second_reader.read_claims(stray)


@pytest.mark.slow
def test_the_claims_report_sets_the_reader_beside_the_rules(capsys):
    second_reader.claims_report(markdown=True, with_model=False)
    out = capsys.readouterr().out
    assert "Cohen's kappa" in out
    assert "== second reader (comment and the one before it)" in out
    assert "== shipped reader (rules alone), repositories left out, same comments" in out
    assert out.count("| all | 640 |") == 2  # the reader and the rules, on the same 640 comments
