"""What the site tests need to know about the renderer that built the site: where its search index is,
and how a visitor uses its search box. The tests run on Material for MkDocs by default and on Zensical
with TORV_RENDERER=zensical (`make test-zensical`)."""

from __future__ import annotations

import json
import os
from typing import TYPE_CHECKING, Protocol

from bs4 import Tag

from soup import attr, one

if TYPE_CHECKING:
    from playwright.sync_api import Page

RENDERER = os.environ.get("TORV_RENDERER", "material")
RENDERERS = ("material", "zensical")
assert RENDERER in RENDERERS, f"TORV_RENDERER: expected one of {RENDERERS}, found {RENDERER!r}"

# A language's search index, relative to its folder in the site.
SEARCH_INDEX = {"material": os.path.join("search", "search_index.json"), "zensical": "search.json"}


def search_index(site_dir: str, lang: str, renderer: str = RENDERER) -> dict:
    """The search index of a language as {"lang": [...], "docs": [{"location", "title", "text"}, ...]}."""
    with open(os.path.join(site_dir, lang, SEARCH_INDEX[renderer]), encoding="utf-8") as fh:
        index = json.load(fh)
    return {"lang": index["config"]["lang"], "docs": index.get("docs") or index.get("items") or []}


class SearchBox(Protocol):
    """A renderer's search box: CSS selectors for it, and how a visitor opens it and a result."""

    label: str  # the element that names it
    tab_stop: str  # what the Tab key reaches
    result: str  # a result's link

    def label_text(self, soup: Tag) -> str:
        """Its name, as a screen reader says it."""
        ...

    def open_with_shortcut(self, page: Page) -> None: ...

    def open_from_tab_stop(self, page: Page) -> None: ...

    def go_to_first_result(self, page: Page) -> None: ...


class MaterialSearch:
    """Material's search box: an input in the header; results as links the arrow keys move the focus to."""

    label = "input.md-search__input"  # its name, in the page's language: the placeholder
    tab_stop = "input.md-search__input"
    result = ".md-search-result__item > a"

    def label_text(self, soup: Tag) -> str:
        return attr(one(soup, self.label), "placeholder")

    def open_with_shortcut(self, page: Page) -> None:
        page.keyboard.press("/")
        page.wait_for_function("document.activeElement.matches('input.md-search__input')")

    def open_from_tab_stop(self, page: Page) -> None:
        """With the focus on the tab stop: ready to type."""

    def go_to_first_result(self, page: Page) -> None:
        """With results shown and the focus in the input: the keyboard's way to the first result."""
        page.keyboard.press("ArrowDown")
        assert page.evaluate("document.activeElement.matches('.md-search-result__link')"), (
            "the arrow key should move to the first result"
        )
        page.keyboard.press("Enter")


class ZensicalSearch:
    """Zensical's search box: a button in the header that opens a dialog (in a shadow root, which
    Playwright's selectors enter); a combobox whose first result is selected, Enter opens it."""

    label = "button.md-search__button"
    tab_stop = "button.md-search__button"
    result = "[role=listbox] a[role=option]"

    def label_text(self, soup: Tag) -> str:
        return one(soup, self.label).get_text(strip=True)

    def open_with_shortcut(self, page: Page) -> None:
        """The shortcut works once Zensical's script has set up the search, a moment after the page has loaded."""
        from playwright.sync_api import TimeoutError as Timeout

        opened = page.locator("dialog[open] input[role=combobox]")
        for _ in range(20):
            if opened.count():
                return
            page.keyboard.press("/")
            try:
                opened.wait_for(timeout=500)
                return
            except Timeout:
                pass
        raise AssertionError("the search shortcut (/) does not open the search")

    def open_from_tab_stop(self, page: Page) -> None:
        page.keyboard.press("Enter")

    def go_to_first_result(self, page: Page) -> None:
        first = page.locator(self.result).first
        assert first.get_attribute("aria-selected") == "true", "the first result should be selected"
        selected = page.locator("input[role=combobox]").get_attribute("aria-activedescendant")
        assert selected == first.get_attribute("id"), "the search input should point at the selected result"
        page.keyboard.press("Enter")


SEARCH_BOXES: dict[str, SearchBox] = {"material": MaterialSearch(), "zensical": ZensicalSearch()}
SEARCH = SEARCH_BOXES[RENDERER]


def search(page: Page, word: str) -> list[str]:
    """Open the search with its keyboard shortcut (/), type, and return the results' addresses."""
    SEARCH.open_with_shortcut(page)
    page.keyboard.type(word)
    page.wait_for_selector(SEARCH.result)
    return page.eval_on_selector_all(SEARCH.result, "els => els.map(a => a.href)")
