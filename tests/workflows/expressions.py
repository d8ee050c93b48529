"""GitHub's expression language, as far as the workflow replay needs it.

`${{ }}` and `if:` in the replayed workflows are evaluated here: literals, contexts, `!`, `==`,
`!=`, `&&`, `||`, parentheses, and the functions the workflows use. Strings compare ignoring case,
as on GitHub; `&&` and `||` return one of their operands. A function the replay does not know fails
the test."""

from __future__ import annotations

import json
import re

import pytest

STATUS_FUNCTIONS = ("success(", "failure(", "always(", "cancelled(")


# GitHub's expression language
# ------------------------------------------------------------------------------

TOKEN = re.compile(
    r"\s*(?:(?P<string>'(?:[^']|'')*')|(?P<number>\d+(?:\.\d+)?)|(?P<op>==|!=|&&|\|\||[!(),])"
    r"|(?P<name>[A-Za-z_][\w-]*(?:\.[A-Za-z_*][\w-]*)*))"
)


def text(value) -> str:
    """A value as GitHub writes it into a string: null is '', booleans are 'true' / 'false'."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict | list):
        return json.dumps(value)
    return str(value)


def truthy(value) -> bool:
    return value not in (None, False, "", 0)


class Expression:
    """Parses and evaluates one expression: literals, contexts, ! == != && || ( ) and a few
    functions."""

    def __init__(self, source: str, lookup, functions: dict):
        self.tokens, position = [], 0
        while position < len(source.rstrip()):
            match = TOKEN.match(source, position)
            assert match and match.end() > position, f"the replay cannot parse {source!r}"
            self.tokens.append((match.lastgroup, match[match.lastgroup]))
            position = match.end()
        self.lookup, self.functions, self.at = lookup, functions, 0

    def value(self):
        result = self.either()
        assert self.at == len(self.tokens), f"unparsed rest in {self.tokens!r}"
        return result

    def peek(self) -> str:
        return self.tokens[self.at][1] if self.at < len(self.tokens) else ""

    def take(self) -> tuple[str, str]:
        self.at += 1
        return self.tokens[self.at - 1]

    def either(self):
        left = self.both()
        while self.peek() == "||":
            self.take()
            right = self.both()
            left = left if truthy(left) else right
        return left

    def both(self):
        left = self.compare()
        while self.peek() == "&&":
            self.take()
            right = self.compare()
            left = right if truthy(left) else left
        return left

    def compare(self):
        left = self.unary()
        if self.peek() in ("==", "!="):
            negate = self.take()[1] == "!="
            # GitHub compares strings ignoring case
            same = text(left).casefold() == text(self.unary()).casefold()
            return same != negate
        return left

    def unary(self):
        if self.peek() == "!":
            self.take()
            return not truthy(self.unary())
        return self.primary()

    def primary(self):
        kind, token = self.take()
        if token == "(":
            inner = self.either()
            assert self.take()[1] == ")"
            return inner
        if kind == "string":
            return token[1:-1].replace("''", "'")
        if kind == "number":
            return float(token) if "." in token else int(token)
        if token in ("true", "false", "null"):
            return {"true": True, "false": False, "null": None}[token]
        if self.peek() == "(":
            if token not in self.functions:
                pytest.fail(f"the replay does not know the function {token}()")
            self.take()
            args = []
            while self.peek() != ")":
                args.append(self.either())
                if self.peek() == ",":
                    self.take()
            self.take()
            return self.functions[token](*args)
        return self.lookup(token)


def functions(status: dict) -> dict:
    """The functions an expression may call; `status` gives success() and failure() for the job or
    step."""
    return {
        "success": status.get("success", lambda: True),
        "failure": status.get("failure", lambda: False),
        "always": lambda: True,
        "cancelled": lambda: False,
        "format": lambda f, *a: re.sub(r"\{(\d+)\}", lambda m: text(a[int(m[1])]), f),
        "contains": lambda h, n: (
            text(n).casefold() in text(h).casefold()
            if isinstance(h, str)
            else any(text(x).casefold() == text(n).casefold() for x in h or ())
        ),
        "startsWith": lambda s, p: text(s).casefold().startswith(text(p).casefold()),
    }


CONTEXTS = {
    "github": {
        "ref": "refs/heads/main",
        "event_name": "push",
        "event": {
            "repository": {"default_branch": "main"},
            "workflow_run": {"event": "pull_request", "id": 41, "conclusion": "failure"},
        },
    },
    "steps": {"pages": {"outcome": "failure"}},
}


def lookup(name: str):
    value = CONTEXTS
    for key in name.split("."):
        value = value.get(key) if isinstance(value, dict) else None
    return value
