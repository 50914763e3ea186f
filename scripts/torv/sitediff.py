"""Compare two built sites page by page: files added or missing, and for each HTML page that is not
byte-identical what a reader sees differ (title, head links, headings, links, article text, structure).

`python -m torv.sitediff SITE_A SITE_B [--ignore REGEX ...]`: exit code 0 when every file is identical
(or ignored), 1 when something differs. Nothing is normalised: a difference in bytes that shows in none
of the aspects is reported as "bytes differ" (e.g. whitespace between elements).
"""

from __future__ import annotations

import argparse
import difflib
import os
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass, fields
from html.parser import HTMLParser

ASPECTS = ("title", "head", "headings", "links", "text", "structure")
HEAD_TAGS = ("meta", "link", "script")
HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


@dataclass(frozen=True)
class PageView:
    """What a reader (or a search engine) gets from a page."""

    title: tuple[str, ...]
    head: tuple[str, ...]  # <meta>, <link> and <script> of the head, attributes in their order
    headings: tuple[str, ...]  # "h2 text"
    links: tuple[str, ...]  # "text -> href" of every link in the body
    text: tuple[str, ...]  # the article's text, one line per text run
    structure: tuple[str, ...]  # the article's elements: "div.class#id", indented by depth


class _Reader(HTMLParser):
    """Collects a PageView; the article's text and structure, or the body's on a page without an article."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.view: dict[str, list[str]] = {name: [] for name in ASPECTS}
        self.body: dict[str, list[str]] = {"text": [], "structure": []}
        self.in_head = self.in_title = self.in_body = False
        self.depth = 0
        self.article = 0  # the article's depth while inside it, else 0
        self.heading: list[str] | None = None
        self.link: tuple[str, list[str]] | None = None
        self.has_article = False

    def _parts(self) -> list[dict[str, list[str]]]:
        return [self.body] + ([self.view] if self.article else []) if self.in_body else []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "head":
            self.in_head = True
        elif tag == "body":
            self.in_body = True
        elif tag == "title":
            self.in_title = True
        elif self.in_head and tag in HEAD_TAGS:
            self.view["head"].append(tag + "".join(f' {k}="{v}"' for k, v in attrs))
        if tag == "article" and not self.article:
            self.has_article, self.article = True, self.depth + 1
        name = tag + "".join(f".{c}" for c in (a.get("class") or "").split()) + (f"#{a['id']}" if a.get("id") else "")
        for part in self._parts():
            base = self.article - 1 if part is self.view else 0
            part["structure"].append("  " * (self.depth - base) + name)
        if tag in HEADINGS:
            self.heading = [tag]
        if tag == "a" and self.in_body:
            self.link = (a.get("href") or "", [])
        if tag not in VOID:
            self.depth += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "head":
            self.in_head = False
        elif tag == "title":
            self.in_title = False
        if tag in HEADINGS and self.heading is not None:
            self.view["headings"].append(" ".join(" ".join(self.heading).split()))
            self.heading = None
        if tag == "a" and self.link is not None:
            href, words = self.link
            self.view["links"].append(f"{' '.join(' '.join(words).split())} -> {href}")
            self.link = None
        if tag not in VOID:
            self.depth -= 1
            if self.article and self.depth < self.article:
                self.article = 0

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.view["title"].append(data.strip())
        if self.heading is not None:
            self.heading.append(data)
        if self.link is not None:
            self.link[1].append(data)
        if data.strip():
            for part in self._parts():
                part["text"].append(data.strip())


def read_page(html: str) -> PageView:
    reader = _Reader()
    reader.feed(html)
    reader.close()
    view = dict(reader.view)
    if not reader.has_article:
        view.update(reader.body)
    return PageView(**{name: tuple(values) for name, values in view.items()})


def files_of(root: str) -> set[str]:
    return {
        os.path.relpath(os.path.join(d, f), root).replace(os.sep, "/") for d, _, names in os.walk(root) for f in names
    }


def compare_page(a: bytes, b: bytes, context: int = 1, limit: int = 40) -> list[str]:
    """The differences between two versions of a page, aspect by aspect, as unified-diff lines."""
    va, vb = read_page(a.decode("utf-8", "replace")), read_page(b.decode("utf-8", "replace"))
    out: list[str] = []
    for f in fields(PageView):
        xa, xb = getattr(va, f.name), getattr(vb, f.name)
        if xa != xb:
            diff = list(difflib.unified_diff(xa, xb, lineterm="", n=context))[2:]
            out.append(f"  {f.name}:")
            out += [f"    {line}" for line in diff[:limit]]
            if len(diff) > limit:
                out.append(f"    ... {len(diff) - limit} more lines")
    return out or ["  bytes differ, but not in what a reader sees (title, head, headings, links, text, structure)"]


def compare_file(a: bytes, b: bytes, limit: int = 20, width: int = 200) -> list[str]:
    """The first differing lines of a text file (feed, calendar, sitemap ...); sizes of any other file."""
    try:
        la, lb = a.decode("utf-8").splitlines(), b.decode("utf-8").splitlines()
    except UnicodeDecodeError:
        return [f"  {len(a)} bytes -> {len(b)} bytes"]
    diff = [line[:width] for line in list(difflib.unified_diff(la, lb, lineterm="", n=0))[2:]]
    return [f"    {line}" for line in diff[:limit]] + (
        [f"    ... {len(diff) - limit} more lines"] if len(diff) > limit else []
    )


def compare(site_a: str, site_b: str, ignore: list[str] | None = None) -> Iterator[str]:
    """Report lines: files only in one site, then each differing file with its differences; last a summary."""
    patterns = [re.compile(p) for p in ignore or []]
    fa, fb = files_of(site_a), files_of(site_b)

    def ignored(rel: str) -> bool:
        return any(p.search(rel) for p in patterns)

    only_a = sorted(f for f in fa - fb if not ignored(f))
    only_b = sorted(f for f in fb - fa if not ignored(f))
    for rel in only_a:
        yield f"only in {site_a}: {rel}"
    for rel in only_b:
        yield f"only in {site_b}: {rel}"
    same = differ = html_same = 0
    for rel in sorted(fa & fb):
        if ignored(rel):
            continue
        with open(os.path.join(site_a, rel), "rb") as fh:
            a = fh.read()
        with open(os.path.join(site_b, rel), "rb") as fh:
            b = fh.read()
        if a == b:
            same += 1
            html_same += rel.endswith(".html")
            continue
        differ += 1
        yield f"differs: {rel}"
        yield from (compare_page(a, b) if rel.endswith(".html") else compare_file(a, b))
    verdict = "identical" if not (differ or only_a or only_b) else "DIFFERENT"
    yield (
        f"{verdict}: {same} files identical ({html_same} HTML pages), {differ} differ, "
        f"{len(only_a)} only in {site_a}, {len(only_b)} only in {site_b}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="sitediff", description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("site_a", help="a built site (e.g. the reference)")
    parser.add_argument("site_b", help="the other built site")
    parser.add_argument(
        "--ignore",
        action="append",
        default=[],
        metavar="REGEX",
        help="leave out files whose site-relative path matches (repeatable)",
    )
    args = parser.parse_args(argv)
    for path in (args.site_a, args.site_b):
        if not os.path.isdir(path):
            print(f"{path}: not a folder", file=sys.stderr)
            return 2
    last = ""
    try:
        for line in compare(args.site_a, args.site_b, args.ignore):
            print(line)
            last = line
    except BrokenPipeError:  # the report piped into head
        return 1
    return 0 if last.startswith("identical") else 1


if __name__ == "__main__":
    sys.exit(main())
