"""Speed and size figures, printed (never asserted in tests): `torv bench [--items 2000]`, `make bench`.

Measures validation of the repository's content, validation and page generation of a synthetic
repository with many news items, a full build of the content, and the size of the built site.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from typing import TypeVar

from .site import load_site
from .compile import compile_site

T = TypeVar("T")
TODAY = dt.date(2026, 11, 22)
TARGETS = {"validate_sample_s": 1.0, "validate_per_1000_items_s": 5.0, "build_sample_s": 60.0}
CONTENT = ("mkdocs.yml", "policy", "news", "docs", "overrides")


def copy_repo(root: str, dest: str) -> None:
    for name in CONTENT:
        src = os.path.join(root, name)
        if os.path.isdir(src):
            shutil.copytree(src, os.path.join(dest, name))
        else:
            shutil.copy2(src, os.path.join(dest, name))


def add_items(root: str, n: int) -> None:
    base = os.path.join(root, "news", "bench")
    os.makedirs(base)
    for i in range(n):
        day = dt.date(2025, 1, 1) + dt.timedelta(days=i % 600)
        event = ""
        if i % 4 == 0:
            event = (
                f"event:\n  start: {day} 09:00\n  end: {day} 11:00\n  location: Rådhuset\n"
                f"  address: Torvet 1, 4900 Havbjerg\n"
            )
        with open(os.path.join(base, f"nyhed-{i}.da.md"), "w", encoding="utf-8") as fh:
            fh.write(
                f"---\ntitle: Nyhed nummer {i}\nsummary: En kort opsummering af nyhed {i}.\n"
                f"date: {day}\ntags: [forum]\npillars: [dialog]\ncontacts: [erhvervsservice]\n{event}---\n"
                f"Tekst til nyhed {i}. " * 20 + "\n"
            )
        for lang, word in (("sv", "Nyhet"), ("en", "News item")):
            with open(os.path.join(base, f"nyhed-{i}.{lang}.md"), "w", encoding="utf-8") as fh:
                ev = "event:\n  location: Rådhuset\n" if event else ""
                slug = f"{word.lower().replace(' ', '-')}-{i}"
                fh.write(f"---\ntitle: {word} {i}\nsummary: Summary {i}.\nslug: {slug}\n{ev}---\nText {i}.\n")


def timed(fn: Callable[[], T], repeat: int = 3) -> tuple[float, T]:
    """The best time of `repeat` runs, and the last run's result."""
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - t)
    return best, result


def arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--root", default=os.getcwd(), help="the repository folder (default: here)")
    parser.add_argument("--items", type=int, default=1000, help="synthetic news items (each in 3 languages)")
    parser.add_argument("--no-build", action="store_true", help="skip the full MkDocs build of the content")


Row = tuple[str, str, str, float | None, float | None]


def run(args: argparse.Namespace) -> int:
    root = os.path.abspath(args.root)
    rows: list[Row] = []
    t, (_, report) = timed(lambda: load_site(root, today=TODAY))
    rows.append(("validate sample", f"{t:.3f} s", f"{report.files_checked} files", TARGETS["validate_sample_s"], t))
    with tempfile.TemporaryDirectory() as tmp:
        copy_repo(root, tmp)
        add_items(tmp, args.items)
        t, (big, rep) = timed(lambda: load_site(tmp, today=TODAY), repeat=1)
        per = t * 1000 / args.items
        detail = f"{rep.files_checked} files, {rep.errors} errors"
        rows.append((f"validate {args.items} items", f"{t:.2f} s", detail, TARGETS["validate_per_1000_items_s"], per))
        t, files = timed(lambda: compile_site(big), repeat=1)
        rows.append((f"generate pages for {args.items} items", f"{t:.2f} s", f"{len(files)} files", None, None))
    if not args.no_build:
        with tempfile.TemporaryDirectory() as tmp:
            copy_repo(root, tmp)
            t0 = time.perf_counter()
            cmd = [sys.executable, "-m", "torv", "build", "--root", tmp, "--today", TODAY.isoformat()]
            proc = subprocess.run(cmd, capture_output=True, text=True)
            t = time.perf_counter() - t0
            if proc.returncode:
                print(proc.stdout, proc.stderr)
            site = os.path.join(tmp, "site")
            paths = [os.path.join(d, f) for d, _, fs in os.walk(site) for f in fs]
            size = sum(os.path.getsize(p) for p in paths)
            pages = [p for p in paths if p.endswith(".html")]
            home = os.path.getsize(os.path.join(site, "da", "index.html"))
            rows.append(
                ("build sample (3 languages)", f"{t:.1f} s", f"{len(pages)} pages", TARGETS["build_sample_s"], t)
            )
            rows.append(("site size", f"{size / 1e6:.1f} MB", f"home page HTML {home / 1e3:.0f} kB", None, None))
    width = max(len(r[0]) for r in rows)
    print(f"{'measure'.ljust(width)}  {'figure':>10}  detail")
    for name, fig, detail, target, value in rows:
        verdict = ""
        if target is not None and value is not None:
            per_1000 = " per 1000" if "items" in name else ""
            verdict = f"  (target {target} s{per_1000}: {'met' if value <= target else 'MISSED'})"
        print(f"{name.ljust(width)}  {fig:>10}  {detail}{verdict}")
    return 0
