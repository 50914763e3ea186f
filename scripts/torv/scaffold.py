"""Scaffolding: a new news item, meeting or commitment as files that validate.

Pure: each function takes the site settings (languages, default first), the existing files
it needs ({repo-relative path: text}), what the editor typed and today's date, and returns
{repo-relative path: new text}. Nothing is read or written here (`torv new`, newfiles.py, does that).

The default-language file validates as it is. Translations get every translated field as
`TODO: <the default-language text>`; the validator reports such a placeholder as an error
until somebody writes the translation in its place.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

import yaml

from .safety.names import proposed
from .schema import DATETIME_RE, PLACEHOLDER
from .schema.dates import DATE_RE
from .schema.limits import COMMITMENT_MAX, ID, ID_RE, LOCATION_MAX, SUMMARY_MAX, TITLE_MAX
from .yamlio import FENCE, ReadError, split_front_matter

SLUG_MAX = 60
ID_MAX = 30

NEWS_NAME = re.compile(r"^news/(?:.+/)?(?P<stem>[^/]+)\.[^./]+\.md$")
SLUG_FIELD = re.compile(rf"^slug:\s*[\"']?({ID})[\"']?\s*(?:#.*)?$", re.M)


class ScaffoldError(Exception):
    """What the editor typed cannot become a file; the message says what to type instead."""


# ---------------------------------------------------------------- names


def slugify(text: str, max_length: int = SLUG_MAX, *, lang: str | None = None) -> str:
    """An ASCII address from a text, spelt the way its language writes its letters in ASCII
    (languages.py): `Dialogmøde på Havbjerggård` (da) -> `dialogmoede-paa-havbjerggaard`,
    `Företagsträff i Göteborg` (sv) -> `foretagstraff-i-goteborg`."""
    slug = proposed(text, lang, fallback="")  # the one rule for names and slugs (safety/names.py)
    if len(slug) > max_length:
        cut = slug[: max_length + 1]
        slug = cut[: cut.rfind("-")] if "-" in cut[:max_length] else slug[:max_length]
    return slug.strip("-")


def unique(base: str, taken: set) -> str:
    """base, or base-2, base-3 ... whichever is free."""
    if base not in taken:
        return base
    n = 2
    while f"{base}-{n}" in taken:
        n += 1
    return f"{base}-{n}"


def news_addresses(existing: dict) -> set:
    """Every address a news item already uses: its file name and any `slug:` in any language."""
    taken = set()
    for path, text in existing.items():
        m = NEWS_NAME.match(path)
        if not m:
            continue
        taken.add(m["stem"])
        head = text.split("\n---", 1)[0] if text.startswith("---") else ""
        taken.update(SLUG_FIELD.findall(head))
    return taken


# ---------------------------------------------------------------- YAML text


def scalar(value: str) -> str:
    """A text as a YAML value: plain when it reads back as the same text, else double-quoted."""
    plain = value.strip()
    if plain and not plain.startswith(("'", '"')):
        try:
            if yaml.safe_load(f"k: {plain}") == {"k": plain}:
                return plain
        except yaml.YAMLError:
            pass
    return json.dumps(value, ensure_ascii=False)  # a JSON string is a YAML double-quoted scalar


def todo(text: str) -> str:
    return f"{PLACEHOLDER} {text}"


def _text(value, what: str, example: str, max_length: int) -> str:
    value = " ".join((value or "").split())
    if not value:
        raise ScaffoldError(f"missing {what}: e.g. {example}")
    if len(value) > max_length:
        raise ScaffoldError(
            f"the {what} has {len(value)} characters: expected at most {max_length}; "
            f"shorten it by {len(value) - max_length}"
        )
    if value.upper().startswith(PLACEHOLDER):
        raise ScaffoldError(
            f"the {what} starts with {PLACEHOLDER}, which marks text still to be written: write the real {what}"
        )
    return value


def _when(value, what: str) -> dt.date:
    """A meeting's start or end: a local date and time, or a date alone (a meeting that lasts all day)."""
    text = (value or "").strip()
    m = DATETIME_RE.match(text) or DATE_RE.match(text)
    if not m:
        raise ScaffoldError(
            f"expected the {what} as a local date and time like 2026-12-03 08:30, or a date alone "
            f"like 2027-01-28 for a meeting that lasts all day, "
            f"found {json.dumps(value or '', ensure_ascii=False)}"
        )
    try:
        if m.re is DATE_RE:
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
        return dt.datetime(int(m[1]), int(m[2]), int(m[3]), int(m[4]), int(m[5]))
    except ValueError:
        raise ScaffoldError(f"the {what} {value!r} is not a real date and time") from None


def _written(when: dt.date) -> str:
    return f"{when:%Y-%m-%d %H:%M}" if isinstance(when, dt.datetime) else when.isoformat()


def _file(fields: list[str], body: str) -> str:
    return "---\n" + "".join(line + "\n" for line in fields) + "---\n" + body


# ---------------------------------------------------------------- news items and meetings


def new_news(
    settings,
    existing: dict,
    title: str,
    today: dt.date,
    summary: str | None = None,
    start: str | None = None,
    end: str | None = None,
    location: str | None = None,
) -> dict:
    """A news item (or, with `start`, a meeting) dated today, one file per configured language.

    `existing` holds the news files ({path: text}) so that the new address is unique.
    """
    title = _text(title, "title", 'TITLE="Ny rådgivning for iværksættere"', TITLE_MAX)
    summary = _text(summary, "summary", 'SUMMARY="Kort om nyheden"', SUMMARY_MAX) if summary else title
    event: dict[str, Any] | None = None
    if start:
        begins = _when(start, "start")
        event = {"start": begins}
        if end:
            ends = _when(end, "end")
            all_day = not isinstance(begins, dt.datetime)
            if all_day != (not isinstance(ends, dt.datetime)):
                raise ScaffoldError(
                    f"expected the end written like the start ({_written(begins)}): both a date "
                    f"alone (all day) or both a date and a time, found {_written(ends)}"
                )
            if ends < begins or (ends == begins and not all_day):
                what = "last day not before the first" if all_day else "end after the start"
                raise ScaffoldError(f"expected the {what} ({_written(begins)}), found {_written(ends)}")
            event["end"] = ends
        if location:
            event["location"] = _text(location, "location", 'LOCATION="Havbjerg Rådhus, mødesal 1"', LOCATION_MAX)
    elif end or location:
        raise ScaffoldError('a meeting needs its start, e.g. START="2026-12-03 08:30"')
    base = slugify(title, lang=settings.default_language) or ("moede" if event else "nyhed")
    slug = unique(base, news_addresses(existing))
    folder = f"news/{today.year}"
    default = settings.default_language
    source = f"{folder}/{slug}.{default}.md"

    fields = [f"title: {scalar(title)}", f"summary: {scalar(summary)}", f"date: {today.isoformat()}"]
    fields.append("# optional: tags, pillars, contacts, image + image_alt, updated, draft (see CONTENT.md)")
    if event:
        fields.append("event:")
        fields.append(f"  start: {_written(event['start'])}")
        if "end" in event:
            fields.append(f"  end: {_written(event['end'])}")
        if "location" in event:
            fields.append(f"  location: {scalar(event['location'])}")
        more = [k for k in ("end", "location") if k not in event]
        more += ["address", "online", "registration", "registration_deadline", "audience"]
        fields.append(f"  # optional: {', '.join(more)}")
    out = {source: _file(fields, "\n<!-- Write the text below this line (Markdown); delete this line. -->\n")}

    for lang in settings.languages:
        if lang == default:
            continue
        tr = [f"title: {scalar(todo(title))}", f"summary: {scalar(todo(summary))}"]
        if event and "location" in event:
            tr += ["event:", f"  location: {scalar(todo(event['location']))}"]
        body = (
            f"\n<!-- {PLACEHOLDER} translate the text of {source} below this line; the fields above "
            f"marked {PLACEHOLDER} too. -->\n"
        )
        out[f"{folder}/{slug}.{lang}.md"] = _file(tr, body)
    return out


# ---------------------------------------------------------------- commitments


def _front_matter(path: str, text: str):
    try:
        return split_front_matter(text.replace("\r\n", "\n").lstrip("\ufeff")).meta
    except ReadError as exc:
        raise ScaffoldError(f"{path}:{exc.line}: {exc.message}; fix the file first (make validate)") from None


def _append_commitment(path: str, text: str, item: list[str]) -> str:
    """Insert one commitment (item lines, unindented) at the end of the front matter's
    `commitments:` list; every other byte of the file stays as it was."""
    eol = "\r\n" if "\r\n" in text else "\n"
    lines = text.split(eol)
    if not lines or not FENCE.match(lines[0].lstrip("\ufeff")):
        raise ScaffoldError(f"{path}: expected front matter starting with a line ---")
    close = next((i for i in range(1, len(lines)) if FENCE.match(lines[i])), None)
    if close is None:
        raise ScaffoldError(f"{path}: the front matter is not closed with a line ---")
    key = next((i for i in range(1, close) if re.match(r"^commitments\s*:", lines[i])), None)
    indent = "  "
    if key is None:
        new = ["commitments:"] + [indent + line for line in item]
        at = close
    else:
        rest = re.sub(r"\s+#.*$", "", lines[key].split(":", 1)[1]).strip()
        at = key + 1
        if rest == "[]":
            lines[key] = "commitments:"
        elif rest:
            raise ScaffoldError(
                f"{path}:{key + 1}: the commitments are written on one line; write them as a "
                f"list, one `- id: ...` per commitment, then try again"
            )
        else:
            found = None
            for j in range(key + 1, close):
                line = lines[j]
                if not line.strip() or line.lstrip().startswith("#"):
                    continue
                if not line.startswith((" ", "\t", "-")):
                    break
                if found is None and line.lstrip().startswith("-"):
                    found = line[: len(line) - len(line.lstrip())]
                at = j + 1
            indent = found if found is not None else indent
        new = [indent + line for line in item]
    lines[at:at] = new
    return eol.join(lines)


def add_commitment(settings, existing: dict, pillar: str, text: str, commitment_id: str | None = None) -> dict:
    """Append a planned commitment to a pillar in every language file that exists.

    `existing` holds the pillar's files ({path: text}); returns the changed files.
    """
    default = settings.default_language
    source = f"policy/pillars/{pillar}.{default}.md"
    if source not in existing:
        pillars = sorted({p.split("/")[-1].split(".")[0] for p in existing if p.startswith("policy/pillars/")})
        raise ScaffoldError(
            f"unknown pillar {json.dumps(pillar or '', ensure_ascii=False)}: expected one of "
            f"{', '.join(pillars) or 'none'} (the file names in policy/pillars/)"
        )
    text = _text(text, "text", 'TEXT="Vi svarer inden for to arbejdsdage."', COMMITMENT_MAX)
    meta = _front_matter(source, existing[source]) or {}
    current = meta.get("commitments") if isinstance(meta, dict) else None
    ids = {str(c.get("id")) for c in current or [] if isinstance(c, dict)}
    if commitment_id:
        if not ID_RE.match(commitment_id):
            raise ScaffoldError(
                f"expected an id of lowercase letters, digits and - like svartid, found {commitment_id!r}"
            )
        if commitment_id in ids:
            raise ScaffoldError(f"the pillar {pillar} already has a commitment with the id {commitment_id}")
        cid = commitment_id
    else:
        cid = unique(slugify(text, ID_MAX, lang=default) or "tilsagn", ids)
    out = {}
    for lang in settings.languages:
        path = f"policy/pillars/{pillar}.{lang}.md"
        if path not in existing:
            continue
        if lang == default:
            item = [f"- id: {cid}", f"  text: {scalar(text)}", "  status: planned"]
        else:
            item = [f"- id: {cid}", f"  text: {scalar(todo(text))}"]
        before = _front_matter(path, existing[path]) or {}
        new = _append_commitment(path, existing[path], item)
        after = _front_matter(path, new) or {}
        old_list = before.get("commitments") or [] if isinstance(before, dict) else []
        new_list = after.get("commitments") if isinstance(after, dict) else None
        if (
            not isinstance(new_list, list)
            or new_list[:-1] != old_list
            or not isinstance(new_list[-1], dict)
            or new_list[-1].get("id") != cid
        ):
            raise ScaffoldError(
                f"{path}: could not add the commitment automatically; add it by hand "
                f"at the end of `commitments:` (see CONTENT.md)"
            )
        out[path] = new
    return out


__all__ = ["ScaffoldError", "add_commitment", "new_news", "news_addresses", "scalar", "slugify", "unique"]
