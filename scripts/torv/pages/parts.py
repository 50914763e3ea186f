"""The parts several pages show, as their templates read them: cards, links, contacts, the event box, pictures,
documents and pagers (pages/shapes.py puts them together into each page kind's page.meta)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class DateText:
    iso: str  # 2026-12-03, for <time datetime>
    text: str  # "3. december 2026" in the page's language


@dataclass(frozen=True)
class Link:
    text: str
    href: str


@dataclass(frozen=True)
class TagLink:
    label: str
    href: str


@dataclass(frozen=True)
class Preview:
    """Only in the live preview: a draft's or scheduled item's notice (on its page and its cards)."""

    state: str  # draft | scheduled
    notice: str


@dataclass(frozen=True)
class NewsCard:
    title: str
    summary: str
    href: str
    date: DateText  # the publication date; in a list of meetings, when the meeting takes place
    meeting: str | None  # the "Meeting" badge of a meeting
    when: str | None  # a meeting's date and time (not in a list of meetings: there it is the card's date)
    cancelled: str | None  # the "Cancelled" badge
    lang: str | None  # the card's language where the item is not translated
    preview: Preview | None


@dataclass(frozen=True)
class PillarCard:
    title: str
    summary: str
    icon: str | None
    href: str
    id: str


@dataclass(frozen=True)
class CommitmentView:
    id: str
    anchor: str  # the element id on the pillar page: <pillar>-<commitment>
    text: str
    status: str | None  # None: the commitment is not tracked (no badge, not counted)
    status_text: str | None
    owner: str | None  # "name, role" or the unit's name
    due: DateText | None


@dataclass(frozen=True)
class PolicyPillar(PillarCard):
    """A pillar on the policy page: its card with its commitments."""

    commitments: list[CommitmentView]


@dataclass(frozen=True)
class PillarLink:
    """A news item's link to a pillar (once), with links to the commitments of it that the item names."""

    title: str
    href: str
    commitments: list[Link]


@dataclass(frozen=True)
class Phone:
    e164: str  # for tel:
    text: str


@dataclass(frozen=True)
class Photo:
    src: str
    alt: str


@dataclass(frozen=True)
class AddressView:
    street: str
    postcode: str | None
    city: str


@dataclass(frozen=True)
class Span:
    opens: str  # 08:00
    closes: str


@dataclass(frozen=True)
class OpeningRow:
    """Consecutive weekdays with the same hours: "Mandag–onsdag", "08.00–16.00"."""

    days: str
    hours: str
    closed: bool
    spans: list[Span]
    weekdays: list[str]


@dataclass(frozen=True)
class ClosedDayView:
    date: DateText
    reason: str


@dataclass(frozen=True)
class ContactCard:
    """A person (kind "person") or a unit (kind "unit"); what the other kind has not is None."""

    kind: str
    id: str | None  # a unit's id (its heading's anchor)
    name: str
    role: str | None  # a person's role
    email: str
    email_parts: list[str]  # the address in pieces, a <wbr> between them (a narrow card breaks it there)
    phone: Phone
    photo: Photo | None
    visiting_address: AddressView | None
    postal_address: AddressView | None
    opening_hours: list[OpeningRow] | None
    closed: list[ClosedDayView] | None  # the closed days to come (outside the contact page: the next few)
    closed_more: Link | None  # outside the contact page: all of the unit's closed days there
    map: str | None  # OpenStreetMap link


@dataclass(frozen=True)
class EventBox:
    """A meeting's practical facts on its page."""

    when: str
    start: str  # ISO 8601 with the time zone's offset; a date alone for a meeting over whole days
    end: str | None
    all_day: bool
    past: bool
    location: str | None
    address: str | None
    audience: str | None
    online: str | None
    registration: Link | None  # only while one can sign up: not after the deadline
    registration_closed: bool  # the deadline has passed (the meeting is still to come)
    deadline: DateText | None
    cancelled: bool
    documents: list[MeetingDocument]  # the agenda and the minutes
    calendar: str | None  # href of the meeting's .ics
    webcal: str | None  # the same calendar as a webcal: subscription (changes reach the subscriber)


@dataclass(frozen=True)
class Image:
    """A picture: its copies at several widths (srcset, and WebP ones where the original is not), its size as shown,
    and the caption and photo credit under it."""

    src: str
    alt: str
    width: int | None
    height: int | None
    srcset: str | None  # "x.480w.jpg 480w, ..." in the original's format
    webp_srcset: str | None  # the same widths as WebP
    sizes: str | None
    loading: str | None  # "lazy" below the fold; None for the lead picture
    caption: str | None
    credit: str | None  # "Foto: Jens Hansen" in the page's language


@dataclass(frozen=True)
class DocumentLink:
    """A document a page attaches (a meeting's agenda or minutes): its link and "PDF, 118 kB" after it."""

    href: str
    type: str  # PDF, Word ...
    size: str  # 118 kB in the page's language
    info: str  # PDF, 118 kB


@dataclass(frozen=True)
class MeetingDocument:
    """A meeting's agenda or minutes in its box: what it is, its link, and its language where it is not the page's
    (a translation that has no document of its own links the default language's)."""

    text: str  # "Dagsorden"
    link: DocumentLink
    lang: str | None


@dataclass(frozen=True)
class Year:
    year: int
    entries: list[NewsCard]


@dataclass(frozen=True)
class YearLink:
    """A link to the page of one year's news."""

    year: int
    href: str
    count: int  # news items that year
    current: bool  # the page shows that year


@dataclass(frozen=True)
class PageLink:
    """A numbered link of a pager, or a gap (`gap`: pages left out between two links, shown as "…")."""

    number: int
    href: str
    label: str  # what a screen reader announces: "Side 2 af 50"
    current: bool  # aria-current="page"
    gap: bool


@dataclass(frozen=True)
class Pager:
    """The page links of a list that is longer than one page."""

    label: str  # the aria-label of its <nav>
    status: str  # "Side 2 af 50"
    number: int  # this page, 1-based
    total: int
    previous: Link | None
    next: Link | None
    pages: list[PageLink]


@dataclass(frozen=True)
class Counts:
    total: int
    planned: int
    in_progress: int
    done: int
