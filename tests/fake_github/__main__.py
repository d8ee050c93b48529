"""Serve a generated world in its own process: `python -m fake_github --repos 1000 --latency 0.3`.

Prints one JSON line ({"url", "graphql_url", "token"}) once listening, then serves until stdin
closes. GET /_fake/stats and /_fake/reset give and clear the request and point counters."""

from __future__ import annotations

import argparse
import json
import sys

from . import world
from .server import FakeGitHub


def main() -> None:
    parser = argparse.ArgumentParser(prog="fake_github", description=__doc__)
    parser.add_argument(
        "--repos", type=int, default=1000, help="repositories in the generated world"
    )
    parser.add_argument("--seed", type=int, default=0, help="world generator seed")
    parser.add_argument("--latency", type=float, default=0.0, help="seconds before each answer")
    parser.add_argument("--token", default="bench-token", help="the token clients must send")
    args = parser.parse_args()
    fake = FakeGitHub(token=args.token, latency=args.latency, graphql_limit=10**6, core_limit=10**6)
    world.load(fake, world.generate(args.repos, args.seed))
    with fake:
        sys.stdout.write(
            json.dumps({"url": fake.url, "graphql_url": fake.graphql_url, "token": args.token})
            + "\n"
        )
        sys.stdout.flush()
        sys.stdin.read()  # until the parent closes our stdin or exits


if __name__ == "__main__":
    main()
