"""The schema machinery's core: the check context that collects problems, the option base class, values shown."""

from __future__ import annotations

import datetime as dt
import difflib
from dataclasses import dataclass
from dataclasses import field as dc_field
from typing import Any

from .. import codes
from ..problems import ERROR, WARNING, Problem
from ..safety.text import text_problem
from ..yamlio import Lines, line_of

MISSING = object()


class Invalid(Exception):
    """A value that does not fit its option, with the code of the kind of problem. Never shown as a traceback."""

    def __init__(self, message: str, code: str) -> None:
        super().__init__(message)
        self.message = message
        self.code = code


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


def shown_checked(value: Any) -> str:
    """A checked value (a date, a list, a text per language) for messages."""
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list):
        return "[" + ", ".join(shown_checked(x) for x in value) + "]"
    if isinstance(value, dict):
        return next(iter(value.values())) if value else "{}"
    return shown(value)


def did_you_mean(word: str, choices) -> str:
    match = difflib.get_close_matches(str(word), [str(c) for c in choices], n=1, cutoff=0.6)
    return f" (did you mean `{match[0]}`?)" if match else ""


def dotted(keypath: tuple) -> str:
    """A key path as the field name in messages: `event.start`, `commitments[2].text`."""
    out = ""
    for k in keypath:
        if isinstance(k, int):
            out += f"[{k + 1}]"
        else:
            out += ("." if out else "") + str(k)
    return out


@dataclass(frozen=True)
class Reference:
    """An id in one file that must exist elsewhere: a contact, a unit, a tag, a pillar or commitment."""

    kind: str
    value: str
    path: str
    line: int
    field: str


@dataclass
class Context:
    """What a check needs to know besides the value: where it is, and what to collect."""

    path: str
    lines: Lines
    languages: tuple = ("da",)
    default_language: str = "da"
    base_dir: str = "."  # folder that relative file paths start from
    root: str = "."  # repository folder, for messages
    phone_region: str = "DK"
    default_source: str = "the default-language file"  # what a translation is compared with, for messages
    site_url: str | None = None  # mkdocs.yml's site_url, for the settings' rules
    problems: list[Problem] = dc_field(default_factory=list)
    refs: list[Reference] = dc_field(default_factory=list)
    assets: list[str] = dc_field(default_factory=list)  # files referenced

    def problem(self, code: str, keypath: tuple, message: str, severity: str = ERROR) -> None:
        self.problems.append(Problem(code, self.path, self.line(keypath), dotted(keypath), message, severity))

    # `code` is given by every check in Torv; its default is for checks written before codes (statement.py)
    def error(self, keypath: tuple, message: str, code: str = codes.RULE) -> None:
        self.problem(code, keypath, message, ERROR)

    def warning(self, keypath: tuple, message: str, code: str = codes.RULE) -> None:
        self.problem(code, keypath, message, WARNING)

    def reference(self, kind: str, value: str, keypath: tuple) -> None:
        self.refs.append(Reference(kind, value, self.path, self.line(keypath), dotted(keypath)))

    def line(self, keypath: tuple) -> int:
        return line_of(self.lines, keypath)


class Option:
    """One field. Subclasses implement `convert` (raise Invalid) and `json`."""

    expected = "a value"
    code = codes.WRONG_VALUE  # the kind of problem when a value does not fit (`fail`)
    example: Any = None
    example_in_json = True  # a group or a list shows its example in its parts instead

    def __init__(
        self,
        *,
        required: bool = False,
        translated: bool = False,
        help: str = "",
        example: Any = None,
        default: Any = MISSING,
    ):
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

    def describe_in(self, ctx: Context) -> str:
        """What the option expects, with an example that fits the site (a phone number of its country)."""
        return self.describe()

    def example_in(self, ctx: Context) -> str:
        return self.example_text()

    def check(self, value: Any, ctx: Context, keypath: tuple) -> Any:
        try:
            bad = text_problem(value.strip()) if isinstance(value, str) else None  # every text of every field
            if bad:
                raise Invalid(bad[1], codes.INVISIBLE_CHARACTER)
            return self.convert(value, ctx, keypath)
        except Invalid as exc:
            ctx.error(keypath, exc.message, code=exc.code)
            return MISSING

    def convert(self, value: Any, ctx: Context, keypath: tuple) -> Any:
        return value

    def fail(self, value) -> Invalid:
        return Invalid(f"expected {self.describe()}, found {shown(value)}", self.code)

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
