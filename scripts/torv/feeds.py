"""The news feed (Atom, RFC 4287) and the meeting calendars (iCalendar, RFC 5545) of one language.

Pure functions of what they are given: syndication.py passes in the news items and
meetings with their absolute addresses, which come from `site_url` (mkdocs.yml), the one place for
the site's address. Nothing here depends on the build date, so the same content gives the same files.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from xml.sax.saxutils import escape, quoteattr

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


def atom_feed(*, lang: str, title: str, author: str, self_url: str, home_url: str,
              entries: list[FeedEntry]) -> str:
    """An Atom feed of the entries (newest first, as given). Its `updated` is the newest entry's."""
    newest = max((e.updated or e.published for e in entries), default=dt.datetime(2000, 1, 1, tzinfo=dt.timezone.utc))
    out = ['<?xml version="1.0" encoding="utf-8"?>',
           f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang={quoteattr(lang)}>',
           f"  <title>{escape(title)}</title>",
           f"  <id>{escape(self_url)}</id>",
           f'  <link rel="self" type="application/atom+xml" href={quoteattr(self_url)}/>',
           f'  <link rel="alternate" type="text/html" href={quoteattr(home_url)}/>',
           f"  <updated>{rfc3339(newest)}</updated>",
           f"  <author><name>{escape(author)}</name></author>"]
    for e in entries:
        out += ["  <entry>",
                f"    <title>{escape(e.title)}</title>",
                f"    <id>{escape(e.url)}</id>",
                f'    <link rel="alternate" type="text/html" href={quoteattr(e.url)}/>',
                f"    <published>{rfc3339(e.published)}</published>",
                f"    <updated>{rfc3339(e.updated or e.published)}</updated>",
                f"    <summary>{escape(e.summary)}</summary>"]
        out += [f"    <category term={quoteattr(term)} label={quoteattr(label)}/>" for term, label in e.categories]
        out.append("  </entry>")
    out.append("</feed>")
    return "\n".join(out) + "\n"


def ics_text(value: str) -> str:
    """An iCalendar TEXT value: backslash, semicolon, comma and line breaks escaped."""
    return (value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r\n", "\\n").replace("\n", "\\n"))


def ics_fold(line: str) -> list[str]:
    """Lines of at most 75 octets; each continuation starts with a space. UTF-8 characters stay whole."""
    if len(line) <= 75 and (line.isascii() or len(line.encode("utf-8")) <= 75):
        return [line]
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
    return when.astimezone(dt.timezone.utc).strftime("%Y%m%dT%H%M%SZ")


def icalendar(*, name: str, lang: str, events: list[CalendarEvent]) -> str:
    """A calendar (METHOD:PUBLISH) of the events. Times are in UTC, so no time-zone block is needed."""
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:-//Torv//{ics_text(name)}//{lang.upper()}",
             "CALSCALE:GREGORIAN", "METHOD:PUBLISH", f"X-WR-CALNAME:{ics_text(name)}"]
    for ev in events:
        where = ev.location or ev.online
        description = "\n\n".join(x for x in (ev.summary, ev.online, ev.url) if x)
        lines += ["BEGIN:VEVENT", f"UID:{ev.uid}", f"DTSTAMP:{ics_utc(ev.stamp or ev.start)}",
                  f"DTSTART:{ics_utc(ev.start)}"]
        if ev.end:
            lines.append(f"DTEND:{ics_utc(ev.end)}")
        lines += [f"SUMMARY:{ics_text(ev.title)}", f"DESCRIPTION:{ics_text(description)}"]
        if where:
            lines.append(f"LOCATION:{ics_text(where)}")
        lines += [f"URL:{ev.url}", f"STATUS:{'CANCELLED' if ev.cancelled else 'CONFIRMED'}", "END:VEVENT"]
    lines.append("END:VCALENDAR")
    return "".join(part + "\r\n" for line in lines for part in ics_fold(line))


__all__ = ["FEED_FILE", "CALENDAR_FILE", "FEED_SIZE", "FeedEntry", "CalendarEvent", "atom_feed", "icalendar",
           "ics_text", "ics_fold"]
