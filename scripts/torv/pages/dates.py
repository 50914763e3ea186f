"""Dates and times for display: date texts, a meeting's time, ISO times in the site's zone, opening hours.

The texts come from Babel (localize.py), which is slow: each distinct value is formatted once per build.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from functools import cache

from .. import localize
from ..records import Event, OpeningHours, TimeSpan
from .parts import DateText, OpeningRow, Span


@cache
def date_text(d: dt.date, lang: str) -> DateText:
    return DateText(iso=d.isoformat(), text=localize.date_long(d, lang))


def optional_date(d: dt.date | None, lang: str) -> DateText | None:
    return date_text(d, lang) if d else None


@cache
def when_text(start: dt.date, end: dt.date | None, lang: str) -> str:
    """'torsdag 3. december 2026, 08.30–11.00'; a meeting over whole days without a time:
    'torsdag 28. januar 2027'."""
    if isinstance(start, dt.datetime):
        assert end is None or isinstance(end, dt.datetime)
        return localize.datetime_text(start, end, lang)
    return localize.days_text(start, end, lang)


def event_when(event: Event, lang: str) -> str:
    return when_text(event.start, event.end, lang)


def event_iso(when: dt.date, tz: zoneinfo.ZoneInfo) -> str:
    """A meeting's start or end for <time datetime> and JSON-LD: with the zone's offset, or a date alone."""
    return iso_local(when, tz) if isinstance(when, dt.datetime) else when.isoformat()


def aware(when: dt.date | dt.datetime, tz: zoneinfo.ZoneInfo) -> dt.datetime:
    """A date (midnight) or a local date and time, in the site's time zone."""
    if not isinstance(when, dt.datetime):
        when = dt.datetime.combine(when, dt.time())
    return when.replace(tzinfo=tz)


def iso_local(when: dt.datetime, tz: zoneinfo.ZoneInfo) -> str:
    return aware(when, tz).isoformat()


def last_day(event: Event) -> dt.date:
    return event.last_day


@cache
def opening_rows(hours: OpeningHours, lang: str, closed_word: str, joiner: str) -> tuple[OpeningRow, ...]:
    """Consecutive weekdays with the same hours grouped: 'Mandag–onsdag' '08.00–16.00'."""
    groups: list[tuple[int, int, tuple[TimeSpan, ...]]] = []  # first day, last day, spans
    for i, (_, spans) in enumerate(hours.days()):
        if groups and groups[-1][2] == spans:
            groups[-1] = (groups[-1][0], i, spans)
        else:
            groups.append((i, i, spans))
    weekdays = [day for day, _ in hours.days()]
    rows = []
    for first, last, spans in groups:
        days = localize.weekday(first, lang, alone=True)
        if last != first:
            days = f"{days}{localize.DASH}{localize.weekday(last, lang, alone=True)}"
        rows.append(
            OpeningRow(
                days=days[:1].upper() + days[1:],
                hours=f" {joiner} ".join(localize.interval(a, b, lang) for a, b in spans) if spans else closed_word,
                closed=not spans,
                spans=[Span(opens=a.strftime("%H:%M"), closes=b.strftime("%H:%M")) for a, b in spans],
                weekdays=weekdays[first : last + 1],
            )
        )
    return tuple(rows)
