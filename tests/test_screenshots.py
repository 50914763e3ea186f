"""Screenshots (Playwright + Debian's Chromium): desktop and mobile, full page, of the home page, a
pillar, a meeting and the contact page in every language, saved to tests/artifacts/screenshots/
(kept by CI). While loading them, the browser requests nothing from another host."""

from __future__ import annotations

import os
import struct
import urllib.parse
import zlib

import pytest

import sample
from conftest import ROOT
from sample import LANGS
from torv.screenshot import README_SHOT, VIEWPORTS, capture

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def shot_pages(lang: str) -> dict[str, str]:
    pillar = min(sample.pillars().items(), key=lambda kv: kv[1]["da"]["order"])
    meeting = next(g for g, v in sample.meetings().items() if sample.is_upcoming(v["da"]))
    return {
        "home": f"{lang}/",
        "pillar": f"{lang}/{sample.segment(lang, 'policy')}/{sample.slug(pillar[0], pillar[1][lang])}/",
        "meeting": sample.news_path(meeting, lang),
        "contact": f"{lang}/{sample.segment(lang, 'contact')}/",
    }


def png_facts(path: str) -> tuple[int, int, int]:
    """(width, height, number of distinct byte values in the decoded pixel rows)."""
    with open(path, "rb") as fh:
        data = fh.read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    width, height = struct.unpack(">II", data[16:24])
    pos, idat = 8, b""
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos : pos + 8])
        if kind == b"IDAT":
            idat += data[pos + 8 : pos + 8 + length]
        pos += 12 + length
    return width, height, len(set(zlib.decompress(idat)))


def test_screenshots(browser, site_url, artifacts):
    folder = os.path.join(artifacts, "screenshots")
    requests: list[str] = []
    saved = []
    for lang in LANGS:
        for name, rel in shot_pages(lang).items():
            for viewport, size in VIEWPORTS.items():
                path = capture(
                    browser, site_url + rel, os.path.join(folder, f"{lang}-{name}-{viewport}.png"), viewport, requests
                )
                width, height, distinct = png_facts(path)
                # full page, no horizontal scrolling, and a picture with content (not a blank page)
                assert width == size["width"], f"{path}: {width} px wide, the page scrolls sideways"
                assert height >= size["height"], path
                assert os.path.getsize(path) > 15_000 and distinct > 50, f"{path} looks empty"
                saved.append(path)
    assert len(saved) == len(LANGS) * 4 * len(VIEWPORTS)
    # Nothing but the test server and the site's own address (site_url): Material's bundle looks up
    # <alternate URL>/sitemap.xml for each <link rel=alternate> (the hreflang links carry the public,
    # absolute address), which on the published site is its own host.
    own = urllib.parse.urlsplit(sample.site_url()).netloc
    elsewhere = [u for u in requests if not u.startswith((site_url, "data:", "blob:"))]
    assert not [u for u in elsewhere if urllib.parse.urlsplit(u).netloc != own], sorted(set(elsewhere))
    assert all(u.endswith("/sitemap.xml") for u in elsewhere), sorted(set(elsewhere))


def test_readme_screenshot_is_there():
    """README.md shows .github/screenshot-home.png (refresh it with `python -m torv.screenshot`)."""
    with open(os.path.join(ROOT, "README.md"), encoding="utf-8") as fh:
        assert "(.github/screenshot-home.png)" in fh.read()
    width, height, distinct = png_facts(os.path.join(ROOT, README_SHOT))
    assert width == VIEWPORTS["desktop"]["width"] and height >= VIEWPORTS["desktop"]["height"]
    assert distinct > 50
