"""A news item's page (or a meeting's): dates, the meeting's facts, picture, text, pillars, tags, contacts."""

from __future__ import annotations

from ..records import Content, Item, NewsFields
from ..routes import Routes, rel_href
from . import jsonld
from .base import MediaCopy, Page, Shared
from .cards import contact_cards, tag_links
from .common import common, item_edit_url, preview_notice
from .dates import date_text, iso_local, last_day, optional_date, when_text
from .images import copy_of, image_size, rewrite_pictures
from .shapes import EventBox, Image, Link, NewsItemData, PageMeta, PillarLink


def news_items(content: Content, routes: Routes, lang: str, shared: Shared) -> list[Page]:
    return [news_page(content, routes, lang, shared, e) for e in content.news if routes.has_page(e, lang)]


def news_page(content: Content, routes: Routes, lang: str, shared: Shared, item: Item[NewsFields]) -> Page:
    url = routes.url(item, lang)
    v = item.values(lang)
    image: Image | None = None
    og_image: str | None = None
    files: tuple[MediaCopy, ...] = ()
    if v.image:
        copy = copy_of(routes, routes.picture(item, v.image))
        size = image_size(copy.source)
        image = Image(
            src=rel_href(url, copy.path), alt=v.image_alt or "", width=size.get("width"), height=size.get("height")
        )
        og_image, files = routes.absolute(lang, copy.path), (copy,)
    contacts, photos = contact_cards(content, shared, routes, v.contacts, lang, url)
    body, pictures = rewrite_pictures(routes, item, lang, url)
    data = NewsItemData(
        **common(
            content,
            routes,
            shared,
            lang,
            url,
            kind="meeting" if v.event else "news",
            title=v.title,
            description=v.summary,
            item=item,
            og_type="article",
            og_image=og_image,
            jsonld=jsonld.news(shared, routes, item, lang),
        ),
        preview=preview_notice(shared, item, lang),
        published=date_text(v.date, lang),
        updated=optional_date(v.updated, lang),
        reviewed=optional_date(v.reviewed, lang),
        image=image,
        event=event_box(shared, routes, item, lang) if v.event else None,
        tags=tag_links(content, routes, v.tags, lang, url),
        pillar_links=pillar_links(content, routes, v.pillars, lang, url),
        contacts=contacts,
    )
    meta = PageMeta(
        template="news-item.html",
        description=v.summary,
        edit_url=item_edit_url(shared, item, lang),
        torv=data,
    )
    return Page(url=url, meta=meta, body=body, files=_unique(files + photos + pictures))


def event_box(shared: Shared, routes: Routes, item: Item[NewsFields], lang: str) -> EventBox:
    """A meeting's facts; sign-up while it is to come, and its calendar file when the site has an address."""
    ev = item.values(lang).event
    assert ev is not None
    past = last_day(ev) < shared.today
    reg = ev.registration
    registration = None
    if reg:
        registration = (
            Link(href=f"mailto:{reg.email}", text=reg.email)
            if reg.email
            else Link(href=reg.url or "", text=reg.url or "")
        )
    calendar = None
    if not ev.cancelled and routes.site_url and not past:
        calendar = rel_href(routes.url(item, lang), routes.ics(item, lang))
    return EventBox(
        when=when_text(ev.start, ev.end, lang),
        start=iso_local(ev.start, shared.tz),
        end=iso_local(ev.end, shared.tz) if ev.end else None,
        past=past,
        location=ev.location or None,
        address=ev.address or None,
        audience=ev.audience or None,
        online=ev.online or None,
        registration=registration,
        deadline=optional_date(ev.registration_deadline, lang),
        cancelled=ev.cancelled,
        calendar=calendar,
    )


def pillar_links(content: Content, routes: Routes, refs: tuple[str, ...], lang: str, url: str) -> list[PillarLink]:
    """Links to the pillars an item names; `pillar/commitment` links to the commitment on the pillar's page."""
    pillars = {p.id: p for p in content.pillars}
    links = []
    for ref in refs:
        pid, _, cid = ref.partition("/")
        p = pillars.get(pid)
        if not p:
            continue
        href, text = rel_href(url, routes.url(p, lang)), None
        c = next((c for c in p.values(lang).commitments if c.id == cid), None) if cid else None
        if c:
            href, text = f"{href}#{p.id}-{cid}", c.text
        links.append(PillarLink(title=p.values(lang).title, href=href, commitment=text))
    return links


def _unique(files: tuple[MediaCopy, ...]) -> tuple[MediaCopy, ...]:
    return tuple(dict.fromkeys(files))
