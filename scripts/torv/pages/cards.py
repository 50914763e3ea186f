"""Parts several pages show: news, pillar and contact cards, commitments, tag links (hrefs relative to the page)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..records import Address, Content, Item, NewsFields, Person, PillarFields, Unit
from ..routes import Routes, rel_href
from .base import MediaCopy, Shared
from .common import preview_notice
from .dates import date_text, event_iso, event_when, opening_rows, optional_date
from .images import copy_of
from .parts import (
    AddressView,
    ClosedDayView,
    CommitmentView,
    ContactCard,
    DateText,
    Link,
    NewsCard,
    Phone,
    Photo,
    PillarCard,
    TagLink,
)

OSM = "https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=17/{lat}/{lon}"
CLOSED_DAYS_ELSEWHERE = 3  # a unit's next closed days on a card outside the contact page


def news_card(
    shared: Shared, routes: Routes, item: Item[NewsFields], lang: str, from_url: str, meeting_list: bool = False
) -> NewsCard:
    """A news item's card. In a list of meetings (`meeting_list`) a meeting's card leads with when it takes
    place instead of its publication date."""
    v = item.values(lang)
    ev = v.event
    date, when = date_text(v.date, lang), event_when(ev, lang) if ev else None
    if ev and meeting_list and when:
        date, when = DateText(iso=event_iso(ev.start, shared.tz), text=when), None
    return NewsCard(
        title=v.title,
        summary=v.summary,
        href=rel_href(from_url, routes.url(item, lang)),
        date=date,
        meeting=shared.t(lang, "news.meeting") if ev else None,
        when=when,
        cancelled=shared.t(lang, "news.cancelled") if ev and ev.cancelled else None,
        lang=None if item.translated(lang) else routes.default_language,
        preview=preview_notice(shared, item, lang),
    )


def news_cards(
    shared: Shared, routes: Routes, items: Iterable[Item[NewsFields]], lang: str, from_url: str
) -> list[NewsCard]:
    return [news_card(shared, routes, e, lang, from_url) for e in items]


def meeting_cards(
    shared: Shared, routes: Routes, items: Iterable[Item[NewsFields]], lang: str, from_url: str
) -> list[NewsCard]:
    """The cards of a list of meetings: each leads with the meeting's own date and time."""
    return [news_card(shared, routes, e, lang, from_url, meeting_list=True) for e in items]


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
        email_parts=email_parts(person.email),
        phone=Phone(e164=person.phone.e164, text=person.phone.display),
        photo=photo,
        visiting_address=None,
        postal_address=None,
        opening_hours=None,
        closed=None,
        closed_more=None,
        map=None,
    )
    return card, files


def address(a: Address | None) -> AddressView | None:
    return AddressView(street=a.street, postcode=a.postcode, city=a.city) if a else None


def email_parts(address: str) -> list[str]:
    """An e-mail address in the pieces a narrow card may break it between (a <wbr> each): after the @ and
    before each dot, never inside a word."""
    return [part for part in re.split(r"(?<=@)|(?=\.)", address) if part]


def unit_card(shared: Shared, unit: Unit, lang: str, contact_href: str | None = None) -> ContactCard:
    """A unit's card: addresses, opening hours, the closed days still to come, a map link. On the contact page
    every closed day to come; elsewhere (`contact_href`: the unit on the contact page) only the next few, with
    a link to all of them when there are more."""
    hours = None
    if unit.opening_hours is not None:
        hours = list(
            opening_rows(unit.opening_hours, lang, shared.t(lang, "contact.closed"), shared.t(lang, "contact.and"))
        )
    to_come = sorted((c for c in unit.closed if c.date >= shared.today), key=lambda c: c.date)
    more = None
    if contact_href is not None and len(to_come) > CLOSED_DAYS_ELSEWHERE:
        to_come = to_come[:CLOSED_DAYS_ELSEWHERE]
        more = Link(text=shared.t(lang, "contact.all_closed_days"), href=contact_href)
    closed = [ClosedDayView(date=date_text(c.date, lang), reason=(c.reason or {}).get(lang, "")) for c in to_come]
    where = unit.coordinates
    return ContactCard(
        kind="unit",
        id=unit.id,
        name=unit.name[lang],
        role=None,
        email=unit.email,
        email_parts=email_parts(unit.email),
        phone=Phone(e164=unit.phone.e164, text=unit.phone.display),
        photo=None,
        visiting_address=address(unit.visiting_address),
        postal_address=address(unit.postal_address),
        opening_hours=hours,
        closed=closed or None,
        closed_more=more,
        map=OSM.format(lat=where.lat, lon=where.lon) if where else None,
    )


def unit_elsewhere(shared: Shared, routes: Routes, unit: Unit, lang: str, from_url: str) -> ContactCard:
    """A unit's card on another page than the contact page (the home page, a news item)."""
    href = rel_href(from_url, routes.section(lang, "contact")) + f"#unit-{unit.id}"
    return unit_card(shared, unit, lang, contact_href=href)


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
            cards.append(unit_elsewhere(shared, routes, found, lang, from_url))
    return cards, tuple(files)


def tag_links(content: Content, routes: Routes, tags: Iterable[str], lang: str, from_url: str) -> list[TagLink]:
    """Links to the tag pages of the known tags among `tags`."""
    return [
        TagLink(label=content.tags[t].label(lang), href=rel_href(from_url, routes.tag(lang, t)))
        for t in tags
        if t in content.tags
    ]
