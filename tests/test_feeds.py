"""The news feed (Atom) and the meeting calendars (iCalendar) of every language.

The built files are read with independent parsers (lxml for Atom, the `icalendar` library for
iCalendar) and compared with what the content files say (sample.py), with addresses from site_url."""

from __future__ import annotations

import datetime as dt
import json
import os
import zoneinfo

import icalendar
import pytest
from lxml import etree

import sample
from sample import DEFAULT, LANGS, soup, text
from soup import attr

ATOM = "{http://www.w3.org/2005/Atom}"
TZ = zoneinfo.ZoneInfo("Europe/Copenhagen")

lang_param = pytest.mark.parametrize("lang", LANGS)


def newest_first() -> list[str]:
    return sorted(sample.news(), key=lambda g: (sample.news()[g][DEFAULT]["date"], g.rsplit("/", 1)[-1]), reverse=True)


def calendar(site_dir: str, rel: str) -> icalendar.Calendar:
    path = sample.file_of(site_dir, rel)
    assert os.path.isfile(path), f"missing: {rel}"
    with open(path, "rb") as fh:
        raw = fh.read()
    assert all(len(line) <= 75 for line in raw.split(b"\r\n")), "lines of at most 75 octets (RFC 5545)"
    assert raw.endswith(b"END:VCALENDAR\r\n") and b"\n" not in raw.replace(b"\r\n", b"")
    return icalendar.Calendar.from_ical(raw)


def moment(event: icalendar.Component, name: str) -> dt.date:
    """A calendar entry's date or date and time (DTSTART, DTEND) as the parser reads it: a date, or a datetime."""
    prop = event[name]
    assert isinstance(prop, icalendar.vDDDTypes), f"{name}: expected a date or a date and time, found {prop!r}"
    value = prop.dt
    assert isinstance(value, dt.date), f"{name}: expected a date or a date and time, found {value!r}"
    return value


def local(value) -> dt.datetime:
    """A local date and time as written (or as a naive datetime) in the site's zone; a date: its midnight there."""
    if isinstance(value, dt.datetime):
        return value if value.tzinfo else value.replace(tzinfo=TZ)
    if isinstance(value, dt.date):
        return dt.datetime.combine(value, dt.time(), tzinfo=TZ)
    return sample.local_datetime(value).replace(tzinfo=TZ)


# ---------------------------------------------------------------- the news feed


@lang_param
def test_feed_lists_the_published_news_newest_first(site_dir, lang):
    path = sample.file_of(site_dir, f"{lang}/feed.xml")
    feed = etree.parse(path).getroot()
    assert feed.tag == f"{ATOM}feed"
    assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == lang
    assert feed.findtext(f"{ATOM}id") == f"{sample.site_url()}{lang}/feed.xml"
    entries = feed.findall(f"{ATOM}entry")
    expected = newest_first()[:20]
    assert len(entries) == len(expected) >= 8
    for entry, group in zip(entries, expected, strict=True):
        values = sample.news()[group][lang]
        link = entry.find(f"{ATOM}link").get("href")
        assert link == f"{sample.site_url()}{sample.news_path(group, lang)}" == entry.findtext(f"{ATOM}id")
        assert os.path.isfile(sample.file_of(site_dir, sample.abs_to_rel(link))), link
        assert entry.findtext(f"{ATOM}title") == values["title"]
        assert entry.findtext(f"{ATOM}summary") == values["summary"]
        assert entry.findtext(f"{ATOM}published").startswith(values["date"].isoformat())
        assert entry.findtext(f"{ATOM}updated").startswith((values.get("updated") or values["date"]).isoformat())
        labels = sample.read_yaml("news/tags.yml")
        assert [c.get("label") for c in entry.findall(f"{ATOM}category")] == [
            labels[t][lang] for t in values.get("tags", [])
        ]


def test_drafts_and_scheduled_items_are_not_in_the_feed(site_dir):
    for lang in LANGS:
        with open(sample.file_of(site_dir, f"{lang}/feed.xml"), encoding="utf-8") as fh:
            feed = fh.read()
        for group in (sample.DRAFT, sample.SCHEDULED):
            assert sample.news_path(group, lang) not in feed


@lang_param
def test_every_page_announces_the_feed_and_the_news_index_links_it(site_dir, lang):
    for rel in sample.html_pages(site_dir, lang):
        page = soup(site_dir, rel)
        links = page.select('head link[rel="alternate"][type="application/atom+xml"]')
        atom = [sample.resolve(rel, str(link["href"])) for link in links]
        assert atom[0] == f"{lang}/feed.xml", rel
        # a tag's and a pillar's page announce their own feed too, in their folder (test_subscriptions.py); the
        # further pages of their lists (a tag's page 2, a pillar's list of news) the same feed, in a folder above
        assert len(atom) <= 2, rel
        for own in atom[1:]:
            folder = own.removesuffix("feed.xml")
            assert folder != f"{lang}/" and rel.startswith(folder), rel
            assert os.path.isfile(os.path.join(site_dir, own)), rel
        [json_feed] = page.select('head link[rel="alternate"][type="application/feed+json"]')
        assert sample.resolve(rel, str(json_feed["href"])) == f"{lang}/feed.json", rel
    index = f"{lang}/{sample.segment(lang, 'news')}/"
    [a] = soup(site_dir, index).select('a[type="application/atom+xml"]')
    assert sample.resolve(index, attr(a, "href")) == f"{lang}/feed.xml"
    assert text(a) == sample.strings(lang)["news.feed"]


# ---------------------------------------------------------------- the meeting calendars


@lang_param
def test_an_upcoming_meeting_can_be_added_to_a_calendar(site_dir, lang):
    upcoming = {
        g: v
        for g, v in sample.meetings().items()
        if sample.is_upcoming(v[DEFAULT])
        and not sample.is_all_day(v[DEFAULT]["event"])
        and not v[DEFAULT]["event"].get("cancelled")
    }
    assert upcoming, "the sample has an upcoming meeting"
    for group, values in upcoming.items():
        v, ev = values[lang], values[lang]["event"]
        page = sample.news_path(group, lang)
        [a] = soup(site_dir, page).select(".torv-event a[type='text/calendar']")
        assert text(a) == sample.strings(lang)["event.add_to_calendar"]
        [event] = calendar(site_dir, sample.resolve(page, attr(a, "href"))).walk("VEVENT")
        assert moment(event, "DTSTART") == local(ev["start"])
        assert moment(event, "DTEND") == local(ev["end"])
        assert str(event["SUMMARY"]) == v["title"]
        assert str(event["LOCATION"]) == f"{ev['location']}, {ev['address']}"
        assert str(event["URL"]) == f"{sample.site_url()}{page}"
        assert v["summary"] in str(event["DESCRIPTION"])
        assert str(event["STATUS"]) == "CONFIRMED"


@lang_param
def test_a_past_meeting_offers_no_calendar_entry(site_dir, lang):
    past = [g for g, v in sample.meetings().items() if not sample.is_upcoming(v[DEFAULT])]
    assert past, "the sample has a past meeting"
    for group in past:
        assert not soup(site_dir, sample.news_path(group, lang)).select(".torv-event a[type='text/calendar']")


@lang_param
def test_the_meetings_page_links_a_calendar_of_every_meeting(site_dir, lang):
    page = f"{lang}/{sample.segment(lang, 'meetings')}/"
    [a] = soup(site_dir, page).select("a[type='text/calendar']")
    assert text(a) == sample.strings(lang)["meetings.calendar"]
    events = calendar(site_dir, sample.resolve(page, attr(a, "href"))).walk("VEVENT")
    by_url = {str(e["URL"]): e for e in events}
    assert sorted(by_url) == sorted(f"{sample.site_url()}{sample.news_path(g, lang)}" for g in sample.meetings())
    for group, values in sample.meetings().items():
        event = by_url[f"{sample.site_url()}{sample.news_path(group, lang)}"]
        ev = values[lang]["event"]
        assert moment(event, "DTSTART") == (ev["start"] if sample.is_all_day(ev) else local(ev["start"]))
    starts = [sample.start_key(values[lang]["event"]) for values in sample.meetings().values()]
    assert [local(moment(e, "DTSTART")) for e in events] == [local(s) for s in sorted(starts)]


def test_a_meeting_is_one_calendar_entry_in_every_language(site_dir):
    uids = {
        lang: sorted(str(e["UID"]) for e in calendar(site_dir, f"{lang}/calendar.ics").walk("VEVENT")) for lang in LANGS
    }
    assert uids["da"] == uids["sv"] == uids["en"]
    assert len(set(uids["da"])) == len(sample.meetings())


# ---------------------------------------------------------------- the iCalendar writer itself


def test_calendar_text_is_escaped_and_folded_without_splitting_a_letter():
    from torv.feeds import CalendarEvent
    from torv.feeds import icalendar as write

    title = "Møde; om havnen, kajen og \\ strømmen " + "æøå" * 30
    start = dt.datetime(2027, 2, 4, 8, 30, tzinfo=TZ)
    raw = write(
        name="Havbjerg Kommune: Møder",
        lang="da",
        events=[
            CalendarEvent(
                uid="x@havbjerg.example",
                title=title,
                summary="Linje 1\nLinje 2",
                url="https://havbjerg.example/da/x/",
                start=start,
                location="Rådhuset, sal 1",
                cancelled=True,
            )
        ],
    ).encode("utf-8")
    assert all(len(line) <= 75 for line in raw.split(b"\r\n"))
    raw.decode("utf-8")  # no letter cut in two
    [event] = icalendar.Calendar.from_ical(raw).walk("VEVENT")
    assert str(event["SUMMARY"]) == title
    assert str(event["DESCRIPTION"]).startswith("Linje 1\nLinje 2")
    assert str(event["LOCATION"]) == "Rådhuset, sal 1"
    assert moment(event, "DTSTART") == start and "DTEND" not in event
    assert str(event["STATUS"]) == "CANCELLED"


def test_texts_that_try_to_break_out_stay_texts():
    """A bare carriage return cannot add a property to a calendar, a control character cannot make the feed
    invalid XML, markup stays text: both are written by libraries that escape (feeds.py)."""
    from torv.feeds import CalendarEvent, FeedEntry, FeedHead, atom_feed, json_feed
    from torv.feeds import icalendar as write

    title = "Møde\rX-INJECTED:1\r\nEND:VEVENT <b>&amp;</b>\x0b]]>"
    start = dt.datetime(2027, 2, 4, 8, 30, tzinfo=TZ)
    raw = write(
        name="Møder",
        lang="da",
        events=[
            CalendarEvent(
                uid="x@havbjerg.example",
                title=title,
                summary="Resumé",
                url="https://havbjerg.example/da/x/",
                start=start,
            )
        ],
    )
    [event] = icalendar.Calendar.from_ical(raw.encode("utf-8")).walk("VEVENT")
    shown = "Møde\nX-INJECTED:1\nEND:VEVENT <b>&amp;</b>]]>"  # line breaks as a reader gets them, \x0b gone
    assert str(event["SUMMARY"]) == shown and "X-INJECTED" not in event
    head = FeedHead("da", "Nyheder", "Havbjerg", "https://havbjerg.example/da/feed.xml", "https://havbjerg.example/da/")
    entries = [FeedEntry(title=title, summary=title, url="https://havbjerg.example/da/x/", published=start)]
    entry = etree.fromstring(atom_feed(head, entries).encode("utf-8")).find(f"{ATOM}entry")
    assert entry is not None and entry.findtext(f"{ATOM}title") == shown
    assert json.loads(json_feed(head, entries))["items"][0]["title"] == title  # JSON escapes every character
