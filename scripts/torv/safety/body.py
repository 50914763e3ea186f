"""The validator's check of a page's Markdown text, against the allowlist the sanitiser enforces.

The text is rendered as MkDocs renders it (headings.py, mkdocs.yml's Markdown extensions), then walked with an
HTML parser against safety/allowlist.py: every element, attribute or address the sanitiser would remove is
reported as `path:line` with what is allowed instead; never regular expressions over lines. The same pass finds
the local pictures a text shows, its headings' anchors (for linkcheck.py), a TODO: marker left for a translation
and a news item or page without text.

Linear time: the text is first measured against the limits of safety/limits.py, beyond which
Python-Markdown, and so MkDocs, becomes slow (quadratic or worse); such a text is refused with a message
before it is rendered.
"""

from __future__ import annotations

import bisect
import html.parser
import os
import re
from dataclasses import dataclass
from typing import Any

from .. import codes
from ..headings import MarkdownSetup, render_markdown, setup_of
from ..problems import ERROR, NOTE, WARNING, Problem
from ..schema.text import PLACEHOLDER
from . import allowlist as al
from . import files
from .limits import limit_problems
from .text import text_problem

MAX_LOCATED = 50  # problems per file reported with their line; more are reported on the text's first line
HTTP_TEXT = re.compile(r"(?<![\w/])http://[^\s)>\]\"'<]+", re.I)
FENCE = re.compile(r"^\s*(```|~~~)")
BACKTICKS = re.compile(r"`+")
COMMENT = re.compile(r"<!--.*?(-->|$)", re.S)
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


def render(body: str, extensions: Any = None) -> str:
    """The body as MkDocs renders it with these Markdown extensions (mkdocs.yml's `markdown_extensions`)."""
    return render_markdown(body, setup_of(extensions or [])).html


# ---------------------------------------------------------------- where a finding is in the source


class Locator:
    """Lines of findings: each is searched in the source from the last finding on (findings come in
    document order), then from the start. At most MAX_LOCATED searches per body: linear time."""

    def __init__(self, source: str, first_line: int) -> None:
        self.source, self.lower = source, source.lower()
        self.first = first_line
        self.starts = [0] + [m.end() for m in re.finditer("\n", source)]
        self.cursor = 0

    def line_at(self, pos: int) -> int:
        return self.first + bisect.bisect_right(self.starts, pos) - 1

    def find(self, needle: str) -> int:
        if not needle:
            return -1
        for hay, n in ((self.source, needle), (self.lower, needle.lower())):
            i = hay.find(n, self.cursor)
            if i < 0:
                i = hay.find(n)
            if i >= 0:
                self.cursor = i
                return i
        return -1

    def line(self, raw_tag: str, attribute: str = "", value: str = "") -> int:
        at = self.find(raw_tag)
        if at >= 0:
            inner = self.lower.find(attribute.lower(), at, at + len(raw_tag)) if attribute else -1
            return self.line_at(inner if inner >= 0 else at)
        written = ""
        if attribute and raw_tag:
            raw = re.search(rf"""\b{re.escape(attribute)}\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", raw_tag, re.I)
            written = next((g for g in raw.groups() if g), "") if raw else ""
        for needle in (written, value, f"{attribute}=" if attribute else "", attribute):
            at = self.find(needle)
            if at >= 0:
                return self.line_at(at)
        return self.first


# ---------------------------------------------------------------- the walk


@dataclass(frozen=True)
class Finding:
    """Something in the rendered text the sanitiser would remove (or a note): where it is, and why."""

    raw: str  # the start tag (or comment) as rendered, to find its line in the source
    attribute: str
    value: str
    code: str
    message: str
    severity: str = ERROR


class Walk(html.parser.HTMLParser):
    """Findings in rendered HTML, in document order; the pictures and plain http:// addresses it holds."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.findings: list[Finding] = []
        self.images: list[tuple[str, str, str | None]] = []  # (raw start tag, src, alt or None)
        self.texts: list[str] = []  # plain http:// addresses
        self.skip = 0  # inside an element removed with its content
        self.code = 0  # inside code

    def feed(self, data: str) -> None:
        # Comments end as a browser ends them (HTML5): `<!-->` and `<!--->` are empty comments and `--!>`
        # closes one; Python's parser would read on, and miss the markup after them.
        super().feed(re.sub(r"<!---?>", "<!---->", data).replace("--!>", "-->"))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._element(tag, attrs, self.get_starttag_text() or f"<{tag}")
        if tag in al.REMOVED_WITH_CONTENT and tag not in VOID:
            self.skip += 1
        if tag in ("code", "pre"):
            self.code += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._element(tag, attrs, self.get_starttag_text() or f"<{tag}")

    def handle_endtag(self, tag: str) -> None:
        if tag in al.REMOVED_WITH_CONTENT and self.skip:
            self.skip -= 1
        if tag in ("code", "pre") and self.code:
            self.code -= 1

    def _found(self, raw: str, attribute: str, value: str, code: str, message: str, severity: str = ERROR) -> None:
        self.findings.append(Finding(raw, attribute, value, code, message, severity))

    def _element(self, tag: str, attrs: list[tuple[str, str | None]], raw: str) -> None:
        if self.skip:
            return
        if tag in al.REMOVED_WITH_CONTENT:
            self._found(
                raw,
                "",
                "",
                codes.UNSAFE_MARKDOWN,
                f"raw HTML <{tag}> is not allowed: it can run code, load from another host or imitate the "
                f"page, and is removed with its content; write Markdown instead, e.g. a link: "
                f"[Se videoen](https://havbjerg.example/video)",
            )
            return
        known = tag in al.ELEMENTS
        if not known:
            self._found(
                raw,
                "",
                "",
                codes.MARKUP_NOT_PUBLISHED,
                f"the HTML element <{tag}> is not published (the sanitiser removes it and keeps its text); "
                f"write Markdown instead: **bold**, *italic*, [link](https://...), "
                f"![picture](images/x.jpg), lists and tables",
            )
        for name, given in attrs:
            value = given or ""
            problem = al.attribute_problem(tag, name, value)
            runs_code = name.lower().startswith("on")
            if problem is None or (not known and not runs_code):
                continue  # the attributes of an element that goes go with it; code is named all the same
            if runs_code:
                self._found(
                    raw,
                    name,
                    value,
                    codes.UNSAFE_MARKDOWN,
                    f"the HTML attribute {name}= runs code and is not allowed; remove it",
                )
            elif name in al.URL_ATTRIBUTES and name in al.allowed_attributes(tag):
                self._address(raw, name, value, problem)
            else:
                self._found(
                    raw,
                    name,
                    value,
                    codes.MARKUP_NOT_PUBLISHED,
                    f"the attribute {name}= on <{tag}> is not published: {problem}; allowed on <{tag}>: "
                    f"{', '.join(al.allowed_attributes(tag))}",
                )
        a = dict(attrs)
        if tag == "img":
            self.images.append((raw, a.get("src") or "", a.get("alt")))
        if tag == "a" and al.browser_url(a.get("href") or "").lower().startswith("http://"):
            self.texts.append(a.get("href") or "")

    def _address(self, raw: str, name: str, value: str, problem: str) -> None:
        url = al.browser_url(value)
        if al.URL_ATTRIBUTES[name] == "link":
            m = al.SCHEME.match(url) or al.SCHEME.match(re.sub(r"\s+", "", url))
            scheme = m.group(1).lower() if m else ""
            self._found(
                raw,
                name,
                value,
                codes.UNSAFE_MARKDOWN,
                f"a {scheme}: link is not allowed: it can run code; expected a web address like "
                f"https://havbjerg.example (or mailto:, tel:, or a page of the site)",
            )
        else:
            self._found(
                raw,
                name,
                value,
                codes.PICTURE_FROM_ANOTHER_SITE,
                f"the picture {value[:80]} is on another site: {problem}; put the picture next to the page "
                f"and write its path, e.g. ![Forum](images/forum.jpg)",
            )

    def handle_comment(self, data: str) -> None:
        if not self.skip:
            # a note, not a fault: comments are removed when the page is finished (a hidden note to other
            # editors is fine), and the editor learns that nobody will see it in the page's source
            self._found(
                f"<!--{data}",
                "",
                "",
                codes.HTML_COMMENT,
                "an HTML comment is not published: it is removed from the page (visitors cannot see it, "
                "not even in the page's source)",
                NOTE,
            )

    def handle_decl(self, decl: str) -> None:
        self._found(
            f"<!{decl}",
            "",
            "",
            codes.MARKUP_NOT_PUBLISHED,
            f"<!{decl[:20]}> is not allowed in a page's text; delete it",
        )

    def handle_pi(self, data: str) -> None:
        self.handle_decl("?" + data)

    def handle_data(self, data: str) -> None:
        if not self.skip and not self.code and "http://" in data.lower():
            self.texts.extend(m.group(0) for m in HTTP_TEXT.finditer(data))


def walk(rendered: str) -> Walk:
    """The findings of rendered HTML."""
    w = Walk()
    w.feed(rendered)
    w.close()
    return w


@dataclass(frozen=True)
class BodyCheck:
    """What the check of one text found."""

    problems: list[Problem]
    assets: list[str]  # absolute paths of the local files it shows
    anchors: frozenset[str] | None  # the ids of its headings; None when it could not be rendered


def check_body(
    path: str, body: str, first_line: int, base_dir: str, root: str, setup: MarkdownSetup, needs_text: bool = False
) -> BodyCheck:
    """The problems of a text (`needs_text`: a news item or a page, which is empty without its text), the local
    pictures it shows and the anchors of its headings."""
    problems, assets, anchors = check_markup(path, body, first_line, base_dir, root, setup)
    marked: set[int] = set()
    for n, line in _prose_lines(body, first_line):
        if PLACEHOLDER in line and PLACEHOLDER in _without_code(line):
            marked.add(n)
            problems.append(
                Problem(
                    codes.PLACEHOLDER,
                    path,
                    n,
                    "body",
                    f"the text still holds the marker {PLACEHOLDER} (left by `make news` for the translation): "
                    f"write the text in this language in its place and delete the line with {PLACEHOLDER}",
                    ERROR,
                )
            )
    # The comment `make news` writes with the marker needs no note of its own: the marker's error says it all.
    problems = [p for p in problems if not (p.code == codes.HTML_COMMENT and p.line in marked)]
    if needs_text and not marked and not COMMENT.sub("", body).strip():
        problems.append(
            Problem(
                codes.EMPTY_BODY,
                path,
                max(1, first_line - 1),
                "body",
                "the page has no text: write it below the fields, after this line ---",
                WARNING,
            )
        )
    return BodyCheck(problems, assets, anchors)


def _prose_lines(body: str, first_line: int) -> list[tuple[int, str]]:
    """The lines of the text outside fenced code, with their line numbers in the file."""
    out, fence = [], None
    for i, line in enumerate(body.split("\n")):
        f = FENCE.match(line)
        if f:
            fence = f.group(1) if fence is None else (None if f.group(1) == fence else fence)
        elif not fence:
            out.append((first_line + i, line))
    return out


def _without_code(line: str) -> str:
    """The line without its code spans (`...`: a run of backticks up to the next run of the same length), in
    linear time whatever the line holds."""
    runs = [m.span() for m in BACKTICKS.finditer(line)]
    closing: list[int | None] = [None] * len(runs)
    seen: dict[int, int] = {}
    for i in range(len(runs) - 1, -1, -1):
        length = runs[i][1] - runs[i][0]
        closing[i] = seen.get(length)
        seen[length] = i
    out, at, i = [], 0, 0
    while i < len(runs):
        j = closing[i]
        if j is None:
            i += 1
            continue
        out.append(line[at : runs[i][0]])
        at, i = runs[j][1], j + 1
    out.append(line[at:])
    return "".join(out)


def check_markup(
    path: str, body: str, first_line: int, base_dir: str, root: str, setup: MarkdownSetup
) -> tuple[list[Problem], list[str], frozenset[str] | None]:
    """The problems of a page's text against the allowlist (`path`: the file, for the problems; the text starts on
    `first_line`; `setup`: mkdocs.yml's Markdown extensions), the local files it refers to, and the anchors of its
    headings (None when it is not rendered)."""
    problems: list[Problem] = []
    assets: list[str] = []

    def found(code: str, line: int, message: str, severity: str = ERROR) -> None:
        problems.append(Problem(code, path, line, "body", message, severity))

    where = Locator(body, first_line)
    bad = text_problem(body.replace("\r", ""), body=True)
    if bad:
        found(codes.INVISIBLE_CHARACTER, where.line_at(bad[0]), bad[1])
    limits = limit_problems(body)
    if limits:
        too_much = [Problem(code, path, first_line + offset, "body", msg) for offset, code, msg in limits]
        return too_much + problems, [], None
    try:
        rendered = render_markdown(body, setup)
        w = walk(rendered.html)
    except (RecursionError, MemoryError, ValueError, IndexError, KeyError, TypeError):
        found(
            codes.TEXT_TOO_COMPLEX,
            first_line,
            "this text cannot be rendered (it is nested or tangled too deeply): "
            "simplify its lists, quotes and brackets",
        )
        return problems, [], None
    # A heading's label is printed in the table of contents, outside the content (Zensical: as HTML).
    for label in rendered.toc_labels:
        if "<" in label:
            found(
                codes.MARKUP_NOT_PUBLISHED,
                where.line("", "data-toc-label", label),
                f"the table of contents label {label[:60]} holds HTML, which the table of contents would show as "
                f"it is: write the label as plain text, without < and >",
            )
    located = 0
    for f in w.findings:
        located += 1
        found(
            f.code,
            where.line(f.raw, f.attribute, f.value) if located <= MAX_LOCATED else first_line,
            f.message,
            f.severity,
        )
    for raw, src, alt in w.images:
        located += 1
        line = where.line(raw, "src", src) if located <= MAX_LOCATED else first_line
        if alt is None:
            found(
                codes.MISSING_ALT,
                line,
                "a picture (<img>) has no alt text: use Markdown ![What it shows](images/x.jpg) instead",
                WARNING,
            )
        elif not alt.strip():
            found(
                codes.MISSING_ALT,
                line,
                f"the picture {src} has no alt text: describe what it shows, e.g. ![Deltagere ved forummødet]({src})",
                WARNING,
            )
        refusal = _local_picture(src, base_dir, root, assets)
        if refusal:
            found(refusal[0], line, refusal[1])
    for url in w.texts:
        url = url.rstrip(".,;:!?")  # the sentence's full stop is not part of the link
        located += 1
        line = where.line("", "", url) if located <= MAX_LOCATED else first_line
        found(
            codes.INSECURE_LINK,
            line,
            f"plain http:// link {url}: use https:// if the site offers it, e.g. https://{url[7:]}",
            WARNING,
        )
    return problems, assets, rendered.ids


def _local_picture(src: str, base_dir: str, root: str, assets: list[str]) -> files.Refusal | None:
    """Why a picture of the site itself may not be published (None: it may, and it is kept in `assets`)."""
    url = al.browser_url(src)
    if not url or al.url_problem("src", url) or url.startswith(("/", "#")):
        return None  # reported above (another site), or an address of the site itself
    full = os.path.normpath(os.path.join(base_dir, al.local_target(url)))
    problem = files.outside_problem(src, full, root)
    if problem is None and not os.path.lexists(full):
        shown_path = os.path.relpath(full, root).replace(os.sep, "/")
        return codes.MISSING_PICTURE, (
            f"the picture {src} does not exist: expected a file at {shown_path}; upload it there or correct the path"
        )
    if problem is None:
        assets.append(full)  # used (refused or not): not reported as an unused file
        problem = files.picture_problem(full, root)
    return problem
