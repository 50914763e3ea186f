"""The live preview's builds, keyed by content hashes: only the languages whose files changed are rendered again.

The first build renders every language (in parallel, as `torv build` does) with the site's renderer. After a
save, every language is compiled again (fast) and its files compared, by hash, with the last good build's: a
language with no changed file is left as it is; a language whose configuration, or the theme (overrides/,
mkdocs.yml), changed is rendered again whole; otherwise only its changed files are written and, with Material,
MkDocs renders just those pages (its dirty build, in this process, into the served folder) and the language's
search index is merged. Zensical has no such build (its command renders a whole project; only its cache makes
that faster), so with Zensical a changed language is rendered again whole. Every page rendered is finished
(theme fixes, content sanitised, CSP: finish/run.py) before it is served: a language rendered whole is finished
in the build tree and swapped in atomically (publish.py), under the build lock of the preview's tree.
Content with errors changes nothing: the last good preview stays served.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import os
import secrets
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from . import publish, render
from .build import (
    Log,
    clear_tree,
    picture_cache,
    preview_paths,
    render_finished,
    renderers,
    write_files,
    write_root_files,
)
from .compile import Compiler, Copy
from .finish.run import finish_language
from .rootpages import root_files
from .settings import ConfigError
from .site import load_site

THEME = ("overrides", "mkdocs.yml")  # a change here renders every language again
SEARCH_INDEX = os.path.join("search", "search_index.json")
DIRTY_WARNING = "A 'dirty' build is being performed"  # MkDocs says so on every dirty build


@dataclass
class Outcome:
    """What one build did: its exit code and, per language, the pages rendered again (None: all of them)."""

    code: int
    rendered: dict[str, list[str] | None] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)  # validate, compile, render

    def summary(self) -> str:
        if not self.rendered:
            return "Nothing changed: the preview is as it was."
        parts = []
        for lang, pages in self.rendered.items():
            if pages is None:
                parts.append(f"{lang} (all pages)")
            else:
                shown = ", ".join(pages[:3]) + (f" and {len(pages) - 3} more" if len(pages) > 3 else "")
                parts.append(f"{lang} ({len(pages)} page{'s' if len(pages) != 1 else ''}: {shown})")
        times = ", ".join(f"{what} {s:.2f} s" for what, s in self.seconds.items())
        return "Rebuilt " + "; ".join(parts) + (f" ({times})." if times else ".")


def digest(content: str | Copy) -> str:
    if isinstance(content, Copy):
        stat = os.stat(content.source)
        return f"copy {content.source} {content.width} {content.format} {stat.st_mtime_ns} {stat.st_size}"
    return hashlib.blake2b(content.encode("utf-8"), digest_size=16).hexdigest()


def theme_digest(root: str) -> str:
    """One hash of the theme: every file below overrides/ (name, time, size) and mkdocs.yml's text."""
    h = hashlib.blake2b(digest_size=16)
    for name in THEME:
        path = os.path.join(root, name)
        if os.path.isfile(path):
            with open(path, "rb") as fh:
                h.update(fh.read())
        for folder, dirs, files in os.walk(path):
            dirs.sort()
            for f in sorted(files):
                stat = os.stat(os.path.join(folder, f))
                h.update(f"{folder}/{f} {stat.st_mtime_ns} {stat.st_size}\n".encode())
    return h.hexdigest()


def page_url(docs_path: str) -> str:
    """The URL (folder form) MkDocs serves a docs-relative Markdown file at."""
    stem = docs_path[: -len(".md")]
    if stem == "index":
        return ""
    return stem[: -len("index")] if stem.endswith("/index") else stem + "/"


def output_of(site_dir: str, docs_path: str) -> str:
    return os.path.join(site_dir, page_url(docs_path), "index.html")


class PreviewBuilder:
    """The builds of one live preview: remembers, per language, the hash of every file of the last good build."""

    def __init__(self, root: str, today: dt.date | None = None, log: Log = print):
        self.root = os.path.abspath(root)
        self.today = today
        self.log = log
        self.tree, self.out = preview_paths(self.root)
        self.hashes: dict[str, dict[str, str]] = {}  # language -> build-relative path -> digest
        self.theme = ""
        self.search: dict[str, list[dict[str, str]]] = {}  # language -> its search index's entries
        self.renderer = render.MATERIAL
        # Marks the content region of every page (finish/sanitize.py). One for the preview's life: the build
        # configuration holds it, and a new one would render every language again; the markers never reach a
        # served page (the finishing pass removes them).
        self.nonce = secrets.token_hex(16)

    def build(self, first: Iterable[str] = (), rendered: Callable[[list[str]], None] = lambda langs: None) -> Outcome:
        """Build what changed. The languages in `first` (those of the saved files) are compiled and rendered
        before the others; `rendered(langs)` is called as soon as languages' new pages are served."""
        with publish.build_lock(self.tree, self.log):
            return self._build(first, rendered)

    def _build(self, first: Iterable[str], rendered: Callable[[list[str]], None]) -> Outcome:
        start = time.perf_counter()
        try:
            site, report = load_site(self.root, today=self.today)
        except ConfigError as exc:
            self.log(exc.report.render())
            return Outcome(2)
        if report.errors:
            self.log(report.render())
            self.log(f"Nothing was built: fix the {report.errors} error(s) above. The previous preview is unchanged.")
            return Outcome(1)
        if report.warnings:
            self.log(report.render())
        try:
            chosen = render.renderer(site.settings.renderer)
        except render.RendererMissing as exc:
            self.log(f"Nothing was built: {exc}. The previous preview is unchanged.")
            return Outcome(2)
        outcome = Outcome(0, seconds={"validation": time.perf_counter() - start, "compile": 0.0, "render": 0.0})
        langs = list(site.settings.languages)
        theme = theme_digest(self.root)
        if theme != self.theme or chosen != self.renderer or not os.path.isdir(self.out):
            self.renderer = chosen
            self.hashes, self.search = {}, {}
            clear_tree(self.tree)
            # a language no longer configured is no longer served
            clear_tree(self.out, keep=[*langs, *root_files(site.settings, site.today)])
        os.makedirs(self.out, exist_ok=True)
        write_root_files(self.out, root_files(site.settings, site.today), self.nonce, chosen.script_styles)
        compiler = Compiler.of(
            site,
            preview=True,
            root_rel=os.path.relpath(self.root, self.tree).replace(os.sep, "/"),
            addresses_from_file=chosen.addresses_from_file,
            nonce=self.nonce,
        )
        cache = picture_cache(self.root)
        wanted = set(first)
        whole: dict[str, dict[str, str]] = {}  # language rendered whole -> its new hashes
        for lg in [lg for lg in langs if lg in wanted] + [lg for lg in langs if lg not in wanted]:
            began = time.perf_counter()
            files = compiler.language(lg)
            new = {rel: digest(content) for rel, content in files.items()}
            old = self.hashes.get(lg)
            config = compiler.routes.config_file(lg)
            if old is None or old.get(config) != new[config] or not os.path.isdir(os.path.join(self.out, lg)):
                clear_tree(os.path.join(self.tree, lg))
                write_files(files, self.tree, cache)
                whole[lg] = new
                outcome.seconds["compile"] += time.perf_counter() - began
                continue
            changed = {rel: files[rel] for rel, h in new.items() if old.get(rel) != h}
            removed = [rel for rel in old if rel not in new]
            for rel in removed:
                self._remove(lg, rel)
            write_files(changed, self.tree, cache)
            for rel, content in changed.items():
                if isinstance(content, Copy):  # newer than its served copy, so MkDocs' dirty build copies it
                    os.utime(os.path.join(self.tree, rel))
            pages = [rel.split("/docs/", 1)[1] for rel in [*changed, *removed] if rel.endswith(".md")]
            compiled = time.perf_counter()
            outcome.seconds["compile"] += compiled - began
            if (changed or removed) and chosen.name != "material":  # no dirty build: the language whole
                whole[lg] = new
                continue
            if changed or removed:
                if not self._render_dirty(lg, pages):
                    return Outcome(1)
                outcome.rendered[lg] = [page_url(p) or "/" for p in pages]
                outcome.seconds["render"] += time.perf_counter() - compiled
            self.hashes[lg] = new
            if changed or removed:
                rendered([lg])
        if whole:
            began = time.perf_counter()
            if not self._render_whole(list(whole)):
                return Outcome(1)
            outcome.seconds["render"] += time.perf_counter() - began
            for lg, new in whole.items():
                self.hashes[lg] = new
                outcome.rendered[lg] = None
            rendered(list(whole))
        self.theme = theme
        marked = sum(1 for e in site.unpublished if e.kind == "news" and e.state in ("draft", "scheduled"))
        self.log(f"{outcome.summary()} Preview: {marked} draft or scheduled item(s) shown with a notice.")
        return outcome

    # ---- rendering
    def _render_whole(self, langs: list[str]) -> bool:
        """Render languages whole (in parallel, as torv build does), each swapped into the served folder."""
        with ThreadPoolExecutor(max_workers=renderers(len(langs))) as pool:
            results = list(
                pool.map(
                    lambda lg: render_finished(
                        self.renderer, self.tree, lg, True, self.nonce, self.renderer.script_styles
                    ),
                    langs,
                )
            )
        ok = True
        for lg, rc, text in results:
            if rc != 0:
                self.log(f"[{lg}] the preview could not be built:\n{text}")
                self.hashes.pop(lg, None)
                ok = False
                continue
            if text:
                self.log(f"[{lg}] {text}")
            os.makedirs(self.out, exist_ok=True)
            served = os.path.join(self.out, lg)
            publish.recover(served)
            publish.publish(os.path.join(self.tree, lg, "site"), served)  # one atomic step
            self.search[lg] = read_search(os.path.join(self.out, lg))
        return ok

    def _render_dirty(self, lang: str, changed: list[str]) -> bool:
        """Render only the changed pages of a language into its served folder (MkDocs' dirty build, in this
        process: no interpreter to start), finish the pages it wrote, then merge its search index."""
        os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
        from mkdocs.commands.build import build as mkdocs_build
        from mkdocs.config import load_config

        site_dir = os.path.join(self.out, lang)
        before = html_times(site_dir)
        handler = _Collect()
        logger = logging.getLogger("mkdocs")
        logger.addHandler(handler)
        try:
            config = load_config(os.path.join(self.tree, f"mkdocs.{lang}.yml"), site_dir=site_dir, strict=False)
            mkdocs_build(config, dirty=True)
        except Exception as exc:  # a broken template: reported, the next save renders the language whole
            self.log(f"[{lang}] the preview could not be built: {exc}")
            self.hashes.pop(lang, None)
            return False
        finally:
            logger.removeHandler(handler)
        for message in handler.messages:
            self.log(f"[{lang}] {message}")
        after = html_times(site_dir)
        written = [path for path, t in after.items() if before.get(path) != t]
        finish_language(site_dir, lang, self.nonce, self.renderer.script_styles, written)
        rendered = {page_url(p) for p in changed}
        kept = [d for d in self.search.get(lang, []) if d.get("location", "").split("#")[0] not in rendered]
        fresh = read_search(site_dir)
        self.search[lang] = kept + [d for d in fresh if d.get("location", "").split("#")[0] in rendered]
        write_search(site_dir, self.search[lang])
        return True

    def _remove(self, lang: str, rel: str) -> None:
        """A file the build no longer makes: out of the build tree and, for a page, out of the served folder."""
        path = os.path.join(self.tree, rel)
        if os.path.isfile(path):
            os.remove(path)
        docs = rel.split("/docs/", 1)[1] if "/docs/" in rel else ""
        served = output_of(os.path.join(self.out, lang), docs) if docs.endswith(".md") else ""
        if docs and not docs.endswith(".md"):
            served = os.path.join(self.out, lang, docs)
        if served and os.path.isfile(served):
            os.remove(served)


class _Collect(logging.Handler):
    """MkDocs' warnings during an in-process build (but not its note that a build is dirty)."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        if DIRTY_WARNING not in message:
            self.messages.append(message)


def html_times(site_dir: str) -> dict[str, int]:
    """Every HTML page of a rendered language with the time it was last written (what a dirty build wrote is
    new, or newer: the changed pages, and the pages it writes every time, such as 404.html)."""
    times = {}
    for top, _, files in os.walk(site_dir):
        for name in files:
            if name.endswith(".html"):
                path = os.path.join(top, name)
                times[path] = os.stat(path).st_mtime_ns
    return times


def read_search(site_dir: str) -> list[dict[str, str]]:
    try:
        with open(os.path.join(site_dir, SEARCH_INDEX), encoding="utf-8") as fh:
            docs: list[dict[str, str]] = json.load(fh).get("docs", [])
            return docs
    except (OSError, ValueError):
        return []


def write_search(site_dir: str, docs: list[dict[str, str]]) -> None:
    path = os.path.join(site_dir, SEARCH_INDEX)
    try:
        with open(path, encoding="utf-8") as fh:
            data = json.load(fh)
    except (OSError, ValueError):
        return
    data["docs"] = docs
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as fh:
        json.dump(data, fh, ensure_ascii=False, separators=(",", ":"))
    os.replace(tmp, path)


__all__ = ["Outcome", "PreviewBuilder", "page_url"]
