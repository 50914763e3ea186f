"""The news list of a language: every news item, newest first, 20 a page, by year; pager, year and tag links."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..records import Content
from ..routes import Routes, rel_href
from . import paging, selection
from .base import Page, Shared
from .cards import news_card, tag_links
from .common import common
from .parts import Link, Year, YearLink
from .shapes import NewsIndexData, PageMeta


@dataclass(frozen=True)
class ListParts:
    """What every page of a language's news lists links to, counted once: the years with news, the tags used."""

    years: dict[int, int]  # year -> news items that year
    tags: list[str]


def news_index(content: Content, routes: Routes, lang: str, shared: Shared) -> list[Page]:
    url = routes.section(lang, "news")
    items = selection.in_language(content, routes, lang)
    heading = shared.t(lang, "news.title")
    chunks = paging.pages_of(items, paging.NEWS_PAGE)
    counts = {
        lg: paging.page_count(len(selection.in_language(content, routes, lg)), paging.NEWS_PAGE)
        for lg in routes.languages
    }
    parts = ListParts(years=selection.by_year(items), tags=selection.used_tags(content))
    return [
        list_page(
            content,
            routes,
            lang,
            shared,
            parts,
            chunk,
            number,
            len(chunks),
            kind="news-index",
            base=url,
            heading=heading,
            urls=paging.paged_urls(routes, routes.section_urls("news"), counts, number),
        )
        for number, chunk in enumerate(chunks, 1)
    ]


def list_page(
    content: Content,
    routes: Routes,
    lang: str,
    shared: Shared,
    parts: ListParts,
    chunk: Sequence[selection.News],
    number: int,
    total: int,
    *,
    kind: str,
    base: str,
    heading: str,
    urls: dict[str, str],
    year: int | None = None,
) -> Page:
    """Page `number` of a list of news at `base` (the news list, or one year's news when `year` is given)."""
    url = routes.paged(lang, base, number)
    title = paging.title(shared, lang, heading, number, total)
    years: dict[int, list] = {}
    for e in chunk:
        years.setdefault(e.default.date.year, []).append(news_card(shared, routes, e, lang, url))
    data = NewsIndexData(
        **common(content, routes, shared, lang, url, kind=kind, title=title, description=None, section_urls=urls),
        heading=title,
        years=[Year(year=y, entries=cards) for y, cards in sorted(years.items(), reverse=True)],
        by_year=year is None,
        pager=paging.pager(shared, routes, lang, base, number, total),
        year_links=year_links(routes, lang, url, parts.years, year),
        all_news=Link(text=shared.t(lang, "news.all"), href=rel_href(url, routes.section(lang, "news")))
        if year is not None
        else None,
        tags=tag_links(content, routes, parts.tags, lang, url),
    )
    meta = PageMeta(template="news-index.html", description=None, edit_url=None, torv=data)
    return Page(url=url, meta=meta)


def year_links(routes: Routes, lang: str, url: str, counts: dict[int, int], current: int | None) -> list[YearLink]:
    """A link to each year's news, the newest year first."""
    return [
        YearLink(year=y, href=rel_href(url, routes.year(lang, y)), count=n, current=y == current)
        for y, n in sorted(counts.items(), reverse=True)
    ]
