"""sources.yaml → tuple[Source], every problem collected with file:line:col."""

from .loader import CAUSES, ORG_KEYS, REPO_KEYS, load, parse, suggest

__all__ = ["CAUSES", "ORG_KEYS", "REPO_KEYS", "load", "parse", "suggest"]
