"""The news page of a language: every news item, newest first, by year, with links to the tag pages."""

from __future__ import annotations

from ..records import Content
from ..routes import Routes
from . import selection
from .base import Page, Shared
from .cards import news_card, tag_links
from .common import common
from .shapes import NewsCard, NewsIndexData, PageMeta, Year


def news_index(content: Content, routes: Routes, lang: str, shared: Shared) -> list[Page]:
    url = routes.section(lang, "news")
    title = shared.t(lang, "news.title")
    years: dict[int, list[NewsCard]] = {}
    for e in selection.in_language(content, routes, lang):
        years.setdefault(e.default.date.year, []).append(news_card(shared, routes, e, lang, url))
    data = NewsIndexData(
        **common(
            content,
            routes,
            shared,
            lang,
            url,
            kind="news-index",
            title=title,
            description=None,
            section_urls=routes.section_urls("news"),
        ),
        years=[Year(year=y, entries=cards) for y, cards in sorted(years.items(), reverse=True)],
        tags=tag_links(content, routes, selection.used_tags(content), lang, url),
    )
    return [Page(url=url, meta=PageMeta(template="news-index.html", description=None, edit_url=None, torv=data))]
