"""Finish the theme's own markup on a rendered page: Torv's fixes to Material's and Zensical's templates.

Torv keeps no copies of the theme's templates (they would have to follow every theme release and differ
between the two renderers). The few things it needs changed in markup the theme writes outside any
template block are changed here, on the built page, by rules that name what they fix and change nothing
when the theme already gets it right. Only the start tags a rule touches are rewritten; every other byte
of the page stays as the renderer wrote it.

Rules (each is a finding of the W3C validator, axe-core or the keyboard tests):
1. no `autocomplete` on checkboxes (the drawer and search toggles): HTML allows it on text-like inputs only;
2. the skip link leads to the page's content (#torv-main, before the h1, see main.html) on every page,
   in the page's language; Material leads to the first heading of the table of contents, when there is one;
3. no empty `tabindex=""` (Material writes one on the labels of menu sections);
4. a label whose `for` names no element on the page loses the `for` (the table of contents' title on a
   page that is not in the menu, like a news item);
5. a label that leads back up the menu on small screens (the title of a sub-menu or of the table of
   contents, for a menu toggle) takes the keyboard's focus;
6. the menu button in the header takes the keyboard's focus and has a name;
7. a menu section's toggle next to its index page has a (visually hidden) name, the section's: it also
   names the sub-menu (aria-labelledby), which would otherwise be an unnamed landmark;
8. the search dialog has a name;
9. no `aria-hidden` on a label that belongs to a control (Zensical's overlay for the drawer): HTML does not
   allow it there;
10. the logo link's title is the site's name, as its aria-label is: the theme prints the name (escaped by
    Torv, renderconfig.py) into the aria-label as it is but escapes it again for the title, where a name
    with `&`, `<` or a quote would show its character references.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
HIDDEN = '<span class="torv-visually-hidden">{}</span>'


@dataclass(frozen=True)
class Texts:
    """The words the rules write, in the page's language (Torv's strings: skip, header.menu, header.search)."""

    skip: str
    menu: str
    search: str

    @classmethod
    def of(cls, strings: dict) -> Texts:
        return cls(skip=strings["skip"], menu=strings["header.menu"], search=strings["header.search"])


@dataclass(eq=False)
class Element:
    name: str
    attrs: dict
    start: int  # offset of "<" of the start tag
    end: int  # offset after its ">"
    parent: Element | None = None
    children: list = field(default_factory=list)
    close: int | None = None  # offset of its end tag's "<" (None: void or never closed)

    @property
    def classes(self) -> set:
        return set((self.attrs.get("class") or "").split())


class _Tree(HTMLParser):
    """The page's elements with their offsets in the source (HTMLParser leaves script and style alone)."""

    def __init__(self, source: str):
        super().__init__(convert_charrefs=False)
        self.source = source
        self.lines = [0] + [m.end() for m in re.finditer("\n", source)]
        self.elements: list[Element] = []
        self.stack: list[Element] = []
        self.feed(source)
        self.close()

    def _offset(self) -> int:
        line, col = self.getpos()
        return self.lines[line - 1] + col

    def _open(self, tag, attrs, void) -> None:
        start = self._offset()
        parent = self.stack[-1] if self.stack else None
        tag_text = self.get_starttag_text() or ""  # always set while a start tag is handled
        el = Element(tag, dict(attrs), start, start + len(tag_text), parent)
        if parent:
            parent.children.append(el)
        self.elements.append(el)
        if not void and tag not in VOID:
            self.stack.append(el)

    def handle_starttag(self, tag, attrs):
        self._open(tag, attrs, False)

    def handle_startendtag(self, tag, attrs):
        self._open(tag, attrs, True)

    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i].name == tag:
                self.stack[i].close = self._offset()
                del self.stack[i:]
                return


def start_tag(el: Element) -> str:
    parts = [el.name]
    for name, value in el.attrs.items():
        parts.append(name if value is None else f'{name}="{html.escape(value, quote=True)}"')
    return "<" + " ".join(parts) + ">"


class Page:
    """A page's source, its elements, and the edits the rules ask for (applied all at once)."""

    def __init__(self, source: str):
        self.source = source
        self.elements = _Tree(source).elements
        self.ids = {el.attrs.get("id") for el in self.elements if el.attrs.get("id")}
        self.by_id = {el.attrs["id"]: el for el in reversed(self.elements) if el.attrs.get("id")}
        self.edits: dict[tuple, str] = {}
        self.changed: set = set()

    def find(self, name: str, cls: str | None = None, **attrs) -> list[Element]:
        return [
            el
            for el in self.elements
            if el.name == name
            and (cls is None or cls in el.classes)
            and all(el.attrs.get(k.replace("_", "-")) == v for k, v in attrs.items())
        ]

    def text(self, el: Element) -> str:
        """The element's text, whitespace collapsed ('' for a void or unclosed element)."""
        if el.close is None:
            return ""
        inner = re.sub(r"<[^>]*>", " ", self.source[el.end : el.close])
        return " ".join(html.unescape(inner).split())

    def set_attr(self, el: Element, name: str, value: str | None) -> None:
        el.attrs[name] = value
        self.changed.add(el)

    def drop_attr(self, el: Element, name: str) -> None:
        if name in el.attrs:
            del el.attrs[name]
            self.changed.add(el)

    def replace_inside(self, el: Element, text: str) -> None:
        self.edits[(el.end, el.close)] = text

    def append_inside(self, el: Element, text: str) -> None:
        """Add after the element's last child, on a line of its own indented like that child."""
        last = el.children[-1] if el.children else None
        if last is None:
            at, indent = el.end, ""
        else:
            at = self.source.find(">", last.close) + 1 if last.close is not None else last.end
            before = re.search(r"\n[ \t]*$", self.source[el.end : last.start])
            indent = before.group(0) if before else ""
        self.edits[(at, at)] = indent + text

    def result(self) -> str:
        for el in self.changed:
            self.edits[(el.start, el.end)] = start_tag(el)
        out, pos = [], 0
        for (start, end), text in sorted(self.edits.items()):
            out += [self.source[pos:start], text]
            pos = end
        return "".join(out) + self.source[pos:]


def finish_page(source: str, texts: Texts) -> str:
    """The page with Torv's fixes to the theme's markup (see the module's docstring); pure."""
    page = Page(source)
    for el in page.find("input", type="checkbox"):  # 1
        page.drop_attr(el, "autocomplete")
    if "torv-main" in page.ids:  # 2
        for skip in page.find("div", data_md_component="skip"):
            if skip.close is not None:
                trailing = re.search(r"[ \t]*$", page.source[: skip.start])  # always matches ("" at least)
                indent = trailing.group(0) if trailing else ""
                page.replace_inside(
                    skip,
                    f'\n{indent}  <a href="#torv-main" class="md-skip">'
                    f"{html.escape(texts.skip, quote=False)}</a>\n{indent}",
                )
    for el in page.elements:  # 3
        if el.attrs.get("tabindex") == "":
            page.drop_attr(el, "tabindex")
    for label in page.find("label"):
        target = label.attrs.get("for")
        if target is None:
            continue
        if target not in page.ids:  # 4
            page.drop_attr(label, "for")
            continue
        page.drop_attr(label, "aria-hidden")  # 9
        if (
            "md-nav__title" in label.classes
            and "md-nav__toggle" in page.by_id[target].classes
            and "tabindex" not in label.attrs
        ):  # 5
            page.set_attr(label, "tabindex", "0")
    for button in page.find("label", "md-header__button", **{"for": "__drawer"}):  # 6
        if "tabindex" not in button.attrs:
            page.set_attr(button, "tabindex", "0")
        if not page.text(button) and not button.attrs.get("aria-label"):
            page.append_inside(button, HIDDEN.format(html.escape(texts.menu, quote=False)))
    for box in page.find("div", "md-nav__container"):  # 7
        links = [c for c in box.children if c.name == "a"]
        for toggle in (c for c in box.children if c.name == "label" and c.attrs.get("for")):
            if links and not page.text(toggle) and not toggle.attrs.get("aria-label"):
                page.append_inside(toggle, HIDDEN.format(html.escape(page.text(links[0]), quote=False)))
    for dialog in page.find("div", data_md_component="search", role="dialog"):  # 8
        if not dialog.attrs.get("aria-label") and not dialog.attrs.get("aria-labelledby"):
            page.set_attr(dialog, "aria-label", texts.search)
    for logo in page.find("a", "md-logo"):  # 10
        name, title = logo.attrs.get("aria-label"), logo.attrs.get("title")
        if name and title and title != name and html.unescape(title) == name:
            page.set_attr(logo, "title", name)
    return page.result()


__all__ = ["Texts", "finish_page"]
