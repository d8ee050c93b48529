"""Pure: what one issue comment says: a claim on the issue, a release of it, or neither.

Phrase rules read it first (English sentence structure here, bot commands and fixed phrases in many
languages in claims_words); where they find nothing, a small learned model (claims_model) reads its
words and characters and adds a claim or a release when it is sure: the rules are precise, the
model catches some phrasings they lack. Both are measured with whole repositories left out by
bench/claims_eval.py (docs/claims.md has the figures)."""

from __future__ import annotations

import re
from typing import Literal

from . import claims_model
from . import claims_words as words

CommentKind = Literal["claim", "release"]

# The rules are English sentence structure (who does what to the issue) plus fixed phrases per
# language (claims_words). Each table is one compiled alternation searched once per comment: the
# build reads up to 10 comments of every issue, so a comment costs tens of microseconds, not more.

_SPELLINGS = {
    "i'm": "i am",
    "im": "i am",
    "i m": "i am",
    "m": "i am",
    "i'd": "i would",
    "i'll": "i will",
    "i've": "i have",
    "won't": "will not",
    "can't": "can not",
    "cannot": "can not",
    "n't": " not",
    "lemme": "let me",
    "assgin": "assign",  # "please assgin me", "asign me"
    "assing": "assign",
    "assingn": "assign",
    "asign": "assign",
    "asssign": "assign",
}
_SPELLING = re.compile(
    r"\b(?:i'm|i'd|i'll|i've|won't|can't|cannot|lemme|assgin|assing|assingn|asign|asssign)\b|n't\b"
    r"|\b(?:im|i m)\b(?= (?:working|going|still|not|on|interested|trying|done|currently|also))"
    r"|(?<![\w'])m(?= still\b)|\b(we|you|they)'(re|ve|ll|d)\b"
)
_TYPOGRAPHY = str.maketrans(
    {"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u3000": " "}
)
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_QUOTED = re.compile(r"`[^`]*`|\"[^\"\n]*\"|【[^】]*】|「[^」]*」|『[^』]*』|https?://\S+")
_QUOTE_MARKS = ("`", '"', "【", "「", "『", "http")


def _any(*tables: tuple[str, ...], prefix: str = "") -> re.Pattern[str]:
    """One pattern that matches where any pattern of the tables does: one scan instead of many."""
    return re.compile(prefix + "(?:" + "|".join(p for t in tables for p in t) + ")", re.MULTILINE)


# Bot commands. Alone, a bare word is one ("take", "claim 3 weeks", "@zulipbot claim"); inside a
# sentence only a marked one is ("let me /claim", "please !assign me", "making this /available").
_CLAIM_COMMAND = re.compile(
    r"^(?:@[\w-]+\s+|[\w-]*bot\s+)?(?:[/!.\\]?(?:take|take-issue|assign|claim|claim-issue|attempt)|[/!.\\]"
    rf"(?:{words.CLAIM_VERBS}))(?:\s+(?:me|@[\w-]+|[\w-]+|\d+\s*[a-z]*))?(?:\s+@[\w-]+)?$"
)
_INLINE_CLAIM_COMMAND = re.compile(
    r"(?:^|(?<!use)(?<!using)(?<!type)(?<!with)(?<!write)(?<!the)\s)"
    r"[/!\\](?:take|assign|claim|claim-issue|attempt|self-assign|assign-me|assignme|"
    r"take-issue|pick)\b(?!-)|^\s*@[\w-]+!?\s+(?:claim|take|assign(?: me)?)\W*$",
    re.MULTILINE,
)
_RELEASE_COMMAND = re.compile(
    rf"^(?:@[\w-]+\s+)?[/!.]?(?:{words.RELEASE_VERBS})(?:\s+(?:me|@[\w-]+))?$"
)
_INLINE_RELEASE_COMMAND = re.compile(
    rf"(?:^|\s)[/!\\](?:{words.RELEASE_VERBS})\b(?!-)|^\s*@[\w-]+\s+(?:{words.BOT_RELEASE_VERBS})\b",
    re.MULTILINE,
)
_COMMAND_MARKS = ("/", "!", "\\", "@")
# "/assign @ana", "@0crat assign @ana @bo" on a line of their own: the issue handed to those named.
_ASSIGNS_NAMED = re.compile(
    r"^\s*(?:[/!]|@[\w-]+\s+)assign\s+(@[\w-]+(?:[\s,]+@[\w-]+)*)\s*$",
    re.MULTILINE | re.IGNORECASE,
)

_EN_RELEASES = (
    # someone removes the claimant: "we are going to unassign you", "i have unassigned myself"
    r"\b(?:i|we)\s+(?:have\s+|will\s+|am\s+|are\s+|going to\s+|just\s+)*"
    r"unassign(?:ed|ing)?\s+(?:you|myself|yourself|him|her|them)\b",
    r"\bunassigned\s+you\b",
    r"\bbeen\s+unassigned\b",
    r"\bunassign(?:ed|ing)?\s+(?:\w+\s+)?(?:due to|because of)\b",
    r"\bremov(?:e|ed|ing)\s+you\s+from\s+the\s+assign",
    # the claimant gives up: "i will drop it", "i do not want this", "no longer working on it"
    r"\bi\s+(?:will|would|am going to|have to|must)\s+(?:have to\s+)?"
    r"(?:drop|leave|abandon|give up|release)\s+(?:it|this)\b",
    r"\bi\s+(?:do not|no longer)\s+want\s+(?:to\s+(?:take|work "
    r"on|do)\s+(?:up\s+|on\s+)?)?(?:it|this|the issue)\b"
    r"(?!\s+to\b)",  # "i do not want this to affect ..." keeps the issue
    r"\bunassign\s+me\b",
    r"\bno longer\s+(?:be\s+)?(?:able to\s+)?work(?:ing)?\s+on\b",
    r"\bnot\b[^.?!]{0,30}\bworking on\b[^.?!]{0,30}\banymore\b",
    r"\b(?:will not|can not|could not)\s+(?:be able to\s+)?(?:continue|work "
    r"on|finish|get to)\s+(?:it|this|on)\b",
    # open to others: "feel free to pick this up", "up for grabs"
    r"\bfeel free to (?:pick (?:it|this) up|take (?:it |this )?over|take (?:it|this)\b|work "
    r"on (?:it|this)|grab)",
    r"\bup for grabs\b",
    r"\b(?:still|now|again)\s+available\b|\bavailable\s+again\b",
    r"\b(?:someone|somebody|anyone|anybody|others|other \w+)\s+(?:else\s+)?"
    r"(?:can|could|may|wants? to|is welcome to|are welcome to)\s+"
    r"(?:take|pick|work on|grab)\s+(?:it|this|that|over|up)\b",
)
# A first-person request to be given the issue: "assign it to me", "can i be assigned".
_EN_ASKED = (
    r"\bassign\s+(?:(?:it|this|that|the|this issue|the issue|this task|the task|this one)\s+)?"
    r"(?:to\s+)?me\b(?!\s+(?:a|an|any|some|another|one)\b)",
    r"\balready\s+assigned\s+to\s+me\b",
    r"\b(?:can|could|would|may|will)\s+(?:it|this|this issue|i)\s+(?:please\s+)?(?:be|have)\s+"
    r"(?:\w+\s+)?assigned\s+to\s+me\b",
    r"\bi\s+(?:\w+\s+){0,3}be\s+assigned\b",
    r"\bthanks?\s+(?:you\s+)?for\s+assigning\s+me\b",
    r"\bi\s+(?:have\s+)?(?:just\s+|now\s+)?(?:self-)?assigned\s+(?:it to\s+|this "
    r"to\s+)?myself\b",
    r"\bi\s+(?:would like to|want to)\s+claim\b",
    r"\bplease\s+assign(?:\s+(?:it|this))?\W*$",  # "..., please assign": to the writer
    # a pull request: "i have opened a pr for this"
    r"\bi\s+(?:(?:have|just|recently|already|now|also)\s+)*(?:opened|created|raised|submitted|"
    r"generated|made|sent|filed)\s+(?:a|the|my)?\s*(?:draft\s+)?(?:pr|pull request)\b",
    r"\bmy\s+(?:pr|pull request)\s+(?:that|which)\s+(?:addresses|fixes|resolves|closes)\b",
)
# "ETA: Friday", an answer rather than the question "ETA: (when?)"
_ETA = re.compile(r"^\W*(?:\d+\W+)?eta\W*[:\-][^?\n]*$", re.MULTILINE)

_RELEASES = _any(_EN_RELEASES, words.EN_RELEASES, words.WORD_RELEASES)
_SCRIPT_RELEASES = _any(words.SCRIPT_RELEASES)
_NOT_RELEASE = _any(words.EN_NOT_RELEASE)
_ASKED = _any(_EN_ASKED, words.EN_REQUESTS, words.WORD_CLAIMS)
_STATED = _any(words.EN_CLAIMS)
_OPENER = _any(words.EN_OPENERS, prefix=words.OPENER_FILLER)
_SCRIPT_CLAIMS = _any(words.SCRIPT_CLAIMS)
_SCRIPT_OPENER = _any(words.ZH_OPENERS)
_NOT_SCRIPT_CLAIM = _any(words.SCRIPT_NOT_CLAIM)
_SETTING = re.compile(words.EN_SETTING)
_ELSEWHERE = re.compile(words.EN_TAKEN_ELSEWHERE)

# What a claimant says they will do to the issue, and the words allowed between "i" and that verb.
_ACTION = re.compile(
    r"\b(?:work(?:ing)?(?: further)? (?:on|under)|tak(?:e|ing)(?: on| up| a look "
    r"at)?|pick(?:ing)? up|claim|do|doing|"
    r"contribut(?:e|ing) to|help(?:ing)? with|look(?:ing)? into|tackl(?:e|ing)|handl(?:e|ing)|"
    r"fix(?:ing)?|solv(?:e|ing)|resolv(?:e|ing)|finish(?:ing)?|finaliz(?:e|ing)|complet(?:e|ing)|"
    r"implement(?:ing)?|try|trying)"
    r"\s+(?:this|that|it|them|these|#\d+|the "
    r"(?:issue|task|bug|one))\b(?!\s+(?:project|repo|repository|app)\b)"
    r"|\bpick(?:ing)?\s+(?:this|it|that)(?:\s+one)?\s+up\b"
    # "work on fixing it", "work on completing the curation"
    r"|\bwork(?:ing)?\s+on\s+(?!the\b)[a-z]+ing\b"
)
_PRONOUNS = frozenset(
    [
        "i",
        "me",
        "you",
        "your",
        "we",
        "they",
        "he",
        "she",
        "someone",
        "somebody",
        "anyone",
        "anybody",
        "everyone",
        "who",
        "people",
        "others",
    ]
)
_MODALS = frozenset(
    [
        "would",
        "will",
        "can",
        "could",
        "may",
        "shall",
        "want",
        "wanna",
        "wish",
        "like",
        "love",
        "going",
        "gonna",
        "interested",
        "passionate",
        "willing",
        "excited",
        "eager",
        "keen",
        "ready",
        "happy",
        "glad",
        "attempt",
        "expect",
        "plan",
        "hope",
        "am",
        "started",
        "start",
    ]
)
_FILLER = _MODALS | frozenset(
    [
        "to",
        "also",
        "please",
        "really",
        "very",
        "definitely",
        "just",
        "still",
        "be",
        "in",
        "try",
        "starting",
        "begin",
        "have",
        "been",
        "already",
        "currently",
        "now",
        "able",
        "happily",
        "gladly",
    ]
)
_CLAUSE = re.compile(r"[.?!;\n]+")
_OPENING = re.compile(r"[.!,;:\n]+\s*")
# Sentences end at ". " or a blank line, not at single line breaks (mail replies wrap mid-sentence),
# and at CJK stops and commas, which no space follows.
_SENTENCE = re.compile(r"(?<=[.?!])\s|\n\s*\n|(?<=[。！？，])")
_PART = re.compile(r",|\b(?:and|but|so|then)\b")
_WORD = re.compile(r"[a-z#@][\w'-]*")
_PUNCTUATION = re.compile(r"[\s:;,.!?)(]+")
_SCRIPT = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]")
"""Kana, CJK ideographs, Hangul: the letters the character-led tables are written in."""


def _respell(match: re.Match[str]) -> str:
    """One contraction or misspelling spelled out: "i'm" -> "i am", "assgin" -> "assign"."""
    if match.group(1):
        return f"{match.group(1)} {match.group(2)}"
    return _SPELLINGS[match.group(0)]


def _normalize(text: str) -> str:
    """Lower case, plain apostrophes, and without what the writer quoted rather than said."""
    text = text.lower().translate(_TYPOGRAPHY)
    if ">" in text:
        text = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith(">"))
    if "](" in text:
        text = _LINK.sub(r"\1", text)  # a Markdown link reads as its words
    return _SPELLING.sub(_respell, _unquoted(text))


def _unquoted(text: str) -> str:
    """Without quoted commands ("assign me", `/take`, 【已认领本任务】) and links: not said."""
    return _QUOTED.sub(" ", text) if any(mark in text for mark in _QUOTE_MARKS) else text


def _first_person_intent(text: str) -> bool:
    """ "I would like to work on this", "can I take it", "I am already working on that"."""
    for clause in _CLAUSE.split(text):
        subject = None
        for part in _PART.split(clause):
            match = _ACTION.search(part)
            found = _WORD.findall(part[: match.start()] if match else part)
            spoken = [i for i, w in enumerate(found) if w in _PRONOUNS]
            if match:
                if spoken:
                    at = spoken[-1]
                    who, gap, before = found[at], found[at + 1 :], found[max(0, at - 1) : at]
                elif subject == "i":  # "... and would like to work on it": the subject carries over
                    who, gap, before = "i", found, []
                else:
                    who, gap, before = None, [], []
                if (
                    who in ("i", "me")
                    and all(w in _FILLER for w in gap)
                    and (
                        any(w in _MODALS for w in gap)
                        or any(w in ("can", "could", "may", "shall", "let", "for") for w in before)
                    )
                ):
                    return True
            if spoken:
                subject = found[spoken[-1]]
    return False


def _releases(statements: list[str], stated: str, script: bool) -> bool:
    """A statement (not a question) or a command in one that frees the issue."""

    def frees(sentence: str) -> bool:
        return bool(
            _RELEASES.search(sentence)
            or (script and _SCRIPT_RELEASES.search(sentence))
            or (
                any(m in sentence for m in _COMMAND_MARKS)
                and _INLINE_RELEASE_COMMAND.search(sentence)
            )
        )

    # one scan over all statements; only a hit is checked sentence by sentence for a warning
    # ("we will need to close it if it stalls, so that someone else can work on it")
    return frees(stated) and any(frees(s) and not _NOT_RELEASE.search(s) for s in statements)


def _claims(said: str, bare: str, stated: str, script: bool) -> bool:
    """A claiming command, a request for the issue, or a statement of work on it."""
    if _CLAIM_COMMAND.match(bare) or (
        any(m in said for m in _COMMAND_MARKS) and _INLINE_CLAIM_COMMAND.search(said)
    ):
        return True
    if _ASKED.search(said) or ("eta" in said and _ETA.search(said)):
        return True
    if stated and (_STATED.search(stated) or any(_OPENER.match(c) for c in _OPENING.split(stated))):
        return True
    if _first_person_intent(said):
        return True
    if script:
        unmasked = _NOT_SCRIPT_CLAIM.sub(" ", said)
        return bool(_SCRIPT_CLAIMS.search(unmasked) or _SCRIPT_OPENER.match(unmasked.strip()))
    return False


def _rules(said: str) -> CommentKind | Literal["neither"] | None:
    """The phrase rules' verdict on a normalized comment: None when they have none, "neither" when
    they know it is not a claim or a release (a bug report's setting, a talk taken elsewhere), so
    no model reads it."""
    elsewhere = "tak" in said and _ELSEWHERE.search(said)
    if elsewhere:  # "i will take this to the mailing list": the rest may still claim or release
        said = _ELSEWHERE.sub(" ", said)
    bare = _PUNCTUATION.sub(" ", said).strip()
    if _RELEASE_COMMAND.match(bare):
        return "release"
    statements = [  # "still up for grabs?" asks
        s.strip()
        for s in _SENTENCE.split(said)
        if s.strip() and not s.rstrip().endswith(("?", "？"))
    ]
    stated = "\n".join(statements)
    script = not said.isascii() and bool(_SCRIPT.search(said))  # not for an emoji alone
    if _releases(statements, stated, script):
        return "release"
    if _claims(said, bare, stated, script):
        return "claim"
    return "neither" if elsewhere or _SETTING.search(said) else None


def rule_kind(text: str) -> CommentKind | Literal["neither"] | None:
    """What the phrase rules alone read in a comment: claim, release, neither, or nothing (None)."""
    return _rules(_normalize(text))


def model_features(text: str) -> list[str]:
    """The features the learned model reads in a comment."""
    return claims_model.features(_normalize(text))


def read_comment(text: str, model: claims_model.ClaimsModel) -> CommentKind | None:
    """The rules' verdict when they have one, else what `model` is sure of (None: neither)."""
    said = _normalize(text)
    kind = _rules(said) or model.kind(said)
    return None if kind == "neither" else kind


def assigned_by_command(text: str) -> tuple[str, ...]:
    """The logins an assign command names ("/assign @ana" -> ("ana",)); () when it names none
    ("/assign", "/assign me") or the comment has no such command. Whoever writes it, the issue is
    theirs: a maintainer handing it over, or a volunteer naming themselves."""
    found = _ASSIGNS_NAMED.search(_unquoted(text))  # logins as the writer spelled them
    return tuple(n.lstrip("@") for n in re.split(r"[\s,]+", found.group(1))) if found else ()


def comment_kind(text: str) -> CommentKind | None:
    """Whether a comment claims the issue, gives it up, or neither (None)."""
    return read_comment(text, claims_model.shipped())
