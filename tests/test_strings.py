"""Torv's interface strings: every file in scripts/torv/strings/ has the keys of en.yml, no empty texts,
the same {placeholders}, and URL segments that are unique, lower-case ASCII slugs."""
from __future__ import annotations

import glob
import os
import re
import string

import pytest
import yaml

from conftest import ROOT

STRINGS = os.path.join(ROOT, "scripts", "torv", "strings")
REFERENCE = "en"
LANGS = sorted(os.path.basename(p)[:-4] for p in glob.glob(os.path.join(STRINGS, "*.yml")))
OTHERS = [lg for lg in LANGS if lg != REFERENCE]
SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def load(lang: str) -> dict:
    with open(os.path.join(STRINGS, f"{lang}.yml"), encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    assert isinstance(data, dict), f"{lang}.yml: expected key: text lines"
    return data


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_nordic_language_has_a_strings_file():
    assert {"da", "sv", "nb", "nn", "fi", "is", "en"} <= set(LANGS)


@pytest.mark.parametrize("lang", OTHERS)
def test_identical_key_sets(lang):
    wanted, keys = set(load(REFERENCE)), set(load(lang))
    assert keys == wanted, f"{lang}.yml lacks {sorted(wanted - keys)}, has extra {sorted(keys - wanted)}"


@pytest.mark.parametrize("lang", LANGS)
def test_no_empty_values(lang):
    for key, value in load(lang).items():
        assert isinstance(value, str) and value.strip(), f"{lang}.yml: {key} is empty or not a text"


@pytest.mark.parametrize("lang", OTHERS)
def test_same_placeholders(lang):
    reference, data = load(REFERENCE), load(lang)
    for key, text in reference.items():
        assert placeholders(data[key]) == placeholders(text), f"{lang}.yml: {key}"


@pytest.mark.parametrize("lang", LANGS)
def test_url_segments_are_unique_slugs(lang):
    segments = {key: value for key, value in load(lang).items() if key.startswith("url.")}
    assert segments, f"{lang}.yml has no url.* keys"
    for key, value in segments.items():
        assert SLUG.fullmatch(value), f"{lang}.yml: {key}: {value!r} is not a lower-case ASCII slug"
    taken = {}
    for key, value in segments.items():
        assert value not in taken, f"{lang}.yml: {key} and {taken[value]} are both {value!r}"
        taken[value] = key
    # folders the renderer writes next to the sections: a section may not take their name
    assert not set(taken) & {"assets", "search", "feed.xml", "calendar.ics", "404"}, lang


def test_preview_notices():
    assert load("da")["preview.draft"] == "Kladde – ikke offentliggjort"
    assert load("sv")["preview.draft"] == "Utkast – inte publicerat"
    assert load("en")["preview.draft"] == "Draft – not published"
    for lang in LANGS:
        assert placeholders(load(lang)["preview.scheduled"]) == {"date"}
