"""Limits that keep the validation of a page's text linear: its size, unclosed brackets, markup per paragraph,
abbreviations and nesting, measured in linear time before the text is rendered.

Python-Markdown, and so MkDocs, is quadratic or worse on some texts (5,000 unclosed `[` take minutes): a
text beyond these limits is refused with a message instead (safety/body.py).
"""

from __future__ import annotations

import re

from .. import codes

MAX_BODY = 100_000  # characters in one page's text (about 15,000 words)
MAX_SCAN = 400_000  # characters Markdown reads again for unmatched [, ( and < (see bracket_cost)
MAX_MARKUP = 2_000  # entities, escapes, code spans, links and tags in one paragraph
MAX_ABBREVIATIONS = 100
MAX_DEPTH = 20  # levels of lists and quotes
MARKUP = re.compile(r"&#?\w+;|\\[\\`*_{}\[\]()#+\-.!<>]|[`<\[]")
ABBR = re.compile(r"^\*\[[^\]]*\]:", re.M)


def bracket_cost(block: str) -> int:
    """How many characters Markdown reads again for brackets: an unmatched [, ( or < is searched to the
    end of its paragraph; a matched one to its closer."""
    cost = 0
    stacks: dict[str, list[int]] = {"[": [], "(": [], "<": []}
    closer = {"]": "[", ")": "(", ">": "<"}
    for i, ch in enumerate(block):
        if ch in stacks:
            stacks[ch].append(i)
        elif ch in closer and stacks[closer[ch]]:
            cost += i - stacks[closer[ch]].pop()
    return cost + sum(len(block) - i for s in stacks.values() for i in s)


def limit_problems(body: str) -> list[tuple[int, str, str]]:
    """(line offset, code, message) for a text too big or too tangled to render in reasonable time."""
    if len(body) > MAX_BODY:
        return [
            (
                0,
                codes.TOO_LONG,
                f"the text is {len(body):,} characters long: expected at most {MAX_BODY:,} "
                f"on one page (about 15,000 words); split it into several pages",
            )
        ]
    out = []
    if len(ABBR.findall(body)) > MAX_ABBREVIATIONS:
        out.append(
            (
                0,
                codes.TEXT_TOO_COMPLEX,
                f"more than {MAX_ABBREVIATIONS} abbreviation definitions (*[...]: ...): keep the ones the page needs",
            )
        )
    line = 0
    for block in re.split(r"\n[ \t]*\n", body):
        if bracket_cost(block) > MAX_SCAN:
            out.append(
                (
                    line,
                    codes.TEXT_TOO_COMPLEX,
                    "this paragraph has so many unclosed [, ( or < that rendering "
                    "it takes very long: close each [ with ] and each ( with ), "
                    "or write fewer of them",
                )
            )
        elif len(MARKUP.findall(block)) > MAX_MARKUP:
            out.append(
                (
                    line,
                    codes.TEXT_TOO_COMPLEX,
                    f"this paragraph has more than {MAX_MARKUP:,} links, tags, "
                    f"code spans and escaped characters: split it into several "
                    f"paragraphs",
                )
            )
        depth = max((len(m.group(0)) for m in re.finditer(r"(?m)^(?:[ \t]*>)+|^[ \t]{2,}", block)), default=0)
        if depth > MAX_DEPTH * 4:
            out.append(
                (
                    line,
                    codes.TEXT_TOO_COMPLEX,
                    f"lists or quotes nested more than {MAX_DEPTH} levels deep: flatten them",
                )
            )
        line += block.count("\n") + 2
    return out
