"""Broken YAML explained in an editor's words: PyYAML's syntax errors as a line and a plain message."""

from __future__ import annotations

import re

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
