"""Load and validate all content of a Torv repository into one `Site`, collecting every problem.

Pure with respect to its inputs: `load_site(root, today)` reads files under `root`
and returns (site, report); nothing is written and nothing raises on bad input.
"""
from __future__ import annotations

import datetime as dt
import os
import re
import urllib.parse
import zoneinfo
from dataclasses import dataclass, field as dc_field

import yaml

from . import i18n, statement
from .bodycheck import check_body
from .models import Contacts, NewsItem, Page, Pillar, Policy, Settings
from .problems import Report
from .schema import MISSING, Context, Ident, Localized, Schema, Text, did_you_mean, dotted, key_text, shown
from .yamlio import ReadError, decode, line_of, load_yaml, split_front_matter, yaml_error

CONTENT_DIRS = ("policy", "news", "docs")
DATA_FILES = {"policy/contacts.yml": "contacts", "news/tags.yml": "tags", statement.REL: "accessibility statement"}
KIND_SCHEMA = {"policy": Policy, "pillar": Pillar, "news": NewsItem, "page": Page}


class ConfigError(Exception):
    """mkdocs.yml cannot be used: a usage/configuration problem (exit 2)."""

    def __init__(self, report: Report):
        super().__init__(report.render())
        self.report = report


@dataclass
class SiteSettings:
    municipality: dict
    languages: list            # codes, default first
    default_language: str
    language_names: dict
    timezone: str
    phone_region: str
    missing_translation: str
    reviewed_max_age_days: int
    logo: str | None
    site_url: str
    repo_url: str | None
    edit_base: str | None
    site_name: str
    cname: str | None = None     # custom domain (site_url's host) for site/CNAME, when extra.torv.cname
    renderer: str = "material"   # extra.torv.renderer: material or zensical (render.py)


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


@dataclass
class Site:
    root: str
    settings: SiteSettings
    today: dt.date
    policy: Entry | None = None
    pillars: list = dc_field(default_factory=list)
    news: list = dc_field(default_factory=list)
    pages: list = dc_field(default_factory=list)
    contacts: dict = dc_field(default_factory=dict)
    tags: dict = dc_field(default_factory=dict)
    assets: set = dc_field(default_factory=set)    # absolute paths of files pages refer to
    unpublished: list = dc_field(default_factory=list)
    statement: dict | None = None                  # docs/accessibility.yml, checked (statement.py)

    def published(self, entries):
        return [e for e in entries if e.state == "published"]


# ---------------------------------------------------------------- settings (mkdocs.yml)

class _MkdocsLoader(yaml.SafeLoader):
    """mkdocs.yml may hold `!!python/name:` and `!ENV` tags; they do not concern Torv."""


_MkdocsLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def load_settings(root: str) -> SiteSettings:
    path = os.path.join(root, "mkdocs.yml")
    report = Report()
    try:
        with open(path, "rb") as fh:
            text = decode(fh.read())
        config = yaml.load(text, Loader=_MkdocsLoader) or {}
        _, lines = load_yaml(_strip_tags(text), aliases=True)
    except FileNotFoundError:
        report.error("mkdocs.yml", 0, "", "not found: run Torv from the repository's top folder")
        raise ConfigError(report) from None
    except ReadError as exc:
        report.error("mkdocs.yml", exc.line, exc.field, exc.message)
        raise ConfigError(report) from None
    except yaml.YAMLError as exc:
        line, message = yaml_error(exc, text)
        report.error("mkdocs.yml", line, "", message)
        raise ConfigError(report) from None
    extra = (config.get("extra") or {}) if isinstance(config, dict) else {}
    raw = extra.get("torv") if isinstance(extra, dict) else None
    if not isinstance(raw, dict):
        report.error("mkdocs.yml", 0, "extra.torv", "missing: expected Torv's settings under extra: torv:, "
                                                     "e.g. languages: [{code: da, name: Dansk, default: true}]")
        raise ConfigError(report)
    # Languages first: Localized fields need them.
    langs_raw = raw.get("languages")
    codes, names, default = [], {}, None
    if isinstance(langs_raw, list):
        for item in langs_raw:
            if isinstance(item, dict) and isinstance(item.get("code"), str):
                codes.append(item["code"])
                names[item["code"]] = str(item.get("name", item["code"]))
                if item.get("default") is True:
                    default = item["code"]
    if codes and default is None:
        default = codes[0]
    kp = ("extra", "torv")
    ctx = Context(path="mkdocs.yml", lines=lines, languages=tuple(codes) or ("da",),
                  default_language=default or "da")
    values = Settings.check(raw, ctx, kp)
    for sev, keypath, msg in ctx.problems:
        report.add("mkdocs.yml", ctx.line(keypath), dotted(keypath), msg, sev)
    if codes and sum(1 for i in langs_raw if isinstance(i, dict) and i.get("default") is True) > 1:
        report.error("mkdocs.yml", line_of(lines, kp + ("languages",)), "extra.torv.languages",
                     "expected exactly one language with default: true, found several")
    known = i18n.available_languages()
    for code in codes:
        if code not in known:
            report.error("mkdocs.yml", line_of(lines, kp + ("languages",)), "extra.torv.languages",
                         f"Torv has no interface strings for {shown(code)}: expected one of {', '.join(known)}, "
                         f"or add scripts/torv/strings/{code}.yml{did_you_mean(code, known)}")
    tz = values.get("timezone", "Europe/Copenhagen")
    try:
        zoneinfo.ZoneInfo(tz)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        report.error("mkdocs.yml", line_of(lines, kp + ("timezone",)), "extra.torv.timezone",
                     f"expected a time zone like Europe/Copenhagen, found {shown(tz)}")
    site_url = config.get("site_url") if isinstance(config, dict) else None
    host = urllib.parse.urlsplit(site_url).hostname if isinstance(site_url, str) else None
    if values.get("cname") and not host:
        report.error("mkdocs.yml", line_of(lines, kp + ("cname",)), "extra.torv.cname",
                     "expected site_url with the custom domain, e.g. site_url: https://erhverv.havbjerg.dk/, "
                     "found none: cname: true publishes the host of site_url")
    if report.errors:
        raise ConfigError(report)
    ordered = [default] + [c for c in codes if c != default]
    repo_url = config.get("repo_url") or None
    edit_base = values.get("repo_edit_base")
    if not edit_base and repo_url and "github.com" in repo_url:
        edit_base = repo_url.rstrip("/") + "/edit/main/"
    return SiteSettings(
        municipality=values["municipality"], languages=ordered, default_language=default,
        language_names=names, timezone=tz, phone_region=values.get("phone_region", "DK"),
        missing_translation=values.get("missing_translation", "notice"),
        reviewed_max_age_days=values.get("reviewed_max_age_days", 365), logo=values.get("logo"),
        site_url=(site_url or "").rstrip("/") + "/" if site_url else "",
        repo_url=repo_url, edit_base=edit_base, site_name=str(config.get("site_name", "")),
        cname=host if values.get("cname") else None, renderer=values.get("renderer", "material"),
    )


def _strip_tags(text: str) -> str:
    return re.sub(r"!!?[A-Za-z][\w/:.-]*", "", text)


def today_in(tz: str) -> dt.date:
    return dt.datetime.now(zoneinfo.ZoneInfo(tz)).date()


# ---------------------------------------------------------------- the whole site

NAME_RE = re.compile(r"^(?P<stem>.+?)\.(?P<lang>[^./]+)\.md$")


def classify(rel: str) -> str | None:
    """Which kind of Markdown file a repo-relative path is, or None if it has no place."""
    parts = rel.split("/")
    if parts[0] == "policy":
        if len(parts) == 2 and parts[1].split(".")[0] == "policy":
            return "policy"
        if len(parts) == 3 and parts[1] == "pillars":
            return "pillar"
        return None
    if parts[0] == "news":
        return "news"
    if parts[0] == "docs":
        return "page"
    return None


def discover(root: str) -> list[str]:
    """Every file under the content folders, repo-relative, sorted; dotfiles and folders skipped."""
    out = []
    for top in CONTENT_DIRS:
        base = os.path.join(root, top)
        for dirpath, dirnames, filenames in os.walk(base):
            dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
            for f in sorted(filenames):
                if f.startswith("."):
                    continue
                out.append(os.path.relpath(os.path.join(dirpath, f), root).replace(os.sep, "/"))
    return out


class _Loader:
    def __init__(self, root: str, settings: SiteSettings, today: dt.date):
        self.root = root
        self.s = settings
        self.today = today
        self.report = Report()
        self.refs: list = []           # (kind, value, path, line)
        self.assets: set = set()
        self.contexts: dict = {}
        self.unreadable: set = set()   # reference kinds whose data file could not be read
        self.broken_tags: set = set()  # tag ids whose label has errors (reported in news/tags.yml)

    def ctx(self, rel: str, lines) -> Context:
        return Context(path=rel, lines=lines, languages=tuple(self.s.languages),
                       default_language=self.s.default_language,
                       base_dir=os.path.dirname(os.path.join(self.root, rel)), root=self.root,
                       phone_region=self.s.phone_region)

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
    def load_markdown(self, files: list[str]) -> dict[str, list[Entry]]:
        groups: dict[tuple, dict] = {}
        for rel in files:
            kind = classify(rel)
            m = NAME_RE.match(rel.split("/")[-1])
            if kind is None:
                self.report.error(rel, 0, "", _misplaced(rel))
                continue
            if not m:
                self.report.error(rel, 0, "", f"missing language in the file name: expected a name like "
                                              f"{rel[:-3]}.{self.s.default_language}.md (one file per language: "
                                              f"{', '.join(self.s.languages)})")
                continue
            lang = m["lang"]
            if lang not in self.s.languages:
                self.report.error(rel, 0, "", f"the language `{lang}` in the file name is not configured: expected "
                                              f"one of {', '.join(self.s.languages)}{did_you_mean(lang, self.s.languages)}, "
                                              f"e.g. {rel[:-len(lang) - 4]}.{self.s.default_language}.md")
                continue
            group = rel[: -len(lang) - 4]
            groups.setdefault((kind, group), {})[lang] = rel
        out: dict[str, list[Entry]] = {"policy": [], "pillar": [], "news": [], "page": []}
        for (kind, group), by_lang in sorted(groups.items()):
            entry = self.load_group(kind, group, by_lang)
            if entry is not None:
                out[kind].append(entry)
        return out

    def load_group(self, kind: str, group: str, by_lang: dict) -> Entry | None:
        d = self.s.default_language
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
        for lang in self.s.languages[1:]:
            rel = by_lang.get(lang)
            if rel is None:
                what = ("the site shows the default-language page with a notice"
                        if self.s.missing_translation == "notice" else "the page is left out in that language")
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
        label = Localized(Text(max_length=60, example="Virksomhedsforum"))
        for key, value in data.items():
            if not isinstance(key, str) or not Ident.pattern.match(key):
                ctx.error((key_text(key),), f"expected a tag id of lowercase letters, digits and - like `forum`, found {shown(key)}")
                continue
            v = label.check(value, ctx, (key_text(key),))
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


def _misplaced(rel: str) -> str:
    if rel.startswith("policy/"):
        return ("this file has no place in the policy: expected policy/policy.<lang>.md, "
                "policy/pillars/<id>.<lang>.md or policy/contacts.yml")
    return "this file has no place on the site"


def load_site(root: str, today: dt.date | None = None, settings: SiteSettings | None = None) -> tuple[Site, Report]:
    """Load everything under root. Raises ConfigError only for an unusable mkdocs.yml."""
    settings = settings or load_settings(root)
    today = today or today_in(settings.timezone)
    ld = _Loader(root, settings, today)
    files = discover(root)
    md = [f for f in files if f.endswith(".md")]
    other = [f for f in files if not f.endswith(".md")]
    ld.report.files_checked = len(files)
    contacts = ld.load_contacts()
    tags = ld.load_tags()
    groups = ld.load_markdown(md)
    site = Site(root=root, settings=settings, today=today, contacts=contacts, tags=tags)
    site.statement = statement.load(ld, today)
    policies = groups["policy"]
    for e in policies:
        if e.group != "policy/policy":
            ld.report.error(e.sources.get(settings.default_language, e.group), 0, "",
                            f"expected the policy in policy/policy.{settings.default_language}.md")
    site.policy = next((e for e in policies if e.group == "policy/policy" and e.state != "invalid"), None)
    if not policies:
        ld.report.error(f"policy/policy.{settings.default_language}.md", 0, "",
                        "missing: the site needs the policy (title, vision, adopted); see CONTENT.md")
    site.pillars = sorted(groups["pillar"], key=lambda e: (e.default.get("order", 0), e.id))
    site.news = groups["news"]
    site.pages = groups["page"]
    _states(site, ld)
    _references(site, ld)
    _urls(site, ld)
    # every other file is a picture somebody uses, a known data file, or reported
    for rel in other:
        full = os.path.normpath(os.path.join(root, rel))
        if rel in DATA_FILES or full in ld.assets:
            continue
        ld.report.warning(rel, 0, "", "this file is not used by any page: link to it from a page, "
                                      "or delete it")
    site.assets = ld.assets
    return site, ld.report


def _states(site: Site, ld: _Loader) -> None:
    max_age = dt.timedelta(days=site.settings.reviewed_max_age_days)
    d = site.settings.default_language
    for e in [site.policy] + site.pillars + site.news + site.pages:
        if e is None or e.state == "invalid":
            if e is not None:
                site.unpublished.append(e)
            continue
        v = e.default
        src = e.sources[d]
        if v.get("draft"):
            e.state = "draft"
            ld.report.note(src, line_of(e.lines[d], ("draft",)), "draft", "not published (draft: true)")
        elif e.kind == "news" and v.get("date") and v["date"] > site.today:
            e.state = "scheduled"
            ld.report.note(src, line_of(e.lines[d], ("date",)), "date", f"scheduled: published on {v['date'].isoformat()}")
        rv = v.get("reviewed")
        if rv and site.today - rv > max_age:
            ld.report.warning(src, line_of(e.lines[d], ("reviewed",)), "reviewed",
                              f"the page was last checked {rv.isoformat()}, more than "
                              f"{site.settings.reviewed_max_age_days} days ago: check it and update `reviewed`")
        if e.state != "published":
            site.unpublished.append(e)


def _references(site: Site, ld: _Loader) -> None:
    people = site.contacts.get("people", {})
    units = site.contacts.get("units", {})
    pillars = {e.id: e for e in site.pillars if e.state != "invalid"}
    # a pillar whose file has errors is reported there; links to it are checked once it is fixed
    broken_pillars = {e.id for e in site.pillars if e.state == "invalid"}
    commitments = {f"{p.id}/{c['id']}" for p in pillars.values() for c in p.default.get("commitments", [])}
    known = {
        "contact": set(people) | set(units),
        "unit": set(units),
        "tag": set(site.tags),
        "pillar": set(pillars) | commitments,
    }
    what = {"contact": "a person or unit in policy/contacts.yml", "unit": "a unit in policy/contacts.yml",
            "tag": "a tag in news/tags.yml", "pillar": "a pillar in policy/pillars/ (or pillar/commitment)"}
    for kind, value, path, line, fld in ld.refs:
        if value in known[kind] or kind in ld.unreadable:
            continue
        if kind == "pillar" and value.split("/")[0] in broken_pillars or kind == "tag" and value in ld.broken_tags:
            continue
        choices = sorted(known[kind])
        if kind == "pillar" and "/" in value and value.split("/")[0] in pillars:
            pid = value.split("/")[0]
            choices = sorted(c for c in commitments if c.startswith(pid + "/"))
            msg = f"unknown commitment {shown(value)}: expected one of {', '.join(choices)}"
        else:
            msg = f"unknown {kind} {shown(value)}: expected {what[kind]}"
            if choices:
                msg += f", one of: {', '.join(choices[:12])}{' ...' if len(choices) > 12 else ''}"
        ld.report.error(path, line, fld, msg + did_you_mean(value, choices))


def entry_url(site: Site, e: Entry, lang: str) -> str:
    """The stable site path of an entry in a language (relative to the language root)."""
    v = e.values.get(lang) or e.default
    slug = v.get("slug") or e.id
    if e.kind == "policy":
        return f"{i18n.segment(lang, 'policy')}/"
    if e.kind == "pillar":
        return f"{i18n.segment(lang, 'policy')}/{slug}/"
    if e.kind == "news":
        return f"{i18n.segment(lang, 'news')}/{slug}/"
    return f"{slug}/"


def _urls(site: Site, ld: _Loader) -> None:
    reserved = {f"{i18n.segment(lang, s)}/": s for lang in site.settings.languages for s in i18n.SECTIONS}
    for lang in site.settings.languages:
        seen: dict[str, str] = {}
        for e in [site.policy] + site.pillars + site.news + site.pages:
            if e is None or e.state == "invalid":
                continue
            url = entry_url(site, e, lang)
            e.urls[lang] = url
            src = e.sources.get(lang) or e.sources[site.settings.default_language]
            lines = e.lines.get(lang) or e.lines.get(site.settings.default_language) or {}
            line = lines.get(("slug",), 0)    # the slug's line, or the file (the name is the address)
            if e.kind == "page" and url in reserved:
                ld.report.error(src, line, "slug", f"the address /{lang}/{url} is taken by the site's "
                                                f"{reserved[url]} section: expected another slug, e.g. slug: om-{url[:-1]}")
                continue
            if url in seen and seen[url] != src:
                ld.report.error(src, line, "slug", f"the address /{lang}/{url} is also used by {seen[url]}: "
                                                f"expected a unique slug or file name, e.g. slug: {url.rstrip('/').split('/')[-1]}-2")
                continue
            seen[url] = src
