"""Pure: what `check` says to machines (Actions annotations) and to people (the PR comment).

The Markdown report is posted as one pull-request comment and updated on every push; MARKER lets the
workflow find its own comment. Label names come from strangers (the PR author, the repo's owners),
so they only ever appear inside code spans built by `_code`."""

from __future__ import annotations

from dataclasses import dataclass

from ..core import text
from ..core.errors import SourcesError
from ..core.records import Readiness, Source

MARKER = "<!-- shovel-ready:sources-report -->"
MARKS = {"warning": "⚠️", "note": "ℹ️", "advice": "💡"}


@dataclass(frozen=True)
class LabelCheck:
    """One label of an entry as GitHub knows it."""

    name: str
    """As written in sources.yaml (or the defaults)."""
    found: str = ""
    """The spelling on GitHub; "" when the repo has no label by that name in any case."""
    open_issues: int | None = None
    similar: tuple[str, ...] = ()
    """The repo's labels closest to a name it lacks."""


@dataclass(frozen=True)
class Finding:
    """What GitHub said about one sources.yaml entry."""

    source: Source
    exists: bool = False
    canonical: str = ""
    """owner/name (or the org's login) as GitHub spells it now."""
    private: bool = False
    archived: bool = False
    issues_enabled: bool = True
    labels: tuple[LabelCheck, ...] = ()
    open_issues: int | None = None
    """Open issues (not pull requests) carrying any of the entry's labels."""
    org_repos: int | None = None
    """For an org: its public, non-archived repos that will be read, after `exclude`."""
    unknown_excluded: tuple[str, ...] = ()
    error: str = ""
    """Why the entry could not be checked (network, rate limit), "" when it was."""
    readiness: Readiness | None = None
    """What a newcomer will find in the repo (contributing guide, dev environment, …), when read."""

    @property
    def level(self) -> str:
        """ "warning" when anything needs the maintainer's attention, else "ok"."""
        return "warning" if any(kind == "warning" for kind, _ in notes(self)) else "ok"


def annotation(problem: SourcesError, level: str = "error") -> str:
    """A `::error file=…,line=…,col=…::message` workflow command, so the problem shows on the PR
    diff."""
    return text.annotation(
        level,
        problem.message,
        file=problem.path,
        line=problem.line,
        col=problem.col,
        title="sources.yaml check",
    )


def _names(labels) -> str:
    return ", ".join(text.md_code(name) for name in labels)


def notes(finding: Finding) -> list[tuple[str, str]]:
    """("warning" | "note", Markdown sentence) about one entry, most important first."""
    source, out = finding.source, []
    if finding.error:
        return [
            (
                "warning",
                f"Could not be checked: {text.md_code(finding.error)}. The next push checks again.",
            )
        ]
    if not finding.exists:
        what = "organization" if source.is_org else "public repository"
        return [
            (
                "warning",
                f"GitHub has no {what} {text.md_code(source.repo)}: check the spelling"
                + ("." if source.is_org else ", or whether the repo is private."),
            )
        ]
    if finding.canonical.lower() != source.repo.lower():
        out.append(
            (
                "warning",
                f"Renamed: GitHub now calls it {text.md_code(finding.canonical)}. Write "
                f"`{'org' if source.is_org else 'repo'}: {finding.canonical}` instead.",
            )
        )
    elif finding.canonical != source.repo:
        out.append(
            (
                "note",
                f"GitHub spells it {text.md_code(finding.canonical)} (names match "
                "case-insensitively).",
            )
        )
    if finding.private:
        out.append(("warning", "The repository is private: only public repositories are listed."))
    if finding.archived:
        out.append(
            (
                "warning",
                "The repository is archived: it has no issues to take until it is unarchived.",
            )
        )
    if not finding.issues_enabled:
        out.append(
            ("warning", "Issues are disabled on this repository: turn them on in its settings.")
        )
        return out
    if source.is_org:
        return out + _org_notes(finding)
    return out + _label_notes(finding) + _readiness_notes(finding.readiness)


def _org_notes(finding: Finding) -> list[tuple[str, str]]:
    out = []
    if finding.unknown_excluded:
        out.append(
            (
                "warning",
                f"`exclude` names {_names(finding.unknown_excluded)}, which "
                f"{'is not a repo' if len(finding.unknown_excluded) == 1 else 'are not repos'} of "
                "the org.",
            )
        )
    if finding.org_repos == 0:
        out.append(
            ("warning", "The organization has no public, non-archived repositories to read.")
        )
    elif finding.org_repos is not None:
        out.append(
            (
                "note",
                f"{finding.org_repos} public, non-archived "
                f"{'repository' if finding.org_repos == 1 else 'repositories'} will be read.",
            )
        )
    return out


NO_CONTRIBUTING = (
    "No contributing guide: volunteers will not know how to start. A `CONTRIBUTING.md` that says how to "
    "set up and where to ask helps most."
)
NO_ENVIRONMENT = (
    "No dev container, compose file or Gitpod file: with one, a volunteer can start in minutes instead "
    "of spending the evening on setup."
)
NO_CONDUCT = "No code of conduct: newcomers look for one before they join in."
NO_OUTSIDERS = (
    "None of the last {merged} merged pull requests came from outside the project: say in the issues "
    "that newcomers' work is welcome."
)


def _readiness_notes(found: Readiness | None) -> list[tuple[str, str]]:
    """Advice on what a newcomer will find, never a warning: the entry is fine without any of it."""
    if found is None:
        return []
    said = (
        (not found.contributing, NO_CONTRIBUTING),
        (not found.dev_environment, NO_ENVIRONMENT),
        (not found.code_of_conduct, NO_CONDUCT),
        (found.merged and not found.merged_from_outside, NO_OUTSIDERS.format(merged=found.merged)),
    )
    return [("advice", text) for missing, text in said if missing]


def _label_notes(finding: Finding) -> list[tuple[str, str]]:
    out, source = [], finding.source
    missing = [check for check in finding.labels if not check.found]
    for check in finding.labels:
        if check.found and check.found != check.name:
            out.append(
                (
                    "note",
                    f"Label {text.md_code(check.name)} is spelled {text.md_code(check.found)} on "
                    "GitHub; it "
                    "matches (case is ignored), but the exact spelling reads better.",
                )
            )
    if source.labels_from_defaults and len(missing) == len(finding.labels):
        similar = sorted({name for check in missing for name in check.similar}, key=str.lower)
        hint = f" Its closest labels: {_names(similar)}." if similar else ""
        out.append(
            (
                "warning",
                f"The repo has none of the default labels ({_names(source.labels)}): add "
                f"`labels:` with the ones your beginner issues carry.{hint}",
            )
        )
    elif not source.labels_from_defaults:
        for check in missing:
            hint = f" Did you mean {_names(check.similar)}?" if check.similar else ""
            out.append(
                ("warning", f"Label {text.md_code(check.name)} does not exist on the repo.{hint}")
            )
    if finding.open_issues == 0 and len(missing) < len(finding.labels):
        out.append(
            (
                "warning",
                "No open issue carries these labels: the repo won't be listed until it has "
                "open labeled issues.",
            )
        )
    return out


def _verdict(finding: Finding) -> str:
    warnings = [text for kind, text in notes(finding) if kind == "warning"]
    if not warnings:
        return "✅ ready"
    return f"⚠️ {len(warnings)} {'warning' if len(warnings) == 1 else 'warnings'}"


def markdown(findings, problems, checked_all: bool) -> str:
    """The whole report: offline problems first (they block), then one row and notes per entry."""
    lines = [MARKER, "## sources.yaml check", ""]
    if problems:
        lines += [
            f"❌ **{len(problems)} {'problem' if len(problems) == 1 else 'problems'} to fix** "
            "before "
            "GitHub can be asked about the entries (the checks on the PR diff mark the same "
            "lines):",
            "",
        ]
        lines += [f"- line {p.line}, column {p.col}: {text.md_code(p.message)}" for p in problems]
        return "\n".join(lines) + "\n"
    ordered = sorted(findings, key=lambda f: (f.source.line, f.source.key))
    scope = "every entry" if checked_all else "the entries this pull request adds or changes"
    if not ordered:
        lines.append(f"✅ The file is valid. No entry to ask GitHub about ({scope}).")
        return "\n".join(lines) + "\n"
    warned = sum(1 for f in ordered if f.level == "warning")
    lines += [
        f"The file is valid. GitHub was asked about {scope}: {len(ordered)} checked, "
        f"{warned} with warnings. This report is advice: only the line check blocks merging.",
        "",
        "| entry | line | result | open labeled issues |",
        "| --- | --- | --- | --- |",
    ]
    for f in ordered:
        count = "—" if f.open_issues is None else str(f.open_issues)
        kind = "org " if f.source.is_org else ""
        lines.append(
            f"| {kind}{text.md_cell(f.source.repo)} | {f.source.line} | {_verdict(f)} | {count} |"
        )
    for f in ordered:
        said = notes(f)
        if said:
            lines += ["", f"### {text.md_code(f.source.repo)} (line {f.source.line})", ""]
            lines += [f"- {MARKS[kind]} {text}" for kind, text in said]
    return "\n".join(lines) + "\n"
