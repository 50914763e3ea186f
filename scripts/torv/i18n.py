"""Torv's own interface strings: one YAML file per language in `strings/`, identical key sets."""

from __future__ import annotations

import os
from functools import cache

from .yamlio import decode, load_yaml

STRINGS_DIR = os.path.join(os.path.dirname(__file__), "strings")

# Sections of the site; their URL segment per language is the string `url.<section>`.
SECTIONS = ("policy", "news", "meetings", "contact", "tags", "accessibility")


def available_languages() -> list[str]:
    return sorted(f[:-4] for f in os.listdir(STRINGS_DIR) if f.endswith(".yml"))


@cache
def strings(lang: str) -> dict:
    """The flat key -> text map for a language; KeyError when there is no file for it."""
    return read_texts(os.path.join(STRINGS_DIR, f"{lang}.yml"), lang)


def read_texts(path: str, lang: str) -> dict:
    """A file of `key: text` lines as a flat map; KeyError(lang) when it does not exist."""
    if not os.path.isfile(path):
        raise KeyError(lang)
    with open(path, "rb") as fh:
        data, _ = load_yaml(decode(fh.read()))
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ValueError(f"{path}: expected `key: text` lines")
    return {str(k): ("" if v is None else str(v)) for k, v in data.items()}


def segment(lang: str, section: str) -> str:
    return strings(lang)[f"url.{section}"]
