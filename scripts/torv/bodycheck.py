"""Checks of the Markdown text of a page: unsafe HTML, pictures, plain http links.

Pure: takes the body text, where it starts and the folder of its file; returns
problems as (line, field, message, severity) and the local files it refers to.
"""
from __future__ import annotations

import os
import re

UNSAFE_TAG = re.compile(r"<\s*(script|iframe|object|embed|frame|frameset|applet|base|meta|link|style|form)\b", re.I)
EVENT_ATTR = re.compile(r"<[a-zA-Z][^>]*?\s(on[a-zA-Z]+)\s*=", re.S)
SCRIPT_URL = re.compile(r"(?:\]\(\s*<?|href\s*=\s*[\"']?|src\s*=\s*[\"']?|<)\s*(javascript|vbscript|data)\s*:", re.I)
IMAGE = re.compile(r"!\[([^\]]*)\]\(\s*<?([^)\s>]+)>?(?:\s+[\"'][^\"']*[\"'])?\s*\)")
HTML_IMG = re.compile(r"<img\b[^>]*>", re.I)
HTTP_LINK = re.compile(r"(?<![\w/])http://[^\s)>\]\"']+", re.I)
FENCE = re.compile(r"^\s*(```|~~~)")


def check_body(body: str, first_line: int, base_dir: str, root: str = "."):
    problems: list[tuple[int, str, str, str]] = []
    assets: list[str] = []
    in_fence = None
    for i, line in enumerate(body.split("\n")):
        n = first_line + i
        f = FENCE.match(line)
        if f:
            if in_fence is None:
                in_fence = f.group(1)
            elif f.group(1) == in_fence:
                in_fence = None
            continue
        if in_fence:
            continue
        m = UNSAFE_TAG.search(line)
        if m:
            tag = m.group(1).lower()
            problems.append((n, "body", f"raw HTML <{tag}> is not allowed: it can run code or embed another site; "
                                        f"remove it and write a link instead, e.g. [Se videoen](https://havbjerg.example/video)",
                             "error"))
        m = EVENT_ATTR.search(line)
        if m:
            problems.append((n, "body", f"the HTML attribute {m.group(1)}= runs code and is not allowed; remove it",
                             "error"))
        m = SCRIPT_URL.search(line)
        if m:
            problems.append((n, "body", f"a {m.group(1).lower()}: link is not allowed: it can run code; "
                                        f"expected a web address like https://havbjerg.example", "error"))
        for m in IMAGE.finditer(line):
            alt, src = m.group(1).strip(), m.group(2)
            if not alt:
                problems.append((n, "body", f"the picture {src} has no alt text: describe what it shows, "
                                            f"e.g. ![Deltagere ved forummødet]({src})", "warning"))
            _local_asset(src, base_dir, root, n, problems, assets)
        for m in HTML_IMG.finditer(line):
            tag = m.group(0)
            if not re.search(r"\salt\s*=\s*[\"'][^\"']+[\"']", tag, re.I):
                problems.append((n, "body", "a picture (<img>) has no alt text: use Markdown "
                                            "![What it shows](images/x.jpg) instead", "warning"))
        for m in HTTP_LINK.finditer(line):
            url = m.group(0).rstrip(".,;:!?")    # the sentence's full stop is not part of the link
            problems.append((n, "body", f"plain http:// link {url}: use https:// if the site offers it, "
                                        f"e.g. https://{url[7:]}", "warning"))
    return problems, assets


def _local_asset(src, base_dir, root, n, problems, assets):
    if re.match(r"^[a-z][a-z0-9+.-]*:", src, re.I) or src.startswith(("/", "#")):
        return
    path = src.split("#", 1)[0].split("?", 1)[0]
    full = os.path.normpath(os.path.join(base_dir, path))
    if not os.path.isfile(full):
        shown_path = os.path.relpath(full, root).replace(os.sep, "/")
        problems.append((n, "body", f"the picture {src} does not exist: expected a file at {shown_path}; "
                                    f"upload it there or correct the path", "error"))
    else:
        assets.append(full)
