"""Torv's interface strings: scripts/torv/strings/{da,sv,en}.yml have the same keys, no empty texts,
and the same {placeholders} in every language."""
from __future__ import annotations

import glob
import os
import re
import string

import yaml

from conftest import ROOT

STRINGS = os.path.join(ROOT, "scripts", "torv", "strings")
LANGS = ("da", "sv", "en")


def load(lang: str) -> dict:
    with open(os.path.join(STRINGS, f"{lang}.yml"), encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    assert isinstance(data, dict), f"{lang}.yml: expected key: text lines"
    return data


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_language_has_a_strings_file():
    files = sorted(os.path.basename(p)[:-4] for p in glob.glob(os.path.join(STRINGS, "*.yml")))
    assert set(LANGS) <= set(files)


def test_identical_key_sets():
    keys = {lang: set(load(lang)) for lang in LANGS}
    for lang in LANGS[1:]:
        assert keys[lang] == keys[LANGS[0]], (
            f"{lang}.yml lacks {sorted(keys[LANGS[0]] - keys[lang])}, has extra {sorted(keys[lang] - keys[LANGS[0]])}")


def test_no_empty_values():
    for lang in LANGS:
        for key, value in load(lang).items():
            assert isinstance(value, str) and value.strip(), f"{lang}.yml: {key} is empty or not a text"


def test_same_placeholders_and_url_segments():
    data = {lang: load(lang) for lang in LANGS}
    for key in data[LANGS[0]]:
        wanted = placeholders(data[LANGS[0]][key])
        for lang in LANGS[1:]:
            assert placeholders(data[lang][key]) == wanted, f"{lang}.yml: {key}"
        if key.startswith("url."):
            for lang in LANGS:
                assert re.fullmatch(r"[a-z0-9-]+", data[lang][key]), f"{lang}.yml: {key} is not a URL segment"


def test_preview_notices():
    assert load("da")["preview.draft"] == "Kladde – ikke offentliggjort"
    assert load("sv")["preview.draft"] == "Utkast – inte publicerat"
    assert load("en")["preview.draft"] == "Draft – not published"
    for lang in LANGS:
        assert placeholders(load(lang)["preview.scheduled"]) == {"date"}
