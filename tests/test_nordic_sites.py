"""Other Nordic language sets, built from two small fixture sites:

- Koskela (tests/fixtures/koskela): Finnish, Swedish and English, Finnish first; Europe/Helsinki, region FI;
- Fjellstad (tests/fixtures/fjellstad): Norwegian Bokmål, Nynorsk and English, Bokmål first; region NO.

Every page is in its language: <html lang>, Material's interface (search field, table of contents),
Torv's texts and section addresses, Babel's dates, times and weekdays; the search index is in the
language (nb and nn: lunr's Norwegian) and searching in Chromium finds the language's own pages.
What is expected is written out here by hand, as a reader of each language would see it.
"""

from __future__ import annotations

import glob
import json
import os
import urllib.parse
from typing import TypedDict

import pytest

from conftest import FIXTURES, serve
from sample import soup, text
from soup import attr, one
from torv import i18n
from torv.settings import load_settings

SITES = {
    "koskela": {"languages": ["fi", "sv", "en"], "timezone": "Europe/Helsinki", "phone_region": "FI"},
    "fjellstad": {"languages": ["nb", "nn", "en"], "timezone": "Europe/Oslo", "phone_region": "NO"},
}


class Expected(TypedDict):
    """What a reader of one language sees on one site."""

    material: tuple[str, str]  # Material's search placeholder and table of contents label
    skip: str  # the skip link
    search_lang: list[str]  # lunr's language(s) in the search index
    sections: dict[str, str]  # section -> its address segment
    tag: str  # a tag's page, below the language's folder
    news: str  # a news item's page
    meeting: str  # a meeting's page
    dates: list[str]  # the news page's published / updated lines
    when: str  # the meeting's date and time
    hours: list[tuple[str, str]]  # the contact page's opening hours
    search: tuple[str, str]  # a word only one page has, and that page


EXPECTED: dict[tuple[str, str], Expected] = {
    ("koskela", "fi"): {
        "material": ("Hae", "Sisällysluettelo"),
        "skip": "Siirry sisältöön",
        "search_lang": ["fi"],
        "sections": {"policy": "politiikka", "news": "uutiset", "meetings": "tilaisuudet", "contact": "yhteystiedot"},
        "tag": "aiheet/luvat/",
        "news": "uutiset/lupakysely/",
        "dates": ["Julkaistu 14. lokakuuta 2026", "Päivitetty 2. marraskuuta 2026"],
        "meeting": "uutiset/yrittajaaamu-joulukuu/",
        "when": "torstaina 10. joulukuuta 2026, 8.00–9.30",
        "hours": [("Maanantai–torstai", "9.00–16.00"), ("Perjantai", "9.00–14.00"), ("Lauantai–sunnuntai", "Suljettu")],
        "search": ("sämpylät", "uutiset/yrittajaaamu-joulukuu/"),
    },
    ("koskela", "sv"): {
        "material": ("Sök", "Innehållsförteckning"),
        "skip": "Gå till innehållet",
        "search_lang": ["sv"],
        "sections": {"policy": "policy", "news": "nyheter", "meetings": "moten", "contact": "kontakt"},
        "tag": "amnen/luvat/",
        "news": "nyheter/tillstandsenkat/",
        "dates": ["Publicerad 14 oktober 2026", "Uppdaterad 2 november 2026"],
        "meeting": "nyheter/foretagarfrukost-december/",
        "when": "torsdag 10 december 2026, 08:00–09:30",
        "hours": [("Måndag–torsdag", "09:00–16:00"), ("Fredag", "09:00–14:00"), ("Lördag–söndag", "Stängt")],
        "search": ("smörgåsar", "nyheter/foretagarfrukost-december/"),
    },
    ("koskela", "en"): {
        "material": ("Search", "Table of contents"),
        "skip": "Skip to content",
        "search_lang": ["en"],
        "sections": {"policy": "policy", "news": "news", "meetings": "meetings", "contact": "contact"},
        "tag": "topics/luvat/",
        "news": "news/permit-survey/",
        "dates": ["Published 14 October 2026", "Updated 2 November 2026"],
        "meeting": "news/business-breakfast-december/",
        "when": "Thursday 10 December 2026, 08:00–09:30",
        "hours": [("Monday–Thursday", "09:00–16:00"), ("Friday", "09:00–14:00"), ("Saturday–Sunday", "Closed")],
        "search": ("procurement", "news/business-breakfast-december/"),
    },
    ("fjellstad", "nb"): {
        "material": ("Søk", "Innholdsliste"),
        "skip": "Gå til innholdet",
        "search_lang": ["no"],
        "sections": {"policy": "politikk", "news": "nyheter", "meetings": "moter", "contact": "kontakt"},
        "tag": "emner/reiseliv/",
        "news": "nyheter/nye-turstier/",
        "dates": ["Publisert 20. oktober 2026"],
        "meeting": "nyheter/naeringsforum-vinter/",
        "when": "torsdag 3. desember 2026, 18:00–20:30",
        "hours": [("Mandag–fredag", "08:00–15:30"), ("Lørdag–søndag", "Stengt")],
        "search": ("skiløyper", "nyheter/nye-turstier/"),
    },
    ("fjellstad", "nn"): {
        "material": ("Søk", "Innhaldsliste"),
        "skip": "Gå til innhaldet",
        "search_lang": ["no"],
        "sections": {"policy": "politikk", "news": "nyheiter", "meetings": "mote", "contact": "kontakt"},
        "tag": "emne/reiseliv/",
        "news": "nyheiter/nye-turstigar/",
        "dates": ["Publisert 20. oktober 2026"],
        "meeting": "nyheiter/naeringsforum-vinter/",
        "when": "torsdag 3. desember 2026, 18:00–20:30",
        "hours": [("Måndag–fredag", "08:00–15:30"), ("Laurdag–søndag", "Stengt")],
        "search": ("køyrde", "nyheiter/nye-turstigar/"),
    },
    ("fjellstad", "en"): {
        "material": ("Search", "Table of contents"),
        "skip": "Skip to content",
        "search_lang": ["en"],
        "sections": {"policy": "policy", "news": "news", "meetings": "meetings", "contact": "contact"},
        "tag": "topics/reiseliv/",
        "news": "news/new-hiking-trails/",
        "dates": ["Published 20 October 2026"],
        "meeting": "news/business-forum-winter/",
        "when": "Thursday 3 December 2026, 18:00–20:30",
        "hours": [("Monday–Friday", "08:00–15:30"), ("Saturday–Sunday", "Closed")],
        "search": ("pushchairs", "news/new-hiking-trails/"),
    },
}
CASES = sorted(EXPECTED)
IDS = [f"{site}-{lang}" for site, lang in CASES]


@pytest.mark.parametrize("name", sorted(SITES))
def test_the_settings_are_read_as_written(name):
    settings = load_settings(os.path.join(FIXTURES, name))
    assert settings.languages == SITES[name]["languages"]
    assert settings.default_language == SITES[name]["languages"][0]
    assert (settings.timezone, settings.phone_region) == (SITES[name]["timezone"], SITES[name]["phone_region"]), (
        "phone_region: NO must stay Norway (YAML 1.1 would read it as false)"
    )


@pytest.mark.parametrize("site,lang", CASES, ids=IDS)
def test_every_page_is_in_its_language(built, site, lang):
    site_dir = built(site)
    pages = glob.glob(os.path.join(site_dir, lang, "**", "*.html"), recursive=True)
    assert len(pages) > 8
    placeholder, toc = EXPECTED[site, lang]["material"]
    for path in pages:
        page = soup(site_dir, os.path.relpath(path, site_dir))
        rel = os.path.relpath(path, site_dir)
        assert attr(one(page, "html"), "lang") == lang, rel
        assert attr(one(page, "input.md-search__input"), "placeholder") == placeholder, rel
        assert text(one(page, "a.md-skip")) == EXPECTED[site, lang]["skip"], rel
    home = soup(site_dir, f"{lang}/")
    assert attr(one(home, "nav.md-nav--secondary"), "aria-label") == toc, "Material's own texts in the language"


@pytest.mark.parametrize("site,lang", CASES, ids=IDS)
def test_sections_have_the_language_s_addresses(built, site, lang):
    site_dir = built(site)
    expected = EXPECTED[site, lang]
    home = soup(site_dir, f"{lang}/")
    links = {a["href"] for a in home.select("a[href]")}
    for section, segment in expected["sections"].items():
        soup(site_dir, f"{lang}/{segment}/")
        assert f"{segment}/" in links, f"the home page links to the {section} section at {segment}/"
    for rel in (expected["news"], expected["meeting"], expected["tag"]):
        soup(site_dir, f"{lang}/{rel}")
    # no accessibility statement (docs/accessibility.yml) in these fixtures: no page, no link to one
    statement = i18n.segment(lang, "accessibility")
    assert not os.path.exists(os.path.join(site_dir, lang, statement))
    assert not any(statement in href for href in links)


@pytest.mark.parametrize("site,lang", CASES, ids=IDS)
def test_dates_times_and_weekdays_in_the_language(built, site, lang):
    site_dir = built(site)
    expected = EXPECTED[site, lang]
    news = soup(site_dir, f"{lang}/{expected['news']}")
    assert [text(span) for span in news.select(".torv-dates > span")] == expected["dates"]
    listed = soup(site_dir, f"{lang}/{expected['sections']['news']}/")
    published = expected["dates"][0].split(" ", 1)[1]
    assert published in [text(t) for t in listed.select(".torv-news__item time")]
    meeting = soup(site_dir, f"{lang}/{expected['meeting']}")
    assert text(one(meeting, ".torv-event__facts dd time")) == expected["when"]
    contact = soup(site_dir, f"{lang}/{expected['sections']['contact']}/")
    rows = [(text(tr.th), text(tr.td)) for tr in contact.select("table.torv-hours tbody tr")]
    assert rows == expected["hours"]


@pytest.mark.parametrize("site,lang", CASES, ids=IDS)
def test_search_index_is_in_the_language(built, site, lang):
    with open(os.path.join(built(site), lang, "search", "search_index.json"), encoding="utf-8") as fh:
        index = json.load(fh)
    assert index["config"]["lang"] == EXPECTED[site, lang]["search_lang"]
    assert index["config"]["pipeline"] == ["stopWordFilter"], "Material's default: stop words, no stemmer"
    assert index["docs"]


@pytest.mark.parametrize("site", sorted(SITES))
def test_search_finds_the_language_s_own_pages(built, browser, site):
    base, server = serve(built(site))
    try:
        context = browser.new_context()
        for lang in SITES[site]["languages"]:
            word, location = EXPECTED[site, lang]["search"]
            page = context.new_page()
            page.goto(f"{base}{lang}/")
            page.keyboard.press("/")
            page.keyboard.type(word)
            page.wait_for_selector(".md-search-result__item a")
            found = [
                urllib.parse.urlsplit(u).path
                for u in page.eval_on_selector_all(".md-search-result__item > a", "els => els.map(a => a.href)")
            ]
            assert f"/{lang}/{location}" in found, (lang, word, found)
            assert all(p.startswith(f"/{lang}/") for p in found), (lang, found)
            page.close()
        context.close()
    finally:
        server.shutdown()
