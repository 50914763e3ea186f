"""Meetings as editors write them, on the built sample site in every language: all-day meetings without a
time, registration closed after its deadline, a cancelled meeting clearly marked, agenda and minutes as
documents, meeting lists by the meeting's own date; and the finished looks: no meeting twice on the home
page, a pillar once among a news item's links, a unit's closed days in full only on the contact page,
e-mail addresses that break only at sensible points.

Expectations come from the content files (sample.py) with Babel, not from the HTML."""

from __future__ import annotations

import datetime as dt
import os
import re
from typing import Any

import pytest
from babel.dates import format_date, get_day_names
from babel.numbers import format_decimal

import sample
from sample import DEFAULT, LANGS, LOCALES, TODAY, resolve, text

lang_param = pytest.mark.parametrize("lang", LANGS)


def soup(site_dir: str, rel: str) -> Any:
    """The parsed page (BeautifulSoup's elements, read as the tests read them: untyped)."""
    return sample.soup(site_dir, rel)


TIME_OF_DAY = re.compile(r"\b\d{1,2}[.:]\d{2}\b")
CLOSED_DAYS_ELSEWHERE = 3


def day_text(d: dt.date, lang: str) -> str:
    """'torsdag 28. januar 2027', as Babel writes it in the language."""
    return f"{get_day_names('wide', locale=LOCALES[lang])[d.weekday()]} {format_date(d, 'long', locale=LOCALES[lang])}"


def meetings_where(test) -> dict[str, dict[str, dict]]:
    return {g: v for g, v in sample.meetings().items() if test(v[DEFAULT]["event"])}


def box_of(site_dir: str, group: str, lang: str) -> Any:
    return soup(site_dir, sample.news_path(group, lang)).select_one("aside.torv-event")


# ---------------------------------------------------------------- all-day meetings


def test_the_sample_has_all_day_meetings_of_one_day_and_of_several():
    all_day = meetings_where(sample.is_all_day)
    assert any("end" not in v[DEFAULT]["event"] for v in all_day.values())
    assert any(v[DEFAULT]["event"].get("end") for v in all_day.values())


@lang_param
def test_an_all_day_meeting_shows_its_days_without_a_time(site_dir, lang):
    for group, values in meetings_where(sample.is_all_day).items():
        ev = values[lang]["event"]
        first, last = sample.first_day(ev), sample.last_day(ev)
        expected = day_text(first, lang) + ("" if last == first else f" \u2013 {day_text(last, lang)}")
        time = box_of(site_dir, group, lang).select_one("time")
        assert (time["datetime"], text(time)) == (first.isoformat(), expected), group
        assert not TIME_OF_DAY.search(text(time)), "no 00.00 or any other time"
        # the meetings page lists it by its days, without a time either
        rel = f"{lang}/{sample.segment(lang, 'meetings')}/"
        [card] = [
            li
            for li in soup(site_dir, rel).select(".torv-news__item")
            if resolve(rel, li.select_one(".torv-news__title a")["href"]) == sample.news_path(group, lang)
        ]
        assert text(card.select_one("time")) == expected and card.select_one("time")["datetime"] == first.isoformat()


# ---------------------------------------------------------------- registration


def deadline_passed(ev: dict) -> bool:
    return bool(ev.get("registration") and ev.get("registration_deadline")) and ev["registration_deadline"] < TODAY


@lang_param
def test_after_the_deadline_registration_is_closed_without_the_link(site_dir, lang):
    closed = meetings_where(lambda ev: deadline_passed(ev) and sample.last_day(ev) >= TODAY and not ev.get("cancelled"))
    assert closed, "the sample has an upcoming meeting whose deadline has passed"
    s = sample.strings(lang)
    for group, values in closed.items():
        ev = values[lang]["event"]
        box = box_of(site_dir, group, lang)
        facts = {text(d): dd for d, dd in zip(box.select("dt"), box.select("dt + dd"), strict=True)}
        assert text(facts[s["event.registration"]]) == s["event.registration_closed"], group
        assert not facts[s["event.registration"]].select("a")
        hrefs = [a["href"] for a in box.select("a")]
        assert ev["registration"] not in hrefs and f"mailto:{ev['registration']}" not in hrefs


@lang_param
def test_before_the_deadline_registration_is_a_link(site_dir, lang):
    open_ = meetings_where(
        lambda ev: (
            ev.get("registration")
            and not deadline_passed(ev)
            and sample.last_day(ev) >= TODAY
            and not ev.get("cancelled")
        )
    )
    assert open_
    for group, values in open_.items():
        reg = values[lang]["event"]["registration"]
        box = box_of(site_dir, group, lang)
        assert any(a["href"] in (reg, f"mailto:{reg}") for a in box.select("a")), group
        assert sample.strings(lang)["event.registration_closed"] not in text(box)


# ---------------------------------------------------------------- cancelled meetings


def marked_cancelled(el: Any, words: str) -> bool:
    """The element says so in words and with an icon hidden from screen readers (not by colour alone)."""
    icon = el.select_one("[aria-hidden=true] svg")
    return text(el) == words and icon is not None and not el.select("[role=alert]")


@lang_param
def test_a_cancelled_meeting_is_marked_on_its_page_and_on_its_cards(site_dir, lang):
    cancelled = meetings_where(lambda ev: ev.get("cancelled"))
    assert cancelled, "the sample has a cancelled meeting"
    s = sample.strings(lang)
    for group in cancelled:
        box = box_of(site_dir, group, lang)
        [notice] = box.select(".torv-cancelled")
        assert marked_cancelled(notice, s["event.cancelled"]), notice
        assert not box.select("a[type='text/calendar'], a[href^='webcal:']"), "no calendar to add"
        for rel in (f"{lang}/{sample.segment(lang, 'meetings')}/", f"{lang}/"):
            cards = [
                li
                for li in soup(site_dir, rel).select(".torv-news__item")
                if resolve(rel, li.select_one(".torv-news__title a")["href"]) == sample.news_path(group, lang)
            ]
            assert cards, (group, rel)
            for card in cards:
                [badge] = card.select(".torv-badge--cancelled")
                assert marked_cancelled(badge, s["news.cancelled"]), badge
    # only the cancelled ones
    rel = f"{lang}/{sample.segment(lang, 'meetings')}/"
    assert len(soup(site_dir, rel).select(".torv-badge--cancelled")) == len(cancelled)


# ---------------------------------------------------------------- agenda and minutes


def size_text(size: int, lang: str) -> str:
    return f"{format_decimal(max(1, round(size / 1000)), locale=LOCALES[lang])}\u00a0kB"


@lang_param
def test_agenda_and_minutes_are_published_with_type_and_size(site_dir, lang):
    with_documents = meetings_where(lambda ev: ev.get("agenda") or ev.get("minutes"))
    assert {bool(v[DEFAULT]["event"].get(k)) for v in with_documents.values() for k in ("agenda", "minutes")} == {
        True,
        False,
    }
    s = sample.strings(lang)
    for group, values in with_documents.items():
        page = sample.news_path(group, lang)
        box = box_of(site_dir, group, lang)
        links = box.select("a.torv-document")
        expected = [k for k in ("agenda", "minutes") if values[lang]["event"].get(k)]
        assert [text(a) for a in links] == [s[f"event.{k}"] for k in expected], group
        for a, key in zip(links, expected, strict=True):
            source = os.path.join(sample.FIXTURE, os.path.dirname(group), values[lang]["event"][key])
            published = sample.file_of(site_dir, resolve(page, a["href"]))
            with open(source, "rb") as src, open(published, "rb") as out:
                assert src.read() == out.read(), "the document itself, copied into the site"
            details = a.find_next_sibling(class_="torv-document__details").get_text()
            assert details == f"(PDF, {size_text(os.path.getsize(source), lang)})"
            # a translation without its own document links the Danish one, and says so
            assert a.get("hreflang") == (None if lang == DEFAULT else DEFAULT)


# ---------------------------------------------------------------- meeting lists


def card_starts(site_dir: str, rel: str, heading_id: str | None = None) -> dict[str, tuple[Any, str]]:
    """{site path of the item: (datetime, text) of the card's first <time>} in a list of a page."""
    page = soup(site_dir, rel)
    scope = page.find(id=heading_id).find_parent("section") if heading_id else page
    out = {}
    for li in scope.select(".torv-news__item"):
        time = li.select_one("time")
        out[resolve(rel, li.select_one(".torv-news__title a")["href"])] = (time["datetime"], text(time))
    return out


def start_iso(ev: dict) -> str:
    start = sample.when(ev["start"])
    if isinstance(start, dt.datetime):
        import zoneinfo

        return start.replace(tzinfo=zoneinfo.ZoneInfo("Europe/Copenhagen")).isoformat()
    return start.isoformat()


@lang_param
def test_meeting_lists_lead_with_the_meetings_own_date(site_dir, lang):
    meetings = sample.meetings()
    lists = [
        card_starts(site_dir, f"{lang}/{sample.segment(lang, 'meetings')}/"),
        card_starts(site_dir, f"{lang}/", "torv-upcoming-h"),
    ]
    assert len(lists[0]) == len(meetings) and lists[1]
    for cards in lists:
        for group, values in meetings.items():
            found = cards.get(sample.news_path(group, lang))
            if found is None:
                continue
            ev = values[lang]["event"]
            assert found[0] == start_iso(ev), group
            assert format_date(sample.first_day(ev), "long", locale=LOCALES[lang]) in found[1]
            assert found[0] != values[DEFAULT]["date"].isoformat(), "not the publication date"


# ---------------------------------------------------------------- the home page, a news item's links


@lang_param
def test_the_home_page_lists_no_meeting_twice(site_dir, lang):
    home = soup(site_dir, f"{lang}/")

    def listed(heading_id):
        section = home.find(id=heading_id).find_parent("section")
        return [resolve(f"{lang}/", a["href"]) for a in section.select(".torv-news__title a")]

    upcoming, latest = listed("torv-upcoming-h"), listed("torv-latest-h")
    assert upcoming and latest and not set(upcoming) & set(latest)
    items = sample.news()
    newest = sorted(items, key=lambda g: (items[g][DEFAULT]["date"], g.rsplit("/", 1)[-1]), reverse=True)
    assert latest == [sample.news_path(g, lang) for g in newest if sample.news_path(g, lang) not in upcoming][:5]


@lang_param
def test_a_news_item_links_each_pillar_once_with_its_commitments(site_dir, lang):
    pillars = sample.pillars()
    seen_both = False
    for group, values in sample.news().items():
        refs = values[DEFAULT].get("pillars", [])
        rel = sample.news_path(group, lang)
        page = soup(site_dir, rel)
        items = page.select("ul.torv-links > li")
        named = list(dict.fromkeys(r.split("/")[0] for r in refs))
        assert len(items) == len(named), group
        for li, pid in zip(items, named, strict=True):
            pillar = pillars[f"policy/pillars/{pid}"][lang]
            [a] = li.find_all("a", recursive=False)
            assert text(a) == pillar["title"]
            commitments = [r.split("/")[1] for r in refs if r.startswith(pid + "/")]
            seen_both |= pid in refs and bool(commitments)
            texts = {c["id"]: c["text"] for c in pillar["commitments"]}
            nested = li.select(":scope > ul a")
            assert [text(x) for x in nested] == [texts[c] for c in commitments]
            assert [x["href"] for x in nested] == [f"{a['href']}#{pid}-{c}" for c in commitments]
        links = [(text(a), a["href"]) for a in page.select("ul.torv-links a")]
        assert len(links) == len(set(links)), f"{group}: two identical links"
    assert seen_both, "the sample names a pillar and one of its commitments in one item"


# ---------------------------------------------------------------- contact cards


@lang_param
def test_a_units_closed_days_are_in_full_only_on_the_contact_page(site_dir, lang):
    contacts = sample.read_yaml("policy/contacts.yml")
    units = {u["id"]: u for u in contacts["units"]}
    contact_page = f"{lang}/{sample.segment(lang, 'contact')}/"
    pages = [f"{lang}/"] + [
        sample.news_path(g, lang) for g, v in sample.news().items() if set(v[DEFAULT].get("contacts", [])) & set(units)
    ]
    limited = 0
    for rel in pages:
        for card in soup(site_dir, rel).select(".torv-contact--unit"):
            unit = units[card.select_one("[id^=unit-]")["id"].removeprefix("unit-")]
            to_come = sorted(c["date"] for c in unit.get("closed", []) if c["date"] >= TODAY)
            shown = [li.time["datetime"] for li in card.select(".torv-closed li")]
            assert shown == [d.isoformat() for d in to_come[:CLOSED_DAYS_ELSEWHERE]], rel
            more = card.select(".torv-closed-more a")
            if len(to_come) > CLOSED_DAYS_ELSEWHERE:
                limited += 1
                assert text(more[0]) == sample.strings(lang)["contact.all_closed_days"]
                assert resolve(rel, more[0]["href"]) == contact_page and more[0]["href"].endswith(f"#unit-{unit['id']}")
            else:
                assert not more
    assert limited, "the sample has a unit with more closed days than a card elsewhere shows"


def test_email_addresses_may_break_only_after_the_at_and_before_a_dot(site_dir):
    for lang in LANGS:
        for rel in (f"{lang}/{sample.segment(lang, 'contact')}/", f"{lang}/"):
            for a in soup(site_dir, rel).select('.torv-contact a[href^="mailto:"]'):
                address = a["href"].removeprefix("mailto:")
                assert text(a, "") == address
                html = a.decode_contents().replace("</wbr>", "")
                pieces = re.split(r"<wbr\s*/?>", html)
                assert "".join(pieces) == address and len(pieces) == address.count("@") + address.count(".") + 1, html
                assert all(p.endswith("@") for p in pieces[:-1] if "@" in p)


# ---------------------------------------------------------------- in the browser


def meeting_pages(lang: str) -> list[str]:
    wanted = meetings_where(
        lambda ev: ev.get("cancelled") or ev.get("agenda") or sample.is_all_day(ev) or deadline_passed(ev)
    )
    return [sample.news_path(g, lang) for g in wanted]


@pytest.mark.browser
@pytest.mark.slow
def test_the_new_meeting_boxes_pass_axe_and_addresses_break_between_words(browser, site_url):
    """axe-core on the pages of the cancelled, all-day, closed and documented meetings in every language;
    in a narrow card an e-mail address breaks only where a <wbr> allows it (each piece stays on one line)."""
    from quality import MOBILE, axe_problems

    ctx = browser.new_context(viewport=MOBILE)
    page = ctx.new_page()
    problems = []
    for lang in LANGS:
        for rel in meeting_pages(lang) + [f"{lang}/{sample.segment(lang, 'meetings')}/"]:
            page.goto(site_url + rel)
            problems += [f"{rel}: {p}" for p in axe_problems(page)]
    page.goto(site_url + f"da/{sample.segment('da', 'contact')}/")
    # narrower than any address; set through the CSSOM, which the page's CSP allows (an inline <style> it blocks)
    page.evaluate("document.querySelectorAll('.torv-contact').forEach(c => { c.style.width = '11rem'; })")
    split = page.evaluate("""() => [...document.querySelectorAll('.torv-contact a[href^="mailto:"]')].map(a => {
        const lines = [...a.childNodes].filter(n => n.nodeType === 3).map(n => {
            const r = document.createRange(); r.selectNodeContents(n);
            return new Set([...r.getClientRects()].map(x => Math.round(x.top))).size; });
        const tops = new Set([...a.getClientRects()].map(x => Math.round(x.top))).size;
        return {text: a.textContent, pieces: lines, lines: tops}; })""")
    ctx.close()
    assert not problems, "\n".join(problems)
    assert split and any(s["lines"] > 1 for s in split), split  # the narrow card did break some
    assert all(n == 1 for s in split for n in s["pieces"]), split
