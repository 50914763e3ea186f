"""Reading content files and checking each against its schema: translation groups into entries, contacts, tags.

The `Loader` collects the problems, the references between files and the pictures used as it goes.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from dataclasses import field as dc_field

from . import codes
from .models import TAG_LABEL, Contacts, NewsItem, Page, Pillar, Policy
from .problems import ERROR, Report
from .safety.body import check_body
from .schema import MISSING, Context, Schema, key_text, shown
from .schema.base import Reference
from .schema.limits import ID_RE
from .settings import SiteSettings
from .yamlio import Lines, ReadError, decode, load_yaml, split_front_matter

# A file's checked values, its body, the lines of its fields, the line its body starts on, its headings' anchors.
Loaded = tuple[dict, str, Lines, int, frozenset[str] | None]
KIND_SCHEMA = {"policy": Policy, "pillar": Pillar, "news": NewsItem, "page": Page}


@dataclass
class Entry:
    """A translation group of Markdown files: a pillar, a news item, a page or the policy."""

    kind: str
    id: str
    group: str  # repo-relative path without `.<lang>.md`
    sources: dict = dc_field(default_factory=dict)  # lang -> repo-relative path
    values: dict = dc_field(default_factory=dict)  # lang -> checked front matter
    bodies: dict = dc_field(default_factory=dict)  # lang -> Markdown text
    state: str = "published"  # published | draft | scheduled | invalid
    urls: dict = dc_field(default_factory=dict)  # lang -> site path like "nyheder/x/"
    lines: dict = dc_field(default_factory=dict)  # lang -> {key path: line}
    body_lines: dict = dc_field(default_factory=dict)  # lang -> file line where the body starts
    anchors: dict = dc_field(default_factory=dict)  # lang -> ids of the body's headings (None: not known)

    @property
    def default(self) -> dict:
        return next(iter(self.values.values())) if self.values else {}


class Loader:
    """Reads files and checks them against their schemas, collecting problems, references and pictures."""

    def __init__(self, root: str, settings: SiteSettings) -> None:
        self.root = root
        self.settings = settings
        self.report = Report()
        self.refs: list[Reference] = []
        self.assets: set[str] = set()
        self.unreadable: set[str] = set()  # reference kinds whose data file could not be read
        self.broken_tags: set[str] = set()  # tag ids whose label has errors (reported in news/tags.yml)

    def ctx(self, rel: str, lines: Lines) -> Context:
        return Context(
            path=rel,
            lines=lines,
            languages=tuple(self.settings.languages),
            default_language=self.settings.default_language,
            base_dir=os.path.dirname(os.path.join(self.root, rel)),
            root=self.root,
            phone_region=self.settings.phone_region,
        )

    def flush(self, ctx: Context) -> int:
        """Move a context's problems, references and pictures into the loader; return the number of errors."""
        for p in ctx.problems:
            self.report.add(p)
        errors = sum(1 for p in ctx.problems if p.severity == ERROR)
        self.refs.extend(ctx.refs)
        self.assets.update(ctx.assets)
        ctx.problems.clear()
        ctx.refs.clear()
        return errors

    def read(self, rel: str) -> str | None:
        try:
            with open(os.path.join(self.root, rel), "rb") as fh:
                return decode(fh.read())
        except ReadError as exc:
            self.report.error(rel, exc.line, exc.field, exc.message, code=exc.code)
        except OSError as exc:
            self.report.error(rel, 0, "", f"cannot be read ({exc.strerror})", code=codes.UNREADABLE)
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
            for _, rel in sorted(by_lang.items()):
                self.report.error(
                    rel,
                    0,
                    "",
                    f"translation without a default-language file: expected "
                    f"{group}.{d}.md with all the shared fields (dates, links, pictures)",
                    code=codes.TRANSLATION_WITHOUT_DEFAULT,
                )
            return None
        base_values, errors = self.load_file(schema, by_lang[d], None)
        if base_values is None or errors:
            entry.state = "invalid"
            for lang, rel in by_lang.items():
                if lang != d:
                    self.load_file(schema, rel, base_values[0] if base_values else {}, base_path=by_lang[d])
            return entry
        entry.sources[d] = by_lang[d]
        entry.values[d], entry.bodies[d], entry.lines[d], entry.body_lines[d], entry.anchors[d] = base_values
        for lang in self.settings.languages[1:]:
            rel = by_lang.get(lang)
            if rel is None:
                what = (
                    "the site shows the default-language page with a notice"
                    if self.settings.missing_translation == "notice"
                    else "the page is left out in that language"
                )
                self.report.warning(
                    by_lang[d],
                    0,
                    "",
                    f"missing translation: no {group}.{lang}.md; {what}",
                    code=codes.MISSING_TRANSLATION,
                )
                continue
            vals, errs = self.load_file(schema, rel, base_values[0], base_path=by_lang[d])
            if vals is not None and not errs:
                entry.sources[lang] = rel
                (
                    entry.values[lang],
                    entry.bodies[lang],
                    entry.lines[lang],
                    entry.body_lines[lang],
                    entry.anchors[lang],
                ) = vals
        return entry

    def load_file(
        self, schema: type[Schema], rel: str, base: dict | None, base_path: str | None = None
    ) -> tuple[Loaded | None, int]:
        """Check one Markdown file (a translation against `base`, the default language's values, from
        `base_path`); return ((values, body, lines, body line, anchors), error count) or (None, error count)."""
        text = self.read(rel)
        if text is None:
            return None, 1
        try:
            doc = split_front_matter(text)
        except ReadError as exc:
            self.report.error(rel, exc.line, exc.field, exc.message, code=exc.code)
            return None, 1
        meta = doc.meta
        if meta is None:
            meta = {}
        if not isinstance(meta, dict):
            self.report.error(
                rel,
                2,
                "",
                f"expected fields like `title: ...` between the --- lines, found {shown(meta)}",
                code=codes.NOT_FIELDS,
            )
            return None, 1
        ctx = self.ctx(rel, doc.lines)
        if base_path:
            ctx.default_source = base_path
        values = schema.check(meta, ctx, (), translation_of=base)
        errors = self.flush(ctx)
        checked = check_body(
            rel,
            doc.body,
            doc.body_line,
            ctx.base_dir,
            self.root,
            self.settings.markdown,
            needs_text=schema in (NewsItem, Page),
        )
        for p in checked.problems:
            self.report.add(p)
        errors += sum(1 for p in checked.problems if p.severity == ERROR)
        self.assets.update(checked.assets)
        return (values, doc.body, doc.lines, doc.body_line, checked.anchors), errors

    # ---- YAML data
    def load_data(self, rel: str) -> tuple[object, Context | None]:
        """Read a YAML data file: (its value, a context to check it in), or (None, None) if it cannot be read."""
        text = self.read(rel)
        if text is None:
            return None, None
        try:
            data, lines = load_yaml(text)
        except ReadError as exc:
            self.report.error(rel, exc.line, exc.field, exc.message, code=exc.code)
            return None, None
        return data, self.ctx(rel, lines)

    def load_contacts(self) -> dict:
        rel = "policy/contacts.yml"
        # until the file can be read, references to contacts are not checked (no error for each one)
        self.unreadable.update({"contact", "unit"})
        if not os.path.isfile(os.path.join(self.root, rel)):
            self.report.error(
                rel,
                0,
                "",
                "missing: the site needs its contacts; see CONTENT.md for an example",
                code=codes.MISSING_FILE,
            )
            return {}
        data, ctx = self.load_data(rel)
        if ctx is None:
            return {}
        if not isinstance(data, dict):
            self.report.error(
                rel, 1, "", f"expected fields main_unit, people and units, found {shown(data)}", code=codes.NOT_FIELDS
            )
            return {}
        self.unreadable.difference_update({"contact", "unit"})
        values = Contacts.check(data, ctx, ())
        people = {p["id"]: p for p in values.get("people", []) if "id" in p}  # without an id: reported
        units = {u["id"]: u for u in values.get("units", []) if "id" in u}
        for pid in people.keys() & units.keys():
            ctx.error(
                ("units",),
                f"the id `{pid}` is used by a person and a unit: expected each id once",
                code=codes.DUPLICATE_ITEM,
            )
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
            self.report.error(
                rel,
                1,
                "",
                "expected one tag per line, like `forum: {da: Virksomhedsforum, "
                "sv: Företagsforum, en: Business forum}`",
                code=codes.NOT_FIELDS,
            )
            return {}
        tags = {}
        for key, value in data.items():
            if not isinstance(key, str) or not ID_RE.match(key):
                ctx.error(
                    (key_text(key),),
                    f"expected a tag id of lowercase letters, digits and - like `forum`, found {shown(key)}",
                    code=codes.INVALID_ID,
                )
                continue
            v = TAG_LABEL.check(value, ctx, (key_text(key),))
            if v is not MISSING:
                tags[key] = v
            else:
                self.broken_tags.add(key)
        self.flush(ctx)
        return tags
