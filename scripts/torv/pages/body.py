"""A page's text as published: links to content files and site addresses as the pages' addresses, documents with
their type and size, pictures as responsive <picture>s with width, height and caption."""

from __future__ import annotations

import posixpath
from typing import Any

from ..documents import document_of, size_text
from ..links import BodyLink, Destination, LinkError, find_links
from ..records import Item
from ..routes import Routes, cross_href, rel_href
from .base import MediaCopy, Shared
from .images import URL_SCHEME, picture, picture_html
from .parts import DocumentLink

Edit = tuple[int, int, str]  # (start, end, replacement) in one line


def page_body(
    routes: Routes, shared: Shared, item: Item[Any], lang: str, url: str, lead_picture: bool = False
) -> tuple[str, tuple[MediaCopy, ...]]:
    """The item's body on its page at `url` in `lang`, and the files it needs (documents, pictures). With
    `lead_picture` the page shows a picture above the text, so every picture in the text loads lazily."""
    body = item.body(lang)
    if not body.strip():
        return body, ()
    text_lang = lang if item.translated(lang) else item.default_language
    source = item.source(lang)
    page_dir = posixpath.dirname(routes.output_file(lang, url))
    lines = body.split("\n")
    edits: dict[int, list[Edit]] = {}
    files: list[MediaCopy] = []
    pictures_seen = 1 if lead_picture else 0
    for link in find_links(body):
        todo = edits.setdefault(link.line, [])
        if link.picture:
            if URL_SCHEME.match(link.target) or link.target.startswith(("/", "#")):
                continue
            src = routes.picture(item, link.target.split("#", 1)[0])
            alone = _alone(lines, link)
            view, copies = picture(
                routes,
                src,
                url,
                link.text.replace("\\", ""),
                lazy=pictures_seen > 0,
                caption=link.title if alone else None,
                address=lambda path: _address(shared, url, page_dir, path),
            )
            pictures_seen += 1
            files.extend(copies)
            todo.append((*link.whole, picture_html(view, alone)))
            continue
        if shared.links is None:
            continue
        dest = shared.links.resolve(source, link.target)
        if isinstance(dest, LinkError) or dest.kind in ("external", "anchor"):
            continue
        if dest.kind == "document":
            assert dest.document is not None
            doc = document_of(dest.document, routes.media(dest.document))
            files.append(MediaCopy(source=doc.source, path=doc.path))
            frag = f"#{dest.anchor}" if dest.anchor else ""
            todo.append((link.start, link.end, posixpath.relpath(doc.path, page_dir or ".") + frag))
            if link.text:  # an inline link: its type and size follow it
                end = link.whole[1]
                todo.append((end, end, f" ({doc.info(lang)})"))
            continue
        href = _href(routes, shared, dest, lang, url, text_lang, page_dir)
        if href is None:  # an unpublished page: the text without the link
            todo.append((*link.whole, link.text) if link.text else (link.start, link.end, "#"))
        else:
            todo.append((link.start, link.end, href))
    for n, todo in edits.items():
        line = lines[n]
        for start, end, text in sorted(todo, key=lambda e: (e[0], e[1]), reverse=True):
            line = line[:start] + text + line[end:]
        lines[n] = line
    return "\n".join(lines), tuple(dict.fromkeys(files))


def attached_document(
    routes: Routes, item: Item[Any], path: str, lang: str, url: str
) -> tuple[DocumentLink, MediaCopy]:
    """A document a field names (`path` relative to the item's file, checked by schema.DocumentPath): its link on
    the page at `url` in `lang`, and the copy the page needs (put it in Page.files)."""
    source = routes.picture(item, path)  # a file next to the item, like its pictures
    doc = document_of(source, routes.media(source))
    view = DocumentLink(
        href=rel_href(url, doc.path), type=doc.type, size=size_text(doc.size, lang), info=doc.info(lang)
    )
    return view, MediaCopy(source=doc.source, path=doc.path)


def _href(
    routes: Routes, shared: Shared, dest: Destination, lang: str, url: str, text_lang: str, page_dir: str
) -> str | None:
    """A page or address, relative (so that it works under any site path); the validator checked it, and the
    renderers leave it as it is (they do not know Torv's own anchors, such as a pillar's commitments). A file of the
    language (feed.xml, calendar.ics) is linked by its path in the docs, which the renderer makes an address."""
    frag = f"#{dest.anchor}" if dest.anchor else ""
    if dest.kind == "root":
        if routes.files:  # opened from disk: the language chooser's file
            return "../" * (url.count("/") + 1) + "index.html" + frag
        return _address(shared, url, page_dir, "..", folder=True) + frag
    assert shared.links is not None
    place = shared.links.place(dest, lang, text_lang)
    if place is None:
        return None
    to_lang, to_url = place
    if routes.files and (not to_url or to_url.endswith("/")):
        to_url = routes.served(to_lang, to_url)  # opened from disk: a page is linked by its HTML file
    if to_url and not to_url.endswith("/"):  # a file: feed.xml, calendar.ics (or a page's, opened from disk)
        if to_lang == lang:
            return posixpath.relpath(to_url, page_dir or ".") + frag
        if routes.files or not routes.site_url:
            return cross_href(url, to_lang, to_url) + frag
        return routes.absolute(to_lang, to_url) + frag
    path = to_url if to_lang == lang else f"../{to_lang}/{to_url}"
    return _address(shared, url, page_dir, path.rstrip("/") or ".", folder=True) + frag


def _address(shared: Shared, url: str, page_dir: str, path: str, folder: bool = False) -> str:
    """An address in a page's text of a docs-relative `path` ("." the language's root, "../sv/..." another
    language's), as the renderer reads it: from the page's address (MkDocs leaves it to the browser) or from its
    Markdown file's folder (Zensical; render.Renderer.addresses_from_file)."""
    if shared.addresses_from_file:
        rel = posixpath.relpath(path, page_dir or ".")
        return rel.rstrip("/") + "/" if folder and rel != "." else "./" if folder else rel
    if path == "..":  # the site's root (the language chooser)
        return "../" * (url.count("/") + 1)
    if path.startswith("../"):  # another language's tree: from the page's address, up to the site's root
        return "../" * url.count("/") + path + ("/" if folder else "")
    target = "" if path == "." else path + ("/" if folder else "")
    return rel_href(url, target) if target != url else "./"


def _alone(lines: list[str], link: BodyLink) -> bool:
    """A picture that is a paragraph of its own (blank lines around it): shown as a figure with its caption."""
    n = link.line
    line = lines[n]
    if line.strip() != line[link.whole[0] : link.whole[1]] or line.startswith((" ", "\t")):
        return False
    return (n == 0 or not lines[n - 1].strip()) and (n + 1 >= len(lines) or not lines[n + 1].strip())


__all__ = ["attached_document", "page_body"]
