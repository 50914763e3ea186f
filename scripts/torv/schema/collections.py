"""Options that hold other values: lists, texts per language and groups of fields."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .. import codes
from .base import MISSING, Context, Invalid, Option, did_you_mean, key_text, shown

if TYPE_CHECKING:
    from .mapping import Schema


class ListOf(Option):
    example_in_json = False

    def __init__(self, item: Option, unique_key: str | None = None, **kw: Any) -> None:
        super().__init__(**kw)
        self.item = item
        self.unique_key = unique_key

    def describe(self) -> str:
        ex = self.example_text()
        return "a list" + (f" like {ex}" if ex else "")

    def example_text(self) -> str:
        if self.example is not None:
            return str(self.example)
        return ""

    @property
    def has_translated_parts(self) -> bool:
        return self.translated or self.item.has_translated_parts

    def convert(self, value: Any, ctx: Context, keypath: tuple) -> Any:
        if value is None:
            return []
        if not isinstance(value, list):
            raise self.fail(value)
        out: list = []
        seen: dict = {}
        for i, v in enumerate(value):
            r = self.item.check(v, ctx, keypath + (i,))
            if r is MISSING:
                continue
            if self.unique_key or not isinstance(r, dict):
                key = r.get(self.unique_key) if isinstance(r, dict) else r
                if key is not None and not isinstance(key, (dict, list)):
                    try:
                        hash(key)
                    except TypeError:
                        key = None
                    if key is not None and key in seen:
                        ctx.error(
                            keypath + (i,),
                            f"{shown(key)} is listed twice (also as item {seen[key] + 1}): each must be unique",
                            code=codes.DUPLICATE_ITEM,
                        )
                        continue
                    if key is not None:
                        seen[key] = i
            out.append(r)
        return out

    def json(self) -> dict:
        j: dict[str, Any] = {"type": "array", "items": self.item.json_full()}
        if self.unique_key is None and not isinstance(self.item, Nested):
            j["uniqueItems"] = True
        return j


class Localized(Option):
    """YAML data text: a plain value (same in every language) or {da: ..., sv: ..., en: ...}."""

    def __init__(self, inner: Option, **kw: Any) -> None:
        super().__init__(translated=True, **kw)
        self.inner = inner

    def describe(self) -> str:
        return (
            f"{self.inner.describe()}, or one per language like "
            f"{{da: Borgmester, sv: Kommunstyrelsens ordförande, en: Mayor}}"
        )

    def convert(self, value: Any, ctx: Context, keypath: tuple) -> Any:
        if isinstance(value, dict):
            out = {}
            for lang, v in value.items():
                if lang not in ctx.languages:
                    ctx.error(
                        keypath + (key_text(lang),),
                        f"expected a language code ({', '.join(ctx.languages)}), "
                        f"found {shown(lang)}{did_you_mean(lang, ctx.languages)}",
                        code=codes.UNKNOWN_LANGUAGE,
                    )
                    continue
                r = self.inner.check(v, ctx, keypath + (key_text(lang),))
                if r is not MISSING:
                    out[lang] = r
            if ctx.default_language not in value:
                raise Invalid(
                    f"expected a text in the default language `{ctx.default_language}`, "
                    f"found only {', '.join(key_text(k) for k in value) or 'none'}",
                    codes.MISSING_DEFAULT_LANGUAGE,
                )
            missing = [lg for lg in ctx.languages if lg not in value]
            if missing and ctx.default_language in out:
                ctx.warning(
                    keypath,
                    f"missing translation ({', '.join(missing)}): the {ctx.default_language} text is shown instead",
                    code=codes.MISSING_TRANSLATION,
                )
            for lg in ctx.languages:
                if lg not in out and ctx.default_language in out:
                    out[lg] = out[ctx.default_language]
            return out
        r = self.inner.convert(value, ctx, keypath)
        return dict.fromkeys(ctx.languages, r)

    def json(self) -> dict:
        inner = self.inner.json()
        return {
            "anyOf": [
                inner,
                {
                    "type": "object",
                    "additionalProperties": inner,
                    "propertyNames": {"pattern": "^[a-z]{2,3}(-[A-Za-z]{2,4})?$"},
                },
            ]
        }


class Nested(Option):
    example_in_json = False

    def __init__(self, schema: type[Schema], **kw: Any) -> None:
        super().__init__(**kw)
        self.schema = schema

    def describe(self) -> str:
        return f"a group of fields like {self.schema.example_inline()}"

    @property
    def has_translated_parts(self) -> bool:
        return self.translated or any(o.has_translated_parts for o in self.schema.fields().values())

    def convert(self, value: Any, ctx: Context, keypath: tuple) -> Any:
        if not isinstance(value, dict):
            raise self.fail(value)
        return self.schema.check(value, ctx, keypath)

    def json(self) -> dict:
        return self.schema.json_schema()
