"""Pictures on pages: a picture's copy and size, and a body's local pictures pointed at their copies."""

from __future__ import annotations

import posixpath
import re
from typing import Any

import imagesize

from ..records import Item
from ..routes import Routes
from .base import MediaCopy

SVG_VIEWBOX = re.compile(rb"""<svg\b[^>]*?\sviewBox\s*=\s*["']\s*[-\d.]+[\s,]+[-\d.]+[\s,]+([\d.]+)[\s,]+([\d.]+)""")
MARKDOWN_IMAGE = re.compile(r"!\[([^\]]*)\]\(\s*<?([^)\s>]+)>?(?:\s+[\"'][^\"']*[\"'])?\s*\)")
URL_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.I)


def image_size(path: str) -> dict[str, int]:
    """{"width": w, "height": h} of a picture file, for the <img> attributes that let the browser keep
    the picture's space free before it arrives (no layout shift); {} when the file does not say."""
    try:
        w, h = imagesize.get(path)
        if (w <= 0 or h <= 0) and path.lower().endswith(".svg"):  # an SVG sized by its viewBox only
            with open(path, "rb") as fh:
                m = SVG_VIEWBOX.search(fh.read(4096))
            w, h = (float(m[1]), float(m[2])) if m else (-1, -1)
    except (OSError, ValueError):
        return {}
    return {"width": round(w), "height": round(h)} if w > 0 and h > 0 else {}


def copy_of(routes: Routes, source: str) -> MediaCopy:
    return MediaCopy(source=source, path=routes.media(source))


def rewrite_pictures(routes: Routes, item: Item[Any], lang: str, url: str) -> tuple[str, tuple[MediaCopy, ...]]:
    """The item's body with its local pictures pointed at their copies, and the copies."""
    page_dir = posixpath.dirname(routes.output_file(lang, url)) or "."
    copies: list[MediaCopy] = []

    def repl(m: re.Match[str]) -> str:
        alt, src = m.group(1), m.group(2)
        if URL_SCHEME.match(src) or src.startswith(("/", "#")):
            return m.group(0)
        copy = copy_of(routes, routes.picture(item, src))
        copies.append(copy)
        return f"![{alt}]({posixpath.relpath(copy.path, page_dir)})"

    return MARKDOWN_IMAGE.sub(repl, item.body(lang)), tuple(copies)
