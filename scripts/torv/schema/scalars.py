"""Options for single values: one of a list of choices, true or false, whole numbers and numbers in a range."""

from __future__ import annotations

from typing import Any

from .. import codes
from .base import Context, Invalid, Option, did_you_mean, shown


class Choice(Option):
    code = codes.NOT_A_CHOICE

    def __init__(self, choices: list[str], **kw: Any) -> None:
        super().__init__(example=choices[0], **kw)
        self.choices = list(choices)

    def describe(self) -> str:
        return "one of " + ", ".join(f"`{c}`" for c in self.choices)

    def convert(self, value: Any, ctx: Context, keypath: tuple) -> Any:
        if value in self.choices:
            return value
        hint = did_you_mean(value, self.choices) if isinstance(value, str) else ""
        raise Invalid(f"expected {self.describe()}, found {shown(value)}{hint}", self.code)

    def json(self) -> dict:
        return {"enum": self.choices}


class Boolean(Option):
    expected = "true or false"

    def describe(self) -> str:
        return "true or false"

    def convert(self, value: Any, ctx: Context, keypath: tuple) -> Any:
        if isinstance(value, bool):
            return value
        raise self.fail(value)

    def json(self) -> dict:
        return {"type": "boolean"}


class Integer(Option):
    expected = "a whole number"

    def __init__(self, minimum: int | None = None, **kw: Any) -> None:
        super().__init__(**kw)
        self.minimum = minimum

    def convert(self, value: Any, ctx: Context, keypath: tuple) -> Any:
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.fail(value)
        if self.minimum is not None and value < self.minimum:
            raise Invalid(f"expected a whole number of at least {self.minimum}, found {value}", codes.OUT_OF_RANGE)
        return value

    def json(self) -> dict:
        j: dict[str, Any] = {"type": "integer"}
        if self.minimum is not None:
            j["minimum"] = self.minimum
        return j


class Number(Option):
    def __init__(self, minimum: float, maximum: float, **kw: Any) -> None:
        super().__init__(**kw)
        self.minimum, self.maximum = minimum, maximum

    def describe(self) -> str:
        return f"a number from {self.minimum} to {self.maximum} like {self.example}"

    def convert(self, value: Any, ctx: Context, keypath: tuple) -> Any:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise self.fail(value)
        if not self.minimum <= value <= self.maximum:
            raise Invalid(self.fail(value).message, codes.OUT_OF_RANGE)
        return float(value)

    def json(self) -> dict:
        return {"type": "number", "minimum": self.minimum, "maximum": self.maximum}
