"""Reading editors' files: bytes -> text -> front matter + body, YAML with line numbers.

YAML is read with a deliberately small resolver: `true`/`false` are booleans
(not `yes`/`no`/`on`, so a language code `no` stays a string), integers and
floats are numbers, and dates stay strings so that Torv's own checks report
"30.01.2025" and "2025-02-30" in the editor's terms.

Files are parsed by libyaml (PyYAML's C parser, some 15 times faster), whose nodes carry the same line
marks; a file libyaml cannot read, one with an alias, or one too large or deeply nested for it is read
again by PyYAML's Python parser, whose messages (and their lines) are the ones editors are shown.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import yaml

from . import codes
from .yamlerrors import yaml_error


class ReadError(Exception):
    """A file that cannot be read; carries the problem's code, the line and a plain-language message."""

    def __init__(self, code: str, line: int, message: str, field: str = ""):
        super().__init__(message)
        self.code = code
        self.line = line
        self.message = message
        self.field = field


class _Loader(yaml.SafeLoader):
    """Editors' YAML: no aliases (`*name`). Content never needs them, and a few lines of nested
    aliases expand to billions of values ("billion laughs")."""

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            raise yaml.composer.ComposerError(None, None, "found an alias", self.peek_event().start_mark)
        return super().compose_node(parent, index)


class _FastLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """libyaml's parser with the same resolver and constructors; used only for files it reads cleanly."""


class _ConfigLoader(_Loader):
    """mkdocs.yml is the developers' file: aliases are allowed there."""

    compose_node = yaml.SafeLoader.compose_node


_Loader.yaml_implicit_resolvers = {}
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)
_Loader.add_implicit_resolver("tag:yaml.org,2002:int", re.compile(r"^[-+]?(?:0|[1-9][0-9]*)$"), list("-+0123456789"))
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(r"^[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$"),
    list("-+0123456789."),
)
_Loader.add_implicit_resolver("tag:yaml.org,2002:null", re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""])


def _plain_timestamp(loader, node):
    return loader.construct_scalar(node)


# An explicit !!timestamp stays text too.
_Loader.add_constructor("tag:yaml.org,2002:timestamp", _plain_timestamp)
_FastLoader.yaml_implicit_resolvers = _Loader.yaml_implicit_resolvers
_FastLoader.yaml_constructors = _Loader.yaml_constructors

# libyaml's parser recurses in C: input this large or with this many [ and { goes to the Python parser, which
# stops deep nesting with a RecursionError (TOO_DEEP) instead of exhausting the C stack.
FAST_MAX_CHARS = 100_000
FAST_MAX_BRACKETS = 100


def _compose_fast(text: str) -> yaml.Node | None:
    """The node tree by libyaml, or None when the careful path must read the text (an error, an alias, too big)."""
    if _FastLoader is yaml.SafeLoader or len(text) > FAST_MAX_CHARS:
        return None
    if text.count("[") + text.count("{") > FAST_MAX_BRACKETS:
        return None
    try:
        node = yaml.compose(text, Loader=_FastLoader)
    except Exception:  # any trouble: the Python parser reads it and words the problem
        return None
    if node is not None and _shares_nodes(node):
        return None
    return node


def _shares_nodes(root: yaml.Node) -> bool:
    """True when a node appears twice in the tree: libyaml composes an alias (`*name`) into the anchored node."""
    seen: set[int] = set()
    todo = [root]
    while todo:
        node = todo.pop()
        if id(node) in seen:
            return True
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            for k, v in node.value:
                todo += (k, v)
        elif isinstance(node, yaml.SequenceNode):
            todo += node.value
    return False


Lines = dict  # tuple path -> 1-based line number
TOO_DEEP = (
    "broken YAML: lists and groups are nested too deeply (hundreds of [ or { inside each other); "
    "write plain text, lists and `key: value` pairs"
)


def decode(raw: bytes) -> str:
    """UTF-8 (a BOM and CRLF line ends are fine) or ReadError naming the line."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise ReadError(
            codes.UNREADABLE,
            line,
            "the file is not UTF-8 text: save it as UTF-8 (in most editors: File > Save with encoding > UTF-8)",
        ) from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        raise ReadError(
            codes.UNREADABLE, line, "the file contains a NUL character: it looks like a binary file, not text"
        )
    return text


def load_yaml(text: str, first_line: int = 1, aliases: bool = False) -> tuple[object, Lines]:
    """Parse one YAML document; return the value and a map of key paths to line numbers.

    `first_line` is the file line of the YAML's first line (front matter starts at 2).
    """
    try:
        node = None if aliases else _compose_fast(text)
        if node is None:
            node = yaml.compose(text, Loader=_ConfigLoader if aliases else _Loader)
    except yaml.YAMLError as exc:
        line, message = yaml_error(exc, text, first_line)
        raise ReadError(codes.BROKEN_YAML, line, message) from None
    except RecursionError:
        raise ReadError(codes.BROKEN_YAML, first_line, TOO_DEEP) from None
    if node is None:
        return None, {}
    _check_duplicate_keys(node, first_line, 0)
    lines: Lines = {}
    try:
        value = _construct_plain(node, 0)
    except (_NotPlain, TypeError, ValueError, RecursionError):  # PyYAML's constructor reads it, or words the problem
        value = _MISSING
    try:
        if value is _MISSING:
            value = _Loader("").construct_document(node)
    except (yaml.YAMLError, TypeError, ValueError, RecursionError) as exc:
        mark = getattr(exc, "problem_mark", None)
        line = (mark.line + first_line) if mark is not None else first_line
        problem = str(getattr(exc, "problem", "") or "")
        if "could not determine a constructor for the tag" in problem:
            raise ReadError(
                codes.BROKEN_YAML,
                line,
                "a value starting with ! is a YAML type tag, which Torv does not "
                'read: put the value in quotes, e.g. title: "!Nyhed"',
            ) from None
        raise ReadError(
            codes.BROKEN_YAML,
            line,
            "the YAML could not be read ("
            + (problem or "unsupported value")
            + "); write plain text, lists and `key: value` pairs",
        ) from None
    _record_lines(node, (), lines, first_line, 0)
    lines[()] = node.start_mark.line + first_line
    return value, lines


class _NotPlain(Exception):
    """A node _construct_plain leaves to PyYAML's constructor (an explicit tag, an odd value, deep nesting)."""


_MISSING = object()
_STR, _INT, _FLOAT = "tag:yaml.org,2002:str", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float"
_BOOL, _NULL = "tag:yaml.org,2002:bool", "tag:yaml.org,2002:null"
_MAP, _SEQ = "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"
_BOOLS = {"true": True, "false": False}


def _construct_plain(node, depth: int):
    """The value of a tree of plain maps, lists and scalars (what editors write), as PyYAML's constructor gives
    it with Torv's resolver, in a quarter of its time; anything else raises _NotPlain."""
    if depth > 50:
        raise _NotPlain
    tag = node.tag
    if tag == _STR:
        return node.value
    if tag == _MAP:
        return {_construct_plain(k, depth + 1): _construct_plain(v, depth + 1) for k, v in node.value}
    if tag == _SEQ:
        return [_construct_plain(v, depth + 1) for v in node.value]
    if tag == _INT and node.value.lstrip("+-").isdigit():
        return int(node.value)
    if tag == _FLOAT and "_" not in node.value and "inf" not in node.value and "nan" not in node.value:
        return float(node.value)
    if tag == _BOOL and node.value.lower() in _BOOLS:
        return _BOOLS[node.value.lower()]
    if tag == _NULL and node.value in ("", "~", "null", "Null", "NULL"):
        return None
    raise _NotPlain


def _record_lines(node, path, lines, first_line, depth):
    if depth > 50:
        return
    if isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            if not isinstance(k, yaml.ScalarNode):
                continue
            p = path + (k.value,)  # mapping keys as written (text); list positions are ints
            lines.setdefault(p, k.start_mark.line + first_line)
            _record_lines(v, p, lines, first_line, depth + 1)
    elif isinstance(node, yaml.SequenceNode):
        for i, v in enumerate(node.value):
            p = path + (i,)
            lines.setdefault(p, v.start_mark.line + first_line)
            _record_lines(v, p, lines, first_line, depth + 1)


def _check_duplicate_keys(node, first_line, depth, where=""):
    """PyYAML keeps the last of two equal keys silently; an editor should hear about it."""
    if depth > 50:
        return
    if isinstance(node, yaml.MappingNode):
        seen: dict = {}
        for k, v in node.value:
            if not isinstance(k, yaml.ScalarNode):
                continue
            name = f"{where}.{k.value}" if where else str(k.value)
            line = k.start_mark.line + first_line
            if k.value in seen:
                raise ReadError(
                    codes.DUPLICATE_FIELD,
                    line,
                    f"written twice (also on line {seen[k.value]}): keep one of them",
                    field=name,
                )
            seen[k.value] = line
            _check_duplicate_keys(v, first_line, depth + 1, name)
    elif isinstance(node, yaml.SequenceNode):
        for i, v in enumerate(node.value):
            _check_duplicate_keys(v, first_line, depth + 1, f"{where}[{i + 1}]")


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
        raise ReadError(
            codes.FRONT_MATTER,
            1,
            "expected front matter: the file must start with a line `---`, then the fields, "
            "one per line (e.g. `title: Dialogmøde`), then another line `---`, then the text",
        )
    for i in range(1, len(all_lines)):
        if FENCE.match(all_lines[i]) or all_lines[i].rstrip() == "...":
            fm = "\n".join(all_lines[1:i])
            meta, lines = load_yaml(fm, first_line=2)
            body = "\n".join(all_lines[i + 1 :])
            return Document(meta, lines, body, i + 2)
    raise ReadError(codes.FRONT_MATTER, 1, "the front matter is not closed: add a line `---` after the last field")


def line_of(lines: Lines, path: tuple, default: int = 1) -> int:
    """Line of a key path, or of its nearest known parent."""
    p = tuple(path)
    while p:
        if p in lines:
            return lines[p]
        p = p[:-1]
    return lines.get((), default) if lines else default
