"""A ten-year archive (the benchmark's generator, a few hundred news items per language), built once: every item
is reachable from the paginated news list and from its year's page, tag, pillar and meeting lists page through
all their items, the page links are right in every language, and no page is over the size limit."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import xml.etree.ElementTree as ET

import pytest
from bs4 import Tag

from conftest import BUILD_DATE, run_build
from sample import LANGS, file_of, html_pages, resolve, segment, soup, strings, text
from torv.bench.archive import Archive, Item
from torv.bench.archive import write as write_archive
from torv.feeds import FEED_SIZE

pytestmark = pytest.mark.slow

N = 241  # news items per language: 13 pages of the news list, 24 a year, more than a page of every tag; the newest
# (dated the build date) a meeting to come
PAGE = 20  # items on a page of the news list, a tag's, a pillar's and of past meetings
MAX_PAGE_BYTES = 150_000
TODAY = dt.date.fromisoformat(BUILD_DATE)


@pytest.fixture(scope="session")
def archive(tmp_path_factory) -> Archive:
    built = write_archive(str(tmp_path_factory.mktemp("archive") / "repo"), N, today=TODAY)
    proc = run_build(built.root)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return built


@pytest.fixture(scope="session")
def site(archive) -> str:
    return os.path.join(archive.root, "site")


def item_page(item: Item, lang: str) -> str:
    return f"{lang}/{segment(lang, 'news')}/{item.slug[lang]}/"


def attr(el: Tag | None, name: str) -> str:
    assert el is not None, f"no element with {name}"
    value = el.get(name)
    assert isinstance(value, str), (name, el)
    return value


def follow(site: str, first: str) -> tuple[list[str], list[str]]:
    """(the pages of a paginated list from its first page, by its "next" links; the item pages they link)."""
    pages, items, rel = [], [], first
    while rel:
        assert rel not in pages, f"the pager goes round in a circle at {rel}"
        pages.append(rel)
        page = soup(site, rel)
        items += [resolve(rel, attr(a, "href")) for a in page.select(".torv-news__title a")]
        nxt = page.select_one(".torv-pager a[rel=next]")
        rel = resolve(rel, attr(nxt, "href")) if nxt else ""
    return pages, items


@pytest.mark.parametrize("lang", LANGS)
def test_every_item_is_reachable_from_the_paginated_news_list(archive, site, lang):
    pages, items = follow(site, f"{lang}/{segment(lang, 'news')}/")
    assert len(pages) == -(-N // PAGE)
    assert pages[1] == f"{lang}/{segment(lang, 'news')}/{strings(lang)['url.page']}/2/", "stable addresses"
    newest_first = sorted(archive.items, key=lambda i: (i.date, i.number), reverse=True)
    assert items == [item_page(i, lang) for i in newest_first]


@pytest.mark.parametrize("lang", LANGS)
def test_every_item_is_reachable_from_its_year_page(archive, site, lang):
    news = f"{lang}/{segment(lang, 'news')}/"
    years = {i.date.year for i in archive.items}
    links = soup(site, news).select(".torv-years a")
    assert [int(text(a)) for a in links] == sorted(years, reverse=True)
    for a in links:
        year = int(text(a))
        first = resolve(news, attr(a, "href"))
        assert first == f"{news}{year}/"
        _, items = follow(site, first)
        in_year = sorted((i for i in archive.items if i.date.year == year), key=lambda i: i.date, reverse=True)
        assert sorted(items) == sorted(item_page(i, lang) for i in in_year), year
        page = soup(site, first)
        assert text(page.select_one("h1")) == strings(lang)["news.year_title"].format(year=year)
        assert attr(page.select_one(".torv-years a[aria-current=page]"), "href")


@pytest.mark.parametrize("lang", LANGS)
def test_tag_pillar_and_meeting_lists_page_through_all_their_items(archive, site, lang):
    for tag in sorted({t for i in archive.items for t in i.tags}):
        pages, items = follow(site, f"{lang}/{segment(lang, 'tags')}/{tag}/")
        tagged = [i for i in archive.items if tag in i.tags]
        assert len(pages) == -(-len(tagged) // PAGE) and len(pages) > 1
        assert sorted(items) == sorted(item_page(i, lang) for i in tagged), tag
    for pillar in archive.base.pillars:
        about = [i for i in archive.items if any(p.split("/")[0] == pillar.id for p in i.pillars)]
        page_rel = f"{lang}/{segment(lang, 'policy')}/{pillar.slug[lang]}/"
        pillar_page = soup(site, page_rel)
        shown = pillar_page.select("#torv-done ~ ul.torv-news .torv-news__title a")
        assert len(shown) == 5, "the newest five on the pillar's page"
        more = pillar_page.select_one(".torv-more a")
        assert f"({len(about)})" in text(more)
        first = resolve(page_rel, attr(more, "href"))
        assert first == f"{page_rel}{segment(lang, 'news')}/"
        _, items = follow(site, first)
        assert sorted(items) == sorted(item_page(i, lang) for i in about), pillar.id
        assert [resolve(page_rel, attr(a, "href")) for a in shown] == items[:5]
    meetings = f"{lang}/{segment(lang, 'meetings')}/"
    pages, items = follow(site, meetings)
    held = [i for i in archive.items if i.meeting and i.meeting.end.date() < TODAY]
    coming = [i for i in archive.items if i.meeting and i.meeting.end.date() >= TODAY]
    assert coming, "the archive has upcoming meetings"
    assert sorted(items) == sorted(item_page(i, lang) for i in held + coming)
    assert len(pages) == -(-len(held) // PAGE)
    for rel in pages[1:]:
        assert not soup(site, rel).select("#torv-upcoming"), "upcoming meetings on the first page only"


@pytest.mark.parametrize("lang", LANGS)
def test_page_links_are_right_and_announced(site, lang):
    """Every pager: a nav with its label, "Page k of n" on every numbered link, aria-current on this page's link,
    links to pages that exist and say which page they are, the first and last page always linked."""
    label = strings(lang)["pager.label"]
    checked = 0
    for rel in html_pages(site, lang):
        nav = soup(site, rel).select_one("nav.torv-pager")
        if nav is None:
            continue
        checked += 1
        assert nav["aria-label"] == label
        status = text(nav.select_one(".torv-pager__status"))
        m = re.fullmatch(strings(lang)["pager.page"].format(page=r"(\d+)", pages=r"(\d+)"), status)
        assert m, status
        number, total = int(m[1]), int(m[2])
        numbered = nav.select("a.torv-pager__page")
        assert int(text(numbered[0])) == 1 and int(text(numbered[-1])) == total
        [current] = nav.select("a[aria-current=page]")
        assert int(text(current)) == number
        page_dir = rel.removesuffix("index.html")
        for a in numbered:
            k = int(text(a))
            assert a["aria-label"] == strings(lang)["pager.page"].format(page=k, pages=total)
            target = resolve(page_dir, attr(a, "href"))
            assert os.path.isfile(file_of(site, target)), (rel, attr(a, "href"))
            assert text(soup(site, target).select_one(".torv-pager__status")) == a["aria-label"]
        prev, nxt = nav.select_one("a[rel=prev]"), nav.select_one("a[rel=next]")
        assert (prev is None) == (number == 1) and (nxt is None) == (number == total)
        heading = text(soup(site, rel).select_one("h1"))
        if number > 1:  # a title of its own: "Nyheder, side 2 af 12"
            assert heading.endswith(strings(lang)["pager.title"].format(title="", page=number, pages=total)), heading
        # the language switcher leads to the same page of the list in the other languages
        for a in soup(site, rel).select(".md-select__link[hreflang]"):
            other = a["hreflang"]
            target = resolve(page_dir, attr(a, "href"))
            assert target.startswith(f"{other}/") and os.path.isfile(file_of(site, target)), (rel, attr(a, "href"))
            if other != lang and number > 1:
                assert target.rstrip("/").endswith(f"/{number}"), (rel, target)
    assert checked > 50


def test_no_page_is_over_the_size_limit(site):
    sizes = {
        os.path.relpath(os.path.join(d, f), site): os.path.getsize(os.path.join(d, f))
        for d, _, fs in os.walk(site)
        for f in fs
        if f.endswith(".html")
    }
    assert len(sizes) > 3 * N
    largest = max(sizes, key=sizes.__getitem__)
    assert sizes[largest] <= MAX_PAGE_BYTES, (largest, sizes[largest])


@pytest.mark.parametrize("lang", LANGS)
def test_the_sitemap_lists_the_paginated_pages(site, lang):
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locs = {
        loc.text or "" for loc in ET.parse(os.path.join(site, lang, "sitemap.xml")).getroot().findall("s:url/s:loc", ns)
    }
    news = f"{segment(lang, 'news')}/"
    page = strings(lang)["url.page"]
    assert any(loc.endswith(f"/{lang}/{news}{page}/2/") for loc in locs)
    assert any(re.search(rf"/{lang}/{news}\d{{4}}/$", loc) for loc in locs)


@pytest.mark.parametrize("lang", LANGS)
def test_the_calendar_holds_upcoming_meetings_and_the_past_year(archive, site, lang):
    with open(os.path.join(site, lang, "calendar.ics"), encoding="utf-8") as fh:
        calendar = fh.read()
    since = TODAY - dt.timedelta(days=365)
    wanted = [i for i in archive.items if i.meeting and i.meeting.end.date() >= since]
    assert calendar.count("BEGIN:VEVENT") == len(wanted)
    every = [i for i in archive.items if i.meeting]
    assert len(every) > len(wanted), "older meetings are left out"
    for item in every:  # every meeting keeps its own calendar file
        assert os.path.isfile(os.path.join(site, item_page(item, lang).rstrip("/") + ".ics"))


@pytest.mark.parametrize("lang", LANGS)
def test_feeds_hold_the_newest_items_however_long_the_archive(archive, site, lang):
    atom = {"a": "http://www.w3.org/2005/Atom"}

    def entries(rel: str) -> list[str]:
        root = ET.parse(os.path.join(site, rel)).getroot()
        return [link.get("href") or "" for link in root.findall("a:entry/a:link", atom)]

    news = entries(f"{lang}/feed.xml")
    newest = sorted(archive.items, key=lambda i: (i.date, i.number), reverse=True)
    assert len(news) == FEED_SIZE
    assert [f"{lang}/" + u.split(f"/{lang}/", 1)[1] for u in news] == [item_page(i, lang) for i in newest[:FEED_SIZE]]
    with open(os.path.join(site, lang, "feed.json"), encoding="utf-8") as fh:
        assert [i["url"] for i in json.load(fh)["items"]] == news
    for tag in sorted({t for i in archive.items for t in i.tags}):
        tag_page = f"{lang}/{segment(lang, 'tags')}/{tag}/"
        assert len([i for i in archive.items if tag in i.tags]) > FEED_SIZE
        assert len(entries(f"{tag_page}feed.xml")) == FEED_SIZE, tag
        second = soup(site, f"{tag_page}{strings(lang)['url.page']}/2/")
        assert resolve(tag_page, "feed.xml") == resolve(
            f"{tag_page}{strings(lang)['url.page']}/2/", attr(second.select_one(".torv-subscribe a"), "href")
        ), "every page of a tag's list links its feed"
    for pillar in archive.base.pillars:
        page_rel = f"{lang}/{segment(lang, 'policy')}/{pillar.slug[lang]}/"
        assert len(entries(f"{page_rel}feed.xml")) == FEED_SIZE, pillar.id
        listing = f"{page_rel}{segment(lang, 'news')}/"
        page = soup(site, listing)
        links = [resolve(listing, attr(a, "href")) for a in page.select(".torv-subscribe a, link[rel=alternate]")]
        assert links.count(f"{page_rel}feed.xml") == 2, "the pillar's list links and announces the pillar's feed"
    for name in ("commitments.json", "commitments.csv"):  # open data: every commitment, with all its news
        assert os.path.isfile(os.path.join(site, lang, name)), name


# ---------------------------------------------------------------- in the browser

PAGED = {  # a page of each paginated kind, in every language
    "news list, page 2": lambda lang: f"{lang}/{segment(lang, 'news')}/{strings(lang)['url.page']}/2/",
    "a year": lambda lang: f"{lang}/{segment(lang, 'news')}/{TODAY.year - 3}/",
    "a tag, page 2": lambda lang: f"{lang}/{segment(lang, 'tags')}/forum/{strings(lang)['url.page']}/2/",
    "past meetings, page 2": lambda lang: f"{lang}/{segment(lang, 'meetings')}/{strings(lang)['url.page']}/2/",
}


@pytest.fixture(scope="module")
def archive_url(site):
    from conftest import serve

    url, server = serve(site)
    yield url
    server.shutdown()


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGS)
def test_paginated_pages_pass_axe_reflow_and_the_keyboard(browser, archive_url, site, lang):
    from quality import DESKTOP, NARROW_320, axe_problems, focus_problems, overflow_problems

    problems: list[str] = []
    wide = browser.new_context(viewport=DESKTOP)
    narrow = browser.new_context(**NARROW_320)
    try:
        for name, path in PAGED.items():
            rel = path(lang)
            assert os.path.isfile(file_of(site, rel)), rel
            for ctx in (wide, narrow):
                page = ctx.new_page()
                page.goto(archive_url + rel)
                problems += [f"{name} ({rel}): {p}" for p in axe_problems(page)]
                if ctx is narrow:
                    problems += [f"{name} ({rel}) at 320 px: {p}" for p in overflow_problems(page)]
                elif page.locator(".torv-pager a").count():
                    # the pager's links take the focus visibly
                    page.locator(".torv-pager a").first.focus()
                    problems += [f"{name} ({rel}): {p}" for p in focus_problems(page, stops=6, from_top=False)]
                page.close()
    finally:
        wide.close()
        narrow.close()
    assert not problems, "\n".join(problems)
