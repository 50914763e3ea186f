"""Which news items a list shows, in which order: a language's items, meetings upcoming and past, by tag or pillar."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from ..records import Content, Item, NewsFields
from ..routes import Routes
from .dates import last_day

News = Item[NewsFields]


def in_language(content: Content, routes: Routes, lang: str) -> list[News]:
    """The news items with a page in the language, newest first."""
    return [e for e in content.news if routes.has_page(e, lang)]


def meetings(items: Iterable[News]) -> list[News]:
    """The meetings among the items, by start (the earliest first)."""
    return sorted((e for e in items if e.default.event), key=_start)


def is_upcoming(item: News, today: dt.date) -> bool:
    ev = item.default.event
    return ev is not None and last_day(ev) >= today


def upcoming(items: Iterable[News], today: dt.date) -> list[News]:
    """Meetings that have not ended before today, the next first."""
    return [e for e in meetings(items) if is_upcoming(e, today)]


def past(items: Iterable[News], today: dt.date) -> list[News]:
    """Meetings that ended before today, the latest first."""
    return sorted((e for e in meetings(items) if not is_upcoming(e, today)), key=_start, reverse=True)


def tagged(items: Iterable[News], tag: str) -> list[News]:
    return [e for e in items if tag in e.default.tags]


def about_pillar(items: Iterable[News], pillar: str) -> list[News]:
    """Items that name the pillar or one of its commitments."""
    return [e for e in items if any(ref == pillar or ref.startswith(pillar + "/") for ref in e.default.pillars)]


def by_year(items: Iterable[News]) -> dict[int, int]:
    """{year: number of items dated that year}."""
    counts: dict[int, int] = {}
    for e in items:
        counts[e.default.date.year] = counts.get(e.default.date.year, 0) + 1
    return counts


def in_calendar(items: Iterable[News], today: dt.date) -> list[News]:
    """The meetings a calendar subscription holds: the upcoming ones and those of the past 12 months."""
    since = today - dt.timedelta(days=365)
    return [e for e in meetings(items) if e.default.event is not None and last_day(e.default.event) >= since]


def not_in(items: Iterable[News], shown: Iterable[News]) -> list[News]:
    """The items a page has not listed yet (the home page's latest news without its upcoming meetings)."""
    seen = {e.group for e in shown}
    return [e for e in items if e.group not in seen]


def has_open_data(content: Content, routes: Routes, lang: str) -> bool:
    """The language publishes the policy's commitments as open data: it has the policy's page and a pillar page
    with at least one commitment (no empty files, no link to them, on a site without a policy or commitments)."""
    policy = content.policy
    return (
        policy is not None
        and routes.has_page(policy, lang)
        and any(p.values(lang).commitments for p in content.pillars if routes.has_page(p, lang))
    )


def used_tags(content: Content) -> list[str]:
    """The known tags that shown news items use, sorted."""
    return sorted({t for e in content.news for t in e.default.tags if t in content.tags})


def _start(item: News) -> tuple[dt.datetime, str]:
    """A meeting's start (an all-day meeting at midnight), then its file: the order of meeting lists."""
    ev = item.default.event
    assert ev is not None
    return ev.begins, item.id
