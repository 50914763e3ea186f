"""What every page's data has: addresses in every language, Open Graph, the way to its root, feed, fallback notice."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .. import localize, statement
from ..records import Content, Item
from ..routes import HOME, Routes, cross_href, rel_href
from .base import Shared
from .dates import date_text
from .parts import Link, Preview
from .shapes import Alternate, Fallback, Feed, OpenGraph

PRIVACY_PAGES = ("privatliv", "privacy")  # a page in docs/ with one of these names is linked from the footer
JSON_FEED = "application/feed+json"  # the media type of a JSON Feed (jsonfeed.org)


def common(
    content: Content,
    routes: Routes,
    shared: Shared,
    lang: str,
    url: str,
    *,
    kind: str,
    title: str,
    description: str | None,
    item: Item[Any] | None = None,
    section_urls: Mapping[str, str] | None = None,
    og_type: str = "website",
    og_image: str | None = None,
    x_default: str | None = None,
    jsonld: str | None = None,
    topic_feed: Feed | None = None,
) -> dict[str, Any]:
    """The fields of `Common` for a page: of an `item`, or of a section with its URL in every language."""
    alternates = [
        Alternate(
            lang=lg,
            name=shared.settings.language_names.get(lg, lg),
            href=cross_href(url, lg, target),
            abs=routes.absolute(lg, target),
            current=lg == lang,
            hreflang=listed,
        )
        for lg, target, listed in routes.alternates(item, section_urls)
    ]
    default = next(a for a in alternates if a.lang == routes.default_language)
    fallback = None
    if item is not None and not item.translated(lang):
        fallback = Fallback(lang=routes.default_language, notice=shared.t(lang, "translation.missing"))
    return {
        "kind": kind,
        "title": title,
        "lang": lang,
        "url": url,
        "canonical": routes.absolute(lang, url),
        "alternates": alternates,
        "x_default": x_default or default.abs,
        "og": OpenGraph(
            title=title,
            description=description or "",
            type=og_type,
            locale=localize.locale(lang),
            site_name=shared.municipality(lang),
            image=og_image,
        ),
        "root": rel_href(url, HOME),
        "feed": Feed(href=rel_href(url, routes.feed), title=feed_title(shared, lang)) if routes.site_url else None,
        "json_feed": Feed(href=rel_href(url, routes.json_feed), title=feed_title(shared, lang), type=JSON_FEED)
        if routes.site_url
        else None,
        "topic_feed": topic_feed if routes.site_url else None,
        "fallback": fallback,
        "jsonld": jsonld,
    }


def footer_links(content: Content, routes: Routes, shared: Shared, lang: str, url: str) -> list[Link]:
    """The privacy page and the accessibility statement, linked from every page."""
    links = [
        Link(text=shared.t(lang, "footer.privacy"), href=rel_href(url, routes.url(p, lang)))
        for p in content.pages
        if p.id in PRIVACY_PAGES and routes.has_page(p, lang)
    ]
    if content.statement:
        text = statement.title(lang, shared.settings.phone_region) or shared.t(lang, "footer.accessibility")
        links.append(Link(text=text, href=rel_href(url, routes.section(lang, "accessibility"))))
    return links


def feed_title(shared: Shared, lang: str) -> str:
    return f"{shared.municipality(lang)}: {shared.t(lang, 'news.title')}"


def topic_feed_title(shared: Shared, lang: str, topic: str) -> str:
    """A tag's or a pillar's feed: 'Havbjerg Kommune: Nyheder om: Forum'."""
    return f"{shared.municipality(lang)}: {shared.t(lang, 'news.tag_title', tag=topic)}"


def calendar_title(shared: Shared, lang: str) -> str:
    return f"{shared.municipality(lang)}: {shared.t(lang, 'meetings.title')}"


def preview_notice(shared: Shared, item: Item[Any], lang: str) -> Preview | None:
    """The notice of a draft or scheduled item (only shown in a preview); None for a published item."""
    if item.state == "draft":
        return Preview(state="draft", notice=shared.t(lang, "preview.draft"))
    if item.state == "scheduled":
        return Preview(
            state="scheduled", notice=shared.t(lang, "preview.scheduled", date=date_text(item.default.date, lang).text)
        )
    return None


def item_edit_url(shared: Shared, item: Item[Any], lang: str) -> str | None:
    """'Edit this page' of an item's page: the file of its language (or the default language's)."""
    return shared.edit_url(item.source(lang))
