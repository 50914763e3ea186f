"""Torv's interface strings: every file in scripts/torv/strings/ has the keys of en.yml, no empty texts,
the same {placeholders}, and URL segments that are unique, lower-case ASCII slugs; the accessibility
statement's legal texts (strings/statement/<lang>.yml) line up per model and fill every paragraph."""

from __future__ import annotations

import copy
import datetime as dt
import glob
import itertools
import os
import re
import string

import pytest
import yaml

from conftest import BUILD_DATE, FIXTURE, ROOT
from torv import statement
from torv.site import load_site

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
    taken: dict[str, str] = {}
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


# ---------------------------------------------------------------- the accessibility statement's legal texts

STATEMENT = os.path.join(STRINGS, "statement")
STATEMENT_FILES = sorted(os.path.basename(p)[:-4] for p in glob.glob(os.path.join(STATEMENT, "*.yml")))
STATEMENT_LANGS = [name for name in STATEMENT_FILES if "-" not in name]  # sv-FI: Swedish on a site in Finland
AUTHORITY_KEY = re.compile(r"^enforce\.([A-Z]{2})(\.link)?$")  # the supervising authority of a country
OFFICIAL_COPY = {"was", "uustatus"}  # the link to the official statement on a national service (DK, NO)
# The national model where a country has one, the EU model otherwise (and for English and Icelandic).
MODELS = {"eu": ["da", "en", "is"], "digg": ["sv"], "uustatus": ["nb", "nn"], "traficom": ["fi", "sv-FI"]}


def statement_texts(lang: str) -> dict:
    with open(os.path.join(STATEMENT, f"{lang}.yml"), encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    assert isinstance(data, dict), f"statement/{lang}.yml: expected key: text lines"
    return data


def test_statement_texts_line_up_per_model():
    """strings/statement/<lang>.yml: the files of one model (eu, digg, uustatus, traficom) have the same keys and
    placeholders, apart from the authorities (enforce.<country> with enforce.<country>.link) each one names, the
    link to an official copy (was, uustatus) and a title of its own (title)."""
    texts = {lang: statement_texts(lang) for lang in STATEMENT_FILES}
    models: dict[str, list[str]] = {}
    for lang, data in texts.items():
        for key, value in data.items():
            assert isinstance(value, str) and value.strip(), f"statement/{lang}.yml: {key} is empty or not a text"
        models.setdefault(data["model"], []).append(lang)
    assert models == MODELS
    assert set(models) == set(statement.MODELS), "every model has its sections in statement/page.py"
    for model, langs in models.items():
        shared = {
            lang: {k for k in texts[lang] if not AUTHORITY_KEY.match(k) and k not in OFFICIAL_COPY | {"title"}}
            for lang in langs
        }
        for lang in langs[1:]:
            assert shared[lang] == shared[langs[0]], (
                f"statement/{lang}.yml lacks {sorted(shared[langs[0]] - shared[lang])}, "
                f"has extra {sorted(shared[lang] - shared[langs[0]])} (model {model})"
            )
            for key in shared[lang]:
                assert placeholders(texts[lang][key]) == placeholders(texts[langs[0]][key]), f"{lang}: {key}"
    for lang, data in texts.items():
        countries = {m[1] for k in data if (m := AUTHORITY_KEY.match(k))}
        assert data["model"] == "eu" or not countries, f"{lang}: a national model names its own authority"
        assert countries <= set(statement.AUTHORITY), lang
        for country in countries:
            assert f"enforce.{country}" in data and f"enforce.{country}.link" in data, (lang, country)
            assert placeholders(data[f"enforce.{country}"]) == {"link"}, (lang, country)
    english = {m[1] for k in texts["en"] if (m := AUTHORITY_KEY.match(k))}
    assert english == set(statement.AUTHORITY), "English (and any language without texts) names every authority"


def test_statement_texts_fill_every_paragraph():
    """Every language (and one without texts of its own) gives a statement of every status, method and
    country without a missing key or a placeholder left unfilled."""
    site, report = load_site(FIXTURE, today=dt.date.fromisoformat(BUILD_DATE))
    assert report.errors == 0 and site.statement
    for status, method, lang, country in itertools.product(
        statement.STATUSES, statement.METHODS, [*STATEMENT_LANGS, "de"], [*statement.AUTHORITY, "IS"]
    ):
        values = copy.deepcopy(site.statement)
        values.update(
            status=status,
            method=method,
            was_url="https://www.was.digst.dk/havbjerg-example",
            uustatus_url="https://uustatus.no/nb/erklaringer/publisert/x",
            method_text={"da": "Test med skærmlæser"},
        )
        values["contact"]["response_days"] = 10
        values["known_issues"] = [
            {**issue, "category": category, "criteria": ["1.2.2"], "fix_by": dt.date(2027, 1, 5)}
            for issue, category in zip(itertools.cycle(site.statement["known_issues"]), statement.CATEGORIES)
        ]
        data = statement.page(values, lang, org="Havbjerg Kommune", site="havbjerg.example", country=country)
        texts = [t for t in _strings_in(data) if "{" in t or "}" in t]
        assert not texts, (lang, status, method, country, texts)
        # every statement names where to turn, but Iceland has no authority to name (the EU model there; a
        # Danish page names Denmark's wherever the site is)
        named = any(s["id"] in ("enforcement", "authority") for s in data["sections"])
        assert named == (country != "IS" or data["model"] != "eu" or lang == "da"), (lang, country)


def _strings_in(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from _strings_in(v)
    elif isinstance(value, list):
        for v in value:
            yield from _strings_in(v)
