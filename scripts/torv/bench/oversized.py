"""Validation of oversized input (the figures the security issue asks for): the base site with one news
item whose body is 5 MB, and with one whose body is a single 400 KB line, against the same site as is; and
bodies an attacker (or an accident) could write: the big ones are refused by the limits of
scripts/torv/safety/body.py, the rest are the worst found just inside them."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os

from . import archive as archive_mod
from .measure import Validation, validate
from .words import SENTENCES

BODY_BYTES = 5_000_000
LINE_BYTES = 400_000
# Hostile bodies (after wip-sec's bench): (name, body).
HOSTILE = (
    ("one line of 400 kB of [", "[" * 400_000),
    ("one line of 400 kB of <a", "<a " * 133_000),
    ("99 kB of links (accepted)", "\n\n".join(["[x](y) " * 660] * 20)[:99_000]),
    ("99 kB of character references (accepted)", "\n\n".join(["&amp;" * 1990] * 9)),
    ("99 kB with 4 unclosed [ (accepted)", "[[[[" + "ord " * 24_500),
)


@dataclasses.dataclass(frozen=True)
class Case:
    name: str
    validation: Validation


def _text(size: int, single_line: bool) -> str:
    sentences = SENTENCES["da"]
    parts, total, k = [], 0, 0
    while total < size:
        s = sentences[k % len(sentences)]
        k += 1
        parts.append(s)
        total += len(s.encode("utf-8")) + 1
        if not single_line and k % 5 == 0:
            parts.append("\n\n")
    return (" ".join(parts).replace(" \n\n ", "\n\n") if not single_line else " ".join(parts)) + "\n"


def measure(workdir: str, today: dt.date = archive_mod.TODAY, base_root: str = archive_mod.BASE_SITE) -> list:
    """[Case]: the site with one ordinary item, then with that item's body 5 MB, then one 400 KB line."""
    root = os.path.join(workdir, "oversized")
    site = archive_mod.write(root, 1, base_root=base_root, today=today)
    item = site.items[0]
    source = os.path.join(root, item.folder, f"{item.id}.{site.languages[0]}.md")
    with open(source, encoding="utf-8") as fh:
        original = fh.read()
    head = original[: original.index("---\n", 4) + 4]
    cases = [Case("the base site and one news item", validate(root, today))]
    for name, body in (
        (f"its body {BODY_BYTES / 1e6:.0f} MB", _text(BODY_BYTES, False)),
        (f"its body one line of {LINE_BYTES / 1e3:.0f} kB", _text(LINE_BYTES, True)),
        *((f"its body {what}", text + "\n") for what, text in HOSTILE),
    ):
        with open(source, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(head + body)
        cases.append(Case(name, validate(root, today)))
    with open(source, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(original)
    return cases
