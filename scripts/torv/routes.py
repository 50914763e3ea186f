"""Addresses, in one place: every page's URL per language, its output file, links between pages, full URLs.

A URL here is a site path relative to its language's root, in the folder form the renderer serves
(`nyheder/dialogmoede/`, `""` for the home page); the output file is the Markdown file in the language's
docs folder that the renderer serves at that URL (use_directory_urls). A site built to be opened from disk
(`torv build --for-files`, the reviewers' preview) has file URLs instead: `nyheder/dialogmoede.html`,
`nyheder/index.html`, `index.html` (use_directory_urls: false).
"""

from __future__ import annotations

import os
import posixpath
import urllib.parse
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from . import i18n
from .feeds import CALENDAR_FILE, FEED_FILE, JSON_FEED_FILE

if TYPE_CHECKING:
    from .load import Entry
    from .records import Item
    from .settings import SiteSettings
    from .site import Site

HOME = ""
EXTERNAL = ("http://", "https://", "mailto:", "tel:", "#")


def section_url(lang: str, section: str) -> str:
    """A section's URL (i18n.SECTIONS: policy, news, meetings, contact, tags, accessibility)."""
    return f"{i18n.segment(lang, section)}/"


def item_url(kind: str, ident: str, slug: str | None, lang: str) -> str:
    """The stable URL of an item in a language: its slug (or file name) below its section."""
    name = slug or ident
    if kind == "policy":
        return section_url(lang, "policy")
    if kind == "pillar":
        return f"{i18n.segment(lang, 'policy')}/{name}/"
    if kind == "news":
        return f"{i18n.segment(lang, 'news')}/{name}/"
    return f"{name}/"


def entry_url(site: Site, e: Entry, lang: str) -> str:
    """An entry's URL in a language, from the loader's values (content.py checks that URLs are unique)."""
    v = e.values.get(lang) or e.default
    return item_url(e.kind, e.id, v.get("slug"), lang)


def rel_href(from_url: str, to_url: str) -> str:
    """Relative href between two URLs of one language tree ('' is the home page; a URL not ending in / is a file)."""
    if to_url.startswith(EXTERNAL):
        return to_url
    target, _, frag = to_url.partition("#")
    # the folder of the page: a folder URL is its own folder, another page's is its parent
    here = from_url.split("/")[:-1] if from_url else []
    there = target.split("/")
    common = 0
    for a, b in zip(here, there[:-1], strict=False):
        if a != b:
            break
        common += 1
    rel = "../" * (len(here) - common) + "/".join(there[common:])
    if not rel:
        rel = "./"
    elif (target.endswith("/") or target == HOME) and not rel.endswith("/"):
        rel += "/"  # a folder URL stays one
    return rel + (f"#{frag}" if frag else "")


def cross_href(from_url: str, to_lang: str, to_url: str) -> str:
    """Relative href from a page to a URL of another language's tree (the languages are sibling folders); the
    same count of steps up from a folder URL (`a/b/` is in a/b/) and from a file URL (`a/b.html` is in a/)."""
    return "../" * (from_url.count("/") + 1) + f"{to_lang}/{to_url}"


def ics_url(url: str) -> str:
    """A meeting's calendar file, next to its page: nyheder/dialogmoede/ (or .html) -> nyheder/dialogmoede.ics"""
    return url.removesuffix(".html").rstrip("/") + ".ics"


def host_of(site_url: str) -> str | None:
    return urllib.parse.urlsplit(site_url).hostname if site_url else None


def path_of(site_url: str) -> str:
    """The path the site is served under: `/repo/` for a project site (https://org.github.io/repo/), else `/`."""
    path = urllib.parse.urlsplit(site_url).path if site_url else ""
    return "/" + path.strip("/") + "/" if path.strip("/") else "/"


@dataclass(frozen=True)
class Routes:
    """The addresses of one site: its languages, its public address and its repository folder."""

    languages: tuple[str, ...]  # default first
    default_language: str
    site_url: str  # "" or ending in "/"
    host: str | None  # site_url's host, parsed once
    omit_missing: bool  # missing_translation: omit (else: the default-language page, with a notice)
    root: str  # the repository folder: media paths are relative to it
    files: bool = False  # file URLs (x.html, folder/index.html): a site to open from disk

    @classmethod
    def of(cls, settings: SiteSettings, root: str, files: bool = False) -> Routes:
        return cls(
            languages=tuple(settings.languages),
            default_language=settings.default_language,
            site_url=settings.site_url,
            host=host_of(settings.site_url),
            omit_missing=settings.missing_translation == "omit",
            root=root,
            files=files,
        )

    # ---- which pages there are
    def langs_for(self, item: Item[Any]) -> list[str]:
        """The languages an item has a page in: all, or with `omit` only those it is translated into
        (the policy, the policy section's page, is in every language)."""
        return [lg for lg in self.languages if self.has_page(item, lg)]

    def has_page(self, item: Item[Any], lang: str) -> bool:
        return not self.omit_missing or item.translated(lang) or item.kind == "policy"

    def missing_translation(self, item: Item[Any], lang: str) -> bool:
        """The page in `lang` shows the default language's text (with a notice)."""
        return self.has_page(item, lang) and not item.translated(lang)

    # ---- URLs in a language tree
    def url(self, item: Item[Any], lang: str) -> str:
        return self.served(lang, item_url(item.kind, item.id, item.slug(lang), lang))

    def section(self, lang: str, section: str | None) -> str:
        """A section's URL; None: the home page."""
        return self.served(lang, section_url(lang, section) if section else HOME)

    def section_urls(self, section: str | None) -> dict[str, str]:
        """A section's URL in every language."""
        return {lg: self.section(lg, section) for lg in self.languages}

    def tag(self, lang: str, tag: str) -> str:
        return self.served(lang, f"{i18n.segment(lang, 'tags')}/{tag}/")

    def served(self, lang: str, url: str) -> str:
        """A folder URL as the renderer serves it: itself, or the HTML file of its page (`files`)."""
        return self.output_file(lang, url)[:-3] + ".html" if self.files else url

    def tag_urls(self, tag: str) -> dict[str, str]:
        return {lg: self.tag(lg, tag) for lg in self.languages}

    def folder(self, url: str) -> str:
        """The folder URL of a served URL (`served` undone): nyheder/index.html -> nyheder/, a/b.html -> a/b/."""
        if not url.endswith(".html"):
            return url
        stem = url[:-5]
        return stem[: -len("index")] if stem == "index" or stem.endswith("/index") else stem + "/"

    # ---- lists in pages: page 1 is the list's own URL, page n > 1 below it (nyheder/side/2/)
    def paged(self, lang: str, url: str, number: int) -> str:
        """Page `number` (1-based) of the list at `url`."""
        if number <= 1:
            return url
        return self.served(lang, f"{self.folder(url)}{i18n.segment(lang, 'page')}/{number}/")

    def year(self, lang: str, year: int) -> str:
        """The news of one year: nyheder/2024/"""
        return self.served(lang, f"{i18n.segment(lang, 'news')}/{year}/")

    def pillar_news(self, pillar: Item[Any], lang: str) -> str:
        """All news about a pillar: politik/dialog/nyheder/"""
        return self.served(lang, f"{self.folder(self.url(pillar, lang))}{i18n.segment(lang, 'news')}/")

    feed = FEED_FILE  # the language's news feed, at its root
    json_feed = JSON_FEED_FILE  # the same news as a JSON Feed
    calendar = CALENDAR_FILE  # the upcoming meetings of the language and those of the past 12 months
    brand_stylesheet = "assets/torv-brand.css"  # the brand colour (look.py), docs-relative
    commitments_json = "commitments.json"  # the policy's commitments as open data, at the language's root
    commitments_csv = "commitments.csv"

    @staticmethod
    def logo(path: str) -> str:
        """The docs-relative copy of the logo (extra.torv.logo, a repository path)."""
        return "assets/torv-logo" + posixpath.splitext(path)[1].lower()

    def ics(self, item: Item[Any], lang: str) -> str:
        return ics_url(self.url(item, lang))

    def tag_feed(self, lang: str, tag: str) -> str:
        """A tag's own news feed, in its page's folder: emner/forum/feed.xml (also in a site opened from disk,
        where the page is emner/forum.html)."""
        return f"{i18n.segment(lang, 'tags')}/{tag}/{FEED_FILE}"

    def pillar_feed(self, pillar: Item[Any], lang: str) -> str:
        """The news about a pillar as a feed, in its page's folder: politik/dialog/feed.xml (as tag_feed)."""
        return item_url(pillar.kind, pillar.id, pillar.slug(lang), lang) + FEED_FILE

    def webcal(self, lang: str, url: str) -> str | None:
        """A calendar's full address as a webcal: subscription (None without site_url, or not on the web)."""
        full = self.absolute(lang, url)
        scheme, sep, rest = full.partition("://")
        return f"webcal://{rest}" if sep and scheme in ("http", "https") else None

    # ---- files
    def output_file(self, lang: str, url: str) -> str:
        """The docs-relative Markdown file served at `url`: a section's page is its folder's index."""
        if url.endswith(".html"):
            return url[:-5] + ".md"
        if url == HOME or (url.count("/") == 1 and url[:-1] in self._section_dirs(lang)):
            return url + "index.md"
        return url[:-1] + ".md"

    def _section_dirs(self, lang: str) -> set[str]:
        return {i18n.segment(lang, s) for s in i18n.SECTIONS}

    @staticmethod
    def build_file(lang: str, docs_path: str) -> str:
        """A docs-relative file's path in the build tree."""
        return f"{lang}/docs/{docs_path}"

    @staticmethod
    def config_file(lang: str) -> str:
        return f"mkdocs.{lang}.yml"

    def media(self, source: str) -> str:
        """The docs-relative path of the copy of a file that pages refer to (absolute `source`)."""
        rel = posixpath.relpath(source.replace("\\", "/"), self.root.replace("\\", "/"))
        return f"media/{rel}"

    def picture(self, item: Item[Any], path: str) -> str:
        """The absolute path of a picture an item names (relative to the item's folder)."""
        return os.path.normpath(os.path.join(self.root, posixpath.dirname(item.group), path))

    def photo(self, path: str) -> str:
        """The absolute path of a contact's photo (relative to policy/, the folder of contacts.yml)."""
        return os.path.normpath(os.path.join(self.root, "policy", path))

    # ---- full addresses
    def language_root(self, lang: str) -> str:
        """A language's home page as a path from the host's root (`/repo/da/` under a project site): for pages
        that can be served at any address, the 404 pages."""
        return f"{path_of(self.site_url)}{lang}/"

    def absolute(self, lang: str, url: str) -> str:
        """The full address of a URL (root-relative without site_url)."""
        return f"{self.site_url}{lang}/{url}" if self.site_url else f"/{lang}/{url}"

    def alternates(self, item: Item[Any] | None, urls: Mapping[str, str] | None) -> list[tuple[str, str, bool]]:
        """(language, URL, has its own translation) of a page in every language: an item's page, or a
        section's (`urls`); a language without the item's page points at that language's home page."""
        out = []
        for lg in self.languages:
            if item is None:
                out.append((lg, (urls or {}).get(lg, self.section(lg, None)), True))
            elif self.has_page(item, lg):
                out.append((lg, self.url(item, lg), item.translated(lg)))
            else:
                out.append((lg, self.section(lg, None), False))
        return out


__all__ = [
    "HOME",
    "Routes",
    "cross_href",
    "entry_url",
    "host_of",
    "ics_url",
    "item_url",
    "path_of",
    "rel_href",
    "section_url",
]
