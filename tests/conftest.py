"""Shared fixtures: a fake GitHub on 127.0.0.1 (see tests/fake_github/__init__.py for what it can do)."""

from __future__ import annotations

import pytest
from fake_github import FakeGitHub
from fake_github.graphql_api import schema

TOKEN = "test-token-do-not-store"


@pytest.fixture(scope="session", autouse=False)
def github_schema():
    """GitHub's public schema, built once (about a second)."""
    return schema()


@pytest.fixture
def fake_github(github_schema):
    """A running fake GitHub: `.url` (REST base), `.graphql_url`, `.add_repo`, `.add_issue`, `.inject`, …"""
    with FakeGitHub(token=TOKEN) as fake:
        yield fake


@pytest.fixture
def github_env(fake_github):
    """The environment a fetch or an online check reads, pointing at the fake."""
    return {"GITHUB_TOKEN": TOKEN, "GITHUB_API_URL": fake_github.url, "GITHUB_GRAPHQL_URL": fake_github.graphql_url}
