"""The raw lines of sources.yaml, for the mistakes a YAML parser reports late or in its own words.

PyYAML notices a missing colon on the line after it and calls an over-indented key "mapping values
are not allowed here". This scan finds each such mistake on its own line, with the fix in plain
words. `always` findings are mistakes whatever the parser says (merge-conflict markers, tabs,
no-break spaces, `-repo:`); the others are guesses about layout, used only when the parser failed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

BREAKS = re.compile(r"\r\n|[\r\n\x85\u2028\u2029]")  # YAML's line breaks, so line numbers agree
CONFLICT = re.compile(r"(<{7}|={7}|>{7}|\|{7})(?=[ \t]|$)")
QUOTED_KEY = r"\"(?:[^\"\\]|\\.)*\"|'(?:[^']|'')*'"
PLAIN_KEY = r"[^\s\-?:,\[\]{}#&*!|>'\"%@`](?:[^\t#]*?[^\s])?"
KEY = re.compile(rf"(?P<key>{QUOTED_KEY}|{PLAIN_KEY})[ ]*:(?=[ \t]|$)")
DASH_NO_SPACE = re.compile(r"-(?P<key>[A-Za-z_][\w-]*):(?=[ \t]|$)")
WORD = re.compile(
    r"(?P<word>[^\s:#\"'\[\]{}]+)(?::(?P<glued>\S.*)|[ \t]+(?P<rest>[^#]*?))?[ \t]*(?:#.*)?$"
)
UNCLOSED = {
    '"': "the quoted value that starts here is never closed: add the closing quote",
    "'": "the quoted value that starts here is never closed: add the closing quote",
    "[": "the `[` list that starts here is never closed: add the closing `]`",
    "{": "the `{` mapping that starts here is never closed: add the closing `}`",
}
NBSP = "\u00a0"


@dataclass(frozen=True)
class Finding:
    line: int
    """0-based, as YAML marks count."""
    col: int
    """0-based, in characters."""
    message: str
    always: bool


@dataclass
class _Level:
    col: int
    kind: str  # "map": keys start at `col`; "seq": `- ` items start at `col`
    key: str = ""


@dataclass
class _Open:
    """Quotes and brackets still open at the end of a line: YAML lets them run on below."""

    parent: int
    """The indent the lines they run on to must exceed."""
    quote: tuple[int, int, str] | None = None
    """(line, column, quote character) of an open quote."""
    brackets: list[tuple[int, int, str]] = field(default_factory=list)
    """(line, column, bracket) of each open `[` or `{`, outermost first."""
    broken: bool = False
    """A bracket was closed by the wrong one: the open one will never be closed."""


def split_lines(text: str) -> list[str]:
    """The lines of `text` as YAML numbers them (without a leading byte-order mark, as YAML)."""
    return BREAKS.split(text.removeprefix("\ufeff"))


def scan(lines: list[str]) -> list[Finding]:
    """Every layout mistake found, in file order."""
    walk = _Walk()
    for number, line in enumerate(lines):
        walk.line(number, line)
    walk.end()
    return walk.findings


class _Walk:
    """Follows the block structure line by line: mappings, lists, quotes, brackets, `|` text."""

    def __init__(self):
        self.findings: list[Finding] = []
        self.levels: list[_Level] = []
        self.open: _Open | None = None
        self.block: int | None = None  # the indent a `|`/`>` text's lines exceed
        self.parent = -1
        """Column of the previous line's key (or `-`)."""
        self.opens = False
        """The previous line was `key:` with nothing after it: a block may start below."""
        self.plain = False
        """The previous line's value is plain text, which may go on below."""

    def found(self, line: int, col: int, message: str, always: bool = False) -> None:
        self.findings.append(Finding(line, col, message, always))

    def end(self) -> None:
        if self.open:
            self.unclosed()

    def carry(self, number: int, text: str, at: int, state: _Open) -> None:
        self.open = _carry(number, text, at, state)
        if self.open and self.open.broken:
            self.unclosed()

    def unclosed(self) -> None:
        line, col, what = self.open.quote or self.open.brackets[0]
        self.found(line, col, f"YAML syntax: {UNCLOSED[what]}")
        self.open = None

    def line(self, number: int, text: str) -> None:
        indent = len(text) - len(text.lstrip(" "))
        if marker := CONFLICT.match(text):
            self.found(
                number,
                0,
                f"merge conflict: the `{marker[1]}` line is left from a merge — keep the lines "
                "you want and delete the `<<<<<<<`, `=======` and `>>>>>>>` lines",
                True,
            )
            return
        if not text.strip(" \t") or text[indent:].startswith("#"):
            return
        if self.block is not None and indent > self.block:
            return
        self.block = None
        if self.open:
            if indent > self.open.parent:
                self.carry(number, text, 0, self.open)
                return
            self.unclosed()
        if self.always(number, text, indent):
            return
        self.shape(number, text, indent)

    def always(self, number: int, text: str, indent: int) -> bool:
        """Record the mistakes that are mistakes anywhere; True when the line needs no more study."""
        lead = text[indent : indent + 1]
        if lead in ("\t", NBSP):
            what = (
                "a tab"
                if lead == "\t"
                else "a no-break space (U+00A0), often pasted from a web page,"
            )
            self.found(
                number, indent, f"{what} in the indentation: indent with ordinary spaces", True
            )
            return True
        dash = DASH_NO_SPACE.match(text, indent)
        if dash:
            self.found(
                number, indent, f"a space is missing after `-`: write `- {dash['key']}:`", True
            )
            return True
        for col, ch in _code(text, indent):
            if ch == "\t":
                self.found(
                    number,
                    col,
                    "a tab: type spaces instead (YAML takes tabs only inside quotes)",
                    True,
                )
                return True
            if ch == NBSP:
                self.found(
                    number,
                    col,
                    "a no-break space (U+00A0), often pasted from a web page: type an "
                    "ordinary space instead, or put the value in quotes if you mean it",
                    True,
                )
                return True
        return False

    def shape(self, number: int, text: str, indent: int) -> None:
        """Place one line in the block structure; find the layout mistakes it makes."""
        col = indent
        item = text.startswith("-", indent) and text[indent + 1 : indent + 2] in ("", " ")
        if item:
            self.item(number, indent)
            col = indent + 1 + len(text[indent + 1 :]) - len(text[indent + 1 :].lstrip(" "))
        key = KEY.match(text, col)
        if key:
            if not item:
                self.key(number, col, key["key"])
            else:
                self.levels.append(_Level(col, "map", key["key"]))
            value_at = key.end() + len(text[key.end() :]) - len(text[key.end() :].lstrip(" "))
        elif item:
            value_at = col
        elif self.continues(col):
            return
        else:
            self.no_key(number, text, col)
            value_at, indent = col, col
        self.value(number, text, value_at, col if key else indent)

    def continues(self, col: int) -> bool:
        """True when a line without a key goes on with the text of the line above (or starts it)."""
        if col > self.parent and (self.plain or self.opens):
            self.plain, self.opens = True, False
            return True
        return False

    def value(self, number: int, text: str, at: int, parent: int) -> None:
        """Note how the line's value goes on: a block below, plain text, a quote, a bracket, `|`."""
        rest = text[at:]
        self.parent, self.opens, self.plain = parent, not rest or rest.startswith("#"), False
        if rest[:1] in ("|", ">"):
            self.block = parent
        elif rest[:1] in ('"', "'", "[", "{"):
            self.carry(number, text, at, _Open(parent))
        elif rest:
            self.plain = True

    def key(self, number: int, col: int, name: str) -> None:
        """A `key:` line: it lines up with its siblings, or starts a mapping below a `key:` line."""
        popped = self.pop(
            lambda level: level.col > col or (level.kind == "seq" and level.col == col)
        )
        top = self.levels[-1] if self.levels else None
        if top and top.kind == "map" and top.col == col:
            top.key = name
        elif not popped and (top is None or (col > top.col and self.opens)):
            self.levels.append(_Level(col, "map", name))
        else:
            self.misaligned(number, col, f"`{name}`", [*popped, *self.levels], "map")
            self.levels.append(_Level(col, "map", name))

    def item(self, number: int, col: int) -> None:
        """A `- ` line: it lines up with the entries above, or starts a list below a `key:` line."""
        popped = self.pop(lambda level: level.col > col)
        top = self.levels[-1] if self.levels else None
        if top and top.kind == "seq" and top.col == col:
            return
        if popped or (top and not self.opens and col >= top.col):
            self.misaligned(number, col, "this `-`", [*popped, *self.levels], "seq")
        self.levels.append(_Level(col, "seq"))

    def pop(self, closes) -> list[_Level]:
        popped = []
        while self.levels and closes(self.levels[-1]):
            popped.append(self.levels.pop())
        return popped

    def misaligned(self, number: int, col: int, what: str, levels: list[_Level], kind: str) -> None:
        near = [level for level in levels if level.kind == kind and level.col != col]
        if not near:
            self.found(
                number,
                col,
                f"{what} is indented more than the line above it: line it up with its neighbours",
            )
            return
        other = min(near, key=lambda level: (abs(level.col - col), -level.col))
        side = "more" if col > other.col else "less"
        above = f"`{other.key}`" if kind == "map" else "the `-` of the entry"
        self.found(
            number,
            col,
            f"{what} is indented {side} than {above} above it: line the two up (column "
            f"{other.col + 1})",
        )

    def no_key(self, number: int, text: str, col: int) -> None:
        """A line that is neither `key: value`, nor `- item`, nor the text of the line above."""
        found = WORD.match(text, col)
        if not found or text.startswith(("---", "..."), col):
            return
        keys = [level for level in self.levels if level.kind == "map"]
        if keys and all(level.col != col for level in keys):
            other = min(keys, key=lambda level: (abs(level.col - col), -level.col))
            self.found(
                number,
                col,
                f"this line does not line up with the keys around it: line it up "
                f"with `{other.key}` (column {other.col + 1}), or indent it more if it goes on "
                "from the line above",
            )
            return
        word = found["word"]
        if found["glued"] is not None and not found["glued"].startswith("/"):
            fix = f"a space is missing after `:`: write `{word}: {found['glued'].strip()}`"
            self.found(number, col + len(word) + 1, fix)
            return
        rest = (found["rest"] or "").strip()
        fix = f"`{word}: {rest}`" if rest else f"`{word}:` and then its value"
        self.found(number, col + len(word), f"missing colon after `{word}`: write {fix}")


def _code(text: str, start: int):
    """(column, character) of the line outside quotes and comments."""
    quote, before, col = "", "", start
    while col < len(text):
        ch = text[col]
        if _escape(text, col, quote):
            col += 1
        elif quote:
            quote = "" if ch == quote else quote
        elif ch in "\"'" and before in ("", "-", ":", ",", "[", "{", "?"):
            quote = ch
        elif ch == "#" and (col == start or text[col - 1] in " \t"):
            return
        else:
            yield col, ch
        before = ch if not ch.isspace() else before
        col += 1


def _carry(number: int, text: str, at: int, state: _Open) -> _Open | None:
    """Follow quotes and brackets from `at`; what is still open at the end of the line, or None."""
    col = at
    while col < len(text):
        ch, quote = text[col], state.quote[2] if state.quote else ""
        if _escape(text, col, quote):
            col += 1
        elif quote and ch == quote:
            state.quote = None
            if not state.brackets:
                return None
        elif quote:
            pass
        elif ch in "\"'" and (col == at or text[col - 1] in " [{,:"):
            state.quote = (number, col, ch)
        elif ch == "#" and col > at and text[col - 1] in " \t":
            break
        elif ch in "[{":
            state.brackets.append((number, col, ch))
        elif ch in "]}" and state.brackets:
            if state.brackets[-1][2] != {"]": "[", "}": "{"}[ch]:
                state.brackets, state.broken = [state.brackets[-1]], True  # `[a{]`: the `{` is open
                return state
            state.brackets.pop()
            if not state.brackets:
                return None
        col += 1
    return state


def _escape(text: str, col: int, quote: str) -> bool:
    """True at the first character of an escape inside `quote`: `\\x` in "…", `''` in '…'."""
    if quote == '"':
        return text[col] == "\\"
    return quote == "'" and text[col : col + 2] == "''"
