"""The contact page of a language: every unit (the main one first) with hours and addresses, then the people."""

from __future__ import annotations

from ..records import Content
from ..routes import Routes
from . import jsonld
from .base import MediaCopy, Page, Shared
from .cards import person_card, unit_card
from .common import common
from .parts import ContactCard
from .shapes import ContactData, PageMeta

SOURCE = "policy/contacts.yml"  # "Edit this page": the contacts and opening hours come from one file


def contact(content: Content, routes: Routes, lang: str, shared: Shared) -> list[Page]:
    if not content.contacts.any():
        return []
    url = routes.section(lang, "contact")
    title = shared.t(lang, "contact.title")
    contacts = content.contacts
    units = sorted(contacts.units.values(), key=lambda u: u.id != contacts.main_unit)
    people: list[ContactCard] = []
    files: tuple[MediaCopy, ...] = ()
    for p in contacts.people.values():
        card, copies = person_card(routes, p, lang, url)
        people.append(card)
        files += copies
    org = jsonld.organisation(shared, routes, lang)
    org["department"] = [jsonld.unit(shared, routes, u, lang) for u in units]
    data = ContactData(
        **common(
            content,
            routes,
            shared,
            lang,
            url,
            kind="contact",
            title=title,
            description=None,
            section_urls=routes.section_urls("contact"),
            jsonld=jsonld.script(org),
        ),
        units=[unit_card(shared, u, lang) for u in units],
        people=people,
    )
    meta = PageMeta(template="contact.html", description=None, edit_url=shared.edit_url(SOURCE), torv=data)
    return [Page(url=url, meta=meta, files=_files(files))]


def _files(files: tuple[MediaCopy, ...]) -> tuple[MediaCopy, ...]:
    return tuple(dict.fromkeys(files))
