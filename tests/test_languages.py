"""The language table (scripts/torv/languages.py): one row for each strings file, and every row names
a Babel locale, a Material interface language and a search language that exist."""

from __future__ import annotations

import os

import babel
import material
import pytest

from torv import i18n, localize
from torv.languages import LANGUAGES, language

MATERIAL = os.path.join(os.path.dirname(material.__file__), "templates")


def test_a_row_for_every_strings_file_and_a_strings_file_for_every_row():
    assert sorted(LANGUAGES) == i18n.available_languages()


@pytest.mark.parametrize("code", sorted(LANGUAGES))
def test_babel_material_and_lunr_know_the_row(code):
    row = LANGUAGES[code]
    assert row.code == code
    babel.Locale.parse(row.locale)
    assert os.path.isfile(os.path.join(MATERIAL, "partials", "languages", f"{row.theme}.html")), row.theme
    if row.search != "en":  # lunr's own language; the others are lunr-languages files in Material
        lunr = os.path.join(MATERIAL, "assets", "javascripts", "lunr", "min", f"lunr.{row.search}.min.js")
        assert os.path.isfile(lunr), f"{code}: Material has no search language {row.search}"
    assert row.plain_index == (row.search == "en" and code != "en"), (
        "a language searched with lunr's English gets a plain index, without English stop words"
    )


def test_search_settings():
    assert {c: language(c).search_plugin() for c in ("da", "sv", "nb", "nn", "fi", "is", "en")} == {
        "da": {"lang": "da"},
        "sv": {"lang": "sv"},
        "nb": {"lang": "no"},
        "nn": {"lang": "no"},
        "fi": {"lang": "fi"},
        "is": {"lang": "en", "pipeline": []},
        "en": {"lang": "en"},
    }


def test_a_language_without_a_row_gets_defaults():
    row = language("de")
    assert (row.locale, row.theme, row.search_plugin()) == ("de", "de", {"lang": "en", "pipeline": []})


def test_weekdays_standing_alone():
    assert localize.weekday(0, "fi") == "maanantaina" and localize.weekday(0, "fi", alone=True) == "maanantai"
    assert localize.weekday(1, "nn", alone=True) == "tysdag", "CLDR's stand-alone Nynorsk names are Bokmål's"
    for code in ("da", "sv", "nb", "is", "en"):
        in_a_date = [localize.weekday(d, code) for d in range(7)]
        assert in_a_date == [localize.weekday(d, code, alone=True) for d in range(7)]
