"""The tag pages of a language: the news items with one tag, 20 a page, for every tag that news items use."""

from __future__ import annotations

from ..records import Content
from ..routes import Routes, rel_href
from . import paging, selection
from .base import Page, Shared
from .cards import news_cards
from .common import common, topic_feed_title
from .shapes import Feed, PageMeta, TagData


def tags(content: Content, routes: Routes, lang: str, shared: Shared) -> list[Page]:
    news = {lg: selection.in_language(content, routes, lg) for lg in routes.languages}
    pages = []
    for tag in selection.used_tags(content):
        base = routes.tag(lang, tag)
        label = content.tags[tag].label(lang)
        heading = shared.t(lang, "news.tag_title", tag=label)
        feed_title = topic_feed_title(shared, lang, label)
        chunks = paging.pages_of(selection.tagged(news[lang], tag), paging.NEWS_PAGE)
        counts = {lg: paging.page_count(len(selection.tagged(news[lg], tag)), paging.NEWS_PAGE) for lg in news}
        for number, chunk in enumerate(chunks, 1):
            url = routes.paged(lang, base, number)
            title = paging.title(shared, lang, heading, number, len(chunks))
            data = TagData(
                **common(
                    content,
                    routes,
                    shared,
                    lang,
                    url,
                    kind="tag",
                    title=title,
                    description=None,
                    section_urls=paging.paged_urls(routes, routes.tag_urls(tag), counts, number),
                    topic_feed=Feed(href=rel_href(url, routes.tag_feed(lang, tag)), title=feed_title),
                ),
                heading=title,
                entries=news_cards(shared, routes, chunk, lang, url),
                pager=paging.pager(shared, routes, lang, base, number, len(chunks)),
            )
            meta = PageMeta(template="tag.html", description=None, edit_url=None, torv=data)
            pages.append(Page(url=url, meta=meta))
    return pages
