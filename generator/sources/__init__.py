"""sources.yaml → tuple[Source], each problem with file:line:col; which entry owns which repo."""

from .fields import FIELDS
from .loader import ORG_KEYS, REPO_KEYS, load, parse
from .owners import entries, owner_of
from .vocabulary import CAUSES, suggest

__all__ = [
    "CAUSES",
    "FIELDS",
    "ORG_KEYS",
    "REPO_KEYS",
    "entries",
    "load",
    "owner_of",
    "parse",
    "suggest",
]
