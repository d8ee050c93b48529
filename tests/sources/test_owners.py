"""Which sources.yaml entry owns which repository: one rule, wherever a repo meets its entry."""

from __future__ import annotations

from generator.core.records import Repo, Snapshot, Source
from generator.sources import entries, owner_of

OWN = Source(repo="hackforla/website", cause="civic-tech")
ORG = Source(repo="hackforla", cause="civic-tech", is_org=True, exclude=("ballotnav",))


def test_the_repos_own_entry_then_its_org_unless_excluded():
    assert owner_of((ORG, OWN), "HackForLA/Website") is OWN
    assert owner_of((ORG, OWN), "hackforla/311-data") is ORG
    assert owner_of((ORG, OWN), "hackforla/ballotnav") is None
    assert owner_of((), "a/b") is None


def test_entries_link_each_repo_to_the_entry_it_was_fetched_for():
    fetched = Repo("hackforla/311-data", "u", source="hackforla")
    captured = Repo("HackForLA/Website", "u")  # a capture that did not record its entry
    dropped = Repo("gone/repo", "u", source="gone/repo")  # its entry was removed from sources.yaml
    found = entries((OWN, ORG), Snapshot("2026-08-08T00:00:00Z", (fetched, captured, dropped)))
    assert [(e.source.repo, [r.name_with_owner for r in e.repos]) for e in found] == [
        ("hackforla/website", ["HackForLA/Website"]),
        ("hackforla", ["hackforla/311-data"]),
    ]
