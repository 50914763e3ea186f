"""The pages of a site, a module per page kind: each a pure function (content, routes, lang, shared) -> [Page]."""

from __future__ import annotations

from collections.abc import Callable

from ..records import Content
from ..routes import Routes
from .accessibility import accessibility
from .base import MediaCopy, Page, Shared
from .contact import contact
from .handwritten import handwritten
from .home import home
from .meetings import meetings
from .news_item import news_items
from .news_list import news_index
from .news_year import news_years
from .pillar import pillars
from .pillar_news import pillar_news
from .policy import policy
from .tag import tags

PageKind = Callable[[Content, Routes, str, Shared], list[Page]]

# Every page kind, in the order their pages are made.
PAGE_KINDS: tuple[PageKind, ...] = (
    home,
    policy,
    pillars,
    pillar_news,
    news_items,
    news_index,
    news_years,
    tags,
    meetings,
    contact,
    accessibility,
    handwritten,
)


def pages_of(content: Content, routes: Routes, lang: str, shared: Shared) -> list[Page]:
    """Every page of a language."""
    return [page for kind in PAGE_KINDS for page in kind(content, routes, lang, shared)]


__all__ = ["PAGE_KINDS", "MediaCopy", "Page", "PageKind", "Shared", "pages_of"]
