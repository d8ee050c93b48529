"""generator.build.classify: the repo's map, label conventions, the text model for what they leave
open, and the reasons.
"""

from __future__ import annotations

import pytest

from generator.build import classify as c
from generator.build import text_model
from generator.core.errors import SourcesError
from generator.core.records import Effort, Issue, Label, Repo, SkillArea, Source

F, B, DS, DA = SkillArea.FRONTEND, SkillArea.BACKEND, SkillArea.DESIGN, SkillArea.DATA
S, M, L = Effort.SMALL, Effort.MEDIUM, Effort.LARGE


def issue(title: str = "Improve the thing", *labels: str, body: str = "") -> Issue:
    """An issue with the given title, labels (names) and body."""
    return Issue(
        repo="owner/name",
        number=1,
        title=title,
        url="",
        labels=tuple(Label(n) for n in labels),
        body=body,
    )


def repo(language: str = "", topics: tuple[str, ...] = ()) -> Repo:
    return Repo(name_with_owner="owner/name", url="", language=language, topics=topics)


@pytest.mark.parametrize(
    ("label", "areas"),
    [
        ("role: front end", {F}),
        ("Role - Front End", {F}),
        ("role: back end/devOps", {B}),
        ("area/ui", {F}),
        ("ux", {DS}),
        ("css", {F}),
        ("api", {B}),
        ("database", {B}),
        ("backend", {B}),
        ("data", {DA}),
        ("front-end", {F}),
        ("role: design", {DS}),
        ("role: data analysis", {DA}),
        ("Work: Back-end", {B}),
        ("A-client side (react)", {F}),
        ("platform: node :low_brightness:", {B}),
        ("🎨 needs-design", {DS}),
        ("frontend 🎨", {F}),
        ("dev: frontend", {F}),
        ("component: ui", {F}),
        ("UI/UX", {DS}),
        ("Role: UI", {DS}),  # a UI *role* is a designer; a bare `ui` label is front-end code
        ("data:eia923", {DA}),
        ("Lang: GHA", {B}),
        ("html/css", {F}),
        ("Data Import", {DA}),
        ("frontend/backend", {F, B}),
        ("Front End & Back End", {F, B}),
        (".Frontend", {F}),  # metabase
        ("Component-UI", {F}),
        ("Feature: Frontend 🖌️", {F}),  # a role word stays one after a feature prefix
        ("VA.gov frontend", {F}),
        ("X-Needs-Design", {DS}),
        ("Design › Brand identity", {DS}),  # opencollective's arrows are prefixes
        ("Figma → Discover", {DS}),
        ("design (general)", {DS}),
        ("identity-ux", {DS}),
        ("[Work Area] Data Ingestion", {DA}),  # health-equity-tracker
        ("Product: Dockless Dataviz", {DA}),
        ("data entry", {DA}),
        ("analytics-request", {DA}),
        ("DB migration", {B}),
        ("component:api-v3", {B}),
    ],
)
def test_label_conventions_name_areas(label, areas):
    result = c.classify(issue("Something", label))
    assert set(result.skills) == areas
    assert f"label `{label}`" in result.reasons


@pytest.mark.parametrize(
    "label",
    [
        "role: product management",
        "Role: PM",
        "role: UX content writing",
        "role: research",
        "documentation",
        "role: testing",
        "Type: Translations",
        "UX writing",
        "Design › Messaging/Copy-write",
    ],
)
def test_a_non_technical_role_is_any_skill_and_stops_the_text_guessing(label):
    result = c.classify(
        issue("Update the React components in src/app.jsx", label), repo("JavaScript")
    )
    assert result.skills == ()
    assert "any skill" in result.reasons[0] and label in result.reasons[0]


@pytest.mark.parametrize(
    "label",
    [
        "Feature: Refactor CSS",
        "priority: high",
        "P-Feature: Home page",
        "bug",
        "status: Updated",
        "good first issue",
        "testing",
        "Interface: Food Seeker",
        "need/analysis",  # "needs analysis" is a state, not data work
        "Needs: Breakdown",
        "judge-db",  # a product area, not databases
        "theme/allocation API",
    ],
)
def test_feature_status_and_kind_labels_are_not_skill_labels(label):
    assert c.label_skills(c.normalize_label(label)) == ()


@pytest.mark.parametrize(
    ("label", "effort"),
    [
        ("size: 0.25pt", S),
        ("size: 0.5pt", S),
        ("size: 1pt", S),
        ("size: 2pt", M),
        ("size: 3pt", M),
        ("size: 5pt", L),
        ("size: 8pt", L),
        ("size: 13+pt", L),
        ("points: 0.5", S),
        ("size: 1 pt", S),
        ("size: 2 pts", M),
        ("Complexity: Small", S),
        ("Complexity: Medium", M),
        ("complexity: large", L),
        ("Complexity: Extra Large", L),
        ("effort: low", S),
        ("E-easy", S),
        ("E-hard", L),
        ("difficulty: medium", M),
        ("level: easy", S),
        ("🐟 Small", S),
        ("🐬 Medium", M),
        ("🐂 size medium", M),
        ("size -  l", L),
        ("size: good first issue", S),
        ("easy pickins", S),
        ("size: epic", L),
        ("Complexity: Prework", S),
        ("Work: Low", S),  # oppia
        ("Work: High", L),
        ("level1", S),  # student programs
        ("Level 2", M),
        ("level-3", L),
        ("Complexity → Simple", S),  # opencollective
        ("Complexity › Complex", L),
        ("Difficulty: 8", L),  # tasking-manager's story points
        ("Difficulty 5", L),
        ("Difficulty: 2-Medium", M),  # space-station-14
        ("D3: Low", S),
        ("D-Straightforward", S),  # bevy
        ("exp/expert", L),  # moby
        ("Time: <1 Hour", S),  # ubiquibot
        ("Time: <1 Week", L),
        ("👕 T-Shirt SM", S),  # health-equity-tracker
        ("loe:multi-week", L),  # kibana
        ("effort/weeks", L),
        ("Difficulty/1:Easy", S),
        ("Difficulty: Introductory", S),
    ],
)
def test_effort_labels(label, effort):
    result = c.classify(issue("Something", label))
    assert result.effort == effort and not result.effort_is_guess
    assert result.reasons[-1] == f"label `{label}` → {effort}"


@pytest.mark.parametrize(
    "label",
    [
        "priority: high",
        "low",
        "high",
        "good first issue",
        "Complexity: Missing",
        "size: missing",
        "issue making: level 2",
    ],
)
def test_labels_that_are_not_sizes_leave_effort_to_the_text(label):
    assert c.label_effort(c.normalize_label(label)) is None


def test_points_beat_complexity_and_the_larger_wins_among_equals():
    assert c.classify(issue("x", "Complexity: Large", "size: 2pt")).effort == M
    assert c.classify(issue("x", "Complexity: Small", "Complexity: Medium")).effort == M


def test_the_repo_map_wins_over_conventions():
    source = Source(
        repo="owner/name",
        cause="civic-tech",
        skills=(("ui", DS), ("connector", B)),
        effort=(("size: 1pt", M),),
    )
    result = c.classify(
        issue("Add a connector", "UI", "connector", "size: 1pt"), repo("Python"), source
    )
    assert result.skills == (B, DS)
    assert result.effort == M
    assert result.reasons == (
        "repo map: `connector` → backend",
        "repo map: `UI` → design",
        "repo map: `size: 1pt` → medium",
    )


def test_default_skill_applies_only_when_no_label_decides():
    source = Source(repo="owner/name", cause="climate", default_skill=DA)
    assert c.classify(
        issue("Update the React page", body="src/App.jsx"), repo("JavaScript"), source
    ).skills == (DA,)
    assert c.classify(issue("x", "role: front end"), None, source).skills == (F,)
    assert c.classify(issue("x", "documentation"), None, source).skills == ()


def test_labels_decide_so_text_does_not_add_areas():
    result = c.classify(
        issue("Add the SQL migration", "role: front end", body="Edit migrations/0004.py")
    )
    assert result.skills == (F,)


@pytest.mark.parametrize(
    ("title", "body", "area", "cue"),
    [
        ("Fix footer spacing", "Edit `_sass/components/_footer.scss`", F, "`.scss` files"),
        ("Build the filter dropdown", "The component lives in src/Filter.jsx", F, "`.jsx` files"),
        (
            "Wireframes for the sign-up flow",
            "Make low and high fidelity frames in Figma",
            DS,
            "`figma`",
        ),
        (
            "Clean the 2019 results",
            "Load the csv with pandas, fix the dataframe and share the notebook.ipynb",
            DA,
            "`.ipynb` files",
        ),
        (
            "Add an endpoint for committees",
            "Django view plus a migration for the new table",
            B,
            "`django`",
        ),
    ],
)
def test_text_cues_name_an_area_and_say_why(title, body, area, cue):
    result = c.classify(issue(title, "good first issue", body=body))
    assert result.skills == (area,)
    assert cue in result.reasons[0] and result.reasons[0].endswith(f"→ {area}")


def test_label_names_are_matched_case_insensitively_and_kept_as_written_in_reasons():
    result = c.classify(issue("x", "ROLE: FRONT END", "Size: 2PT"))
    assert result.skills == (F,) and result.effort == M
    assert result.reasons == ("label `ROLE: FRONT END`", "label `Size: 2PT` → medium")


def test_parse_record_accepts_the_documented_shape_and_github_label_objects():
    found, found_repo = c.parse_record(
        '{"repo": "a/b", "title": "T", "body": null, "labels": ["x", {"name": "y"}],'
        ' "language": null, "extra": 1}',
        "in.jsonl",
        4,
    )
    assert (
        found.title == "T"
        and found.body == ""
        and [label.name for label in found.labels] == ["x", "y"]
    )
    assert found_repo.name_with_owner == "a/b" and found_repo.language == ""


@pytest.mark.parametrize(
    ("text", "col", "words"),
    [
        ('{"title": "x",}', 15, "not JSON"),
        ('"just a string"', 1, "expected a JSON object"),
        ('{"body": "no title"}', 1, "`title`"),
        ('{"title": "x", "labels": "bug"}', 1, "`labels`"),
        ('{"title": "x", "labels": [1]}', 1, "each label"),
        ('{"title": "x", "language": 3}', 1, "`language`"),
    ],
)
def test_parse_record_says_where_and_what(text, col, words):
    with pytest.raises(SourcesError) as caught:
        c.parse_record(text, "in.jsonl", 7)
    assert (caught.value.path, caught.value.line, caught.value.col) == ("in.jsonl", 7, col)
    assert words in caught.value.message


def test_the_text_reads_the_labels_the_rules_do_not():
    result = c.classify(issue("Something", "Feature: Refactor CSS"))
    assert result.skills == (F,) and "`css`" in result.reasons[0]


def test_the_repo_language_never_decides_alone():
    silent = c.classify(issue("Stops on the second batch"), repo("Python", ("django",)))
    assert silent.skills == ()
    assert silent.reasons[0] == "no clear skill signal in the text: any skill"
    assert c.classify(issue("Fix the scss", body="main.scss"), repo("Python")).skills == (F,)


def tiny_model(weights: dict[str, list[float]], tie: float = 0.0) -> text_model.TextModel:
    """A hand-made text model: skill weights per feature (backend, data, frontend, design, none)."""
    skill = {"heads": list(text_model.HEADS), "bias": [-3.0] * 5, "weights": weights}
    decide = {"tau": 0.5, "tau2": 0.5, "tau_low": 0.05, "tie": tie, "evidence_min": 0.25}
    effort = {"bias": [0.0, 1.0, 0.0], "weights": {}, "guess_below": 1.0}
    return text_model.TextModel({"skill": {**skill, **decide}, "effort": effort})


def test_the_repo_language_breaks_a_near_tie_between_two_areas_the_text_names():
    model = tiny_model({"w:widget": [1.0, 0.0, 0.9, 0.0, 0.0]}, tie=0.05)
    said = issue("Fix the widget")
    assert c.classify(said, repo("Go"), using=model).skills == (B,)
    broken = c.classify(said, repo("TypeScript"), using=model)
    assert broken.skills == (F,)
    assert broken.reasons[0].endswith("(a near-tie, broken by the repo's language, TypeScript)")
    # No near-tie, or no word for the language's area: the language says nothing.
    assert c.classify(
        said, repo("TypeScript"), using=tiny_model({"w:widget": [1.0, 0.0, 0.9, 0.0, 0.0]}, tie=0.0)
    ).skills == (B,)
    assert c.classify(issue("Nothing here"), repo("TypeScript"), using=model).skills == ()


def test_an_area_needs_words_for_it_not_only_the_lean_of_the_bias():
    model = tiny_model({"w:widget": [0.1, 0.0, 0.0, 0.0, 0.0]})
    result = c.classify(issue("Fix the widget"), using=model)
    assert (
        result.skills == () and result.reasons[0] == "no clear skill signal in the text: any skill"
    )


def test_non_technical_text_is_any_skill():
    result = c.classify(
        issue("Recruit volunteers for the wiki", body="Post in the meeting agenda"), repo("Ruby")
    )
    assert result.skills == ()
    assert result.reasons[0].endswith(": not one of the four areas, so any skill")
    assert "`wiki`" in result.reasons[0]


def test_effort_from_the_text_is_always_shown_as_a_guess():
    result = c.classify(issue("Update the link in the footer"))
    assert result.effort_is_guess
    assert result.reasons[-1] == f"no size label: {result.effort} is a guess"
    assert not c.classify(issue("Update the link", "size: 1pt")).effort_is_guess
    source = Source(repo="owner/name", cause="civic-tech", effort=(("mothership", L),))
    assert not c.classify(issue("Update", "Mothership"), None, source).effort_is_guess


def test_no_signal_at_all_is_any_skill_and_a_guessed_size():
    result = c.classify(issue("Stops on the second batch"))
    assert result.skills == () and result.effort_is_guess
    assert result.reasons[0] == "no clear skill signal in the text: any skill"
    assert result.reasons[-1] == f"no size label: {result.effort} is a guess"


def test_labels_the_rules_read_are_not_read_again_as_words():
    # "role: front end" decides the skill; its words ("front", "end") must not size the issue.
    model = tiny_model({})
    model.table["w:front"] = (0.0,) * 5 + (0.0, 0.0, 9.0)
    model.effort_margin["w:front"] = (0.0, 0.0, 9.0)
    assert c.classify(issue("x", "role: front end"), using=model).effort == M


def test_the_body_is_read_as_fetch_keeps_it():
    long = "word " * 100 + "figma wireframes mockups"
    assert c.classify(issue("Stops", body=long)).skills == ()
    assert c.classify(issue("Stops", body="figma wireframes mockups")).skills == (DS,)


def test_to_record_says_whether_the_effort_is_a_guess():
    record = c.to_record(c.classify(issue("Something", "role: front end", "size: 1pt")))
    assert record == {
        "skills": ["frontend"],
        "effort": "small",
        "reasons": ["label `role: front end`", "label `size: 1pt` → small"],
        "effort_is_guess": False,
    }
