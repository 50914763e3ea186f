"""Reading editors' files: bytes -> text -> front matter + body, YAML with line numbers.

YAML is read with a deliberately small resolver: `true`/`false` are booleans
(not `yes`/`no`/`on`, so a language code `no` stays a string), integers and
floats are numbers, and dates stay strings so that Torv's own checks report
"30.01.2025" and "2025-02-30" in the editor's terms.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import yaml


class ReadError(Exception):
    """A file that cannot be read; carries the line and a plain-language message."""

    def __init__(self, line: int, message: str, field: str = ""):
        super().__init__(message)
        self.line = line
        self.message = message
        self.field = field


class _Loader(yaml.SafeLoader):
    pass


_Loader.yaml_implicit_resolvers = {}
_Loader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
                              list("tTfF"))
_Loader.add_implicit_resolver("tag:yaml.org,2002:int", re.compile(r"^[-+]?(?:0|[1-9][0-9]*)$"),
                              list("-+0123456789"))
_Loader.add_implicit_resolver("tag:yaml.org,2002:float",
                              re.compile(r"^[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$"),
                              list("-+0123456789."))
_Loader.add_implicit_resolver("tag:yaml.org,2002:null", re.compile(r"^(?:~|null|Null|NULL|)$"),
                              ["~", "n", "N", ""])


def _plain_timestamp(loader, node):
    return loader.construct_scalar(node)


# An explicit !!timestamp stays text too.
_Loader.add_constructor("tag:yaml.org,2002:timestamp", _plain_timestamp)

Lines = dict  # tuple path -> 1-based line number


def decode(raw: bytes) -> str:
    """UTF-8 (a BOM and CRLF line ends are fine) or ReadError naming the line."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise ReadError(line, "the file is not UTF-8 text: save it as UTF-8 "
                              "(in most editors: File > Save with encoding > UTF-8)") from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        raise ReadError(line, "the file contains a NUL character: it looks like a binary file, not text")
    return text


def load_yaml(text: str, first_line: int = 1) -> tuple[object, Lines]:
    """Parse one YAML document; return the value and a map of key paths to line numbers.

    `first_line` is the file line of the YAML's first line (front matter starts at 2).
    """
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        line = (mark.line + first_line) if mark is not None else first_line
        problem = getattr(exc, "problem", None) or "it is not valid YAML"
        raise ReadError(line, _yaml_hint(problem, text, mark)) from None
    if node is None:
        return None, {}
    lines: Lines = {}
    try:
        loader = _Loader("")
        value = loader.construct_document(node)
    except (yaml.YAMLError, TypeError, ValueError, RecursionError) as exc:
        mark = getattr(exc, "problem_mark", None)
        line = (mark.line + first_line) if mark is not None else first_line
        raise ReadError(line, "the YAML could not be read (" + str(getattr(exc, "problem", "") or "unsupported value")
                        + "); write plain text, lists and `key: value` pairs") from None
    _record_lines(node, (), lines, first_line, 0)
    lines[()] = node.start_mark.line + first_line
    return value, lines


def _record_lines(node, path, lines, first_line, depth):
    if depth > 50:
        return
    if isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            key = k.value if isinstance(k, yaml.ScalarNode) else None
            if key is None:
                continue
            if isinstance(key, str) and isinstance(k.tag, str) and k.tag.endswith(":int"):
                try:
                    key = int(key)
                except ValueError:
                    pass
            p = path + (key,)
            lines.setdefault(p, k.start_mark.line + first_line)
            _record_lines(v, p, lines, first_line, depth + 1)
    elif isinstance(node, yaml.SequenceNode):
        for i, v in enumerate(node.value):
            p = path + (i,)
            lines.setdefault(p, v.start_mark.line + first_line)
            _record_lines(v, p, lines, first_line, depth + 1)


def _yaml_hint(problem: str, text: str, mark) -> str:
    hint = {
        "mapping values are not allowed here":
            "a colon followed by a space inside a value: put the value in quotes, "
            "e.g. title: \"Dialogmøde: erhvervsklimaet\"",
        "found character '\\t' that cannot start any token":
            "a tab character: indent with spaces",
    }.get(problem)
    if hint is None and problem.startswith("found undefined alias"):
        hint = "a value starting with *: put it in quotes"
    if hint is None and "found character" in problem and "\\t" in problem:
        hint = "a tab character: indent with spaces"
    snippet = ""
    if mark is not None:
        all_lines = text.split("\n")
        if 0 <= mark.line < len(all_lines):
            snippet = all_lines[mark.line].strip()
            if len(snippet) > 60:
                snippet = snippet[:57] + "..."
    base = f"broken YAML: {problem}"
    if hint:
        base += f" ({hint})"
    if snippet:
        base += f'; the line reads "{snippet}"'
    return base


@dataclass
class Document:
    meta: object
    lines: Lines
    body: str
    body_line: int  # file line where the body starts


FENCE = re.compile(r"^---[ \t]*$")


def split_front_matter(text: str) -> Document:
    """Front matter between `---` lines at the very top, then Markdown."""
    all_lines = text.split("\n")
    if not all_lines or not FENCE.match(all_lines[0]):
        raise ReadError(1, "expected front matter: the file must start with a line `---`, then fields "
                           "such as `title: ...`, then another `---`, e.g.\n---\ntitle: Dialogmøde\n---")
    for i in range(1, len(all_lines)):
        if FENCE.match(all_lines[i]) or all_lines[i].rstrip() == "...":
            fm = "\n".join(all_lines[1:i])
            meta, lines = load_yaml(fm, first_line=2)
            body = "\n".join(all_lines[i + 1:])
            return Document(meta, lines, body, i + 2)
    raise ReadError(1, "the front matter is not closed: add a line `---` after the last field")


def line_of(lines: Lines, path: tuple, default: int = 1) -> int:
    """Line of a key path, or of its nearest known parent."""
    p = tuple(path)
    while p:
        if p in lines:
            return lines[p]
        p = p[:-1]
    return lines.get((), default) if lines else default
