"""Which pages are checked: the first page (by address) of every kind in every language, and the pages at the root."""

from __future__ import annotations

import glob
import os
import re

import yaml

# Every kind of page Torv makes (page.meta.torv.kind, written by scripts/torv/pages/), and Material's 404 of each
# language. A site has the kinds its content makes (no policy: no policy page).
KINDS = [
    "home",
    "policy",
    "pillar",
    "news-index",
    "news",
    "meeting",
    "meetings",
    "tag",
    "contact",
    "page",
    "statement",
    "404",
]
ROOT_PAGES = {"chooser": "index.html", "root-404": "404.html"}
FRONT_MATTER = re.compile(r"^---\n(.*?)\n---\n", re.S)


def pages_by_kind(build_dir: str, langs: list[str]) -> dict[str, dict[str, str]]:
    """{lang: {kind: address relative to the site's root}}: the first page (by address) of each kind, read from the
    front matter of the build tree (build/<lang>/docs/)."""
    out: dict[str, dict[str, str]] = {}
    for lang in langs:
        found: dict[str, str] = {"404": f"{lang}/404.html"}
        for path in sorted(glob.glob(os.path.join(build_dir, lang, "docs", "**", "*.md"), recursive=True)):
            with open(path, encoding="utf-8") as fh:
                m = FRONT_MATTER.match(fh.read())
            torv = (yaml.safe_load(m.group(1)) or {}).get("torv") if m else None
            if torv and torv.get("kind") in KINDS:
                url = f"{lang}/{torv['url']}"
                if torv["kind"] not in found or url < found[torv["kind"]]:
                    found[torv["kind"]] = url
        out[lang] = found
    return out
