"""The statement's legal texts: one YAML file per language in strings/statement/, read like the interface strings.

A language's texts may differ by country: `<lang>-<country>.yml` (sv-FI.yml, the Swedish of Finland's model)
comes before `<lang>.yml` for a site in that country (`extra.torv.phone_region`).
"""

from __future__ import annotations

import os
from functools import cache

from ..i18n import STRINGS_DIR, read_texts

TEXTS_DIR = os.path.join(STRINGS_DIR, "statement")
FALLBACK = "en"  # the EU model statement, for a language without its own texts


@cache
def texts(name: str) -> dict:
    """The flat key -> text map of a texts file (`da`, `sv-FI`); KeyError when there is no such file."""
    return read_texts(os.path.join(TEXTS_DIR, f"{name}.yml"), name.split("-")[0])


def texts_for(lang: str, country: str) -> tuple[dict, str]:
    """The texts of a statement in `lang` on a site in `country`, and the language its dates are written in."""
    for name in (f"{lang}-{country}", lang):
        if os.path.isfile(os.path.join(TEXTS_DIR, f"{name}.yml")):
            return texts(name), lang
    return texts(FALLBACK), FALLBACK


def title(lang: str, country: str) -> str | None:
    """The statement's own name where its model names it differently from the interface strings
    (Finland's Swedish: tillgänglighetsutlåtande, Sweden's: tillgänglighetsredogörelse)."""
    found = texts_for(lang, country)[0].get("title")
    return str(found) if found else None
