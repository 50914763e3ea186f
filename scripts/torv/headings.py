"""A page's text rendered as the renderer renders it (mkdocs.yml's Markdown setup): its HTML and its headings.

The validator renders each text once (safety/body.py): the allowlist check reads its HTML, and the
link check the anchors of the headings (linkcheck.py), made as the renderer's toc extension makes them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import markdown

BUILTIN = ("toc", "tables", "fenced_code")  # what MkDocs always adds to the configured extensions


@dataclass(frozen=True)
class MarkdownSetup:
    extensions: tuple[str, ...]
    configs: tuple[tuple[str, tuple[tuple[str, Any], ...]], ...]  # name -> options


@dataclass(frozen=True)
class Rendered:
    """A text as HTML, the ids of its headings and the labels they give the table of contents (attr_list's
    data-toc-label, which the toc extension takes off the heading)."""

    html: str
    ids: frozenset[str]
    toc_labels: tuple[str, ...]


def setup_of(entries: Any) -> MarkdownSetup:
    """The setup of mkdocs.yml's `markdown_extensions` (a list of names and {name: options}, or a mapping),
    MkDocs' own extensions first."""
    names: list[str] = list(BUILTIN)
    configs: dict[str, dict[str, Any]] = {}
    items: list[tuple[Any, Any]] = []
    if isinstance(entries, dict):
        items = list(entries.items())
    elif isinstance(entries, list):
        for e in entries:
            items += list(e.items()) if isinstance(e, dict) else [(e, None)]
    for name, options in items:
        if not isinstance(name, str):
            continue
        if name not in names:
            names.append(name)
        if isinstance(options, dict):
            configs[name] = options
    return MarkdownSetup(tuple(names), tuple((k, tuple(v.items())) for k, v in configs.items()))


_RENDERERS: dict[str, markdown.Markdown] = {}


def _renderer(setup: MarkdownSetup) -> markdown.Markdown:
    """One renderer per setup (by its repr: options may hold lists and dicts, which do not hash)."""
    key = repr(setup)
    if key not in _RENDERERS:
        if len(_RENDERERS) >= 8:
            _RENDERERS.clear()
        _RENDERERS[key] = _new_renderer(setup)
    return _RENDERERS[key]


def _new_renderer(setup: MarkdownSetup) -> markdown.Markdown:
    configs = {name: dict(options) for name, options in setup.configs}
    names = list(setup.extensions)
    for extensions, extension_configs in ((names, configs), (names, {}), (list(BUILTIN), {})):
        try:
            return markdown.Markdown(extensions=extensions, extension_configs=extension_configs)
        except Exception:  # an extension missing here or configured for MkDocs only: fewer, not none
            continue
    return markdown.Markdown()


def render_markdown(body: str, setup: MarkdownSetup) -> Rendered:
    """The text as the renderer renders it. Raises what Python-Markdown raises on a text it cannot render
    (safety/limits.py keeps the text within what it renders in linear time)."""
    md = _renderer(setup)
    md.reset()
    html = md.convert(body)
    ids: set[str] = set()
    labels: list[str] = []
    tokens = list(getattr(md, "toc_tokens", []) or [])
    while tokens:
        token = tokens.pop()
        ids.add(str(token["id"]))
        labels.append(str(token.get("data-toc-label") or ""))
        tokens.extend(token.get("children") or [])
    return Rendered(html, frozenset(ids), tuple(label for label in reversed(labels) if label))


__all__ = ["MarkdownSetup", "Rendered", "render_markdown", "setup_of"]
