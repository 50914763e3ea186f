"""Typed options: the one schema that validates content and is exported as JSON Schema.

In the manner of mkdocs' `config_options`: each field is an instance of an
option class that knows how to check a value, how to describe what it expects
(with an example), and its JSON Schema. A `Schema` subclass lists fields as
class attributes. Checking collects every problem; it never raises on input.

Messages read "expected X, found Y" and carry an example of the valid form.
"""
from __future__ import annotations

import datetime as dt
import difflib
import os
import re
from dataclasses import dataclass, field as dc_field
from typing import Any

import phonenumbers

from .yamlio import Lines, line_of

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
        if self.example is not None and not isinstance(self, (Nested, ListOf)):
            j.setdefault("examples", [self.example])
        return j

    @property
    def has_translated_parts(self) -> bool:
        return self.translated


HTML_TAG = re.compile(r"<\s*/?\s*[a-zA-Z!][^>]*>")
PLACEHOLDER = "TODO:"   # marks a text still to be written (scaffolded translations): an error until replaced


class Text(Option):
    expected = "a text"

    def __init__(self, max_length: int | None = None, **kw):
        super().__init__(**kw)
        self.max_length = max_length

    def describe(self):
        base = "a text"
        if self.max_length:
            base += f" of at most {self.max_length} characters"
        return base + (f" like {self.example_text()}" if self.example else "")

    def example_text(self):
        return f'"{self.example}"' if self.example else ""

    def convert(self, value, ctx, keypath):
        if isinstance(value, bool) or value is None or isinstance(value, (list, dict)):
            raise self.fail(value)
        if isinstance(value, (int, float)):
            value = str(value)
        if not isinstance(value, str):
            raise self.fail(value)
        value = value.strip()
        if not value:
            raise Invalid(f"expected {self.describe()}, found an empty text")
        if value[:len(PLACEHOLDER)].upper() == PLACEHOLDER:
            raise Invalid(f"expected a translated text, found the placeholder {shown(value)}: write the text "
                          f"in this language in its place (without {PLACEHOLDER})")
        if HTML_TAG.search(value):
            raise Invalid(f"expected plain text without HTML tags, found {shown(value)}: remove the <...> part")
        if self.max_length and len(value) > self.max_length:
            raise Invalid(f"expected at most {self.max_length} characters, found {len(value)}: "
                          f"shorten the text by {len(value) - self.max_length} characters")
        return value

    def json(self):
        j = {"type": "string", "minLength": 1}
        if self.max_length:
            j["maxLength"] = self.max_length
        return j


class Ident(Text):
    """An id: lowercase letters, digits and hyphens."""
    pattern = re.compile(r"^[a-z0-9][a-z0-9-]*$")

    def __init__(self, example: str = "dialog", **kw):
        super().__init__(example=example, **kw)

    def describe(self):
        return f"an id of lowercase letters, digits and - like {self.example}"

    def convert(self, value, ctx, keypath):
        if not isinstance(value, (str, int)) or isinstance(value, bool):
            raise self.fail(value)
        value = str(value).strip()
        if not self.pattern.match(value):
            raise self.fail(value)
        return value

    def json(self):
        return {"type": "string", "pattern": self.pattern.pattern}


class Ref(Ident):
    """An id that must exist elsewhere (a contact, a pillar, a tag...)."""

    def __init__(self, kind: str, pattern: str | None = None, **kw):
        super().__init__(**kw)
        self.kind = kind
        if pattern:
            self.pattern = re.compile(pattern)

    def describe(self):
        return f"a {self.kind} id like {self.example}"

    def convert(self, value, ctx, keypath):
        value = super().convert(value, ctx, keypath)
        ctx.refs.append((self.kind, value, keypath))
        return value


class Choice(Option):
    def __init__(self, choices, **kw):
        super().__init__(example=choices[0], **kw)
        self.choices = list(choices)

    def describe(self):
        return "one of " + ", ".join(f"`{c}`" for c in self.choices)

    def convert(self, value, ctx, keypath):
        if value in self.choices:
            return value
        hint = did_you_mean(value, self.choices) if isinstance(value, str) else ""
        raise Invalid(f"expected {self.describe()}, found {shown(value)}{hint}")

    def json(self):
        return {"enum": self.choices}


class Boolean(Option):
    expected = "true or false"

    def describe(self):
        return "true or false"

    def convert(self, value, ctx, keypath):
        if isinstance(value, bool):
            return value
        raise self.fail(value)

    def json(self):
        return {"type": "boolean"}


class Integer(Option):
    expected = "a whole number"

    def __init__(self, minimum: int | None = None, **kw):
        super().__init__(**kw)
        self.minimum = minimum

    def convert(self, value, ctx, keypath):
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.fail(value)
        if self.minimum is not None and value < self.minimum:
            raise Invalid(f"expected a whole number of at least {self.minimum}, found {value}")
        return value

    def json(self):
        j = {"type": "integer"}
        if self.minimum is not None:
            j["minimum"] = self.minimum
        return j


class Number(Option):
    def __init__(self, minimum: float, maximum: float, **kw):
        super().__init__(**kw)
        self.minimum, self.maximum = minimum, maximum

    def describe(self):
        return f"a number from {self.minimum} to {self.maximum} like {self.example}"

    def convert(self, value, ctx, keypath):
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise self.fail(value)
        if not self.minimum <= value <= self.maximum:
            raise self.fail(value)
        return float(value)

    def json(self):
        return {"type": "number", "minimum": self.minimum, "maximum": self.maximum}


DATE_RE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
DATETIME_RE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?$")


class Date(Option):
    expected = "a date"
    example = "2026-01-30"

    def convert(self, value, ctx, keypath):
        if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
            return value
        if not isinstance(value, str):
            raise self.fail(value)
        m = DATE_RE.match(value.strip())
        if not m:
            raise self.fail(value)
        try:
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            raise Invalid(f"expected {self.describe()}, found {shown(value)}, which is not a "
                          f"date in the calendar") from None

    def json(self):
        return {"type": "string", "format": "date", "pattern": DATE_RE.pattern}


class DateTime(Option):
    expected = "a local date and time"
    example = "2026-12-03 08:30"

    def convert(self, value, ctx, keypath):
        if not isinstance(value, str):
            raise self.fail(value)
        m = DATETIME_RE.match(value.strip())
        if not m:
            raise self.fail(value)
        try:
            return dt.datetime(int(m[1]), int(m[2]), int(m[3]), int(m[4]), int(m[5]), int(m[6] or 0))
        except ValueError:
            raise Invalid(f"expected {self.describe()}, found {shown(value)}, which is not a "
                          f"real date and time") from None

    def json(self):
        return {"type": "string", "pattern": DATETIME_RE.pattern}


URL_RE = re.compile(r"^https?://[^\s/$.?#][^\s]*$", re.I)


class Url(Option):
    expected = "a web address"
    example = "https://havbjerg.example/erhverv"

    def convert(self, value, ctx, keypath):
        if not isinstance(value, str) or not URL_RE.match(value.strip()):
            raise self.fail(value)
        value = value.strip()
        if value.lower().startswith("http://"):
            ctx.warning(keypath, f"plain http:// link {shown(value)}: use https:// if the site offers it, "
                                 f"e.g. {'https://' + value[7:]}")
        return value

    def json(self):
        return {"type": "string", "format": "uri", "pattern": "^https?://"}


EMAIL_RE = re.compile(r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
                      r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$")


class Email(Option):
    expected = "an e-mail address"
    example = "erhverv@havbjerg.example"

    def convert(self, value, ctx, keypath):
        if not isinstance(value, str):
            raise self.fail(value)
        v = value.strip()
        if v.lower().startswith("mailto:"):
            v = v[7:]
        if not EMAIL_RE.match(v) or ".." in v:
            raise self.fail(value)
        return v

    def json(self):
        return {"type": "string", "format": "email"}


class UrlOrEmail(Option):
    expected = "a web address or an e-mail address"
    example = "https://havbjerg.example/tilmelding"

    def convert(self, value, ctx, keypath):
        if isinstance(value, str) and "@" in value and not value.strip().lower().startswith("http"):
            return {"email": Email().convert(value, ctx, keypath)}
        if isinstance(value, str) and URL_RE.match(value.strip()):
            return {"url": Url().convert(value, ctx, keypath)}
        raise self.fail(value)

    def json(self):
        return {"type": "string", "anyOf": [{"format": "uri"}, {"format": "email"}]}


@dataclass(frozen=True)
class PhoneNumber:
    e164: str
    display: str

    def __str__(self):
        return self.display


class Phone(Option):
    expected = "a phone number"
    example = "+45 72 10 20 00"

    def convert(self, value, ctx, keypath):
        if isinstance(value, int) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str):
            raise self.fail(value)
        try:
            num = phonenumbers.parse(value, ctx.phone_region)
        except phonenumbers.NumberParseException:
            raise self.fail(value) from None
        if not phonenumbers.is_valid_number(num):
            raise Invalid(f"expected {self.describe()}, found {shown(value)}, which is not a valid "
                          f"phone number (check the number of digits and the country code)")
        return PhoneNumber(phonenumbers.format_number(num, phonenumbers.PhoneNumberFormat.E164),
                           phonenumbers.format_number(num, phonenumbers.PhoneNumberFormat.INTERNATIONAL))

    def json(self):
        return {"type": "string", "pattern": r"^\+?[0-9 ()-]{6,20}$"}


class FilePath(Option):
    """A file relative to the content file (an image); it must exist."""
    expected = "the path of a picture next to this file"
    example = "images/forum.jpg"
    suffixes = (".jpg", ".jpeg", ".png", ".gif", ".webp", ".svg", ".avif")

    def convert(self, value, ctx, keypath):
        if not isinstance(value, str) or not value.strip():
            raise self.fail(value)
        v = value.strip()
        if re.match(r"^[a-z]+:", v, re.I) or v.startswith("/") or "\\" in v:
            raise Invalid(f"expected {self.describe()}, found {shown(value)}: write a path relative to "
                          f"this file, with / between folders")
        if not v.lower().endswith(self.suffixes):
            raise Invalid(f"expected a picture ({', '.join(self.suffixes)}), found {shown(value)}")
        full = os.path.normpath(os.path.join(ctx.base_dir, v))
        if not os.path.isfile(full):
            raise Invalid(f"the picture {shown(v)} does not exist: expected a file at "
                          f"{os.path.relpath(full, ctx.root).replace(os.sep, '/')}; "
                          f"upload it there or correct the path, e.g. {self.example}")
        ctx.assets.append(full)
        return v

    def json(self):
        return {"type": "string", "pattern": r"\.(jpe?g|png|gif|webp|svg|avif)$"}


TIME_RANGE_RE = re.compile(r"^(\d{1,2})[:.](\d{2})\s*[-–]\s*(\d{1,2})[:.](\d{2})$")


class TimeRange(Option):
    expected = "opening and closing time"
    example = '"08:00-16:00"'

    def convert(self, value, ctx, keypath):
        if not isinstance(value, str):
            raise self.fail(value)
        m = TIME_RANGE_RE.match(value.strip())
        if not m:
            raise self.fail(value)
        h1, m1, h2, m2 = (int(x) for x in m.groups())
        if h1 > 24 or h2 > 24 or m1 > 59 or m2 > 59 or (h1 == 24 and m1) or (h2 == 24 and m2):
            raise Invalid(f"expected {self.describe()}, found {shown(value)}, which is not a time of day")
        opens, closes = dt.time(h1 % 24, m1), (dt.time(23, 59) if h2 == 24 else dt.time(h2, m2))
        if closes <= opens:
            raise Invalid(f"closes before it opens: {shown(value)}; expected the opening time first, "
                          f"e.g. {self.example}")
        return (opens, closes)

    def json(self):
        return {"type": "string", "pattern": TIME_RANGE_RE.pattern}


class ListOf(Option):
    def __init__(self, item: Option, unique_key: str | None = None, **kw):
        super().__init__(**kw)
        self.item = item
        self.unique_key = unique_key

    def describe(self):
        ex = self.example_text()
        return "a list" + (f" like {ex}" if ex else "")

    def example_text(self):
        if self.example is not None:
            return str(self.example)
        return ""

    @property
    def has_translated_parts(self):
        return self.translated or self.item.has_translated_parts

    def convert(self, value, ctx, keypath):
        if value is None:
            return []
        if not isinstance(value, list):
            raise self.fail(value)
        out, seen = [], {}
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
                        ctx.error(keypath + (i,), f"{shown(key)} is listed twice (also as item {seen[key] + 1}): "
                                                  f"each must be unique")
                        continue
                    if key is not None:
                        seen[key] = i
            out.append(r)
        return out

    def json(self):
        j = {"type": "array", "items": self.item.json_full()}
        if self.unique_key is None and not isinstance(self.item, Nested):
            j["uniqueItems"] = True
        return j


class Localized(Option):
    """YAML data text: a plain value (same in every language) or {da: ..., sv: ..., en: ...}."""

    def __init__(self, inner: Option, **kw):
        super().__init__(translated=True, **kw)
        self.inner = inner

    def describe(self):
        return (f"{self.inner.describe()}, or one per language like "
                f"{{da: Borgmester, sv: Kommunstyrelsens ordförande, en: Mayor}}")

    def convert(self, value, ctx, keypath):
        if isinstance(value, dict):
            out = {}
            for lang, v in value.items():
                if lang not in ctx.languages:
                    ctx.error(keypath + (key_text(lang),), f"expected a language code ({', '.join(ctx.languages)}), "
                                                 f"found {shown(lang)}{did_you_mean(lang, ctx.languages)}")
                    continue
                r = self.inner.check(v, ctx, keypath + (key_text(lang),))
                if r is not MISSING:
                    out[lang] = r
            if ctx.default_language not in value:
                raise Invalid(f"expected a text in the default language `{ctx.default_language}`, "
                              f"found only {', '.join(key_text(k) for k in value) or 'none'}")
            missing = [lg for lg in ctx.languages if lg not in value]
            if missing and ctx.default_language in out:
                ctx.warning(keypath, f"missing translation ({', '.join(missing)}): the "
                                     f"{ctx.default_language} text is shown instead")
            for lg in ctx.languages:
                if lg not in out and ctx.default_language in out:
                    out[lg] = out[ctx.default_language]
            return out
        r = self.inner.convert(value, ctx, keypath)
        return {lg: r for lg in ctx.languages}

    def json(self):
        inner = self.inner.json()
        return {"anyOf": [inner, {"type": "object", "additionalProperties": inner,
                                  "propertyNames": {"pattern": "^[a-z]{2,3}(-[A-Za-z]{2,4})?$"}}]}


class Nested(Option):
    def __init__(self, schema: type["Schema"], **kw):
        super().__init__(**kw)
        self.schema = schema

    def describe(self):
        return f"a group of fields like {self.schema.example_inline()}"

    @property
    def has_translated_parts(self):
        return self.translated or any(o.has_translated_parts for o in self.schema.fields().values())

    def convert(self, value, ctx, keypath):
        if not isinstance(value, dict):
            raise self.fail(value)
        return self.schema.check(value, ctx, keypath)

    def json(self):
        return self.schema.json_schema()


class Schema:
    """A group of fields. Subclasses declare Option attributes; `rules` adds checks across fields."""
    _fields: dict[str, Option] | None = None
    schema_title = ""
    closed = True          # unknown fields are errors

    @classmethod
    def fields(cls) -> dict[str, Option]:
        if cls.__dict__.get("_fields") is None:
            fs = {}
            for klass in reversed(cls.__mro__):
                for k, v in vars(klass).items():
                    if isinstance(v, Option):
                        fs[k] = v
            cls._fields = fs
        return cls._fields

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
                hint = did_you_mean(key, fields)
                ctx.error(keypath + (key_text(key),), f"unknown field `{key_text(key)}`{hint}; "
                                                      f"expected one of: {', '.join(fields)}")
        for name, opt in fields.items():
            kp = keypath + (name,)
            present = name in data and data[name] is not None
            if translation_of is None:
                if not present:
                    if opt.required:
                        ctx.error(kp, f"missing required field; expected {opt.describe()}, "
                                      f"e.g. `{name}: {opt.example_text() or '...'}`")
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
                    ctx.error(kp, f"missing translated field; expected {opt.describe()}, "
                                  f"e.g. `{name}: {opt.example_text() or '...'}`")
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
            if (isinstance(opt, ListOf) and isinstance(opt.item, Nested) and opt.item.has_translated_parts
                    and opt.unique_key and isinstance(data[name], list)):
                out[name] = _translate_list(opt, data[name], base if isinstance(base, list) else [], ctx, kp)
                continue
            v = opt.check(data[name], ctx, kp)
            if v is MISSING:
                if base is not MISSING:
                    out[name] = base
                continue
            if base is MISSING or v != base:
                ctx.problems.append(("mismatch", kp, (v, base)))
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
        j = {"type": "object", "properties": props, "additionalProperties": not cls.closed}
        if required:
            j["required"] = required
        if cls.schema_title:
            j["title"] = cls.schema_title
        return j


def _translate_list(opt: ListOf, items: list, base: list, ctx: Context, kp: tuple) -> list:
    """A translated list of id'd entries (commitments): match each by id onto the default's."""
    key = opt.unique_key
    by_id = {b[key]: b for b in base if isinstance(b, dict) and isinstance(b.get(key), str)}
    schema = opt.item.schema
    translated: dict = {}
    for i, entry in enumerate(items):
        ekp = kp + (i,)
        if not isinstance(entry, dict):
            ctx.error(ekp, f"expected {opt.item.describe()}, found {shown(entry)}")
            continue
        eid = entry.get(key)
        if isinstance(eid, int) and not isinstance(eid, bool):
            eid = str(eid)
        if not isinstance(eid, str) or eid not in by_id:
            what = "missing" if eid is None else f"{shown(eid)} is not in the default-language file"
            ctx.error(ekp + (key,), f"{what}; expected one of: {', '.join(by_id) or 'none'}"
                                    f"{did_you_mean(eid, by_id) if isinstance(eid, str) else ''}")
            continue
        translated[eid] = schema.check(entry, ctx, ekp, translation_of=by_id[eid])
    out = []
    for b in base:
        bid = b.get(key) if isinstance(b, dict) else None
        if bid in translated:
            out.append(translated[bid])
        else:
            if bid is not None:
                ctx.warning(kp, f"missing translation of {key} {shown(bid)}: the default-language text is shown")
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

