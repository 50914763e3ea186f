"""Settings in mkdocs.yml that would run code while the site is built, or load scripts from another host.

MkDocs reads mkdocs.yml with PyYAML's full loader and runs `hooks:` files: a pull request that changes
mkdocs.yml could run any program on the machine that builds the site (and holds its publishing token).
Checked on the parsed YAML (node tags and keys, with their lines), before anything is built.
"""

from __future__ import annotations

import urllib.parse
from collections.abc import Iterator

import yaml

# `!!python/name:` may name the functions of the theme and the Markdown extensions; nothing else.
ALLOWED_NAME_PREFIXES = ("pymdownx.", "material.", "markdown.")
TAG = "tag:yaml.org,2002:python/"


def _walk(
    node: yaml.Node, path: tuple[str | int, ...] = (), line: int | None = None
) -> Iterator[tuple[yaml.Node, tuple[str | int, ...], int]]:
    """Every node with its key path and the line of its key (or its own line)."""
    yield node, path, line or node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            name = key.value if isinstance(key, yaml.ScalarNode) else "?"
            yield from _walk(key, path)
            yield from _walk(value, path + (name,), key.start_mark.line + 1)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            yield from _walk(item, path + (i,))


def _dotted(path: tuple[str | int, ...]) -> str:
    return ".".join(str(p) if not isinstance(p, int) else f"[{p + 1}]" for p in path).replace(".[", "[")


def config_problems(text: str) -> list[tuple[int, str, str]]:
    """(line, field, message) for each dangerous setting (problem code: codes.UNSAFE_SETTING); [] when the YAML
    cannot be read (reported elsewhere)."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return []
    if root is None:
        return []
    out = []
    for node, path, line in _walk(root):
        if node.tag.startswith(TAG):
            kind = node.tag[len(TAG) :]
            value = node.value if isinstance(node, yaml.ScalarNode) else ""
            name = kind.split(":", 1)[1] if kind.startswith("name:") else ""
            if not (name and name.startswith(ALLOWED_NAME_PREFIXES)):
                out.append(
                    (
                        line,
                        _dotted(path),
                        f"the tag !!python/{kind[:60]} makes MkDocs run or import "
                        f"Python code while building{' (' + value[:40] + ')' if value else ''}: "
                        f"not allowed; only !!python/name: of pymdownx, material or "
                        f"markdown functions",
                    )
                )
        if len(path) == 1 and path[0] == "hooks" and isinstance(node, yaml.SequenceNode):
            out.append(
                (
                    line,
                    "hooks",
                    "hooks run Python files while the site is built: not allowed in Torv "
                    "(its steps are plain, and no plugin or hook is needed)",
                )
            )
        if len(path) == 2 and path[0] in ("extra_javascript", "extra_css") and isinstance(node, yaml.ScalarNode):
            url = node.value.strip()
            if urllib.parse.urlsplit(url).scheme or url.startswith("//"):
                out.append(
                    (
                        line,
                        _dotted(path),
                        f"{url[:80]} is on another host: every visitor's browser would "
                        f"load it from there; put the file in overrides/assets/",
                    )
                )
    return out
