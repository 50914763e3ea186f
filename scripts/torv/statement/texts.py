"""The statement's legal texts: one YAML file per language in strings/statement/, read like the interface strings."""
from __future__ import annotations

import os
from functools import lru_cache

from ..i18n import STRINGS_DIR, read_texts

TEXTS_DIR = os.path.join(STRINGS_DIR, "statement")
FALLBACK = "en"              # the EU model statement, for a language without its own texts


@lru_cache(maxsize=None)
def texts(lang: str) -> dict:
    """The flat key -> text map of a language; KeyError when there is no file for it."""
    return read_texts(os.path.join(TEXTS_DIR, f"{lang}.yml"), lang)
