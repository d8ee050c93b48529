"""generator.classify: the repo's map, label conventions, text cues, the weak prior, and the
reasons.
"""

from __future__ import annotations

import pytest

from generator.build import classify as c
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
    ],
)
def test_effort_labels(label, effort):
    result = c.classify(issue("Something", label))
    assert result.effort == effort
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
        "Difficulty 5",
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


def test_on_a_design_task_pages_and_buttons_are_drawn_not_coded():
    result = c.classify(
        issue(
            "Design mobile version of the homepage",
            body="Make the page layout and buttons in Figma; show the mockup to the team",
        ),
        repo("JavaScript"),
    )
    assert result.skills == (DS,)


def test_links_under_a_resources_heading_weigh_little():
    body = (
        "### Overview\nChange the h2 tags on the homepage to h1 tags.\n### Resources/Instructions\n"
        "- [Homepage Redesign in Figma](https://www.figma.com/file/x) wireframe mockup iconography"
    )
    assert c.classify(issue("Add H1 tags to homepage", body=body), repo("JavaScript")).skills == (
        F,
    )


def test_the_language_prior_is_used_only_when_the_text_is_silent():
    silent = c.classify(issue("Stops on the second batch"), repo("Python"))
    assert silent.skills == (B,)
    assert silent.reasons[0] == "repo language Python (weak prior) → backend"
    topical = c.classify(issue("Stops on the second batch"), repo("Python", ("open-data",)))
    assert topical.skills == (DA,) and "topic `open-data`" in topical.reasons[0]
    assert c.classify(issue("Stops on the second batch")).skills == ()
    assert c.classify(issue("Fix the scss", body="main.scss"), repo("Python")).skills == (F,)


def test_non_technical_text_is_any_skill():
    result = c.classify(
        issue("Recruit volunteers for the wiki", body="Post in the meeting agenda"), repo("Ruby")
    )
    assert result.skills == ()
    assert "any skill" in result.reasons[0]


@pytest.mark.parametrize(("steps", "effort"), [(3, S), (10, M), (25, L)])
def test_a_long_checklist_is_not_small(steps, effort):
    body = "\n".join(f"- [ ] step {n}" for n in range(steps))
    assert c.classify(issue("Tidy the page", body=body)).effort == effort


@pytest.mark.parametrize(
    ("title", "effort"),
    [
        ("Update the link in the footer", S),
        ("Create the volunteer dashboard", M),
        ("Refactor and migrate the importer", L),
        ("Epic: Org Dashboard", M),
        ("Fix bug in the GHA workflow", M),
    ],
)
def test_the_shape_of_the_title_sets_effort(title, effort):
    result = c.classify(issue(title))
    assert result.effort == effort
    assert result.reasons[-1].endswith(f"→ {effort}") or result.reasons[-1].startswith(
        "no size signal"
    )


def test_no_signal_at_all_is_any_skill_and_small_with_reasons():
    result = c.classify(issue("Something"))
    assert result.skills == () and result.effort == S
    assert result.reasons == (
        "no skill signal: any skill",
        "no size signal: beginner-labeled issues are small by default",
    )


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


def test_hyphenated_title_words_count_by_their_parts():
    result = c.classify(issue("refactor(aws-sdk): migrate to v3"), repo("TypeScript"))
    assert result.skills == (B,) and "`aws`" in result.reasons[0]
    assert result.effort == L  # refactor + migrate


def test_an_issue_that_keeps_saying_data_is_data_work():
    body = (
        "FERC 714 data includes 2019, but we have not seen how it plays with the eia861 data yet. "
        "Can't do that until the EIA 861 data for 2019 is integrated; the early release data is "
        "out."
    )
    result = c.classify(
        issue("Make sure 2019 ferc714 data works with eia861", body=body), repo("Python")
    )
    assert result.skills == (DA,) and "says “data” 5 times" in result.reasons[0]


def test_a_title_that_starts_with_design_is_design_work():
    assert c.classify(
        issue("Design a home page for Guests", body="A page for guests"), repo("JavaScript")
    ).skills == (DS,)


def test_a_tex_repo_gets_no_data_prior():
    assert c.classify(issue("Simplify glossary reference style"), repo("TeX")).skills == ()


def test_reasons_do_not_repeat_a_word_already_said_as_an_extension():
    result = c.classify(issue("Fix the footer .scss", body="Edit _sass/footer.scss"))
    assert result.reasons[0] == "mentions `.scss` files, `footer`, `sass` → frontend"


@pytest.mark.parametrize(
    "title",
    [
        "Pick a time frame for the call script",
        "LA Controller budget projects",
        "This includes cleaning up the code",
    ],
)
def test_common_words_with_another_meaning_do_not_decide_alone(title):
    assert c.classify(issue(title)).skills == ()
