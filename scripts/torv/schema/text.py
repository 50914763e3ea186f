"""Text options: plain texts (no HTML, no placeholder, a maximum length), ids and references to ids."""

from __future__ import annotations

import re
from typing import Any

from .. import codes
from ..safety.names import slug_hint
from .base import Context, Invalid, Option, shown
from .limits import ID_RE

HTML_TAG = re.compile(r"<\s*/?\s*[a-zA-Z!][^>]*>")
PLACEHOLDER = "TODO:"  # marks a text still to be written (scaffolded translations): an error until replaced


class Text(Option):
    expected = "a text"

    def __init__(self, max_length: int | None = None, **kw: Any) -> None:
        super().__init__(**kw)
        self.max_length = max_length

    def describe(self) -> str:
        base = "a text"
        if self.max_length:
            base += f" of at most {self.max_length} characters"
        return base + (f" like {self.example_text()}" if self.example else "")

    def example_text(self) -> str:
        return f'"{self.example}"' if self.example else ""

    def convert(self, value: Any, ctx: Context, keypath: tuple) -> Any:
        if isinstance(value, bool) or value is None or isinstance(value, (list, dict)):
            raise self.fail(value)
        if isinstance(value, (int, float)):
            value = str(value)
        if not isinstance(value, str):
            raise self.fail(value)
        value = value.strip()
        if not value:
            raise Invalid(f"expected {self.describe()}, found an empty text", codes.EMPTY_TEXT)
        if value[: len(PLACEHOLDER)].upper() == PLACEHOLDER:
            raise Invalid(
                f"expected a translated text, found the placeholder {shown(value)}: write the text "
                f"in this language in its place (without {PLACEHOLDER})",
                codes.PLACEHOLDER,
            )
        if HTML_TAG.search(value):
            raise Invalid(
                f"expected plain text without HTML tags, found {shown(value)}: remove the <...> part",
                codes.HTML_IN_TEXT,
            )
        if self.max_length and len(value) > self.max_length:
            raise Invalid(
                f"expected at most {self.max_length} characters, found {len(value)}: "
                f"shorten the text by {len(value) - self.max_length} characters",
                codes.TOO_LONG,
            )
        return value

    def json(self) -> dict:
        j = {"type": "string", "minLength": 1}
        if self.max_length:
            j["maxLength"] = self.max_length
        return j


class Ident(Text):
    """An id: lowercase letters, digits and hyphens."""

    pattern = ID_RE
    code = codes.INVALID_ID

    def __init__(self, example: str = "dialog", **kw: Any) -> None:
        super().__init__(example=example, **kw)

    def describe(self) -> str:
        return f"an id of lowercase letters, digits and - like {self.example}"

    def convert(self, value: Any, ctx: Context, keypath: tuple) -> Any:
        if not isinstance(value, (str, int)) or isinstance(value, bool):
            raise self.fail(value)
        value = str(value).strip()
        if not self.pattern.match(value):
            raise Invalid(f"expected {self.describe()}, found {shown(value)}{slug_hint(value)}", self.code)
        return value

    def json(self) -> dict:
        return {"type": "string", "pattern": self.pattern.pattern}


class Ref(Ident):
    """An id that must exist elsewhere (a contact, a pillar, a tag...)."""

    def __init__(self, kind: str, pattern: str | None = None, **kw: Any) -> None:
        super().__init__(**kw)
        self.kind = kind
        if pattern:
            self.pattern = re.compile(pattern)

    def describe(self) -> str:
        return f"a {self.kind} id like {self.example}"

    def convert(self, value: Any, ctx: Context, keypath: tuple) -> Any:
        value = super().convert(value, ctx, keypath)
        ctx.reference(self.kind, value, keypath)
        return value
