#!/usr/bin/env python3
"""Speed and size figures, printed (never asserted in tests): `make bench [ARGS="--items 2000"]`.

Measures validation of the sample, validation and page generation of a synthetic repository
with many news items, a full build of the sample, and the size of the built site.
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

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)

from torv.site import load_site  # noqa: E402
from torv.generate import generate  # noqa: E402

TODAY = dt.date(2026, 11, 22)
TARGETS = {"validate_sample_s": 1.0, "validate_per_1000_items_s": 5.0, "build_sample_s": 60.0}


def copy_repo(dest):
    for name in ("mkdocs.yml", "policy", "news", "docs", "overrides"):
        src = os.path.join(ROOT, name)
        (shutil.copytree if os.path.isdir(src) else shutil.copy2)(src, os.path.join(dest, name))


def add_items(root, n):
    base = os.path.join(root, "news", "bench")
    os.makedirs(base)
    for i in range(n):
        day = dt.date(2025, 1, 1) + dt.timedelta(days=i % 600)
        event = ""
        if i % 4 == 0:
            event = (f"event:\n  start: {day} 09:00\n  end: {day} 11:00\n  location: Rådhuset\n"
                     f"  address: Torvet 1, 4900 Havbjerg\n")
        with open(os.path.join(base, f"nyhed-{i}.da.md"), "w", encoding="utf-8") as fh:
            fh.write(f"---\ntitle: Nyhed nummer {i}\nsummary: En kort opsummering af nyhed {i}.\n"
                     f"date: {day}\ntags: [forum]\npillars: [dialog]\ncontacts: [erhvervsservice]\n{event}---\n"
                     f"Tekst til nyhed {i}. " * 20 + "\n")
        for lang, word in (("sv", "Nyhet"), ("en", "News item")):
            with open(os.path.join(base, f"nyhed-{i}.{lang}.md"), "w", encoding="utf-8") as fh:
                ev = "event:\n  location: Rådhuset\n" if event else ""
                fh.write(f"---\ntitle: {word} {i}\nsummary: Summary {i}.\nslug: {word.lower().replace(' ', '-')}-{i}\n{ev}---\nText {i}.\n")


def timed(fn, repeat=3):
    best = None
    for _ in range(repeat):
        t = time.perf_counter()
        result = fn()
        d = time.perf_counter() - t
        best = d if best is None else min(best, d)
    return best, result


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--items", type=int, default=1000, help="synthetic news items (each in 3 languages)")
    ap.add_argument("--no-build", action="store_true", help="skip the full MkDocs build of the sample")
    args = ap.parse_args(argv)
    rows = []
    t, (site, report) = timed(lambda: load_site(ROOT, today=TODAY))
    rows.append(("validate sample", f"{t:.3f} s", f"{report.files_checked} files", TARGETS["validate_sample_s"], t))
    with tempfile.TemporaryDirectory() as tmp:
        copy_repo(tmp)
        add_items(tmp, args.items)
        t, (big, rep) = timed(lambda: load_site(tmp, today=TODAY), repeat=1)
        per = t * 1000 / args.items
        rows.append((f"validate {args.items} items", f"{t:.2f} s", f"{rep.files_checked} files, {rep.errors} errors",
                     TARGETS["validate_per_1000_items_s"], per))
        t, files = timed(lambda: generate(big), repeat=1)
        rows.append((f"generate pages for {args.items} items", f"{t:.2f} s", f"{len(files)} files", None, None))
    if not args.no_build:
        with tempfile.TemporaryDirectory() as tmp:
            copy_repo(tmp)
            t0 = time.perf_counter()
            proc = subprocess.run([sys.executable, os.path.join(HERE, "build.py"), "--root", tmp,
                                   "--today", TODAY.isoformat()], capture_output=True, text=True)
            t = time.perf_counter() - t0
            if proc.returncode:
                print(proc.stdout, proc.stderr)
            size = sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(os.path.join(tmp, "site")) for f in fs)
            html = [os.path.join(d, f) for d, _, fs in os.walk(os.path.join(tmp, "site")) for f in fs if f.endswith(".html")]
            home = os.path.getsize(os.path.join(tmp, "site", "da", "index.html"))
            rows.append(("build sample (3 languages)", f"{t:.1f} s", f"{len(html)} pages", TARGETS["build_sample_s"], t))
            rows.append(("site size", f"{size / 1e6:.1f} MB", f"home page HTML {home / 1e3:.0f} kB", None, None))
    width = max(len(r[0]) for r in rows)
    print(f"{'measure'.ljust(width)}  {'figure':>10}  detail")
    for name, fig, detail, target, value in rows:
        verdict = "" if target is None else (f"  (target {target} s{' per 1000' if 'items' in name else ''}: "
                                            f"{'met' if value <= target else 'MISSED'})")
        print(f"{name.ljust(width)}  {fig:>10}  {detail}{verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
