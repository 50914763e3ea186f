"""Checks of the Markdown text of a page: unsafe HTML, pictures, plain http links.

Pure: takes the file's path, the body text, where it starts and the folder of its file; returns
the problems found and the local files it refers to.
"""
from __future__ import annotations

import os
import re

from . import codes
from .problems import ERROR, WARNING, Problem
from .schema.text import PLACEHOLDER

UNSAFE_TAG = re.compile(r"<\s*(script|iframe|object|embed|frame|frameset|applet|base|meta|link|style|form)\b", re.I)
EVENT_ATTR = re.compile(r"<[a-zA-Z][^>]*?\s(on[a-zA-Z]+)\s*=", re.S)
SCRIPT_URL = re.compile(r"(?:\]\(\s*<?|href\s*=\s*[\"']?|src\s*=\s*[\"']?|<)\s*(javascript|vbscript|data)\s*:", re.I)
IMAGE = re.compile(r"!\[([^\]]*)\]\(\s*<?([^)\s>]+)>?(?:\s+[\"'][^\"']*[\"'])?\s*\)")
HTML_IMG = re.compile(r"<img\b[^>]*>", re.I)
HTTP_LINK = re.compile(r"(?<![\w/])http://[^\s)>\]\"']+", re.I)
FENCE = re.compile(r"^\s*(```|~~~)")
CODE_SPAN = re.compile(r"(`+).+?\1")
COMMENT = re.compile(r"<!--.*?(-->|$)", re.S)


def check_body(path: str, body: str, first_line: int, base_dir: str,
               root: str = ".", needs_text: bool = False) -> tuple[list[Problem], list[str]]:
    """The problems of a body (`needs_text`: a news item or a page, which is empty without its text) and the
    local pictures it shows."""
    problems: list[Problem] = []
    assets: list[str] = []

    def found(code: str, n: int, message: str, severity: str) -> None:
        problems.append(Problem(code, path, n, "body", message, severity))

    in_fence = None
    marker = False
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
        if PLACEHOLDER in CODE_SPAN.sub("", line):
            marker = True
            found(codes.PLACEHOLDER, n, f"the text still holds the marker {PLACEHOLDER} (left by `make news` for the "
                                        f"translation): write the text in this language in its place and delete the "
                                        f"line with {PLACEHOLDER}", ERROR)
        m = UNSAFE_TAG.search(line)
        if m:
            tag = m.group(1).lower()
            found(codes.UNSAFE_MARKDOWN, n, f"raw HTML <{tag}> is not allowed: it can run code or embed another "
                                            f"site; remove it and write a link instead, e.g. "
                                            f"[Se videoen](https://havbjerg.example/video)", ERROR)
        m = EVENT_ATTR.search(line)
        if m:
            found(codes.UNSAFE_MARKDOWN, n, f"the HTML attribute {m.group(1)}= runs code and is not allowed; "
                                            f"remove it", ERROR)
        m = SCRIPT_URL.search(line)
        if m:
            found(codes.UNSAFE_MARKDOWN, n, f"a {m.group(1).lower()}: link is not allowed: it can run code; "
                                            f"expected a web address like https://havbjerg.example", ERROR)
        for m in IMAGE.finditer(line):
            alt, src = m.group(1).strip(), m.group(2)
            if not alt:
                found(codes.MISSING_ALT, n, f"the picture {src} has no alt text: describe what it shows, "
                                            f"e.g. ![Deltagere ved forummødet]({src})", WARNING)
            missing = _missing_asset(src, base_dir, root, assets)
            if missing:
                found(codes.MISSING_PICTURE, n, f"the picture {src} does not exist: expected a file at {missing}; "
                                                f"upload it there or correct the path", ERROR)
        for m in HTML_IMG.finditer(line):
            tag = m.group(0)
            if not re.search(r"\salt\s*=\s*[\"'][^\"']+[\"']", tag, re.I):
                found(codes.MISSING_ALT, n, "a picture (<img>) has no alt text: use Markdown "
                                            "![What it shows](images/x.jpg) instead", WARNING)
        for m in HTTP_LINK.finditer(line):
            url = m.group(0).rstrip(".,;:!?")    # the sentence's full stop is not part of the link
            found(codes.INSECURE_LINK, n, f"plain http:// link {url}: use https:// if the site offers it, "
                                          f"e.g. https://{url[7:]}", WARNING)
    if needs_text and not marker and not COMMENT.sub("", body).strip():
        found(codes.EMPTY_BODY, max(1, first_line - 1), "the page has no text: write it below the fields, after "
                                                        "this line ---", WARNING)
    return problems, assets


def _missing_asset(src: str, base_dir: str, root: str, assets: list[str]) -> str | None:
    """A local picture: kept in `assets` if it exists; else where it was expected (from the top folder)."""
    if re.match(r"^[a-z][a-z0-9+.-]*:", src, re.I) or src.startswith(("/", "#")):
        return None
    path = src.split("#", 1)[0].split("?", 1)[0]
    full = os.path.normpath(os.path.join(base_dir, path))
    if not os.path.isfile(full):
        return os.path.relpath(full, root).replace(os.sep, "/")
    assets.append(full)
    return None
