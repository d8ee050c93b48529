"""A theme's broken card template stops the build with a message naming the template, and the
site already published stays as it was."""

from __future__ import annotations

import pytest

from generator import cli
from tests.helpers import CATALOG_ARGS, read_tree


@pytest.mark.parametrize("workers", ["1", "2"])
def test_a_broken_card_template_names_itself_and_keeps_the_old_site(tmp_path, capsys, workers):
    site = tmp_path / "site"
    assert cli.main(["build", *CATALOG_ARGS, "--out", str(site), "-q"]) == 0
    before = read_tree(site)
    overrides = tmp_path / "overrides" / "templates"
    overrides.mkdir(parents=True)
    # StrictUndefined: a misspelt field is an error, not an empty string on every card.
    (overrides / "_card.html").write_text("<li>{{ card.issue.titel }}</li>\n")
    args = ["build", *CATALOG_ARGS, "--out", str(site), "--jobs", workers, "-q"]
    code = cli.main([*args, "--overrides", str(overrides.parent)])
    assert code != 0
    error = capsys.readouterr().err
    assert "_card.html" in error and "titel" in error
    assert read_tree(site) == before
