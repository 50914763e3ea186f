"""The site's look from two settings, not from theme files: `extra.torv.brand_colour` (checked for contrast with
the white text on it; the error proposes the nearest shade that passes) and `extra.torv.logo` (an SVG or PNG
file in the repository). Strandvik sets both (a green and a PNG), Havbjerg its SVG logo and the default colour,
Koskela neither (Torv's own symbol)."""

from __future__ import annotations

import filecmp
import os

import pytest
from bs4 import BeautifulSoup

from conftest import FIXTURES, serve
from sample import soup
from torv.schema.look import contrast, hex_colour, passing_shade

# ---------------------------------------------------------------- the contrast rule


@pytest.mark.parametrize(
    "colour, ratio", [("#0b4f6c", 8.94), ("#767676", 4.54), ("#4a90d9", 3.34), ("#ffffff", 1.0), ("#000000", 21.0)]
)
def test_contrast_with_white_as_wcag_computes_it(colour, ratio):
    assert round(contrast(colour, "#ffffff"), 2) == ratio


@pytest.mark.parametrize("colour", ["#4a90d9", "#ffcc00", "#00a0e3", "#e8e8e8", "#ff0000"])
def test_the_proposed_shade_passes_and_is_the_nearest(colour):
    shade = passing_shade(colour)
    assert contrast(shade, "#ffffff") >= 4.5
    # one step lighter (1/255 in every channel it has) no longer passes: it is the nearest of its hue
    lighter = "#" + "".join(f"{min(int(shade[i : i + 2], 16) + 1, 255):02x}" for i in (1, 3, 5))
    assert contrast(lighter, "#ffffff") < 4.5 + 0.05


def test_a_colour_that_passes_is_kept_and_colours_are_read_as_written():
    assert passing_shade("#0b4f6c") == "#0b4f6c"
    assert hex_colour("#0B4F6C") == hex_colour("0b4f6c") == "#0b4f6c" and hex_colour("#09c") == "#0099cc"
    assert hex_colour("blue") is None and hex_colour("#12345") is None


# ---------------------------------------------------------------- on the built site


def attribute(page: BeautifulSoup, selector: str, name: str) -> str:
    element = page.select_one(selector)
    assert element is not None, selector
    return str(element[name])


def stylesheet(site_dir: str, lang: str) -> str:
    with open(os.path.join(site_dir, lang, "assets", "torv-brand.css"), encoding="utf-8") as fh:
        return fh.read()


@pytest.mark.slow
def test_the_brand_colour_and_the_logo_of_a_site(built):
    site_dir = built("strandvik")
    for lang in ("sv", "en"):
        assert "--md-primary-fg-color: #1d5e3a;" in stylesheet(site_dir, lang)
        page = soup(site_dir, f"{lang}/")
        links = [link["href"] for link in page.select('link[rel="stylesheet"]')]
        assert links[-2:] == ["assets/torv.css", "assets/torv-brand.css"], "the brand colour comes last"
        assert attribute(page, ".md-header .md-logo img", "src") == "assets/torv-logo.png"
        assert attribute(page, 'link[rel="icon"]', "href") == "assets/torv-logo.png"
        assert filecmp.cmp(
            os.path.join(site_dir, lang, "assets", "torv-logo.png"),
            os.path.join(FIXTURES, "strandvik", "docs", "logo.png"),
            shallow=False,
        )


@pytest.mark.slow
def test_without_settings_the_default_colour_and_torv_s_symbol(built, site_dir):
    koskela = built("koskela")
    assert "--md-primary-fg-color: #0b4f6c;" in stylesheet(koskela, "fi")
    assert attribute(soup(koskela, "fi/"), ".md-header .md-logo img", "src") == "assets/logo.svg"
    with open(os.path.join(koskela, "fi", "assets", "logo.svg"), encoding="utf-8") as fh:
        assert "Havbjerg" not in fh.read(), "nothing of Havbjerg in Torv's own symbol"
    assert attribute(soup(site_dir, "da/"), ".md-header .md-logo img", "src") == "assets/torv-logo.svg"


@pytest.mark.browser
@pytest.mark.slow
def test_the_header_and_links_are_in_the_brand_colour(built, browser):
    base, server = serve(built("strandvik"))
    try:
        page = browser.new_page()
        page.goto(base + "sv/")
        header = page.evaluate("getComputedStyle(document.querySelector('.md-header')).backgroundColor")
        link = page.evaluate("getComputedStyle(document.querySelector('article a')).color")
        logo = page.evaluate("document.querySelector('.md-logo img').naturalWidth")
        page.close()
    finally:
        server.shutdown()
    assert header == "rgb(29, 94, 58)" and link == "rgb(29, 94, 58)" and logo == 48
