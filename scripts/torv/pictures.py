"""Responsive pictures: a picture's size and the smaller copies (WebP next to the original format) visitors get.

`renditions` is pure apart from reading the picture's header; `render_all` makes a picture's copies with Pillow at
build time, cached by the original's content hash (build/pictures/), so a rebuild only makes what is new.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from dataclasses import dataclass
from typing import Any

WIDTHS = (480, 960, 1600)  # never more than the original's width
FORMATS = {"jpg": "jpeg", "jpeg": "jpeg", "png": "png", "webp": "webp"}  # what gets smaller copies
MIME = {"jpeg": "image/jpeg", "png": "image/png", "webp": "image/webp"}
LARGE = 5_000_000  # bytes: an original this large is reported (a camera's file, not one for the web)
ENCODER: dict[str, dict[str, Any]] = {  # Pillow's options for each format
    "jpeg": {"quality": 82, "optimize": True, "progressive": True},
    "png": {"optimize": True},
    "webp": {"quality": 80, "method": 4},
}
CACHE_VERSION = "1"  # change when the encoder settings change: the cached copies are made again


@dataclass(frozen=True)
class Rendition:
    """One copy of a picture: the original (`width` None) or one made smaller or in another format."""

    path: str  # docs-relative path of the copy
    width: int
    height: int
    format: str  # jpeg | png | webp
    made: bool  # made by `render` (else the original file, copied)


def dimensions(path: str) -> tuple[int, int] | None:
    """Width and height as shown (a photo's EXIF orientation applied); None when the file does not say."""
    try:
        from PIL import Image

        with Image.open(path) as im:
            w, h = im.size
            if im.getexif().get(0x0112) in (5, 6, 7, 8):  # rotated by a quarter turn
                w, h = h, w
        return (w, h) if w > 0 and h > 0 else None
    except (OSError, ValueError, SyntaxError):
        return None


def _ext(path: str) -> str:
    return os.path.splitext(path)[1].lower().lstrip(".")


def renditions(source: str, media_path: str) -> tuple[Rendition, ...]:
    """The copies of a JPEG, PNG or WebP picture (`media_path`: where its copy is published): each width of WIDTHS
    below the original's and the original's own (at most the largest), in its format and as WebP. Other pictures
    (SVG, GIF) have none."""
    fmt = FORMATS.get(_ext(source))
    size = dimensions(source) if fmt else None
    if fmt is None or size is None:
        return ()
    w, h = size
    widths = [x for x in WIDTHS if x < w] + ([w] if w <= WIDTHS[-1] else [])
    stem = media_path
    out = []
    for x in widths:
        y = max(1, round(h * x / w))
        original = x == w
        out.append(Rendition(media_path if original else f"{stem}.{x}w.{_ext(source)}", x, y, fmt, not original))
        if fmt != "webp":
            out.append(Rendition(f"{stem}.{x}w.webp", x, y, "webp", True))
    return tuple(out)


def content_hash(path: str) -> str:
    with open(path, "rb") as fh:
        return hashlib.file_digest(fh, "sha256").hexdigest()


def cached_path(cache: str, digest: str, width: int, fmt: str) -> str:
    key = f"{digest}-{width}-{CACHE_VERSION}.{fmt}"
    return os.path.join(cache, key[:2], key)


def render_all(source: str, wanted: list[tuple[int, str]], cache: str, digest: str | None = None) -> dict:
    """The copies of `source` at each (width, format) of `wanted`, made where the cache (build/pictures/) does not
    hold them yet: the picture is read once, for all of them. Returns {(width, format): path in the cache}."""
    digest = digest or content_hash(source)
    out = {(w, f): cached_path(cache, digest, w, f) for w, f in wanted}
    missing = sorted((k for k, path in out.items() if not os.path.isfile(path)), reverse=True)
    if missing:
        from PIL import Image, ImageOps

        with Image.open(source) as original:
            if original.format == "JPEG":  # decode at the size needed (far faster for a large photo)
                largest = max(w for w, _ in missing)
                sw, sh = original.size
                turned = original.getexif().get(0x0112) in (5, 6, 7, 8)  # shown a quarter turn round
                need = (
                    (max(1, round(largest * sw / sh)), largest)
                    if turned
                    else (largest, max(1, round(largest * sh / sw)))
                )
                original.draft("RGB", need)
            im: Image.Image = ImageOps.exif_transpose(original)
            if im.mode not in ("RGB", "RGBA", "L", "LA"):
                im = im.convert("RGBA")
            sized: dict[int, Image.Image] = {}  # each width made once, for both formats
            for width, fmt in missing:
                height = max(1, round(im.height * width / im.width))
                if width not in sized:
                    sized[width] = (
                        im
                        if (width, height) == im.size
                        else im.resize((width, height), Image.Resampling.LANCZOS, reducing_gap=2.0)
                    )
                small = sized[width]
                if fmt == "jpeg" and small.mode not in ("RGB", "L"):
                    small = small.convert("RGB")
                path = out[(width, fmt)]
                os.makedirs(os.path.dirname(path), exist_ok=True)
                fd, tmp = tempfile.mkstemp(suffix=f".{fmt}", dir=os.path.dirname(path))
                os.close(fd)
                small.save(tmp, format=fmt.upper(), **ENCODER[fmt])
                os.chmod(tmp, 0o644)
                os.replace(tmp, path)  # atomic: a build that stops half-way leaves no half-written copy
    return out


def place(cached: str, dest: str) -> None:
    """A cached copy into the build tree (a hard link where the file system allows it)."""
    try:
        os.link(cached, dest)
    except OSError:
        shutil.copyfile(cached, dest)


__all__ = ["LARGE", "MIME", "WIDTHS", "Rendition", "content_hash", "dimensions", "place", "render_all", "renditions"]
