"""The news feed (Atom, RFC 4287) and the meeting calendars (iCalendar, RFC 5545) of one language.

Written with libraries that escape and fold correctly: ElementTree for the feed, `icalendar` for the
calendars. Pure functions of what they are given: syndication.py passes in the news items and
meetings with their absolute addresses, which come from `site_url` (mkdocs.yml), the one place for
the site's address. Nothing here depends on the build date, so the same content gives the same files.
"""
from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field

import icalendar as ical

FEED_FILE = "feed.xml"           # at the language's root: /da/feed.xml
CALENDAR_FILE = "calendar.ics"   # every meeting of the language: /da/calendar.ics
FEED_SIZE = 20                   # the newest news items in the feed


@dataclass
class FeedEntry:
    title: str
    summary: str
    url: str                              # absolute; also the entry's id (a news item's URL never changes)
    published: dt.datetime
    updated: dt.datetime | None = None
    categories: list = field(default_factory=list)   # (term, label)


@dataclass
class CalendarEvent:
    uid: str                              # the same in every language: one meeting, one calendar entry
    title: str
    summary: str
    url: str                              # absolute address of the meeting's page
    start: dt.datetime                    # aware (the site's time zone)
    end: dt.datetime | None = None
    location: str = ""
    online: str = ""
    stamp: dt.datetime | None = None      # when the item was published or last updated
    cancelled: bool = False


def rfc3339(when: dt.datetime) -> str:
    return when.isoformat(timespec="seconds")


ATOM = "http://www.w3.org/2005/Atom"
# Characters XML 1.0 cannot hold at all; the validator refuses them (safety/text.py), this is the last guard.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_text(value: str) -> str:
    return NOT_XML.sub("", value)


def atom_feed(*, lang: str, title: str, author: str, self_url: str, home_url: str,
              entries: list[FeedEntry]) -> str:
    """An Atom feed of the entries (newest first, as given). Its `updated` is the newest entry's.
    Written with an XML library (ElementTree): every text and attribute is escaped by it."""
    newest = max((e.updated or e.published for e in entries), default=dt.datetime(2000, 1, 1, tzinfo=dt.UTC))
    feed = ET.Element("feed", {"xmlns": ATOM, "xml:lang": lang})

    def add(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
        el = ET.SubElement(parent, tag, {k: xml_text(v) for k, v in attrs.items()})
        if text is not None:
            el.text = xml_text(text)
        return el

    add(feed, "title", title)
    add(feed, "id", self_url)
    add(feed, "link", rel="self", type="application/atom+xml", href=self_url)
    add(feed, "link", rel="alternate", type="text/html", href=home_url)
    add(feed, "updated", rfc3339(newest))
    add(add(feed, "author"), "name", author)
    for e in entries:
        entry = add(feed, "entry")
        add(entry, "title", e.title)
        add(entry, "id", e.url)
        add(entry, "link", rel="alternate", type="text/html", href=e.url)
        add(entry, "published", rfc3339(e.published))
        add(entry, "updated", rfc3339(e.updated or e.published))
        add(entry, "summary", e.summary)
        for term, label in e.categories:
            add(entry, "category", term=term, label=label)
    ET.indent(feed, space="  ")
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode") + "\n"


def ics_text(value: str) -> str:
    """An iCalendar TEXT value: backslash, semicolon, comma and line breaks escaped."""
    return (value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r\n", "\\n").replace("\n", "\\n"))


def ics_fold(line: str) -> list[str]:
    """Lines of at most 75 octets; each continuation starts with a space. UTF-8 characters stay whole."""
    out, current, size, limit = [], "", 0, 75
    for ch in line:
        n = len(ch.encode("utf-8"))
        if size + n > limit:
            out.append(current)
            current, size, limit = " ", 1, 75
        current += ch
        size += n
    out.append(current)
    return out


def ics_utc(when: dt.datetime) -> str:
    return when.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")


def icalendar(*, name: str, lang: str, events: list[CalendarEvent]) -> str:
    """A calendar (METHOD:PUBLISH) of the events, written with the `icalendar` library (escaping of ; , \\
    and line breaks, folding at 75 octets). Times are in UTC, so no time-zone block is needed."""
    cal = ical.Calendar()
    cal.add("version", "2.0")
    cal.add("prodid", f"-//Torv//{ics_safe(name)}//{lang.upper()}")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", ics_safe(name))
    for ev in events:
        where = ev.location or ev.online
        description = "\n\n".join(x for x in (ev.summary, ev.online, ev.url) if x)
        item = ical.Event()
        item.add("uid", ics_safe(ev.uid))
        item.add("dtstamp", (ev.stamp or ev.start).astimezone(dt.UTC))
        item.add("dtstart", ev.start.astimezone(dt.UTC))
        if ev.end:
            item.add("dtend", ev.end.astimezone(dt.UTC))
        item.add("summary", ics_safe(ev.title))
        item.add("description", ics_safe(description))
        if where:
            item.add("location", ics_safe(where))
        item.add("url", ics_safe(ev.url))
        item.add("status", "CANCELLED" if ev.cancelled else "CONFIRMED")
        cal.add_component(item)
    return cal.to_ical(sorted=False).decode("utf-8")  # properties in the order written above


def ics_safe(value: str) -> str:
    """Text without carriage returns or other control characters (the library escapes line feeds)."""
    return NOT_XML.sub("", value.replace("\r\n", "\n").replace("\r", "\n"))


__all__ = ["FEED_FILE", "CALENDAR_FILE", "FEED_SIZE", "FeedEntry", "CalendarEvent", "atom_feed", "icalendar",
           "ics_text", "ics_fold"]
