"""The Jinja2 environment: the theme chain, filters that make strangers' text safe, page rendering."""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from pathlib import Path
from urllib.parse import urlsplit

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, StrictUndefined, TemplateError

from ...core.errors import RenderError
from ...core.dates import parse_time
from ..plan import repo_path

THEMES_DIR = Path(__file__).resolve().parents[3] / "themes"
HEX_COLOR = re.compile(r"^[0-9a-fA-F]{6}$")


def theme_chain(theme: str = "default", overrides: str | Path | None = None) -> tuple[Path, ...]:
    """Where templates and static files are looked up, first match wins: overrides → theme → default."""
    chain = [Path(overrides)] if overrides else []
    chain.append(THEMES_DIR / theme)
    if theme != "default":
        chain.append(THEMES_DIR / "default")
    missing = [str(p) for p in chain if not p.is_dir()]
    if missing:
        raise RenderError(f"theme folder {missing[0]} does not exist; check --theme / the overrides folder")
    return tuple(chain)


class Links:
    """Turns site-relative paths into links that work under any base URL (`/`, `/repo/`, a full URL)."""

    def __init__(self, base_url: str):
        parts = urlsplit(base_url if base_url.endswith("/") else base_url + "/")
        self.prefix = parts.path or "/"
        self.origin = f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else ""

    def url(self, path: str) -> str:
        return self.prefix + path

    def absolute(self, path: str) -> str:
        """A full URL where the base URL has a host (canonical links, feeds); else the prefixed path."""
        return self.origin + self.url(path)


def make_environment(chain: tuple[Path, ...], links: Links, now: datetime) -> Environment:
    """A Jinja2 environment that escapes everything by default and knows the site's links and clock."""
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
        iso=lambda value: _iso(value),
        ago=lambda value: ago(value, now),
        day=lambda value: (parse_time(value).strftime("%-d %b %Y") if parse_time(value) else ""),
        duration=duration,
    )
    return env


def render_template(env: Environment, name: str, **context) -> bytes:
    """One template to UTF-8 bytes; template faults become RenderError naming the template."""
    try:
        return env.get_template(name).render(**context).encode("utf-8")
    except TemplateError as error:
        raise RenderError(f"template {name}: {error}") from error


def github_url(url: str) -> str:
    """The URL when it points at GitHub over https, else "" (a stranger's javascript: link is dropped)."""
    return url if isinstance(url, str) and url.startswith("https://github.com/") and '"' not in url else ""


def label_class(color: str) -> str:
    """CSS class for a label colour; only 6 hex digits are accepted (CSP forbids inline styles)."""
    return f"lc-{color.lower()}" if isinstance(color, str) and HEX_COLOR.match(color) else ""


def _iso(value: str) -> str:
    parsed = parse_time(value)
    if parsed is None:
        return ""
    return parsed.strftime("%Y-%m-%d") if len(value) == 10 else parsed.strftime("%Y-%m-%dT%H:%M:%SZ")


def ago(value: str, now: datetime) -> str:
    """"3 days ago" measured from the data's own time, so builds stay deterministic."""
    then = parse_time(value)
    if then is None:
        return "date unknown"
    days = (now - then).days
    if days < 1:
        return "today"
    for size, unit in ((365, "year"), (30, "month"), (7, "week"), (1, "day")):
        if days >= size:
            count = days // size
            return f"{count} {unit}{'s' if count != 1 else ''} ago"
    return "today"


def duration(wait: timedelta) -> str:
    """A wait in the largest unit that fits: "3 hours", "2 days", "5 weeks"."""
    hours = int(wait.total_seconds() // 3600)
    for size, unit in ((24 * 7, "week"), (24, "day"), (1, "hour")):
        if hours >= size:
            count = hours // size
            return f"{count} {unit}{'s' if count != 1 else ''}"
    return "under an hour"
