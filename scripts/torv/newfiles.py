"""`torv new`: a new news item's, meeting's or commitment's files (made by scaffold.py) written into the repository."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass

from . import scaffold
from .discover import discover
from .settings import ConfigError, load_settings, today_in


@dataclass(frozen=True)
class NewContent:
    """What the editor asked for: a news item or meeting (title ...) or a commitment (pillar, text)."""

    kind: str  # news | meeting | commitment
    title: str = ""
    summary: str | None = None
    start: str | None = None
    end: str | None = None
    location: str | None = None
    pillar: str = ""
    text: str = ""
    id: str | None = None


def write_new(root: str, today: dt.date | None, wanted: NewContent) -> int:
    """Write the new files (nothing when one exists already) and say what to do next; the exit code."""
    try:
        settings = load_settings(root)
    except ConfigError as exc:
        print(exc.report.render())
        return 2
    today = today or today_in(settings.timezone)
    markdown = [rel for rel in discover(root) if rel.endswith(".md")]
    try:
        if wanted.kind == "commitment":
            existing = _read_files(root, [rel for rel in markdown if rel.rsplit("/", 1)[0] == "policy/pillars"])
            files = scaffold.add_commitment(settings, existing, wanted.pillar, wanted.text, wanted.id)
        else:
            if wanted.kind == "meeting" and not wanted.start:
                raise scaffold.ScaffoldError(
                    'missing start: a meeting needs its local date and time, e.g. START="2026-12-03 08:30"'
                )
            names = [rel for rel in markdown if rel.startswith("news/")]
            files = scaffold.new_news(
                settings,
                _read_files(root, names),
                wanted.title,
                today,
                summary=wanted.summary,
                start=wanted.start,
                end=wanted.end,
                location=wanted.location,
            )
    except scaffold.ScaffoldError as exc:
        print(f"Nothing was created: {exc}")
        return 2
    for rel in files:
        if wanted.kind != "commitment" and os.path.exists(os.path.join(root, rel)):
            print(f"Nothing was created: {rel} exists already")
            return 2
    for rel, text in files.items():
        path = os.path.join(root, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
    default = settings.default_language
    verb = "Changed" if wanted.kind == "commitment" else "Created"
    print(f"{verb}:")
    for rel in files:
        lang = rel.rsplit(".", 2)[-2]
        if wanted.kind == "commitment":
            note = "added with status: planned" if lang == default else "translate the text marked TODO:"
        else:
            note = "write the text here" if lang == default else "translate every text marked TODO:"
        print(f"  {rel}   {note}")
    print("Then run `make validate`: it lists every TODO: still to translate.")
    if wanted.kind != "commitment":
        print("Not ready to translate? Delete those files for now: the page is shown in the default language.")
    return 0


def _read_files(root: str, names: list[str]) -> dict[str, str]:
    out = {}
    for rel in names:
        with open(os.path.join(root, rel), encoding="utf-8", newline="") as fh:
            out[rel] = fh.read()
    return out
