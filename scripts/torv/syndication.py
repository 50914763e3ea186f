"""A language's subscriptions as build-tree files: news feeds (the language's, a tag's, a pillar's; Atom and JSON
Feed) and calendars (the upcoming meetings and the past year's, and one per meeting).

Written only when the site has an address (site_url): feeds and calendars need full URLs. The formats
are feeds.py's; what goes in, and where, is decided here from the records and the routes.

A calendar entry's SEQUENCE is the number of days from the item's `date` to its `updated` (0 without
`updated`): it grows whenever an editor records a later change, which is what tells a subscriber's calendar
to replace the entry it has (a moved or cancelled meeting). Two changes on one day count once; `updated`
is never before `date` (the validator checks it), so the number never goes down. LAST-MODIFIED and
DTSTAMP are that same day (midnight, the site's time zone, in UTC): nothing depends on the build date.
"""

from __future__ import annotations

from .feeds import FEED_SIZE, CalendarEvent, FeedEntry, FeedHead, atom_feed, calendars, json_feed
from .pages import selection
from .pages.base import Shared
from .pages.common import calendar_title, feed_title, topic_feed_title
from .pages.dates import aware
from .records import Content, Item, NewsFields, PillarFields
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


def sequence(item: Item[NewsFields]) -> int:
    """The calendar entry's SEQUENCE: days from the publication date to the last recorded change."""
    v = item.default
    return (v.updated - v.date).days if v.updated else 0


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
        start=ev.start if ev.all_day else aware(ev.start, shared.tz),
        end=None if ev.end is None else ev.end if ev.all_day else aware(ev.end, shared.tz),
        location=", ".join(x for x in (ev.location, ev.address) if x),
        online=ev.online or "",
        modified=aware(item.default.updated or item.default.date, shared.tz),
        sequence=sequence(item),
        cancelled=ev.cancelled,
    )


def news_feeds(
    content: Content, routes: Routes, shared: Shared, lang: str, items: list[selection.News]
) -> dict[str, str]:
    """The language's news as Atom (feed.xml) and JSON Feed (feed.json)."""
    entries = [feed_entry(content, routes, shared, e, lang) for e in items[:FEED_SIZE]]
    home = routes.absolute(lang, routes.section(lang, "news"))
    title, author = feed_title(shared, lang), shared.municipality(lang)
    return {
        routes.feed: atom_feed(FeedHead(lang, title, author, routes.absolute(lang, routes.feed), home), entries),
        routes.json_feed: json_feed(
            FeedHead(lang, title, author, routes.absolute(lang, routes.json_feed), home), entries
        ),
    }


def topic_feed(
    content: Content,
    routes: Routes,
    shared: Shared,
    lang: str,
    items: list[selection.News],
    topic: str,
    page: str,
    path: str,
) -> str:
    """The Atom feed of a tag's or a pillar's news (`page`: its page's URL, `path`: the feed's)."""
    head = FeedHead(
        lang=lang,
        title=topic_feed_title(shared, lang, topic),
        author=shared.municipality(lang),
        self_url=routes.absolute(lang, path),
        home_url=routes.absolute(lang, page),
    )
    return atom_feed(head, [feed_entry(content, routes, shared, e, lang) for e in items[:FEED_SIZE]])


def topic_feeds(
    content: Content, routes: Routes, shared: Shared, lang: str, items: list[selection.News]
) -> dict[str, str]:
    """A feed per tag page and per pillar page of the language, in the page's folder."""
    files = {}
    for tag in selection.used_tags(content):
        label = content.tags[tag].label(lang)
        path = routes.tag_feed(lang, tag)
        files[path] = topic_feed(
            content, routes, shared, lang, selection.tagged(items, tag), label, routes.tag(lang, tag), path
        )
    for pillar in content.pillars:
        if routes.has_page(pillar, lang):
            files[routes.pillar_feed(pillar, lang)] = pillar_feed(content, routes, shared, lang, items, pillar)
    return files


def pillar_feed(
    content: Content, routes: Routes, shared: Shared, lang: str, items: list[selection.News], pillar: Item[PillarFields]
) -> str:
    return topic_feed(
        content,
        routes,
        shared,
        lang,
        selection.about_pillar(items, pillar.id),
        pillar.values(lang).title,
        routes.url(pillar, lang),
        routes.pillar_feed(pillar, lang),
    )


def subscriptions(content: Content, routes: Routes, shared: Shared, lang: str) -> dict[str, str]:
    """{docs-relative path: text}: the news feeds (the language's, each tag's and pillar's; the newest FEED_SIZE
    items each), calendar.ics (the upcoming meetings and those of the past 12 months) and a .ics per meeting."""
    if not routes.site_url:
        return {}
    items = selection.in_language(content, routes, lang)
    files = news_feeds(content, routes, shared, lang, items)
    files.update(topic_feeds(content, routes, shared, lang, items))
    meetings = selection.meetings(items)
    events = [calendar_event(routes, shared, e, lang) for e in meetings]
    recent = {e.group for e in selection.in_calendar(meetings, shared.today)}
    each, subscribed = calendars(
        name=calendar_title(shared, lang), lang=lang, events=events, listed=[e.group in recent for e in meetings]
    )
    for e, text in zip(meetings, each, strict=True):  # every meeting keeps its own calendar file
        files[routes.ics(e, lang)] = text
    files[routes.calendar] = subscribed
    return files
