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


# What PyYAML's messages mean to an editor: (start of PyYAML's problem, context or "", plain words,
# whether the problem is best shown on the line where the construct began).
_PLAIN = [
    (
        "mapping values are not allowed here",
        "",
        "a colon followed by a space inside a value: put the value in quotes, "
        'e.g. title: "Dialogmøde: erhvervsklimaet"',
        False,
    ),
    ("found character '\\t' that cannot start any token", "", "a tab character: indent with spaces", False),
    (
        "",
        "while scanning a directive",
        "a line starting with % is read as a YAML directive: start the line with the field name, "
        'e.g. title: "50% rabat"',
        False,
    ),
    ("found an alias", "", 'a value starting with *: put it in quotes, e.g. title: "*Nyhed*"', False),
    ("found undefined alias", "", 'a value starting with *: put it in quotes, e.g. title: "*Nyhed*"', False),
    (
        "expected alphabetic or numeric character",
        "while scanning an a",
        'a value starting with * or &: put it in quotes, e.g. title: "*Nyhed*"',
        False,
    ),
    (
        "found character '@' that cannot start any token",
        "",
        'a value starting with @: put it in quotes, e.g. title: "@havbjerg"',
        False,
    ),
    (
        "found character '`' that cannot start any token",
        "",
        'a value starting with `: put it in quotes, e.g. title: "`Nyhed`"',
        False,
    ),
    (
        "found character '%' that cannot start any token",
        "",
        'a value starting with %: put it in quotes, e.g. title: "%50 rabat"',
        False,
    ),
    (
        "expected <block end>",
        "",
        "the indentation does not line up: the fields of one group (and the - items of one list) "
        "must start in the same column, indented with spaces",
        False,
    ),
    (
        "could not find expected ':'",
        "",
        "a line that is not `field: value`: expected a field name, a colon and a space, e.g. "
        "title: Dialogmøde (a text that goes on over several lines must be indented)",
        True,
    ),
    (
        "found unexpected end of stream",
        "while scanning a quoted scalar",
        "a quote is not closed: a value that starts with a quote must end with the same quote, "
        'e.g. title: "Dialogmøde"',
        True,
    ),
    (
        "expected ',' or ']'",
        "",
        "a list in [ ] is not closed or is missing a comma, e.g. tags: [forum, workshop]",
        True,
    ),
    (
        "expected ',' or '}'",
        "",
        "a group in { } is not closed or is missing a comma, e.g. role: {da: Borgmester, en: Mayor}",
        True,
    ),
    (
        "but found another document",
        "",
        "a second `---` line: expected one block of fields; remove the extra `---`",
        False,
    ),
    (
        "expected chomping or indentation indicators",
        "",
        "nothing may follow | or > on the same line: start the text on the next line, indented",
        False,
    ),
]


def yaml_error(exc, text: str, first_line: int = 1) -> tuple[int, str]:
    """(file line, plain-language message) for a PyYAML syntax error."""
    problem = str(getattr(exc, "problem", None) or "it is not valid YAML")
    context = str(getattr(exc, "context", None) or "")
    problem_mark = getattr(exc, "problem_mark", None)
    context_mark = getattr(exc, "context_mark", None)
    mark, plain = problem_mark or context_mark, None
    for start, ctx, words, at_context in _PLAIN:
        if problem.startswith(start) and context.startswith(ctx):
            plain = words
            if at_context and context_mark is not None:
                mark = context_mark
            break
    if problem.startswith("mapping values are not allowed here") and mark is not None:
        plain = _colon_in_value(text.split("\n"), mark.line, mark.column) or plain
    line = (mark.line + first_line) if mark is not None else first_line
    message = f"broken YAML: {plain or problem}"
    if mark is not None:
        all_lines = text.split("\n")
        if 0 <= mark.line < len(all_lines):
            snippet = all_lines[mark.line].strip()
            if len(snippet) > 60:
                snippet = snippet[:57] + "..."
            if snippet:
                message += f'; the line reads "{snippet}"'
    return line, message


# Quotes that Word and phones type (left and right double and single quotes, low-9 double quote, guillemets)
CURLY = "\u201c\u201d\u201e\u2018\u2019\u00ab\u00bb"
FIELD_LINE = re.compile(r"^(\s*)(?:- )?([A-Za-z_][\w-]*):(?:\s|$)")


def _colon_in_value(lines: list[str], n: int, column: int) -> str | None:
    """What `mapping values are not allowed here` means on line n (0-based): a value in curly quotes, or a field
    indented further than the one above it (YAML reads it as part of that field's value); None: a colon in a text."""
    line = lines[n] if 0 <= n < len(lines) else ""
    if any(q in line[:column] for q in CURLY):
        m = FIELD_LINE.match(line)
        key = m.group(2) if m else "title"
        return (
            f"the value is in curly quotes (“...” or ”...”, as Word and phones write them), which YAML does not "
            f'read as quotes: type straight quotes instead, e.g. {key}: "Dialogmøde: erhvervsklimaet"'
        )
    m = FIELD_LINE.match(line)
    if m and line.index(":", len(m.group(1))) == column and n > 0:
        above = next((FIELD_LINE.match(lines[i]) for i in range(n - 1, -1, -1) if lines[i].strip()), None)
        if above and len(above.group(1)) < len(m.group(1)):
            spaces = len(above.group(1))
            return (
                f"`{m.group(2)}` is indented further than `{above.group(2)}` on the line above: the fields of "
                f"one group start in the same column; indent it with {spaces} space{'' if spaces == 1 else 's'}, "
                f"like `{above.group(2)}`"
            )
    return None


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
