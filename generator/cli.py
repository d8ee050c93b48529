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

from .arguments import build_parser
from .core import errors

EXIT_OK, EXIT_FAILURE, EXIT_BAD_INPUT = 0, 1, 2

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
        return COMMANDS[args.command](args)
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

    done = build(
        args.sources,
        args.snapshot,
        args.out,
        base_url=args.base_url,
        content_dir=args.content,
        theme=args.theme,
        overrides=args.overrides,
        workers=max(1, args.jobs),
    )
    log.info("%s: %d pages, %d issues from %d repos", args.out, done.pages, done.issues, done.repos)
    return EXIT_OK


def _serve(args: argparse.Namespace) -> int:
    from .build.serve import serve

    serve(
        args.sources,
        args.snapshot,
        args.out,
        args.port,
        base_url=args.base_url,
        content_dir=args.content,
        theme=args.theme,
        overrides=args.overrides,
    )
    return EXIT_OK


def _check(args: argparse.Namespace) -> int:
    from .check import check
    from .core.github import Settings

    settings = Settings.from_env(
        dict(os.environ), token_required=False, timeout=15, retries=2, backoff=0.5
    )
    report = check(args.sources, settings if args.online else None, args.changed_against or "")
    if report.problems:
        print("\n".join(map(str, report.problems)), file=sys.stderr)
        if (
            os.environ.get("GITHUB_ACTIONS") == "true"
        ):  # on stderr, so stdout stays the report alone
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

    env = dict(os.environ)
    http = {"timeout": args.timeout, "retries": args.retries, "cache_path": args.http_cache}
    settings = Settings.from_env(env, cache_ttl=args.cache_ttl, **http)
    limits = Limits(max_seconds=args.max_seconds, max_share=args.budget_share)
    summary = env.get("GITHUB_STEP_SUMMARY", "")
    report = fetch(args.sources, args.snapshot, settings, limits, summary_path=summary)
    for notice in report.notices():
        log.warning("warning: %s", notice)
    if env.get("GITHUB_ACTIONS") == "true":
        print("\n".join(report.annotations()), file=sys.stderr)
    log.info("%s: %s", args.snapshot, report.totals())
    failed = report.failed_share > args.max_failed or (args.strict and report.notices())
    return EXIT_FAILURE if failed else EXIT_OK


def _classify(args: argparse.Namespace) -> int:
    from . import sources
    from .build.judge import classify_file

    found = (
        sources.load(args.sources)
        if args.sources != "sources.yaml" or os.path.exists(args.sources)
        else ()
    )
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


COMMANDS = {
    "build": _build,
    "serve": _serve,
    "check": _check,
    "fetch": _fetch,
    "classify": _classify,
}
