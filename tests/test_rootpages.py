"""The pages at the site's root (language chooser, 404) come from Torv's own Jinja templates, which escape
every text: a name holding markup is shown as text, never run."""

from __future__ import annotations

import dataclasses
import datetime as dt

from bs4 import BeautifulSoup

from conftest import BUILD_DATE, FIXTURE
from soup import attr, one, text
from torv.rootpages import root_files
from torv.settings import load_settings

MARKUP = "<img src=x onerror=alert(1)>"
TODAY = dt.date.fromisoformat(BUILD_DATE)


def test_names_holding_markup_come_out_as_text_on_both_pages():
    settings = load_settings(FIXTURE)
    town = f'Havbjerg "{MARKUP}" & Co'
    settings = dataclasses.replace(
        settings,
        municipality={lg: f"{town} {lg}" for lg in settings.languages},
        language_names={lg: f"{MARKUP} {lg}" for lg in settings.languages},
    )
    files = root_files(settings, TODAY)
    chooser, notfound = (BeautifulSoup(files[name], "lxml") for name in ("index.html", "404.html"))
    default = settings.default_language
    for page in (chooser, notfound):
        assert not page.select("img, [onerror]"), page
        assert MARKUP not in str(page)
    assert one(chooser, "title").string == " / ".join(f"{town} {lg}" for lg in settings.languages)
    assert attr(one(chooser, 'meta[name="description"]'), "content") == f"{town} {default}"
    assert text(chooser, "h1") == f"{town} {default}"
    assert {a["hreflang"]: a.string for a in chooser.select("main a")} == {
        lg: f"{MARKUP} {lg}" for lg in settings.languages
    }
    assert one(notfound, "title").string == f"404 - {town} {default}"


def test_without_a_site_url_no_sitemap_and_no_x_default():
    settings = dataclasses.replace(load_settings(FIXTURE), site_url="")
    files = root_files(settings, TODAY)
    assert sorted(files) == [".nojekyll", "404.html", "index.html"]
    chooser = BeautifulSoup(files["index.html"], "lxml")
    assert {link["hreflang"]: link["href"] for link in chooser.select("link[rel=alternate]")} == {
        lg: f"{lg}/" for lg in settings.languages
    }
