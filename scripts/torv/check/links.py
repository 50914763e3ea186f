"""Links and anchors: every internal link, stylesheet, script, picture, search result and sitemap address of the built
site leads to a file that exists, and every #anchor to an element on that page."""

from __future__ import annotations

import glob
import json
import os
import posixpath
import urllib.parse

from .html import html_files

# A language's search index, relative to its folder: Material's ("docs") and Zensical's ("items").
SEARCH_INDEXES = (os.path.join("search", "search_index.json"), "search.json")
_LINK_ATTRS = (
    ("a", "href"),
    ("link", "href"),
    ("script", "src"),
    ("img", "src"),
    ("source", "src"),
    ("iframe", "src"),
    ("form", "action"),
)


def _ids(path: str, cache: dict) -> set:
    if path not in cache:
        from lxml import html as lhtml

        with open(path, "rb") as fh:
            doc = lhtml.fromstring(fh.read())
        cache[path] = {e.get("id") for e in doc.iter() if isinstance(e.tag, str) and e.get("id")} | {
            e.get("name") for e in doc.iter("a") if e.get("name")
        }
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
    other addresses on the same host (the municipality's other pages) are not the site's. A webcal: link (a
    calendar to subscribe to) is checked as the same address over http(s)."""
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
        if u.scheme == "webcal" and public:  # a calendar to subscribe to: the same file as over http(s)
            u = u._replace(scheme=public.scheme)
        if u.scheme or u.netloc:
            if not public or (u.scheme, u.netloc) != (public.scheme, public.netloc):
                return  # another site: not checked (the tests run offline)
            if not (u.path or "/").startswith(prefix):
                return
            path = "/" + (u.path or "/")[len(prefix) :]
            if path != "/" and path.lstrip("/").split("/")[0] not in tops:
                return  # the host's other pages, outside this site
        elif u.path.startswith("/"):
            # from the host's root: the site is at site_url's path (/repo/ of a project site)
            if not u.path.startswith(prefix):
                out.append(f"{src_rel}: {what} {ref}: outside the site, whose addresses start with {prefix}")
                return
            path = "/" + u.path[len(prefix) :]
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
            out.append(f'{src_rel}: {what} {ref}: no element with id "{frag}" on {os.path.relpath(target, site_dir)}')

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
    for name in SEARCH_INDEXES:
        for index in glob.glob(os.path.join(site_dir, "*", name)):
            lang_root = "/" + os.path.relpath(index, site_dir).split(os.sep)[0] + "/"
            with open(index, encoding="utf-8") as index_file:
                found = json.load(index_file)
            for doc in found.get("docs") or found.get("items") or []:
                check(
                    os.path.relpath(index, site_dir), lang_root + "index.html", doc["location"] or "./", "search result"
                )
    for sitemap in glob.glob(os.path.join(site_dir, "**", "sitemap.xml"), recursive=True):
        rel = os.path.relpath(sitemap, site_dir)
        for loc in etree.parse(sitemap).iter("{*}loc"):
            check(rel, "/" + rel, loc.text or "", "sitemap <loc>")
    return out
