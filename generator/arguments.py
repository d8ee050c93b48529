"""The command line's grammar: every command, flag, default and help text (cli.py acts on them)."""

from __future__ import annotations

import argparse
import os

DEFAULT_SNAPSHOT = "data/snapshot.json"
DEFAULT_JOBS = min(4, os.cpu_count() or 1)


def build_parser() -> argparse.ArgumentParser:
    """The parser for every command; tests read it to keep README and workflows honest."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--sources",
        default="sources.yaml",
        metavar="PATH",
        help="the list of repositories (default: %(default)s)",
    )
    common.add_argument(
        "--snapshot",
        default=DEFAULT_SNAPSHOT,
        metavar="PATH",
        help="the snapshot JSON read by build and written by fetch (default: %(default)s)",
    )
    common.add_argument(
        "--out",
        default="_site",
        metavar="DIR",
        help="where the site is written (default: %(default)s)",
    )
    loudness = common.add_mutually_exclusive_group()
    loudness.add_argument("-v", "--verbose", action="store_true", help="say more on stderr")
    loudness.add_argument(
        "-q", "--quiet", action="store_true", help="only warnings and errors on stderr"
    )

    parser = argparse.ArgumentParser(
        prog="build.py",
        parents=[common],
        description="Shovel Ready: good first issues in progressive open source, as a static site. "
        "With no command, runs `build`.",
    )
    parser.set_defaults(
        command="build",
        base_url="/",
        theme="default",
        overrides=None,
        content=None,
        jobs=DEFAULT_JOBS,
    )
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")

    def command(name: str, help_text: str, description: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, parents=[common], help=help_text, description=description)
        sub.set_defaults(command=name)
        return sub

    build = command(
        "build",
        "render the site from the snapshot",
        "Render the site from the snapshot into --out; no network.",
    )
    _render_options(build)
    build.add_argument(
        "--jobs",
        type=int,
        default=DEFAULT_JOBS,
        metavar="N",
        help="processes that render and write pages; the output is the same for any N "
        "(default: the CPUs, at most 4: %(default)s)",
    )
    serve = command(
        "serve",
        "serve the site locally, rebuilding on changes",
        "Build, serve --out on 127.0.0.1 and rebuild when templates, content, sources or the "
        "snapshot change.",
    )
    _render_options(serve)
    serve.add_argument(
        "--port",
        type=int,
        default=8000,
        help="port on 127.0.0.1 (default: %(default)s; 0 picks one)",
    )
    check = command(
        "check",
        "validate sources.yaml",
        "Validate sources.yaml offline; exit 2 on any problem.",
    )
    check.add_argument(
        "--online",
        action="store_true",
        help="also ask GitHub (at $GITHUB_API_URL, token $GITHUB_TOKEN) whether each repo and "
        "label exists; prints a Markdown report on stdout; advisory: exit 0 unless --strict",
    )
    check.add_argument(
        "--changed-against",
        metavar="REF",
        help="with --online, only the entries added or changed since git revision REF",
    )
    check.add_argument(
        "--strict", action="store_true", help="with --online, exit 1 when the report has warnings"
    )
    _fetch_options(
        command(
            "fetch",
            "read every listed repo's labeled issues from GitHub into the snapshot",
            "Fetch sources.yaml's repos from GitHub (token $GITHUB_TOKEN, API $GITHUB_API_URL, "
            "GraphQL $GITHUB_GRAPHQL_URL) into --snapshot; a repo that fails keeps its previous "
            "data, marked stale.",
        )
    )
    classify = command(
        "classify",
        "show how issues in a JSONL file would be sorted (skills, effort, why)",
        'Read one issue per line ({"repo", "title", "body", "labels", "language"}) and print one '
        "line "
        'per issue, in order: {"skills", "effort", "reasons"}. A bad line prints {"error"} in its '
        "place and "
        "a message on stderr; exit 2 if any line was bad. Repo maps in --sources apply when that "
        "file exists.",
    )
    classify.add_argument(
        "--input", required=True, metavar="FILE.jsonl", help="the issues, one JSON object a line"
    )
    return parser


def _render_options(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--base-url",
        default="/",
        metavar="URL",
        help="the site's address or path prefix, e.g. https://owner.github.io/repo/ "
        "(default: %(default)s)",
    )
    command.add_argument(
        "--content",
        default=None,
        metavar="DIR",
        help="folder of Markdown content pages (default: content/ beside build.py)",
    )
    command.add_argument(
        "--theme",
        default="default",
        metavar="NAME",
        help="theme folder under themes/ (default: %(default)s)",
    )
    command.add_argument(
        "--overrides",
        default=None,
        metavar="DIR",
        help="a folder with templates/ and static/ that override the theme's files",
    )


def _fetch_options(fetch: argparse.ArgumentParser) -> None:
    fetch.add_argument(
        "--strict",
        action="store_true",
        help="exit 1 on any warning (renamed, archived, missing, stale, … repos)",
    )
    fetch.add_argument(
        "--max-failed",
        type=float,
        default=0.2,
        metavar="SHARE",
        help="exit 1 when more than this share of repos failed (default: %(default)s)",
    )
    fetch.add_argument(
        "--budget-share",
        type=float,
        default=0.8,
        metavar="SHARE",
        help="spend at most this share of the hourly rate limit (default: %(default)s)",
    )
    fetch.add_argument(
        "--max-seconds",
        type=float,
        default=900,
        metavar="S",
        help="start no request after this many seconds (default: %(default)s)",
    )
    fetch.add_argument(
        "--timeout",
        type=int,
        default=30,
        metavar="S",
        help="seconds for any one request (default: %(default)s)",
    )
    fetch.add_argument(
        "--retries",
        type=int,
        default=3,
        metavar="N",
        help="retries of a request after a 5xx, a timeout or a secondary rate limit "
        "(default: %(default)s)",
    )
    fetch.add_argument(
        "--http-cache",
        default="",
        metavar="PATH",
        help="requests-cache file for REST revalidation and development loops, e.g. "
        ".cache/http (git-ignored; never stores the token); default: no cache",
    )
    fetch.add_argument(
        "--cache-ttl",
        type=int,
        default=0,
        metavar="S",
        help="with --http-cache, reuse GraphQL answers this many seconds (default: 0, never)",
    )
