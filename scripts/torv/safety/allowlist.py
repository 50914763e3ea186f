"""The one allowlist of rendered content: elements, attributes and addresses a page's text may hold.

The sanitiser (finish/sanitize.py) enforces it on every built page; the validator (safety/body.py)
reports, from the same data, everything the sanitiser would remove. Links to other sites are allowed;
anything the browser would *load* (a picture's src) must be a file of the site itself.
"""

from __future__ import annotations

import re
import urllib.parse

# Every attribute an element may carry, besides GLOBAL_ATTRIBUTES.
ELEMENTS: dict[str, frozenset] = {
    name: frozenset(attrs)
    for name, attrs in {
        "a": {"href", "title", "hreflang"},
        "abbr": {"title"},
        "b": (),
        "bdi": (),
        "blockquote": (),
        "br": (),
        "caption": (),
        "cite": (),
        "code": (),
        "col": {"span"},
        "colgroup": {"span"},
        "dd": (),
        "del": (),
        "details": {"open"},
        "dfn": (),
        "div": (),
        "dl": (),
        "dt": (),
        "em": (),
        "figcaption": (),
        "figure": (),
        "h1": (),
        "h2": (),
        "h3": (),
        "h4": (),
        "h5": (),
        "h6": (),
        "hr": (),
        "i": (),
        "img": {"src", "alt", "width", "height", "loading", "decoding", "srcset", "sizes"},
        "ins": (),
        "kbd": (),
        "li": {"value"},
        "mark": (),
        "ol": {"start", "reversed", "type"},
        "p": (),
        "picture": (),  # Torv's responsive pictures (pages/images.py): a WebP <source> and the <img>
        "pre": (),
        "q": (),
        "s": (),
        "samp": (),
        "small": (),
        "source": {"srcset", "sizes", "type"},
        "span": (),
        "strong": (),
        "sub": (),
        "summary": (),
        "sup": (),
        "table": (),
        "tbody": (),
        "td": {"colspan", "rowspan", "style"},
        "tfoot": (),
        "th": {"colspan", "rowspan", "scope", "style"},
        "thead": (),
        "time": {"datetime"},
        "tr": (),
        "u": (),
        "ul": (),
        "var": (),
        "wbr": (),
    }.items()
}
GLOBAL_ATTRIBUTES = frozenset({"class", "id", "title", "lang", "dir"})

# Removed together with everything inside them (the rest of the unknown elements: the tag goes, the text stays).
REMOVED_WITH_CONTENT = frozenset(
    {
        "script",
        "style",
        "template",
        "noscript",
        "iframe",
        "frame",
        "frameset",
        "object",
        "embed",
        "applet",
        "svg",
        "math",
        "audio",
        "video",
        "canvas",
        "textarea",
        "select",
        "title",
        "xmp",
        "noembed",
        "noframes",
        "plaintext",
        "form",
        "button",
        "input",
        "head",
        "base",
        "meta",
        "link",
    }
)

LINK_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
# A link is followed on a click; a load is fetched at once (srcset: a list of addresses, each a load).
URL_ATTRIBUTES = {"href": "link", "src": "load", "srcset": "load"}
# Attributes whose values are words from a short list, or of a plain form (no address, nothing that runs).
SIZES = re.compile(r"^[a-z0-9\s().,:%+-]{0,200}$", re.I)
VALUES = {
    ("img", "loading"): re.compile(r"^(lazy|eager)$"),
    ("img", "decoding"): re.compile(r"^(async|sync|auto)$"),
    ("img", "sizes"): SIZES,
    ("source", "sizes"): SIZES,
    ("source", "type"): re.compile(r"^image/[a-z0-9.+-]+$"),
}
DESCRIPTOR = re.compile(r"^\d+(\.\d+)?[wx]$")
# The only style Markdown writes: a table column's alignment. Anything else could load from another host.
TABLE_ALIGN = re.compile(r"^\s*text-align:\s*(left|center|right)\s*;?\s*$")
ALIGN_STYLES = tuple(f"text-align: {side};" for side in ("left", "center", "right"))
# ids and classes the theme's own scripts and styles rely on: content must not imitate them.
RESERVED_NAME = re.compile(r"^(_|md-|md_|torv)", re.I)
ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_:.-]*$")
CLASS_RE = re.compile(r"^[A-Za-z][A-Za-z0-9_-]*$")
SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")


def browser_url(value: str) -> str:
    """An address as a browser reads it: outer spaces and control characters trimmed, tabs and line breaks
    removed anywhere (so `java\\tscript:` is `javascript:`). Character references are already decoded."""
    return re.sub(r"[\t\n\r]", "", value).strip(
        "\x00\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b\x0c\x0d"
        "\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b"
        "\x1c\x1d\x1e\x1f "
    )


def url_problem(attribute: str, value: str) -> str | None:
    """Why an address may not stay in `attribute` (href: a link; src and each address of a srcset: loads), or
    None when it may."""
    url = browser_url(value)
    # A scheme split by spaces is no scheme to a browser, but refused all the same (no near misses).
    m = SCHEME.match(url) or SCHEME.match(re.sub(r"\s+", "", url))
    scheme = m.group(1).lower() if m else ""
    if URL_ATTRIBUTES[attribute] == "link":
        if scheme and scheme not in LINK_SCHEMES:
            return f"a {scheme}: address can run code or open something other than a web page"
        return None
    if attribute == "srcset":
        return next(filter(None, (url_problem("src", u) for u in srcset_urls(value))), None)
    if scheme or url.startswith(("//", "\\\\", "/\\", "\\/")):
        return "a picture from another site is loaded from there by every visitor's browser"
    return None


def srcset_urls(value: str) -> list[str]:
    """Every address a srcset could name, however a browser splits it: each run between spaces and commas
    that is not a width or density (`480w`, `2x`)."""
    return [part for part in re.split(r"[\s,]+", value) if part and not DESCRIPTOR.match(part)]


def style_problem(value: str) -> str | None:
    return None if TABLE_ALIGN.match(value) else "a style can load from another host or hide and imitate the page"


def name_problem(attribute: str, value: str) -> str | None:
    """Why an id or class may not stay (it imitates the theme's own names), or None."""
    words = value.split() if attribute == "class" else [value]
    pattern = CLASS_RE if attribute == "class" else ID_RE
    for word in words:
        if RESERVED_NAME.match(word) or not pattern.match(word):
            return f"{shown_name(word)} is a name the site's own layout and scripts use"
    return None


def shown_name(word: str) -> str:
    return f'"{word[:40]}"'


def attribute_problem(element: str, attribute: str, value: str) -> str | None:
    """Why the sanitiser removes this attribute (None: it stays). The one rule both sides apply."""
    attribute = attribute.lower()
    if attribute.startswith("on"):
        return "it runs code"
    allowed = ELEMENTS.get(element, frozenset()) | GLOBAL_ATTRIBUTES
    if attribute not in allowed:
        return "it is not on the list of attributes the site publishes"
    if attribute in URL_ATTRIBUTES:
        return url_problem(attribute, value)
    if attribute == "style":
        return style_problem(value)
    if attribute in ("id", "class"):
        return name_problem(attribute, value)
    form = VALUES.get((element, attribute))
    if form is not None and not form.match(value):
        return f"{shown_name(value)} is not a value the site publishes there"
    return None


def allowed_attributes(element: str) -> list[str]:
    return sorted(ELEMENTS.get(element, frozenset()) | GLOBAL_ATTRIBUTES)


def clean_style(value: str) -> str:
    """The canonical form of an allowed table alignment (its CSP hash is fixed)."""
    m = TABLE_ALIGN.match(value)
    if m is None:
        raise ValueError(f"not an allowed style: {value!r}")
    return f"text-align: {m.group(1)};"


def local_target(url: str) -> str:
    """The path part of a local address (no query, no fragment), percent-decoded."""
    return urllib.parse.unquote(url.split("#", 1)[0].split("?", 1)[0])
