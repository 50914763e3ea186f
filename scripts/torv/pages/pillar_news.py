"""All news about a pillar (politik/dialog/nyheder/), 20 a page, where its page cannot show them all (it shows five)."""

from __future__ import annotations

from ..records import Content, Item, PillarFields
from ..routes import Routes, rel_href
from . import paging, selection
from .base import Page, Shared
from .cards import news_cards
from .common import common, topic_feed_title
from .parts import Link
from .pillar import LATEST
from .shapes import Feed, PageMeta, PillarNewsData


def pillar_news(content: Content, routes: Routes, lang: str, shared: Shared) -> list[Page]:
    news = {lg: selection.in_language(content, routes, lg) for lg in routes.languages}
    pages = []
    for pillar in content.pillars:
        if routes.has_page(pillar, lang) and len(selection.about_pillar(news[lang], pillar.id)) > LATEST:
            pages += pillar_list(content, routes, lang, shared, pillar, news)
    return pages


def pillar_list(
    content: Content,
    routes: Routes,
    lang: str,
    shared: Shared,
    pillar: Item[PillarFields],
    news: dict[str, list[selection.News]],
) -> list[Page]:
    base = routes.pillar_news(pillar, lang)
    v = pillar.values(lang)
    heading = shared.t(lang, "pillar.news_title", pillar=v.title)
    feed_title = topic_feed_title(shared, lang, v.title)
    chunks = paging.pages_of(selection.about_pillar(news[lang], pillar.id), paging.NEWS_PAGE)
    counts = {}
    bases = {}
    for lg in routes.languages:
        about = selection.about_pillar(news[lg], pillar.id)
        counts[lg] = paging.page_count(len(about), paging.NEWS_PAGE)
        # a language without the pillar's page or its news links to its news list
        bases[lg] = (
            routes.pillar_news(pillar, lg) if routes.has_page(pillar, lg) and about else routes.section(lg, "news")
        )
    pages = []
    for number, chunk in enumerate(chunks, 1):
        url = routes.paged(lang, base, number)
        title = paging.title(shared, lang, heading, number, len(chunks))
        data = PillarNewsData(
            **common(
                content,
                routes,
                shared,
                lang,
                url,
                kind="pillar-news",
                title=title,
                description=None,
                section_urls=paging.paged_urls(routes, bases, counts, number),
                topic_feed=Feed(href=rel_href(url, routes.pillar_feed(pillar, lang)), title=feed_title),
            ),
            heading=title,
            entries=news_cards(shared, routes, chunk, lang, url),
            pager=paging.pager(shared, routes, lang, base, number, len(chunks)),
            pillar=Link(text=v.title, href=rel_href(url, routes.url(pillar, lang))),
        )
        meta = PageMeta(template="pillar-news.html", description=None, edit_url=None, torv=data)
        pages.append(Page(url=url, meta=meta))
    return pages
