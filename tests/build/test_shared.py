"""Pieces many files share are made once, spread over forked processes, and handed back whole."""

from __future__ import annotations

import os

import pytest

from generator.build.render.shared import Once, make_all
from generator.core.errors import ShovelError


def made_by(item: int) -> str:
    return f"{item}@{os.getpid()}"


def test_every_value_is_made_once_by_some_process_and_the_whole_by_a_forked_one():
    here = str(os.getpid())
    squares, labels = Once(lambda n: n, made_by), Once(lambda n: -n, lambda n: f"#{n}".encode())
    whole = make_all(
        [(squares, range(10)), (labels, range(5))],
        lambda: {"index": str(os.getpid()).encode()},
        workers=2,
    )
    assert sorted(squares.values) == list(range(10))
    assert labels.values == {-n: f"#{n}".encode() for n in range(5)}
    makers = {n: squares.values[n].split("@")[1] for n in range(10)}
    assert {makers[n] for n in range(5)} == {here}  # share 0 runs here
    assert here not in {makers[n] for n in range(5, 10)}  # share 1 in a fork
    assert whole["index"].decode() not in (here, "")
    assert squares(3) == squares.values[3]  # recalled, not made again


def test_the_share_that_makes_the_whole_makes_fewer_items():
    once = Once(lambda n: n, made_by)
    make_all([(once, range(100))], dict, workers=2, whole_weight=0.5)
    forked = [n for n, value in once.values.items() if value.split("@")[1] != str(os.getpid())]
    assert forked == list(range(75, 100))  # 25 items + the whole against 75 items


def test_one_worker_makes_everything_here():
    once = Once(lambda n: n, made_by)
    assert make_all([(once, [1, 2])], lambda: {"x": b"1"}, workers=1) == {"x": b"1"}
    assert {v.split("@")[1] for v in once.values.values()} == {str(os.getpid())}


def test_a_failure_in_a_forked_share_is_raised_here():
    def fail_on_odd(n: int) -> str:
        if n % 2:
            raise ValueError(f"card {n} is broken")
        return str(n)

    with pytest.raises(ShovelError, match="card 1 is broken"):
        make_all([(Once(lambda n: n, fail_on_odd), [0, 1])], dict, workers=2)
