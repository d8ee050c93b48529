"""sources.yaml text → YAML node tree, or every syntax mistake at its own line in plain words.

The raw-line scan (`scan.py`) speaks first: its sure findings always, its layout guesses only when
the parser has failed at or after them. Otherwise the parser's own message is given, with a hint.
"""

from __future__ import annotations

import yaml

from ..core.errors import SourcesError, SourcesInvalid
from .scan import UNCLOSED, scan, split_lines

__all__ = ["compose", "position", "split_lines"]

SYNTAX_HINTS = {
    "found character '\\t' that cannot start any token": "indent with spaces, not tabs",
    "mapping values are not allowed here": "quote a value that contains ': '",
    "could not find expected ':'": "each line of an entry needs `key: value`",
    "expected <block end>, but found '-'": "line the `- ` of each entry up with the others",
    "but found another document": "keep one document: remove the `---` line",
}
PARSER_CONTEXT = {
    "while scanning a quoted scalar": UNCLOSED['"'],
    "while parsing a flow sequence": UNCLOSED["["],
    "while parsing a flow mapping": UNCLOSED["{"],
}


def compose(text: str, path: str):
    """The node tree of `text` (None when it is empty); SourcesInvalid for a syntax mistake."""
    findings = scan(split_lines(text))
    sure = [f for f in findings if f.always]
    if sure:
        raise SourcesInvalid([SourcesError(path, f.line + 1, f.col + 1, f.message) for f in sure])
    try:
        return yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        before = [f for f in findings if mark is None or f.line <= mark.line]
        if before:
            first = before[0]
            raise SourcesInvalid(
                [SourcesError(path, first.line + 1, first.col + 1, first.message)]
            ) from error
        raise SourcesInvalid([_syntax_error(error, path)]) from error
    except yaml.reader.ReaderError as error:
        line, col = position(text, error.position)
        message = f"character U+{error.character:04X} is not allowed in YAML: remove it"
        raise SourcesInvalid([SourcesError(path, line, col, message)]) from error


def position(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of a character offset."""
    before = text[:offset]
    return before.count("\n") + 1, offset - (before.rfind("\n") + 1) + 1


def _syntax_error(error: yaml.MarkedYAMLError, path: str) -> SourcesError:
    mark, context = error.problem_mark or error.context_mark, error.context_mark
    if error.problem == "found unexpected end of stream" and context:
        # an unclosed quote or bracket: where it opened is where the fix goes
        what = PARSER_CONTEXT.get(
            str(error.context), f"{error.context} that starts here is never closed"
        )
        return SourcesError(path, context.line + 1, context.column + 1, f"YAML syntax: {what}")
    message = f"YAML syntax: {error.problem}"
    if error.context and context and (context.line, context.column) != (mark.line, mark.column):
        message = f"YAML syntax: {error.context} (line {context.line + 1}), {error.problem}"
    hint = SYNTAX_HINTS.get(str(error.problem), "")
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    return SourcesError(path, line, col, message + (f" ({hint})" if hint else ""))
