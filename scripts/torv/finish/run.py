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


def finish_file(
    path: str, nonce: str, texts: Texts | None, script_styles: tuple[str, ...] = (), shown: str = ""
) -> None:
    """One built page rewritten in place (finish_page). Raises UnmarkedContent naming the page (`shown`)."""
    with open(path, encoding="utf-8", newline="") as fh:
        source = fh.read()
    try:
        finished = finish_page(source, nonce, texts, script_styles)
    except UnmarkedContent as exc:
        raise UnmarkedContent(f"{shown or path}: {exc}") from None
    tmp = path + ".torv-tmp"  # replaced in one step: a page being served is never half written
    with open(tmp, "w", encoding="utf-8", newline="") as fh:
        fh.write(finished)
    os.replace(tmp, path)


def html_pages(folder: str) -> list[str]:
    """Every HTML page below `folder`."""
    return [os.path.join(top, n) for top, _, files in os.walk(folder) for n in sorted(files) if n.endswith(".html")]


def finish_language(
    site_dir: str, lang: str, nonce: str, script_styles: tuple[str, ...] = (), pages: list[str] | None = None
) -> int:
    """The whole finishing pass over a rendered language (`site_dir`, its folder) as soon as it is rendered:
    every HTML page, or only `pages` (paths of the pages a partial render wrote); returns how many."""
    texts = Texts.of(i18n.strings(lang))
    chosen = html_pages(site_dir) if pages is None else pages
    for path in chosen:
        finish_file(path, nonce, texts, script_styles, f"{lang}/{os.path.relpath(path, site_dir)}")
    return len(chosen)


def finish_root(folder: str, names: list[str], nonce: str, script_styles: tuple[str, ...] = ()) -> int:
    """Torv's root pages (the language chooser, 404.html) in `folder`: no theme wrote them, so no theme fixes."""
    pages = [n for n in names if n.endswith(".html")]
    for name in pages:
        finish_file(os.path.join(folder, name), nonce, None, script_styles, name)
    return len(pages)


def finish_site(folder: str, languages: list[str], nonce: str, script_styles: tuple[str, ...] = ()) -> int:
    """Every HTML page below `folder` (a folder per language, and the root pages), rewritten in place;
    returns how many. Raises UnmarkedContent, naming the page, when a page's content markers do not pair up."""
    count = sum(finish_language(os.path.join(folder, lg), lg, nonce, script_styles) for lg in languages)
    rest = [os.path.relpath(p, folder) for p in html_pages(folder)]
    return count + finish_root(folder, [r for r in rest if r.split(os.sep)[0] not in languages], nonce, script_styles)


__all__ = ["finish_file", "finish_language", "finish_page", "finish_root", "finish_site", "html_pages"]
