"""CI for the copies this project lives in: a fork with its own list, and upstream after a refresh commit.

    python3 .ci/copies.py fork       # a clone with a 6-entry sources.yaml and a snapshot fetched now
    python3 .ci/copies.py refresh    # a clone whose snapshot the refresh job has just rewritten

Each clones the current commit into a temporary folder, fetches a new data/snapshot.json from a fake
GitHub (tests/fake_github, on 127.0.0.1) exactly as the refresh workflow runs `build.py fetch`,
commits it, then runs `bash .ci/run` there: the README's set-up and test command must pass in the
copy as they do here. Exit code is that run's."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests"), str(ROOT / "bench")]

from fake_github import FakeComment, FakeGitHub, world  # noqa: E402

from generator.core import snapshot  # noqa: E402

TOKEN = "copies-token"


def git(*args: str, cwd: Path) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


def fork_world(fake: FakeGitHub) -> str:
    """Six repositories nobody upstream lists, and the fork's sources.yaml naming them."""
    specs = world.generate(6, seed=11)
    world.load(fake, specs)
    lines = ["defaults:", "  labels: [good first issue, help wanted]", "sources:"]
    for spec in specs:
        lines += [
            f"  - repo: {spec.name}",
            "    cause: mutual-aid",
            f"    labels: [{', '.join(spec.labels)}]",
        ]
    return "\n".join(lines) + "\n"


def refreshed_world(fake: FakeGitHub, clone: Path) -> None:
    """Upstream's own repos, four months on: some issues closed, new ones opened, comments added."""
    old = snapshot.loads((clone / "data" / "snapshot.json").read_bytes())
    for n, repo in enumerate(old.repos):
        fake.add_repo(
            repo.name_with_owner,
            description=repo.description,
            language=repo.language or None,
            stars=repo.stars or 0,
            pushed_at="2026-12-01T09:00:00Z",
        )
        kept = [i for i in repo.issues if i.number % 3]  # a third were closed meanwhile
        for issue in kept:
            fake.add_issue(
                repo.name_with_owner,
                issue.number,
                issue.title,
                labels=tuple(label.name for label in issue.labels),
                body=issue.body,
                created=issue.created or "2026-07-01T00:00:00Z",
                updated="2026-11-20T00:00:00Z",
                comments=[
                    FakeComment("volunteer", "2026-11-28T10:00:00Z", "Can I take this?", "NONE")
                ]
                if n % 4 == 0
                else [],
            )
        fake.add_issue(
            repo.name_with_owner,
            90_000 + n,
            "Document how to run the tests locally",
            labels=("good first issue",),
            created="2026-11-30T12:00:00Z",
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("kind", choices=("fork", "refresh"))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix=f"shovel-{args.kind}-") as scratch:
        clone = Path(scratch) / "copy"
        subprocess.run(["git", "clone", "--quiet", str(ROOT), str(clone)], check=True)
        with FakeGitHub(token=TOKEN, graphql_limit=10**6, core_limit=10**6) as fake:
            if args.kind == "fork":
                (clone / "sources.yaml").write_text(fork_world(fake))
            else:
                refreshed_world(fake, clone)
            env = {
                **os.environ,
                "GITHUB_TOKEN": TOKEN,
                "GITHUB_API_URL": fake.url,
                "GITHUB_GRAPHQL_URL": fake.graphql_url,
            }
            subprocess.run(
                [sys.executable, "build.py", "fetch", "-q", "--max-failed", "1"],
                cwd=clone,
                env=env,
                check=True,
            )
        git(
            "-c",
            "user.name=copies",
            "-c",
            "user.email=copies@localhost",
            "commit",
            "-qam",
            f"{args.kind}: a snapshot fetched now",
            cwd=clone,
        )
        print(
            f"{args.kind}: "
            f"{snapshot.loads((clone / 'data' / 'snapshot.json').read_bytes()).captured_at}, "
            f"running bash .ci/run in {clone}",
            flush=True,
        )
        return subprocess.run(["bash", ".ci/run"], cwd=clone).returncode


if __name__ == "__main__":
    sys.exit(main())
