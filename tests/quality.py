"""The quality gates as functions, shared by the tests that run them on the sample site (test_a11y.py,
test_privacy.py, test_html_valid.py, test_links.py) and by the tests that show each one fails when it
should (test_quality_gates_fail.py). Each check returns a list of problems as readable lines; empty = pass.

The checks that `torv check` runs on any site (axe-core, requests and storage, links, the W3C validator) are
the package's (torv.check), so that Torv's tests and a municipality's check share one implementation; the
keyboard, reflow and search checks below are the tests' own.
"""

from __future__ import annotations

import os
import re

from conftest import ROOT
from renderers import search_index
from torv import check
from torv.check import (
    AXE_OPTIONS,
    DESKTOP,
    KINDS,
    MOBILE,
    ROOT_PAGES,
    VIEWPORTS,
    RequestLog,
    axe_problems,
    broken_links,
    html_files,
    stored,
    without_scripts,
)

LANGS = ["da", "sv", "en"]
# 200% zoom of a 1280 x 720 screen: the page lays out in 640 x 360 CSS pixels.
ZOOM_200 = {"viewport": {"width": 640, "height": 360}, "device_scale_factor": 2}
NARROW_320 = {"viewport": {"width": 320, "height": 640}, "device_scale_factor": 1}
VNU_JAR = os.path.join(ROOT, check.VNU_JAR)

__all__ = [
    "AXE_OPTIONS",
    "DESKTOP",
    "KINDS",
    "LANGS",
    "MOBILE",
    "NARROW_320",
    "ROOT_PAGES",
    "VIEWPORTS",
    "ZOOM_200",
    "RequestLog",
    "axe_problems",
    "broken_links",
    "html_files",
    "pages_by_kind",
    "stored",
    "vnu_problems",
    "without_scripts",
]


def pages_by_kind(build_dir: str, langs: list[str] = LANGS) -> dict[str, dict[str, str]]:
    """{lang: {kind: url relative to the site root}} of the sample's languages (torv.check.pages_by_kind)."""
    return check.pages_by_kind(build_dir, langs)


def vnu_problems(paths: list[str], base: str) -> list[str]:
    """Errors of the W3C Nu HTML validator (vnu.jar from this repository's node_modules)."""
    return check.vnu_problems(paths, base, VNU_JAR)


# ---------------------------------------------------------------- keyboard, focus, reflow

FOCUSED_JS = """() => {
  const e = document.activeElement;
  if (!e || e === document.body) return null;
  document.getAnimations().forEach(a => a.finish());  // transitions, like the skip link's fade-in or a closing panel
  const r = e.getBoundingClientRect(), cs = getComputedStyle(e);
  const x = Math.min(Math.max(r.left + r.width / 2, 0), innerWidth - 1),
        y = Math.min(Math.max(r.top + r.height / 2, 0), innerHeight - 1);
  const top = document.elementFromPoint(x, y);
  return {tag: e.tagName.toLowerCase(), cls: String(e.className || ''),
          text: (e.innerText || e.getAttribute('aria-label')
                 || e.getAttribute('title') || '').trim().slice(0, 40), href: e.getAttribute('href') || '',
          visible: r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0 && r.top < innerHeight
                   && r.left < innerWidth && cs.visibility !== 'hidden' && parseFloat(cs.opacity) > 0,
          covered: !(top && (top === e || e.contains(top) || top.contains(e))),
          outline: cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 2 ? cs.outlineWidth : ''};
}"""


def describe(el: dict) -> str:
    return f'<{el["tag"]} class="{el["cls"][:40]}"> {el["text"] or el["href"]}'.strip()


def focus_problems(page, stops: int = 40, from_top: bool = True, covered: bool = False) -> list[str]:
    """Tab through the page (from the top, or from where the focus is): every element that takes the
    focus must be on screen and show a focus outline of at least 2px; with `covered`, it must also be
    the topmost thing where it is (used for the open menu: Material's sticky sidebars, resized by its
    script as the page scrolls, can overlap a footer link for a moment, invisibly)."""
    out = []
    if from_top:
        page.evaluate("() => { document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0); }")
    seen = 0
    for _ in range(stops):
        page.keyboard.press("Tab")
        el = page.evaluate(FOCUSED_JS)
        if el is None:  # past the last element
            break
        seen += 1
        if not el["visible"]:
            out.append(f"focus on an element that cannot be seen: {describe(el)}")
        elif covered and el["covered"]:
            out.append(f"focus on an element covered by another: {describe(el)}")
        elif not el["outline"]:
            out.append(f"no visible focus indicator: {describe(el)}")
    if seen == 0:
        out.append("nothing on the page takes the keyboard's focus")
    return out


OVERFLOW_JS = """() => {
  const w = document.documentElement.clientWidth, out = [];
  const wide = document.documentElement.scrollWidth;
  if (wide > w + 1) out.push(`the page is ${wide}px wide in a ${w}px window`);
  const scrolls = el => { for (let p = el.parentElement; p; p = p.parentElement) {
      const o = getComputedStyle(p).overflowX; if (o === 'auto' || o === 'scroll') return true; } return false; };
  for (const el of document.querySelectorAll('main *, article *, body > main, .md-header *, .md-footer *')) {
    const r = el.getBoundingClientRect(), cs = getComputedStyle(el);
    if (r.width === 0 || r.height === 0 || cs.visibility === 'hidden' || cs.position === 'fixed') continue;
    if ((r.right > w + 1 || r.left < -1) && !scrolls(el)
        && !el.closest('.md-sidebar, .md-search, .md-select__inner, .md-skip, .torv-visually-hidden')) {
      const tag = `<${el.tagName.toLowerCase()} class="${String(el.className).slice(0, 40)}">`;
      out.push(`${tag} reaches ${Math.round(r.left)}..${Math.round(r.right)}px`);
    }
  }
  return out.slice(0, 10);
}"""


def overflow_problems(page) -> list[str]:
    """WCAG 1.4.10 Reflow: nothing makes the page scroll sideways or sticks out of the window (content
    in its own scrolling box, like a wide table, is allowed)."""
    return page.evaluate(OVERFLOW_JS)


# ---------------------------------------------------------------- search

WORD = re.compile(r"[^\W\d_]{8,}")


def unique_word(site_dir: str, lang: str) -> tuple[str, str]:
    """(word, page) for a word that only one page of the language contains, and no page of another
    language: searching for it must find that page."""
    docs = {lg: search_index(site_dir, lg)["docs"] for lg in LANGS}
    elsewhere: set[str] = set()
    for lg in LANGS:
        if lg != lang:
            for d in docs[lg]:
                elsewhere.update(w.lower() for w in WORD.findall(d["title"] + " " + d["text"]))
    pages_with: dict[str, set] = {}
    for d in docs[lang]:
        for w in WORD.findall(d["title"] + " " + d["text"]):
            pages_with.setdefault(w.lower(), set()).add(d["location"].split("#")[0])
    for word in sorted(pages_with):
        if (
            len(pages_with[word]) == 1
            and word not in elsewhere
            and not any(word != w and (w.startswith(word[:6]) or word.startswith(w[:6])) for w in pages_with)
        ):
            return word, next(iter(pages_with[word]))
    raise AssertionError(f"no word found only on one {lang} page")
