"""What the privacy page (docs/privatliv.*.md) promises, proven in a real browser: the site sets no
cookies, keeps nothing in the browser's storage, makes no request to any other host, and what a visitor
searches for stays in the browser. Checked on every page type in every language and on a walk through
the site the way a visitor uses it (language chooser, links, language switcher, search, footer)."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import socket
import threading
import urllib.parse

import pytest

from conftest import _Quiet, copy_repo, run_build
from quality import KINDS, LANGS, ROOT_PAGES, RequestLog, pages_by_kind, stored, unique_word
from renderers import SEARCH, search

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture(scope="module")
def kinds(sample_repo):
    return pages_by_kind(os.path.join(sample_repo, "build"))


def origin(url: str) -> str:
    u = urllib.parse.urlsplit(url)
    return f"{u.scheme}://{u.netloc}"


def visit_every_page_type(browser, base_url: str, kinds: dict, langs=LANGS):
    ctx = browser.new_context(locale="da-DK")
    log = RequestLog().attach(ctx)
    page = ctx.new_page()
    for path in [ROOT_PAGES["root-404"]] + [kinds[lang][kind] for lang in langs for kind in KINDS]:
        page.goto(base_url + path, wait_until="networkidle")  # the search index and its worker load late
    found = stored(ctx, page)
    ctx.close()
    return log, found


def test_no_request_to_another_host_and_nothing_stored_on_any_page_type(browser, kinds, site_url):
    log, found = visit_every_page_type(browser, site_url, kinds)
    assert log.urls, "no requests were seen"
    problems = log.third_party(origin(site_url)) + log.failed()
    assert not problems, "\n".join(problems)
    assert not found, "the site stored something in the browser: " + ", ".join(found)


def test_a_walk_through_the_site_sets_no_cookies_and_stays_on_the_site(browser, kinds, site_dir, site_url):
    """The language chooser, a pillar, a news item, the language switcher, search by keyboard, the footer's
    accessibility statement and privacy page: no cookie, no storage, no other host, and the search words
    are in no request."""
    word, _ = unique_word(site_dir, "sv")
    ctx = browser.new_context(locale="da-DK")
    log = RequestLog().attach(ctx)
    page = ctx.new_page()
    page.goto(site_url)  # the chooser sends a Danish browser on
    page.wait_for_url(f"{site_url}da/")
    with page.expect_navigation():
        page.click(".torv-card a")  # a pillar
    with page.expect_navigation():
        page.click(".torv-news a >> nth=0")  # a news item about it
    page.hover(".md-select")
    with page.expect_navigation():
        page.click("a.md-select__link[hreflang=sv]")  # the same page in Swedish
    assert "/sv/" in page.url
    search(page, word)
    with page.expect_navigation():
        SEARCH.go_to_first_result(page)  # open the result
    page.wait_for_load_state("networkidle")
    with page.expect_navigation():
        page.click(".md-footer a[href*='tillganglighet']")  # the accessibility statement
    with page.expect_navigation():
        page.click(".md-footer a[href*='integritet']")  # the privacy page
    page.wait_for_load_state("networkidle")
    found = stored(ctx, page)
    visited = page.url
    ctx.close()
    assert visited.endswith("/sv/integritet/"), visited
    problems = log.third_party(origin(site_url)) + log.failed()
    assert not problems, "\n".join(problems)
    assert not found, "the site stored something in the browser: " + ", ".join(found)
    carrying = [u for u in log.urls if word in urllib.parse.unquote(u).lower()]
    assert not carrying, f"the search words left the browser: {carrying}"


def test_the_hreflang_and_feed_links_are_intact_after_the_page_has_loaded(browser, kinds, site_url):
    """main.html hides them from Material's script while it starts (else it fetches <href>/sitemap.xml
    for each): they must be back, unchanged, once the page has loaded."""
    ctx = browser.new_context()
    page = ctx.new_page()
    for lang in LANGS:
        page.goto(site_url + kinds[lang]["pillar"], wait_until="networkidle")
        live = page.eval_on_selector_all("head link[rel=alternate]", "els => els.map(e => e.outerHTML)")
        static = page.evaluate("""async () => { const html = await (await fetch(location.href)).text();
            const doc = new DOMParser().parseFromString(html, 'text/html');
            return [...doc.querySelectorAll('head link[rel=alternate]')].map(e => e.outerHTML); }""")
        # one per language, x-default, the news feed (Atom and JSON Feed) and the pillar's own feed
        assert live == static and len(static) == len(LANGS) + 4, (lang, live, static)
        assert sum('type="application/atom+xml"' in link for link in live) == 2, live
        assert sum('type="application/feed+json"' in link for link in live) == 1, live
    ctx.close()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def site_at_its_own_address(tmp_path_factory):
    """The sample built with site_url = the address it is served from, as on the real host: canonical
    and hreflang links point at this server (so a request for them would not count as another host)."""
    root = copy_repo(str(tmp_path_factory.mktemp("own-address")))
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    path = os.path.join(root, "mkdocs.yml")
    with open(path, encoding="utf-8") as fh:
        text = fh.read()
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(text.replace("site_url: https://havbjerg.example/", f"site_url: {url}", 1))
    proc = run_build(root)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    handler = functools.partial(_Quiet, directory=os.path.join(root, "site"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield url, root
    server.shutdown()
    shutil.rmtree(root, ignore_errors=True)


def test_served_from_its_own_address_every_request_succeeds(browser, site_at_its_own_address):
    """Where site_url is the address the pages come from, no page asks for anything that does not exist
    (Material would fetch <page>/sitemap.xml for every hreflang link: four 404s on every page). Every
    page type in the default language."""
    url, root = site_at_its_own_address
    kinds = pages_by_kind(os.path.join(root, "build"))
    log, found = visit_every_page_type(browser, url, {"da": kinds["da"]}, langs=["da"])
    problems = log.third_party(url) + log.failed()
    assert not problems, "\n".join(problems)
    assert not [u for u in log.urls if u.endswith("/sitemap.xml")], "Material fetched sitemaps"
    assert not found
