"""A pillar's page: its summary and text, its commitments with their status, the newest news about it."""

from __future__ import annotations

from ..records import Content, Item, PillarFields
from ..routes import Routes, rel_href
from . import jsonld, selection
from .base import Page, Shared
from .body import page_body
from .cards import commitments, news_cards
from .common import common, item_edit_url, topic_feed_title
from .parts import Link
from .shapes import Feed, PageMeta, PillarData

LATEST = 5  # news items on a pillar's page; the rest on its list of news (pillar_news.py)


def pillars(content: Content, routes: Routes, lang: str, shared: Shared) -> list[Page]:
    news = selection.in_language(content, routes, lang)
    return [pillar_page(content, routes, lang, shared, p, news) for p in content.pillars if routes.has_page(p, lang)]


def pillar_page(
    content: Content, routes: Routes, lang: str, shared: Shared, pillar: Item[PillarFields], news: list[selection.News]
) -> Page:
    url = routes.url(pillar, lang)
    v = pillar.values(lang)
    policy = content.policy
    about = selection.about_pillar(news, pillar.id)
    all_news = None
    if len(about) > LATEST:
        text = shared.t(lang, "pillar.all_news", pillar=v.title, count=len(about))
        all_news = Link(text=text, href=rel_href(url, routes.pillar_news(pillar, lang)))
    data = PillarData(
        **common(
            content,
            routes,
            shared,
            lang,
            url,
            kind="pillar",
            title=v.title,
            description=v.summary,
            item=pillar,
            jsonld=jsonld.web_page(shared, routes, lang, v.title, v.summary),
            topic_feed=Feed(
                href=rel_href(url, routes.pillar_feed(pillar, lang)), title=topic_feed_title(shared, lang, v.title)
            ),
        ),
        summary=v.summary,
        icon=v.icon,
        commitments=commitments(content, shared, pillar, lang),
        news=news_cards(shared, routes, about[:LATEST], lang, url),
        all_news=all_news,
        policy_href=rel_href(url, routes.url(policy, lang)) if policy else None,
    )
    meta = PageMeta(
        template="pillar.html",
        description=v.summary,
        edit_url=item_edit_url(shared, pillar, lang),
        torv=data,
    )
    body, files = page_body(routes, shared, pillar, lang, url)
    return Page(url=url, meta=meta, body=body, files=files)
