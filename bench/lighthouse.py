"""Lighthouse (mobile) on the home page, a skill page and a repo page: the scores a visitor's phone gets.

    .venv/bin/python bench/lighthouse.py                        # the project's sources and snapshot
    .venv/bin/python bench/lighthouse.py --runs 5 --base-url https://example.org/shovel/

Run by hand (the test suite never runs it). It builds the site from the given inputs into a temporary
folder, serves it on 127.0.0.1 as GitHub Pages serves it (gzip, a 10-minute cache; under the base URL's path, so a
prefix is exercised as deployed), and runs Lighthouse itself, headless in Debian's Chromium, in its
default mobile form factor and simulated throttling, `--runs` times per page. Lighthouse is installed
with npm into .cache/lighthouse/ (git-ignored) the first time; the version is pinned below.

It prints a Markdown table of the medians (each figure is the median of the runs on its own) and every
audit that failed on a page, with how many runs it failed in. It exits 1 when a median category score
is under 0.98, the median layout shift is over 0.02, a run failed, or a page asked for anything outside
127.0.0.1 (Chromium is also pointed at a dead proxy for every host but the loopback, so nothing could
leave the machine); 0 otherwise; 2 when Lighthouse cannot be installed or Chromium is missing. The
JSON reports stay in the temporary folder, whose path is printed.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import io
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import xml.etree.ElementTree as ET
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator import cli  # noqa: E402

LIGHTHOUSE_VERSION = "12.8.2"  # the 12.x line runs on Node >= 18.16; 13.x wants a newer Node
CACHE = ROOT / ".cache" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
MIN_SCORE = 0.98
MAX_CLS = 0.02
CHROME_FLAGS = (
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    # Chromium never sends loopback requests through a proxy, and anything else goes to a port
    # where nothing listens: no request can leave the machine even if a page asked for one.
    "--proxy-server=http://127.0.0.1:9",
)
NOT_REQUESTS = ("data:", "blob:", "about:", "chrome:", "chrome-extension:")


class _LikePages(SimpleHTTPRequestHandler):
    """Serves the site as GitHub Pages does: gzip for text when the browser asks, and a 10-minute cache
    (Pages sends `Cache-Control: max-age=600`), so Lighthouse judges the pages, not a bare test server."""

    def log_message(self, format, *args):  # noqa: A002 - the base class's signature
        pass

    def end_headers(self):
        self.send_header("Cache-Control", "max-age=600")
        super().end_headers()

    def send_head(self):
        path = self.translate_path(self.path)
        if Path(path).is_dir():
            path = str(Path(path) / "index.html")
        wants = "gzip" in self.headers.get("Accept-Encoding", "")
        kind = self.guess_type(path)
        if not wants or not Path(path).is_file() or not kind.startswith(("text/", "application/")):
            return super().send_head()
        body = gzip.compress(Path(path).read_bytes(), mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


def lighthouse_bin() -> Path:
    """The pinned Lighthouse, installed with npm into the cache folder when it is missing."""
    binary = CACHE / "node_modules" / ".bin" / "lighthouse"
    installed = CACHE / "node_modules" / "lighthouse" / "package.json"
    if installed.is_file() and json.loads(installed.read_text())["version"] == LIGHTHOUSE_VERSION:
        return binary
    if shutil.which("npm") is None:
        raise SystemExit("npm is missing: install Node.js 20 (npm comes with it)")
    print(f"installing lighthouse@{LIGHTHOUSE_VERSION} into {CACHE} …", file=sys.stderr)
    CACHE.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(
        [
            "npm",
            "install",
            "--prefix",
            str(CACHE),
            "--no-audit",
            "--no-fund",
            "--save-exact",
            f"lighthouse@{LIGHTHOUSE_VERSION}",
        ],
        check=False,
    )
    if done.returncode != 0 or not binary.exists():
        raise SystemExit(f"npm could not install lighthouse@{LIGHTHOUSE_VERSION}")
    return binary


def build_site(sources: str, snapshot: str, base_url: str, folder: Path) -> tuple[Path, Path, str]:
    """Build into folder/www/<prefix>; return (served root, site folder, path prefix)."""
    prefix = urlsplit(base_url if base_url.endswith("/") else base_url + "/").path or "/"
    served = folder / "www"
    out = served / prefix.strip("/") if prefix.strip("/") else served
    argv = ["build", "--sources", sources, "--snapshot", snapshot, "--out", str(out)]
    if cli.main([*argv, "--base-url", base_url, "-q"]) != 0:
        raise SystemExit("the build failed")
    return served, out, prefix


def pages_to_measure(site: Path, prefix: str) -> dict[str, str]:
    """{name: path under the prefix}: the home page, one skill page, the sitemap's first repo page."""
    skills = sorted(p.parent.name for p in site.glob("skills/*/index.html"))
    skill = "backend" if "backend" in skills else (skills[0] if skills else None)
    repo = None
    tree = ET.parse(site / "sitemap.xml")
    for loc in tree.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc"):
        path = urlsplit(loc.text.strip()).path
        relative = path[len(prefix) :] if path.startswith(prefix) else path.lstrip("/")
        parts = relative.strip("/").split("/")
        if len(parts) == 3 and parts[0] == "repos":
            repo = relative
            break
    pages = {"home": ""}
    if skill:
        pages["skill"] = f"skills/{skill}/"
    if repo:
        pages["repo"] = repo
    return pages


def serve(served: Path) -> tuple[ThreadingHTTPServer, str]:
    server = ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(_LikePages, directory=str(served))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


def run_lighthouse(binary: Path, chromium: str, url: str, report: Path) -> dict:
    """One Lighthouse run; its report (the LHR) as a dict."""
    command = [
        str(binary),
        url,
        "--output=json",
        f"--output-path={report}",
        f"--only-categories={','.join(CATEGORIES)}",
        f"--chrome-flags={' '.join(CHROME_FLAGS)}",
        "--no-enable-error-reporting",
        "--quiet",
    ]
    env = {**os.environ, "CHROME_PATH": chromium}
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0 or not report.is_file():
        raise RuntimeError(f"lighthouse failed on {url}:\n{done.stderr[-2000:]}")
    return json.loads(report.read_text())


def figures(lhr: dict) -> dict[str, float | None]:
    audits = lhr["audits"]
    found = {c: lhr["categories"][c]["score"] for c in CATEGORIES}
    for key, audit in (
        ("cls", "cumulative-layout-shift"),
        ("lcp", "largest-contentful-paint"),
        ("tbt", "total-blocking-time"),
    ):
        found[key] = audits.get(audit, {}).get("numericValue")
    return found


def failed_audits(lhr: dict) -> dict[str, str]:
    """{audit id: "category: title (display value)"} for what Lighthouse's report shows as failed."""
    failed = {}
    for category in CATEGORIES:
        for ref in lhr["categories"][category]["auditRefs"]:
            audit = lhr["audits"][ref["id"]]
            mode = audit.get("scoreDisplayMode")
            if mode == "error":
                shown = f"error: {audit.get('errorMessage', '')}"
            elif mode in ("binary", "numeric", "metricSavings") and (audit["score"] or 0) < 0.9:
                shown = "; ".join(
                    filter(
                        None, [audit.get("displayValue"), audit.get("explanation"), _where(audit)]
                    )
                )
            else:
                continue
            title = audit["title"] + (f" ({shown})" if shown else "")
            failed.setdefault(ref["id"], f"{category}: {title}")
    shifts = lhr["audits"].get("layout-shifts")
    cls = lhr["audits"].get("cumulative-layout-shift", {}).get("numericValue") or 0
    if shifts and cls > MAX_CLS and "layout-shifts" not in failed:
        # Lighthouse passes a shift under 0.1; the gate here is stricter, so say what moved.
        failed["layout-shifts"] = (
            f"performance: {shifts['title']} (CLS {cls:.3f}; {_where(shifts)})"
        )
    return failed


def _where(audit: dict) -> str:
    """The elements a layout-shift audit blames, by selector."""
    if audit["id"] != "layout-shifts":
        return ""
    items = (audit.get("details") or {}).get("items", [])
    nodes = [
        f"`{i['node'].get('selector', '')}` {i.get('score', 0):.3f}"
        for i in items
        if isinstance(i.get("node"), dict)
    ]
    return "shifted: " + ", ".join(nodes[:3]) if nodes else ""


def outside_requests(lhr: dict, origin: str) -> list[str]:
    items = ((lhr["audits"].get("network-requests") or {}).get("details") or {}).get("items", [])
    return [
        i["url"]
        for i in items
        if not i["url"].startswith(origin + "/") and not i["url"].startswith(NOT_REQUESTS)
    ]


def _median(values: list) -> float | None:
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def _score(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sources", default=str(ROOT / "sources.yaml"))
    parser.add_argument("--snapshot", default=str(ROOT / "data" / "snapshot.json"))
    parser.add_argument("--base-url", default="/")
    parser.add_argument("--runs", type=int, default=3, help="runs per page; the median is kept")
    parser.add_argument(
        "--chromium",
        default=os.environ.get("CHROME_PATH")
        or os.environ.get("SHOVEL_CHROMIUM", "/usr/bin/chromium"),
    )
    args = parser.parse_args()
    if not Path(args.chromium).is_file():
        print(f"{args.chromium} is missing: install Debian's chromium package", file=sys.stderr)
        return 2
    try:
        binary = lighthouse_bin()
    except SystemExit as error:
        print(error, file=sys.stderr)
        return 2

    folder = Path(tempfile.mkdtemp(prefix="shovel-lighthouse-"))
    served, site, prefix = build_site(args.sources, args.snapshot, args.base_url, folder)
    pages = pages_to_measure(site, prefix)
    reports = folder / "reports"
    reports.mkdir()
    server, origin = serve(served)
    started = time.perf_counter()
    rows, failures, problems = {}, {}, []
    try:
        for name, path in pages.items():
            url = origin + prefix + path
            runs, failed = [], {}
            for run in range(1, args.runs + 1):
                try:
                    lhr = run_lighthouse(binary, args.chromium, url, reports / f"{name}-{run}.json")
                except RuntimeError as error:
                    problems.append(str(error))
                    continue
                if lhr.get("runtimeError"):
                    problems.append(f"{name} run {run}: {lhr['runtimeError'].get('message')}")
                for request in outside_requests(lhr, origin):
                    problems.append(f"{name} run {run} asked for {request} (outside 127.0.0.1)")
                runs.append(figures(lhr))
                for audit, text in failed_audits(lhr).items():
                    failed.setdefault(audit, [text, 0])[1] += 1
            rows[name] = (path, {k: _median([r[k] for r in runs]) for k in runs[0]} if runs else {})
            failures[name] = failed
    finally:
        server.shutdown()
        server.server_close()
    elapsed = time.perf_counter() - started

    print(
        f"Lighthouse {LIGHTHOUSE_VERSION}, mobile, median of {args.runs} runs, base URL "
        f"`{args.base_url}` ({elapsed:.0f} s)\n"
    )
    print("| page | performance | accessibility | best practices | SEO | CLS | LCP | TBT |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    gate = []
    for name, (path, row) in rows.items():
        if not row:
            print(f"| {name} (`/{path}`) | no run succeeded |  |  |  |  |  |  |")
            gate.append(f"{name}: no run succeeded")
            continue
        cls, lcp, tbt = row["cls"], row["lcp"], row["tbt"]
        print(
            f"| {name} (`/{path}`) | "
            + " | ".join(_score(row[c]) for c in CATEGORIES)
            + f" | {'—' if cls is None else f'{cls:.3f}'}"
            + f" | {'—' if lcp is None else f'{lcp / 1000:.2f} s'}"
            + f" | {'—' if tbt is None else f'{tbt:.0f} ms'} |"
        )
        gate += [
            f"{name}: {c} {_score(row[c])} < {MIN_SCORE}"
            for c in CATEGORIES
            if row[c] is None or row[c] < MIN_SCORE
        ]
        if cls is None or cls > MAX_CLS:
            gate.append(f"{name}: layout shift {'—' if cls is None else f'{cls:.3f}'} > {MAX_CLS}")
    print("\n## Failed audits\n")
    for name, failed in failures.items():
        print(f"- **{name}**: " + ("none" if not failed else ""))
        for audit, (text, count) in sorted(failed.items(), key=lambda kv: kv[1][0]):
            print(f"  - `{audit}` {text} — {count}/{args.runs} runs")
    if problems:
        print("\n## Problems\n")
        for problem in problems:
            print(f"- {problem}")
    print(f"\nJSON reports: {reports}")
    if gate or problems:
        print("\nFAIL: " + "; ".join(gate + problems[:3]))
        return 1
    print(f"\nPASS: every category ≥ {MIN_SCORE} and layout shift ≤ {MAX_CLS} on every page")
    return 0


if __name__ == "__main__":
    sys.exit(main())
