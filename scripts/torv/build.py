"""The build: validate -> generate the build tree -> render each language -> finish -> swap into site/.

If validation or any renderer fails, `site/` stays exactly as it was: the new site is assembled in a
temporary folder next to it, finished, and swapped in only at the end, in one atomic step (publish.py).
One build at a time per folder; a fault of the machine (a full disk, a read-only or another user's folder)
ends in one sentence and exit code 2 (faults.py).
"""
from __future__ import annotations

import datetime as dt
import os
import secrets
import shutil
import tempfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from . import faults, publish, render
from .compile import Copy, compile_site
from .finish.run import finish_site
from .finish.sanitize import UnmarkedContent
from .pictures import place, render_all
from .rootpages import root_files
from .settings import ConfigError
from .site import Site, load_site

# The live preview (`make serve`) builds in its own folder below build/, which a production
# build leaves alone: build/preview/tree/ (generated pages) and build/preview/site/ (served).
PREVIEW_DIR = os.path.join("build", "preview")
# Smaller copies of pictures, by the original's content hash: kept between builds (build/pictures/).
PICTURE_CACHE = "pictures"


def preview_paths(root: str) -> tuple[str, str]:
    """(build tree, output folder) of the live preview of the repository at root."""
    base = os.path.join(os.path.abspath(root), PREVIEW_DIR)
    return os.path.join(base, "tree"), os.path.join(base, "site")


def write_tree(files: dict, build_dir: str, keep: tuple = (), cache: str | None = None) -> None:
    """Replace the build tree with the generated files (entries named in `keep` stay); pictures made smaller come
    from `cache` (build/cache/pictures/) when they were made before, and are made there when not."""
    if os.path.isdir(build_dir):
        for name in os.listdir(build_dir):
            if name in keep:
                continue
            path = os.path.join(build_dir, name)
            if os.path.isdir(path) and not os.path.islink(path):
                shutil.rmtree(path)
            else:
                os.remove(path)
    made: list[tuple[Copy, str]] = []
    for rel, content in files.items():
        path = os.path.join(build_dir, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        if isinstance(content, Copy) and content.width:
            made.append((content, path))
        elif isinstance(content, Copy):
            shutil.copyfile(content.source, path)
        else:
            with open(path, "w", encoding="utf-8", newline="\n") as fh:
                fh.write(content)
    _make_pictures(made, cache)


def _make_pictures(made: list[tuple[Copy, str]], cache: str | None) -> None:
    """The smaller copies of pictures: each picture read once, each copy made once (build/pictures/ keeps them for
    the next build) and placed in every language's folder."""
    if not made:
        return
    if cache is None:
        cache = tempfile.mkdtemp(prefix="torv-pictures-")
    by_source: dict[str, dict[tuple, list[str]]] = {}
    for c, path in made:
        by_source.setdefault(c.source, {}).setdefault((c.width, c.format), []).append(path)

    def one(source: str) -> None:
        wanted = by_source[source]
        cached = render_all(source, list(wanted), cache)
        for key, paths in wanted.items():
            for path in paths:
                place(cached[key], path)

    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        list(pool.map(one, by_source))


@dataclass(frozen=True)
class Folders:
    """Where a build writes: its build tree (what it keeps there), the site it publishes, and how messages
    name the site it leaves unchanged."""
    build_dir: str
    out: str
    keep: tuple[str, ...]
    previous: str


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
        keep: tuple[str, ...] = ()
    else:
        build_dir, default_out = os.path.join(root, "build"), os.path.join(root, "site")
        keep = (os.path.basename(PREVIEW_DIR), os.path.basename(PICTURE_CACHE))
    out = os.path.abspath(out or default_out)
    where = Folders(build_dir, out, keep, "preview" if preview else f"{os.path.basename(out)}/")
    try:
        faults.check_writable([build_dir, os.path.dirname(out), out])
        with publish.build_lock(build_dir, log):
            publish.recover(out)
            return _build(root, today, strict, log, preview, renderer, where)
    except OSError as exc:
        log(faults.sentence(exc, root, where.previous))
        return 2


def _build(root: str, today: dt.date | None, strict: bool, log, preview: bool, renderer: str | None,
           where: Folders) -> int:
    build_dir, out, previous = where.build_dir, where.out, where.previous
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
    nonce = secrets.token_hex(16)  # marks the content region of every page (finish/sanitize.py)
    files = compile_site(site, preview=preview, root_rel=os.path.relpath(root, build_dir).replace(os.sep, "/"),
                         addresses_from_file=chosen.addresses_from_file, nonce=nonce)
    write_tree(files, build_dir, where.keep, cache=os.path.join(root, "build", PICTURE_CACHE))
    langs = site.settings.languages
    with ThreadPoolExecutor(max_workers=len(langs)) as pool:
        results = list(pool.map(lambda lg: render.render_language(chosen, build_dir, lg, strict), langs))
    failed = [(lg, text) for lg, rc, text in results if rc != 0]
    for lg, rc, text in results:
        if text and rc == 0:
            log(f"[{lg}] {text}")
    if failed:
        fault = faults.in_output("\n".join(text for _, text in failed))
        if fault is not None:
            raise fault
        for lg, text in failed:
            log(f"[{lg}] the site could not be built:\n{text}")
        log(f"Nothing was published: the previous {previous} is unchanged.")
        return 1
    try:
        _publish(site, build_dir, out, nonce, chosen.script_styles)
    except UnmarkedContent as exc:
        log(f"The site could not be finished: {exc} (a fault of the templates in overrides/). "
            f"Nothing was published: the previous {previous} is unchanged.")
        return 1
    log(summary(site, out, preview))
    return 0


def _publish(site: Site, build_dir: str, out: str, nonce: str, script_styles: tuple[str, ...]) -> None:
    """Assemble the rendered languages and the root pages next to `out`, finish every page, swap it in."""
    tmp = publish.new_folder(out)
    try:
        for lg in site.settings.languages:
            shutil.move(os.path.join(build_dir, lg, "site"), os.path.join(tmp, lg))
        for name, text in root_files(site.settings, site.today).items():
            with open(os.path.join(tmp, name), "w", encoding="utf-8", newline="\n") as fh:
                fh.write(text)
        finish_site(tmp, site.settings.languages, nonce, script_styles)  # theme fixes, content sanitised, CSP
        publish.publish(tmp, out)  # one atomic step: site/ is the old or the new complete site
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise


def summary(site: Site, out: str, preview: bool) -> str:
    langs = site.settings.languages
    pages = sum(1 for _, _, fs in os.walk(out) for f in fs if f.endswith(".html"))
    if preview:
        marked = sum(1 for e in site.unpublished if e.kind == "news" and e.state in ("draft", "scheduled"))
        status = f"preview: {marked} draft or scheduled item(s) shown with a notice"
    else:
        status = f"{len(site.unpublished)} item(s) not published (drafts, scheduled or invalid)"
    return (f"Built {os.path.relpath(out, os.getcwd())}/ in {len(langs)} languages "
            f"({', '.join(langs)}): {pages} HTML pages; {status}.")


__all__ = ["build", "write_tree", "preview_paths"]
