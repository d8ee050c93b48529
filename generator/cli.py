"""Command line: parses arguments, runs a command, turns errors into messages and exit codes.

Exit codes: 0 ok, 1 failure, 2 bad input.
"""

from __future__ import annotations

import argparse
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
    parser.set_defaults(run=_run_build, base_url="/", theme="default", overrides=None, content=None,
                        jobs=DEFAULT_JOBS)
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")

    build = commands.add_parser("build", parents=[common], help="render the site from the snapshot",
                                description="Render the site from the snapshot into --out; no network.")
    _add_render_options(build)
    build.add_argument("--jobs", type=int, default=DEFAULT_JOBS, metavar="N",
                       help="processes that render and write pages; the output is the same for any N "
                       "(default: the CPUs, at most 4: %(default)s)")
    build.set_defaults(run=_run_build)

    serve = commands.add_parser("serve", parents=[common], help="serve the site locally, rebuilding on changes",
                                description="Build, serve --out on 127.0.0.1 and rebuild when templates, "
                                "content, sources or the snapshot change.")
    _add_render_options(serve)
    serve.add_argument("--port", type=int, default=8000, help="port on 127.0.0.1 (default: %(default)s; 0 picks one)")
    serve.set_defaults(run=_run_serve)

    check = commands.add_parser("check", parents=[common], help="validate sources.yaml",
                                description="Validate sources.yaml offline; exit 2 on any problem.")
    check.add_argument("--online", action="store_true",
                       help="also ask GitHub (at $GITHUB_API_URL, token $GITHUB_TOKEN) whether each repo and "
                       "label exists; prints a Markdown report on stdout; advisory: exit 0 unless --strict")
    check.add_argument("--changed-against", metavar="REF",
                       help="with --online, only the entries added or changed since git revision REF")
    check.add_argument("--strict", action="store_true", help="with --online, exit 1 when the report has warnings")
    check.set_defaults(run=_run_check)
    _add_fetch_command(commands, common)
    classify = commands.add_parser(
        "classify", parents=[common], help="show how issues in a JSONL file would be sorted (skills, effort, why)",
        description="Read one issue per line ({\"repo\", \"title\", \"body\", \"labels\", \"language\"}) and "
        "print one line per issue, in order: {\"skills\", \"effort\", \"reasons\"}. A bad line prints "
        "{\"error\"} in its place and a message on stderr; exit 2 if any line was bad. Repo maps in --sources "
        "apply when that file exists.")
    classify.add_argument("--input", required=True, metavar="FILE.jsonl", help="the issues, one JSON object a line")
    classify.set_defaults(run=_run_classify)
    return parser


def _run_classify(args: argparse.Namespace) -> int:
    import json
    import os

    from . import sources
    from .build import classify

    found = sources.load(args.sources) if args.sources != "sources.yaml" or os.path.exists(args.sources) else ()
    try:
        with open(args.input, encoding="utf-8") as handle:
            lines = handle.read().splitlines()
    except (OSError, UnicodeDecodeError) as error:
        print(f"error: {args.input}: cannot read the file ({error}); give a UTF-8 JSONL file", file=sys.stderr)
        return EXIT_BAD_INPUT
    bad = 0
    for number, text in enumerate(lines, start=1):
        if not text.strip():
            continue
        try:
            issue, repo = classify.parse_record(text, args.input, number)
        except errors.SourcesError as error:
            bad += 1
            print(f"{error}", file=sys.stderr)
            print(json.dumps({"error": f"line {number}: {error.message}"}, ensure_ascii=False))
            continue
        result = classify.classify(issue, repo, classify.find_source(found, issue.repo))
        print(json.dumps(classify.to_record(result), ensure_ascii=False))
    if bad:
        log.warning("%s: %d of %d lines could not be read", args.input, bad, sum(1 for t in lines if t.strip()))
    return EXIT_BAD_INPUT if bad else EXIT_OK


def _add_fetch_command(commands, common: argparse.ArgumentParser) -> None:
    fetch = commands.add_parser(
        "fetch", parents=[common], help="read every listed repo's labeled issues from GitHub into the snapshot",
        description="Fetch sources.yaml's repos from GitHub (token $GITHUB_TOKEN, API $GITHUB_API_URL, "
        "GraphQL $GITHUB_GRAPHQL_URL) into --snapshot; a repo that fails keeps its previous data, marked stale.")
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
    fetch.set_defaults(run=_run_fetch)


def _run_fetch(args: argparse.Namespace) -> int:
    import os
    from datetime import UTC, datetime
    from pathlib import Path

    from . import fetch, sources
    from .build import classify, write
    from .core import snapshot
    from .fetch import passes as github

    found = sources.load(args.sources)
    try:
        settings = github.Settings.from_env(
            dict(os.environ), timeout=args.timeout, retries=args.retries, max_share=args.budget_share,
            max_seconds=args.max_seconds, cache_path=args.http_cache, cache_ttl=args.cache_ttl)
    except errors.FetchError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    path = Path(args.snapshot)
    previous = snapshot.loads(path.read_bytes(), str(path)) if path.exists() else None
    with github.GitHub(settings) as gh:
        result = fetch.fetch(found, previous, gh, lambda: datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"))
    del previous  # what the result does not reuse is freed before dumps, the run's peak of memory
    write.write_file(path, snapshot.dumps(result.snapshot))
    for line in result.warnings():
        log.warning("warning: %s", line)
    log.info("%s: %d repos, %d issues; %d requests, %d points, %s left", path, len(result.snapshot.repos),
             fetch.issue_total(result), result.requests, result.points, result.remaining)
    if os.environ.get("GITHUB_STEP_SUMMARY"):
        by_source = {s.key: s for s in found}
        skills: dict[str, int] = {}
        for repo in result.snapshot.repos:
            for issue in repo.issues:
                areas = classify.classify(issue, repo, by_source.get(repo.source.lower())).skills or ("any",)
                for area in areas:
                    skills[str(area)] = skills.get(str(area), 0) + 1
        summary = Path(os.environ["GITHUB_STEP_SUMMARY"])
        before = summary.read_bytes() if summary.exists() else b""
        write.write_file(summary, before + fetch.summary_markdown(result, skills).encode("utf-8"))
    if result.failed_share > args.max_failed or (args.strict and result.warnings()):
        return EXIT_FAILURE
    return EXIT_OK


def _add_render_options(command: argparse.ArgumentParser) -> None:
    command.add_argument("--base-url", default="/", metavar="URL",
                         help="the site's address or path prefix, e.g. https://owner.github.io/repo/ "
                         "(default: %(default)s)")
    command.add_argument("--content", default=None, metavar="DIR",
                         help="folder of Markdown content pages (default: content/ beside build.py)")
    command.add_argument("--theme", default="default", metavar="NAME",
                         help="theme folder under themes/ (default: %(default)s)")
    command.add_argument("--overrides", default=None, metavar="DIR",
                         help="a folder with templates/ and static/ that override the theme's files")


def _run_build(args: argparse.Namespace) -> int:
    from . import build as pipeline

    summary = pipeline.build(args.sources, args.snapshot, args.out, base_url=args.base_url,
                             theme=args.theme, overrides=args.overrides, content_dir=args.content,
                             workers=max(1, args.jobs))
    log.info("%s: %d pages, %d issues from %d repos", args.out, summary.pages, summary.issues, summary.repos)
    return EXIT_OK


def _run_check(args: argparse.Namespace) -> int:
    import os

    from . import sources
    from .check import report as check_report

    try:
        found = sources.load(args.sources)
    except errors.SourcesInvalid as error:
        if os.environ.get("GITHUB_ACTIONS") == "true":
            print("\n".join(check_report.annotation(p) for p in error.problems))
        if args.online:  # the PR comment still says what to fix
            print(check_report.markdown((), error.problems, checked_all=True), end="")
        raise
    log.info("%s: %d entries, no problems", args.sources, len(found))
    if not args.online:
        return EXIT_OK
    from .check import diff as sources_diff
    from .check import online as github_check

    entries = found
    if args.changed_against:
        entries = sources_diff.changed(found, sources_diff.at_revision(args.changed_against, args.sources))
    findings = github_check.inspect(entries, os.environ.get("GITHUB_API_URL", "https://api.github.com"),
                                    os.environ.get("GITHUB_TOKEN", ""))
    print(check_report.markdown(findings, (), checked_all=not args.changed_against), end="")
    warned = any(f.level != "ok" for f in findings)
    return EXIT_FAILURE if args.strict and warned else EXIT_OK


def _run_serve(args: argparse.Namespace) -> int:
    from .build import serve

    serve.serve(args)
    return EXIT_OK
