"""Links in a body, found and resolved: a content file, a site address or a document -> where it leads, or why not.

Pure: `find_links` reads Markdown text; a `LinkIndex` (the site's pages and addresses) resolves a link's target
into a `Destination` or a `LinkError`, and writes the href a destination gets on a page. The validator
(linkcheck.py) and the compile step (pages/body.py) share it, so what is checked is what is published.
"""

from __future__ import annotations

import os
import posixpath
import re
import urllib.parse
from collections.abc import Mapping
from dataclasses import dataclass

from . import codes
from .documents import extension
from .routes import HOME
from .schema import did_you_mean

FENCE = re.compile(r"^\s*(```|~~~)")
CODE_SPAN = re.compile(r"(`+)(?:.+?)\1")
_TITLE = r"""(?:"(?:\\.|[^"\\])*"|'(?:\\.|[^'\\])*'|\((?:\\.|[^()\\])*\))"""
INLINE = re.compile(
    r"(?P<bang>!?)\[(?P<text>(?:\\.|[^\[\]\\]|\[(?:\\.|[^\[\]\\])*\])*)\]\(\s*"
    r"(?P<target><[^<>\n]*>|(?:\\.|[^\s()\\]|\((?:\\.|[^\s()\\])*\))+)"
    rf"(?P<title>\s+{_TITLE})?\s*\)"
)
REFERENCE = re.compile(r"^ {0,3}\[(?!\^)(?:\\.|[^\[\]\\])+\]:\s*(?P<target><[^<>\n]*>|\S+)")
HTML_HREF = re.compile(r"""<a\s[^>]*?\bhref\s*=\s*(?P<q>["'])(?P<target>[^"'<>]*)(?P=q)""", re.I)
SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.I)


@dataclass(frozen=True)
class BodyLink:
    """A link (or a picture) in a body: where its target is written, by line and column."""

    line: int  # 0-based line of the body
    start: int  # the target's span in that line
    end: int
    target: str  # as written, without <>
    picture: bool  # ![...](...)
    title: str | None  # a picture's "title" (its caption)
    whole: tuple[int, int]  # the span of the whole ![...](...) or [...](...)
    text: str  # the link text or a picture's alt text


def find_links(body: str) -> list[BodyLink]:
    """Every inline link, picture, reference definition and <a href> of a body, outside code."""
    out: list[BodyLink] = []
    fence = None
    in_comment = False
    for i, line in enumerate(body.split("\n")):
        f = FENCE.match(line)
        if f and not in_comment:
            fence = f.group(1) if fence is None else (None if f.group(1) == fence else fence)
            continue
        if fence:
            continue
        plain, in_comment = _without_comments(CODE_SPAN.sub(lambda m: " " * len(m.group(0)), line), in_comment)
        for m in INLINE.finditer(plain):
            start, end = m.span("target")
            target = m.group("target")
            if target.startswith("<"):
                target, start, end = target[1:-1], start + 1, end - 1
            title = m.group("title")
            out.append(
                BodyLink(
                    i,
                    start,
                    end,
                    target,
                    bool(m.group("bang")),
                    _unquote_title(title) if title else None,
                    m.span(),
                    m.group("text"),
                )
            )
        ref = REFERENCE.match(plain)
        if ref:
            start, end = ref.span("target")
            target = ref.group("target")
            if target.startswith("<"):
                target, start, end = target[1:-1], start + 1, end - 1
            out.append(BodyLink(i, start, end, target, False, None, ref.span(), ""))
        for m in HTML_HREF.finditer(plain):
            out.append(BodyLink(i, *m.span("target"), m.group("target"), False, None, m.span(), ""))
    return out


def _without_comments(line: str, in_comment: bool) -> tuple[str, bool]:
    """The line with its HTML comments (<!-- ... -->, also one begun on an earlier line) blanked out, and whether a
    comment goes on after it: a link an editor has commented out is not a link."""
    out = []
    at = 0
    while at < len(line):
        if in_comment:
            end = line.find("-->", at)
            stop = len(line) if end < 0 else end + 3
            out.append(" " * (stop - at))
            at, in_comment = stop, end < 0
        else:
            start = line.find("<!--", at)
            stop = len(line) if start < 0 else start
            out.append(line[at:stop])
            at, in_comment = stop, start >= 0
    return "".join(out), in_comment


def _unquote_title(raw: str) -> str:
    t = raw.strip()[1:-1]
    return re.sub(r"\\(.)", r"\1", t)


# ---------------------------------------------------------------- what the links can lead to


@dataclass(frozen=True)
class Target:
    """A page that content files can link to: an item in every language it has a page in."""

    group: str  # repository path without .<lang>.md
    kind: str
    shown: bool  # published (in a preview: shown); else the link text is shown without the link
    state: str
    urls: Mapping[str, str]  # language -> URL, for the languages it has a page in
    translated: frozenset[str]


@dataclass(frozen=True)
class Destination:
    """Where a link leads: a page (`target`), a site address (`lang` + `url`), a document, or elsewhere."""

    kind: str  # external | page | address | root | document | anchor
    target: Target | None = None
    lang: str | None = None  # an address's language
    url: str | None = None  # an address's URL in its language tree
    anchor: str = ""
    document: str | None = None  # absolute path of a document
    written: str = ""  # the path as written (documents)


@dataclass(frozen=True)
class LinkError:
    code: str
    message: str


@dataclass(frozen=True)
class LinkIndex:
    """The site's pages and addresses, as links see them."""

    root: str
    languages: tuple[str, ...]
    default_language: str
    site_path: str  # site_url's path: "/" or "/repo/"
    targets: Mapping[str, Target]  # by group
    addresses: Mapping[str, Mapping[str, str | None]]  # language -> URL -> the group of its page (None: a section)

    def resolve(self, source: str, written: str) -> Destination | LinkError:
        """Where a link written in the file `source` (repository path) leads."""
        target = urllib.parse.unquote(written.strip())
        if not target or target.startswith("//") or SCHEME.match(target):
            return Destination("external")
        if target.startswith("#"):
            return Destination("anchor", anchor=target[1:])
        path, _, anchor = target.partition("#")
        path = path.split("?", 1)[0]
        if path.startswith("/"):
            return self._address(path, anchor, written)
        base = posixpath.dirname(source)
        rel = posixpath.normpath(posixpath.join(base, path))
        if rel.startswith("../") or rel == "..":
            return LinkError(
                codes.BROKEN_LINK,
                f"the link {written} leads outside the site's folders: expected a file in policy/, news/ or docs/",
            )
        if path.endswith(".md"):
            return self._page(rel, anchor, written)
        ext = extension(path)
        full = os.path.normpath(os.path.join(self.root, rel))
        if ext or os.path.isfile(full):
            return Destination("document", document=full, written=path, anchor=anchor)
        return LinkError(
            codes.BROKEN_LINK,
            f"the link {written} leads to no file: expected a link to a page's "
            f"file like other.{self.default_language}.md, a document like "
            f"files/program.pdf or a site address like /{self.default_language}/",
        )

    def _page(self, rel: str, anchor: str, written: str) -> Destination | LinkError:
        stem = rel[:-3]
        head, _, lang = stem.rpartition(".")
        group = head if lang in self.languages and head else stem
        found = self.targets.get(group)
        if found is None:
            choices = sorted(
                posixpath.basename(g) + f".{self.default_language}.md"
                for g in self.targets
                if posixpath.dirname(g) == posixpath.dirname(group)
            )
            name = posixpath.basename(rel)
            return LinkError(
                codes.BROKEN_LINK,
                f"the link {written} leads to no page: expected a content file at "
                f"{group}.{self.default_language}.md"
                f"{did_you_mean(name, choices)}",
            )
        return Destination("page", target=found, anchor=anchor)

    def _address(self, path: str, anchor: str, written: str) -> Destination | LinkError:
        if self.site_path != "/" and path.startswith(self.site_path):
            path = "/" + path[len(self.site_path) :]
        if path == "/":
            return Destination("root", anchor=anchor)
        lang, _, url = path[1:].partition("/")
        if lang not in self.languages:
            return LinkError(
                codes.BROKEN_LINK,
                f"the address {written} is not on the site: expected an address "
                f"that starts with a language, like /{self.default_language}/ "
                f"(one of {', '.join('/' + lg + '/' for lg in self.languages)})",
            )
        known = self.addresses[lang]
        if url and not url.endswith("/") and url + "/" in known:
            url += "/"
        if url not in known:
            choices = [f"/{lang}/{u}" for u in known]
            return LinkError(
                codes.BROKEN_LINK,
                f"the address {written} is not a page of the site: expected the "
                f"address of one of its pages, or a link to the page's file like "
                f"other.{self.default_language}.md"
                f"{did_you_mean('/' + lang + '/' + url, choices)}",
            )
        group = known[url]
        if group is not None:
            return Destination("page", target=self.targets[group], anchor=anchor, lang=lang, url=url)
        return Destination("address", lang=lang, url=url, anchor=anchor)

    # ---- where a link leads on a page
    def place(self, dest: Destination, page_lang: str, text_lang: str) -> tuple[str, str] | None:
        """(language, URL) a page or address link leads to on a page of `page_lang` whose text is in `text_lang`
        (the default language's on an untranslated page); None for a page that is not published (the text stays,
        unlinked). A page is linked in the page's language where it has one, else in the default language."""
        if dest.kind == "address":
            assert dest.lang is not None and dest.url is not None
            return dest.lang, dest.url
        if dest.kind != "page" or dest.target is None:
            raise ValueError(dest.kind)
        t = dest.target
        if not t.shown or not t.urls:
            return None
        lang = dest.lang or page_lang
        if dest.lang is None and dest.anchor and text_lang != page_lang and text_lang in t.urls:
            lang = text_lang  # a heading's anchor is checked in the language of the text that links
        if lang not in t.urls:
            lang = self.default_language if self.default_language in t.urls else next(iter(t.urls))
        return lang, t.urls[lang]


def index_of(
    root: str,
    languages: tuple[str, ...],
    default: str,
    site_url: str,
    targets: list[Target],
    sections: Mapping[str, list[str]],
) -> LinkIndex:
    """The link index: the pages (`targets`) and the other addresses of each language (`sections`: sections, tags,
    feeds ...)."""
    addresses: dict[str, dict[str, str | None]] = {}
    for lang in languages:
        known: dict[str, str | None] = {HOME: None}
        known.update((u, None) for u in sections.get(lang, []))
        known.update((t.urls[lang], t.group) for t in targets if lang in t.urls)
        addresses[lang] = known
    site_path = urllib.parse.urlsplit(site_url).path or "/" if site_url else "/"
    return LinkIndex(
        root=root,
        languages=languages,
        default_language=default,
        site_path=site_path if site_path.endswith("/") else site_path + "/",
        targets={t.group: t for t in targets},
        addresses=addresses,
    )


__all__ = ["BodyLink", "Destination", "LinkError", "LinkIndex", "Target", "find_links", "index_of"]
