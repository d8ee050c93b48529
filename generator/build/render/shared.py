"""What many files of the site share, made once: each card's HTML, each feed entry, the filter index.

A card is on several pages and a feed entry in several feeds. Forked writers that each made them as
their pages asked would both make nearly all of them (a card's pages fall to both writers), so with
several processes they are made beforehand, each process a share, and handed back to this one.
"""

from __future__ import annotations

import marshal
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..parallel import run_forked


@dataclass
class Once:
    """Values made at most once per key: `once(item)` makes or recalls `make(item)`."""

    key: Callable[[Any], Hashable]
    make: Callable[[Any], str | bytes]
    values: dict = field(default_factory=dict)

    def __call__(self, item):
        key = self.key(item)
        if key not in self.values:
            self.values[key] = self.make(item)
        return self.values[key]


def make_all(
    jobs: Sequence[tuple[Once, Sequence[Any]]],
    whole: Callable[[], dict[str, bytes]],
    workers: int,
) -> dict[str, bytes]:
    """Fill every `Once` with the values of its items, and return `whole()`, over `workers`
    processes: share n makes every workers-th item from the n-th; `whole` (one indivisible piece
    of work) falls to the last share, a forked one."""
    if workers <= 1:
        for once, items in jobs:
            for item in items:
                once(item)
        return whole()

    def work(share: int) -> bytes:
        if share == 0:  # run here: fill directly
            for once, items in jobs:
                for item in items[::workers]:
                    once(item)
            return marshal.dumps(([[] for _ in jobs], {}))
        made = [[once.make(item) for item in items[share::workers]] for once, items in jobs]
        return marshal.dumps((made, whole() if share == workers - 1 else {}))

    answers = run_forked(work, workers)
    result: dict[str, bytes] = {}
    for share, answer in enumerate(answers[1:], start=1):
        made, piece = marshal.loads(answer)
        result.update(piece)
        for (once, items), values in zip(jobs, made, strict=True):
            for item, value in zip(items[share::workers], values, strict=True):
                once.values[once.key(item)] = value
    return result
