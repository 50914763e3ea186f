"""No empty section: every heading of a page's content has something under it before the next heading of its level."""

from __future__ import annotations

import os
from typing import Any

from .html import html_files

MEDIA = {"img", "picture", "svg", "video", "audio", "iframe", "table", "input", "select", "textarea"}


def _tokens(article: Any) -> list[tuple[int, str]]:
    """The article in document order: (level, text) for headings h2-h6, (0, what) for content: a text, a picture."""
    out: list[tuple[int, str]] = []

    def walk(el: Any) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag in ("h2", "h3", "h4", "h5", "h6"):
            out.append((int(tag[1]), " ".join(el.text_content().split())))
            if el.tail and el.tail.strip():
                out.append((0, el.tail.strip()))
            return
        if tag in MEDIA:
            out.append((0, f"<{tag}>"))
        elif tag and el.text and el.text.strip():
            out.append((0, el.text.strip()))
        for child in el:
            walk(child)
        if el.tail and el.tail.strip() and el is not article:
            out.append((0, el.tail.strip()))

    walk(article)
    return out


def empty_headings(html: bytes) -> list[str]:
    """The headings (h2-h6) of a page's content with nothing under them: no text and no picture before the
    next heading of the same or a higher level."""
    from lxml import html as lhtml

    doc = lhtml.fromstring(html)
    article = next(iter(doc.xpath("//article") or doc.xpath("//main") or [doc]))
    for hidden in article.xpath(".//*[@hidden] | .//script | .//style | .//template"):
        hidden.drop_tree()
    tokens = _tokens(article)
    empty = []
    for i, (level, text) in enumerate(tokens):
        if not level:
            continue
        rest = tokens[i + 1 :]
        end = next((j for j, (lv, _) in enumerate(rest) if 0 < lv <= level), len(rest))
        if not any(lv == 0 for lv, _ in rest[:end]):
            empty.append(f"h{level} {text!r}")
    return empty


def empty_sections(site_dir: str) -> list[str]:
    """Every page's empty sections (headings with nothing under them), as `page: h2 'Heading' has nothing under it`."""
    out = []
    for path in html_files(site_dir):
        with open(path, "rb") as fh:
            found = empty_headings(fh.read())
        rel = os.path.relpath(path, site_dir).replace(os.sep, "/")
        out += [f"{rel}: {heading} has nothing under it" for heading in found]
    return out
