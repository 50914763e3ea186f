"""Structured data (schema.org JSON-LD) of the pages: the organisation, its units, web pages, news and events."""

from __future__ import annotations

import json
from typing import Any

from ..records import Address, Item, NewsFields, Unit
from ..routes import Routes
from .base import Shared
from .dates import event_iso

SCHEMA = "https://schema.org"


def script(data: dict[str, Any]) -> str:
    """The body of a <script type="application/ld+json">: safe inside <script> whatever the texts hold, as
    <, > and & are written as JSON escapes (no "</script>" or "<!--" can end or change the element)."""
    doc = {"@context": SCHEMA, **data}
    text = json.dumps(doc, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def organisation(shared: Shared, routes: Routes, lang: str) -> dict[str, Any]:
    org: dict[str, Any] = {"@type": "GovernmentOrganization", "name": shared.municipality(lang)}
    if routes.site_url:
        org["url"] = routes.absolute(lang, "")
    return org


def web_page(shared: Shared, routes: Routes, lang: str, name: str, description: str) -> str:
    """A page about the policy (the policy page, a pillar)."""
    return script(
        {
            "@type": "WebPage",
            "name": name,
            "description": description,
            "inLanguage": lang,
            "publisher": organisation(shared, routes, lang),
        }
    )


def postal_address(a: Address) -> dict[str, Any]:
    address = {"@type": "PostalAddress", "streetAddress": a.street, "postalCode": a.postcode, "addressLocality": a.city}
    return {k: v for k, v in address.items() if v}


def unit(shared: Shared, routes: Routes, u: Unit, lang: str) -> dict[str, Any]:
    """A unit as a department of the municipality, with its opening hours and closed days."""
    ld: dict[str, Any] = {
        "@type": "GovernmentOrganization",
        "name": u.name[lang],
        "telephone": u.phone.e164,
        "email": u.email,
        "address": postal_address(u.visiting_address),
        "parentOrganization": organisation(shared, routes, lang),
    }
    specs = [
        {
            "@type": "OpeningHoursSpecification",
            "dayOfWeek": f"{SCHEMA}/{day.capitalize()}",
            "opens": a.strftime("%H:%M"),
            "closes": b.strftime("%H:%M"),
        }
        for day, spans in (u.opening_hours.days() if u.opening_hours else ())
        for a, b in spans
    ]
    specs += [
        {
            "@type": "OpeningHoursSpecification",
            "validFrom": c.date.isoformat(),
            "validThrough": c.date.isoformat(),
            "opens": "00:00",
            "closes": "00:00",
        }
        for c in u.closed
    ]
    if specs:
        ld["openingHoursSpecification"] = specs
    if u.coordinates:
        ld["geo"] = {"@type": "GeoCoordinates", "latitude": u.coordinates.lat, "longitude": u.coordinates.lon}
    return ld


def news(shared: Shared, routes: Routes, item: Item[NewsFields], lang: str) -> str:
    """A news item (NewsArticle); a meeting also as an Event."""
    v = item.values(lang)
    url = routes.absolute(lang, routes.url(item, lang))
    ld: dict[str, Any] = {
        "@type": "NewsArticle",
        "headline": v.title,
        "description": v.summary,
        "datePublished": v.date.isoformat(),
        "inLanguage": lang if item.translated(lang) else routes.default_language,
        "url": url,
        "mainEntityOfPage": url,
        "publisher": organisation(shared, routes, lang),
    }
    if v.updated:
        ld["dateModified"] = v.updated.isoformat()
    ev = v.event
    if not ev:
        return script(ld)
    event: dict[str, Any] = {
        "@type": "Event",
        "name": v.title,
        "description": v.summary,
        "startDate": event_iso(ev.start, shared.tz),  # a date alone for a meeting over whole days
        "url": url,
        "organizer": organisation(shared, routes, lang),
        "eventStatus": f"{SCHEMA}/EventCancelled" if ev.cancelled else f"{SCHEMA}/EventScheduled",
    }
    if ev.end:
        event["endDate"] = event_iso(ev.end, shared.tz)
    locations: list[dict[str, Any]] = []
    if ev.location or ev.address:
        place: dict[str, Any] = {"@type": "Place", "name": ev.location or ev.address}
        if ev.address:
            place["address"] = ev.address
        locations.append(place)
    if ev.online:
        locations.append({"@type": "VirtualLocation", "url": ev.online})
    if locations:
        event["location"] = locations[0] if len(locations) == 1 else locations
        event["eventAttendanceMode"] = (
            f"{SCHEMA}/MixedEventAttendanceMode"
            if len(locations) > 1
            else f"{SCHEMA}/OnlineEventAttendanceMode"
            if ev.online and not ev.location
            else f"{SCHEMA}/OfflineEventAttendanceMode"
        )
    return script({"@graph": [ld, event]})
