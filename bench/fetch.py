"""Benchmark: `build.py fetch` against a naive PyGithub REST baseline, both on one 1,000-repo fake world.

    .venv/bin/python bench/fetch.py [--repos 1000] [--latency 0.3] [--threads 16]

The fake runs in its own process with `--latency` seconds before every answer. Ours is the real CLI
in a child process (so its peak RSS is its own); the baseline is `get_repo`, `get_labels` and
`get_issues(labels=[label], state="open")` per label per repo, the way most aggregators fetch, run
on `--threads` threads so it ends in minutes rather than half an hour (its request count, not its
wall time, is the point). Points are what the Actions token's 1,000 an hour runs out of: GraphQL
points for ours, one per request for REST. The floor is ceil(labeled open issues / 100) + ceil(repos
/ 100), as in issue 4."""

from __future__ import annotations

import argparse
import json
import math
import os
import subprocess
import sys
import tempfile
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

import github  # noqa: E402  (PyGithub)
from fake_github import world  # noqa: E402

from generator.core import snapshot  # noqa: E402


def start_fake(repos: int, latency: float, seed: int):
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "fake_github",
            "--repos",
            str(repos),
            "--latency",
            str(latency),
            "--seed",
            str(seed),
        ],
        cwd=ROOT / "tests",
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    return process, json.loads(process.stdout.readline())


def counters(info: dict, reset: bool = False) -> dict:
    with urllib.request.urlopen(
        info["url"] + ("/_fake/reset" if reset else "/_fake/stats"), timeout=10
    ) as answer:
        return json.loads(answer.read())


def sources_yaml(specs) -> str:
    lines = ["sources:"]
    for spec in specs:
        labels = ", ".join(json.dumps(label) for label in spec.labels)
        lines += [f"  - repo: {spec.name}", "    cause: civic-tech", f"    labels: [{labels}]"]
    return "\n".join(lines) + "\n"


def run_without_readiness(info: dict, specs, workdir: Path) -> dict:
    """The same fetch, in this process, with the census asking nothing of the repos' readiness."""
    from generator.core.github import Settings
    from generator.fetch import Limits, fetch

    (workdir / "sources.yaml").write_text(sources_yaml(specs))
    env = {
        "GITHUB_TOKEN": info["token"],
        "GITHUB_API_URL": info["url"],
        "GITHUB_GRAPHQL_URL": info["graphql_url"],
    }
    counters(info, reset=True)
    started = time.perf_counter()
    limits = Limits(readiness=False)
    fetch(
        str(workdir / "sources.yaml"), str(workdir / "without.json"), Settings.from_env(env), limits
    )
    spent = counters(info)
    wall = time.perf_counter() - started
    return {"requests": spent["graphql"] + spent["core"], "points": spent["points"], "wall": wall}


def run_ours(info: dict, specs, workdir: Path) -> dict:
    (workdir / "sources.yaml").write_text(sources_yaml(specs))
    env = {
        **os.environ,
        "GITHUB_TOKEN": info["token"],
        "GITHUB_API_URL": info["url"],
        "GITHUB_GRAPHQL_URL": info["graphql_url"],
    }
    env.pop("GITHUB_STEP_SUMMARY", None)
    counters(info, reset=True)
    started = time.perf_counter()
    child = subprocess.Popen(
        [
            sys.executable,
            str(ROOT / "build.py"),
            "fetch",
            "-q",
            "--max-failed",
            "1",
            "--sources",
            "sources.yaml",
            "--snapshot",
            "snapshot.json",
        ],
        cwd=workdir,
        env=env,
    )
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"fetch exited with {os.waitstatus_to_exitcode(status)}")
    spent = counters(info)
    written = snapshot.loads((workdir / "snapshot.json").read_bytes())
    got = {r.source: {i.number for i in r.issues} for r in written.repos}
    states: dict[str, int] = {}
    for repo in written.repos:
        states[repo.state.value] = states.get(repo.state.value, 0) + 1
    return {
        "requests": spent["graphql"] + spent["core"],
        "points": spent["points"],
        "wall": wall,
        "peak_rss_mb": usage.ru_maxrss / 1024,
        "found": got,
        "states": states,
        "snapshot": written,
    }


def run_naive(info: dict, specs, threads: int) -> dict:
    client = github.Github(
        auth=github.Auth.Token(info["token"]),
        base_url=info["url"],
        per_page=100,
        pool_size=threads,
        seconds_between_requests=None,
        timeout=60,
    )

    def one(spec) -> tuple[str, set[int] | None]:
        try:
            repo = client.get_repo(spec.name)
        except github.UnknownObjectException:
            return spec.name, None
        if repo.archived or not repo.has_issues:
            return spec.name, set()
        present = {label.name.lower(): label.name for label in repo.get_labels()}
        found: set[int] = set()
        for label in spec.labels:
            if label.lower() in present:
                issues = repo.get_issues(labels=[present[label.lower()]], state="open")
                found |= {i.number for i in issues if "/pull/" not in i.html_url}
        return spec.name, found

    counters(info, reset=True)
    started = time.perf_counter()
    with ThreadPoolExecutor(threads) as pool:
        found = dict(pool.map(one, specs))
    wall = time.perf_counter() - started
    spent = counters(info)
    return {
        "requests": spent["graphql"] + spent["core"],
        "points": spent["core"],
        "wall": wall,
        "found": {k: v or set() for k, v in found.items()},
    }


SEARCH_FIELDS = """... on Issue { number repository { nameWithOwner isArchived } title url createdAt updatedAt
  locked bodyText author { login } labels(first: 20) { nodes { name color } }
  comments(last: 3) { totalCount nodes { createdAt } } assignees(first: 10) { nodes { login } }
  closedByPullRequestsReferences(first: 1) { nodes { url } } }"""


def run_search(info: dict, specs, per_search: int = 25) -> dict:
    """The other way issue 4 asks to measure: issue search over groups of repos (as For Good First Issue
    does), every field on every issue node, many searches per query. Repo metadata and states not fetched."""
    from generator.core.github import Settings
    from generator.fetch.client import Client, Part, run_parts
    from generator.fetch.queries import search_text

    client = Client(
        Settings.from_env({"GITHUB_TOKEN": info["token"], "GITHUB_API_URL": info["url"]})
    )
    groups: dict = {}
    for spec in specs:
        groups.setdefault(spec.labels, []).append(spec.name)
    pending = [
        (search_text(names[i : i + per_search], labels).replace(" linked:pr", ""), None)
        for labels, names in groups.items()
        for i in range(0, len(names), per_search)
    ]
    found: dict[str, set[int]] = {}
    archived_listed = 0
    counters(info, reset=True)
    started = time.perf_counter()
    while pending:
        # 5 searches x 100 nodes = the 500 nodes ours puts in a query
        batch, pending = pending[:5], pending[5:]
        parts = [
            Part(
                key=i,
                alias=f"s{i}",
                declarations=f"$q{i}: String!, $c{i}: String",
                variables={f"q{i}": text, f"c{i}": cursor},
                requests=1 + 100 * 4,
                selection=f"  s{i}: search(query: $q{i}, type: ISSUE, first: 100, after: $c{i}) "
                f"{{ pageInfo {{ hasNextPage endCursor }} nodes {{ {SEARCH_FIELDS} }} }}",
            )
            for i, (text, cursor) in enumerate(batch)
        ]
        for i, answer in run_parts(client, parts).items():
            data = answer.data
            if data is None:
                raise RuntimeError(f"search failed: {answer.failure}")
            for node in data["nodes"]:
                found.setdefault(node["repository"]["nameWithOwner"], set()).add(node["number"])
                archived_listed += node["repository"]["isArchived"]
            if data["pageInfo"]["hasNextPage"]:
                pending.append((batch[i][0], data["pageInfo"]["endCursor"]))
    wall = time.perf_counter() - started
    client.close()
    spent = counters(info)
    by_listed = {spec.name: found.get(spec.new_name or spec.name, set()) for spec in specs}
    return {
        "requests": spent["graphql"],
        "points": spent["points"],
        "wall": wall,
        "found": by_listed,
        "archived_listed": archived_listed,
    }


def field_errors(specs, written) -> int:
    """Fetched issues whose assignees, comment count, last comment or open linked PR differ from the
    world."""
    truth = {(s.new_name or s.name, i["number"]): i for s in specs for i in s.issues}
    wrong = 0
    for repo in written.repos:
        for issue in repo.issues:
            real = truth[(repo.name_with_owner, issue.number)]
            open_pr = next((url for url, state in real["linked_prs"] if state == "OPEN"), "")
            last = real["comments"][-1].created if real["comments"] else ""
            if (issue.assignees, issue.comments_count, issue.last_comment_at, issue.linked_pr) != (
                tuple(real["assignees"]),
                len(real["comments"]),
                last,
                open_pr,
            ):
                wrong += 1
    return wrong


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repos", type=int, default=1000)
    parser.add_argument("--latency", type=float, default=0.3)
    parser.add_argument("--threads", type=int, default=16, help="baseline threads")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--skip-baseline", action="store_true")
    args = parser.parse_args()
    specs = world.generate(args.repos, args.seed)
    expected = world.expected(specs)
    labeled = sum(len(v) for v in expected.values())
    floor = math.ceil(labeled / 100) + math.ceil(len(specs) / 100)
    fake, info = start_fake(args.repos, args.latency, args.seed)
    try:
        with tempfile.TemporaryDirectory() as workdir:
            ours = run_ours(info, specs, Path(workdir))
            first = (Path(workdir) / "snapshot.json").read_bytes()
            # the scheduled job's case: the previous snapshot is read
            again = run_ours(info, specs, Path(workdir))
            identical = (Path(workdir) / "snapshot.json").read_bytes() == first
            without = run_without_readiness(info, specs, Path(workdir))
        searched = run_search(info, specs)
        naive = None if args.skip_baseline else run_naive(info, specs, args.threads)
    finally:
        fake.stdin.close()
        fake.wait(timeout=30)
    missed = sum(len(expected[name] - ours["found"].get(name, set())) for name in expected)
    print(
        f"world: {len(specs)} repos, {labeled} labeled open issues, latency "
        f"{args.latency * 1000:.0f} ms; "
        f"floor {floor} points"
    )
    print("| fetch | requests | points | points / floor | wall s | issues missed |")
    print("| --- | --- | --- | --- | --- | --- |")
    print(
        f"| ours (GraphQL) | {ours['requests']} | {ours['points']} | {ours['points'] / floor:.2f} "
        "| "
        f"{ours['wall']:.1f} | {missed} |"
    )
    search_missed = sum(
        len(expected[name] - searched["found"].get(name, set())) for name in expected
    )
    print(
        f"| search, 25 repos a search | {searched['requests']} | {searched['points']} | "
        f"{searched['points'] / floor:.2f} | {searched['wall']:.1f} | {search_missed} |"
    )
    if naive:
        naive_missed = sum(
            len(expected[name] - naive["found"].get(name, set())) for name in expected
        )
        print(
            f"| naive REST ({args.threads} threads) | {naive['requests']} | {naive['points']} | "
            f"{naive['points'] / floor:.2f} | {naive['wall']:.1f} | {naive_missed} |"
        )
        print(
            f"ours / naive: requests {ours['requests'] / naive['requests']:.3f}, "
            f"points {ours['points'] / naive['points']:.3f}"
        )
    print(
        f"search: no repo metadata and no state for any repo; {searched['archived_listed']} "
        "issues of archived "
        "repos listed"
    )
    print(
        f"states: {json.dumps(ours['states'], sort_keys=True)}; every repo accounted for: "
        f"{sum(ours['states'].values()) == len(specs)}; fields wrong: "
        f"{field_errors(specs, ours['snapshot'])}; "
        f"fetch peak RSS {ours['peak_rss_mb']:.0f} MB"
    )
    extra = ours["points"] / without["points"] - 1
    print(
        f"readiness (contributing guide, code of conduct, dev environment, merged pull requests): "
        f"{ours['points']} points with it, {without['points']} without ({extra:+.1%}); requests "
        f"{ours['requests']} and {without['requests']}"
    )
    print(
        f"rerun on the unchanged world with the previous snapshot: {again['requests']} requests, "
        f"{again['points']} points, {again['wall']:.1f} s, peak RSS {again['peak_rss_mb']:.0f} MB, "
        f"byte-identical snapshot: {identical}"
    )


if __name__ == "__main__":
    main()
