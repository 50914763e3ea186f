"""The reviewers' preview: `torv build --for-files` builds a site that works opened from disk (the site-preview
artifact of a pull request, downloaded and unzipped): every link names its HTML file, so a browser opening it as
file:// goes from page to page and never shows a folder listing. Checked in Chromium on Havbjerg."""

from __future__ import annotations

import os
import pathlib
import subprocess
import urllib.parse

import pytest

from conftest import BUILD_DATE, TORV, copy_repo
from quality import html_files
from sample import soup

pytestmark = [pytest.mark.slow]


@pytest.fixture(scope="module")
def preview(tmp_path_factory) -> str:
    """The folder `torv build --for-files` writes (site-preview/), of a copy of Havbjerg."""
    root = copy_repo(str(tmp_path_factory.mktemp("preview")))
    proc = subprocess.run(
        [*TORV, "build", "--root", root, "--today", BUILD_DATE, "--for-files"], capture_output=True, text=True
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert not os.path.exists(os.path.join(root, "site")), "the preview leaves site/ alone"
    return os.path.join(root, "site-preview")


def local_links(path: str) -> list[str]:
    from lxml import html as lhtml

    with open(path, "rb") as fh:
        doc = lhtml.fromstring(fh.read())
    out = []
    for a in doc.iter("a"):
        href = a.get("href") or ""
        u = urllib.parse.urlsplit(href)
        if href and not u.scheme and not u.netloc and not href.startswith("#"):
            out.append(u.path)
    return [h for h in out if h]


def test_every_link_of_every_page_names_a_file_that_exists(preview):
    problems = []
    # not the 404 pages: only a web server shows them, at any address, so their links start at the host's root
    for path in [p for p in html_files(preview) if os.path.basename(p) != "404.html"]:
        for href in local_links(path):
            target = os.path.normpath(os.path.join(os.path.dirname(path), urllib.parse.unquote(href)))
            if not os.path.isfile(target):
                what = "a folder" if os.path.isdir(target) else "missing"
                problems.append(f"{os.path.relpath(path, preview)}: {href} is {what}")
    assert not problems, "\n".join(problems[:40])


def test_a_tag_s_and_a_pillar_s_feed_are_in_the_page_s_folder(preview):
    """emner/forum.html links emner/forum/feed.xml (the folder the served site has it in), the policy page its
    open data, and each link names a file of the preview."""
    for rel, feed in (("da/emner/forum.html", "forum/feed.xml"), ("da/politik/dialog.html", "dialog/feed.xml")):
        page = soup(preview, rel)
        hrefs = [a["href"] for a in page.select(".torv-subscribe a[type='application/atom+xml']")]
        assert hrefs == [feed], (rel, hrefs)
        assert os.path.isfile(os.path.join(preview, os.path.dirname(rel), feed))
    policy = soup(preview, "da/politik/index.html")
    assert [a["href"] for a in policy.select(".torv-open-data a")] == ["../commitments.json", "../commitments.csv"]


def test_every_page_is_finished_as_a_published_site_s(preview):
    """The preview is content from a pull request: every page is sanitised (no content marker left) and carries
    its Content-Security-Policy, as the published site's pages do (finish/run.py)."""
    unfinished = []
    for path in html_files(preview):
        with open(path, encoding="utf-8") as fh:
            page = fh.read()
        if page.count('<meta http-equiv="Content-Security-Policy"') != 1 or "<!--torv:begin:" in page:
            unfinished.append(os.path.relpath(path, preview))
    assert not unfinished, unfinished[:20]


def file_url(preview: str, rel: str = "index.html") -> str:
    return pathlib.Path(preview, rel).as_uri()


def is_page(page) -> bool:
    """A Torv page (not a folder listing, not an error page)."""
    return page.evaluate(
        "!!document.querySelector('.md-content h1, main h1') && !document.title.startsWith('Index of')"
    )


@pytest.mark.browser
def test_opened_from_disk_the_visitor_goes_from_page_to_page(browser, preview):
    context = browser.new_context(locale="sv-SE")
    page = context.new_page()
    page.goto(file_url(preview))  # the language chooser sends a Swedish browser on
    page.wait_for_url(file_url(preview, "sv/index.html"))
    assert is_page(page) and page.evaluate("document.documentElement.lang") == "sv"
    visited = [page.url]
    for selector in (
        ".md-tabs__link >> nth=1",  # the policy
        ".torv-pillar h2 a >> nth=0",  # a pillar
        ".torv-news__title a >> nth=0",  # a news item about it
        ".md-tabs__link >> nth=2",  # the news
        ".torv-tags a >> nth=0",  # a tag
        ".md-footer .torv-footer-links a >> nth=-1",  # the accessibility statement
        ".md-header .md-logo",
    ):  # home again
        with page.expect_navigation():
            page.click(selector)
        assert page.url.startswith("file://") and page.url.endswith(".html"), page.url
        assert is_page(page), f"{selector}: {page.url} is not a page"
        visited.append(page.url)
    page.hover(".md-select")
    with page.expect_navigation():
        page.click("a.md-select__link[hreflang=en]")  # the language switcher
    assert page.url == file_url(preview, "en/index.html") and is_page(page)
    context.close()
    assert len(set(visited)) == len(visited) - 1, visited  # every step a new page, home twice


@pytest.mark.browser
def test_without_scripts_the_chooser_links_to_each_language_s_home_page(browser, preview):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(file_url(preview))
    for lang in ("da", "sv", "en"):
        with page.expect_navigation():
            page.click(f"a[hreflang={lang}]")
        assert page.url == file_url(preview, f"{lang}/index.html") and is_page(page)
        page.go_back()
    context.close()
