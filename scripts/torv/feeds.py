"""The news feeds (Atom, RFC 4287; JSON Feed 1.1) and the meeting calendars (iCalendar, RFC 5545) of one language.

Written with libraries that escape (and for calendars fold) as their formats require: ElementTree for Atom,
`json` for JSON Feed, `icalendar` for the calendars. Pure functions of what they are given: syndication.py
passes in the news items and meetings with their absolute addresses, which come from `site_url` (mkdocs.yml),
the one place for the site's address. Nothing here depends on the build date, so the same content gives the
same files.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass, field

import icalendar as ical

FEED_FILE = "feed.xml"  # at the language's root: /da/feed.xml (a tag's and a pillar's in their page's folder)
JSON_FEED_FILE = "feed.json"  # the language's news as a JSON Feed: /da/feed.json
CALENDAR_FILE = "calendar.ics"  # the language's upcoming meetings and the past year's: /da/calendar.ics
FEED_SIZE = 20  # the newest news items in a feed
END_CALENDAR = "END:VCALENDAR\r\n"

ATOM = "http://www.w3.org/2005/Atom"
JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1"
# Characters XML 1.0 cannot hold at all (and a calendar should not): left out as the last guard.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
EPOCH = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)  # a feed's `updated` when it has no entries


@dataclass
class FeedEntry:
    title: str
    summary: str
    url: str  # absolute; also the entry's id (a news item's URL never changes)
    published: dt.datetime
    updated: dt.datetime | None = None
    categories: list[tuple[str, str]] = field(default_factory=list)  # (term, label)


@dataclass
class FeedHead:
    """A feed's own facts: what it is called, where it is and which page it stands for."""

    lang: str
    title: str
    author: str
    self_url: str  # absolute
    home_url: str  # absolute: the page that lists the same news


@dataclass
class CalendarEvent:
    uid: str  # the same in every language: one meeting, one calendar entry
    title: str
    summary: str
    url: str  # absolute address of the meeting's page
    start: dt.date  # aware date and time (the site's time zone), or a date alone: the meeting lasts all day
    end: dt.date | None = None  # of the same kind; for an all-day meeting its last day (written exclusive)
    location: str = ""
    online: str = ""
    modified: dt.datetime | None = None  # aware: when the item was last changed (LAST-MODIFIED, DTSTAMP)
    sequence: int = 0  # grows with each change subscribers should see (RFC 5545 SEQUENCE)
    cancelled: bool = False


def rfc3339(when: dt.datetime) -> str:
    return when.isoformat(timespec="seconds")


def xml_text(value: str) -> str:
    return NOT_XML.sub("", value)


def newest(entries: list[FeedEntry]) -> dt.datetime:
    return max((e.updated or e.published for e in entries), default=EPOCH)


def atom_feed(feed: FeedHead, entries: list[FeedEntry]) -> str:
    """An Atom feed of the entries (newest first, as given). Its `updated` is the newest entry's."""

    def add(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
        el = ET.SubElement(parent, tag, {k: xml_text(v) for k, v in attrs.items()})
        if text is not None:
            el.text = xml_text(text)
        return el

    # Unprefixed names in Atom's namespace, declared on the root (xml:lang is XML's own attribute)
    root = ET.Element("feed", {"xmlns": ATOM, "xml:lang": xml_text(feed.lang)})
    add(root, "title", feed.title)
    add(root, "id", feed.self_url)
    add(root, "link", rel="self", type="application/atom+xml", href=feed.self_url)
    add(root, "link", rel="alternate", type="text/html", href=feed.home_url)
    add(root, "updated", rfc3339(newest(entries)))
    add(add(root, "author"), "name", feed.author)
    for e in entries:
        entry = add(root, "entry")
        add(entry, "title", e.title)
        add(entry, "id", e.url)
        add(entry, "link", rel="alternate", type="text/html", href=e.url)
        add(entry, "published", rfc3339(e.published))
        add(entry, "updated", rfc3339(e.updated or e.published))
        add(entry, "summary", e.summary)
        for term, label in e.categories:
            add(entry, "category", term=term, label=label)
    ET.indent(root, space="  ")
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def json_feed(feed: FeedHead, entries: list[FeedEntry]) -> str:
    """The same entries as a JSON Feed 1.1 (https://jsonfeed.org/version/1.1): the summary is each item's text."""
    doc = {
        "version": JSON_FEED_VERSION,
        "title": feed.title,
        "home_page_url": feed.home_url,
        "feed_url": feed.self_url,
        "language": feed.lang,
        "authors": [{"name": feed.author}],
        "items": [
            {
                "id": e.url,
                "url": e.url,
                "title": e.title,
                "summary": e.summary,
                "content_text": e.summary,
                "date_published": rfc3339(e.published),
                "date_modified": rfc3339(e.updated or e.published),
                "tags": [label for _, label in e.categories],
            }
            for e in entries
        ],
    }
    return json.dumps(doc, ensure_ascii=False, indent=1) + "\n"


def calendar_text(value: str) -> str:
    """Text for a calendar: no carriage returns or other control characters (the library escapes the rest)."""
    return NOT_XML.sub("", value.replace("\r\n", "\n").replace("\r", "\n"))


def calendar_event(ev: CalendarEvent) -> ical.Event:
    """One VEVENT. A timed meeting in UTC (so no time-zone block is needed); an all-day meeting as dates
    (VALUE=DATE), its DTEND the day after its last day (RFC 5545: the end is not part of the event)."""
    item = ical.Event()
    item.add("uid", calendar_text(ev.uid))
    modified = (ev.modified or _aware(ev.start)).astimezone(dt.UTC)
    item.add("dtstamp", modified)  # RFC 5545: required; the time the entry's information last changed
    item.add("last-modified", modified)
    item.add("sequence", ev.sequence)
    if isinstance(ev.start, dt.datetime):
        item.add("dtstart", ev.start.astimezone(dt.UTC))
        if isinstance(ev.end, dt.datetime):
            item.add("dtend", ev.end.astimezone(dt.UTC))
    else:
        last = ev.end if ev.end is not None and not isinstance(ev.end, dt.datetime) else ev.start
        item.add("dtstart", ev.start)
        item.add("dtend", last + dt.timedelta(days=1))
    item.add("summary", calendar_text(ev.title))
    description = "\n\n".join(x for x in (ev.summary, ev.online, ev.url) if x)
    item.add("description", calendar_text(description))
    where = ev.location or ev.online
    if where:
        item.add("location", calendar_text(where))
    item.add("url", calendar_text(ev.url))
    item.add("status", "CANCELLED" if ev.cancelled else "CONFIRMED")
    return item


def calendars(
    *, name: str, lang: str, events: list[CalendarEvent], listed: Sequence[bool] | None = None
) -> tuple[list[str], str]:
    """A calendar (METHOD:PUBLISH) per event, and one of the events `listed` marks (all of them without it: the
    calendar to subscribe to holds only recent and upcoming meetings). The `icalendar` library writes every
    line (escaping of ; , \\ and line breaks, folding at 75 octets without splitting a letter); each event is
    written once and the same text goes into both calendars (the library is the slow part of a build's
    calendars)."""
    cal = ical.Calendar()
    cal.add("prodid", f"-//Torv//{calendar_text(name)}//{lang.upper()}")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", calendar_text(name))
    frame = cal.to_ical().decode("utf-8")
    assert frame.endswith(END_CALENDAR)
    head = frame[: -len(END_CALENDAR)]
    written = [calendar_event(ev).to_ical().decode("utf-8") for ev in events]
    shown = written if listed is None else [one for one, keep in zip(written, listed, strict=True) if keep]
    return [head + one + END_CALENDAR for one in written], head + "".join(shown) + END_CALENDAR


def icalendar(*, name: str, lang: str, events: list[CalendarEvent]) -> str:
    """One calendar of the events (see `calendars`)."""
    return calendars(name=name, lang=lang, events=events)[1]


def _aware(when: dt.date) -> dt.datetime:
    return when if isinstance(when, dt.datetime) else dt.datetime.combine(when, dt.time(), tzinfo=dt.UTC)


__all__ = [
    "CALENDAR_FILE",
    "FEED_FILE",
    "FEED_SIZE",
    "JSON_FEED_FILE",
    "CalendarEvent",
    "FeedEntry",
    "FeedHead",
    "atom_feed",
    "calendars",
    "icalendar",
    "json_feed",
]
