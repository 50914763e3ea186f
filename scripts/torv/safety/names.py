"""Names of files, folders and slugs: lower-case letters, digits and hyphens, so every address is plain.

No name can then break out of an HTML attribute or become an address with spaces or capitals. A wrong name
gets a proposed correct one, spelt the way the site's language writes its letters in ASCII (languages.py).
"""

from __future__ import annotations

import re

from ..languages import language

ID = "[a-z0-9][a-z0-9-]*"  # a name, and so an id or a slug: lowercase letters, digits and - (schema/limits.py)
NAME = re.compile(f"^{ID}$")
EXTENSION = re.compile(r"^[a-z0-9]+$")
MARKDOWN_SUFFIX = re.compile(r"^(.*?)((?:\.[A-Za-z]{2,3}(?:-[A-Za-z]{2,4})?)?\.md)$")


def proposed(name: str, lang: str | None = None, fallback: str = "navn") -> str:
    """The nearest allowed name, in the spelling of `lang`: `Møde i Åbenrå (2)` (da) -> `moede-i-aabenraa-2`."""
    spell = language(lang or "").ascii
    text = re.sub(r"[^a-z0-9]+", "-", "".join(spell(ch) or " " for ch in name.lower())).strip("-")
    return text or fallback


def faults(name: str) -> list[str]:
    """What keeps a name from being plain, in words."""
    return [
        what
        for what, has in (
            ("spaces", any(ch.isspace() for ch in name)),
            ("capitals", name != name.lower()),
            ("letters outside a-z", any(ord(ch) > 127 for ch in name)),
            ("other characters", bool(re.search(r"[^\w\s-]|_", name))),
        )
        if has
    ]


def path_problem(rel: str, lang: str | None = None) -> str | None:
    """Why a content file's path (repo-relative, with /) has a name that is not allowed, with the corrected
    path (spelt in `lang`, the site's default language); None when every part is fine. Markdown files keep
    their `.<lang>.md` ending (the language is checked where the file is read)."""
    parts = rel.split("/")
    fixed: list[str] = []
    found: list[str] = []
    wrong: list[int] = []
    for i, part in enumerate(parts):
        stem, suffix, last = part, "", i == len(parts) - 1
        markdown = MARKDOWN_SUFFIX.match(part) if last else None
        if markdown:
            stem, suffix = markdown.group(1), markdown.group(2)
        elif last and "." in part:
            stem, ext = part.rsplit(".", 1)
            plain = ext.lower() if EXTENSION.match(ext.lower()) else proposed(ext)
            suffix = "." + plain
            if plain != ext:
                wrong.append(i)
                found += faults(ext)
        if not NAME.match(stem):
            if i not in wrong:
                wrong.append(i)
            found += faults(stem)
            stem = proposed(stem, lang, "side" if markdown else "navn")
        fixed.append(stem + suffix)
    if not wrong:
        return None
    found = list(dict.fromkeys(found))
    if wrong == [len(parts) - 1]:
        what = "the file name is the page's address" if rel.endswith(".md") else "the file name is part of its address"
        action = "rename the file to"
    else:
        folder = "/".join(parts[: wrong[0] + 1])
        what = f"the folder name {folder}/ is part of the address of every file in it"
        action = "move the file to"
    return (
        f"{what}: expected lowercase letters a-z, digits and -, found "
        f"{_listed(found) or 'a name that does not start with a letter or digit'}; {action} {'/'.join(fixed)}"
    )


def slug_hint(value: str) -> str:
    """`, e.g. <name>` when a proposed form exists and differs."""
    p = proposed(value, fallback="")
    return f", e.g. {p}" if p and p != value else ""


def _listed(words: list[str]) -> str:
    return ", ".join(words[:-1]) + f" and {words[-1]}" if len(words) > 1 else "".join(words)
