"""The news of one year, a page per year (nyheder/2024/), 50 items a page, newest first."""

from __future__ import annotations

from ..records import Content
from ..routes import Routes
from . import paging, selection
from .base import Page, Shared
from .news_list import ListParts, list_page


def news_years(content: Content, routes: Routes, lang: str, shared: Shared) -> list[Page]:
    items = selection.in_language(content, routes, lang)
    by_year: dict[int, list[selection.News]] = {}
    for e in items:
        by_year.setdefault(e.default.date.year, []).append(e)
    per_language = {lg: selection.by_year(selection.in_language(content, routes, lg)) for lg in routes.languages}
    parts = ListParts(years=per_language[lang], tags=selection.used_tags(content))
    pages = []
    for year, entries in by_year.items():
        chunks = paging.pages_of(entries, paging.YEAR_PAGE)
        heading = shared.t(lang, "news.year_title", year=year)
        # a language without news that year links to its news list
        bases = {
            lg: routes.year(lg, year) if year in per_language[lg] else routes.section(lg, "news")
            for lg in routes.languages
        }
        counts = {lg: paging.page_count(per_language[lg].get(year, 0), paging.YEAR_PAGE) for lg in routes.languages}
        for number, chunk in enumerate(chunks, 1):
            pages.append(
                list_page(
                    content,
                    routes,
                    lang,
                    shared,
                    parts,
                    chunk,
                    number,
                    len(chunks),
                    kind="news-year",
                    base=routes.year(lang, year),
                    heading=heading,
                    urls=paging.paged_urls(routes, bases, counts, number),
                    year=year,
                )
            )
    return pages
