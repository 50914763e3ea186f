"""Pictures on pages: a picture's copies and size, and the <picture> a page shows (srcset, WebP, width and height)."""

from __future__ import annotations

import html
import re
from collections.abc import Callable

import imagesize

from .. import pictures
from ..routes import Routes, rel_href
from .base import MediaCopy
from .parts import Image

SVG_VIEWBOX = re.compile(rb"""<svg\b[^>]*?\sviewBox\s*=\s*["']\s*[-\d.]+[\s,]+[-\d.]+[\s,]+([\d.]+)[\s,]+([\d.]+)""")
URL_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.I)
# The width a picture takes: the whole screen on a phone, the text column on a wider one (Material's grid).
SIZES = "(min-width: 60em) 45rem, 100vw"
SRC_WIDTH = 960  # the width of the <img src> for browsers without srcset


def image_size(path: str) -> dict[str, int]:
    """{"width": w, "height": h} of a picture file, for the <img> attributes that let the browser keep
    the picture's space free before it arrives (no layout shift); {} when the file does not say."""
    raster = pictures.dimensions(path) if not path.lower().endswith(".svg") else None
    if raster:
        return {"width": raster[0], "height": raster[1]}
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


def picture(
    routes: Routes,
    source: str,
    url: str,
    alt: str,
    *,
    lazy: bool,
    caption: str | None = None,
    credit: str | None = None,
    address: Callable[[str], str] | None = None,
) -> tuple[Image, tuple[MediaCopy, ...]]:
    """A picture on the page at `url`: its view and the files it needs: the copies of a JPEG, PNG or WebP picture
    (pictures.renditions), or the file itself (SVG, GIF). Its hrefs are relative to the page, or as `address` writes
    a docs-relative path (in a text the renderer reads, pages.body)."""
    href = address or (lambda path: rel_href(url, path))
    path = routes.media(source)
    made = pictures.renditions(source, path)
    if not made:
        size = image_size(source)
        view = Image(
            src=href(path),
            alt=alt,
            width=size.get("width"),
            height=size.get("height"),
            srcset=None,
            webp_srcset=None,
            sizes=None,
            loading="lazy" if lazy else None,
            caption=caption,
            credit=credit,
        )
        return view, (MediaCopy(source=source, path=path),)
    own = [r for r in made if r.format != "webp" or made[0].format == "webp"]
    webp = [r for r in made if r.format == "webp"] if made[0].format != "webp" else []
    src = max((r for r in own if r.width <= SRC_WIDTH), key=lambda r: r.width, default=own[0])
    largest = own[-1]
    files = tuple(
        MediaCopy(source=source, path=r.path, width=r.width if r.made else None, format=r.format if r.made else None)
        for r in made
    )
    view = Image(
        src=href(src.path),
        alt=alt,
        width=largest.width,
        height=largest.height,
        srcset=_srcset(href, own),
        webp_srcset=_srcset(href, webp) if webp else None,
        sizes=SIZES,
        loading="lazy" if lazy else None,
        caption=caption,
        credit=credit,
    )
    return view, files


def largest(routes: Routes, source: str) -> str:
    """The docs-relative path of a picture's largest copy in its own format (for og:image)."""
    made = [
        r
        for r in pictures.renditions(source, routes.media(source))
        if r.format != "webp" or source.lower().endswith(".webp")
    ]
    return made[-1].path if made else routes.media(source)


def _srcset(href: Callable[[str], str], copies: list[pictures.Rendition]) -> str:
    return ", ".join(f"{href(r.path)} {r.width}w" for r in copies)


def picture_html(view: Image, figure: bool) -> str:
    """A body picture as HTML: <picture> with a WebP <source> where there are copies, <img> with its size;
    in a <figure> with its caption when it stands alone in its paragraph."""

    def attr(name: str, value: object) -> str:
        return f' {name}="{html.escape(str(value), quote=True)}"' if value is not None else ""

    img = (
        f"<img{attr('src', view.src)}{attr('srcset', view.srcset)}{attr('sizes', view.sizes)}"
        f"{attr('width', view.width)}{attr('height', view.height)}{attr('alt', view.alt)}"
        f'{attr("loading", view.loading)} decoding="async">'
    )
    if view.srcset:
        source = (
            f'<source type="image/webp"{attr("srcset", view.webp_srcset)}{attr("sizes", view.sizes)}>'
            if view.webp_srcset
            else ""
        )
        img = f"<picture>{source}{img}</picture>"
    if not figure:
        return img
    caption = html.escape(view.caption) if view.caption else ""
    return f"<figure>{img}<figcaption>{caption}</figcaption></figure>" if caption else f"<figure>{img}</figure>"


__all__ = ["SIZES", "copy_of", "image_size", "largest", "picture", "picture_html"]
