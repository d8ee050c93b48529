"""Command line: parses arguments, runs a command, turns errors into messages and exit codes.

Exit codes: 0 ok, 1 failure, 2 bad input.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence

from . import errors

EXIT_OK, EXIT_FAILURE, EXIT_BAD_INPUT = 0, 1, 2
DEFAULT_SNAPSHOT = "data/snapshot.json"

log = logging.getLogger("shovel")


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; the return value is the process exit code."""
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    if not argv or argv[0].startswith("-") and argv[0] not in ("-h", "--help"):
        argv.insert(0, "build")
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.WARNING if args.quiet else logging.DEBUG if args.verbose else logging.INFO,
        format="%(message)s",
        stream=sys.stderr,
    )
    try:
        return args.run(args)
    except errors.SourcesInvalid as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        return EXIT_BAD_INPUT
    except (errors.SourcesError, errors.SnapshotError) as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except errors.ShovelError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_FAILURE


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
        prog="build.py",
        description="Shovel Ready: good first issues in progressive open source, as a static site. "
        "With no command, runs `build`.",
        parents=[common],
    )
    parser.set_defaults(run=_run_build, base_url="/")
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")

    build = commands.add_parser("build", parents=[common], help="render the site from the snapshot",
                                description="Render the site from the snapshot into --out; no network.")
    build.add_argument("--base-url", default="/", metavar="URL",
                       help="the site's address or path prefix, e.g. https://owner.github.io/repo/ "
                       "(default: %(default)s)")
    build.set_defaults(run=_run_build)

    check = commands.add_parser("check", parents=[common], help="validate sources.yaml",
                                description="Validate sources.yaml offline; exit 2 on any problem.")
    check.set_defaults(run=_run_check)
    return parser


def _run_build(args: argparse.Namespace) -> int:
    from . import pipeline

    summary = pipeline.build(args.sources, args.snapshot, args.out, base_url=args.base_url)
    log.info("%s: %d pages, %d issues from %d repos", args.out, summary.pages, summary.issues, summary.repos)
    return EXIT_OK


def _run_check(args: argparse.Namespace) -> int:
    from . import sources

    found = sources.load(args.sources)
    log.info("%s: %d entries, no problems", args.sources, len(found))
    return EXIT_OK
