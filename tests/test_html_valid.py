"""Every built page is valid HTML: the W3C Nu HTML validator (vnu.jar from the vnu-jar npm package, run
on the machine's Java, all pages in one process) reports no error."""

from __future__ import annotations

import os

import pytest

from quality import html_files, vnu_problems

pytestmark = pytest.mark.slow


def test_every_page_is_valid_html(site_dir):
    pages = html_files(site_dir)
    assert len(pages) > 50, f"only {len(pages)} pages were built"
    problems = vnu_problems(pages, site_dir)
    assert not problems, f"{len(problems)} error(s):\n" + "\n".join(problems[:60])


def test_the_root_pages_are_checked_too(site_dir):
    pages = [os.path.relpath(p, site_dir) for p in html_files(site_dir)]
    assert "index.html" in pages and "404.html" in pages
