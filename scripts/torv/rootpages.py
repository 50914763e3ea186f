"""Finish: the files at the site's root, in no one language (language chooser, 404, sitemap index, robots.txt)."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

import jinja2

from . import i18n
from .routes import path_of

if TYPE_CHECKING:
    from .settings import SiteSettings

# Jinja templates Torv renders itself (the renderer's templates are in overrides/).
TEMPLATES_DIR = os.path.join(os.path.dirname(__file__), "templates")


@dataclass(frozen=True)
class Text:
    """A text in one language."""

    lang: str
    text: str


@dataclass(frozen=True)
class Link:
    """An address in (or for) one language."""

    lang: str
    href: str


@dataclass(frozen=True)
class Chooser:
    """chooser.html: the language chooser (site/index.html)."""

    lang: str  # the default language: <html lang>
    titles: list[str]  # the municipality's name in each language, joined by " / "
    heading: str  # the municipality's name in the default language
    alternates: list[Link]  # each language's home page, and x-default (this page) with a site_url
    codes: list[str]  # the languages the script chooses from
    choose: list[Text]  # "Choose language" in every language
    languages: list[Text]  # the links: each language's name, in that language
    index: str  # after a language's folder in links: "" on a web host, "index.html" from disk


@dataclass(frozen=True)
class NotFoundSection:
    lang: str
    title: str
    text: str
    href: str  # the language's home page from the host's root (/repo/da/ under a project site)


@dataclass(frozen=True)
class NotFound:
    """notfound.html: the 404 page (site/404.html), in every language at once."""

    lang: str
    heading: str
    sections: list[NotFoundSection]
    codes: list[str]


@dataclass(frozen=True)
class SitemapIndex:
    """sitemapindex.xml: the sitemap of every language (site/sitemap.xml)."""

    sitemaps: list[Link]
    lastmod: str


@cache
def environment() -> jinja2.Environment:
    """Torv's own Jinja environment: every value escaped, a misspelt name an error."""
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES_DIR),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def render(template: str, page: Chooser | NotFound | SitemapIndex) -> str:
    return environment().get_template(template).render(page=page)


def root_files(
    settings: SiteSettings, today: dt.date, strings: Callable[[str], dict] = i18n.strings, for_files: bool = False
) -> dict[str, str]:
    """{file name: text} of the files at the root of the site, for the languages of `settings` (`for_files`: of a
    site opened from disk, whose links name their HTML files)."""
    langs, url = settings.languages, settings.site_url
    base = path_of(url)  # the 404 page is served at any address: its links start at the host's root
    alternates = [Link(lg, f"{url}{lg}/") for lg in langs]
    if url:
        alternates.append(Link("x-default", url))
    chooser = Chooser(
        lang=settings.default_language,
        titles=[settings.municipality[lg] for lg in dict.fromkeys(langs)],
        heading=settings.municipality[settings.default_language],
        alternates=alternates,
        codes=list(langs),
        choose=[Text(lg, strings(lg)["language.choose"]) for lg in langs],
        languages=[Text(lg, settings.language_names.get(lg, lg)) for lg in langs],
        index="index.html" if for_files else "",
    )
    notfound = NotFound(
        lang=settings.default_language,
        heading=chooser.heading,
        codes=list(langs),
        sections=[
            NotFoundSection(lg, strings(lg)["notfound.title"], strings(lg)["notfound.text"], f"{base}{lg}/")
            for lg in langs
        ],
    )
    files = {
        "index.html": render("chooser.html", chooser),
        "404.html": render("notfound.html", notfound),
        ".nojekyll": "",
    }
    if url:
        index = SitemapIndex([Link(lg, f"{url}{lg}/sitemap.xml") for lg in langs], today.isoformat())
        files["sitemap.xml"] = render("sitemapindex.xml", index)
        files["robots.txt"] = f"User-agent: *\nAllow: /\nSitemap: {url}sitemap.xml\n"
    if settings.cname:
        files["CNAME"] = settings.cname + "\n"  # GitHub Pages' custom domain (extra.torv.cname)
    return files
