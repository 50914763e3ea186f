"""Take the figures: a command's time and peak memory, validation time, and what a built site holds.

Wall-clock time is what a user waits; CPU time (user + system, all processes) is printed too, as it
changes much less than wall-clock time when other work shares the machine.

Memory of a build is the peak of the summed resident memory of the build process and all its
descendants (Torv renders the languages in parallel child processes), sampled from /proc; the largest
single process (getrusage's maxrss of the waited-for process tree) is kept too.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import gzip
import html
import os
import platform
import re
import signal
import subprocess
import sys
import tempfile
import threading
import time

from .archive import Archive

SAMPLE_S = 0.2
PAGE_SIZE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096
RENDER_ENV = {"NO_MKDOCS_2_WARNING": "1", "PYTHONWARNINGS": "ignore"}


# ---------------------------------------------------------------- the commands measured


def torv_build_command(root: str, out: str, today: dt.date) -> list[str]:
    """Torv's full build of the repository at root into out (validation included, as a user runs it)."""
    return [sys.executable, "-m", "torv", "build", "--root", root, "--today", today.isoformat(), "--out", out]


def torv_serve_command(root: str, today: dt.date) -> list[str]:
    """The live preview on any free port (it prints the address)."""
    return [sys.executable, "-m", "torv", "serve", "--root", root, "--today", today.isoformat(), "--port", "0"]


def baseline_build_command(config: str, out: str) -> list[str]:
    return [sys.executable, "-m", "mkdocs", "build", "-q", "-f", config, "-d", out]


def torv_validation():
    """Torv's validation as a function: load_site(root, today=...) -> (site, report)."""
    from ..site import load_site

    return load_site


# ---------------------------------------------------------------- running


@dataclasses.dataclass(frozen=True)
class Run:
    seconds: float
    cpu_seconds: float  # user + system time of the command and its waited-for children
    returncode: int
    output: str
    peak_rss: int  # bytes, all processes of the command together (sampled)
    largest_process: int  # bytes, the largest single process (getrusage maxrss)


def _tree_rss(root_pid: int) -> int:
    """Resident memory of root_pid and all its descendants, in bytes (0 once it is gone)."""
    parents: dict[int, int] = {}
    rss: dict[int, int] = {}
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/stat", "rb") as fh:
                stat = fh.read()
        except OSError:
            continue
        fields = stat[stat.rfind(b")") + 2 :].split()
        pid = int(name)
        parents[pid] = int(fields[1])
        rss[pid] = int(fields[21]) * PAGE_SIZE
    total, todo = 0, [root_pid]
    children: dict[int, list[int]] = {}
    for pid, ppid in parents.items():
        children.setdefault(ppid, []).append(pid)
    while todo:
        pid = todo.pop()
        total += rss.get(pid, 0)
        todo.extend(children.get(pid, ()))
    return total


def run(cmd: list[str], cwd: str | None = None, env: dict | None = None) -> Run:
    """Run cmd to its end; its time (wall clock), exit code, output and peak memory."""
    full_env = dict(os.environ, **RENDER_ENV, **(env or {}))
    with tempfile.TemporaryFile() as out:
        start = time.perf_counter()
        # its own process group: an interrupted benchmark stops the command's whole process tree
        proc = subprocess.Popen(
            cmd, cwd=cwd, env=full_env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )
        peak = 0
        done = threading.Event()

        def sample():
            nonlocal peak
            while not done.wait(SAMPLE_S):
                peak = max(peak, _tree_rss(proc.pid))

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        except BaseException:
            done.set()
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
            raise
        seconds = time.perf_counter() - start
        done.set()
        sampler.join()
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        text = out.read().decode("utf-8", "replace")
    largest = usage.ru_maxrss * 1024  # kilobytes on Linux
    return Run(seconds, usage.ru_utime + usage.ru_stime, proc.returncode, text, max(peak, largest), largest)


@dataclasses.dataclass(frozen=True)
class Validation:
    seconds: float
    files: int
    errors: int
    warnings: int
    crashed: str = ""  # the exception's name, when validation raised one


def validate(root: str, today: dt.date) -> Validation:
    """Validate the repository at root in this process (its modules imported before the clock starts)."""
    load_site = torv_validation()
    start = time.perf_counter()
    try:
        _, report = load_site(root, today=today)
    except Exception as exc:  # the figure of interest is how bad input is handled: report, don't stop
        return Validation(time.perf_counter() - start, 0, 0, 0, type(exc).__name__)
    return Validation(time.perf_counter() - start, report.files_checked, report.errors, report.warnings)


# ---------------------------------------------------------------- the built sites


def gzipped_size(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6, mtime=0))


@dataclasses.dataclass(frozen=True)
class SiteFigures:
    pages: int  # HTML files
    total_bytes: int
    largest_page: tuple  # (path below the site, bytes)
    search_index: dict  # folder below the site ("." for the root) -> bytes of search_index.json


def site_figures(site: str) -> SiteFigures:
    pages, total, largest, search = 0, 0, ("", 0), {}
    for folder, _, files in os.walk(site):
        for name in files:
            path = os.path.join(folder, name)
            size = os.path.getsize(path)
            total += size
            rel = os.path.relpath(path, site).replace(os.sep, "/")
            if name.endswith(".html"):
                pages += 1
                if size > largest[1]:
                    largest = (rel, size)
            elif name == "search_index.json":
                search[os.path.dirname(os.path.dirname(rel)) or "."] = size
    return SiteFigures(pages, total, largest, dict(sorted(search.items())))


H1 = re.compile(r"<h1\b[^>]*>(.*?)</h1>", re.S)
TAG = re.compile(r"<[^>]+>")


def page_title(path: str) -> str:
    """The first heading of a built page, as text."""
    with open(path, encoding="utf-8") as fh:
        m = H1.search(fh.read())
    return html.unescape(TAG.sub("", m.group(1))).strip() if m else ""


def language_folders(site: str, languages: tuple, default_at_root: bool) -> dict:
    """{lang: (folder, subfolders to skip)}: where each language's pages are in a built site."""
    if not default_at_root:
        return {lg: (os.path.join(site, lg), ()) for lg in languages}
    return {
        lg: (site, tuple(languages[1:])) if i == 0 else (os.path.join(site, lg), ()) for i, lg in enumerate(languages)
    }


def news_pages(site: str, archive: Archive, default_at_root: bool) -> dict:
    """{lang: {item id: page path below the site}}: the archive's items that have a page, in each
    language, known by the page's heading (the item's title in that language)."""
    out = {}
    for lang, (folder, skip) in language_folders(site, archive.languages, default_at_root).items():
        titles = archive.by_title(lang)
        found = {}
        for here, dirs, files in os.walk(folder):
            if here == folder:
                dirs[:] = [d for d in dirs if d not in skip]
            for name in files:
                if name.endswith(".html"):
                    path = os.path.join(here, name)
                    item = titles.get(page_title(path))
                    if item:
                        found[item] = os.path.relpath(path, site).replace(os.sep, "/")
        out[lang] = found
    return out


# ---------------------------------------------------------------- the machine


def machine() -> dict:
    model = ""
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as fh:
            model = next((line.split(":", 1)[1].strip() for line in fh if line.startswith("model name")), "")
    except OSError:
        pass
    try:
        usable = len(os.sched_getaffinity(0))
    except AttributeError:
        usable = os.cpu_count() or 0
    memory = 0
    try:
        with open("/proc/meminfo", encoding="utf-8") as fh:
            memory = int(next(line.split()[1] for line in fh if line.startswith("MemTotal"))) * 1024
    except (OSError, StopIteration):
        pass
    return {
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "cores": usable,
        "cpu": model or platform.processor() or platform.machine(),
        "memory": memory,
        "python": platform.python_version(),
        "system": platform.platform(terse=True),
        "load": os.getloadavg() if hasattr(os, "getloadavg") else (),
        "versions": _versions(),
    }


def _versions() -> dict:
    from importlib import metadata

    out = {}
    for name in ("mkdocs", "mkdocs-material", "mkdocs-static-i18n"):
        try:
            out[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            out[name] = "not installed"
    return out
