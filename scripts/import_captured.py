"""Build the embedded snapshot from the captured issue files (a maintainer's one-off, not run by builds).

    python scripts/import_captured.py ../shared/data/open-issues.jsonl
    ../shared/data/civic-issues.jsonl

Keeps the issues of repos listed in sources.yaml: every record of open-issues.jsonl (all open and
beginner-labeled when captured) and the open records of civic-issues.jsonl that carry one of their
entry's beginner labels. Fields are copied as captured; what was not captured stays empty.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from generator import sources  # noqa: E402
from generator.core import snapshot  # noqa: E402
from generator.core.files import write_file  # noqa: E402
from generator.core.records import Capture, Issue, Label, Repo, Snapshot  # noqa: E402
from generator.fetch.outline import outline  # noqa: E402

FGFI_NOTE = (
    "open beginner-labeled issues as published in the public data of GitHub's For Good First Issue "
    "site (generated.json of its deploy branch); bodies, authors and update times were not captured"
)
CIVIC_NOTE = (
    "issues read from public GitHub issue pages with their maintainers' labels; the capture time was "
    "not recorded (the newest date in the records is {newest}); states are as captured and may have "
    "changed"
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("open_issues", help="open-issues.jsonl")
    parser.add_argument("civic_issues", help="civic-issues.jsonl")
    parser.add_argument("--sources", default="sources.yaml")
    parser.add_argument("--out", default="data/snapshot.json")
    args = parser.parse_args()

    entries = sources.load(args.sources)

    def source_of(name: str):
        return sources.owner_of(entries, name)

    fgfi = [
        json.loads(line) for line in Path(args.open_issues).read_text().splitlines() if line.strip()
    ]
    civic = [
        json.loads(line)
        for line in Path(args.civic_issues).read_text().splitlines()
        if line.strip()
    ]

    repos: dict[str, dict] = {}
    issues: dict[str, dict[int, Issue]] = {}
    for record in fgfi:
        source = source_of(record["repo"])
        if source is None:
            continue
        repos.setdefault(record["repo"], {}).update(
            description=record.get("repo_description") or "",
            language=record.get("language") or "",
            stars=record.get("repo_stars"),
            license=record.get("repo_license") or "",
            topics=tuple(record.get("repo_topics") or ()),
            source=source.repo,
        )
        issues.setdefault(record["repo"], {})[record["number"]] = _issue(
            record, record.get("comments_count")
        )
    for record in civic:
        source = source_of(record["repo"])
        if source is None or record["state"] != "open":
            continue
        wanted = {label.lower() for label in source.labels}
        if not wanted & {label.lower() for label in record["labels"]}:
            continue
        repos.setdefault(record["repo"], {}).setdefault("language", record.get("language") or "")
        repos[record["repo"]]["source"] = source.repo
        issues.setdefault(record["repo"], {}).setdefault(
            record["number"], _issue(record, record.get("comments_count_seen"))
        )

    newest = max(
        d for r in civic for d in (r.get("created") or "", r.get("last_comment_date") or "")
    )
    result = Snapshot(
        captured_at=max(r["captured_at"] for r in fgfi),
        captures=(
            Capture(
                "For Good First Issue public data", max(r["captured_at"] for r in fgfi), FGFI_NOTE
            ),
            Capture("civic-issues capture", "", CIVIC_NOTE.format(newest=newest[:10])),
        ),
        repos=tuple(
            Repo(
                name_with_owner=name,
                url=f"https://github.com/{name}",
                issues=tuple(issues[name].values()),
                **meta,
            )
            for name, meta in repos.items()
        ),
    )
    write_file(args.out, snapshot.dumps(result))
    total = sum(len(r.issues) for r in result.repos)
    print(f"{args.out}: {len(result.repos)} repos, {total} issues")


def _issue(record: dict, comments_count: int | None) -> Issue:
    return Issue(
        repo=record["repo"],
        number=record["number"],
        title=record["title"],
        url=record["url"],
        created=record.get("created") or "",
        author=record.get("author") or "",
        labels=tuple(Label(name) for name in record["labels"]),
        comments_count=comments_count,
        last_comment_at=record.get("last_comment_date") or "",
        body=record.get("body") or "",
        outline=outline(record["body"], record["repo"]) if record.get("body") else None,
        comment_claim=bool(record.get("has_assignment_claim")),
    )


if __name__ == "__main__":
    main()
