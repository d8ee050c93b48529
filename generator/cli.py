"""Command line: arguments in, one call per command, its report out, exceptions to exit codes.

Exit codes: 0 ok, 1 failure, 2 bad input. Nothing here decides anything about repos or issues.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from collections.abc import Sequence

from .core import errors

EXIT_OK, EXIT_FAILURE, EXIT_BAD_INPUT = 0, 1, 2
DEFAULT_SNAPSHOT = "data/snapshot.json"
DEFAULT_JOBS = min(4, os.cpu_count() or 1)

log = logging.getLogger("shovel")


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; the return value is the process exit code."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0].startswith("-") and argv[0] not in ("-h", "--help"):
        argv.insert(0, "build")
    args = build_parser().parse_args(argv)
    level = logging.WARNING if args.quiet else logging.DEBUG if args.verbose else logging.INFO
    logging.basicConfig(level=level, format="%(message)s", stream=sys.stderr)
    try:
        return args.run(args)
    except errors.SourcesInvalid as error:
        print(error, file=sys.stderr)  # each problem is already a `file:line:col: error: …` line
        return EXIT_BAD_INPUT
    except errors.BadInput as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except errors.ShovelError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_FAILURE


def _build(args: argparse.Namespace) -> int:
    from .build import build

    done = build(args.sources, args.snapshot, args.out, base_url=args.base_url, content_dir=args.content,
                 theme=args.theme, overrides=args.overrides, workers=max(1, args.jobs))
    log.info("%s: %d pages, %d issues from %d repos", args.out, done.pages, done.issues, done.repos)
    return EXIT_OK


def _serve(args: argparse.Namespace) -> int:
    from .build.serve import serve

    serve(args.sources, args.snapshot, args.out, args.port, base_url=args.base_url, content_dir=args.content,
          theme=args.theme, overrides=args.overrides)
    return EXIT_OK


def _check(args: argparse.Namespace) -> int:
    from .check import check
    from .core.github import Settings

    settings = Settings.from_env(dict(os.environ), token_required=False, timeout=15, retries=2, backoff=0.5)
    report = check(args.sources, settings if args.online else None, args.changed_against or "")
    if report.problems:
        print("\n".join(map(str, report.problems)), file=sys.stderr)
        if os.environ.get("GITHUB_ACTIONS") == "true":  # on stderr, so stdout stays the report alone
            print("\n".join(report.annotations()), file=sys.stderr)
    if args.online:
        print(report.markdown(), end="")
    if report.problems:
        return EXIT_BAD_INPUT
    log.info("%s: %d entries, no problems", args.sources, report.entries)
    return EXIT_FAILURE if args.strict and report.warned else EXIT_OK


def _fetch(args: argparse.Namespace) -> int:
    from .core.github import Settings
    from .fetch import Limits, fetch

    settings = Settings.from_env(dict(os.environ), timeout=args.timeout, retries=args.retries,
                                 cache_path=args.http_cache, cache_ttl=args.cache_ttl)
    limits = Limits(max_seconds=args.max_seconds, max_share=args.budget_share)
    report = fetch(args.sources, args.snapshot, settings, limits,
                   summary_path=os.environ.get("GITHUB_STEP_SUMMARY", ""))
    for notice in report.notices():
        log.warning("warning: %s", notice)
    if os.environ.get("GITHUB_ACTIONS") == "true":
        print("\n".join(report.annotations()), file=sys.stderr)
    log.info("%s: %d repos, %d issues; %d requests, %d points, %s left", args.snapshot,
             len(report.snapshot.repos), report.issues, report.requests, report.points, report.remaining)
    failed = report.failed_share > args.max_failed or (args.strict and report.notices())
    return EXIT_FAILURE if failed else EXIT_OK


def _classify(args: argparse.Namespace) -> int:
    from . import sources
    from .build.judge import classify_file

    found = sources.load(args.sources) if args.sources != "sources.yaml" or os.path.exists(args.sources) else ()
    bad = total = 0
    for line in classify_file(args.input, found):
        print(json.dumps(line.record, ensure_ascii=False))
        total += 1
        if line.problem:
            bad += 1
            print(line.problem, file=sys.stderr)
    if bad:
        log.warning("%s: %d of %d lines could not be read", args.input, bad, total)
    return EXIT_BAD_INPUT if bad else EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    """The parser for every command; tests read it to keep README and workflows honest."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--sources", default="sources.yaml", metavar="PATH",
                        help="the list of repositories (default: %(default)s)")
    common.add_argument("--snapshot", default=DEFAULT_SNAPSHOT, metavar="PATH",
                        help="the snapshot JSON read by build and written by fetch (default: %(default)s)")
    common.add_argument("--out", default="_site", metavar="DIR",
                        help="where the site is written (default: %(default)s)")
    loudness = common.add_mutually_exclusive_group()
    loudness.add_argument("-v", "--verbose", action="store_true", help="say more on stderr")
    loudness.add_argument("-q", "--quiet", action="store_true", help="only warnings and errors on stderr")

    parser = argparse.ArgumentParser(
        prog="build.py", parents=[common],
        description="Shovel Ready: good first issues in progressive open source, as a static site. "
        "With no command, runs `build`.")
    parser.set_defaults(run=_build, base_url="/", theme="default", overrides=None, content=None, jobs=DEFAULT_JOBS)
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")

    def command(name: str, run, help_text: str, description: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, parents=[common], help=help_text, description=description)
        sub.set_defaults(run=run)
        return sub

    build = command("build", _build, "render the site from the snapshot",
                    "Render the site from the snapshot into --out; no network.")
    _render_options(build)
    build.add_argument("--jobs", type=int, default=DEFAULT_JOBS, metavar="N",
                       help="processes that render and write pages; the output is the same for any N "
                       "(default: the CPUs, at most 4: %(default)s)")
    serve = command("serve", _serve, "serve the site locally, rebuilding on changes",
                    "Build, serve --out on 127.0.0.1 and rebuild when templates, content, sources or the "
                    "snapshot change.")
    _render_options(serve)
    serve.add_argument("--port", type=int, default=8000, help="port on 127.0.0.1 (default: %(default)s; 0 picks one)")
    check = command("check", _check, "validate sources.yaml",
                    "Validate sources.yaml offline; exit 2 on any problem.")
    check.add_argument("--online", action="store_true",
                       help="also ask GitHub (at $GITHUB_API_URL, token $GITHUB_TOKEN) whether each repo and "
                       "label exists; prints a Markdown report on stdout; advisory: exit 0 unless --strict")
    check.add_argument("--changed-against", metavar="REF",
                       help="with --online, only the entries added or changed since git revision REF")
    check.add_argument("--strict", action="store_true", help="with --online, exit 1 when the report has warnings")
    _fetch_options(command("fetch", _fetch, "read every listed repo's labeled issues from GitHub into the snapshot",
                           "Fetch sources.yaml's repos from GitHub (token $GITHUB_TOKEN, API $GITHUB_API_URL, "
                           "GraphQL $GITHUB_GRAPHQL_URL) into --snapshot; a repo that fails keeps its previous "
                           "data, marked stale."))
    classify = command(
        "classify", _classify, "show how issues in a JSONL file would be sorted (skills, effort, why)",
        "Read one issue per line ({\"repo\", \"title\", \"body\", \"labels\", \"language\"}) and print one line "
        "per issue, in order: {\"skills\", \"effort\", \"reasons\"}. A bad line prints {\"error\"} in its place and "
        "a message on stderr; exit 2 if any line was bad. Repo maps in --sources apply when that file exists.")
    classify.add_argument("--input", required=True, metavar="FILE.jsonl", help="the issues, one JSON object a line")
    return parser


def _render_options(command: argparse.ArgumentParser) -> None:
    command.add_argument("--base-url", default="/", metavar="URL",
                         help="the site's address or path prefix, e.g. https://owner.github.io/repo/ "
                         "(default: %(default)s)")
    command.add_argument("--content", default=None, metavar="DIR",
                         help="folder of Markdown content pages (default: content/ beside build.py)")
    command.add_argument("--theme", default="default", metavar="NAME",
                         help="theme folder under themes/ (default: %(default)s)")
    command.add_argument("--overrides", default=None, metavar="DIR",
                         help="a folder with templates/ and static/ that override the theme's files")


def _fetch_options(fetch: argparse.ArgumentParser) -> None:
    fetch.add_argument("--strict", action="store_true",
                       help="exit 1 on any warning (renamed, archived, missing, stale, … repos)")
    fetch.add_argument("--max-failed", type=float, default=0.2, metavar="SHARE",
                       help="exit 1 when more than this share of repos failed (default: %(default)s)")
    fetch.add_argument("--budget-share", type=float, default=0.8, metavar="SHARE",
                       help="spend at most this share of the hourly rate limit (default: %(default)s)")
    fetch.add_argument("--max-seconds", type=float, default=900, metavar="S",
                       help="start no request after this many seconds (default: %(default)s)")
    fetch.add_argument("--timeout", type=int, default=30, metavar="S",
                       help="seconds for any one request (default: %(default)s)")
    fetch.add_argument("--retries", type=int, default=3, metavar="N",
                       help="retries of a request after a 5xx, a timeout or a secondary rate limit "
                       "(default: %(default)s)")
    fetch.add_argument("--http-cache", default="", metavar="PATH",
                       help="requests-cache file for REST revalidation and development loops, e.g. "
                       ".cache/http (git-ignored; never stores the token); default: no cache")
    fetch.add_argument("--cache-ttl", type=int, default=0, metavar="S",
                       help="with --http-cache, reuse GraphQL answers this many seconds (default: 0, never)")
