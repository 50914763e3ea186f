"""The content kinds editors write, as schemas. This file is the spec; CONTENT.md explains it."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from . import codes, i18n
from .contacts import WEEKDAYS, Address, ClosedDay, Contacts, Coordinates, OpeningHours, Person, Unit
from .render import RENDERERS
from .schema import (
    Boolean,
    Choice,
    Context,
    Date,
    DateOrDateTime,
    DocumentPath,
    FilePath,
    Ident,
    Integer,
    ListOf,
    Localized,
    Nested,
    PhoneRegion,
    Ref,
    Schema,
    Text,
    TimeZone,
    Url,
    UrlOrEmail,
    did_you_mean,
    shown,
    url_host,
)
from .schema.base import shown_checked
from .schema.limits import (
    ALT_MAX,
    CAPTION_MAX,
    COMMITMENT_MAX,
    ICON_MAX,
    LOCATION_MAX,
    NAME_MAX,
    PILLAR_OR_COMMITMENT_PATTERN,
    SUMMARY_MAX,
    TAG_LABEL_MAX,
    TITLE_MAX,
    VISION_MAX,
)
from .schema.look import BrandColour, Logo

STATUSES = ["planned", "in-progress", "done"]


class Policy(Schema):
    schema_title = "Policy (policy/policy.<lang>.md)"
    title = Text(required=True, translated=True, max_length=TITLE_MAX, example="Erhvervspolitik 2026-2029")
    vision = Text(
        required=True,
        translated=True,
        max_length=VISION_MAX,
        example="Havbjerg er stedet, hvor virksomheder vokser.",
        help="The vision: one or two sentences.",
    )
    adopted = Date(required=True, help="Date the council adopted the policy.")
    reviewed = Date(help="Date the policy was last reviewed.")
    document = Url(
        translated=True,
        example="https://havbjerg.example/erhvervspolitik.pdf",
        help="Link to the full policy document in this language.",
    )


class Commitment(Schema):
    id = Ident(required=True, example="svartid", help="Stable id, unique within the pillar.")
    text = Text(
        required=True,
        translated=True,
        max_length=COMMITMENT_MAX,
        example="Virksomheder får svar inden for to arbejdsdage.",
    )
    status = Choice(
        STATUSES,
        help="planned, in-progress or done; without it the commitment has no badge and is "
        "not counted in the policy's progress.",
    )
    owner = Ref("contact", example="erhvervsservice", help="Contact id (person or unit) responsible.")
    due = Date(help="Date it should be done.")


class Event(Schema):
    start = DateOrDateTime(
        required=True, help="Local date and time the meeting starts; a date alone for a meeting that lasts all day."
    )
    end = DateOrDateTime(
        example="2026-12-03 11:00",
        help="Local date and time it ends, after start; for a meeting over whole days, its last day.",
    )
    location = Text(translated=True, max_length=LOCATION_MAX, example="Havbjerg Rådhus, mødesal 1")
    address = Text(max_length=LOCATION_MAX, example="Torvet 1, 4900 Havbjerg")
    online = Url(example="https://havbjerg.example/moede", help="Link to join online.")
    registration = UrlOrEmail(help="Link or e-mail address to sign up.")
    registration_deadline = Date(help="Last day to sign up; not after the start.")
    audience = Text(translated=True, max_length=LOCATION_MAX, example="Virksomhedsledere i Havbjerg")
    cancelled = Boolean(help="true when the meeting is cancelled; set updated: to the day too.")
    agenda = DocumentPath(
        translated=True, example="files/dagsorden.pdf", help="The agenda, a document next to this file."
    )
    minutes = DocumentPath(
        translated=True, example="files/referat.pdf", help="The minutes, a document next to this file."
    )

    @classmethod
    def rules(cls, v: dict, ctx: Context, kp: tuple) -> None:
        start, end = v.get("start"), v.get("end")
        if start and end and is_all_day(start) != is_all_day(end):
            if is_all_day(start):
                expected = f"as a date alone (the meeting lasts all day), e.g. `end: {end:%Y-%m-%d}`"
            else:
                later = dt.datetime.combine(end, start.time()) + dt.timedelta(hours=2)
                expected = (
                    f"as a date and a time, e.g. `end: {later:%Y-%m-%d %H:%M}`, or the start as a date "
                    f"alone too (`start: {start:%Y-%m-%d}`) for a meeting over whole days"
                )
            ctx.error(
                kp + ("end",),
                f"expected the end written like the start, {expected}; found {shown_checked(end)}",
                code=codes.MIXED_ALL_DAY,
            )
        elif start and end and is_all_day(start) and end < start:
            ctx.error(
                kp + ("end",),
                f"expected the last day not before the first ({start.isoformat()}), found {end.isoformat()}",
                code=codes.DATES_OUT_OF_ORDER,
            )
        elif start and end and not is_all_day(start) and end <= start:
            ctx.error(
                kp + ("end",),
                f"expected an end after the start ({start:%Y-%m-%d %H:%M}), found {end:%Y-%m-%d %H:%M}",
                code=codes.DATES_OUT_OF_ORDER,
            )
        dl = v.get("registration_deadline")
        first_day = start if start is None or is_all_day(start) else start.date()
        if first_day and dl and dl > first_day:
            ctx.error(
                kp + ("registration_deadline",),
                f"expected a date not after the meeting starts ({first_day:%Y-%m-%d}), found {dl.isoformat()}",
                code=codes.DATES_OUT_OF_ORDER,
            )


def is_all_day(when: dt.date) -> bool:
    """A meeting's start or end written as a date alone: the meeting lasts whole days."""
    return not isinstance(when, dt.datetime)


class Pillar(Schema):
    schema_title = "Pillar (policy/pillars/<id>.<lang>.md)"
    title = Text(required=True, translated=True, max_length=TITLE_MAX, example="Dialog og service")
    summary = Text(
        required=True,
        translated=True,
        max_length=SUMMARY_MAX,
        example="Virksomhederne bliver hørt, før byrådet beslutter.",
    )
    order = Integer(required=True, minimum=1, example=1, help="Position on the site.")
    icon = Text(max_length=ICON_MAX, example="material/handshake", help="A Material icon name.")
    slug = Ident(translated=True, example="dialogue", help="The pillar's address in this language.")
    commitments = ListOf(Nested(Commitment), unique_key="id", default=[])

    @classmethod
    def rules(cls, v: dict, ctx: Context, kp: tuple) -> None:
        icon = v.get("icon")
        if icon and not re.match(r"^(material|fontawesome/[a-z]+|octicons|simple)/[a-z0-9-]+$", icon):
            ctx.error(
                kp + ("icon",),
                f'expected a Material icon name like material/handshake, found "{icon}"',
                code=codes.INVALID_ICON,
            )


class NewsItem(Schema):
    schema_title = "News item or meeting (news/**/<name>.<lang>.md)"
    title = Text(required=True, translated=True, max_length=TITLE_MAX, example="Dialogmøde på Havbjerggård")
    summary = Text(
        required=True,
        translated=True,
        max_length=SUMMARY_MAX,
        example="Borgmesteren inviterer til dialogmøde om erhvervsklimaet.",
        help="Used in lists, search results, the page description and feeds.",
    )
    date = Date(required=True, help="Publication date; a future date means scheduled.")
    updated = Date(help="Date of the last real change; not before date.")
    reviewed = Date(help="Page checked on.")
    tags = ListOf(Ref("tag", example="forum"), example="[forum, workshop]", default=[])
    pillars = ListOf(
        Ref("pillar", pattern=PILLAR_OR_COMMITMENT_PATTERN, example="dialog/hoering"),
        example="[dialog, dialog/hoering]",
        default=[],
    )
    contacts = ListOf(Ref("contact", example="borgmester"), example="[borgmester, erhvervsservice]", default=[])
    image = FilePath(help="A picture next to this file.")
    image_alt = Text(
        translated=True,
        max_length=ALT_MAX,
        example="Hovedbygningen på Havbjerggård",
        help="What the picture shows; required with image.",
    )
    image_caption = Text(
        translated=True,
        max_length=CAPTION_MAX,
        example="Havbjerggård set fra haven",
        help="A caption shown under the picture.",
    )
    image_credit = Text(
        translated=True,
        max_length=NAME_MAX,
        example="Jens Hansen",
        help="Who took the picture: shown under it as Foto: Jens Hansen.",
    )
    draft = Boolean(default=False, help="true keeps the item off the site.")
    slug = Ident(translated=True, example="dialogmoede-havbjerggaard", help="The item's address in this language.")
    event = Nested(Event, help="Makes the item a meeting.")

    @classmethod
    def rules(cls, v: dict, ctx: Context, kp: tuple) -> None:
        d, u = v.get("date"), v.get("updated")
        if d and u and u < d:
            ctx.error(
                kp + ("updated",),
                f"expected a date not before the publication date ({d.isoformat()}), found {u.isoformat()}",
                code=codes.DATES_OUT_OF_ORDER,
            )
        ev = v.get("event") or {}
        if ev.get("cancelled") and not u:
            ctx.warning(
                kp + ("event", "cancelled"),
                f"a cancelled meeting needs `updated:` with the day it was "
                f"cancelled (not before {d.isoformat() if d else 'date'}), so "
                f"that calendars that subscribe to it see the change",
                code=codes.CANCELLED_WITHOUT_UPDATE,
            )
        for extra in ("image_caption", "image_credit"):
            if v.get(extra) and not v.get("image"):
                ctx.error(
                    kp + (extra,),
                    f"{extra} without a picture: expected `image: images/forum.jpg` with it, or no {extra}",
                    code=codes.MISSING_FIELD,
                )
        if v.get("image") and not v.get("image_alt"):
            ctx.error(
                kp + ("image",),
                "missing image_alt: a picture needs a text saying what it shows, "
                "e.g. `image_alt: Deltagere ved forummødet i rådhusets kantine`",
                code=codes.MISSING_ALT,
            )


class Page(Schema):
    schema_title = "Page (docs/<name>.<lang>.md)"
    title = Text(required=True, translated=True, max_length=TITLE_MAX, example="Om hjemmesiden")
    summary = Text(translated=True, max_length=SUMMARY_MAX, example="Hvem står bag hjemmesiden.")
    reviewed = Date(help="Page checked on.")
    slug = Ident(translated=True, example="about", help="The page's address in this language.")


# news/tags.yml: one tag per line, `id: label`, the label a text or one per language
TAG_LABEL = Localized(Text(max_length=TAG_LABEL_MAX, example="Virksomhedsforum"))


class Language(Schema):
    code = Ident(required=True, example="da")
    name = Text(required=True, example="Dansk")
    default = Boolean(default=False)


class Languages(ListOf):
    """The site's languages: one of them the default, each with Torv's interface strings. Checking them sets
    the context's languages, which the other settings' texts per language need."""

    def __init__(self, **kw: Any) -> None:
        super().__init__(Nested(Language), unique_key="code", **kw)

    def convert(self, value: Any, ctx: Context, keypath: tuple) -> Any:
        items = super().convert(value, ctx, keypath)
        codes_ = [item["code"] for item in items if "code" in item]
        defaults = [item["code"] for item in items if "code" in item and item.get("default") is True]
        if len(defaults) > 1:
            ctx.error(
                keypath,
                "expected exactly one language with default: true, found several",
                code=codes.ONE_DEFAULT_LANGUAGE,
            )
        known = i18n.available_languages()
        for code in codes_:
            if code not in known:
                ctx.error(
                    keypath,
                    f"Torv has no interface strings for {shown(code)}: expected one of "
                    f"{', '.join(known)}, or add scripts/torv/strings/{code}.yml"
                    f"{did_you_mean(code, known)}",
                    code=codes.NO_INTERFACE_STRINGS,
                )
        if codes_:
            ctx.languages = tuple(codes_)
            ctx.default_language = defaults[-1] if defaults else codes_[0]
        return items


class Settings(Schema):
    """`extra.torv` in mkdocs.yml. README.md's table of settings lists every field with its default and help
    (tests/test_settings.py keeps the two the same)."""

    schema_title = "Torv settings (mkdocs.yml: extra.torv)"
    checked_first = ("languages",)
    municipality = Localized(
        Text(max_length=NAME_MAX, example="Havbjerg Kommune"),
        required=True,
        help="The municipality's name in each language: the site's name, the header, the language chooser.",
    )
    languages = Languages(
        required=True,
        help="The site's languages, each with its name in that language; one of "
        "them `default: true` (its files hold every field).",
    )
    timezone = TimeZone(
        default="Europe/Copenhagen",
        example="Europe/Copenhagen",
        help='The time zone of meetings\' times and of "today" (what is scheduled, what is past).',
    )
    phone_region = PhoneRegion(
        default="DK",
        help="The country of the site's phone numbers (two letters: DK, SE, "
        "NO, FI, IS ...): numbers written without a country code are "
        "read as this country's and shown the way it writes them; it "
        "also names the accessibility statement's authority.",
    )
    missing_translation = Choice(
        ["notice", "omit"],
        default="notice",
        help="A page not translated into a language: `notice` shows the default "
        "language's text with a notice, `omit` leaves the page out.",
    )
    reviewed_max_age_days = Integer(
        minimum=1,
        default=365,
        example=365,
        help="The validator warns when a page's `reviewed` date is older than this.",
    )
    brand_colour = BrandColour(
        default="#0b4f6c",
        help="The colour of the header and of links: white text on it must have a contrast of at least 4.5:1.",
    )
    logo = Logo(
        help="An SVG or PNG file in the repository (a path from its top folder), shown in the header and "
        "as the browser tab's icon; without it Torv's own symbol."
    )
    repo_edit_base = Url(
        help="Where 'Edit this page' opens a page's file: the repository's web editor, e.g. "
        "https://github.com/org/repo/edit/main/ (without it and without repo_url: no link)."
    )
    cname = Boolean(
        default=False,
        help="true: site_url's host is a custom domain; the build writes it to site/CNAME (GitHub Pages).",
    )
    renderer = Choice(
        list(RENDERERS),
        default="material",
        help="What turns the pages into HTML: material (Material for MkDocs) or zensical (its "
        "successor; pip install -r requirements-zensical.txt). `build --renderer` overrides it.",
    )

    @classmethod
    def rules(cls, v: dict, ctx: Context, kp: tuple) -> None:
        if v.get("cname") and not url_host(ctx.site_url):
            ctx.error(
                kp + ("cname",),
                "expected site_url with the custom domain, e.g. site_url: "
                "https://erhverv.havbjerg.dk/, found none: cname: true publishes the host "
                "of site_url",
                code=codes.CNAME_WITHOUT_SITE_URL,
            )


__all__ = [
    "STATUSES",
    "TAG_LABEL",
    "WEEKDAYS",
    "Address",
    "ClosedDay",
    "Commitment",
    "Contacts",
    "Coordinates",
    "Event",
    "NewsItem",
    "OpeningHours",
    "Page",
    "Person",
    "Pillar",
    "Policy",
    "Settings",
    "Unit",
]
