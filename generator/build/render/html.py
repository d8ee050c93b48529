"""The Jinja2 environment: the theme chain, filters that keep strangers' text safe, rendering."""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, StrictUndefined, TemplateError

from ...core import dates, states
from ...core.errors import RenderError
from ..claims import Claim, Responsiveness
from ..plan import HealthRow, repo_path

THEMES_DIR = Path(__file__).resolve().parents[3] / "themes"
HEX_COLOR = re.compile(r"^[0-9a-fA-F]{6}$")


def theme_chain(theme: str = "default", overrides: str | Path | None = None) -> tuple[Path, ...]:
    """Where templates and static files are looked up, first match wins: overrides → theme →
    default.
    """
    chain = [Path(overrides)] if overrides else []
    chain.append(THEMES_DIR / theme)
    if theme != "default":
        chain.append(THEMES_DIR / "default")
    missing = [str(p) for p in chain if not p.is_dir()]
    if missing:
        raise RenderError(
            f"theme folder {missing[0]} does not exist; check --theme / the overrides folder"
        )
    return tuple(chain)


class Links:
    """Turns site-relative paths into links that work under any base URL (`/`, `/repo/`, a full
    URL).
    """

    def __init__(self, base_url: str):
        parts = urlsplit(base_url if base_url.endswith("/") else base_url + "/")
        self.prefix = parts.path or "/"
        self.origin = f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else ""

    def url(self, path: str) -> str:
        return self.prefix + path

    def absolute(self, path: str) -> str:
        """A full URL where the base URL has a host (canonical links, feeds); else the prefixed
        path.
        """
        return self.origin + self.url(path)


def make_environment(chain: tuple[Path, ...], links: Links, now: datetime) -> Environment:
    """A Jinja2 environment that escapes everything and knows the site's links and clock."""
    env = Environment(
        loader=ChoiceLoader([FileSystemLoader(str(p / "templates")) for p in chain]),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.globals.update(url=links.url, absolute_url=links.absolute, repo_href=repo_path)
    env.filters.update(
        github_url=github_url,
        label_class=label_class,
        iso=dates.iso,
        ago=lambda value: ago(value, now),
        day=dates.day,
        duration=dates.duration,
        claim_words=lambda claim: claim_words(claim, now),
        badge=badge,
        health_detail=health_detail,
        state_detail=states.detail,
    )
    return env


def render_template(env: Environment, name: str, **context) -> bytes:
    """One template to UTF-8 bytes; template faults become RenderError naming the template."""
    try:
        return env.get_template(name).render(**context).encode("utf-8")
    except TemplateError as error:
        raise RenderError(f"template {name}: {error}") from error


def github_url(url: str) -> str:
    """The URL when it points at GitHub over https, else "" (a stranger's javascript: link is
    dropped).
    """
    return (
        url
        if isinstance(url, str) and url.startswith("https://github.com/") and '"' not in url
        else ""
    )


def label_class(color: str) -> str:
    """CSS class for a label colour; only 6 hex digits are accepted (CSP forbids inline styles)."""
    return f"lc-{color.lower()}" if isinstance(color, str) and HEX_COLOR.match(color) else ""


def ago(value: str, now: datetime) -> str:
    """ "3 days ago" measured from the data's own time, so builds stay deterministic."""
    then = dates.parse_time(value)
    return dates.ago(then, now) if then else "date unknown"


def claim_words(claim: Claim, now: datetime) -> str:
    """Why an issue is taken, as a card says it: "assigned to @x", "PR #12 open"."""
    if claim.kind == "assigned":
        return "assigned to " + ", ".join(f"@{name}" for name in claim.by)
    if claim.kind == "pull-request":
        number = re.search(r"/pull/(\d+)", claim.link)
        return f"PR #{number.group(1)} open" if number else "a pull request is open"
    if claim.kind == "comment":
        return f"claimed in a comment {ago(claim.since, now)}"
    if claim.kind == "unknown":
        return "GitHub did not return its comments, so a claim in them could not be checked"
    return "marked assigned when captured"


def badge(answers: Responsiveness) -> str:
    """A card's short line on how quickly the project answers."""
    if not answers.mostly_answered:
        return f"answered {answers.answered} of {answers.sample} recent issues"
    return f"usually answers {dates.within(answers.median)}"


def health_detail(row: HealthRow) -> str:
    """What an entry's state means, for the health page."""
    if row.repo is None:
        return "org entry not fetched yet" if row.source.is_org else ""
    return states.detail(row.repo, row.source)
