"""The words of sources.yaml: the causes, the shape of GitHub names, what people write instead."""

from __future__ import annotations

import difflib
import re

CAUSES: dict[str, str] = {
    "voting": "casting and counting ballots, polling places, voter information",
    "elections": "election results, candidates, campaign finance, election data",
    "organizing": "tools for organizers: texting, canvassing, member and event management",
    "campaigns": "advocacy and electoral campaign tooling, contacting representatives",
    "civic-tech": "local civic technology, brigades, city services",
    "government-data": "legislatures, bills, budgets, public records, open government",
    "justice": "criminal legal system, policing, courts, legal aid",
    "climate": "climate, energy, environment, sustainability",
    "housing": "tenants, homelessness, affordable housing",
    "labor": "unions, workers' rights, labor data",
    "health": "public health, health care, humanitarian response",
    "immigration": "immigrants' rights and services",
    "mutual-aid": "mutual aid, food access, community support",
    "democracy-tools": "participatory democracy, deliberation, civic participation platforms",
    "open-data": "open data infrastructure and public datasets",
    "nonprofit-tools": "software nonprofits and movements run on: CRM, fundraising, collaboration",
}
"""The fixed cause vocabulary: value → what it covers (shown on the "Add your repo" page)."""

ALIASES = {
    "repository": "repo",
    "url": "repo",
    "organization": "org",
    "organisation": "org",
    "owner": "org",
    "category": "cause",
    "causes": "cause",
    "topic": "cause",
    "label": "labels",
    "skill": "skills",
    "size": "effort",
    "excludes": "exclude",
}
VALUE_ALIASES = {
    "front end": "frontend",
    "back end": "backend",
    "ux": "design",
    "ui": "design",
    "devops": "backend",
    "easy": "small",
    "hard": "large",
    "civic tech": "civic-tech",
    "civictech": "civic-tech",
}
OWNER = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})"
NAME = r"[A-Za-z0-9._-]{1,100}"
REPO_PATTERN = re.compile(rf"^{OWNER}/{NAME}$")
ORG_PATTERN = re.compile(rf"^{OWNER}$")
NAME_PATTERN = re.compile(rf"^{NAME}$")
# Word processors and chat apps turn typed quotes into these; no GitHub label or name contains them.
CURLY_QUOTES = {
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
    "\u201f": '"',
    "\u2018": "'",
    "\u2019": "'",
    "\u201a": "'",
    "\u201b": "'",
}


def suggest(word: str, options) -> str:
    """' — did you mean 'x'?' for the closest option, or ''."""
    lowered = word.strip().lower().replace("_", "-")
    candidates = [ALIASES.get(lowered), VALUE_ALIASES.get(lowered)]
    candidates += [o for o in options if o == lowered or o == lowered.replace(" ", "-")]
    candidates += difflib.get_close_matches(lowered, list(options), n=1, cutoff=0.6)
    found = next((c for c in candidates if c in options and c != word), None)
    return f" — did you mean {found!r}?" if found else ""


def straighten(value: str) -> str:
    """`value` with wrapping curly quotes dropped and the others made straight."""
    for opening, closing in (
        "\u201c\u201d",
        "\u2018\u2019",
        "\u201e\u201c",
        "\u201e\u201d",
        "\u201a\u2018",
    ):
        if len(value) > 1 and value[0] == opening and value[-1] == closing:
            value = value[1:-1]
            break
    return "".join(CURLY_QUOTES.get(ch, ch) for ch in value)
