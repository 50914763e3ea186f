"""Accessibility in a real browser (Debian's Chromium through Playwright), on the sample site served on
127.0.0.1: axe-core on every page type in every language at desktop and mobile size, the keyboard (skip
link, visible focus, language switcher, menu, search), reflow at 320 px and 200% zoom, and search in
each language. WCAG 2.1 AA (EN 301 549); problems found are listed in full in the assertion message and
written to tests/artifacts/a11y/."""

from __future__ import annotations

import json
import os
import re
import urllib.parse

import pytest

from quality import (
    DESKTOP,
    FOCUSED_JS,
    KINDS,
    LANGS,
    NARROW_320,
    ROOT_PAGES,
    VIEWPORTS,
    ZOOM_200,
    axe_problems,
    describe,
    focus_problems,
    overflow_problems,
    pages_by_kind,
    unique_word,
    without_scripts,
)
from renderers import SEARCH, search

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture(scope="module")
def kinds(sample_repo):
    found = pages_by_kind(os.path.join(sample_repo, "build"))
    for lang in LANGS:
        missing = [k for k in KINDS if k not in found[lang]]
        assert not missing, f"the sample site has no page of kind {missing} in {lang}"
    return found


@pytest.fixture(scope="module")
def pages(browser):
    """One browser tab per viewport, reused by the tests (a new tab per page would triple the time)."""
    contexts, tabs = [], {}
    for name, viewport in VIEWPORTS.items():
        ctx = browser.new_context(viewport=viewport, locale="da-DK")
        contexts.append(ctx)
        tabs[name] = ctx.new_page()
    yield tabs
    for ctx in contexts:
        ctx.close()


def report(artifacts, name: str, problems: list[str]) -> str:
    """The problems as the assertion message; also kept in tests/artifacts/a11y/<name>.json (CI keeps it)."""
    path = os.path.join(artifacts, "a11y", re.sub(r"[^\w.-]+", "_", name) + ".json")
    if problems:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as fh:
            json.dump(problems, fh, ensure_ascii=False, indent=2)
    elif os.path.exists(path):
        os.remove(path)
    return "\n".join(problems)


# ---------------------------------------------------------------- axe-core


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("kind", KINDS)
def test_axe_finds_nothing(pages, kinds, site_url, artifacts, viewport, lang, kind):
    page = pages[viewport]
    page.goto(site_url + kinds[lang][kind])
    problems = axe_problems(page)
    assert not problems, report(artifacts, f"axe-{viewport}-{lang}-{kind}", problems)


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
@pytest.mark.parametrize("name", list(ROOT_PAGES))
def test_axe_finds_nothing_on_the_root_pages(pages, site_url, artifacts, viewport, name):
    page = pages[viewport]
    url = site_url + ROOT_PAGES[name]
    if name == "chooser":
        without_scripts(page, url)  # with JavaScript the chooser sends the visitor on at once
    else:
        page.goto(url)
    problems = axe_problems(page)
    assert not problems, report(artifacts, f"axe-{viewport}-{name}", problems)


def test_axe_finds_nothing_in_the_open_search_and_menu(browser, kinds, site_url, artifacts):
    ctx = browser.new_context(viewport=DESKTOP)
    page = ctx.new_page()
    page.goto(site_url + kinds["da"]["pillar"])
    search(page, "erhverv")
    problems = [f"search open: {p}" for p in axe_problems(page)]
    ctx.close()
    ctx = browser.new_context(**ZOOM_200)
    page = ctx.new_page()
    page.goto(site_url + kinds["da"]["pillar"])
    page.locator("label[for=__drawer][tabindex]").focus()
    page.keyboard.press("Enter")
    page.wait_for_function("document.getElementById('__drawer').checked")
    page.wait_for_timeout(300)  # the drawer slides in
    problems += [f"menu open (200% zoom): {p}" for p in axe_problems(page)]
    ctx.close()
    assert not problems, report(artifacts, "axe-open-search-and-menu", problems)


# ---------------------------------------------------------------- keyboard


def focused(page) -> dict:
    return page.evaluate("""() => { const e = document.activeElement;
      return {id: e.id, tag: e.tagName.toLowerCase(), cls: String(e.className), href: e.getAttribute('href') || '',
              lang: e.getAttribute('hreflang') || ''}; }""")


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("kind", list(KINDS))
def test_skip_link_reaches_the_content(pages, kinds, site_url, lang, kind):
    page = pages["desktop"]
    page.goto(site_url + kinds[lang][kind])
    page.keyboard.press("Tab")
    first = focused(page)
    assert "md-skip" in first["cls"], f"the first Tab should reach the skip link, reached {first}"
    assert page.evaluate("document.activeElement.getBoundingClientRect().height > 0"), "the skip link is not shown"
    page.keyboard.press("Enter")
    assert focused(page)["id"] == "torv-main", "the skip link should move the focus to the content"
    heading = page.evaluate("""() => { const h = document.querySelector('.md-content h1');
      const r = h.getBoundingClientRect(); return r.top >= 0 && r.top < innerHeight; }""")
    assert heading, "after the skip link, the page's heading should be on screen"
    page.keyboard.press("Tab")
    after = focused(page)
    assert page.evaluate("""() => !!(document.getElementById('torv-main')
                                        .compareDocumentPosition(document.activeElement)
                                      & Node.DOCUMENT_POSITION_FOLLOWING)"""), (
        f"the next Tab after the skip link should go on from the content, went back to {after}"
    )


@pytest.mark.parametrize("size", ["desktop", "zoom200"])
@pytest.mark.parametrize("kind", ["home", "pillar", "meeting", "contact", "statement"])
def test_focus_is_always_visible(browser, kinds, site_url, artifacts, size, kind):
    ctx = browser.new_context(viewport=DESKTOP) if size == "desktop" else browser.new_context(**ZOOM_200)
    page = ctx.new_page()
    page.goto(site_url + kinds["da"][kind])
    problems = focus_problems(page, stops=45)
    ctx.close()
    assert not problems, report(artifacts, f"focus-{size}-{kind}", problems)


def tab_to(page, selector: str, limit: int = 30) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"document.activeElement.matches({json.dumps(selector)})"):
            return
    raise AssertionError(f"{selector} cannot be reached with Tab")


def alternates(page) -> dict:
    return page.evaluate("""() => Object.fromEntries([...document.querySelectorAll('a.md-select__link[hreflang]')]
                             .map(a => [a.getAttribute('hreflang'), a.href]))""")


@pytest.mark.parametrize("size", ["desktop", "zoom200"])
@pytest.mark.parametrize("lang", LANGS)
def test_language_switcher_works_with_the_keyboard(browser, kinds, site_url, size, lang):
    ctx = browser.new_context(viewport=DESKTOP) if size == "desktop" else browser.new_context(**ZOOM_200)
    page = ctx.new_page()
    page.goto(site_url + kinds[lang]["pillar"])
    targets = alternates(page)
    other = next(lg for lg in LANGS if lg != lang)
    tab_to(page, ".md-select button")
    tab_to(page, f"a.md-select__link[hreflang={other}]", limit=len(LANGS))
    visible = page.evaluate("""() => { const r = document.activeElement.getBoundingClientRect();
      return r.width > 0 && r.top >= 0 && r.bottom <= innerHeight &&
        getComputedStyle(document.activeElement).visibility !== 'hidden'; }""")
    assert visible, "the focused language link is not shown"
    page.keyboard.press("Enter")
    page.wait_for_url(targets[other])
    assert page.evaluate("document.documentElement.lang") == other
    ctx.close()


@pytest.mark.parametrize("kind", ["home", "pillar", "news"])  # the menu opens at the top, in a section, at the top
def test_menu_works_with_the_keyboard_at_200_percent_zoom(browser, kinds, site_url, kind):
    ctx = browser.new_context(**ZOOM_200)
    page = ctx.new_page()
    page.goto(site_url + kinds["da"][kind])
    assert (
        page.evaluate("getComputedStyle(document.querySelector('.md-tabs')).display") == "none"
        or not page.locator(".md-tabs").is_visible()
    ), "at 200% zoom the navigation should move into the menu"
    tab_to(page, "label[for=__drawer]")
    page.keyboard.press("Enter")
    page.wait_for_function("document.getElementById('__drawer').checked")
    page.wait_for_timeout(300)  # the drawer slides in
    assert page.evaluate("!!document.activeElement.closest('.md-sidebar--primary')"), (
        "the focus should move into the menu"
    )
    stops, problems = [], []
    for _ in range(12):  # the menu's links, and nothing behind it (or covered in it)
        page.keyboard.press("Tab")
        el = page.evaluate(FOCUSED_JS)
        if el is None:  # past the last link: the browser's own controls
            continue
        stops.append(el)
        if not page.evaluate("!!document.activeElement.closest('.md-sidebar--primary')"):
            problems.append(f"behind the open menu: {describe(el)}")
        elif el["covered"] or not el["visible"]:
            problems.append(f"{'covered' if el['covered'] else 'not shown'}: {describe(el)}")
    inside = page.evaluate("""() => [...document.querySelectorAll('.md-header a, .md-content a')]
                                      .every(e => e.closest('[inert]'))""")
    assert inside, "the page behind the open menu should be out of the keyboard's reach (inert)"
    assert not problems, "\n".join(problems)
    assert any(el["tag"] == "a" and el["text"] for el in stops), "no menu link took the focus"
    page.keyboard.press("Escape")
    assert not page.evaluate("document.getElementById('__drawer').checked"), "Escape should close the menu"
    assert page.evaluate("document.activeElement.matches('label[for=__drawer]')"), (
        "the focus should return to the menu button"
    )
    ctx.close()


# ---------------------------------------------------------------- search


@pytest.mark.parametrize("lang", LANGS)
def test_search_finds_a_page_of_its_language(pages, kinds, site_dir, site_url, lang):
    word, location = unique_word(site_dir, lang)
    page = pages["desktop"]
    page.goto(site_url + kinds[lang]["home"])
    found = [urllib.parse.urlsplit(u).path for u in search(page, word)]
    expected = urllib.parse.urlsplit(urllib.parse.urljoin(f"{site_url}{lang}/", location)).path
    assert expected in found, f"searching for {word!r} in {lang} should find {expected}, found {found}"
    assert all(p.startswith(f"/{lang}/") for p in found), f"results from another language: {found}"


@pytest.mark.parametrize("lang", LANGS)
def test_search_works_with_the_keyboard(browser, kinds, site_dir, site_url, lang):
    word, location = unique_word(site_dir, lang)
    ctx = browser.new_context(viewport=DESKTOP)
    page = ctx.new_page()
    page.goto(site_url + kinds[lang]["news-index"])
    tab_to(page, SEARCH.tab_stop)
    SEARCH.open_from_tab_stop(page)
    page.keyboard.type(word)
    page.wait_for_selector(SEARCH.result)
    SEARCH.go_to_first_result(page)
    expected = urllib.parse.urljoin(f"{site_url}{lang}/", location)
    page.wait_for_url(lambda url: url.split("#")[0] == expected)
    ctx.close()


# ---------------------------------------------------------------- reflow (WCAG 1.4.10)

SIZES = {"320px": NARROW_320, "zoom200": ZOOM_200}


@pytest.fixture(scope="module")
def narrow_pages(browser):
    contexts = {name: browser.new_context(**opts) for name, opts in SIZES.items()}
    yield {name: ctx.new_page() for name, ctx in contexts.items()}
    for ctx in contexts.values():
        ctx.close()


@pytest.mark.parametrize("size", list(SIZES))
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("kind", KINDS)
def test_no_horizontal_scrolling(narrow_pages, kinds, site_url, artifacts, size, lang, kind):
    page = narrow_pages[size]
    page.goto(site_url + kinds[lang][kind])
    problems = overflow_problems(page)
    assert page.locator(".md-content h1").first.is_visible(), "the page's heading is not shown"
    assert not problems, report(artifacts, f"reflow-{size}-{lang}-{kind}", problems)


@pytest.mark.parametrize("size", list(SIZES))
@pytest.mark.parametrize("name", list(ROOT_PAGES))
def test_no_horizontal_scrolling_on_the_root_pages(narrow_pages, site_url, size, name):
    page = narrow_pages[size]
    if name == "chooser":
        without_scripts(page, site_url + ROOT_PAGES[name])
    else:
        page.goto(site_url + ROOT_PAGES[name])
    assert not overflow_problems(page)
