"""A group of fields (`Schema`): unknown and missing fields, translations, rules across fields, JSON Schema."""

from __future__ import annotations

from typing import cast

from .. import codes
from .base import MISSING, Context, Option, did_you_mean, key_text, shown, shown_checked
from .collections import ListOf, Nested


class Schema:
    """A group of fields. Subclasses declare Option attributes; `rules` adds checks across fields. A field
    that the group does not declare is an error."""

    _fields: dict[str, Option] | None = None
    schema_title = ""
    checked_first: tuple[str, ...] = ()  # fields that the checks of the others need (the site's languages)

    @classmethod
    def fields(cls) -> dict[str, Option]:
        """The declared fields, a base class's first, each in the order written (computed once per class)."""
        fields = cls.__dict__.get("_fields")
        if fields is None:
            fields = {
                name: value
                for klass in reversed(cls.__mro__)
                for name, value in vars(klass).items()
                if isinstance(value, Option)
            }
            cls._fields = fields
        return fields

    @classmethod
    def example_inline(cls) -> str:
        req = [(k, o) for k, o in cls.fields().items() if o.required][:2]
        parts = [f"{k}: {o.example_text() or '...'}" for k, o in req]
        return "{" + ", ".join(parts) + "}"

    @classmethod
    def check(cls, data: dict, ctx: Context, keypath: tuple = (), translation_of: dict | None = None) -> dict:
        """Check a mapping. With `translation_of` (the default-language values), only translated
        fields are expected; shared fields may be repeated but must be equal."""
        fields = cls.fields()
        out: dict = {}
        for key in data:
            if key not in fields:
                group = next((n for n, o in fields.items() if isinstance(o, Nested) and key in o.schema.fields()), None)
                if group is not None:
                    name = key_text(key)
                    ctx.error(
                        keypath + (name,),
                        f"`{name}` is a field of the `{group}:` group: indent it like the "
                        f"lines under `{group}:` (two spaces: `  {name}: ...`)",
                        code=codes.UNKNOWN_FIELD,
                    )
                    continue
                hint = did_you_mean(key, fields)
                ctx.error(
                    keypath + (key_text(key),),
                    f"unknown field `{key_text(key)}`{hint}; expected one of: {', '.join(fields)}",
                    code=codes.UNKNOWN_FIELD,
                )
        for name, opt in sorted(fields.items(), key=lambda item: item[0] not in cls.checked_first):
            kp = keypath + (name,)
            present = name in data and data[name] is not None
            if translation_of is None:
                if not present:
                    if opt.required:
                        ctx.error(
                            kp,
                            f"missing required field; expected {opt.describe_in(ctx)}, "
                            f"e.g. `{name}: {opt.example_in(ctx) or '...'}`",
                            code=codes.MISSING_FIELD,
                        )
                    elif opt.default is not MISSING:
                        out[name] = opt.default
                    continue
                v = opt.check(data[name], ctx, kp)
                if v is not MISSING:
                    out[name] = v
                continue
            # translation
            base = translation_of.get(name, MISSING)
            if not present:
                if opt.translated and opt.required:
                    ctx.error(
                        kp,
                        f"missing translated field; expected {opt.describe_in(ctx)}, "
                        f"e.g. `{name}: {opt.example_in(ctx) or '...'}`",
                        code=codes.MISSING_TRANSLATED_FIELD,
                    )
                if base is not MISSING:
                    out[name] = base
                continue
            if opt.translated:
                v = opt.check(data[name], ctx, kp)
                if v is not MISSING:
                    out[name] = v
                elif base is not MISSING:
                    out[name] = base
                continue
            if isinstance(opt, Nested) and opt.has_translated_parts and isinstance(data[name], dict):
                out[name] = opt.schema.check(data[name], ctx, kp, translation_of=base if isinstance(base, dict) else {})
                continue
            if (
                isinstance(opt, ListOf)
                and isinstance(opt.item, Nested)
                and opt.item.has_translated_parts
                and opt.unique_key
                and isinstance(data[name], list)
            ):
                out[name] = _translate_list(opt, data[name], base if isinstance(base, list) else [], ctx, kp)
                continue
            v = opt.check(data[name], ctx, kp)
            if v is MISSING:
                if base is not MISSING:
                    out[name] = base
                continue
            if base is MISSING or v != base:
                ctx.error(
                    kp,
                    f"this translation says {shown_checked(v)} but {ctx.default_source} says "
                    f"{shown_checked(base)}; a shared field must be the same in every language (or left "
                    f"out of the translation)",
                    code=codes.TRANSLATION_DIFFERS,
                )
            out[name] = base if base is not MISSING else v
        if translation_of is None:
            cls.rules(out, ctx, keypath)
        return out

    @classmethod
    def rules(cls, values: dict, ctx: Context, keypath: tuple) -> None:
        """Checks across fields; override."""

    @classmethod
    def json_schema(cls, translation: bool = False) -> dict:
        props, required = {}, []
        for name, opt in cls.fields().items():
            if translation and not opt.has_translated_parts:
                j = opt.json_full()
                j["description"] = (j.get("description", "") + " (shared: may be left out of a translation)").strip()
            elif translation and isinstance(opt, Nested) and not opt.translated:
                j = opt.schema.json_schema(translation=True)
            elif translation and isinstance(opt, ListOf) and isinstance(opt.item, Nested):
                j = opt.json_full()
                j["items"] = opt.item.schema.json_schema(translation=True)
            else:
                j = opt.json_full()
            props[name] = j
            if opt.required and (not translation or opt.translated):
                required.append(name)
        j = {"type": "object", "properties": props, "additionalProperties": False}
        if required:
            j["required"] = required
        if cls.schema_title:
            j["title"] = cls.schema_title
        return j


def _translate_list(opt: ListOf, items: list, base: list, ctx: Context, kp: tuple) -> list:
    """A translated list of id'd entries (commitments): match each by id onto the default's."""
    key = opt.unique_key
    by_id = {b[key]: b for b in base if isinstance(b, dict) and isinstance(b.get(key), str)}
    schema = cast(Nested, opt.item).schema  # the caller checks that it is a list of groups
    translated: dict = {}
    for i, entry in enumerate(items):
        ekp = kp + (i,)
        if not isinstance(entry, dict):
            ctx.error(ekp, f"expected {opt.item.describe()}, found {shown(entry)}", code=opt.item.code)
            continue
        eid = entry.get(key)
        if isinstance(eid, int) and not isinstance(eid, bool):
            eid = str(eid)
        if not isinstance(eid, str) or eid not in by_id:
            what = "missing" if eid is None else f"{shown(eid)} is not in the default-language file"
            ctx.error(
                ekp + (key,),
                f"{what}; expected one of: {', '.join(by_id) or 'none'}"
                f"{did_you_mean(eid, by_id) if isinstance(eid, str) else ''}",
                code=codes.TRANSLATION_UNKNOWN_ITEM,
            )
            continue
        translated[eid] = schema.check(entry, ctx, ekp, translation_of=by_id[eid])
    out = []
    for b in base:
        bid = b.get(key) if isinstance(b, dict) else None
        if bid in translated:
            out.append(translated[bid])
        else:
            if bid is not None:
                ctx.warning(
                    kp,
                    f"missing translation of {key} {shown(bid)}: the default-language text is shown",
                    code=codes.MISSING_TRANSLATION,
                )
            out.append(b)
    return out


def walk_options(schema: type[Schema], prefix=()) -> list[tuple[tuple, Option]]:
    """Every option with its key path (for docs and tests)."""
    out = []
    for name, opt in schema.fields().items():
        out.append((prefix + (name,), opt))
        inner = opt.item if isinstance(opt, ListOf) else opt
        if isinstance(inner, Nested):
            out.extend(walk_options(inner.schema, prefix + (name,)))
    return out
