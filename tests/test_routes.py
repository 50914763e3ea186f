"""Addresses come from routes.py: URLs per language, the file the renderer serves each URL from, relative and
full links; the validator's URL check and the pages use the same rule."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
from typing import Any

import pytest

from conftest import BUILD_DATE, FIXTURE
from torv import routes as r
from torv.compile import compile_site
from torv.records import Item, content_of
from torv.site import load_site


@pytest.fixture(scope="module")
def site():
    site, report = load_site(FIXTURE, today=dt.date.fromisoformat(BUILD_DATE))
    assert report.errors == 0
    return site


@pytest.fixture(scope="module")
def routes(site):
    return r.Routes.of(site.settings, site.root)


@pytest.mark.parametrize(
    ("frm", "to", "href"),
    [
        ("", "", "./"),
        ("", "nyheder/", "nyheder/"),
        ("nyheder/", "", "../"),
        ("nyheder/x/", "nyheder/y/", "../y/"),
        ("nyheder/x/", "politik/dialog/#dialog-hoering", "../../politik/dialog/#dialog-hoering"),
        ("nyheder/x/", "nyheder/x.ics", "../x.ics"),
        ("nyheder/x/", "feed.xml", "../../feed.xml"),
        ("om/", "media/docs/a.svg", "../media/docs/a.svg"),
        ("om/", "https://example.org/", "https://example.org/"),
        ("om/", "#top", "#top"),
    ],
)
def test_rel_href(frm, to, href):
    assert r.rel_href(frm, to) == href


def test_cross_href_leaves_the_language_tree():
    assert r.cross_href("", "sv", "") == "../sv/"
    assert r.cross_href("nyheder/x/", "en", "news/y/") == "../../../en/news/y/"


def test_output_files(routes):
    assert routes.output_file("da", "") == "index.md"
    assert routes.output_file("da", "politik/") == "politik/index.md"  # a section: its folder's index
    assert routes.output_file("en", "accessibility/") == "accessibility/index.md"
    assert routes.output_file("da", "politik/dialog/") == "politik/dialog.md"
    assert routes.output_file("da", "emner/forum/") == "emner/forum.md"
    assert routes.output_file("da", "om/") == "om.md"
    assert routes.output_file("da", "policy/") == "policy.md"  # English section name, Danish tree


def test_full_addresses(site, routes):
    assert routes.host == "havbjerg.example"
    assert routes.absolute("sv", "nyheter/") == "https://havbjerg.example/sv/nyheter/"
    bare = dataclasses.replace(routes, site_url="", host=None)
    assert bare.absolute("sv", "nyheter/") == "/sv/nyheter/"
    assert r.host_of("https://Erhverv.Havbjerg.dk:8443/x/") == "erhverv.havbjerg.dk"
    assert r.host_of("") is None


def test_media_and_pictures(site, routes):
    content = content_of(site)
    item = next(e for e in content.news if e.id == "groent-netvaerk")
    source = routes.picture(item, "images/groent-netvaerk.svg")
    assert source == os.path.join(FIXTURE, "news", "2026", "images", "groent-netvaerk.svg")
    assert routes.media(source) == "media/news/2026/images/groent-netvaerk.svg"
    assert routes.photo("images/birgitte-holm.svg") == os.path.join(FIXTURE, "policy", "images", "birgitte-holm.svg")


def test_the_validator_and_the_pages_use_one_url_rule(site, routes):
    content = content_of(site)
    entries = {e.group: e for e in [site.policy, *site.pillars, *site.news, *site.pages] if e}
    assert content.policy
    items: list[Item[Any]] = [content.policy, *content.pillars, *content.news, *content.pages]
    for item in items:
        for lang in routes.languages:
            assert (
                routes.url(item, lang) == entries[item.group].urls[lang] == r.entry_url(site, entries[item.group], lang)
            )


def test_every_page_is_written_where_routes_say(site, routes):
    files = compile_site(site)
    content = content_of(site)
    assert content.policy
    for lang in routes.languages:
        for item in (content.policy, *content.pillars, *content.news, *content.pages):
            assert routes.build_file(lang, routes.output_file(lang, routes.url(item, lang))) in files
        for section in ("news", "meetings", "contact", "accessibility"):
            assert routes.build_file(lang, routes.output_file(lang, routes.section(lang, section))) in files
        assert routes.build_file(lang, routes.feed) in files and routes.build_file(lang, routes.calendar) in files


def test_omitted_translations_have_no_page(site, routes):
    content = content_of(site)
    omit = dataclasses.replace(routes, omit_missing=True)
    item = content.news[0]
    untranslated = dataclasses.replace(item, fields={"da": item.fields["da"]})
    assert omit.langs_for(untranslated) == ["da"] and routes.langs_for(untranslated) == ["da", "sv", "en"]
    assert routes.missing_translation(untranslated, "sv") and not omit.missing_translation(untranslated, "sv")
    assert content.policy
    policy = dataclasses.replace(content.policy, fields={"da": content.policy.fields["da"]})
    assert omit.langs_for(policy) == ["da", "sv", "en"]  # the policy section's page is in every language
    url = routes.url(item, "da")
    assert omit.alternates(untranslated, None) == [("da", url, True), ("sv", "", False), ("en", "", False)]


@pytest.mark.parametrize("url", ["", "nyheder/", "politik/dialog/", "nyheder/2024/", "emner/forum/side/2/"])
def test_a_file_url_leads_back_to_its_folder_url(site, url):
    """The site opened from disk (--for-files): the lists' pages (nyheder/side/2/) are made from a served URL,
    so `folder` must undo `served` for every kind of page."""
    files = r.Routes.of(site.settings, site.root, files=True)
    served = files.served("da", url)
    assert served.endswith(".html") and files.folder(served) == url
    assert files.folder(url) == url
