"""A project site: Havbjerg with site_url https://havbjerg.github.io/torv/, served under /torv/ the way GitHub Pages
serves a project site (the root 404.html, with status 404, for any address that does not exist), in Chromium.
Every kind of page in every language, the language chooser and switcher, and the 404 pages work under the path."""

from __future__ import annotations

import os
import shutil
import urllib.parse

import pytest

from conftest import copy_repo, run_build
from quality import KINDS, LANGS, ROOT_PAGES, RequestLog, broken_links, pages_by_kind
from torv.check.server import SiteServer

pytestmark = [pytest.mark.browser, pytest.mark.slow]

SITE_URL = "https://havbjerg.github.io/torv/"
PATH = "/torv/"


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    """(root, served address) of the sample built as a project site and served under /torv/."""
    root = copy_repo(str(tmp_path_factory.mktemp("project")))
    config = os.path.join(root, "mkdocs.yml")
    with open(config, encoding="utf-8") as fh:
        text = fh.read()
    with open(config, "w", encoding="utf-8") as fh:
        fh.write(text.replace("site_url: https://havbjerg.example/", f"site_url: {SITE_URL}", 1))
    proc = run_build(root)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    with SiteServer(os.path.join(root, "site"), PATH) as server:
        assert server.url.endswith(PATH)
        yield root, server.url
    shutil.rmtree(root, ignore_errors=True)


def path(url: str) -> str:
    return urllib.parse.urlsplit(url).path


def test_every_page_kind_loads_everything_from_under_the_path(browser, project):
    root, base = project
    kinds = pages_by_kind(os.path.join(root, "build"))
    context = browser.new_context(locale="da-DK")
    log = RequestLog().attach(context)
    page = context.new_page()
    visited = []
    for address in [*ROOT_PAGES.values(), *(kinds[lang][kind] for lang in LANGS for kind in KINDS)]:
        response = page.goto(base + address, wait_until="networkidle")
        assert response is not None and response.status == 200, address
        visited.append(address)
    context.close()
    assert len(visited) == len(ROOT_PAGES) + len(LANGS) * len(KINDS)
    origin = base[: -len(PATH) + 1]
    problems = log.third_party(origin) + log.failed()
    assert not problems, "\n".join(problems)
    outside = sorted({u for u in log.urls if u.startswith(origin) and not path(u).startswith(PATH)})
    assert not outside, f"requests outside {PATH}: {outside}"


@pytest.mark.parametrize("locale, lang", [("da-DK", "da"), ("sv-SE", "sv"), ("en-GB", "en"), ("de-DE", "da")])
def test_the_language_chooser_sends_the_visitor_under_the_path(browser, project, locale, lang):
    _, base = project
    context = browser.new_context(locale=locale)
    page = context.new_page()
    page.goto(base)
    page.wait_for_url(f"{base}{lang}/")
    assert page.evaluate("document.documentElement.lang") == lang
    context.close()


def test_the_language_switcher_stays_under_the_path(browser, project):
    root, base = project
    kinds = pages_by_kind(os.path.join(root, "build"))
    page = browser.new_page()
    page.goto(base + kinds["da"]["pillar"])
    targets = page.eval_on_selector_all("a.md-select__link[hreflang]", "els => els.map(a => a.href)")
    assert [path(t) for t in targets] == [f"{PATH}{lang}/{kinds[lang]['pillar'].split('/', 1)[1]}" for lang in LANGS]
    page.hover(".md-select")
    with page.expect_navigation():
        page.click("a.md-select__link[hreflang=sv]")
    assert path(page.url) == PATH + kinds["sv"]["pillar"]
    page.close()


def test_a_missing_address_gets_the_404_page_whose_links_stay_under_the_path(browser, project):
    _, base = project
    context = browser.new_context(locale="sv-SE")
    log = RequestLog().attach(context)
    page = context.new_page()
    response = page.goto(base + "sv/finns-inte/")
    assert response is not None and response.status == 404
    assert page.evaluate("document.documentElement.lang") == "sv", "the Swedish section first, in Swedish"
    first = page.locator("section").first
    assert first.get_attribute("lang") == "sv"
    links = page.eval_on_selector_all("section a", "els => els.map(a => a.getAttribute('href'))")
    assert links == [f"{PATH}sv/", f"{PATH}da/", f"{PATH}en/"]
    with page.expect_navigation():
        first.locator("a").click()
    assert path(page.url) == f"{PATH}sv/" and page.evaluate("document.documentElement.lang") == "sv"
    context.close()
    assert [u for u in log.failed() if "finns-inte" not in u] == [], log.failed()


@pytest.mark.parametrize("lang", LANGS)
def test_each_language_s_404_page_works_under_the_path(browser, project, lang):
    _, base = project
    context = browser.new_context()
    log = RequestLog().attach(context)
    page = context.new_page()
    page.goto(f"{base}{lang}/404.html", wait_until="networkidle")
    switcher = page.eval_on_selector_all("a.md-select__link[hreflang]", "els => els.map(a => a.getAttribute('href'))")
    assert switcher == [f"{PATH}{lg}/" for lg in LANGS]
    home = page.eval_on_selector(".md-content article a", "a => a.getAttribute('href')")
    assert home in (f"{PATH}{lang}/", f"{PATH}{lang}/.")
    logo = page.eval_on_selector(".md-logo img", "img => img.naturalWidth")
    assert logo > 0, "the logo is found under the path"
    with page.expect_navigation():
        page.click(".md-footer .torv-footer-links a >> nth=0")
    assert path(page.url).startswith(f"{PATH}{lang}/") and page.title()
    context.close()
    assert log.failed() == [] and log.third_party(base[: -len(PATH) + 1]) == []


def test_every_link_resolves_under_the_path(project):
    root, _ = project
    assert broken_links(os.path.join(root, "site"), SITE_URL) == []
