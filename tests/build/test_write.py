"""The writer: whole trees swapped in, nothing half-written, the same bytes for any number of
processes."""

from __future__ import annotations

import zlib
from collections.abc import Mapping

import pytest

from generator import cli
from generator.build.write import write_tree
from generator.core.errors import WriteError
from tests.helpers import CATALOG_ARGS, read_tree

FILES = {f"pages/{n:03d}/index.html": f"page {n}\n".encode() for n in range(40)} | {
    "index.html": b"home\n"
}


class Failing(Mapping):
    """Files whose content cannot be produced for one name, as when a template breaks mid-build."""

    def __init__(self, files, bad):
        self.files, self.bad = files, bad

    def __getitem__(self, name):
        if name == self.bad:
            raise RuntimeError(f"cannot render {name}")
        return self.files[name]

    def __iter__(self):
        return iter(self.files)

    def __len__(self):
        return len(self.files)


@pytest.mark.parametrize("workers", [1, 2, 3])
def test_every_file_is_written_whatever_the_number_of_workers(tmp_path, workers):
    write_tree(FILES, tmp_path / "site", workers=workers)
    assert read_tree(tmp_path / "site") == FILES


@pytest.mark.parametrize("workers", [1, 2])
def test_a_failure_in_any_worker_leaves_the_previous_site_and_no_debris(tmp_path, workers):
    write_tree({"index.html": b"old\n"}, tmp_path / "site")
    # a name in the second share (a forked worker's when workers is 2), as the writer shares them
    bad = next(name for name in sorted(FILES) if zlib.crc32(name.encode()) % 2 == 1)
    with pytest.raises((WriteError, RuntimeError), match="cannot render"):
        write_tree(Failing(FILES, bad), tmp_path / "site", workers=workers)
    assert read_tree(tmp_path / "site") == {"index.html": b"old\n"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


@pytest.mark.parametrize("name", ["../escape.html", "/etc/passwd", "a/../../b", ""])
def test_paths_outside_the_site_are_refused(tmp_path, name):
    with pytest.raises(WriteError, match="refusing"):
        write_tree({name: b"x"}, tmp_path / "site")
    assert not (tmp_path / "site").exists()


@pytest.mark.slow
def test_one_and_two_build_processes_give_the_same_bytes(tmp_path):
    for jobs in ("1", "2"):
        assert (
            cli.main(["build", *CATALOG_ARGS, "--out", str(tmp_path / jobs), "--jobs", jobs, "-q"])
            == 0
        )
    assert read_tree(tmp_path / "1") == read_tree(tmp_path / "2")
