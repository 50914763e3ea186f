"""Lists longer than a page: the items cut into pages at stable addresses, and the pager that links them."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

from ..routes import Routes, rel_href
from .base import Shared
from .parts import Link, PageLink, Pager

T = TypeVar("T")

NEWS_PAGE = 20  # news items on a page of the news list, a tag's list, a pillar's list, past meetings
YEAR_PAGE = 50  # news items on a page of one year's news
AROUND = 2  # numbered links on each side of the current page (the first and last page are always linked)


def pages_of(items: Sequence[T], size: int) -> list[Sequence[T]]:
    """The items cut into pages of `size` (one empty page when there are none)."""
    return [items[i : i + size] for i in range(0, len(items), size)] or [items[:0]]


def page_count(items: int, size: int) -> int:
    return max(1, -(-items // size))


def numbers(number: int, total: int) -> list[int]:
    """The page numbers a pager links, 0 for a gap: 1 … 4 5 [6] 7 8 … 50 (a gap of one page is that page)."""
    shown = sorted({1, total, *range(max(1, number - AROUND), min(total, number + AROUND) + 1)})
    out: list[int] = []
    for n in shown:
        if out and n - out[-1] == 2:
            out.append(n - 1)
        elif out and n - out[-1] > 2:
            out.append(0)
        out.append(n)
    return out


def pager(shared: Shared, routes: Routes, lang: str, url: str, number: int, total: int) -> Pager | None:
    """The pager of page `number` of `total` of the list at `url` (None for a list of one page)."""
    if total <= 1:
        return None
    here = routes.paged(lang, url, number)

    def href(n: int) -> str:
        return rel_href(here, routes.paged(lang, url, n))

    def label(n: int) -> str:
        return shared.t(lang, "pager.page", page=n, pages=total)

    links = [
        PageLink(number=n, href=href(n), label=label(n), current=n == number, gap=False)
        if n
        else PageLink(number=0, href="", label="", current=False, gap=True)
        for n in numbers(number, total)
    ]
    return Pager(
        label=shared.t(lang, "pager.label"),
        status=label(number),
        number=number,
        total=total,
        previous=Link(text=shared.t(lang, "pager.previous"), href=href(number - 1)) if number > 1 else None,
        next=Link(text=shared.t(lang, "pager.next"), href=href(number + 1)) if number < total else None,
        pages=links,
    )


def title(shared: Shared, lang: str, heading: str, number: int, total: int) -> str:
    """A list page's title: the list's, with "side 2 af 50" after it on the pages after the first."""
    return heading if number <= 1 else shared.t(lang, "pager.title", title=heading, page=number, pages=total)


def paged_urls(routes: Routes, urls: dict[str, str], counts: dict[str, int], number: int) -> dict[str, str]:
    """A list page's address in every language: the same page number where that language's list has it,
    else that list's first page."""
    return {lg: routes.paged(lg, url, number if number <= counts.get(lg, 1) else 1) for lg, url in urls.items()}
