"""Sanitise the content of a built page: the region the templates mark with the build's nonce.

The templates print a page's rendered Markdown between two comments carrying a random nonce made for
each build (`begin_marker`, `end_marker`); content cannot know the nonce, so it cannot end the region
early. Everything between the markers is cleaned with nh3 (Rust's ammonia, an HTML5 parser) by the one
allowlist in safety/allowlist.py; the markers themselves are removed.
"""

from __future__ import annotations

import nh3

from ..safety import allowlist as al


class UnmarkedContent(Exception):
    """A page's markers do not pair up: a template fault, never published."""


def begin_marker(nonce: str) -> str:
    return f"<!--torv:begin:{nonce}-->"


def end_marker(nonce: str) -> str:
    return f"<!--torv:end:{nonce}-->"


def _keep(element: str, attribute: str, value: str) -> str | None:
    if al.attribute_problem(element, attribute, value) is not None:
        return None
    if attribute == "style":
        return al.clean_style(value)
    return value


def clean_fragment(fragment: str) -> str:
    """Rendered content reduced to the allowlist."""
    return nh3.clean(
        fragment,
        tags=set(al.ELEMENTS),
        clean_content_tags=set(al.REMOVED_WITH_CONTENT),
        attributes={"*": set(al.GLOBAL_ATTRIBUTES), **{k: set(v) for k, v in al.ELEMENTS.items() if v}},
        attribute_filter=_keep,
        strip_comments=True,
        link_rel=None,
        url_schemes=set(al.LINK_SCHEMES),
    )


def sanitize_page(page: str, nonce: str) -> str:
    """The page with every marked region cleaned and the markers gone. Raises UnmarkedContent when a
    begin marker has no end marker (or the other way round)."""
    begin, end = begin_marker(nonce), end_marker(nonce)
    if page.count(begin) != page.count(end):
        raise UnmarkedContent("the page's content markers do not pair up")
    out, at = [], 0
    while True:
        start = page.find(begin, at)
        if start < 0:
            break
        stop = page.find(end, start)
        if stop < 0:
            raise UnmarkedContent("a content region has no end marker")
        out.append(page[at:start])
        out.append(clean_fragment(page[start + len(begin) : stop]))
        at = stop + len(end)
    if end in page[at:]:
        raise UnmarkedContent("an end marker comes before its begin marker")
    out.append(page[at:])
    return "".join(out)
