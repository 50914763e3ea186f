"""Lighthouse (mobile profile) on the home page, a pillar, a news item and the contact page of one
language: `make lighthouse [ARGS="--lang sv --runs 5"]`, i.e. `.venv/bin/python -m torv.lighthouse` at the
top of the repository. A tool for Torv's developers, not part of the `torv` command nor of `make test`
(the figures vary a little from run to run and machine to machine); the README shows the latest figures.

The repository's content is built into a temporary folder with site_url set to the address it is then served from
(http://127.0.0.1:<port>/), as on the real host, and served with gzip, as every real host does. Chromium
is Debian's (CHROME_PATH), and it may reach nothing but that server. Each page is measured --runs times;
the median score per category is reported. Writes tests/artifacts/lighthouse/summary.json and summary.md
(and each run's HTML report) and prints the figures. Exit code 1 when a goal is missed: 100 for
accessibility, best practices and SEO, at least 95 for performance.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import glob
import gzip
import http.server
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
from typing import Any

import yaml

# From the repository's top: npm ci installs Lighthouse there (package-lock.json); the reports go to OUT.
LIGHTHOUSE = os.path.join("node_modules", ".bin", "lighthouse")
OUT = os.path.join("tests", "artifacts", "lighthouse")
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
GOALS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
PAGES = [("home", "home"), ("pillar", "pillar"), ("news item", "news"), ("contact", "contact")]
CHROME_FLAGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
]
COMPRESSIBLE = re.compile(r"^(text/|application/(javascript|json|xml)|image/svg)")


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Static files, gzip-compressed when the browser accepts it (like GitHub Pages and most hosts)."""

    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        path = self.translate_path(self.path)
        if os.path.isdir(path) and self.path.split("?")[0].endswith("/"):
            path = os.path.join(path, "index.html")
        ctype = self.guess_type(path)
        if (
            not os.path.isfile(path)
            or "gzip" not in self.headers.get("Accept-Encoding", "")
            or not COMPRESSIBLE.match(ctype)
        ):
            return super().do_GET()
        with open(path, "rb") as fh:
            body = gzip.compress(fh.read())
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")
        self.end_headers()
        self.wfile.write(body)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def build(source: str, root: str, url: str, today: str | None) -> None:
    """Build the content of the repository at `source` in the folder `root`, with site_url set to `url`."""
    for name in ("mkdocs.yml", "policy", "news", "docs", "overrides"):
        src = os.path.join(source, name)
        if os.path.isdir(src):
            shutil.copytree(src, os.path.join(root, name))
        else:
            shutil.copy2(src, os.path.join(root, name))
    path = os.path.join(root, "mkdocs.yml")
    with open(path, encoding="utf-8") as fh:
        text = fh.read()
    text, n = re.subn(r"(?m)^site_url:.*$", f"site_url: {url}", text, count=1)
    if not n:
        text = f"site_url: {url}\n" + text
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(text)
    cmd = [sys.executable, "-m", "torv", "build", "--root", root] + (["--today", today] if today else [])
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode != 0:
        sys.exit(f"the build failed:\n{proc.stdout}{proc.stderr}")


def page_urls(root: str, lang: str) -> dict[str, str]:
    """The first page (by address) of each kind, from the generated build tree."""
    found: dict[str, str] = {}
    for path in sorted(glob.glob(os.path.join(root, "build", lang, "docs", "**", "*.md"), recursive=True)):
        with open(path, encoding="utf-8") as fh:
            m = re.match(r"^---\n(.*?)\n---\n", fh.read(), re.S)
        torv = (yaml.safe_load(m.group(1)) or {}).get("torv") if m else None
        if torv and torv.get("kind") and torv["kind"] not in found:
            found[torv["kind"]] = f"{lang}/{torv['url']}"
    return found


def run_lighthouse(lighthouse: str, url: str, out_base: str, chrome: str) -> dict[str, Any]:
    cmd = [
        lighthouse,
        url,
        "--quiet",
        "--form-factor=mobile",
        "--output=json",
        "--output=html",
        f"--output-path={out_base}",
        f"--only-categories={','.join(CATEGORIES)}",
        f"--chrome-flags={' '.join(CHROME_FLAGS)}",
    ]
    proc = subprocess.run(cmd, capture_output=True, text=True, env=dict(os.environ, CHROME_PATH=chrome))
    if proc.returncode != 0:
        sys.exit(f"lighthouse failed on {url}:\n{proc.stderr[-3000:]}")
    with open(out_base + ".report.json", encoding="utf-8") as fh:
        report = json.load(fh)
    scores = {c: round(report["categories"][c]["score"] * 100) for c in CATEGORIES}
    misses = sorted(
        f"{a['id']} ({a.get('displayValue') or a['score']})"
        for cat in CATEGORIES
        for ref in report["categories"][cat]["auditRefs"]
        for a in [report["audits"][ref["id"]]]
        if ref["weight"] > 0 and a["score"] is not None and a["score"] < 1
    )
    return {
        "scores": scores,
        "not_full_marks": misses,
        "lighthouse": report["lighthouseVersion"],
        "chrome": report["environment"]["hostUserAgent"],
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m torv.lighthouse", description=(__doc__ or "").split("\n\n")[0])
    ap.add_argument("--root", default=os.getcwd(), help="the repository folder (default: here)")
    ap.add_argument("--lang", default="da", help="language of the pages measured (default: da)")
    ap.add_argument("--runs", type=int, default=3, help="runs per page; the median is reported (default: 3)")
    ap.add_argument("--today", help="build date, e.g. 2026-11-22 (default: today)")
    ap.add_argument(
        "--chrome", default=os.environ.get("CHROME_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
    )
    argv = sys.argv[1:] if argv is None else argv
    args = ap.parse_args(argv)
    root = os.path.abspath(args.root)
    lighthouse, out = os.path.join(root, LIGHTHOUSE), os.path.join(root, OUT)
    if not os.path.exists(lighthouse):
        sys.exit("Lighthouse is not installed: run `make lighthouse` (npm ci installs it from package-lock.json)")
    if not os.path.exists(args.chrome):
        sys.exit(f"Chromium not found at {args.chrome}: apt-get install chromium, or set CHROME_PATH")
    os.makedirs(out, exist_ok=True)
    tmp = tempfile.mkdtemp(prefix="torv-lighthouse-")
    try:
        port = free_port()
        base = f"http://127.0.0.1:{port}/"
        build(root, tmp, base, args.today)
        handler = functools.partial(GzipHandler, directory=os.path.join(tmp, "site"))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        urls = page_urls(tmp, args.lang)
        results: list[dict[str, Any]] = []
        for label, kind in PAGES:
            runs = [
                run_lighthouse(
                    lighthouse, base + urls[kind], os.path.join(out, f"{args.lang}-{kind}-{i + 1}"), args.chrome
                )
                for i in range(args.runs)
            ]
            median = {c: int(statistics.median(r["scores"][c] for r in runs)) for c in CATEGORIES}
            results.append(
                {
                    "page": label,
                    "path": "/" + urls[kind],
                    "scores": median,
                    "runs": [r["scores"] for r in runs],
                    "not_full_marks": sorted({m for r in runs for m in r["not_full_marks"]}),
                }
            )
            print(
                f"{label:10} {'/' + urls[kind]:40} " + "  ".join(f"{c} {median[c]:3}" for c in CATEGORIES), flush=True
            )
        server.shutdown()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    command = "make lighthouse" + (f' ARGS="{" ".join(argv)}"' if argv else "")
    summary = {
        "date": dt.date.today().isoformat(),
        "command": command,
        "profile": "mobile (Lighthouse default: simulated Slow 4G, 4x CPU slowdown)",
        "runs": args.runs,
        "lighthouse": runs[0]["lighthouse"],
        "browser": runs[0]["chrome"],
        "goals": GOALS,
        "pages": results,
    }
    with open(os.path.join(out, "summary.json"), "w", encoding="utf-8") as fh:
        json.dump(summary, fh, indent=2, ensure_ascii=False)
    lines = [
        f"Lighthouse {summary['lighthouse']}, mobile, median of {args.runs} run(s), {summary['date']} "
        f"(`{summary['command']}`):",
        "",
        "| page | performance | accessibility | best practices | SEO |",
        "|---|---|---|---|---|",
    ]
    lines += [
        f"| {r['page']} (`{r['path']}`) | " + " | ".join(str(r["scores"][c]) for c in CATEGORIES) + " |"
        for r in results
    ]
    with open(os.path.join(out, "summary.md"), "w", encoding="utf-8") as fh:
        fh.write("\n".join(lines) + "\n")
    print("\n" + "\n".join(lines))
    missed = [
        f"{r['page']}: {c} {r['scores'][c]} < {GOALS[c]}"
        for r in results
        for c in CATEGORIES
        if r["scores"][c] < GOALS[c]
    ]
    for r in results:
        if r["not_full_marks"]:
            print(f"\n{r['page']}: audits without full marks: {', '.join(r['not_full_marks'])}")
    if missed:
        print("\nGoals missed: " + "; ".join(missed))
        return 1
    print(f"\nAll goals met. Reports: {os.path.relpath(out, os.getcwd())}/")
    return 0


if __name__ == "__main__":
    sys.exit(main())
