"""The built sample site, in every language: page types, languages, switcher and hreflang, contact
data, localized dates, JSON-LD, no loads from other hosts, search, sitemaps, meetings, drafts.

Expectations are computed from the content files with PyYAML, Babel and phonenumbers (see sample.py),
not copied from the HTML. The site is built once per session (conftest.sample_repo)."""

from __future__ import annotations

import datetime as dt
import html
import json
import os
import re
import xml.etree.ElementTree as ET
import zoneinfo

import phonenumbers
import pytest
from babel.dates import format_date, format_time, get_day_names

import sample
from renderers import SEARCH, search_index
from sample import DEFAULT, LANGS, LOCALES, TODAY, resolve, soup, text
from soup import attr, one

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
DASH = "\u2013"

lang_param = pytest.mark.parametrize("lang", LANGS)


# ---------------------------------------------------------------- every page type exists


def expected_pages(lang: str) -> dict[str, str]:
    """{what: site path} for every page type the issue lists."""
    pol, nws = sample.segment(lang, "policy"), sample.segment(lang, "news")
    out = {
        "home": f"{lang}/",
        "policy overview": f"{lang}/{pol}/",
        "news index": f"{lang}/{nws}/",
        "meetings": f"{lang}/{sample.segment(lang, 'meetings')}/",
        "contact": f"{lang}/{sample.segment(lang, 'contact')}/",
    }
    for group, values in sample.pillars().items():
        out[f"pillar {group}"] = f"{lang}/{pol}/{sample.slug(group, values[lang])}/"
        pid = group.rsplit("/", 1)[-1]
        about = [n for n in sample.news().values() if pid in {p.split("/")[0] for p in n[DEFAULT].get("pillars", [])}]
        if len(about) > 5:  # more than the pillar's page shows: its own list of news
            out[f"news about {group}"] = f"{lang}/{pol}/{sample.slug(group, values[lang])}/{nws}/"
    for group in sample.news():
        out[f"news {group}"] = sample.news_path(group, lang)
    for tag in sample.used_tags():
        out[f"tag {tag}"] = f"{lang}/{sample.segment(lang, 'tags')}/{tag}/"
    for year in {values[DEFAULT]["date"].year for values in sample.news().values()}:
        out[f"news of {year}"] = f"{lang}/{nws}/{year}/"
    for group, values in sample.pages().items():
        out[f"page {group}"] = f"{lang}/{sample.slug(group, values[lang])}/"
    if os.path.isfile(os.path.join(sample.FIXTURE, "docs", "accessibility.yml")):
        out["accessibility statement"] = f"{lang}/{sample.segment(lang, 'accessibility')}/"
    return out


@lang_param
def test_every_page_type_exists(site_dir, lang):
    pages = expected_pages(lang)
    missing = [f"{what}: {rel}" for what, rel in pages.items() if not os.path.isfile(sample.file_of(site_dir, rel))]
    assert not missing, missing
    assert any(k.startswith("pillar ") for k in pages) and any(k.startswith("page ") for k in pages)
    # and nothing else: every built page is one of them
    built = {p[: -len("index.html")] for p in sample.html_pages(site_dir, lang)}
    assert built == set(pages.values())
    # each page is of its kind
    assert soup(site_dir, pages["home"]).select(".torv-vision")
    assert soup(site_dir, pages["policy overview"]).select(".torv-progress")
    assert soup(site_dir, pages["contact"]).select(".torv-contact--unit")
    assert soup(site_dir, pages["accessibility statement"]).select(".torv-statement-status")
    for key, rel in pages.items():
        if key.startswith("pillar "):
            assert soup(site_dir, rel).select(".torv-commitments .torv-status"), rel
        if key.startswith("tag "):
            assert soup(site_dir, rel).select(".torv-news__item"), rel


@lang_param
def test_news_index_by_year_newest_first(site_dir, lang):
    page = soup(site_dir, f"{lang}/{sample.segment(lang, 'news')}/")
    years = [int(h.get_text(strip=True)) for h in page.select("h2[id^=y]")]
    news = sample.news()
    assert years == sorted({v[DEFAULT]["date"].year for v in news.values()}, reverse=True)
    dates = [t["datetime"] for t in page.select(".torv-news__item time")]
    assert len(dates) == len(news)
    assert dates == sorted(dates, reverse=True)
    # meeting badges on the meetings, only there
    badges = page.select(".torv-news__item .torv-badge--meeting")
    assert len(badges) == len(sample.meetings())
    assert all(text(b) == sample.strings(lang)["news.meeting"] for b in badges)


def picture_size(path: str) -> tuple[str, str]:
    """The size a picture is shown at: an SVG's own, a photo's at most 1600 wide (its largest copy)."""
    if not path.endswith(".svg"):
        from PIL import Image

        with Image.open(path) as im:
            w, h = im.size
        return (str(min(w, 1600)), str(round(h * min(w, 1600) / w)))
    return svg_size(path)


def svg_size(path: str) -> tuple[str, str]:
    root = ET.parse(path).getroot()
    width, height = root.get("width"), root.get("height")
    if width and height:
        return width, height
    view_box = root.get("viewBox")
    assert view_box, f"{path}: an SVG with neither a width and height nor a viewBox"
    _, _, w, h = view_box.split()
    return w, h


@lang_param
def test_news_pictures_have_their_size_so_nothing_shifts_while_they_load(site_dir, lang):
    with_image = {g: v[lang] for g, v in sample.news().items() if v[DEFAULT].get("image")}
    assert with_image, "the sample has news items with a picture"
    for group, values in with_image.items():
        [img] = soup(site_dir, sample.news_path(group, lang)).select(".torv-figure img")
        source = os.path.join(sample.FIXTURE, os.path.dirname(group), values["image"])
        assert (img.get("width"), img.get("height")) == picture_size(source), group
        assert img["alt"] == values["image_alt"]


def test_picture_size_from_a_viewbox_and_none_from_a_broken_file(tmp_path):
    from torv.pages.images import image_size

    (tmp_path / "a.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 300 150"/>')
    (tmp_path / "b.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00")
    assert image_size(str(tmp_path / "a.svg")) == {"width": 300, "height": 150}
    assert image_size(str(tmp_path / "b.png")) == {}
    assert image_size(str(tmp_path / "missing.jpg")) == {}


@lang_param
def test_every_meeting_page_has_an_event_box(site_dir, lang):
    tz = zoneinfo.ZoneInfo("Europe/Copenhagen")
    for group, values in sample.meetings().items():
        v = values[lang]
        box = soup(site_dir, sample.news_path(group, lang)).select_one("aside.torv-event")
        assert box is not None, group
        start = sample.when(v["event"]["start"])
        # a meeting over whole days: the date alone
        iso = start.replace(tzinfo=tz).isoformat() if isinstance(start, dt.datetime) else start.isoformat()
        assert attr(one(box, "time"), "datetime") == iso
        when = format_date(sample.first_day(v["event"]), "long", locale=LOCALES[lang])
        assert when in text(box), (group, text(box))
        if v["event"].get("location"):
            assert v["event"]["location"] in text(box)
        if v["event"].get("address"):
            assert v["event"]["address"] in text(box)


# ---------------------------------------------------------------- languages


@lang_param
def test_html_lang_on_every_page(site_dir, lang):
    for rel in sample.html_pages(site_dir, lang, with_404=True):
        assert one(soup(site_dir, rel), "html").get("lang") == lang, rel


def test_root_pages(site_dir):
    chooser = soup(site_dir, "index.html")
    links = {a["hreflang"]: a["href"] for a in chooser.select("main a[hreflang]")}
    assert links == {lg: f"{lg}/" for lg in LANGS}
    # the chooser and the language home pages name each other, with the chooser as x-default
    assert alternates(chooser) == {**{lg: f"{sample.site_url()}{lg}/" for lg in LANGS}, "x-default": sample.site_url()}
    for lg in LANGS:
        assert alternates(soup(site_dir, f"{lg}/")) == alternates(chooser)
    notfound = soup(site_dir, "404.html")
    assert {s["lang"] for s in notfound.select("section[lang]")} == set(LANGS)
    for s in notfound.select("section[lang]"):
        assert attr(one(s, "a"), "href") == f"/{attr(s, 'lang')}/"
        assert text(s.h2) == sample.strings(attr(s, "lang"))["notfound.title"]


def alternates(page) -> dict[str, str]:
    return {link["hreflang"]: link["href"] for link in page.select("head link[rel=alternate][hreflang]")}


@lang_param
def test_switcher_leads_to_the_same_page_in_each_language(site_dir, lang):
    for rel in sample.html_pages(site_dir, lang):
        page = soup(site_dir, rel)
        links = page.select("a.md-select__link[hreflang]")
        assert [a["hreflang"] for a in links] == LANGS, rel
        mine = alternates(page)
        for a in links:
            target = resolve(rel, attr(a, "href"))
            assert target.startswith(f"{a['hreflang']}/"), (rel, a["href"])
            other = soup(site_dir, target)
            assert attr(one(other, "html"), "lang") == a["hreflang"]
            # the same page: the target is this page's alternate in that language, and lists the same group
            assert sample.abs_to_rel(mine[attr(a, "hreflang")]) == target.removesuffix("index.html"), (rel, target)
            assert alternates(other) == mine, (rel, target)
            assert (a.get("aria-current") == "true") == (a["hreflang"] == lang)


@lang_param
def test_hreflang_alternates_complete_and_reciprocal(site_dir, lang):
    for rel in sample.html_pages(site_dir, lang):
        page = soup(site_dir, rel)
        alts = alternates(page)
        assert set(alts) == set(LANGS) | {"x-default"}, rel
        # x-default: the default language's page; for the home pages the language chooser at the root
        is_home = rel == f"{lang}/index.html"
        assert alts["x-default"] == (sample.site_url() if is_home else alts[DEFAULT]), rel
        canonical = attr(one(page, "head link[rel=canonical]"), "href")
        assert alts[lang] == canonical == sample.site_url() + rel.removesuffix("index.html")
        for lg in LANGS:
            other = soup(site_dir, sample.abs_to_rel(alts[lg]))
            assert alternates(other)[lang] == canonical, (rel, lg)


def test_ui_strings_are_in_the_page_language(site_dir):
    for lang in LANGS:
        s = sample.strings(lang)
        home = soup(site_dir, f"{lang}/")
        assert text(home.select_one("#torv-vision-h")) == s["home.vision"]
        # the theme's own interface in the page's language (the search box's name)
        assert SEARCH.label_text(home) == {"da": "Søg", "sv": "Sök", "en": "Search"}[lang]


@lang_param
def test_every_page_is_styled(site_dir, lang):
    """Every page loads the theme's stylesheet and script and Torv's stylesheet, and each file is there
    (a copy of one theme's base.html names hashed files another theme does not have)."""
    for rel in sample.html_pages(site_dir, lang, with_404=True):
        page = soup(site_dir, rel)
        styles = [resolve(rel, attr(link, "href")) for link in page.select("head link[rel=stylesheet]")]
        scripts = [resolve(rel, attr(s, "src")) for s in page.select("script[src]")]
        assert any(re.search(r"assets/stylesheets/(\w+/)?main\.\w+\.min\.css$", x) for x in styles), (rel, styles)
        assert any(x.endswith("assets/torv.css") for x in styles), (rel, styles)
        assert any(re.search(r"assets/javascripts/bundle\.\w+\.min\.js$", x) for x in scripts), (rel, scripts)
        missing = [x for x in styles + scripts if not os.path.isfile(sample.file_of(site_dir, x))]
        assert not missing, (rel, missing)


@lang_param
def test_the_menu_marks_the_current_page(site_dir, lang):
    """Every page in the menu is marked there as the current one (and its section's tab); pages that are
    not in the menu (news items, tags, the statement) mark nothing."""
    in_menu = 0
    for rel in sample.html_pages(site_dir, lang):
        page = soup(site_dir, rel)
        here = rel.removesuffix("index.html")
        links = page.select(".md-nav--primary a.md-nav__link[href]")
        marked = {
            resolve(rel, attr(a, "href")).removesuffix("index.html")
            for a in links
            if "md-nav__link--active" in a["class"]
        }
        if any(resolve(rel, attr(a, "href")).removesuffix("index.html") == here for a in links):
            in_menu += 1
            assert marked == {here}, (rel, marked)
            assert len(page.select(".md-tabs__item--active")) == 1, rel
        else:
            assert not marked, (rel, marked)
    assert in_menu >= 8


# ---------------------------------------------------------------- contact data


def phone(number: str) -> tuple[str, str]:
    """(E.164 for tel:, the text shown): a Danish number as Danes write it, any other internationally
    (tests/test_phones.py has the literal forms of each Nordic country)."""
    n = phonenumbers.parse(number, "DK")
    danish = phonenumbers.region_code_for_number(n) == "DK"
    return (
        phonenumbers.format_number(n, phonenumbers.PhoneNumberFormat.E164),
        phonenumbers.format_number(
            n, phonenumbers.PhoneNumberFormat.NATIONAL if danish else phonenumbers.PhoneNumberFormat.INTERNATIONAL
        ),
    )


def hours_rows(hours: dict, lang: str) -> list[tuple[str, str]]:
    """[('Mandag–onsdag', '08.00–12.00 og 12.30–15.30'), ...] from the YAML, with Babel."""
    s, loc = sample.strings(lang), LOCALES[lang]
    names = get_day_names("wide", locale=loc)

    def t(hhmm):
        return format_time(dt.time.fromisoformat(hhmm), "short", locale=loc)

    groups: list[tuple[int, int, tuple[str, ...]]] = []  # (first day, last day, spans) of days with the same hours
    for i, day in enumerate(WEEKDAYS):
        spans = tuple(hours.get(day) or ())
        if groups and groups[-1][2] == spans:
            groups[-1] = (groups[-1][0], i, spans)
        else:
            groups.append((i, i, spans))
    rows = []
    for first, last, spans in groups:
        days = names[first] if first == last else f"{names[first]}{DASH}{names[last]}"
        value = (
            f" {s['contact.and']} ".join(f"{t(sp.split('-')[0])}{DASH}{t(sp.split('-')[1])}" for sp in spans)
            if spans
            else s["contact.closed"]
        )
        rows.append((days[:1].upper() + days[1:], value))
    return rows


@lang_param
def test_contact_page_shows_the_contacts_file(site_dir, lang):
    contacts = sample.read_yaml("policy/contacts.yml")
    page = soup(site_dir, f"{lang}/{sample.segment(lang, 'contact')}/")
    s = sample.strings(lang)
    for unit in contacts["units"]:
        card = one(page, f"#unit-{unit['id']}").find_parent(class_="torv-contact")
        assert card is not None, f"#unit-{unit['id']} is not in a .torv-contact card"
        assert text(one(card, ".torv-contact__name")) == unit["name"][lang]
        e164, shown = phone(unit["phone"])
        tel = one(card, 'a[href^="tel:"]')
        assert attr(tel, "href") == f"tel:{e164}" and text(tel) == shown
        assert re.fullmatch(r"tel:\+\d{8,15}", attr(tel, "href"))
        mail = one(card, 'a[href^="mailto:"]')
        assert attr(mail, "href") == f"mailto:{unit['email']}" and text(mail, "") == unit["email"]
        facts = {text(dt_): dd for dt_, dd in zip(card.select("dl dt"), card.select("dl dd"), strict=False)}
        for key, field in (
            ("contact.visiting_address", "visiting_address"),
            ("contact.postal_address", "postal_address"),
        ):
            a = unit.get(field)
            if a:
                assert [x.strip() for x in facts[s[key]].stripped_strings] == [
                    a["street"],
                    f"{a['postcode']} {a['city']}",
                ]
        table = one(card, "table.torv-hours")
        assert text(table.caption) == s["contact.opening_hours"]
        rows = [(text(tr.th), text(tr.td)) for tr in table.select("tbody tr")]
        assert rows == hours_rows(unit["opening_hours"], lang)
        closed = [(c["date"], c["reason"][lang]) for c in unit.get("closed", []) if c["date"] >= TODAY]
        shown_closed = [text(li, "") for li in card.select(".torv-closed li")]
        assert shown_closed == [f"{format_date(d, 'long', locale=LOCALES[lang])}: {r}" for d, r in closed]
        if unit.get("coordinates"):
            osm = attr(one(card, 'a[href^="https://www.openstreetmap.org/"]'), "href")
            assert str(unit["coordinates"]["lat"]) in osm and str(unit["coordinates"]["lon"]) in osm
    people = page.select(".torv-contact--person")
    assert len(people) == len(contacts["people"])
    for person, card in zip(contacts["people"], people, strict=True):
        assert text(one(card, ".torv-contact__name")) == person["name"]
        assert text(one(card, ".torv-contact__role")) == person["role"][lang]
        e164, shown = phone(person["phone"])
        assert attr(one(card, 'a[href^="tel:"]'), "href") == f"tel:{e164}"
        assert text(one(card, 'a[href^="tel:"]')) == shown
        assert attr(one(card, 'a[href^="mailto:"]'), "href") == f"mailto:{person['email']}"


def test_home_shows_the_main_contact(site_dir):
    contacts = sample.read_yaml("policy/contacts.yml")
    main = next(u for u in contacts["units"] if u["id"] == contacts["main_unit"])
    for lang in LANGS:
        card = one(soup(site_dir, f"{lang}/"), f"#unit-{main['id']}").find_parent(class_="torv-contact")
        assert card is not None, f"#unit-{main['id']} is not in a .torv-contact card"
        assert attr(one(card, 'a[href^="tel:"]'), "href") == f"tel:{phone(main['phone'])[0]}"
        assert [(text(tr.th), text(tr.td)) for tr in card.select("table.torv-hours tbody tr")] == hours_rows(
            main["opening_hours"], lang
        )


# ---------------------------------------------------------------- localized dates


def test_babel_gives_the_expected_date_style():
    d = dt.date(2026, 11, 2)
    assert [format_date(d, "long", locale=LOCALES[lg]) for lg in LANGS] == [
        "2. november 2026",
        "2 november 2026",
        "2 November 2026",
    ]


@lang_param
def test_dates_are_localized(site_dir, lang):
    index = soup(site_dir, f"{lang}/{sample.segment(lang, 'news')}/")
    listed = {t["datetime"]: text(t) for t in index.select(".torv-news__item time")}
    for group, values in sample.news().items():
        v = values[lang]
        expected = format_date(v["date"], "long", locale=LOCALES[lang])
        page = soup(site_dir, sample.news_path(group, lang))
        published = one(page, ".torv-dates time")
        assert attr(published, "datetime") == v["date"].isoformat() and text(published) == expected, group
        assert listed[v["date"].isoformat()] == expected
        if v.get("updated"):
            assert format_date(v["updated"], "long", locale=LOCALES[lang]) in text(page.select_one(".torv-dates"))
    policy = sample.front_matter(os.path.join(sample.FIXTURE, "policy", "policy.da.md"))
    overview = soup(site_dir, f"{lang}/{sample.segment(lang, 'policy')}/")
    adopted = overview.select_one(f'time[datetime="{policy["adopted"].isoformat()}"]')
    assert text(adopted) == format_date(policy["adopted"], "long", locale=LOCALES[lang])


# ---------------------------------------------------------------- JSON-LD


def json_ld(page) -> list[dict]:
    """Every JSON-LD object of a page (parsed; @graph flattened)."""
    out: list[dict] = []
    for script in page.select('script[type="application/ld+json"]'):
        doc = json.loads(script.string)
        assert doc["@context"] == "https://schema.org"
        out.extend(doc.get("@graph", [doc]))
    return out


@lang_param
def test_json_ld_contact_page(site_dir, lang):
    contacts = sample.read_yaml("policy/contacts.yml")
    lds = json_ld(soup(site_dir, f"{lang}/{sample.segment(lang, 'contact')}/"))
    org = next(x for x in lds if x["@type"] == "GovernmentOrganization")
    assert org["name"] == sample.mkdocs_config()["extra"]["torv"]["municipality"][lang]
    departments = {d["name"]: d for d in org["department"]}
    for unit in contacts["units"]:
        d = departments[unit["name"][lang]]
        assert d["@type"] == "GovernmentOrganization"
        assert d["telephone"] == phone(unit["phone"])[0] and d["email"] == unit["email"]
        assert d["address"]["streetAddress"] == unit["visiting_address"]["street"]
        assert d["address"]["postalCode"] == unit["visiting_address"]["postcode"]
        specs = [s for s in d["openingHoursSpecification"] if "dayOfWeek" in s]
        assert all(s["@type"] == "OpeningHoursSpecification" for s in d["openingHoursSpecification"])
        got = sorted((s["dayOfWeek"], s["opens"], s["closes"]) for s in specs)
        want = sorted(
            (f"https://schema.org/{day.capitalize()}", *span.split("-"))
            for day, spans in unit["opening_hours"].items()
            for span in spans
        )
        assert got == want


@lang_param
def test_json_ld_news_and_events(site_dir, lang):
    tz = zoneinfo.ZoneInfo("Europe/Copenhagen")
    for group, values in sample.news().items():
        v = values[lang]
        page = soup(site_dir, sample.news_path(group, lang))
        lds = json_ld(page)
        article = next(x for x in lds if x["@type"] == "NewsArticle")
        assert article["headline"] == v["title"] and article["datePublished"] == v["date"].isoformat()
        assert article["url"] == sample.site_url() + sample.news_path(group, lang)
        events = [x for x in lds if x["@type"] == "Event"]
        if not v.get("event"):
            assert not events
            continue
        (event,) = events
        ev = v["event"]
        if sample.is_all_day(ev):  # a meeting over whole days: dates alone
            assert event["startDate"] == ev["start"].isoformat()
            assert event.get("endDate") == (ev["end"].isoformat() if ev.get("end") else None)
        else:
            assert event["startDate"] == sample.local_datetime(ev["start"]).replace(tzinfo=tz).isoformat()
            assert dt.datetime.fromisoformat(event["startDate"]).utcoffset() is not None
            if ev.get("end"):
                assert event["endDate"] == sample.local_datetime(ev["end"]).replace(tzinfo=tz).isoformat()
        locations = event["location"] if isinstance(event["location"], list) else [event["location"]]
        place = next((p for p in locations if p["@type"] == "Place"), None)
        if ev.get("location"):
            assert place is not None and place["name"] == ev["location"], (group, locations)
        if ev.get("address"):
            assert place is not None and place["address"] == ev["address"], (group, locations)
        if ev.get("online"):
            assert any(p["@type"] == "VirtualLocation" and p["url"] == ev["online"] for p in locations)


def test_the_sample_has_a_meeting_with_start_end_and_place():
    full = [
        v for v in sample.meetings().values() if v[DEFAULT]["event"].get("end") and v[DEFAULT]["event"].get("address")
    ]
    assert full, "the sample should have a meeting with start, end and address"


# ---------------------------------------------------------------- no loads from other hosts

LOADING_REL = {
    "stylesheet",
    "icon",
    "shortcut",
    "apple-touch-icon",
    "mask-icon",
    "preload",
    "modulepreload",
    "prefetch",
    "preconnect",
    "dns-prefetch",
    "manifest",
    "prerender",
}
CSS_URL = re.compile(r"""(?:url\(\s*['"]?|@import\s+['"])\s*((?:https?:)?//[^'")\s]+)""", re.I)


def loaded_urls(page) -> list[str]:
    """Every URL a page makes the browser load (not plain links to other sites)."""
    urls = []
    for tag in page.find_all(True):
        name = tag.name
        attrs = []
        if name == "link" and LOADING_REL & {r.lower() for r in tag.get("rel", [])}:
            attrs = ["href", "imagesrcset"]
        elif name in ("script", "img", "iframe", "frame", "embed", "source", "track", "audio", "video", "input"):
            attrs = ["src", "srcset", "poster", "data-src"]
        elif name == "object":
            attrs = ["data"]
        elif name == "meta" and tag.get("http-equiv", "").lower() == "refresh":
            urls.append(tag.get("content", "").split("url=", 1)[-1])
        elif name == "image" or name == "use":  # SVG
            attrs = ["href", "xlink:href"]
        for attribute in attrs:
            value = tag.get(attribute)
            if value and attribute.endswith("srcset"):
                urls.extend(part.split()[0] for part in value.split(",") if part.strip())
            elif value:
                urls.append(value)
        if tag.get("style"):
            urls.extend(CSS_URL.findall(tag["style"]))
        if name == "style" and tag.string:
            urls.extend(CSS_URL.findall(tag.string))
    return urls


def test_no_page_loads_anything_from_another_host(site_dir):
    offenders = []
    pages = 0
    for root, _, files in os.walk(site_dir):
        for f in files:
            rel = os.path.relpath(os.path.join(root, f), site_dir).replace(os.sep, "/")
            if f.endswith(".html"):
                pages += 1
                for url in loaded_urls(soup(site_dir, rel)):
                    if re.match(r"^\s*(https?:)?//", url, re.I):
                        offenders.append(f"{rel}: {url}")
            elif f.endswith(".css"):
                with open(os.path.join(root, f), encoding="utf-8") as fh:
                    offenders += [f"{rel}: {u}" for u in CSS_URL.findall(fh.read())]
    assert pages > 50
    assert not offenders, offenders[:20]


def test_the_checker_sees_loads(site_dir):
    """The check above would catch a font, a script or a picture from elsewhere."""
    from bs4 import BeautifulSoup

    page = BeautifulSoup(
        '<link rel="stylesheet" href="https://fonts.googleapis.com/css"><a href="https://x.example/">ok</a>'
        '<script src="//cdn.example/x.js"></script><img srcset="a.png 1x, https://i.example/b.png 2x">'
        '<div style="background:url(https://t.example/p.gif)"></div>',
        "lxml",
    )
    assert loaded_urls(page) == [
        "https://fonts.googleapis.com/css",
        "//cdn.example/x.js",
        "a.png",
        "https://i.example/b.png",
        "https://t.example/p.gif",
    ]


# ---------------------------------------------------------------- search, sitemaps


@lang_param
def test_search_index_holds_only_its_language(site_dir, lang):
    index = search_index(site_dir, lang)
    assert index["lang"] == [lang]
    assert index["docs"]
    for doc in index["docs"]:
        rel = f"{lang}/{doc['location']}"
        assert one(soup(site_dir, rel), "html").get("lang") == lang, rel
    titles = {html.unescape(d["title"]) for d in index["docs"]}  # HTML to the theme: Torv escapes it once (PageMeta)
    own = {v[lang]["title"] for v in sample.news().values()}
    others = {v[lg]["title"] for v in sample.news().values() for lg in LANGS if lg != lang} - own
    assert own <= titles
    assert not titles & others


def test_sitemaps(site_dir):
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    root = ET.parse(os.path.join(site_dir, "sitemap.xml")).getroot()
    assert root.tag == "{http://www.sitemaps.org/schemas/sitemap/0.9}sitemapindex"
    listed = [e.text for e in root.findall("s:sitemap/s:loc", ns)]
    assert listed == [f"{sample.site_url()}{lg}/sitemap.xml" for lg in LANGS]
    for lang in LANGS:
        locs = {
            e.text for e in ET.parse(os.path.join(site_dir, lang, "sitemap.xml")).getroot().findall("s:url/s:loc", ns)
        }
        pages = {sample.site_url() + p.removesuffix("index.html") for p in sample.html_pages(site_dir, lang)}
        assert locs == pages
    with open(os.path.join(site_dir, "robots.txt"), encoding="utf-8") as fh:
        assert f"Sitemap: {sample.site_url()}sitemap.xml" in fh.read()


# ---------------------------------------------------------------- meetings, drafts, progress


def section_items(page, heading_id: str) -> list[str]:
    """Hrefs of the news items between a heading and the next heading of the same level."""
    heading = page.find(id=heading_id)
    hrefs = []
    for el in heading.find_next_siblings():
        if el.name == heading.name:
            break
        hrefs += [a["href"] for a in el.select(".torv-news__title a")]
    return hrefs


@lang_param
def test_upcoming_and_past_meetings(site_dir, lang):
    meetings = sample.meetings()
    upcoming = {g for g, v in meetings.items() if sample.is_upcoming(v[DEFAULT])}
    past = set(meetings) - upcoming
    assert "news/2026/dialogmoede-havbjerggaard" in upcoming and past
    rel = f"{lang}/{sample.segment(lang, 'meetings')}/"
    page = soup(site_dir, rel)
    up_hrefs = [resolve(rel, h) for h in section_items(page, "torv-upcoming")]
    past_hrefs = [resolve(rel, h) for h in section_items(page, "torv-past")]
    by_start = sorted(upcoming, key=lambda g: sample.start_key(meetings[g][DEFAULT]["event"]))
    assert up_hrefs == [sample.news_path(g, lang) for g in by_start]
    assert sorted(past_hrefs) == sorted(sample.news_path(g, lang) for g in past)
    # home: the upcoming meeting in the "upcoming" section
    home = soup(site_dir, f"{lang}/")
    section = one(home, "#torv-upcoming-h").find_parent("section")
    assert section is not None, "#torv-upcoming-h is not in a section"
    assert [resolve(f"{lang}/", attr(a, "href")) for a in section.select(".torv-news__title a")] == up_hrefs
    # each meeting page says whether it has taken place
    for g in meetings:
        box = one(soup(site_dir, sample.news_path(g, lang)), "aside.torv-event")
        is_past = g in past
        assert ("torv-event--past" in box["class"]) == is_past
        assert (sample.strings(lang)["event.past"] in text(box)) == is_past


def unpublished_names() -> dict[str, set[str]]:
    """For the draft and the scheduled item: every slug and title they have in any language."""
    everything = sample.news(published_only=False)
    out = {}
    for group in (sample.DRAFT, sample.SCHEDULED):
        values = everything[group]
        out[group] = {sample.slug(group, values[lg]) for lg in LANGS} | {values[lg]["title"] for lg in LANGS}
    return out


def test_the_sample_has_a_draft_and_a_scheduled_item():
    everything = sample.news(published_only=False)
    assert everything[sample.DRAFT][DEFAULT].get("draft") is True
    assert everything[sample.SCHEDULED][DEFAULT]["date"] > TODAY


def test_drafts_and_scheduled_items_are_not_built(site_dir):
    names = unpublished_names()
    for group, words in names.items():
        for root, dirs, files in os.walk(site_dir):
            for name in dirs + files:
                assert not any(w in name for w in words), f"{group}: {os.path.join(root, name)}"
    for root, _, files in os.walk(site_dir):
        for f in files:
            if f.endswith((".html", ".json", ".xml")):
                with open(os.path.join(root, f), encoding="utf-8") as fh:
                    content = fh.read()
                for group, words in names.items():
                    found = [w for w in words if w in content]
                    assert not found, f"{group} appears in {os.path.relpath(os.path.join(root, f), site_dir)}: {found}"


@lang_param
def test_policy_progress_line_counts_the_pillars(site_dir, lang):
    counts = {"planned": 0, "in-progress": 0, "done": 0}
    for values in sample.pillars().values():
        for c in values[DEFAULT].get("commitments", []):
            counts[c["status"]] += 1
    total = sum(counts.values())
    assert total > 0
    expected = sample.strings(lang)["policy.progress"].format(
        total=total, done=counts["done"], in_progress=counts["in-progress"], planned=counts["planned"]
    )
    page = soup(site_dir, f"{lang}/{sample.segment(lang, 'policy')}/")
    assert text(page.select_one(".torv-progress")) == expected
    assert len(page.select(".torv-commitment")) == total
    statuses = [text(s) for s in page.select(".torv-commitment .torv-status")]
    for status, n in counts.items():
        assert statuses.count(sample.strings(lang)[f"status.{status}"]) == n
