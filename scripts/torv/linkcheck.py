"""The links of every body checked: pages by file or address, anchors, documents (type, presence, accessible PDFs).

`link_index(site)` is the one index of the site's pages and addresses, for the validator and the compile step.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import TYPE_CHECKING

from . import codes, i18n
from .documents import document_problems, extension, pdf_problems, pdf_warning
from .feeds import CALENDAR_FILE, FEED_FILE
from .links import Destination, LinkError, LinkIndex, Target, find_links, index_of
from .problems import ERROR, WARNING, Problem
from .routes import ics_url, section_url
from .schema import did_you_mean

if TYPE_CHECKING:
    from .load import Entry
    from .site import Site

SHOWN = {False: ("published",), True: ("published", "draft", "scheduled")}


def _entries(site: Site) -> Iterator[Entry]:
    for e in [site.policy, *site.pillars, *site.news, *site.pages]:
        if e is not None and e.state != "invalid" and e.urls:
            yield e


def link_index(site: Site, preview: bool = False) -> LinkIndex:
    """The pages links can lead to (every checked item; unpublished ones are shown unlinked) and the site's other
    addresses in each language: sections, tag pages, feeds and calendars."""
    s = site.settings
    omit = s.missing_translation == "omit"
    targets = []
    for e in _entries(site):
        langs = [lg for lg in s.languages if not omit or lg in e.values or e.kind == "policy"]
        targets.append(
            Target(
                group=e.group,
                kind=e.kind,
                shown=e.state in SHOWN[preview],
                state=e.state,
                urls={lg: e.urls[lg] for lg in langs},
                translated=frozenset(e.values),
            )
        )
    # an item whose files have errors is reported there; links to it are checked once it is fixed
    for e in [site.policy, *site.pillars, *site.news, *site.pages]:
        if e is not None and e.state == "invalid":
            targets.append(
                Target(group=e.group, kind=e.kind, shown=False, state="invalid", urls={}, translated=frozenset())
            )
    shown_news = [e for e in site.news if e.state in SHOWN[preview]]
    tags = sorted({t for e in shown_news for t in e.default.get("tags", [])})
    sections = {}
    for lang in s.languages:
        urls = [section_url(lang, sec) for sec in i18n.SECTIONS if sec != "accessibility" or site.statement]
        urls += [f"{i18n.segment(lang, 'tags')}/{t}/" for t in tags]
        urls += [FEED_FILE, CALENDAR_FILE]
        urls += [ics_url(e.urls[lang]) for e in shown_news if e.default.get("event")]
        sections[lang] = urls
    return index_of(site.root, tuple(s.languages), s.default_language, s.site_url, targets, sections)


def anchors(site: Site, index: LinkIndex, dest: Destination, lang: str) -> frozenset[str] | None:
    """The anchors of the page a link leads to, in a language: its headings and Torv's own ids (a pillar's
    commitments, the policy's pillars, the contact page's units); None where they are not known."""
    if dest.kind == "address":
        if dest.url == section_url(lang, "contact"):
            return frozenset(f"unit-{u}" for u in site.contacts.get("units", {}))
        return None
    if dest.target is None:
        return None
    entry = next((e for e in _entries(site) if e.group == dest.target.group), None)
    if entry is None:
        return None
    # the headings' anchors of the text in that language (else the default language's), from the body check
    ids = entry.anchors.get(lang) if lang in entry.bodies else entry.anchors.get(site.settings.default_language)
    if ids is None:
        return None
    own: set[str] = set()
    pillars = [p for p in site.pillars if p.state != "invalid"]
    if entry.kind == "pillar":
        own = {f"{entry.id}-{c['id']}" for c in entry.default.get("commitments", [])}
    elif entry.kind == "policy":
        own = {f"pillar-{p.id}" for p in pillars}
        own |= {f"{p.id}-{c['id']}" for p in pillars for c in p.default.get("commitments", [])}
    return ids | own


Found = tuple[str, str, str]  # code, message, severity


class _Checker:
    """The state of one check of every link: the anchors and PDFs looked at so far, the documents linked."""

    def __init__(self, site: Site, index: LinkIndex) -> None:
        self.site, self.index = site, index
        self.documents: set[str] = set()
        self.pdfs: dict[str, list[str]] = {}
        self.anchors: dict[tuple[str, str], frozenset[str] | None] = {}

    def check(self, e: Entry, lang: str, written: str) -> list[Found]:
        dest = self.index.resolve(e.sources[lang], written)
        if isinstance(dest, LinkError):
            return [(dest.code, dest.message, ERROR)]
        if dest.kind == "document":
            assert dest.document is not None
            found = document_problems(dest.written, dest.document, self.site.root)
            if not found:
                self.documents.add(dest.document)
                if extension(dest.document) == "pdf" and dest.document not in self.pdfs:
                    self.pdfs[dest.document] = pdf_problems(dest.document)
            return [(f.code, f.message, WARNING if f.warning else ERROR) for f in found]
        out: list[Found] = []
        if dest.target is not None and dest.target.state == "invalid":
            return out
        if dest.kind == "page" and dest.target is not None and not dest.target.shown:
            state = "a draft (draft: true)" if dest.target.state == "draft" else "a news item not published yet"
            out.append(
                (
                    codes.LINK_TO_UNPUBLISHED,
                    f"the link {written} leads to {state}: until it is published, "
                    f"the link text is shown without the link",
                    WARNING,
                )
            )
        if dest.anchor and dest.kind in ("page", "address", "anchor"):
            out += self.anchor(dest if dest.kind != "anchor" else _self(self.index, e.group), dest, lang, written)
        return out

    def anchor(self, where: Destination | None, dest: Destination, lang: str, written: str) -> list[Found]:
        if where is None:
            return []
        at = dest.lang or lang
        key = (where.target.group if where.target else f"/{at}/{where.url}", at)
        if key not in self.anchors:
            self.anchors[key] = anchors(self.site, self.index, where, at)
        known = self.anchors[key]
        if known is None or dest.anchor in known:
            return []
        choices = sorted(known)
        listed = ", ".join("#" + c for c in choices[:12]) + (" ..." if len(choices) > 12 else "")
        expected = f"one of {listed}" if choices else "no anchor (the page has none)"
        return [
            (
                codes.BROKEN_LINK,
                f"the link {written} leads to an anchor the page does not have: expected "
                f"{expected}{did_you_mean('#' + dest.anchor, ['#' + c for c in choices])}",
                ERROR,
            )
        ]


def check_links(site: Site, index: LinkIndex) -> tuple[list[Problem], set[str]]:
    """Every link of every checked body: the problems, and the documents linked (absolute paths)."""
    checker = _Checker(site, index)
    problems: list[Problem] = []
    for e in _entries(site):
        for lang, body in e.bodies.items():
            first = e.body_lines.get(lang, 1)
            for link in find_links(body):
                if not link.picture:
                    problems += [
                        Problem(code, e.sources[lang], first + link.line, "body", message, severity)
                        for code, message, severity in checker.check(e, lang, link.target)
                    ]
    for path, missing in sorted(checker.pdfs.items()):
        if missing:
            rel = os.path.relpath(path, site.root).replace(os.sep, "/")
            problems.append(Problem(codes.INACCESSIBLE_PDF, rel, 1, "", pdf_warning(missing), WARNING))
    return problems, checker.documents


def _self(index: LinkIndex, group: str) -> Destination | None:
    t = index.targets.get(group)
    return Destination("page", target=t) if t else None


__all__ = ["anchors", "check_links", "link_index"]
