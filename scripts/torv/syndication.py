"""A language's subscriptions as build-tree files: the news feed, the meetings calendar and a calendar per meeting.

Written only when the site has an address (site_url): feeds and calendars need full URLs. The formats
are feeds.py's; what goes in, and where, is decided here from the records and the routes.
"""

from __future__ import annotations

from .feeds import FEED_SIZE, CalendarEvent, FeedEntry, atom_feed, icalendar
from .pages import selection
from .pages.base import Shared
from .pages.common import calendar_title, feed_title
from .pages.dates import aware
from .records import Content, Item, NewsFields
from .routes import Routes


def feed_entry(content: Content, routes: Routes, shared: Shared, item: Item[NewsFields], lang: str) -> FeedEntry:
    v = item.values(lang)
    return FeedEntry(
        title=v.title,
        summary=v.summary,
        url=routes.absolute(lang, routes.url(item, lang)),
        published=aware(v.date, shared.tz),
        updated=aware(v.updated, shared.tz) if v.updated else None,
        categories=[(t, content.tags[t].label(lang)) for t in v.tags if t in content.tags],
    )


def calendar_event(routes: Routes, shared: Shared, item: Item[NewsFields], lang: str) -> CalendarEvent:
    """A meeting's calendar entry: the same uid in every language (one meeting, one entry)."""
    v = item.values(lang)
    ev = v.event
    assert ev is not None
    return CalendarEvent(
        uid=f"{item.group.replace('/', '-')}@{routes.host or 'torv.invalid'}",
        title=v.title,
        summary=v.summary,
        url=routes.absolute(lang, routes.url(item, lang)),
        start=aware(ev.start, shared.tz),
        end=aware(ev.end, shared.tz) if ev.end else None,
        location=", ".join(x for x in (ev.location, ev.address) if x),
        online=ev.online or "",
        stamp=aware(v.updated or v.date, shared.tz),
        cancelled=ev.cancelled,
    )


def subscriptions(content: Content, routes: Routes, shared: Shared, lang: str) -> dict[str, str]:
    """{docs-relative path: text}: feed.xml (the newest news), calendar.ics (upcoming meetings, the past year's), a .ics each."""
    if not routes.site_url:
        return {}
    items = selection.in_language(content, routes, lang)
    files = {
        routes.feed: atom_feed(
            lang=lang,
            title=feed_title(shared, lang),
            author=shared.municipality(lang),
            self_url=routes.absolute(lang, routes.feed),
            home_url=routes.absolute(lang, routes.section(lang, "news")),
            entries=[feed_entry(content, routes, shared, e, lang) for e in items[:FEED_SIZE]],
        )
    }
    name = calendar_title(shared, lang)
    for e in selection.meetings(items):  # every meeting keeps its own calendar file
        files[routes.ics(e, lang)] = icalendar(name=name, lang=lang, events=[calendar_event(routes, shared, e, lang)])
    # the calendar to subscribe to: the upcoming meetings and those of the past 12 months
    events = [calendar_event(routes, shared, e, lang) for e in selection.in_calendar(items, shared.today)]
    files[routes.calendar] = icalendar(name=name, lang=lang, events=events)
    return files
