"""The malformed-file table: each file in tests/data/sources/ with the exact problems `check` reports."""

from pathlib import Path

import pytest

from generator import cli, sources
from generator.core import errors

CASES_DIR = Path(__file__).resolve().parents[1] / "data" / "sources"
CAUSES = ", ".join(sources.CAUSES)
MERGE = "keep the lines you want and delete the `<<<<<<<`, `=======` and `>>>>>>>` lines"
NBSP = "a no-break space (U+00A0), often pasted from a web page"

# file → [(line, col, message)], in the order reported. Messages are what a maintainer reads: keep the fix.
# fmt: off
EXPECTED = {
    '01-syntax-unclosed-quote.yaml': [
        (4, 11, 'YAML syntax: the quoted value that starts here is never closed: add the closing quote'),
    ],
    '02-tab-indent.yaml': [
        (5, 1, 'a tab in the indentation: indent with ordinary spaces'),
    ],
    '03-unknown-key-lables.yaml': [
        (6, 5, "unknown key 'lables' in this entry — did you mean 'labels'?"),
    ],
    '04-unknown-top-key.yaml': [
        (1, 1, 'missing `sources:`, the list of repositories'),
        (3, 1, "unknown key 'source' at the top level — did you mean 'sources'?"),
    ],
    '05-missing-sources.yaml': [
        (1, 1, 'missing `sources:`, the list of repositories'),
    ],
    '06-sources-not-list.yaml': [
        (4, 3, '`sources` must be a list of entries, each starting with `- repo:` or `- org:`'),
    ],
    '07-entry-not-mapping.yaml': [
        (4, 5, 'each entry must be a mapping that starts with `repo: owner/name` or `org: name`'),
    ],
    '08-missing-repo.yaml': [
        (4, 5, 'entry without `repo: owner/name` (or `org: name` for a whole organization)'),
    ],
    '09-missing-cause.yaml': [
        (4, 5, f"entry 'hackforla/website' needs a `cause`: one of {CAUSES}"),
    ],
    '10-unknown-cause.yaml': [
        (5, 12, f"unknown cause 'civictech' — did you mean 'civic-tech'? (causes: {CAUSES})"),
    ],
    '11-cause-wrong-case.yaml': [
        (5, 12, f"unknown cause 'Climate' — did you mean 'climate'? (causes: {CAUSES})"),
    ],
    '12-repo-url.yaml': [
        (4, 11, "`repo` must be owner/name, not a URL — did you mean 'hackforla/website'?"),
    ],
    '13-repo-no-slash.yaml': [
        (4, 11, "`repo` must be owner/name, not 'hackforla'; for every repo of an organization write `org: hackforla`"),
    ],
    '14-repo-dot-git.yaml': [
        (4, 11, "`repo` must be owner/name without '.git' — did you mean 'hackforla/website'?"),
    ],
    '15-repo-spaces.yaml': [
        (4, 11, "`repo` 'hackforla / website' contains spaces — did you mean 'hackforla/website'?"),
    ],
    '16-repo-number.yaml': [
        (4, 11, "`repo` must be text: put quotes around '12345'"),
    ],
    '17-duplicate-case.yaml': [
        (6, 11, "duplicate entry 'HackForLA/Website' (first at line 4); names match case-insensitively: remove one"),
    ],
    '18-covered-by-org.yaml': [
        (6, 11, "'hackforla/website' is already covered by `org: hackforla` (line 4): remove this entry, or add 'website' to that org's `exclude` to configure it here"),  # noqa: E501
    ],
    '19-empty-labels.yaml': [
        (6, 13, 'empty `labels` list: name at least one label, or remove `labels` to use the defaults'),
    ],
    '20-labels-string.yaml': [
        (6, 13, "`labels` must be a list — write labels: ['good first issue']"),
    ],
    '21-unknown-skill.yaml': [
        (7, 26, "unknown skill area 'front-end' — did you mean 'frontend'? (backend, data, frontend, design)"),
    ],
    '22-unknown-effort.yaml': [
        (7, 20, "unknown effort 'tiny' (small, medium, large)"),
    ],
    '23-default-skill.yaml': [
        (6, 20, "unknown skill area 'desing' — did you mean 'design'? (backend, data, frontend, design)"),
    ],
    '24-repo-and-org.yaml': [
        (4, 5, 'an entry has either `repo` or `org`, not both: split it into two entries'),
    ],
    '25-duplicate-key.yaml': [
        (6, 5, "duplicate key 'cause' (first at line 5): keep one"),
    ],
    '26-note-not-text.yaml': [
        (7, 7, '`note` must be text, not a list'),
    ],
    '27-label-twice.yaml': [
        (6, 32, "label 'Good First Issue' is listed twice (labels match case-insensitively)"),
    ],
    '28-org-exclude-full-name.yaml': [
        (6, 15, "write just the repo name in `exclude` — did you mean 'website'?"),
    ],
    '29-empty-file.yaml': [
        (1, 1, 'the file is empty: it needs `sources:`, a list of entries (see content/maintainers.md)'),
    ],
    '30-top-level-list.yaml': [
        (1, 1, 'the file must be a mapping with `defaults:` and `sources:`'),
    ],
    '31-bool-label.yaml': [
        (6, 14, "a label name must be text: put quotes around 'yes'"),
    ],
    '32-empty-cause.yaml': [
        (5, 11, '`cause` is empty: give it a value or remove the line'),
    ],
    '33-no-defaults-no-labels.yaml': [
        (2, 5, "entry 'hackforla/website' names no `labels` and there are no `defaults: labels:` to fall back on"),
    ],
    '34-several-problems.yaml': [
        (5, 12, f"unknown cause 'civic' — did you mean 'civic-tech'? (causes: {CAUSES})"),
        (6, 5, "unknown key 'lables' in this entry — did you mean 'labels'?"),
        (7, 11, "`repo` must be owner/name, not 'hackforla'; for every repo of an organization write `org: hackforla`"),
        (9, 5, "unknown key 'repository' in this entry — did you mean 'repo'?"),
        (9, 5, 'entry without `repo: owner/name` (or `org: name` for a whole organization)'),
    ],
    '35-unquoted-colon.yaml': [
        (6, 20, "YAML syntax: mapping values are not allowed here (quote a value that contains ': ')"),
    ],
    '36-org-bad-name.yaml': [
        (4, 10, "`org` must be an organization name (letters, digits, '-'), not 'hackforla/website' — for one repo write `repo: hackforla/website`"),  # noqa: E501
    ],
    '37-duplicate-org.yaml': [
        (6, 10, "duplicate org 'HackForLA' (first at line 4); names match case-insensitively: remove one"),
    ],
    '38-skills-not-map.yaml': [
        (6, 13, '`skills` must map labels to a skill area, e.g. "role: front end": backend'),
    ],
    '39-defaults-unknown-key.yaml': [
        (2, 3, "unknown key 'label' in `defaults` — did you mean 'labels'?"),
        (4, 5, "entry 'hackforla/website' names no `labels` and there are no `defaults: labels:` to fall back on"),
    ],
    '40-two-documents.yaml': [
        (6, 1, 'YAML syntax: expected a single document in the stream (line 1), but found another document (keep one document: remove the `---` line)'),  # noqa: E501
    ],
    '41-not-utf8.yaml': [
        (6, 15, 'not UTF-8 text (byte 0xe9): save the file as UTF-8'),
    ],
    '42-control-char.yaml': [
        (6, 17, 'character U+0007 is not allowed in YAML: remove it'),
    ],
    '43-mapping-key-list.yaml': [
        (6, 7, 'a key must be a plain name, one of repo, cause, labels, parked, unparked, skills, effort, default_skill, name, description, contact, note'),  # noqa: E501
    ],
    '44-bad-exclude.yaml': [
        (6, 15, "'web site' is not a repo name (letters, digits, '-', '.', '_')"),
        (6, 25, 'a name in `exclude` is empty: remove it'),
    ],
    '45-url-key.yaml': [
        (4, 5, "unknown key 'url' in this entry — did you mean 'repo'?"),
        (4, 5, 'entry without `repo: owner/name` (or `org: name` for a whole organization)'),
    ],
    '46-blank-label.yaml': [
        (6, 32, 'a label name is empty: remove it'),
    ],
    '47-skill-label-twice.yaml': [
        (8, 7, "label 'frontend' is mapped twice (labels match case-insensitively)"),
    ],
    # Each mistake at its own line, in plain words (issue 12 item 5).
    '48-missing-colon.yaml': [
        (5, 10, 'missing colon after `cause`: write `cause: civic-tech`'),
    ],
    '49-unclosed-bracket.yaml': [
        (6, 13, 'YAML syntax: the `[` list that starts here is never closed: add the closing `]`'),
    ],
    '50-merge-conflict.yaml': [
        (6, 1, f'merge conflict: the `<<<<<<<` line is left from a merge — {MERGE}'),
        (9, 1, f'merge conflict: the `=======` line is left from a merge — {MERGE}'),
        (12, 1, f'merge conflict: the `>>>>>>>` line is left from a merge — {MERGE}'),
    ],
    '51-dash-without-space.yaml': [
        (6, 3, 'a space is missing after `-`: write `- repo:`'),
    ],
    '52-over-indented-key.yaml': [
        (6, 7, '`note` is indented more than `cause` above it: line the two up (column 5)'),
    ],
    '53-under-indented-key.yaml': [
        (6, 4, '`note` is indented less than `cause` above it: line the two up (column 5)'),
    ],
    '54-no-break-space.yaml': [
        (5, 11, f'{NBSP}: type an ordinary space instead, or put the value in quotes if you mean it'),
    ],
    '55-tab-after-colon.yaml': [
        (5, 11, 'a tab: type spaces instead (YAML takes tabs only inside quotes)'),
    ],
    '56-labels-commas.yaml': [
        (6, 13, '`labels` must be a list — write labels: [good first issue, help wanted]'),
    ],
    '57-curly-quotes-label.yaml': [
        (6, 14, "label '“good first issue”' has curly quotes, which never match a GitHub label: use straight quotes (\") or none — did you mean 'good first issue'?"),  # noqa: E501
    ],
    '58-curly-quotes-repo.yaml': [
        (4, 11, "`repo` '“hackforla/website”' has curly quotes, which never match a GitHub name: use straight quotes (\") or none — did you mean 'hackforla/website'?"),  # noqa: E501
    ],
    '59-contact-cut-by-hash.yaml': [
        (6, 20, "`contact` is cut short at ` #`, which starts a comment, so it reads 'Slack': put the whole value in quotes: contact: \"Slack #volunteers\" (or move a comment to a line of its own)"),  # noqa: E501
    ],
    '60-unclosed-quote-mid-file.yaml': [
        (6, 11, 'YAML syntax: the quoted value that starts here is never closed: add the closing quote'),
    ],
    '61-no-space-after-colon.yaml': [
        (5, 11, 'a space is missing after `:`: write `cause: civic-tech`'),
    ],
    '62-no-break-space-indent.yaml': [
        (6, 2, f'{NBSP}, in the indentation: indent with ordinary spaces'),
    ],
    '63-under-indented-entry.yaml': [
        (6, 2, 'this `-` is indented less than the `-` of the entry above it: line the two up (column 3)'),
    ],
    '64-parked-commas.yaml': [
        (6, 13, '`parked` must be a list — write parked: [on hold, blocked]'),
    ],
    '65-parked-unparked-errors.yaml': [
        (3, 11, 'empty `parked` list: name at least one label, or remove `parked`'),
        (7, 25, "label 'blocked' is listed twice (labels match case-insensitively)"),
    ],
    '66-name-only-comment.yaml': [
        (6, 11, '`name` is empty: YAML reads ` #` and what follows as a comment — quote it: name: "#hackforla"'),
    ],
}
# fmt: on


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_malformed_file_reports_exact_problems(name):
    with pytest.raises(errors.SourcesInvalid) as raised:
        sources.load(str(CASES_DIR / name))
    got = [(p.line, p.col, p.message) for p in raised.value.problems]
    assert got == EXPECTED[name]
    assert all(p.path == str(CASES_DIR / name) for p in raised.value.problems)


def test_every_case_file_is_in_the_table():
    assert sorted(p.name for p in CASES_DIR.glob("*.yaml")) == sorted(EXPECTED)
    assert len(EXPECTED) >= 30


def test_check_prints_editor_form_and_exits_2(capsys):
    path = CASES_DIR / "34-several-problems.yaml"
    assert cli.main(["check", "--sources", str(path)]) == cli.EXIT_BAD_INPUT
    printed = capsys.readouterr().err.splitlines()
    assert printed == [
        f"{path}:{line}:{col}: error: {message}" for line, col, message in EXPECTED[path.name]
    ]
