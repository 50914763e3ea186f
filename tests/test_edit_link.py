"""'Edit this page' opens the page's source file (news/, policy/, docs/), not the generated page,
in GitHub's web editor: every link points at a file that exists in the repository."""

from __future__ import annotations

import glob
import os

from bs4 import BeautifulSoup

from conftest import FIXTURE
from soup import attr
from torv.settings import load_settings

EDIT_BASE = load_settings(FIXTURE).edit_base or ""  # "" when there is none: the first test fails


def edit_link(site_dir: str, page: str) -> str | None:
    with open(os.path.join(site_dir, page), encoding="utf-8") as fh:
        soup = BeautifulSoup(fh.read(), "lxml")
    links = soup.select('a[rel="edit"]')
    assert len(links) <= 1, f"{page}: more than one edit link"
    return attr(links[0], "href") if links else None


def test_the_sample_has_an_edit_base():
    assert EDIT_BASE and EDIT_BASE.startswith("https://github.com/") and "/edit/" in EDIT_BASE


def test_news_page_links_to_its_news_source_file(site_dir):
    assert (
        edit_link(site_dir, "da/nyheder/dialogmoede-havbjerggaard/index.html")
        == EDIT_BASE + "news/2026/dialogmoede-havbjerggaard.da.md"
    )
    # a translation opens the translation (its address comes from its own slug)
    assert (
        edit_link(site_dir, "en/news/dialogue-meeting-havbjerggaard/index.html")
        == EDIT_BASE + "news/2026/dialogmoede-havbjerggaard.en.md"
    )


def test_contact_page_links_to_the_contacts_file(site_dir):
    pages = glob.glob(os.path.join(site_dir, "*", "*", "index.html"))
    contacts_file = EDIT_BASE + "policy/contacts.yml"
    contact = [p for p in pages if edit_link(site_dir, os.path.relpath(p, site_dir)) == contacts_file]
    assert len(contact) == 3, "one contact page per language opens policy/contacts.yml"


def test_every_edit_link_opens_an_existing_source_file(site_dir):
    seen = {}
    for path in glob.glob(os.path.join(site_dir, "**", "*.html"), recursive=True):
        page = os.path.relpath(path, site_dir).replace(os.sep, "/")
        href = edit_link(site_dir, page)
        if href is None:
            continue
        assert href.startswith(EDIT_BASE), f"{page}: {href}"
        source = href[len(EDIT_BASE) :]
        assert source.split("/")[0] in ("news", "policy", "docs"), f"{page}: {href} is not a source file"
        assert os.path.isfile(os.path.join(FIXTURE, source)), f"{page}: {source} does not exist"
        seen[page] = source
    kinds = {s.split("/")[0] for s in seen.values()}
    assert kinds == {"news", "policy", "docs"}, kinds
    # hand-written pages and pillars have the link too
    assert any(s.startswith("policy/pillars/") for s in seen.values())
    assert any(s.startswith("docs/") for s in seen.values())
