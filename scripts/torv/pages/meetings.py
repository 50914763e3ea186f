"""The meetings page of a language: upcoming meetings (the next first), past ones, the calendar to subscribe to."""

from __future__ import annotations

from ..records import Content
from ..routes import Routes, rel_href
from . import selection
from .base import Page, Shared
from .cards import meeting_cards
from .common import common
from .shapes import MeetingsData, PageMeta


def meetings(content: Content, routes: Routes, lang: str, shared: Shared) -> list[Page]:
    url = routes.section(lang, "meetings")
    title = shared.t(lang, "meetings.title")
    news = selection.in_language(content, routes, lang)
    data = MeetingsData(
        **common(
            content,
            routes,
            shared,
            lang,
            url,
            kind="meetings",
            title=title,
            description=None,
            section_urls=routes.section_urls("meetings"),
        ),
        upcoming=meeting_cards(shared, routes, selection.upcoming(news, shared.today), lang, url),
        calendar=rel_href(url, routes.calendar) if routes.site_url else None,
        webcal=routes.webcal(lang, routes.calendar) if routes.site_url else None,
        past=meeting_cards(shared, routes, selection.past(news, shared.today), lang, url),
    )
    return [Page(url=url, meta=PageMeta(template="meetings.html", description=None, edit_url=None, torv=data))]
