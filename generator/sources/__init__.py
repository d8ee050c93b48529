"""sources.yaml → tuple[Source], every problem collected with file:line:col; and which entry owns which repo."""

from .loader import CAUSES, ORG_KEYS, REPO_KEYS, load, parse, suggest
from .owners import entries, owner_of

__all__ = ["CAUSES", "ORG_KEYS", "REPO_KEYS", "entries", "load", "owner_of", "parse", "suggest"]
