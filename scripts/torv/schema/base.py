"""The schema machinery's core: the check context, the option base class and how values are shown."""
from __future__ import annotations

import difflib
from dataclasses import dataclass, field as dc_field
from typing import Any

from ..yamlio import Lines, line_of

MISSING = object()


class Invalid(Exception):
    """A value that does not fit its option. Never shown as a traceback."""

    def __init__(self, message: str, subpath: tuple = ()):
        super().__init__(message)
        self.message = message
        self.subpath = subpath


def shown(value: Any) -> str:
    """A value as the editor wrote it, for messages."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        v = value if len(value) <= 60 else value[:57] + "..."
        return f'"{v}"'
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a group of fields"
    return "a value of another kind"


def key_text(key: Any) -> str:
    """A mapping key as the editor wrote it: key paths hold mapping keys as text, list positions as ints."""
    if isinstance(key, str):
        return key
    if key is None:
        return "(empty)"
    if isinstance(key, bool):
        return "true" if key else "false"
    return str(key)


def did_you_mean(word: str, choices) -> str:
    match = difflib.get_close_matches(str(word), [str(c) for c in choices], n=1, cutoff=0.6)
    return f" (did you mean `{match[0]}`?)" if match else ""


@dataclass
class Context:
    """What a check needs to know besides the value: where it is, and what to collect."""
    path: str
    lines: Lines
    languages: tuple = ("da",)
    default_language: str = "da"
    base_dir: str = "."            # folder that relative file paths start from
    root: str = "."                # repository folder, for messages
    phone_region: str = "DK"
    problems: list = dc_field(default_factory=list)   # (severity, keypath, field, message)
    refs: list = dc_field(default_factory=list)       # (kind, value, keypath)
    assets: list = dc_field(default_factory=list)     # files referenced

    def error(self, keypath: tuple, message: str) -> None:
        self.problems.append(("error", tuple(keypath), message))

    def warning(self, keypath: tuple, message: str) -> None:
        self.problems.append(("warning", tuple(keypath), message))

    def line(self, keypath: tuple) -> int:
        return line_of(self.lines, keypath)


def dotted(keypath: tuple) -> str:
    out = ""
    for k in keypath:
        if isinstance(k, int):
            out += f"[{k + 1}]"
        else:
            out += ("." if out else "") + str(k)
    return out


class Option:
    """One field. Subclasses implement `convert` (raise Invalid) and `json`."""
    expected = "a value"
    example: Any = None
    example_in_json = True         # a group or a list shows its example in its parts instead

    def __init__(self, *, required: bool = False, translated: bool = False, help: str = "",
                 example: Any = None, default: Any = MISSING):
        self.required = required
        self.translated = translated
        self.help = help
        self.default = default
        if example is not None:
            self.example = example

    def describe(self) -> str:
        ex = self.example_text()
        return f"{self.expected} like {ex}" if ex else self.expected

    def example_text(self) -> str:
        if self.example is None:
            return ""
        return str(self.example)

    def check(self, value: Any, ctx: Context, keypath: tuple) -> Any:
        try:
            return self.convert(value, ctx, keypath)
        except Invalid as exc:
            ctx.error(keypath + exc.subpath, exc.message)
            return MISSING

    def convert(self, value, ctx, keypath):
        return value

    def fail(self, value) -> Invalid:
        return Invalid(f"expected {self.describe()}, found {shown(value)}")

    def json(self) -> dict:
        return {}

    def json_full(self) -> dict:
        j = self.json()
        if self.help:
            j["description"] = self.help
        if self.example is not None and self.example_in_json:
            j.setdefault("examples", [self.example])
        return j

    @property
    def has_translated_parts(self) -> bool:
        return self.translated
