"""The meetings page of a language: every upcoming meeting (the next first), then past ones 20 a page, the calendar."""

from __future__ import annotations

from ..records import Content
from ..routes import Routes, rel_href
from . import paging, selection
from .base import Page, Shared
from .cards import meeting_cards
from .common import common
from .shapes import MeetingsData, PageMeta


def meetings(content: Content, routes: Routes, lang: str, shared: Shared) -> list[Page]:
    base = routes.section(lang, "meetings")
    heading = shared.t(lang, "meetings.title")
    news = selection.in_language(content, routes, lang)
    chunks = paging.pages_of(selection.past(news, shared.today), paging.NEWS_PAGE)
    counts = {
        lg: paging.page_count(
            len(selection.past(selection.in_language(content, routes, lg), shared.today)), paging.NEWS_PAGE
        )
        for lg in routes.languages
    }
    upcoming = selection.upcoming(news, shared.today)
    pages = []
    for number, chunk in enumerate(chunks, 1):
        url = routes.paged(lang, base, number)
        title = paging.title(shared, lang, heading, number, len(chunks))
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
                section_urls=paging.paged_urls(routes, routes.section_urls("meetings"), counts, number),
            ),
            heading=title,
            first=number == 1,
            upcoming=meeting_cards(shared, routes, upcoming, lang, url) if number == 1 else [],
            calendar=rel_href(url, routes.calendar) if routes.site_url else None,
            webcal=routes.webcal(lang, routes.calendar) if routes.site_url else None,
            past=meeting_cards(shared, routes, chunk, lang, url),
            pager=paging.pager(shared, routes, lang, base, number, len(chunks)),
        )
        meta = PageMeta(template="meetings.html", description=None, edit_url=None, torv=data)
        pages.append(Page(url=url, meta=meta))
    return pages
