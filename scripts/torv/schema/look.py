"""Options for the site's look: the brand colour (checked for contrast with the white text on it) and the logo file."""

from __future__ import annotations

import colorsys
import os
import re
from typing import Any

from .. import codes
from ..safety.files import picture_problem
from .base import Context, Invalid, Option, shown

HEX = re.compile(r"^#?([0-9a-fA-F]{6}|[0-9a-fA-F]{3})$")
TEXT_ON_BRAND = "#ffffff"  # the header, the tabs and buttons write white on the brand colour
MIN_CONTRAST = 4.5  # WCAG 2.1 1.4.3 (AA), normal text; links in the brand colour on white need the same
LOGO_TYPES = (".svg", ".png")


def hex_colour(value: str) -> str | None:
    """`#0B4F6C`, `0b4f6c` or `#09c` as `#0b4f6c` (None when it is no colour of that form)."""
    m = HEX.match(value.strip())
    if not m:
        return None
    digits = m[1].lower()
    return "#" + (digits if len(digits) == 6 else "".join(d * 2 for d in digits))


def _rgb(colour: str) -> tuple[float, float, float]:
    return int(colour[1:3], 16) / 255, int(colour[3:5], 16) / 255, int(colour[5:7], 16) / 255


def _hex(r: float, g: float, b: float) -> str:
    return "#" + "".join(f"{round(min(max(c, 0.0), 1.0) * 255):02x}" for c in (r, g, b))


def luminance(colour: str) -> float:
    """WCAG 2.1's relative luminance of a #rrggbb colour."""

    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in _rgb(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    """WCAG 2.1's contrast ratio of two #rrggbb colours (1 to 21)."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def passing_shade(colour: str, text: str = TEXT_ON_BRAND, minimum: float = MIN_CONTRAST) -> str:
    """The nearest shade of `colour` (same hue and saturation, only darker) with at least `minimum` contrast
    against `text`; the colour itself when it passes already."""
    if contrast(colour, text) >= minimum:
        return colour
    h, lightness, s = colorsys.rgb_to_hls(*_rgb(colour))
    low, high = 0.0, lightness  # the darkest shade (black) always passes against white
    for _ in range(30):
        mid = (low + high) / 2
        if contrast(_hex(*colorsys.hls_to_rgb(h, mid, s)), text) >= minimum:
            low = mid
        else:
            high = mid
    shade = _hex(*colorsys.hls_to_rgb(h, low, s))
    while contrast(shade, text) < minimum:  # rounding to whole steps of 1/255 may land just short
        low -= 0.002
        shade = _hex(*colorsys.hls_to_rgb(h, max(low, 0.0), s))
    return shade


def mix(colour: str, other: str, share: float) -> str:
    """`colour` with `share` (0 to 1) of `other` mixed in: a darker shade for the footer, mixed with black."""
    return _hex(*(a + (b - a) * share for a, b in zip(_rgb(colour), _rgb(other), strict=True)))


class BrandColour(Option):
    """The brand colour: the header and links. White text on it must have a contrast of at least 4.5:1."""

    expected = "a colour written #rrggbb"
    code = codes.LOW_CONTRAST
    example = "#0b4f6c"

    def convert(self, value: Any, ctx: Context, keypath: tuple) -> Any:
        colour = hex_colour(value) if isinstance(value, str) else None
        if colour is None:
            raise Invalid(f"expected {self.describe()}, found {shown(value)}", self.code)
        ratio = contrast(colour, TEXT_ON_BRAND)
        if ratio < MIN_CONTRAST:
            raise Invalid(
                f"white text on {colour} has a contrast of {ratio:.2f}:1, expected at least "
                f"{MIN_CONTRAST}:1 (WCAG 2.1 AA): the nearest shade that passes is "
                f'{passing_shade(colour)}, e.g. `brand_colour: "{passing_shade(colour)}"`',
                self.code,
            )
        return colour

    def json(self) -> dict:
        return {"type": "string", "pattern": HEX.pattern}


class Logo(Option):
    """The logo: an SVG or PNG file in the repository (a path from its top folder), shown in the header and as
    the browser tab's icon."""

    expected = "the path of an SVG or PNG file in the repository"
    code = codes.INVALID_LOGO
    example = "docs/logo.svg"

    def convert(self, value: Any, ctx: Context, keypath: tuple) -> Any:
        if not isinstance(value, str) or not value.strip():
            raise Invalid(f"expected {self.describe()}, found {shown(value)}", self.code)
        path = value.strip()
        if re.match(r"^[a-z]+:", path, re.I) or path.startswith("/") or "\\" in path or ".." in path.split("/"):
            raise Invalid(
                f"expected {self.describe()}, found {shown(value)}: write a path from the repository's "
                f"top folder, with / between folders, e.g. {self.example}",
                self.code,
            )
        if not path.lower().endswith(LOGO_TYPES):
            raise Invalid(
                f"expected an SVG or PNG file (.svg or .png), found {shown(value)}: save the logo as "
                f"SVG (best: sharp at any size) or PNG",
                self.code,
            )
        full = os.path.normpath(os.path.join(ctx.root, path))
        if not os.path.isfile(full):
            raise Invalid(
                f"the logo {shown(path)} does not exist: expected the file at that path from the "
                f"repository's top folder; add it there or correct the path",
                self.code,
            )
        problem = picture_problem(full, ctx.root)  # a real file (no symbolic link), a picture by its content,
        if problem is not None:  # an SVG without script, event handlers or references (safety/files.py)
            code, message = problem
            raise Invalid(f"the logo: {message}", code)
        ctx.assets.append(full)
        return path

    def json(self) -> dict:
        return {"type": "string", "pattern": r"\.(svg|png)$"}
