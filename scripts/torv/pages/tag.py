"""The tag pages of a language: the news items with one tag, for every tag that news items use."""

from __future__ import annotations

from ..records import Content
from ..routes import Routes, rel_href
from . import selection
from .base import Page, Shared
from .cards import news_cards
from .common import common, topic_feed_title
from .shapes import Feed, PageMeta, TagData


def tags(content: Content, routes: Routes, lang: str, shared: Shared) -> list[Page]:
    news = selection.in_language(content, routes, lang)
    pages = []
    for tag in selection.used_tags(content):
        url = routes.tag(lang, tag)
        title = shared.t(lang, "news.tag_title", tag=content.tags[tag].label(lang))
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
                section_urls=routes.tag_urls(tag),
                topic_feed=Feed(
                    href=rel_href(url, routes.tag_feed(lang, tag)),
                    title=topic_feed_title(shared, lang, content.tags[tag].label(lang)),
                ),
            ),
            entries=news_cards(shared, routes, selection.tagged(news, tag), lang, url),
        )
        pages.append(Page(url=url, meta=PageMeta(template="tag.html", description=None, edit_url=None, torv=data)))
    return pages
