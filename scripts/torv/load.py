"""Reading content files and checking each against its schema: Markdown translation groups into entries,
the contacts and the tags; problems, references between files and pictures used are collected."""
from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field as dc_field

from .bodycheck import check_body
from .models import TAG_LABEL, Contacts, NewsItem, Page, Pillar, Policy
from .problems import Report
from .schema import MISSING, Context, Ident, Schema, dotted, key_text, shown
from .settings import SiteSettings
from .yamlio import ReadError, decode, load_yaml, split_front_matter

KIND_SCHEMA = {"policy": Policy, "pillar": Pillar, "news": NewsItem, "page": Page}


@dataclass
class Entry:
    """A translation group of Markdown files: a pillar, a news item, a page or the policy."""
    kind: str
    id: str
    group: str                                   # repo-relative path without `.<lang>.md`
    sources: dict = dc_field(default_factory=dict)     # lang -> repo-relative path
    values: dict = dc_field(default_factory=dict)      # lang -> checked front matter
    bodies: dict = dc_field(default_factory=dict)      # lang -> Markdown text
    state: str = "published"                     # published | draft | scheduled | invalid
    urls: dict = dc_field(default_factory=dict)        # lang -> site path like "nyheder/x/"
    lines: dict = dc_field(default_factory=dict)       # lang -> {key path: line}

    @property
    def default(self) -> dict:
        return next(iter(self.values.values())) if self.values else {}


class Loader:
    """Reads files and checks them against their schemas, collecting problems, references and pictures."""

    def __init__(self, root: str, settings: SiteSettings):
        self.root = root
        self.settings = settings
        self.report = Report()
        self.refs: list = []           # (kind, value, path, line)
        self.assets: set = set()
        self.unreadable: set = set()   # reference kinds whose data file could not be read
        self.broken_tags: set = set()  # tag ids whose label has errors (reported in news/tags.yml)

    def ctx(self, rel: str, lines) -> Context:
        return Context(path=rel, lines=lines, languages=tuple(self.settings.languages),
                       default_language=self.settings.default_language,
                       base_dir=os.path.dirname(os.path.join(self.root, rel)), root=self.root,
                       phone_region=self.settings.phone_region)

    def flush(self, ctx: Context, other_path: dict | None = None) -> int:
        """Move a context's problems into the report; return the number of errors."""
        errors = 0
        for sev, keypath, msg in ctx.problems:
            line = ctx.line(keypath)
            if sev == "mismatch":
                mine, base = msg
                other = (other_path or {}).get("path", "the default-language file")
                self.report.error(ctx.path, line, dotted(keypath),
                                  f"this translation says {_fmt(mine)} but {other} says {_fmt(base)}; "
                                  f"a shared field must be the same in every language (or left out of "
                                  f"the translation)")
                errors += 1
                continue
            self.report.add(ctx.path, line, dotted(keypath), msg, sev)
            errors += sev == "error"
        for kind, value, keypath in ctx.refs:
            self.refs.append((kind, value, ctx.path, ctx.line(keypath), dotted(keypath)))
        self.assets.update(ctx.assets)
        ctx.problems.clear()
        ctx.refs.clear()
        return errors

    def read(self, rel: str):
        try:
            with open(os.path.join(self.root, rel), "rb") as fh:
                return decode(fh.read())
        except ReadError as exc:
            self.report.error(rel, exc.line, exc.field, exc.message)
        except OSError as exc:
            self.report.error(rel, 0, "", f"cannot be read ({exc.strerror})")
        return None

    # ---- Markdown groups
    def load_markdown(self, groups: dict[tuple[str, str], dict[str, str]]) -> dict[str, list[Entry]]:
        """Every translation group, checked; keyed by kind."""
        out: dict[str, list[Entry]] = {"policy": [], "pillar": [], "news": [], "page": []}
        for (kind, group), by_lang in sorted(groups.items()):
            entry = self.load_group(kind, group, by_lang)
            if entry is not None:
                out[kind].append(entry)
        return out

    def load_group(self, kind: str, group: str, by_lang: dict) -> Entry | None:
        d = self.settings.default_language
        schema = KIND_SCHEMA[kind]
        name = group.split("/")[-1]
        entry = Entry(kind=kind, id=name, group=group)
        if d not in by_lang:
            for lang, rel in sorted(by_lang.items()):
                self.report.error(rel, 0, "", f"translation without a default-language file: expected "
                                              f"{group}.{d}.md with all the shared fields (dates, links, pictures)")
            return None
        if kind == "pillar" and not Ident.pattern.match(name):
            self.report.error(by_lang[d], 0, "", f"the file name is the pillar's id: expected lowercase letters, "
                                                 f"digits and -, like policy/pillars/dialog.{d}.md, found {shown(name)}")
        base_values, errors = self.load_file(schema, by_lang[d], None)
        if base_values is None or errors:
            entry.state = "invalid"
            for lang, rel in by_lang.items():
                if lang != d:
                    self.load_file(schema, rel, base_values[0] if base_values else {}, base_path=by_lang[d])
            return entry
        entry.sources[d] = by_lang[d]
        entry.values[d], entry.bodies[d], entry.lines[d] = base_values
        for lang in self.settings.languages[1:]:
            rel = by_lang.get(lang)
            if rel is None:
                what = ("the site shows the default-language page with a notice"
                        if self.settings.missing_translation == "notice" else "the page is left out in that language")
                self.report.warning(by_lang[d], 0, "", f"missing translation: no {group}.{lang}.md; {what}")
                continue
            vals, errs = self.load_file(schema, rel, base_values[0], base_path=by_lang[d])
            if vals is not None and not errs:
                entry.sources[lang] = rel
                entry.values[lang], entry.bodies[lang], entry.lines[lang] = vals
        return entry

    def load_file(self, schema: type[Schema], rel: str, base, base_path=None):
        """Check one Markdown file; return ((values, body), error count) or (None, n)."""
        text = self.read(rel)
        if text is None:
            return None, 1
        try:
            doc = split_front_matter(text)
        except ReadError as exc:
            self.report.error(rel, exc.line, exc.field, exc.message)
            return None, 1
        meta = doc.meta
        if meta is None:
            meta = {}
        if not isinstance(meta, dict):
            self.report.error(rel, 2, "", f"expected fields like `title: ...` between the --- lines, found {shown(meta)}")
            return None, 1
        ctx = self.ctx(rel, doc.lines)
        values = schema.check(meta, ctx, (), translation_of=base)
        errors = self.flush(ctx, {"path": base_path} if base_path else None)
        problems, assets = check_body(doc.body, doc.body_line, ctx.base_dir, self.root)
        for line, fld, msg, sev in problems:
            self.report.add(rel, line, fld, msg, sev)
            errors += sev == "error"
        self.assets.update(assets)
        return (values, doc.body, doc.lines), errors

    # ---- YAML data
    def load_data(self, rel: str):
        text = self.read(rel)
        if text is None:
            return None, None
        try:
            data, lines = load_yaml(text)
        except ReadError as exc:
            self.report.error(rel, exc.line, exc.field, exc.message)
            return None, None
        return data, self.ctx(rel, lines)

    def load_contacts(self) -> dict:
        rel = "policy/contacts.yml"
        # until the file can be read, references to contacts are not checked (no error for each one)
        self.unreadable.update({"contact", "unit"})
        if not os.path.isfile(os.path.join(self.root, rel)):
            self.report.error(rel, 0, "", "missing: the site needs its contacts; see CONTENT.md for an example")
            return {}
        data, ctx = self.load_data(rel)
        if ctx is None:
            return {}
        if not isinstance(data, dict):
            self.report.error(rel, 1, "", f"expected fields main_unit, people and units, found {shown(data)}")
            return {}
        self.unreadable.difference_update({"contact", "unit"})
        values = Contacts.check(data, ctx, ())
        people = {p["id"]: p for p in values.get("people", []) if "id" in p}   # without an id: reported
        units = {u["id"]: u for u in values.get("units", []) if "id" in u}
        for pid in people.keys() & units.keys():
            ctx.error(("units",), f"the id `{pid}` is used by a person and a unit: expected each id once")
        # owners/contacts resolve against both; main_unit against units
        self.flush(ctx)
        return {"main_unit": values.get("main_unit"), "people": people, "units": units}

    def load_tags(self) -> dict:
        rel = "news/tags.yml"
        if not os.path.isfile(os.path.join(self.root, rel)):
            return {}
        data, ctx = self.load_data(rel)
        if ctx is None:
            self.unreadable.add("tag")
            return {}
        if data is None:
            return {}
        if not isinstance(data, dict):
            self.unreadable.add("tag")
            self.report.error(rel, 1, "", "expected one tag per line, like `forum: {da: Virksomhedsforum, "
                                          "sv: Företagsforum, en: Business forum}`")
            return {}
        tags = {}
        for key, value in data.items():
            if not isinstance(key, str) or not Ident.pattern.match(key):
                ctx.error((key_text(key),), f"expected a tag id of lowercase letters, digits and - like `forum`, found {shown(key)}")
                continue
            v = TAG_LABEL.check(value, ctx, (key_text(key),))
            if v is not MISSING:
                tags[key] = v
            else:
                self.broken_tags.add(key)
        self.flush(ctx)
        return tags


def _fmt(v) -> str:
    if isinstance(v, dt.datetime):
        return v.strftime("%Y-%m-%d %H:%M")
    if isinstance(v, dt.date):
        return v.isoformat()
    if isinstance(v, list):
        return "[" + ", ".join(_fmt(x) for x in v) + "]"
    if isinstance(v, dict):
        return next(iter(v.values())) if v else "{}"
    return shown(v)
