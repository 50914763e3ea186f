"""Typed content records: the loader's checked values as frozen dataclasses, built in one place (`content_of`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, fields
from typing import Any, Generic, TypeVar

from .load import Entry
from .schema import PhoneNumber
from .site import Site

Texts = Mapping[str, str]  # a text in every language (a Localized field): language -> text
TimeSpan = tuple[dt.time, dt.time]  # opens, closes


# ---------------------------------------------------------------- fields of the Markdown kinds (models.py)


@dataclass(frozen=True)
class Commitment:
    id: str
    text: str
    status: str | None  # planned | in-progress | done (models.STATUSES); None: not tracked
    owner: str | None  # a person's or a unit's id
    due: dt.date | None


@dataclass(frozen=True)
class Registration:
    """Where to sign up for a meeting: a web address or an e-mail address (one of the two)."""

    url: str | None
    email: str | None


@dataclass(frozen=True)
class Event:
    start: dt.date  # a local date and time (dt.datetime, the site's time zone), or a date alone: all day
    end: dt.date | None  # of the same kind as start; of an all-day meeting, its last day
    location: str | None
    address: str | None
    online: str | None
    registration: Registration | None
    registration_deadline: dt.date | None
    audience: str | None
    cancelled: bool
    agenda: str | None  # a document, relative to the item's folder
    minutes: str | None

    @property
    def all_day(self) -> bool:
        """The meeting lasts whole days: its start is a date alone."""
        return not isinstance(self.start, dt.datetime)

    @property
    def first_day(self) -> dt.date:
        s = self.start
        return s.date() if isinstance(s, dt.datetime) else s

    @property
    def last_day(self) -> dt.date:
        last = self.end or self.start
        return last.date() if isinstance(last, dt.datetime) else last

    @property
    def begins(self) -> dt.datetime:
        """The start as a local date and time: an all-day meeting begins at midnight (for sorting)."""
        s = self.start
        return s if isinstance(s, dt.datetime) else dt.datetime.combine(s, dt.time())


@dataclass(frozen=True)
class PolicyFields:
    title: str
    vision: str
    adopted: dt.date
    reviewed: dt.date | None
    document: str | None


@dataclass(frozen=True)
class PillarFields:
    title: str
    summary: str
    order: int
    icon: str | None
    slug: str | None
    commitments: tuple[Commitment, ...]


@dataclass(frozen=True)
class NewsFields:
    title: str
    summary: str
    date: dt.date
    updated: dt.date | None
    reviewed: dt.date | None
    tags: tuple[str, ...]
    pillars: tuple[str, ...]  # pillar ids, or pillar/commitment
    contacts: tuple[str, ...]  # person or unit ids
    image: str | None  # relative to the item's folder
    image_alt: str | None
    image_caption: str | None
    image_credit: str | None
    draft: bool
    slug: str | None
    event: Event | None  # a meeting


@dataclass(frozen=True)
class PageFields:
    title: str
    summary: str | None
    reviewed: dt.date | None
    slug: str | None


F = TypeVar("F", PolicyFields, PillarFields, NewsFields, PageFields)


@dataclass(frozen=True)
class Item(Generic[F]):
    """A translation group of Markdown files (the policy, a pillar, a news item or a page)."""

    kind: str  # policy | pillar | news | page
    id: str  # the file name without .<lang>.md
    group: str  # repository path without .<lang>.md
    state: str  # published | draft | scheduled
    default_language: str
    sources: Mapping[str, str]  # language -> repository path of its file
    fields: Mapping[str, F]  # language -> fields, for the languages it is translated into
    bodies: Mapping[str, str]  # language -> Markdown

    @property
    def default(self) -> F:
        return self.fields[self.default_language]

    def translated(self, lang: str) -> bool:
        return lang in self.fields

    def values(self, lang: str) -> F:
        """The fields in a language, or the default language's where it is not translated."""
        return self.fields.get(lang, self.default)

    def body(self, lang: str) -> str:
        return self.bodies.get(lang, self.bodies.get(self.default_language, ""))

    def source(self, lang: str) -> str:
        return self.sources.get(lang) or self.sources[self.default_language]

    def slug(self, lang: str) -> str | None:
        v: object = self.values(lang)
        return v.slug if isinstance(v, PillarFields | NewsFields | PageFields) else None  # the policy has none


# ---------------------------------------------------------------- contacts (policy/contacts.yml)


@dataclass(frozen=True)
class Address:
    street: str
    postcode: str | None
    city: str


@dataclass(frozen=True)
class Coordinates:
    lat: float
    lon: float


@dataclass(frozen=True)
class ClosedDay:
    date: dt.date
    reason: Texts | None


@dataclass(frozen=True)
class OpeningHours:
    monday: tuple[TimeSpan, ...]
    tuesday: tuple[TimeSpan, ...]
    wednesday: tuple[TimeSpan, ...]
    thursday: tuple[TimeSpan, ...]
    friday: tuple[TimeSpan, ...]
    saturday: tuple[TimeSpan, ...]
    sunday: tuple[TimeSpan, ...]

    def days(self) -> tuple[tuple[str, tuple[TimeSpan, ...]], ...]:
        """(weekday, spans) from Monday to Sunday."""
        return tuple((f.name, getattr(self, f.name)) for f in fields(self))


@dataclass(frozen=True)
class Person:
    id: str
    name: str
    role: Texts
    email: str
    phone: PhoneNumber
    photo: str | None  # relative to policy/
    photo_alt: Texts | None


@dataclass(frozen=True)
class Unit:
    id: str
    name: Texts
    phone: PhoneNumber
    email: str
    visiting_address: Address
    postal_address: Address | None
    opening_hours: OpeningHours | None
    closed: tuple[ClosedDay, ...]
    coordinates: Coordinates | None


@dataclass(frozen=True)
class Contacts:
    main_unit: str | None
    people: Mapping[str, Person]  # by id, in the file's order
    units: Mapping[str, Unit]

    def find(self, cid: str) -> Person | Unit | None:
        """The person or unit an id names (owners and contacts may be either)."""
        return self.people.get(cid) or self.units.get(cid)

    def main(self) -> Unit | None:
        return self.units.get(self.main_unit) if self.main_unit else None

    def any(self) -> bool:
        """Anybody to contact: without people or units the site has no contact page."""
        return bool(self.people or self.units)


@dataclass(frozen=True)
class Tag:
    id: str
    labels: Texts

    def label(self, lang: str) -> str:
        return self.labels[lang]


# ---------------------------------------------------------------- the site's content


@dataclass(frozen=True)
class Content:
    """What the site shows: published items (in a preview also drafts and scheduled news), typed."""

    root: str  # the repository folder
    policy: Item[PolicyFields] | None
    pillars: tuple[Item[PillarFields], ...]  # in their order
    news: tuple[Item[NewsFields], ...]  # newest first
    pages: tuple[Item[PageFields], ...]
    contacts: Contacts
    tags: Mapping[str, Tag]
    statement: Mapping[str, Any] | None  # docs/accessibility.yml, checked (statement.py's shape)


def _make(cls: type, values: Mapping[str, Any], **given: Any) -> Any:
    """A record of `cls` from checked values; fields not given are read from `values` (absent: None)."""
    return cls(**{f.name: given[f.name] if f.name in given else values.get(f.name) for f in fields(cls)})


def _commitment(c: Mapping[str, Any]) -> Commitment:
    return _make(Commitment, c)


def _event(ev: Mapping[str, Any] | None) -> Event | None:
    if not ev:
        return None
    reg = ev.get("registration")
    return _make(Event, ev, cancelled=bool(ev.get("cancelled")), registration=_make(Registration, reg) if reg else None)


def _fields(kind: str, v: Mapping[str, Any]) -> Any:
    if kind == "policy":
        return _make(PolicyFields, v)
    if kind == "pillar":
        return _make(PillarFields, v, commitments=tuple(_commitment(c) for c in v.get("commitments", ())))
    if kind == "news":
        return _make(
            NewsFields,
            v,
            tags=tuple(v.get("tags", ())),
            pillars=tuple(v.get("pillars", ())),
            contacts=tuple(v.get("contacts", ())),
            draft=bool(v.get("draft")),
            event=_event(v.get("event")),
        )
    return _make(PageFields, v)


def item_of(e: Entry, default_language: str) -> Item[Any]:
    return Item(
        kind=e.kind,
        id=e.id,
        group=e.group,
        state=e.state,
        default_language=default_language,
        sources=dict(e.sources),
        fields={lang: _fields(e.kind, v) for lang, v in e.values.items()},
        bodies=dict(e.bodies),
    )


def _address(a: Mapping[str, Any] | None) -> Address | None:
    return _make(Address, a) if a else None


def _unit(u: Mapping[str, Any]) -> Unit:
    hours = u.get("opening_hours")
    return _make(
        Unit,
        u,
        visiting_address=_address(u["visiting_address"]),
        postal_address=_address(u.get("postal_address")),
        opening_hours=None
        if hours is None
        else OpeningHours(**{f.name: tuple(hours.get(f.name) or ()) for f in fields(OpeningHours)}),
        closed=tuple(_make(ClosedDay, c) for c in u.get("closed", ())),
        coordinates=_make(Coordinates, u["coordinates"]) if u.get("coordinates") else None,
    )


def contacts_of(data: Mapping[str, Any]) -> Contacts:
    return Contacts(
        main_unit=data.get("main_unit"),
        people={k: _make(Person, p) for k, p in data.get("people", {}).items()},
        units={k: _unit(u) for k, u in data.get("units", {}).items()},
    )


def content_of(site: Site, preview: bool = False) -> Content:
    """The content the site shows. `preview` (only the live preview): drafts and scheduled news too."""
    d = site.settings.default_language
    shown = ("published", "draft", "scheduled") if preview else ("published",)
    news = sorted((e for e in site.news if e.state in shown), key=lambda e: (e.default["date"], e.id), reverse=True)
    policy = site.policy if site.policy and site.policy.state == "published" else None
    return Content(
        root=site.root,
        policy=item_of(policy, d) if policy else None,
        pillars=tuple(item_of(e, d) for e in site.published(site.pillars)),
        news=tuple(item_of(e, d) for e in news),
        pages=tuple(item_of(e, d) for e in site.published(site.pages)),
        contacts=contacts_of(site.contacts),
        tags={k: Tag(id=k, labels=labels) for k, labels in site.tags.items()},
        statement=site.statement,
    )


__all__ = [
    "Address",
    "ClosedDay",
    "Commitment",
    "Contacts",
    "Content",
    "Coordinates",
    "Event",
    "Item",
    "NewsFields",
    "OpeningHours",
    "PageFields",
    "Person",
    "PillarFields",
    "PolicyFields",
    "Registration",
    "Tag",
    "Unit",
    "contacts_of",
    "content_of",
    "item_of",
]
