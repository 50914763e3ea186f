"""Characters no text of the site may hold: control characters and the direction overrides that make text read
differently from how it is stored (a title that looks harmless but is not, a broken feed)."""

from __future__ import annotations

import re
import unicodedata

# C0 and C1 control characters and DEL; tab and line feed are checked by the caller (bodies allow them).
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
TAB_OR_NEWLINE = re.compile(r"[\t\n]")
BIDI_OVERRIDE = re.compile(r"[\u202a-\u202e\u2066-\u2069]")


def char_name(ch: str) -> str:
    name = unicodedata.name(ch, "")
    return f"U+{ord(ch):04X}" + (f" ({name.lower()})" if name else "")


def text_problem(value: str, body: bool = False) -> tuple[int, str] | None:
    """(position, message) of the first character a text may not hold, or None. A body may hold tabs and
    line breaks; a field may not. (Problem code: codes.INVISIBLE_CHARACTER.)"""
    m = CONTROL.search(value) or (None if body else TAB_OR_NEWLINE.search(value)) or BIDI_OVERRIDE.search(value)
    if m is None:
        return None
    ch = m.group(0)
    if BIDI_OVERRIDE.match(ch):
        return m.start(), (
            f"the invisible character {char_name(ch)} changes the direction text is shown in, "
            f"so the text reads differently from what it is: delete it (retype the text around it)"
        )
    if ch in "\t\n":
        what = "a tab" if ch == "\t" else "a line break"
        return m.start(), f"{what} is not allowed in this field: write it on one line, with spaces"
    return m.start(), (
        f"the invisible control character {char_name(ch)} is not allowed: delete it "
        f"(it can break feeds and calendars); it often comes from copying from another program"
    )
