"""Shared fixtures: a fake GitHub on 127.0.0.1 (see tests/fake_github/__init__.py for what it can do), the
markers that keep a fast loop (`pytest -m "not browser"`), and the one flag that rewrites golden files."""

from __future__ import annotations

from pathlib import Path

import pytest
from fake_github import FakeGitHub
from fake_github.graphql_api import schema

TOKEN = "test-token-do-not-store"
TESTS = Path(__file__).resolve().parent
# Tests that start an external program, replay a whole workflow, retrain a model or collect the
# suite again: minutes together, so they carry `slow`; so does, by its own mark, any other test
# that takes a second or more on a 2-core machine.
SLOW = (
    "workflows/",
    "build/test_html_valid.py",
    "build/test_takeable.py",
    "build/test_text_model_training.py",
    "build/test_classify_eval.py",
    "test_collected.py",
)


def pytest_addoption(parser):
    parser.addoption(
        "--regenerate",
        action="store_true",
        help="rewrite every golden file (expected pages, reports, sources.schema.json) from the "
        "current output; review the diff before committing it",
    )


def pytest_collection_modifyitems(config, items):
    for item in items:
        where = Path(str(item.fspath)).resolve().relative_to(TESTS).as_posix()
        if where.startswith("browser/"):
            item.add_marker(pytest.mark.browser)
        elif where.startswith(SLOW):
            item.add_marker(pytest.mark.slow)


@pytest.fixture(scope="session")
def regenerate(request) -> bool:
    """True under `pytest --regenerate`: golden tests write what they got instead of comparing."""
    return request.config.getoption("--regenerate")


@pytest.fixture(scope="session", autouse=False)
def github_schema():
    """GitHub's public schema, built once (about a second)."""
    return schema()


@pytest.fixture
def fake_github(github_schema):
    """A running fake GitHub: `.url` (REST base), `.graphql_url`, `.add_repo`, `.add_issue`,
    `.inject`, …"""
    with FakeGitHub(token=TOKEN) as fake:
        yield fake


@pytest.fixture
def github_env(fake_github):
    """The environment a fetch or an online check reads, pointing at the fake."""
    return {
        "GITHUB_TOKEN": TOKEN,
        "GITHUB_API_URL": fake_github.url,
        "GITHUB_GRAPHQL_URL": fake_github.graphql_url,
    }
