"""One exception family; cli.py turns each into a message and an exit code (BadInput: 2, else 1)."""


class ShovelError(Exception):
    """Base of every error this package raises on purpose."""


class BadInput(ShovelError):
    """What the user gave cannot be used: a file, a flag, the environment. Exit code 2."""


class SourcesError(BadInput):
    """sources.yaml (or another input file) is wrong at a known place."""

    def __init__(self, path: str, line: int, col: int, message: str):
        super().__init__(f"{path}:{line}:{col}: error: {message}")
        self.path, self.line, self.col, self.message = path, line, col, message


class SourcesInvalid(BadInput):
    """sources.yaml has one or more problems; all of them are listed, in file order."""

    def __init__(self, problems):
        self.problems = tuple(sorted(problems, key=lambda p: (p.line, p.col)))
        super().__init__("\n".join(str(p) for p in self.problems))


class ContentError(SourcesError):
    """A content page (content/*.md) is wrong at a known place."""


class SnapshotError(BadInput):
    """The snapshot file cannot be read as a snapshot."""


class InputError(BadInput):
    """An input file cannot be read at all."""


class FetchError(ShovelError):
    """Talking to GitHub failed in a way the whole run cannot survive (a refused token, say)."""


class TokenMissing(BadInput, FetchError):
    """GITHUB_TOKEN is not set where a command needs it: bad input, not a failure of GitHub."""


class RenderError(ShovelError):
    """A template or a content page could not be rendered."""


class WriteError(ShovelError):
    """The site could not be written where it was asked to go."""
