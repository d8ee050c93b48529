"""Pure: an issue, its repo and its sources.yaml entry → skill areas, effort and the reasons why."""

from __future__ import annotations

from .model import Classification, Effort, Issue, Repo, SkillArea, Source

LABEL_SKILLS = {
    "role: front end": SkillArea.FRONTEND,
    "frontend": SkillArea.FRONTEND,
    "front-end": SkillArea.FRONTEND,
    "role: back end/devops": SkillArea.BACKEND,
    "backend": SkillArea.BACKEND,
    "back-end": SkillArea.BACKEND,
    "role: design": SkillArea.DESIGN,
    "design": SkillArea.DESIGN,
    "ux": SkillArea.DESIGN,
    "role: data analysis": SkillArea.DATA,
    "data": SkillArea.DATA,
}
LABEL_EFFORT = {
    "size: 0.25pt": Effort.SMALL,
    "size: 0.5pt": Effort.SMALL,
    "size: 1pt": Effort.SMALL,
    "size: 2pt": Effort.MEDIUM,
    "size: 3pt": Effort.MEDIUM,
    "size: 5pt": Effort.LARGE,
    "complexity: small": Effort.SMALL,
    "complexity: medium": Effort.MEDIUM,
    "complexity: large": Effort.LARGE,
}


def classify(issue: Issue, repo: Repo | None = None, source: Source | None = None) -> Classification:
    """Skill areas and effort for one issue: the repo's own map first, then label conventions."""
    repo_skills = dict(source.skills) if source else {}
    repo_effort = dict(source.effort) if source else {}
    skills: dict[SkillArea, str] = {}
    effort: tuple[Effort, str] | None = None
    for label in issue.labels:
        name = label.name.lower()
        if name in repo_skills:
            skills.setdefault(repo_skills[name], f"repo map: `{label.name}` → {repo_skills[name]}")
        elif name in LABEL_SKILLS:
            skills.setdefault(LABEL_SKILLS[name], f"label `{label.name}`")
        if effort is None and name in repo_effort:
            effort = (repo_effort[name], f"repo map: `{label.name}` → {repo_effort[name]}")
        elif effort is None and name in LABEL_EFFORT:
            effort = (LABEL_EFFORT[name], f"label `{label.name}`")
    if not skills and source and source.default_skill:
        skills[source.default_skill] = f"repo default: {source.default_skill}"
    if effort is None:
        effort = (Effort.SMALL, "no size signal: beginner-labeled issues are small by default")
    ordered = tuple(area for area in SkillArea if area in skills)
    return Classification(
        skills=ordered, effort=effort[0], reasons=tuple(skills[a] for a in ordered) + (effort[1],)
    )
