"""The finishing pass over an assembled site, page by page: the theme's fixes, the content sanitised, the CSP last."""

from __future__ import annotations

import os

from .. import i18n
from .csp import add_policy
from .sanitize import UnmarkedContent, sanitize_page
from .theme import Texts
from .theme import finish_page as theme_fixes


def finish_page(source: str, nonce: str, texts: Texts | None = None, script_styles: tuple[str, ...] = ()) -> str:
    """One page, for either renderer: the theme's markup fixed (`texts`: the words its rules write, in the
    page's language; None for Torv's root pages, which no theme wrote), its content region cleaned by the
    allowlist (finish/sanitize.py), then its Content-Security-Policy added (finish/csp.py). The policy comes
    last so that its hashes cover every inline script and style as it is published: the theme's, Torv's
    (main.html) and Zensical's search fix (partials/zensical-search.html). `script_styles`: the stylesheets
    the renderer's own script writes (render.py)."""
    page = theme_fixes(source, texts) if texts is not None else source
    return add_policy(sanitize_page(page, nonce), script_styles)


def finish_site(folder: str, languages: list[str], nonce: str, script_styles: tuple[str, ...] = ()) -> int:
    """Every HTML page below `folder` (a folder per language, and the root pages), rewritten in place;
    returns how many. Raises UnmarkedContent, naming the page, when a page's content markers do not pair up."""
    texts = {lang: Texts.of(i18n.strings(lang)) for lang in languages}
    count = 0
    for top, _, files in os.walk(folder):
        rel = os.path.relpath(top, folder).replace(os.sep, "/")
        lang = rel.split("/")[0]
        for name in sorted(files):
            if not name.endswith(".html"):
                continue
            path = os.path.join(top, name)
            with open(path, encoding="utf-8", newline="") as fh:
                source = fh.read()
            try:
                finished = finish_page(source, nonce, texts.get(lang), script_styles)
            except UnmarkedContent as exc:
                raise UnmarkedContent(f"{os.path.relpath(path, folder)}: {exc}") from None
            with open(path, "w", encoding="utf-8", newline="") as fh:
                fh.write(finished)
            count += 1
    return count


__all__ = ["finish_page", "finish_site"]
