"""Material for MkDocs and Zensical build the same site: the fixture built with each, compared page by
page and component by component in every language (Torv's components, the page's text, the menu's
current page, the search box). Needs Zensical (requirements-zensical.txt; `make test-zensical`)."""

from __future__ import annotations

import importlib.util
import json
import os

import pytest

import sample
from conftest import copy_repo, run_build
from renderers import RENDERER, RENDERERS
from sample import LANGS, resolve, soup, text
from soup import attr, one

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        importlib.util.find_spec("zensical") is None,
        reason="Zensical is not installed: pip install -r requirements-zensical.txt (make test-zensical)",
    ),
]


@pytest.fixture(scope="module")
def sites(site_dir, tmp_path_factory) -> dict[str, str]:
    """{renderer: site folder}: the session's build, and the fixture built with the other renderer."""
    out = {RENDERER: site_dir}
    for other in RENDERERS:
        if other not in out:
            root = copy_repo(str(tmp_path_factory.mktemp(f"parity-{other}")))
            proc = run_build(root, "--renderer", other)
            assert proc.returncode == 0, proc.stdout + proc.stderr
            out[other] = os.path.join(root, "site")
    return out


def page_path(rel: str, href: str) -> str:
    """A link as the site path it leads to ('da/politik/' for '../politik/index.html')."""
    target = resolve(rel, href)
    return target.removesuffix("index.html") if target else href


def links(rel: str, el) -> list[str]:
    return [page_path(rel, a["href"]) for a in el.select("a[href]")]


def blocks(rel: str, page, selector: str) -> list:
    """Every element the selector finds: its text and where its links lead."""
    return [[text(el), links(rel, el)] for el in page.select(selector)]


def menu_current(rel: str, page) -> dict:
    """What the menu marks as the current page: the tab, the links and the sections."""
    return {
        "tab": [text(a) for a in page.select(".md-tabs .md-tabs__item--active > a")],
        "links": sorted(
            {(text(a), page_path(rel, attr(a, "href"))) for a in page.select(".md-nav--primary a.md-nav__link--active")}
        ),
        "sections": sorted(
            {
                text(li.select_one(".md-nav__link"))
                for li in page.select(".md-nav--primary li.md-nav__item--active.md-nav__item--nested")
            }
        ),
    }


def components(site_dir: str, rel: str) -> dict:
    page = soup(site_dir, rel)
    return {
        "language": one(page, "html").get("lang"),
        "title": text(page.title),
        "canonical": [link["href"] for link in page.select("head link[rel=canonical]")],
        "hreflang": sorted(
            (attr(link, "hreflang"), attr(link, "href")) for link in page.select("head link[rel=alternate][hreflang]")
        ),
        "feed": [link["href"] for link in page.select('head link[type="application/atom+xml"]')],
        "JSON-LD": [json.loads(s.get_text()) for s in page.select('script[type="application/ld+json"]')],
        "skip link": [[a["href"], text(a)] for a in page.select("[data-md-component=skip] a")],
        "language switcher": [
            [a["hreflang"], page_path(rel, attr(a, "href")), a.get("aria-current")]
            for a in page.select("a.md-select__link")
        ],
        "search box": len(page.select("header [data-md-component=search]")),
        "menu": menu_current(rel, page),
        "pillar cards": blocks(rel, page, ".torv-card"),
        "commitments": blocks(rel, page, ".torv-commitment"),
        "event box": blocks(rel, page, "aside.torv-event"),
        "contact cards": blocks(rel, page, ".torv-contact"),
        "opening hours": [
            [[text(c) for c in tr.select("th, td")] for tr in table.select("tr")]
            for table in page.select("table.torv-hours")
        ],
        "statement": blocks(rel, page, ".torv-statement-section, .torv-statement-status, .torv-statement-issues"),
        "news list": blocks(rel, page, ".torv-news__item"),
        "tags": blocks(rel, page, ".torv-tags"),
        "edit link": [a["href"] for a in page.select('a[rel="edit"]')],
        "footer": blocks(rel, page, ".md-footer .torv-footer-links"),
        "page text": text(page.select_one(".md-content article")),
    }


def test_both_renderers_build_the_same_pages(sites):
    for lang in LANGS:
        pages = {r: sample.html_pages(sites[r], lang, with_404=True) for r in RENDERERS}
        assert pages["material"] == pages["zensical"], lang
        assert len(pages["material"]) > 20


@pytest.mark.parametrize("lang", LANGS)
def test_every_page_has_the_same_components(sites, lang):
    differences: list[str] = []
    seen: dict[str, int] = {}
    for rel in sample.html_pages(sites["material"], lang, with_404=True):
        got = {r: components(sites[r], rel) for r in RENDERERS}
        for name, value in got["material"].items():
            if value != got["zensical"][name]:
                differences.append(f"{rel}: {name}:\n  material: {value}\n  zensical: {got['zensical'][name]}")
            if value not in ([], 0, "", {"tab": [], "links": [], "sections": []}):
                seen.setdefault(name, 0)
                seen[name] += 1
    assert not differences, f"{len(differences)} difference(s):\n" + "\n".join(differences[:30])
    # the comparison saw every component somewhere (a selector that finds nothing compares nothing)
    missing = [name for name in components(sites["material"], f"{lang}/") if name not in seen]
    assert not missing, f"never found in {lang}: {missing}"


@pytest.mark.parametrize("lang", LANGS)
def test_feeds_and_calendars_are_byte_identical(sites, lang):
    for top, _, files in os.walk(os.path.join(sites["material"], lang)):
        for name in files:
            if name.endswith((".xml", ".ics")) and name != "sitemap.xml":
                path = os.path.join(top, name)
                other = os.path.join(sites["zensical"], os.path.relpath(path, sites["material"]))
                with open(path, "rb") as a, open(other, "rb") as b:
                    assert a.read() == b.read(), os.path.relpath(path, sites["material"])
