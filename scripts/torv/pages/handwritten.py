"""A hand-written page from docs/ (about the site, privacy ...): its Markdown, with its pictures copied."""

from __future__ import annotations

from ..records import Content, Item, PageFields
from ..routes import Routes
from .base import Page, Shared
from .body import page_body
from .common import common, item_edit_url
from .dates import optional_date
from .shapes import HandPageData, PageMeta


def handwritten(content: Content, routes: Routes, lang: str, shared: Shared) -> list[Page]:
    return [handwritten_page(content, routes, lang, shared, p) for p in content.pages if routes.has_page(p, lang)]


def handwritten_page(content: Content, routes: Routes, lang: str, shared: Shared, item: Item[PageFields]) -> Page:
    url = routes.url(item, lang)
    v = item.values(lang)
    body, files = page_body(routes, shared, item, lang, url)
    data = HandPageData(
        **common(content, routes, shared, lang, url, kind="page", title=v.title, description=v.summary, item=item),
        published=None,
        updated=None,
        reviewed=optional_date(v.reviewed, lang),
    )
    meta = PageMeta(
        template="page.html",
        description=v.summary,
        edit_url=item_edit_url(shared, item, lang),
        torv=data,
    )
    return Page(url=url, meta=meta, body=body, files=tuple(dict.fromkeys(files)))
