"""The build: validate -> compile a language -> render it (while the next is compiled) -> finish -> swap into site/.

If validation or any renderer fails, `site/` stays exactly as it was: the new site is assembled in a
temporary folder next to it and swapped in only at the end, in one atomic step (publish.py). Each language is
finished (theme fixes, content sanitised, CSP: finish/run.py) as soon as it is rendered. One build at a time
per folder; a fault of the machine (a full disk, a read-only or another user's folder) ends in one sentence
and exit code 2 (faults.py). `languages` builds some languages only, each into its own folder below `out`,
without the root pages: `assemble` puts such shards together (CI can build the languages of a large archive
on separate runners).
"""

from __future__ import annotations

import datetime as dt
import os
import secrets
import shutil
import subprocess
import tempfile
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass

from . import faults, publish, render
from .compile import Compiler, Copy
from .finish.run import finish_language, finish_root
from .finish.sanitize import UnmarkedContent
from .pictures import place, render_all
from .rootpages import root_files
from .settings import ConfigError, load_settings, today_in
from .site import Site, load_site

# The live preview (`make serve`) builds in its own folder below build/, which a production
# build leaves alone: build/preview/tree/ (generated pages) and build/preview/site/ (served).
PREVIEW_DIR = os.path.join("build", "preview")
# The site to open from disk (`torv build --for-files`, the reviewers' preview) is built in build/files/
# into site-preview/.
FILES_DIR, FILES_OUT = os.path.join("build", "files"), "site-preview"
# Smaller copies of pictures, by the original's content hash: kept between builds (build/pictures/).
PICTURE_CACHE = "pictures"
Log = Callable[..., None]


def preview_paths(root: str) -> tuple[str, str]:
    """(build tree, output folder) of the live preview of the repository at root."""
    base = os.path.join(os.path.abspath(root), PREVIEW_DIR)
    return os.path.join(base, "tree"), os.path.join(base, "site")


def picture_cache(root: str) -> str:
    """The folder of the smaller copies of pictures (build/pictures/), shared by the builds and the preview."""
    return os.path.join(os.path.abspath(root), "build", PICTURE_CACHE)


# Above this many news items a renderer holds some 400 MB of pages: then one renderer per core (memory), below it
# every language at once (with three languages on two cores, the third would otherwise run alone at the end).
LARGE_ARCHIVE = 4000


def renderers(languages: int, items: int = 0) -> int:
    """Languages rendered at once: all of them, or one per core for a large archive."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:
        cores = os.cpu_count() or 1
    return max(1, languages if items <= LARGE_ARCHIVE else min(languages, cores))


def clear_tree(build_dir: str, keep: Iterable[str] = ()) -> None:
    """Empty the build tree (entries named in `keep` stay)."""
    if not os.path.isdir(build_dir):
        return
    for name in os.listdir(build_dir):
        if name in keep:
            continue
        path = os.path.join(build_dir, name)
        if os.path.isdir(path) and not os.path.islink(path):
            shutil.rmtree(path)
        else:
            os.remove(path)


def write_files(files: dict[str, str | Copy], build_dir: str, cache: str | None = None) -> None:
    """Write generated files and media copies into the build tree; pictures made smaller come from `cache`
    (build/pictures/) when they were made before, and are made there when not."""
    folders: set[str] = set()
    made: list[tuple[str, tuple[int, str], str]] = []  # (source, (width, format), path) of pictures made smaller
    for rel, content in files.items():
        path = os.path.join(build_dir, rel)
        folder = os.path.dirname(path)
        if folder not in folders:
            os.makedirs(folder, exist_ok=True)
            folders.add(folder)
        if isinstance(content, Copy) and content.width and content.format:
            made.append((content.source, (content.width, content.format), path))
        elif isinstance(content, Copy):
            if os.path.lexists(path):  # (the preview's tree) it may be a hard link to a cached picture
                os.remove(path)
            shutil.copyfile(content.source, path)
        else:
            with open(path, "w", encoding="utf-8", newline="\n") as fh:
                fh.write(content)
    _make_pictures(made, cache)


def write_tree(
    files: dict[str, str | Copy], build_dir: str, keep: tuple[str, ...] = (), cache: str | None = None
) -> None:
    """Replace the build tree with the generated files (entries named in `keep` stay)."""
    clear_tree(build_dir, keep)
    write_files(files, build_dir, cache)


def _make_pictures(made: list[tuple[str, tuple[int, str], str]], cache: str | None) -> None:
    """The smaller copies of pictures: each picture read once, each copy made once (build/pictures/ keeps them for
    the next build) and placed where the build tree wants it."""
    if not made:
        return
    if cache is None:
        cache = tempfile.mkdtemp(prefix="torv-pictures-")
    by_source: dict[str, dict[tuple[int, str], list[str]]] = {}
    for source, size, path in made:
        by_source.setdefault(source, {}).setdefault(size, []).append(path)

    def one(source: str) -> None:
        wanted = by_source[source]
        cached = render_all(source, list(wanted), cache)
        for key, paths in wanted.items():
            for path in paths:
                if os.path.lexists(path):  # a hard link to another cached copy: replaced, never written through
                    os.remove(path)
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


# GitHub turns off the scheduled workflows of a public repository after 60 days without a commit; the nightly
# rebuild (news scheduled ahead, meetings moving to the archive) then stops without a word. Warn 10 days ahead.
STALE_DAYS, DISABLED_DAYS = 50, 60


def last_commit(root: str) -> dt.date | None:
    """The date of the repository's last commit (None outside a git repository, or without git)."""
    try:
        proc = subprocess.run(
            ["git", "log", "-1", "--format=%ct"], cwd=root, capture_output=True, text=True, timeout=30
        )
    except (OSError, subprocess.SubprocessError):
        return None
    stamp = proc.stdout.strip()
    return dt.datetime.fromtimestamp(int(stamp), dt.UTC).date() if proc.returncode == 0 and stamp else None


def stale_warning(last: dt.date | None, today: dt.date) -> str | None:
    """The warning when the last commit is older than STALE_DAYS, else None."""
    if last is None or (today - last).days <= STALE_DAYS:
        return None
    left = DISABLED_DAYS - (today - last).days
    when = f"in {left} day(s)" if left > 0 else "already"
    return (
        f"the last commit is {(today - last).days} days old ({last.isoformat()}): in a public repository GitHub "
        f"turns off the nightly rebuild (scheduled workflows) after {DISABLED_DAYS} days without a commit, "
        f"{when}. Commit a change (any content update will do), or turn it back on under Actions > Publish."
    )


def render_finished(
    chosen: render.Renderer, build_dir: str, lang: str, strict: bool, nonce: str, script_styles: tuple[str, ...] = ()
) -> render.Run:
    """Render one language into build/<lang>/site/ and run the whole finishing pass over it there (theme fixes,
    content sanitised, CSP: finish/run.py). Raises UnmarkedContent when a page's content markers do not pair up."""
    run = render.render_language(chosen, build_dir, lang, strict)
    if run.returncode == 0:
        finish_language(os.path.join(build_dir, lang, "site"), lang, nonce, script_styles)
    return run


def write_root_files(folder: str, files: dict[str, str], nonce: str = "", script_styles: tuple[str, ...] = ()) -> None:
    """Torv's root pages (language chooser, 404, sitemap index) into `folder`, finished (their CSP)."""
    for name, text in files.items():
        with open(os.path.join(folder, name), "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
    finish_root(folder, list(files), nonce, script_styles)


def build(
    root: str,
    today: dt.date | None = None,
    out: str | None = None,
    strict: bool = True,
    log: Log = print,
    preview: bool = False,
    for_files: bool = False,
    languages: Iterable[str] = (),
    renderer: str | None = None,
) -> int:
    """Return 0 on success, 1 on content or build errors, 2 on a configuration problem or a fault of the machine.

    `preview=True` (only for `make serve`) also shows drafts and scheduled items, each with a
    notice, and builds in build/preview/ (output build/preview/site/ unless `out` is given).
    `for_files=True`: a site that works opened from disk (file URLs, use_directory_urls: false), for
    reviewers to download; built in build/files/ into site-preview/ unless `out` is given.
    `languages`: only these, without the root pages (a shard for `assemble`).
    `renderer`: "material" or "zensical" (default: the setting extra.torv.renderer, else Material).
    """
    root = os.path.abspath(root)
    keep: tuple[str, ...] = ()
    if preview:
        build_dir, default_out = preview_paths(root)
    elif for_files:
        build_dir, default_out = os.path.join(root, FILES_DIR), os.path.join(root, FILES_OUT)
    else:
        build_dir, default_out = os.path.join(root, "build"), os.path.join(root, "site")
        keep = (os.path.basename(PREVIEW_DIR), os.path.basename(FILES_DIR), os.path.basename(PICTURE_CACHE))
    out = os.path.abspath(out or default_out)
    where = Folders(build_dir, out, keep, "preview" if preview else f"{os.path.basename(out)}/")
    try:
        faults.check_writable([build_dir, os.path.dirname(out), out])
        with publish.build_lock(build_dir, log):
            publish.recover(out)
            return _build(root, today, strict, log, Options(preview, for_files, tuple(languages), renderer), where)
    except OSError as exc:
        log(faults.sentence(exc, root, where.previous))
        return 2


@dataclass(frozen=True)
class Options:
    """What a build makes: the live preview, the site to open from disk, some languages only, which renderer."""

    preview: bool
    for_files: bool
    languages: tuple[str, ...]
    renderer: str | None


def _build(root: str, today: dt.date | None, strict: bool, log: Log, opts: Options, where: Folders) -> int:
    build_dir, out, previous = where.build_dir, where.out, where.previous
    try:
        site, report = load_site(root, today=today)
    except ConfigError as exc:
        log(exc.report.render())
        return 2
    wanted = tuple(dict.fromkeys(opts.languages))
    unknown = [lg for lg in wanted if lg not in site.settings.languages]
    if unknown:
        log(
            f"--lang {', '.join(unknown)}: not a language of the site; expected one of "
            f"{', '.join(site.settings.languages)} (extra.torv.languages in mkdocs.yml)"
        )
        return 2
    if report.errors:
        log(report.render())
        log(f"Nothing was built: fix the {report.errors} error(s) above. The previous {previous} is unchanged.")
        return 1
    if report.warnings:
        log(report.render())
    try:
        chosen = render.renderer(opts.renderer or site.settings.renderer)
    except render.RendererMissing as exc:
        log(f"Nothing was built: {exc}. The previous {previous} is unchanged.")
        return 2
    stale = None if opts.preview else stale_warning(last_commit(root), site.today)
    if stale:
        log(f"Warning: {stale}")
        if os.environ.get("GITHUB_ACTIONS") == "true":
            log(f"::warning title=Torv: the nightly rebuild stops soon::{stale}")
    langs = list(wanted or site.settings.languages)
    nonce = secrets.token_hex(16)  # marks the content region of every page (finish/sanitize.py)
    compiler = Compiler.of(
        site,
        preview=opts.preview,
        root_rel=os.path.relpath(root, build_dir).replace(os.sep, "/"),
        addresses_from_file=chosen.addresses_from_file,
        for_files=opts.for_files,
        nonce=nonce,
    )
    clear_tree(build_dir, where.keep)
    cache = picture_cache(root)
    # A language is rendered and finished as soon as its files are written, while the next one is compiled.
    try:
        with ThreadPoolExecutor(max_workers=renderers(len(langs), len(site.news))) as pool:
            futures: list[Future[render.Run]] = []
            for lg in langs:
                write_files(compiler.language(lg), build_dir, cache)
                futures.append(pool.submit(render_finished, chosen, build_dir, lg, strict, nonce, chosen.script_styles))
            results = [f.result() for f in futures]
    except UnmarkedContent as exc:
        log(
            f"The site could not be finished: {exc} (a fault of the templates in overrides/). "
            f"Nothing was published: the previous {previous} is unchanged."
        )
        return 1
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
    roots = {} if wanted else root_files(site.settings, site.today, for_files=opts.for_files)
    _publish(langs, build_dir, out, roots, nonce, chosen.script_styles)
    log(summary(site, out, opts.preview, langs))
    if wanted:
        log(
            f"Only {', '.join(langs)}: put every language's folder together with the root pages with "
            f"`torv assemble --out site {os.path.relpath(out, os.getcwd())}/ ...`."
        )
    return 0


def _publish(
    langs: list[str], build_dir: str, out: str, roots: dict[str, str], nonce: str, script_styles: tuple[str, ...]
) -> None:
    """Put the finished languages and the root pages together next to `out`, then swap them in (publish.py)."""
    tmp = publish.new_folder(out)
    try:
        for lg in langs:
            shutil.move(os.path.join(build_dir, lg, "site"), os.path.join(tmp, lg))
        write_root_files(tmp, roots, nonce, script_styles)
        publish.publish(tmp, out)  # one atomic step: out is the old or the new complete site
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise


def summary(site: Site, out: str, preview: bool, langs: list[str] | None = None) -> str:
    langs = langs or site.settings.languages
    pages = sum(1 for _, _, fs in os.walk(out) for f in fs if f.endswith(".html"))
    if preview:
        marked = sum(1 for e in site.unpublished if e.kind == "news" and e.state in ("draft", "scheduled"))
        status = f"preview: {marked} draft or scheduled item(s) shown with a notice"
    else:
        status = f"{len(site.unpublished)} item(s) not published (drafts, scheduled or invalid)"
    return (
        f"Built {os.path.relpath(out, os.getcwd())}/ in {len(langs)} language{'s' if len(langs) > 1 else ''} "
        f"({', '.join(langs)}): {pages} HTML pages; {status}."
    )


def assemble(
    root: str, shards: Iterable[str], out: str | None = None, today: dt.date | None = None, log: Log = print
) -> int:
    """Put languages built apart (`build(languages=...)`, each shard a folder holding `<lang>/`, finished by its
    build) together with the root pages into `out` (default site/), swapped in (publish.py, under the build lock)
    only when every language of the site is there."""
    root = os.path.abspath(root)
    try:
        settings = load_settings(root)
    except ConfigError as exc:
        log(exc.report.render())
        return 2
    found: dict[str, str] = {}
    for shard in shards:
        for lg in settings.languages:
            folder = os.path.join(os.path.abspath(shard), lg)
            if os.path.isfile(os.path.join(folder, "index.html")):
                if lg in found and found[lg] != folder:
                    log(f"{lg}: built twice, in {found[lg]} and in {folder}: give each language once")
                    return 2
                found[lg] = folder
    missing = [lg for lg in settings.languages if lg not in found]
    if missing:
        log(
            f"Nothing was assembled: no built {', '.join(missing)} in the folders given "
            f"(build each with `torv build --lang <code> --out <folder>`)."
        )
        return 2
    out = os.path.abspath(out or os.path.join(root, "site"))
    previous = f"{os.path.basename(out)}/"
    try:
        faults.check_writable([os.path.dirname(out), out])
        with publish.build_lock(os.path.join(root, "build"), log):
            publish.recover(out)
            tmp = publish.new_folder(out)
            try:
                for lg in settings.languages:
                    shutil.copytree(found[lg], os.path.join(tmp, lg))
                roots = root_files(settings, today or today_in(settings.timezone))
                write_root_files(tmp, roots, secrets.token_hex(16))
                publish.publish(tmp, out)
            except BaseException:
                shutil.rmtree(tmp, ignore_errors=True)
                raise
    except OSError as exc:
        log(faults.sentence(exc, root, previous))
        return 2
    log(
        f"Assembled {os.path.relpath(out, os.getcwd())}/ from {len(found)} languages "
        f"({', '.join(settings.languages)}) and the root pages."
    )
    return 0


__all__ = [
    "assemble",
    "build",
    "clear_tree",
    "picture_cache",
    "preview_paths",
    "render_finished",
    "write_files",
    "write_tree",
]
