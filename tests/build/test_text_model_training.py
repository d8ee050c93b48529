"""scripts/train_judge.py makes exactly the committed weights: the same data and code, the same bytes.

Needs numpy, which only training needs and .ci/setup does not install: `pip install -e '.[train]'`.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytest.importorskip(
    "numpy",
    reason="retraining needs numpy: pip install -e '.[train]' (the build and CI do not)",
)
sys.path.insert(0, str(ROOT / "scripts"))
import train_judge  # noqa: E402


def test_retraining_writes_the_committed_weights_and_fold_models_byte_for_byte():
    made = train_judge.outputs()
    assert set(made) == {train_judge.WEIGHTS, train_judge.FOLDS}
    for path, data in made.items():
        assert path.read_bytes() == data, (
            f"{path.relative_to(ROOT)} is not what training makes now: "
            "run `python scripts/train_judge.py` and commit the result"
        )
