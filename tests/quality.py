"""The quality gates as functions, shared by the tests that run them on the sample site (test_a11y.py,
test_privacy.py, test_html_valid.py, test_links.py) and by the tests that show each one fails when it
should (test_quality_gates_fail.py). Each check returns a list of problems as readable lines; empty = pass.
"""
from __future__ import annotations

import glob
import json
import os
import posixpath
import re
import shutil
import subprocess
import urllib.parse
from dataclasses import dataclass, field

import yaml

from conftest import ROOT
from renderers import SEARCH_INDEX, search_index

LANGS = ["da", "sv", "en"]
# One page of every type, in every language (the kind is what scripts/torv/pages/ writes in
# page.meta.torv.kind), plus Material's 404 of each language and the two pages at the root.
KINDS = ["home", "policy", "pillar", "news-index", "news", "meeting", "meetings", "tag", "contact", "page",
         "statement", "404"]
ROOT_PAGES = {"chooser": "index.html", "root-404": "404.html"}

DESKTOP = {"width": 1280, "height": 800}
MOBILE = {"width": 375, "height": 740}
VIEWPORTS = {"desktop": DESKTOP, "mobile": MOBILE}
# 200% zoom of a 1280 x 720 screen: the page lays out in 640 x 360 CSS pixels.
ZOOM_200 = {"viewport": {"width": 640, "height": 360}, "device_scale_factor": 2}
NARROW_320 = {"viewport": {"width": 320, "height": 640}, "device_scale_factor": 1}

AXE_OPTIONS = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]},
               "resultTypes": ["violations"]}
VNU_JAR = os.path.join(ROOT, "node_modules", "vnu-jar", "build", "dist", "vnu.jar")


# ---------------------------------------------------------------- which pages

def pages_by_kind(build_dir: str) -> dict[str, dict[str, str]]:
    """{lang: {kind: url relative to the site root}}: the first page (by address) of each kind, read from
    the front matter of the generated build tree."""
    out: dict[str, dict[str, str]] = {}
    for lang in LANGS:
        found: dict[str, str] = {"404": f"{lang}/404.html"}
        for path in sorted(glob.glob(os.path.join(build_dir, lang, "docs", "**", "*.md"), recursive=True)):
            with open(path, encoding="utf-8") as fh:
                m = re.match(r"^---\n(.*?)\n---\n", fh.read(), re.S)
            torv = (yaml.safe_load(m.group(1)) or {}).get("torv") if m else None
            if torv and torv.get("kind") in KINDS:
                url = f"{lang}/{torv['url']}"
                if torv["kind"] not in found or url < found[torv["kind"]]:
                    found[torv["kind"]] = url
        out[lang] = found
    return out


def html_files(site_dir: str) -> list[str]:
    return sorted(glob.glob(os.path.join(site_dir, "**", "*.html"), recursive=True))


# ---------------------------------------------------------------- axe-core

def axe_problems(page, context=None) -> list[str]:
    """axe-core's WCAG 2.1 A/AA and best-practice rules on the page as it is now."""
    from axe_playwright_python.sync_playwright import Axe
    result = Axe().run(page, context=context, options=AXE_OPTIONS)
    out = []
    for v in result.response["violations"]:
        # a target in a shadow root (Zensical's search dialog) is a list: host, then the path inside
        targets = "; ".join(" ".join(" >>> ".join(t) if isinstance(t, list) else t for t in n["target"])
                            for n in v["nodes"][:5])
        out.append(f"{v['id']} ({v['impact']}): {v['help']} [{len(v['nodes'])}x: {targets}]")
    return out


def without_scripts(page, url: str) -> None:
    """Load `url` as a visitor without JavaScript sees it (the root page's script redirects at once):
    the same bytes, served with a Content-Security-Policy that blocks the page's own scripts."""
    def handle(route):
        response = route.fetch()
        route.fulfill(response=response, headers={**response.headers, "content-security-policy": "script-src 'none'"})
    page.route(url, handle)
    try:
        page.goto(url)
    finally:
        page.unroute(url)


# ---------------------------------------------------------------- requests, cookies, storage

@dataclass
class RequestLog:
    """Every request a browser context makes (pages and their workers), and every response's status."""
    urls: list = field(default_factory=list)
    statuses: dict = field(default_factory=dict)

    def attach(self, context) -> "RequestLog":
        context.on("request", lambda r: self.urls.append(r.url))
        context.on("response", lambda r: self.statuses.__setitem__(r.url, r.status))
        return self

    def third_party(self, origin: str) -> list[str]:
        """Requests to anywhere but `origin` (like http://127.0.0.1:8000)."""
        own = urllib.parse.urlsplit(origin)
        out = []
        for url in self.urls:
            u = urllib.parse.urlsplit(url)
            if u.scheme in ("data", "blob", "about"):
                continue
            if (u.scheme, u.netloc) != (own.scheme, own.netloc):
                out.append(f"request to another host: {url}")
        return sorted(set(out))

    def failed(self) -> list[str]:
        return sorted(f"HTTP {status}: {url}" for url, status in self.statuses.items() if status >= 400)


STORAGE_JS = """async () => ({
  local: Object.keys(localStorage), session: Object.keys(sessionStorage),
  indexeddb: indexedDB.databases ? (await indexedDB.databases()).map(d => d.name) : [],
  caches: (await caches.keys())
})"""


def stored(context, page) -> list[str]:
    """Cookies in the context, and what the page's origin keeps in the browser."""
    out = [f"cookie {c['name']} ({c['domain']})" for c in context.cookies()]
    found = page.evaluate(STORAGE_JS)
    for kind, names in found.items():
        out += [f"{kind}: {name}" for name in names]
    return out


# ---------------------------------------------------------------- keyboard, focus, reflow

FOCUSED_JS = """() => {
  const e = document.activeElement;
  if (!e || e === document.body) return null;
  document.getAnimations().forEach(a => a.finish());  // transitions, like the skip link's fade-in or a closing panel
  const r = e.getBoundingClientRect(), cs = getComputedStyle(e);
  const x = Math.min(Math.max(r.left + r.width / 2, 0), innerWidth - 1), y = Math.min(Math.max(r.top + r.height / 2, 0), innerHeight - 1);
  const top = document.elementFromPoint(x, y);
  return {tag: e.tagName.toLowerCase(), cls: String(e.className || ''), text: (e.innerText || e.getAttribute('aria-label')
            || e.getAttribute('title') || '').trim().slice(0, 40), href: e.getAttribute('href') || '',
          visible: r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0 && r.top < innerHeight
                   && r.left < innerWidth && cs.visibility !== 'hidden' && parseFloat(cs.opacity) > 0,
          covered: !(top && (top === e || e.contains(top) || top.contains(e))),
          outline: cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 2 ? cs.outlineWidth : ''};
}"""


def describe(el: dict) -> str:
    return f"<{el['tag']} class=\"{el['cls'][:40]}\"> {el['text'] or el['href']}".strip()


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
        if el is None:        # past the last element
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
  if (document.documentElement.scrollWidth > w + 1) out.push(`the page is ${document.documentElement.scrollWidth}px wide in a ${w}px window`);
  const scrolls = el => { for (let p = el.parentElement; p; p = p.parentElement) {
      const o = getComputedStyle(p).overflowX; if (o === 'auto' || o === 'scroll') return true; } return false; };
  for (const el of document.querySelectorAll('main *, article *, body > main, .md-header *, .md-footer *')) {
    const r = el.getBoundingClientRect(), cs = getComputedStyle(el);
    if (r.width === 0 || r.height === 0 || cs.visibility === 'hidden' || cs.position === 'fixed') continue;
    if ((r.right > w + 1 || r.left < -1) && !scrolls(el) && !el.closest('.md-sidebar, .md-search, .md-select__inner, .md-skip, .torv-visually-hidden')) {
      out.push(`<${el.tagName.toLowerCase()} class="${String(el.className).slice(0, 40)}"> reaches ${Math.round(r.left)}..${Math.round(r.right)}px`);
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
    elsewhere = set()
    for lg in LANGS:
        if lg != lang:
            for d in docs[lg]:
                elsewhere.update(w.lower() for w in WORD.findall(d["title"] + " " + d["text"]))
    pages_with: dict[str, set] = {}
    for d in docs[lang]:
        for w in WORD.findall(d["title"] + " " + d["text"]):
            pages_with.setdefault(w.lower(), set()).add(d["location"].split("#")[0])
    for word in sorted(pages_with):
        if len(pages_with[word]) == 1 and word not in elsewhere and not any(
                word != w and (w.startswith(word[:6]) or word.startswith(w[:6])) for w in pages_with):
            return word, next(iter(pages_with[word]))
    raise AssertionError(f"no word found only on one {lang} page")



# ---------------------------------------------------------------- the W3C Nu HTML validator

def vnu_problems(paths: list[str], base: str) -> list[str]:
    """Errors of the W3C Nu HTML validator on the given files: one Java process for all of them."""
    java = shutil.which("java")
    if not java or not os.path.isfile(VNU_JAR):
        raise RuntimeError("the W3C validator needs Java and node_modules/vnu-jar: run `make test`, which "
                           "installs both (apt-get install default-jre-headless; npm ci)")
    proc = subprocess.run([java, "-Xss4m", "-jar", VNU_JAR, "--format", "json", "--skip-non-html", *paths],
                          capture_output=True, text=True)
    try:
        messages = json.loads(proc.stderr or proc.stdout)["messages"]
    except (ValueError, KeyError):
        raise RuntimeError(f"the W3C validator failed: {proc.stderr[-2000:]}") from None
    out = []
    for m in messages:
        if m["type"] in ("error", "non-document-error") or m.get("subType") == "fatal":
            rel = os.path.relpath(urllib.parse.unquote(urllib.parse.urlsplit(m.get("url", "")).path), base)
            out.append(f"{rel}:{m.get('lastLine', 0)}: {m['message']}")
    return out


# ---------------------------------------------------------------- links and anchors

_LINK_ATTRS = (("a", "href"), ("link", "href"), ("script", "src"), ("img", "src"), ("source", "src"),
               ("iframe", "src"), ("form", "action"))


def _ids(path: str, cache: dict) -> set:
    if path not in cache:
        from lxml import html as lhtml
        with open(path, "rb") as fh:
            doc = lhtml.fromstring(fh.read())
        cache[path] = {e.get("id") for e in doc.iter() if isinstance(e.tag, str) and e.get("id")} | \
                      {e.get("name") for e in doc.iter("a") if e.get("name")}
    return cache[path]


def _target(site_dir: str, url_path: str) -> str | None:
    """The file a site path (like /da/politik/) is served from, or None."""
    full = os.path.join(site_dir, url_path.lstrip("/"))
    if url_path.endswith("/") or os.path.isdir(full):
        full = os.path.join(full, "index.html")
    return full if os.path.isfile(full) else None


def broken_links(site_dir: str, site_url: str = "") -> list[str]:
    """Every internal link, anchor, stylesheet, script and picture of every page, every address in the
    search indexes and sitemaps: the file must exist and the #anchor must be an id on that page.
    Full addresses at the site's public address (site_url: canonical, hreflang, sitemaps, links in the
    text) count as internal when they lead into the site: a language's folder or a file at its root;
    other addresses on the same host (the municipality's other pages) are not the site's."""
    from lxml import etree
    from lxml import html as lhtml
    public = urllib.parse.urlsplit(site_url) if site_url else None
    prefix = (public.path.rstrip("/") + "/") if public else "/"
    tops = set(os.listdir(site_dir))
    ids: dict = {}
    out = []

    def check(src_rel: str, base_path: str, ref: str, what: str):
        ref = ref.strip()
        if not ref or ref.startswith(("mailto:", "tel:", "javascript:", "data:")):
            return
        u = urllib.parse.urlsplit(ref)
        if u.scheme or u.netloc:
            if not public or (u.scheme, u.netloc) != (public.scheme, public.netloc):
                return                          # another site: not checked (the tests run offline)
            if not (u.path or "/").startswith(prefix):
                return
            path = "/" + (u.path or "/")[len(prefix):]
            if path != "/" and path.lstrip("/").split("/")[0] not in tops:
                return                          # the host's other pages, outside this site
        else:
            path = posixpath.normpath(posixpath.join(posixpath.dirname(base_path), u.path)) if u.path else base_path
            if u.path.endswith("/") and not path.endswith("/"):
                path += "/"
        if not path.startswith("/"):
            path = "/" + path
        target = _target(site_dir, urllib.parse.unquote(path))
        if target is None:
            out.append(f"{src_rel}: {what} {ref}: no such page or file")
            return
        frag = urllib.parse.unquote(u.fragment)
        if frag and target.endswith(".html") and frag not in _ids(target, ids):
            out.append(f"{src_rel}: {what} {ref}: no element with id \"{frag}\" on {os.path.relpath(target, site_dir)}")

    for path in html_files(site_dir):
        rel = os.path.relpath(path, site_dir).replace(os.sep, "/")
        base_path = "/" + rel
        with open(path, "rb") as fh:
            doc = lhtml.fromstring(fh.read())
        base = doc.find(".//base")
        if base is not None and base.get("href"):
            base_path = posixpath.join(posixpath.dirname(base_path), base.get("href"))
        for tag, attr in _LINK_ATTRS:
            for el in doc.iter(tag):
                if el.get(attr) is not None:
                    check(rel, base_path, el.get(attr), f"<{tag} {attr}>")
        for el in doc.xpath("//*[@srcset]"):
            for cand in el.get("srcset").split(","):
                if cand.strip():
                    check(rel, base_path, cand.split()[0], "srcset")
        for el in doc.xpath("//meta[@property='og:url' or @property='og:image']"):
            check(rel, base_path, el.get("content", ""), f"<meta {el.get('property')}>")
    # Search results and sitemaps link to pages too.
    for renderer, name in SEARCH_INDEX.items():
        for index in glob.glob(os.path.join(site_dir, "*", name)):
            lang = os.path.relpath(index, site_dir).split(os.sep)[0]
            for doc in search_index(site_dir, lang, renderer)["docs"]:
                check(os.path.relpath(index, site_dir), f"/{lang}/index.html", doc["location"] or "./", "search result")
    for sitemap in glob.glob(os.path.join(site_dir, "**", "sitemap.xml"), recursive=True):
        rel = os.path.relpath(sitemap, site_dir)
        for loc in etree.parse(sitemap).iter("{*}loc"):
            check(rel, "/" + rel, loc.text or "", "sitemap <loc>")
    return out
