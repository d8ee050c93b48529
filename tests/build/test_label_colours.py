"""Label colours on a site of many repos: a bounded stylesheet, every class a page uses defined,
and label text that keeps its contrast on the colour shown."""

from __future__ import annotations

import hashlib
import re

from helpers import issue, write_world

from generator import cli
from generator.core.records import Label


def _contrast(background: str, text: str) -> float:
    def luminance(colour: str) -> float:
        channels = [int(colour[i : i + 2], 16) / 255 for i in (0, 2, 4)]
        linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    light, dark = sorted((luminance(background), luminance(text)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_a_thousand_label_colours_give_a_small_stylesheet_with_every_class_defined(tmp_path):
    # 40 repos whose labels each have a colour of their own, as GitHub's label form proposes them.
    world = {
        f"civic/r{r}": [
            issue(
                f"civic/r{r}",
                n,
                labels=tuple(
                    Label(name, hashlib.sha256(f"{r}/{name}".encode()).hexdigest()[:6])
                    for name in ("good first issue", f"area {n}", f"kind {n % 7}", "status/ok")
                ),
            )
            for n in range(1, 26)
        ]
        for r in range(40)
    }
    sources, snapshot = write_world(tmp_path, world)
    site = tmp_path / "site"
    args = ["--sources", str(sources), "--snapshot", str(snapshot), "--out", str(site), "-q"]
    assert cli.main(["build", *args]) == 0

    css = (site / "static" / "labels.css").read_text()
    rules = dict(re.findall(r"\.lc-([0-9a-f]{6})\{--label:#([0-9a-f]{6})\}", css))
    assert 50 < len(rules) <= 216  # about 1,000 colours given, shown in at most 216 shades
    assert css.count("\n") == len(rules)
    used = set()
    for page in site.rglob("*.html"):
        for shade, text in re.findall(r'class="label lc-([0-9a-f]{6}) (dk|lt)"', page.read_text()):
            used.add((shade, text))
    assert len(used) > 50
    for shade, text in used:
        assert rules[shade] == shade  # defined, in the colour its name says
        # WCAG AA for small text, on the colour actually shown
        assert _contrast(shade, "000000" if text == "dk" else "ffffff") >= 4.5, shade
