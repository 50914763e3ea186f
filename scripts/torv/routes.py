"""Addresses, in one place: every page's URL per language, its output file, links between pages, full URLs.

A URL here is a site path relative to its language's root, in the folder form the renderer serves
(`nyheder/dialogmoede/`, `""` for the home page); the output file is the Markdown file in the language's
docs folder that the renderer serves at that URL (use_directory_urls).
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
    from .settings import SiteSettings
    from .site import Site
    from .records import Item

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
    """Relative href between two URLs of one language tree ('' is the home page)."""
    if to_url.startswith(EXTERNAL):
        return to_url
    frm = posixpath.dirname(from_url.rstrip("/") + "/x") if from_url else ""
    target, _, frag = to_url.partition("#")
    rel = posixpath.relpath("/" + target, "/" + frm) if frm else target or "./"
    if rel == ".":
        rel = "./"
    if (target.endswith("/") or target == HOME) and not rel.endswith("/"):  # a folder URL stays one
        rel += "/"
    if rel.startswith("/"):
        rel = rel[1:]
    return rel + (f"#{frag}" if frag else "")


def cross_href(from_url: str, to_lang: str, to_url: str) -> str:
    """Relative href from a page to a URL of another language's tree (the languages are sibling folders)."""
    return "../" * (from_url.count("/") + 1) + f"{to_lang}/{to_url}"


def ics_url(url: str) -> str:
    """A meeting's calendar file, next to its page: nyheder/dialogmoede/ -> nyheder/dialogmoede.ics"""
    return url.rstrip("/") + ".ics"


def host_of(site_url: str) -> str | None:
    return urllib.parse.urlsplit(site_url).hostname if site_url else None


@dataclass(frozen=True)
class Routes:
    """The addresses of one site: its languages, its public address and its repository folder."""

    languages: tuple[str, ...]  # default first
    default_language: str
    site_url: str  # "" or ending in "/"
    host: str | None  # site_url's host, parsed once
    omit_missing: bool  # missing_translation: omit (else: the default-language page, with a notice)
    root: str  # the repository folder: media paths are relative to it

    @classmethod
    def of(cls, settings: SiteSettings, root: str) -> Routes:
        return cls(
            languages=tuple(settings.languages),
            default_language=settings.default_language,
            site_url=settings.site_url,
            host=host_of(settings.site_url),
            omit_missing=settings.missing_translation == "omit",
            root=root,
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
        return item_url(item.kind, item.id, item.slug(lang), lang)

    def section(self, lang: str, section: str | None) -> str:
        """A section's URL; None: the home page."""
        return section_url(lang, section) if section else HOME

    def section_urls(self, section: str | None) -> dict[str, str]:
        """A section's URL in every language."""
        return {lg: self.section(lg, section) for lg in self.languages}

    def tag(self, lang: str, tag: str) -> str:
        return f"{i18n.segment(lang, 'tags')}/{tag}/"

    def tag_urls(self, tag: str) -> dict[str, str]:
        return {lg: self.tag(lg, tag) for lg in self.languages}

    feed = FEED_FILE  # the language's news feed, at its root
    json_feed = JSON_FEED_FILE  # the same news as a JSON Feed
    calendar = CALENDAR_FILE  # every meeting of the language
    commitments_json = "commitments.json"  # the policy's commitments as open data, at the language's root
    commitments_csv = "commitments.csv"

    def ics(self, item: Item[Any], lang: str) -> str:
        return ics_url(self.url(item, lang))

    def tag_feed(self, lang: str, tag: str) -> str:
        """A tag's own news feed, in its page's folder: emner/forum/feed.xml"""
        return self.tag(lang, tag) + FEED_FILE

    def pillar_feed(self, pillar: Item[Any], lang: str) -> str:
        """The news about a pillar as a feed, in its page's folder: politik/dialog/feed.xml"""
        return self.url(pillar, lang) + FEED_FILE

    def webcal(self, lang: str, url: str) -> str | None:
        """A calendar's full address as a webcal: subscription (None without site_url, or not on the web)."""
        full = self.absolute(lang, url)
        scheme, sep, rest = full.partition("://")
        return f"webcal://{rest}" if sep and scheme in ("http", "https") else None

    # ---- files
    def output_file(self, lang: str, url: str) -> str:
        """The docs-relative Markdown file served at `url`: a section's page is its folder's index."""
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
    def absolute(self, lang: str, url: str) -> str:
        """The full address of a URL (root-relative without site_url)."""
        return f"{self.site_url}{lang}/{url}" if self.site_url else f"/{lang}/{url}"

    def alternates(self, item: Item[Any] | None, urls: Mapping[str, str] | None) -> list[tuple[str, str, bool]]:
        """(language, URL, has its own translation) of a page in every language: an item's page, or a
        section's (`urls`); a language without the item's page points at that language's home page."""
        out = []
        for lg in self.languages:
            if item is None:
                out.append((lg, (urls or {}).get(lg, HOME), True))
            elif self.has_page(item, lg):
                out.append((lg, self.url(item, lg), item.translated(lg)))
            else:
                out.append((lg, HOME, False))
        return out


__all__ = ["HOME", "Routes", "cross_href", "entry_url", "host_of", "ics_url", "item_url", "rel_href", "section_url"]
