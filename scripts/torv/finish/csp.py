"""Content-Security-Policy for a built page, as a <meta http-equiv> (GitHub Pages sends no headers).

Scripts run only from the site's own files and, inline, only the page's own scripts as published: each is
allowed by its SHA-256 hash, computed here from the finished page (the content region is sanitised first,
so every inline script left on the page is the theme's or Torv's). No 'unsafe-inline' for scripts. Styles
likewise: the site's files, and inline styles by their hash, with the stylesheets a renderer's own script
writes at run time given by the renderer (render.py), as they are not in the page.
"""

from __future__ import annotations

import base64
import hashlib
import html.parser

JS_TYPES = {"", "text/javascript", "application/javascript", "module", "text/ecmascript"}
FIXED = (
    "default-src 'self'",
    "img-src 'self' data:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
)
META = '<meta http-equiv="Content-Security-Policy" content="{}">'


class _Inline(html.parser.HTMLParser):
    """Collects the text of inline scripts and styles and the values of style attributes."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.scripts: list[str] = []
        self.styles: list[str] = []
        self.style_attributes: list[str] = []
        self._open: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        style = a.get("style")
        if style is not None:
            self.style_attributes.append(style)
        if tag == "script" and "src" not in a and (a.get("type") or "").strip().lower() in JS_TYPES:
            self._open = self.scripts
            self.scripts.append("")
        elif tag == "style":
            self._open = self.styles
            self.styles.append("")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        style = dict(attrs).get("style")
        if style is not None:
            self.style_attributes.append(style)

    def handle_data(self, data: str) -> None:
        if self._open is not None:
            self._open[-1] += data

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._open = None


def source_hash(text: str) -> str:
    """A CSP source for an inline script or style: 'sha256-<base64>' of its text."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def policy(page: str, script_styles: tuple[str, ...] = ()) -> str:
    """The policy for this page: its inline scripts and styles allowed by hash, nothing else inline.
    `script_styles`: sources ('sha256-...') of the stylesheets the renderer's own script writes."""
    found = _Inline()
    found.feed(page)
    found.close()
    scripts = sorted({source_hash(s) for s in found.scripts})
    styles = sorted({source_hash(s) for s in found.styles + found.style_attributes} | set(script_styles))
    script_src = ["'self'", *scripts]
    style_src = ["'self'", *(["'unsafe-hashes'"] if found.style_attributes else []), *styles]
    return "; ".join((*FIXED, "script-src " + " ".join(script_src), "style-src " + " ".join(style_src)))


def add_policy(page: str, script_styles: tuple[str, ...] = ()) -> str:
    """The page with its Content-Security-Policy as the first thing after <meta charset> (or <head>)."""
    meta = META.format(policy(page, script_styles))
    lower = page[:4096].lower()
    for anchor in ('<meta charset="utf-8">', "<head>"):
        at = lower.find(anchor)
        if at >= 0:
            at += len(anchor)
            return page[:at] + meta + page[at:]
    return meta + page


__all__ = ["add_policy", "policy", "source_hash"]
