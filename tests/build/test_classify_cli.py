"""`python build.py classify --input FILE.jsonl`, driven as a maintainer would: a subprocess.

The expected output sits beside the input in tests/data/classify/; `pytest --regenerate` rewrites
it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.helpers import golden

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data" / "classify"


def run(*args: str, seed: str = "0") -> subprocess.CompletedProcess:
    """build.py with these arguments, from the project root, with a fixed or given hash seed."""
    env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [sys.executable, "build.py", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=60,
    )


def classify(path: Path, seed: str = "0") -> subprocess.CompletedProcess:
    return run("classify", "--input", str(path), "--sources", str(DATA / "sources.yaml"), seed=seed)


def test_real_issues_come_out_as_expected_in_input_order(regenerate):
    result = classify(DATA / "issues.jsonl")
    assert result.returncode == 0, result.stderr
    golden(DATA / "expected.jsonl", result.stdout, regenerate)
    inputs = (DATA / "issues.jsonl").read_text(encoding="utf-8").splitlines()
    outputs = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(outputs) == len(inputs)
    for line in outputs:
        assert set(line) == {"skills", "effort", "reasons", "effort_is_guess"}
        assert set(line["skills"]) <= {"backend", "data", "frontend", "design"}
        assert line["effort"] in {"small", "medium", "large"} and line["reasons"]
        assert line["effort_is_guess"] in (True, False)


def test_repo_maps_from_sources_apply():
    outputs = [json.loads(line) for line in classify(DATA / "issues.jsonl").stdout.splitlines()]
    by_title = {}
    for record, out in zip(
        (json.loads(x) for x in (DATA / "issues.jsonl").read_text().splitlines()),
        outputs,
        strict=True,
    ):
        by_title.setdefault(record["title"], out)
    assert (
        "repo map: `scope: frontend` → frontend"
        in by_title["Include mappers hashtag to the helper information section"]["reasons"]
    )
    assert (
        by_title["Create endpoint for raw schedule B data"]["effort"] == "large"
    )  # `Mothership` → large
    assert (
        by_title["Integrate 2017 FERC Form 1 data"]["reasons"][0] == "repo default: data"
    )  # org entry


def test_the_output_does_not_depend_on_the_hash_seed():
    first, second = (
        classify(DATA / "issues.jsonl", seed="1"),
        classify(DATA / "issues.jsonl", seed="4242"),
    )
    assert first.stdout == second.stdout and first.stdout


def test_bad_lines_are_named_on_stderr_and_the_rest_still_come_out(tmp_path):
    result = classify(DATA / "bad.jsonl")
    assert result.returncode == 2
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    # One output line per non-blank input line, in order; a bad line's place holds its error.
    assert [("error" in line) for line in lines] == [False, True, True, True, True, False]
    assert lines[0]["skills"] == ["frontend"]
    assert lines[-1]["skills"] == [] and lines[-1]["effort_is_guess"] is True
    path = str(DATA / "bad.jsonl")
    assert f"{path}:2:1: error: `labels` must be a list of label names" in result.stderr
    assert f"{path}:3:1: error: not JSON" in result.stderr
    assert f"{path}:5:1: error: `title` must be a non-empty string" in result.stderr
    assert f"{path}:6:1: error: expected a JSON object, got list" in result.stderr
    assert "4 of 6 lines could not be read" in result.stderr


def test_a_missing_input_file_is_bad_input(tmp_path):
    result = classify(tmp_path / "nope.jsonl")
    assert result.returncode == 2
    assert "nope.jsonl: cannot read the file" in result.stderr and not result.stdout


def test_strangers_text_stays_data(tmp_path):
    path = tmp_path / "in.jsonl"
    label = '<script>alert(1)</script>", "x": "'
    path.write_text(
        json.dumps({"title": "Fix", "labels": [label, "size: 1pt"]}) + "\n", encoding="utf-8"
    )
    result = classify(path)
    assert result.returncode == 0
    out = json.loads(result.stdout)
    assert set(out) == {"skills", "effort", "reasons", "effort_is_guess"}
    assert out["effort"] == "small" and out["effort_is_guess"] is False
