"""The build: validate -> generate the build tree -> render each language -> finish -> swap into site/.

If validation or any renderer fails, `site/` stays exactly as it was: the new site is
assembled in a temporary folder next to it and swapped in only at the end.
"""
from __future__ import annotations

import datetime as dt
import html
import json
import os
import shutil
import tempfile
from concurrent.futures import ThreadPoolExecutor

from . import i18n, render
from .content import ConfigError, Site, load_site
from .finish import theme
from .generate import Copy, generate
from .problems import Report


class BuildError(Exception):
    pass


# The live preview (`make serve`) builds in its own folder below build/, which a production
# build leaves alone: build/preview/tree/ (generated pages) and build/preview/site/ (served).
PREVIEW_DIR = os.path.join("build", "preview")


def preview_paths(root: str) -> tuple[str, str]:
    """(build tree, output folder) of the live preview of the repository at root."""
    base = os.path.join(os.path.abspath(root), PREVIEW_DIR)
    return os.path.join(base, "tree"), os.path.join(base, "site")


def write_tree(files: dict, build_dir: str, keep: tuple = ()) -> None:
    """Replace the build tree with the generated files (entries named in `keep` stay)."""
    if os.path.isdir(build_dir):
        for name in os.listdir(build_dir):
            if name in keep:
                continue
            path = os.path.join(build_dir, name)
            if os.path.isdir(path) and not os.path.islink(path):
                shutil.rmtree(path)
            else:
                os.remove(path)
    for rel, content in files.items():
        path = os.path.join(build_dir, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        if isinstance(content, Copy):
            shutil.copyfile(content.source, path)
        else:
            with open(path, "w", encoding="utf-8", newline="\n") as fh:
                fh.write(content)


def root_pages(site: Site) -> dict[str, str]:
    """Language chooser (index.html), a 404 for every language, sitemap index, robots.txt."""
    s = site.settings
    langs = s.languages
    names = s.language_names
    chooser_links = "\n".join(
        f'      <li><a href="{lg}/" hreflang="{lg}" lang="{lg}">{html.escape(names.get(lg, lg))}</a></li>'
        for lg in langs)
    title = " / ".join(html.escape(s.municipality[lg]) for lg in dict.fromkeys(langs))
    heading = html.escape(s.municipality[s.default_language])
    choose = " · ".join(f'<span lang="{lg}">{html.escape(i18n.strings(lg)["language.choose"])}</span>' for lg in langs)
    alternates = "\n".join(f'  <link rel="alternate" hreflang="{lg}" href="{s.site_url}{lg}/">' for lg in langs)
    if s.site_url:
        alternates += f'\n  <link rel="alternate" hreflang="x-default" href="{s.site_url}">'
    script = ("(function(){var l=" + json.dumps(langs) + ",d=" + json.dumps(s.default_language) +
              ",p=(navigator.languages||[navigator.language||'']);"
              "for(var i=0;i<p.length;i++){var c=(p[i]||'').toLowerCase().split('-')[0];"
              "if(c==='nb'||c==='nn'||c==='no'){c=l.indexOf('no')>=0?'no':c}"
              "if(l.indexOf(c)>=0){location.replace(c+'/');return}}location.replace(d+'/')})();")
    style = ("body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;margin:0;padding:2rem 1rem;"
             "color:#1a1a1a;background:#fff;line-height:1.5}main{max-width:32rem;margin:0 auto}"
             "h1{font-size:1.6rem}ul{list-style:none;padding:0}li{margin:.75rem 0}"
             "a{color:#0b5394;font-size:1.25rem;text-decoration:underline}a:focus{outline:3px solid #0b5394;outline-offset:2px}")
    index = f"""<!doctype html>
<html lang="{s.default_language}">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width,initial-scale=1">
  <title>{title}</title>
  <meta name="description" content="{heading}">
{alternates}
  <style>{style}</style>
  <script>{script}</script>
</head>
<body>
  <main>
    <h1>{heading}</h1>
    <p>{choose}</p>
    <ul>
{chooser_links}
    </ul>
  </main>
</body>
</html>
"""
    blocks = "\n".join(
        f'    <section lang="{lg}"><h2>{html.escape(i18n.strings(lg)["notfound.title"])}</h2>'
        f'<p><a href="/{lg}/">{html.escape(i18n.strings(lg)["notfound.text"])}</a></p></section>'
        for lg in langs)
    # GitHub Pages serves /404.html for every missing path; show the visitor's language first.
    nf_script = ("(function(){var m=location.pathname.match(/\\/(" + "|".join(langs) + ")\\//);"
                 "if(!m)return;var s=document.querySelector('section[lang='+m[1]+']');"
                 "if(s){s.parentNode.insertBefore(s,s.parentNode.firstChild);document.documentElement.lang=m[1]}})();")
    notfound = f"""<!doctype html>
<html lang="{s.default_language}">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width,initial-scale=1">
  <meta name="robots" content="noindex">
  <title>404 - {heading}</title>
  <style>{style} section{{margin-bottom:2rem}}</style>
</head>
<body>
  <main>
    <h1>404</h1>
{blocks}
  </main>
  <script>{nf_script}</script>
</body>
</html>
"""
    pages = {"index.html": index, "404.html": notfound, ".nojekyll": ""}
    if s.site_url:
        today = site.today.isoformat()
        entries = "".join(f"  <sitemap><loc>{s.site_url}{lg}/sitemap.xml</loc><lastmod>{today}</lastmod></sitemap>\n"
                          for lg in langs)
        pages["sitemap.xml"] = ('<?xml version="1.0" encoding="UTF-8"?>\n'
                                '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
                                f"{entries}</sitemapindex>\n")
        pages["robots.txt"] = f"User-agent: *\nAllow: /\nSitemap: {s.site_url}sitemap.xml\n"
    if s.cname:
        pages["CNAME"] = s.cname + "\n"     # GitHub Pages' custom domain (extra.torv.cname)
    return pages


def build(root: str, today: dt.date | None = None, out: str | None = None, strict: bool = True,
          log=print, preview: bool = False, renderer: str | None = None) -> int:
    """Return 0 on success, 1 on content or build errors, 2 on a configuration problem.

    `preview=True` (only for `make serve`) also shows drafts and scheduled items, each with a
    notice, and builds in build/preview/ (output build/preview/site/ unless `out` is given).
    `renderer`: "material" or "zensical" (default: the setting extra.torv.renderer, else Material).
    """
    root = os.path.abspath(root)
    if preview:
        build_dir, default_out = preview_paths(root)
        keep: tuple = ()
    else:
        build_dir, default_out = os.path.join(root, "build"), os.path.join(root, "site")
        keep = (os.path.basename(PREVIEW_DIR),)
    out = os.path.abspath(out or default_out)
    previous = "preview" if preview else f"{os.path.basename(out)}/"
    try:
        site, report = load_site(root, today=today)
    except ConfigError as exc:
        log(exc.report.render())
        return 2
    if report.errors:
        log(report.render())
        log(f"Nothing was built: fix the {report.errors} error(s) above. The previous {previous} is unchanged.")
        return 1
    if report.warnings:
        log(report.render())
    try:
        chosen = render.renderer(renderer or site.settings.renderer)
    except render.RendererMissing as exc:
        log(f"Nothing was built: {exc}. The previous {previous} is unchanged.")
        return 2
    files = generate(site, preview=preview, root_rel=os.path.relpath(root, build_dir).replace(os.sep, "/"))
    write_tree(files, build_dir, keep)
    langs = site.settings.languages
    with ThreadPoolExecutor(max_workers=len(langs)) as pool:
        results = list(pool.map(lambda lg: render.render_language(chosen, build_dir, lg, strict), langs))
    failed = [(lg, text) for lg, rc, text in results if rc != 0]
    for lg, rc, text in results:
        if text and rc == 0:
            log(f"[{lg}] {text}")
    if failed:
        for lg, text in failed:
            log(f"[{lg}] the site could not be built:\n{text}")
        log(f"Nothing was published: the previous {previous} is unchanged.")
        return 1
    for lg in langs:
        theme.finish_folder(os.path.join(build_dir, lg, "site"), theme.Texts.of(i18n.strings(lg)))
    parent = os.path.dirname(out)
    os.makedirs(parent, exist_ok=True)
    tmp = tempfile.mkdtemp(prefix=".site-new-", dir=parent)
    try:
        for lg in langs:
            shutil.move(os.path.join(build_dir, lg, "site"), os.path.join(tmp, lg))
        for name, text in root_pages(site).items():
            with open(os.path.join(tmp, name), "w", encoding="utf-8", newline="\n") as fh:
                fh.write(text)
        old = None
        if os.path.exists(out):
            old = out + ".old"
            if os.path.exists(old):
                shutil.rmtree(old)
            os.replace(out, old)
        os.replace(tmp, out)
        if old:
            shutil.rmtree(old, ignore_errors=True)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    pages = sum(1 for _, _, fs in os.walk(out) for f in fs if f.endswith(".html"))
    if preview:
        marked = sum(1 for e in site.unpublished if e.kind == "news" and e.state in ("draft", "scheduled"))
        status = f"preview: {marked} draft or scheduled item(s) shown with a notice"
    else:
        status = f"{len(site.unpublished)} item(s) not published (drafts, scheduled or invalid)"
    log(f"Built {os.path.relpath(out, os.getcwd())}/ in {len(langs)} languages "
        f"({', '.join(langs)}): {pages} HTML pages; {status}.")
    return 0


__all__ = ["build", "write_tree", "root_pages", "preview_paths", "BuildError", "Report"]
