"""Parts several pages show: news, pillar and contact cards, commitments, tag links (hrefs relative to the page)."""

from __future__ import annotations

from collections.abc import Iterable

from ..records import Address, Content, Item, NewsFields, Person, PillarFields, Unit
from ..routes import Routes, rel_href
from .base import MediaCopy, Shared
from .common import preview_notice
from .dates import date_text, opening_rows, optional_date, when_text
from .images import copy_of
from .shapes import AddressView, ClosedDayView, CommitmentView, ContactCard, NewsCard, Phone, Photo, PillarCard, TagLink

OSM = "https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=17/{lat}/{lon}"


def news_card(shared: Shared, routes: Routes, item: Item[NewsFields], lang: str, from_url: str) -> NewsCard:
    v = item.values(lang)
    ev = v.event
    return NewsCard(
        title=v.title,
        summary=v.summary,
        href=rel_href(from_url, routes.url(item, lang)),
        date=date_text(v.date, lang),
        meeting=shared.t(lang, "news.meeting") if ev else None,
        when=when_text(ev.start, ev.end, lang) if ev else None,
        cancelled=shared.t(lang, "news.cancelled") if ev and ev.cancelled else None,
        lang=None if item.translated(lang) else routes.default_language,
        preview=preview_notice(shared, item, lang),
    )


def news_cards(
    shared: Shared, routes: Routes, items: Iterable[Item[NewsFields]], lang: str, from_url: str
) -> list[NewsCard]:
    return [news_card(shared, routes, e, lang, from_url) for e in items]


def pillar_card(routes: Routes, pillar: Item[PillarFields], lang: str, from_url: str) -> PillarCard:
    v = pillar.values(lang)
    return PillarCard(
        title=v.title, summary=v.summary, icon=v.icon, href=rel_href(from_url, routes.url(pillar, lang)), id=pillar.id
    )


def commitments(content: Content, shared: Shared, pillar: Item[PillarFields], lang: str) -> list[CommitmentView]:
    return [
        CommitmentView(
            id=c.id,
            anchor=f"{pillar.id}-{c.id}",
            text=c.text,
            status=c.status,
            status_text=shared.t(lang, f"status.{c.status}") if c.status else None,
            owner=contact_name(content, c.owner, lang) if c.owner else None,
            due=optional_date(c.due, lang),
        )
        for c in pillar.values(lang).commitments
    ]


def contact_name(content: Content, cid: str, lang: str) -> str:
    """A commitment's owner: "name, role" of a person, a unit's name."""
    found = content.contacts.find(cid)
    if isinstance(found, Person):
        return f"{found.name}, {found.role[lang]}"
    if isinstance(found, Unit):
        return found.name[lang]
    return cid


def person_card(routes: Routes, person: Person, lang: str, from_url: str) -> tuple[ContactCard, tuple[MediaCopy, ...]]:
    """A person's card, and the copy of the photo it shows."""
    photo: Photo | None = None
    files: tuple[MediaCopy, ...] = ()
    if person.photo:
        copy = copy_of(routes, routes.photo(person.photo))
        photo = Photo(src=rel_href(from_url, copy.path), alt=(person.photo_alt or {}).get(lang, person.name))
        files = (copy,)
    card = ContactCard(
        kind="person",
        id=None,
        name=person.name,
        role=person.role[lang],
        email=person.email,
        phone=Phone(e164=person.phone.e164, text=person.phone.display),
        photo=photo,
        visiting_address=None,
        postal_address=None,
        opening_hours=None,
        closed=None,
        map=None,
    )
    return card, files


def address(a: Address | None) -> AddressView | None:
    return AddressView(street=a.street, postcode=a.postcode, city=a.city) if a else None


def unit_card(shared: Shared, unit: Unit, lang: str) -> ContactCard:
    """A unit's card: addresses, opening hours, the closed days still to come, a map link."""
    hours = None
    if unit.opening_hours is not None:
        hours = list(
            opening_rows(unit.opening_hours, lang, shared.t(lang, "contact.closed"), shared.t(lang, "contact.and"))
        )
    closed = [
        ClosedDayView(date=date_text(c.date, lang), reason=(c.reason or {}).get(lang, ""))
        for c in unit.closed
        if c.date >= shared.today
    ]
    where = unit.coordinates
    return ContactCard(
        kind="unit",
        id=unit.id,
        name=unit.name[lang],
        role=None,
        email=unit.email,
        phone=Phone(e164=unit.phone.e164, text=unit.phone.display),
        photo=None,
        visiting_address=address(unit.visiting_address),
        postal_address=address(unit.postal_address),
        opening_hours=hours,
        closed=closed or None,
        map=OSM.format(lat=where.lat, lon=where.lon) if where else None,
    )


def contact_cards(
    content: Content, shared: Shared, routes: Routes, ids: Iterable[str], lang: str, from_url: str
) -> tuple[list[ContactCard], tuple[MediaCopy, ...]]:
    """The cards of the people and units named by id (unknown ids left out), and the photos they show."""
    cards: list[ContactCard] = []
    files: list[MediaCopy] = []
    for cid in ids:
        found = content.contacts.find(cid)
        if isinstance(found, Person):
            card, copies = person_card(routes, found, lang, from_url)
            cards.append(card)
            files += copies
        elif isinstance(found, Unit):
            cards.append(unit_card(shared, found, lang))
    return cards, tuple(files)


def tag_links(content: Content, routes: Routes, tags: Iterable[str], lang: str, from_url: str) -> list[TagLink]:
    """Links to the tag pages of the known tags among `tags`."""
    return [
        TagLink(label=content.tags[t].label(lang), href=rel_href(from_url, routes.tag(lang, t)))
        for t in tags
        if t in content.tags
    ]
