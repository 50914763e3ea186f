"""A news item's page (or a meeting's): dates, the meeting's facts, picture, text, pillars, tags, contacts."""

from __future__ import annotations

from ..records import Content, Item, NewsFields
from ..routes import Routes, rel_href
from . import jsonld
from .base import MediaCopy, Page, Shared
from .body import attached_document, page_body
from .cards import contact_cards, tag_links
from .common import common, item_edit_url, preview_notice
from .dates import date_text, event_iso, event_when, optional_date
from .images import largest, picture
from .parts import EventBox, Image, Link, MeetingDocument, PillarLink
from .shapes import NewsItemData, PageMeta


def news_items(content: Content, routes: Routes, lang: str, shared: Shared) -> list[Page]:
    return [news_page(content, routes, lang, shared, e) for e in content.news if routes.has_page(e, lang)]


def news_page(content: Content, routes: Routes, lang: str, shared: Shared, item: Item[NewsFields]) -> Page:
    url = routes.url(item, lang)
    v = item.values(lang)
    image: Image | None = None
    og_image: str | None = None
    files: tuple[MediaCopy, ...] = ()
    if v.image:
        source = routes.picture(item, v.image)
        credit = shared.t(lang, "image.credit", credit=v.image_credit) if v.image_credit else None
        image, files = picture(
            routes, source, url, v.image_alt or "", lazy=False, caption=v.image_caption, credit=credit
        )
        og_image = routes.absolute(lang, largest(routes, source))
    _, photos = contact_cards(content, shared, routes, v.contacts, lang, url)  # the photos the cards show
    body, pictures = page_body(routes, shared, item, lang, url, lead_picture=image is not None)
    event, documents = event_box(shared, routes, item, lang) if v.event else (None, ())
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
        event=event,
        tags=tag_links(content, routes, v.tags, lang, url),
        pillar_links=pillar_links(content, routes, v.pillars, lang, url),
        contacts=[cid for cid in v.contacts if content.contacts.find(cid) is not None],
    )
    meta = PageMeta(
        template="news-item.html",
        description=v.summary,
        edit_url=item_edit_url(shared, item, lang),
        torv=data,
    )
    return Page(url=url, meta=meta, body=body, files=_unique(files + photos + pictures + documents))


def event_box(
    shared: Shared, routes: Routes, item: Item[NewsFields], lang: str
) -> tuple[EventBox, tuple[MediaCopy, ...]]:
    """A meeting's facts and its documents; sign-up while it is open (after the deadline: closed), and its
    calendar file (to add, or to subscribe to) while it is to come and the site has an address."""
    ev = item.values(lang).event
    assert ev is not None
    url = routes.url(item, lang)
    past = ev.last_day < shared.today
    closed = ev.registration_deadline is not None and ev.registration_deadline < shared.today
    reg = ev.registration
    registration = None
    if reg and not closed:
        registration = (
            Link(href=f"mailto:{reg.email}", text=reg.email)
            if reg.email
            else Link(href=reg.url or "", text=reg.url or "")
        )
    calendar = webcal = None
    if not ev.cancelled and routes.site_url and not past:
        calendar = rel_href(url, routes.ics(item, lang))
        webcal = routes.webcal(lang, routes.ics(item, lang))
    documents, files = meeting_documents(shared, routes, item, lang, url)
    box = EventBox(
        when=event_when(ev, lang),
        start=event_iso(ev.start, shared.tz),
        end=event_iso(ev.end, shared.tz) if ev.end else None,
        all_day=ev.all_day,
        past=past,
        location=ev.location or None,
        address=ev.address or None,
        audience=ev.audience or None,
        online=ev.online or None,
        registration=registration,
        registration_closed=closed and bool(reg) and not past and not ev.cancelled,
        deadline=optional_date(ev.registration_deadline, lang),
        cancelled=ev.cancelled,
        documents=documents,
        calendar=calendar,
        webcal=webcal,
    )
    return box, files


def meeting_documents(
    shared: Shared, routes: Routes, item: Item[NewsFields], lang: str, url: str
) -> tuple[list[MeetingDocument], tuple[MediaCopy, ...]]:
    """The agenda and the minutes, in this language's version or else the default language's (marked so)."""
    ev, default = item.values(lang).event, item.default.event
    assert ev is not None and default is not None
    links: list[MeetingDocument] = []
    files: list[MediaCopy] = []
    for name in ("agenda", "minutes"):
        path = getattr(ev, name)
        if not path:
            continue
        own = lang == item.default_language or (item.translated(lang) and path != getattr(default, name))
        link, copy = attached_document(routes, item, path, lang, url)
        links.append(
            MeetingDocument(
                text=shared.t(lang, f"event.{name}"), link=link, lang=None if own else item.default_language
            )
        )
        files.append(copy)
    return links, tuple(files)


def pillar_links(content: Content, routes: Routes, refs: tuple[str, ...], lang: str, url: str) -> list[PillarLink]:
    """Links to the pillars an item names, each pillar once (in the order first named), with links to the
    commitments of it that the item names (on the pillar's page)."""
    pillars = {p.id: p for p in content.pillars}
    named: dict[str, list[str]] = {}
    for ref in refs:
        pid, _, cid = ref.partition("/")
        if pid in pillars:
            ids = named.setdefault(pid, [])
            if cid and cid not in ids:
                ids.append(cid)
    links = []
    for pid, cids in named.items():
        p = pillars[pid]
        href = rel_href(url, routes.url(p, lang))
        texts = {c.id: c.text for c in p.values(lang).commitments}
        commitments = [Link(text=texts[c], href=f"{href}#{p.id}-{c}") for c in cids if c in texts]
        links.append(PillarLink(title=p.values(lang).title, href=href, commitments=commitments))
    return links


def _unique(files: tuple[MediaCopy, ...]) -> tuple[MediaCopy, ...]:
    return tuple(dict.fromkeys(files))
