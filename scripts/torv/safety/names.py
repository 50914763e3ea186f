"""Names of files, folders and slugs: lower-case letters, digits and hyphens, so every address is plain.

No name can then break out of an HTML attribute or become an address with spaces or capitals. A wrong name
gets a proposed correct one.
"""

from __future__ import annotations

import re
import unicodedata

NAME = re.compile(r"^[a-z0-9][a-z0-9-]*$")
EXTENSION = re.compile(r"^[a-z0-9]+$")
# Nordic letters have conventional spellings in addresses; other accents are dropped.
TRANSLITERATE = {"æ": "ae", "ø": "oe", "å": "aa", "ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss",
                 "Æ": "ae", "Ø": "oe", "Å": "aa", "Ä": "ae", "Ö": "oe", "Ü": "ue", "ð": "d", "þ": "th"}  # fmt: skip


def proposed(name: str) -> str:
    """The nearest allowed name: `Møde i Åbenrå (2)` -> `moede-i-aabenraa-2`."""
    text = "".join(TRANSLITERATE.get(ch, ch) for ch in name)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    text = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    return text or "navn"


def path_problem(rel: str) -> str | None:
    """Why a content file's path (repo-relative, with /) has a name that is not allowed, with the corrected
    path; None when every part is fine. Markdown files keep their `.<lang>.md` ending (the language is
    checked where the file is read)."""
    parts = rel.split("/")
    fixed, wrong = [], False
    for i, part in enumerate(parts):
        stem, suffix = part, ""
        if i == len(parts) - 1:
            m = re.match(r"^(.*?)((?:\.[A-Za-z]{2,3}(?:-[A-Za-z]{2,4})?)?\.md)$", part)
            if m:
                stem, suffix = m.group(1), m.group(2)
            elif "." in part:
                stem, ext = part.rsplit(".", 1)
                suffix = "." + (ext.lower() if EXTENSION.match(ext.lower()) else proposed(ext))
                wrong |= suffix != "." + ext
        if not NAME.match(stem):
            wrong = True
            stem = proposed(stem)
        fixed.append(stem + suffix)
    if not wrong:
        return None
    return (
        f"expected names of lower-case letters, digits and - (no spaces, capitals or other characters; "
        f"they become the page's address): rename it to {'/'.join(fixed)}"
    )


def slug_hint(value: str) -> str:
    """`, e.g. <name>` when a proposed form exists and differs."""
    p = proposed(value)
    return f", e.g. {p}" if p and p != value else ""
