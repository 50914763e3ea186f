"""The anchors of a page's headings, made as the renderer's toc extension makes them (mkdocs.yml's Markdown setup)."""

from __future__ import annotations

import functools
import os
from dataclasses import dataclass
from typing import Any

import markdown

BUILTIN = ("toc", "tables", "fenced_code")  # what MkDocs always adds to the configured extensions


@dataclass(frozen=True)
class MarkdownSetup:
    extensions: tuple[str, ...]
    configs: tuple[tuple[str, tuple[tuple[str, Any], ...]], ...]  # name -> options, hashable


def _normalised(entries: Any) -> tuple[list[str], dict[str, dict[str, Any]]]:
    names: list[str] = []
    configs: dict[str, dict[str, Any]] = {}
    items = (
        list(entries.items())
        if isinstance(entries, dict)
        else [next(iter(e.items())) if isinstance(e, dict) and len(e) == 1 else (e, None) for e in entries or []]
    )
    for name, options in items:
        if not isinstance(name, str):
            continue
        names.append(name)
        if isinstance(options, dict):
            configs[name] = options
    return names, configs


@functools.lru_cache(maxsize=8)
def markdown_setup(root: str) -> MarkdownSetup:
    """The Markdown extensions of the site's mkdocs.yml (read as MkDocs reads it: a slugify function named with
    !!python/name counts), MkDocs' own first; only the built-in ones when the file cannot be read."""
    names: list[str] = list(BUILTIN)
    configs: dict[str, dict[str, Any]] = {}
    try:
        from mkdocs.utils.yaml import yaml_load

        with open(os.path.join(root, "mkdocs.yml"), encoding="utf-8-sig") as fh:
            config = yaml_load(fh) or {}
        more, configs = _normalised(config.get("markdown_extensions"))
        names += [n for n in more if n not in names]
    except Exception:  # mkdocs.yml is checked elsewhere; here only its Markdown setup matters
        configs = {}
    return MarkdownSetup(tuple(names), tuple((k, tuple(v.items())) for k, v in configs.items()))


@functools.lru_cache(maxsize=4)
def _renderer(setup: MarkdownSetup) -> markdown.Markdown | None:
    configs = {name: dict(options) for name, options in setup.configs}
    try:
        return markdown.Markdown(extensions=list(setup.extensions), extension_configs=configs)
    except Exception:  # an extension that cannot be loaded here: fall back to the toc alone
        try:
            return markdown.Markdown(
                extensions=list(BUILTIN), extension_configs={k: v for k, v in configs.items() if k in BUILTIN}
            )
        except Exception:
            return None


def heading_ids(body: str, setup: MarkdownSetup) -> frozenset[str] | None:
    """The ids of the body's headings (None when they cannot be known)."""
    md = _renderer(setup)
    if md is None:
        return None
    md.reset()
    try:
        md.convert(body)
    except Exception:  # the renderer reports a body it cannot render; an anchor is then not checked
        return None
    ids: set[str] = set()

    def walk(tokens: list[dict[str, Any]]) -> None:
        for t in tokens:
            ids.add(str(t["id"]))
            walk(t.get("children", []))

    walk(getattr(md, "toc_tokens", []))
    return frozenset(ids)


__all__ = ["MarkdownSetup", "heading_ids", "markdown_setup"]
