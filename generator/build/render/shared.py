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
    revive: Callable[[Any], Any] = lambda value: value
    """Makes a value sent back from a forked share what `make` gives again (Markup from str)."""
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
    whole_weight: float = 0.0,
) -> dict[str, bytes]:
    """Fill every `Once` with the values of its items, and return `whole()`, over `workers`
    processes. `whole` (one indivisible piece of work) falls to the last share, a forked one, which
    takes that many fewer items: `whole_weight` is its cost as a share of all the items' cost."""
    if workers <= 1:
        for once, items in jobs:
            for item in items:
                once(item)
        return whole()
    cuts = _cuts(workers, whole_weight)

    def part(items: Sequence[Any], share: int) -> Sequence[Any]:
        return items[round(len(items) * cuts[share]) : round(len(items) * cuts[share + 1])]

    def work(share: int) -> bytes:
        if share == 0:  # run here: fill directly
            for once, items in jobs:
                for item in part(items, 0):
                    once(item)
            return marshal.dumps(([[] for _ in jobs], {}))
        made = [[_plain(once.make(item)) for item in part(items, share)] for once, items in jobs]
        return marshal.dumps((made, whole() if share == workers - 1 else {}))

    answers = run_forked(work, workers)
    result: dict[str, bytes] = {}
    for share in range(1, workers):
        made, piece = marshal.loads(answers[share])
        answers[share] = b""  # freed share by share: each is tens of megabytes at 20,000 issues
        result.update(piece)
        for (once, items), values in zip(jobs, made, strict=True):
            for item, value in zip(part(items, share), values, strict=True):
                once.values[once.key(item)] = once.revive(value)
        del made
    return result


def _plain(value: str | bytes) -> str | bytes:
    """A value marshal can send: a str subclass (Markup) as a plain str."""
    return str(value) if isinstance(value, str) else value


def _cuts(workers: int, whole_weight: float) -> list[float]:
    """Where each share's items start and end, as fractions, so that every share costs the same."""
    each = (1 + whole_weight) / workers
    last = max(each - whole_weight, 0.0)
    others = (1 - last) / (workers - 1)
    return [min(1.0, n * others) for n in range(workers)] + [1.0]
