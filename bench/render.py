"""Render budget: build time, its growth, peak memory and the weight of what a visitor downloads.

    .venv/bin/python bench/render.py            # 20,000 and 40,000 issues in 1,000 repos
    .venv/bin/python bench/render.py --quick    # 2,000 and 4,000 issues, for a fast look

The world is generated from the shapes of the real issues in data/snapshot.json: every generated
issue takes one real issue's labels (the whole mix), body, comment count, dates and claim state, and
a title exactly as long as that issue's, made of words drawn at random from all the real titles.
Every generated repo takes one real repo's language, description and sources.yaml cause. The capture
kept no label colours, so labels take colours as GitHub gives them: its nine default labels their
default colour, any other label a colour of its own in each repo (GitHub's label form proposes a
random one), and the label styles grow with the repos as on a real site. Names are made up and say
so (`bench-0001/…`), and the titles are word salad no one would take for a real issue, so nothing
invented is passed off as real. Titles are drawn, not copied, so the pages compress like real ones:
20,000 copies of 180 real titles would shrink to a fraction under gzip and flatter the page weights.
Issues spread over repos as unevenly as the real ones do (a few repos hold most issues).

Times are wall-clock seconds of `build.py` in a fresh process and are reported next to a baseline
measured in the same run (the build of the real snapshot, and a fixed pure-Python loop), so the
figures can be compared across machines as ratios. Each build writes a new folder, as on a fresh
clone, after `os.sync()`: the disk has finished writing the generated world and the earlier builds,
whose write-back otherwise lands on the next build (on this machine up to 1.5 s of a 5 s build).
The best of three is kept. Peak memory is the build process's maximum resident set size."""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.core import snapshot as snapshot_format  # noqa: E402
from generator.core.dates import parse_time  # noqa: E402
from generator.core.records import Issue, Label, Repo, Snapshot  # noqa: E402
from generator.sources import load as load_sources  # noqa: E402

SEED = 20260808
BUDGET = {"build_s": 5.0, "growth": 2.2, "peak_mb": 300, "home_kb": 60, "js_kb": 20, "css_kb": 15}


def real_world(model: Path = ROOT) -> tuple[Snapshot, dict[str, str]]:
    """A snapshot of real issues (`model`/data/snapshot.json, or `model`/snapshot.json) and each
    repo's cause."""
    path = (
        model / "data" / "snapshot.json" if (model / "data").is_dir() else model / "snapshot.json"
    )
    real = snapshot_format.loads(path.read_bytes())
    causes = {s.key: s.cause for s in load_sources(str(model / "sources.yaml"))}
    return real, causes


def generate(
    issue_count: int, repo_count: int, folder: Path, model: Path = ROOT
) -> tuple[Path, Path]:
    """Write a sources.yaml and a snapshot of `issue_count` issues in `repo_count` repos shaped like the real
    ones of `model` (the project by default; tests pass their frozen catalog)."""
    real, causes = real_world(model)
    templates = [r for r in real.repos if r.issues]
    rng = random.Random(SEED)
    models = [templates[i % len(templates)] for i in range(repo_count)]
    rng.shuffle(models)
    # Each generated repo weighs as much as its model repo did, so issues bunch up the way real ones
    # do.
    owners = rng.choices(range(repo_count), weights=[len(m.issues) for m in models], k=issue_count)
    real_issues = [i for r in templates for i in r.issues]
    words = [w for i in real_issues for w in i.title.split()]
    per_repo: list[list[tuple[Issue, str]]] = [[] for _ in range(repo_count)]
    for owner in owners:
        model = rng.choice(real_issues)
        per_repo[owner].append((model, _title(rng, words, len(model.title)), rng.randrange(86_400)))
    repos, lines = [], ["defaults:", "  labels: [good first issue, help wanted]", "sources:"]
    for index, (model, picked) in enumerate(zip(models, per_repo, strict=True)):
        name = f"bench-{index // 10:04d}/{model.name_with_owner.split('/')[1].lower()}-{index % 10}"
        issues = tuple(
            _copy(i, title, earlier, name, number)
            for number, (i, title, earlier) in enumerate(picked, start=1)
        )
        repos.append(
            Repo(
                name_with_owner=name,
                url=f"https://github.com/{name}",
                source=name,
                description=model.description,
                language=model.language,
                stars=model.stars,
                license=model.license,
                issues=issues,
            )
        )
        cause = causes.get((model.source or model.name_with_owner).lower(), "civic-tech")
        lines += [f"  - repo: {name}", f"    cause: {cause}"]
    sources_path, snapshot_path = folder / "sources.yaml", folder / "snapshot.json"
    sources_path.write_text("\n".join(lines) + "\n")
    snapshot_path.write_bytes(
        snapshot_format.dumps(Snapshot(captured_at=real.captured_at, repos=tuple(repos)))
    )
    return sources_path, snapshot_path


def _title(rng: random.Random, words: list[str], length: int) -> str:
    """Real title words in random order, cut to the length of the real title it stands for."""
    title = rng.choice(words)
    while len(title) < length:
        title += " " + rng.choice(words)
    return title[:length].rstrip() or title


def _earlier(value: str, seconds: int) -> str:
    """A capture time moved back by up to a day, so 20,000 issues do not share 180 timestamps."""
    parsed = parse_time(value)
    if parsed is None or len(value) == 10:  # unknown, or a date without a time: kept as it is
        return value
    return (parsed - timedelta(seconds=seconds)).strftime("%Y-%m-%dT%H:%M:%SZ")


# The colours of GitHub's default labels (as its API lists them, e.g. getsentry/labels); any other
# label gets the colour GitHub's label form proposes, a random one: a colour per repo and name.
DEFAULT_COLOURS = {
    "bug": "d73a4a",
    "documentation": "0075ca",
    "duplicate": "cfd3d7",
    "enhancement": "a2eeef",
    "good first issue": "7057ff",
    "help wanted": "008672",
    "invalid": "e4e669",
    "question": "d876e3",
    "wontfix": "ffffff",
}


def _colour(repo: str, label: str) -> str:
    default = DEFAULT_COLOURS.get(label.lower())
    return default or hashlib.sha256(f"{repo}\n{label}".encode()).hexdigest()[:6]


def _copy(issue: Issue, title: str, earlier: int, repo: str, number: int) -> Issue:
    return Issue(
        repo=repo,
        number=number,
        title=title,
        url=f"https://github.com/{repo}/issues/{number}",
        created=_earlier(issue.created, earlier),
        updated=_earlier(issue.updated, earlier),
        labels=tuple(Label(label.name, _colour(repo, label.name)) for label in issue.labels),
        assignees=issue.assignees,
        comments_count=issue.comments_count,
        body=issue.body,
        linked_pr=issue.linked_pr,
        comment_claim=issue.comment_claim,
    )


def timed_build(sources: Path, snapshot: Path, out: Path) -> tuple[float, float]:
    """(wall seconds, peak resident MB) of one `build.py` run in a fresh process."""
    command = [
        sys.executable,
        str(ROOT / "build.py"),
        "--sources",
        str(sources),
        "--snapshot",
        str(snapshot),
        "--out",
        str(out),
        "-q",
    ]
    os.sync()  # not charged for the write-back of what came before (see the module's docstring)
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"build failed with exit code {process.returncode}")
    return elapsed, usage.ru_maxrss / 1024  # Linux reports kilobytes


def calibration_seconds() -> float:
    """A fixed pure-Python workload: the machine's speed, to read build times against."""
    start = time.perf_counter()
    total = 0
    for i in range(3_000_000):
        total += i % 7
    return time.perf_counter() - start


def gzipped_kb(paths: list[Path]) -> float:
    return sum(len(gzip.compress(p.read_bytes(), 9, mtime=0)) for p in paths) / 1024


def weights(site: Path) -> dict[str, float]:
    """What a visitor's browser downloads, gzipped: the home page, all JavaScript, all CSS, the
    filter index."""
    static = site / "static"
    return {
        "home_kb": gzipped_kb([site / "index.html"]),
        "js_kb": gzipped_kb(sorted(static.rglob("*.js"))),
        "css_kb": gzipped_kb(sorted(static.rglob("*.css"))),
        "index_kb": gzipped_kb([static / "filter-index.json"]),
        "block_kb": gzipped_kb([static / "filter-blocks-0.json"]),
        "blocks_kb": gzipped_kb(sorted(static.glob("filter-blocks-*.json"))),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a tenth of the size, for a fast look")
    parser.add_argument("--repos", type=int, default=1000)
    args = parser.parse_args()
    size = 2_000 if args.quick else 20_000
    calibration = min(calibration_seconds() for _ in range(3))
    results = {}
    with tempfile.TemporaryDirectory(prefix="shovel-bench-") as tmp:
        folder = Path(tmp)
        real_time, real_mb = timed_build(
            ROOT / "sources.yaml", ROOT / "data" / "snapshot.json", folder / "real"
        )
        for count in (size, 2 * size):
            world = folder / f"world-{count}"
            world.mkdir()
            sources, snapshot = generate(count, args.repos, world)
            runs = [timed_build(sources, snapshot, world / f"site-{n}") for n in range(3)]
            seconds, peak = min(runs)
            results[count] = (seconds, peak, weights(world / "site-0"))
    (small_s, small_mb, small_w), (big_s, big_mb, _) = results[size], results[2 * size]
    growth = big_s / small_s
    print(
        f"calibration loop: {calibration:.3f} s; real snapshot build: {real_time:.2f} s, "
        f"{real_mb:.0f} MB peak"
    )
    for count, (seconds, peak, _) in results.items():
        print(
            f"{count:>6} issues / {args.repos} repos: build {seconds:.2f} s "
            f"({seconds / real_time:.1f}× the real build, {seconds / calibration:.1f}× the loop), "
            f"peak {peak:.0f} MB"
        )
    print(f"growth {2 * size} / {size} issues: {growth:.2f}× time (budget ≤ {BUDGET['growth']}×)")
    print(
        f"at {size} issues, gzipped: home page {small_w['home_kb']:.1f} KB, JavaScript "
        f"{small_w['js_kb']:.1f} KB, "
        f"CSS {small_w['css_kb']:.1f} KB; on first use of the filters the index "
        f"{small_w['index_kb']:.1f} KB "
        f"and one block of 1,000 cards' titles and details {small_w['block_kb']:.1f} KB; "
        f"every block (a search by words) {small_w['blocks_kb']:.1f} KB"
    )
    over = []
    if not args.quick:
        checks = {
            "build_s": small_s,
            "growth": growth,
            "peak_mb": small_mb,
            **{k: small_w[k] for k in ("home_kb", "js_kb", "css_kb")},
        }
        over = [f"{k} {v:.2f} > {BUDGET[k]}" for k, v in checks.items() if v > BUDGET[k]]
    print("over budget: " + "; ".join(over) if over else "within budget" if not args.quick else "")
    print(
        json.dumps(
            {
                "issues": size,
                "build_s": round(small_s, 2),
                "build_2x_s": round(big_s, 2),
                "growth": round(growth, 2),
                "peak_mb": round(small_mb),
                "peak_2x_mb": round(big_mb),
                **{k: round(v, 1) for k, v in small_w.items()},
            },
            sort_keys=True,
        )
    )
    return 1 if over else 0


if __name__ == "__main__":
    raise SystemExit(main())
