"""Reading parsed pages in tests: the element a selector finds, an attribute's value and the text a reader sees,
or a failed test that names the selector or the attribute that is not there (BeautifulSoup answers None)."""

from __future__ import annotations

import pytest
from bs4 import Tag


def one(node: Tag, css: str) -> Tag:
    """The first element under `node` that the CSS selector finds; the test fails naming the selector when none."""
    found = node.select_one(css)
    if found is None:
        pytest.fail(f"no element matches {css!r}")
    return found


def attr(tag: Tag, name: str) -> str:
    """The value of a single-valued attribute (href, lang, content ...); the test fails when the tag has none."""
    value = tag.get(name)
    if value is None:
        pytest.fail(f"<{tag.name}> has no {name} attribute: {tag.attrs}")
    if not isinstance(value, str):
        pytest.fail(f"<{tag.name}> {name}: expected one value, found {value!r}")
    return value


def text(node: Tag, css: str | None = None) -> str:
    """The text a reader sees in `node`, or in the element `css` finds under it, white space collapsed."""
    return " ".join((node if css is None else one(node, css)).get_text(" ").split())
