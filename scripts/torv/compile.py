"""Pages -> build tree: every page of every language as Markdown with front matter, media copies, feeds, configs.

The feeds and calendars (syndication.py) and the commitments as open data (opendata.py) are files of the tree too.

Pure: `Compiler.language(lang)` returns one language's {build-relative path: text or Copy(source)}, so that the
build can render a language while the next is compiled; `compile_site(site)` is every language's; nothing is
written (build.write_tree writes it). Everything a template shows is in `page.meta` (pages/shapes.py), so the
templates in overrides/ read only page.meta and config.extra.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, fields
from typing import Any

from .linkcheck import link_index
from .look import brand_stylesheet
from .opendata import open_data
from .pages import Page, Shared, pages_of
from .records import Content, content_of
from .renderconfig import config
from .routes import Routes
from .site import Site
from .syndication import subscriptions

# Characters a YAML 1.1 reader refuses or reads as a line break inside a quoted string (JSON leaves them as they
# are): written as \u escapes, which YAML reads back as the same characters.
YAML_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029\ud800-\udfff\ufeff\ufffe\uffff]")


@dataclass(frozen=True)
class Copy:
    source: str  # absolute path of a file to copy into the build tree
    width: int | None = None  # a picture made smaller (and/or in another format) at build time: its width
    format: str | None = None  # jpeg | png | webp


_NAMES: dict[type, tuple[str, ...]] = {}  # a record type's field names, looked up once


def _declared(obj: Any) -> dict[str, Any]:
    """A record as a mapping of every declared field, None included (what dataclasses.asdict gives): a record's
    own attributes are exactly its fields, in their order, so its __dict__ is that mapping."""
    cls = type(obj)
    names = _NAMES.get(cls)
    if names is None:
        names = _NAMES[cls] = tuple(f.name for f in fields(cls))
    attrs = vars(obj)
    return attrs if len(attrs) == len(names) else {name: getattr(obj, name) for name in names}


def yaml_line(data: Any) -> str:
    """Records and plain data as one line of YAML in its JSON form: the C JSON encoder writes it some 15 times
    faster than PyYAML's representer, and a YAML loader (MkDocs') reads it back as the same data."""
    text = json.dumps(data, default=_declared, ensure_ascii=False)
    return YAML_UNSAFE.sub(lambda m: f"\\u{ord(m[0]):04x}", text)


def front_matter(page: Page) -> str:
    """The page's Markdown file: its meta (every declared field) as front matter, then its body."""
    return f"---\n{yaml_line(page.meta)}\n---\n\n{page.body.strip()}\n"


@dataclass(frozen=True)
class Compiler:
    """What every language's compilation shares: the site's content as records, its routes, the shared context."""

    content: Content
    routes: Routes
    shared: Shared
    root_rel: str  # the repository folder as seen from the build tree
    brand_colour: str  # #rrggbb, checked for contrast (look.py)
    logo: str | None  # the logo's file (extra.torv.logo, a repository path), or None: Torv's own symbol
    root: str  # the repository

    @classmethod
    def of(
        cls,
        site: Site,
        preview: bool = False,
        root_rel: str = "..",
        addresses_from_file: bool = False,
        for_files: bool = False,
        nonce: str = "",
    ) -> Compiler:
        """`preview=True` only for the live preview: drafts and scheduled items are shown, with a notice.
        `addresses_from_file`: the renderer reads relative addresses in a page's text from its Markdown file's
        folder (render.Renderer.addresses_from_file). `for_files`: file URLs, for a site opened from disk
        (routes.py). `nonce`: marks the content region of every page for the finishing pass (new for every
        build, finish/sanitize.py)."""
        return cls(
            content_of(site, preview),
            Routes.of(site.settings, site.root, files=for_files),
            Shared.of(site.settings, site.today, preview, link_index(site, preview), addresses_from_file, nonce),
            root_rel,
            site.settings.brand_colour,
            site.settings.logo,
            site.root,
        )

    def language(self, lang: str) -> dict[str, str | Copy]:
        """One language's files: its pages, the media (pictures, their smaller copies, documents) they show, its
        feeds, calendars and open data, its brand stylesheet and logo, its configuration."""
        content, routes, shared = self.content, self.routes, self.shared
        files: dict[str, str | Copy] = {}
        media: dict[str, Copy] = {}  # docs-relative path -> what to copy there
        for page in pages_of(content, routes, lang, shared):
            files[routes.build_file(lang, routes.output_file(lang, page.url))] = front_matter(page)
            media.update((m.path, Copy(m.source, m.width, m.format)) for m in page.files)
        for path, copy in media.items():
            files[routes.build_file(lang, path)] = copy
        data = subscriptions(content, routes, shared, lang) | open_data(content, routes, shared, lang)
        for path, text in data.items():
            files[routes.build_file(lang, path)] = text
        files[routes.config_file(lang)] = config(content, routes, shared, lang, self.root_rel)
        files[routes.build_file(lang, routes.brand_stylesheet)] = brand_stylesheet(self.brand_colour)
        if self.logo:
            files[routes.build_file(lang, routes.logo(self.logo))] = Copy(os.path.join(self.root, self.logo))
        return files


def compile_site(
    site: Site,
    preview: bool = False,
    root_rel: str = "..",
    for_files: bool = False,
    addresses_from_file: bool = False,
    nonce: str = "",
) -> dict[str, str | Copy]:
    """The build tree of a checked site, every language's (see Compiler.of)."""
    compiler = Compiler.of(site, preview, root_rel, addresses_from_file, for_files, nonce)
    return {path: text for lang in compiler.routes.languages for path, text in compiler.language(lang).items()}


__all__ = ["Compiler", "Copy", "compile_site", "front_matter", "yaml_line"]
