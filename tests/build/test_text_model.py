"""generator.build.text_model: the weights it ships, how it reads an issue, and what it says why."""

from __future__ import annotations

import ast
import json
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.build import classify, text_model
from generator.core.records import Effort, SkillArea
from generator.fetch import queries

ROOT = Path(__file__).resolve().parents[2]
BUILD = ROOT / "generator" / "build"
ISSUES = ROOT / "tests" / "data" / "classify" / "issues.jsonl"


def test_the_weights_are_the_file_beside_the_module_read_once():
    assert text_model.WEIGHTS == BUILD / "text_model.json"
    assert text_model.model() is text_model.model()
    assert classify.text_model is text_model  # classify judges with this very model
    data = json.loads(text_model.WEIGHTS.read_text(encoding="utf-8"))
    features = set(data["skill"]["weights"]) | set(data["effort"]["weights"])
    assert set(text_model.model().table) == features


def test_the_weights_file_is_small_and_written_in_one_stable_form():
    data = text_model.WEIGHTS.read_bytes()
    assert len(data) < 200_000
    value = json.loads(data)
    assert json.dumps(value, sort_keys=True, separators=(",", ":")).encode() + b"\n" == data
    assert value["skill"]["heads"] == ["backend", "data", "frontend", "design", "none"]
    assert value["trained_on"]["repos"] >= 300  # trained on both data files


def test_text_model_needs_only_the_standard_library():
    tree = ast.parse((BUILD / "text_model.py").read_text(encoding="utf-8"))
    imported = {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    imported |= {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.level == 0}
    assert {m for m in imported if m.split(".")[0] not in sys.stdlib_module_names} == set()
    relative = {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.level}
    assert relative == {"core.records", None}  # and `from . import classify_rules`


def test_it_reads_as_much_of_the_body_as_fetch_keeps():
    assert text_model.BODY_LIMIT == queries.BODY_EXCERPT


def test_an_excerpt_ends_on_a_whole_word_and_keeps_a_fetched_one_whole():
    assert text_model.excerpt("alpha beta gamma", 8) == "alpha"
    assert text_model.excerpt("alpha beta gamma", 10) == "alpha beta"
    fetched = "word " * 79 + "lasts"  # 400 characters, as fetch cut them, then its ellipsis
    assert text_model.excerpt(fetched + "…") == fetched


def records() -> list[dict]:
    return [json.loads(line) for line in ISSUES.read_text(encoding="utf-8").splitlines()]


def test_the_run_time_reader_finds_exactly_what_training_finds_within_the_vocabulary():
    model = text_model.model()
    everything = text_model.Reader()
    for r in records():
        labels = r.get("labels") or []
        want = everything(r["title"], r.get("body") or "", labels) & set(model.table)
        assert set(model.read(r["title"], r.get("body") or "", labels).present) == want


words = st.sampled_from(
    ["Figma", "alt text", "main.scss", "Design:", "[UI]", "data", ".py", "api", "\n", "a", "-"]
)
text = st.lists(st.one_of(words, st.text(max_size=10)), max_size=40).map(" ".join)


@pytest.mark.slow
@settings(max_examples=200, deadline=None)
@given(title=text, body=text, labels=st.lists(text, max_size=3))
def test_the_two_readers_agree_on_any_text(title, body, labels):
    model = text_model.model()
    want = text_model.Reader()(title, body, labels) & set(model.table)
    assert set(model.read(title, body, labels).present) == want


def test_beginner_labels_are_never_read():
    read = text_model.Reader()
    plain = read("Fix it", "", [])
    assert read("Fix it", "", ["good first issue", "Help Wanted", "first-timers-only"]) == plain
    assert "w:css" in read("Fix it", "", ["Feature: CSS"])


def test_reasons_are_words_a_volunteer_reads():
    verdict = text_model.judge_text(
        "Create wireframes for the sign-up page in Figma", "Low and high fidelity frames."
    )
    assert verdict.skills == (SkillArea.DESIGN,)
    assert verdict.skill_reasons[0].startswith("mentions ")
    assert "`figma` (title)" in verdict.skill_reasons[0]
    assert verdict.skill_reasons[0].endswith("→ design")
    assert verdict.effort_is_guess and isinstance(verdict.effort, Effort)
    assert verdict.effort_reason == f"no size label: {verdict.effort} is a guess"
    said = [text_model.say(f) for f in ("t:x", "w:x", "b:alt text", "x:scss", "lead:design")]
    assert said == [
        "`x` (title)",
        "`x`",
        "“alt text”",
        "`.scss` files",
        "title starts with `design`",
    ]
    assert text_model.say("len:body<150") == "a short description"


def test_nothing_to_go_on_is_any_skill_with_a_guessed_size():
    verdict = text_model.judge_text("", "")
    assert verdict.skills == ()
    assert verdict.skill_reasons == ("no clear skill signal in the text: any skill",)
    assert verdict.effort_is_guess


def test_a_listed_issue_is_sized_for_the_issues_the_site_lists():
    """Beginner-labeled issues are small far more often than issues at large: the same words give
    the size the training data's beginner-labeled issues make likeliest."""
    shipped = json.loads(text_model.WEIGHTS.read_text())
    small, medium, large = shipped["effort"]["listed_shift"]
    assert small > 1 > medium and large < 1  # learned from the data, not set by hand
    # Words that lean to medium at large (a bias standing for them) give small on a listed issue.
    leaning = text_model.TextModel(
        {**shipped, "effort": {**shipped["effort"], "bias": [0.0, 0.3, -0.5]}}
    )
    reading = leaning.read("", "")
    assert leaning.effort(reading, listed=False)[0] is Effort.MEDIUM
    assert leaning.effort(reading, listed=True)[0] is Effort.SMALL
    reading = text_model.model().read("", "")
    assert text_model.model().effort(reading, listed=True)[0] is Effort.SMALL
    one = text_model.TextModel(
        {**shipped, "effort": {**shipped["effort"], "listed_shift": [1.0, 1.0, 1.0]}}
    )
    assert one.effort(reading, listed=True) == one.effort(reading, listed=False)
