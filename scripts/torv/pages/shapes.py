"""The declared shape of every template's data: page.meta and page.meta.torv of each page kind, and its parts.

The templates in overrides/ read exactly these names. Every field is written to the front matter
(`dataclasses.asdict`), None where a page has nothing for it, so a template can rely on the shape
and a misspelt name fails the template test (tests/test_templates.py).
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field

# ---------------------------------------------------------------- parts


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


# ---------------------------------------------------------------- the accessibility statement (statement.page())


@dataclass(frozen=True)
class Part:
    """A piece of a paragraph: a text, or a link."""

    text: str
    href: str | None
    hreflang: str | None


@dataclass(frozen=True)
class Fact:
    """The statement at a glance: its status (text, status) or a date."""

    label: str
    text: str | None
    status: str | None
    date: DateText | None


@dataclass(frozen=True)
class ContactLink:
    label: str
    href: str
    text: str


@dataclass(frozen=True)
class StatementContact:
    phone: ContactLink
    email: ContactLink


@dataclass(frozen=True)
class Issue:
    what: str
    why: str
    criteria: str | None
    fix_by: str | None


@dataclass(frozen=True)
class IssueGroup:
    id: str
    heading: str
    issues: list[Issue]


@dataclass(frozen=True)
class Section:
    id: str
    heading: str
    paragraphs: list[list[Part]]
    contact: StatementContact | None
    after: list[list[Part]]  # paragraphs after the contact
    groups: list[IssueGroup]  # known issues by category


@dataclass(frozen=True)
class StatementView:
    model: str  # eu | digg
    description: str
    intro: list[list[Part]]
    facts: list[Fact]
    sections: list[Section]


# ---------------------------------------------------------------- page.meta.torv: common to every page


@dataclass(frozen=True)
class Alternate:
    """The page in one language: the language switcher's link and the hreflang alternate."""

    lang: str
    name: str
    href: str
    abs: str
    current: bool
    hreflang: bool


@dataclass(frozen=True)
class OpenGraph:
    title: str
    description: str
    type: str  # website | article
    locale: str
    site_name: str
    image: str | None


@dataclass(frozen=True)
class Feed:
    href: str
    title: str
    type: str = "application/atom+xml"  # or application/feed+json (JSON Feed)


@dataclass(frozen=True)
class Fallback:
    """The page shows the default language's text: the notice saying so."""

    lang: str
    notice: str


@dataclass(frozen=True, kw_only=True)
class Common:
    kind: str  # home | policy | pillar | news | meeting | news-index | tag | ...
    title: str  # the page's title as written (Torv's templates print it escaped)
    lang: str
    url: str
    canonical: str
    alternates: list[Alternate]
    x_default: str
    og: OpenGraph
    root: str  # the language's root as seen from the page ("../../"): config.extra's hrefs (footer, contacts' photos)
    feed: Feed | None  # the language's news feed (Atom), announced in <head> when the site has a site_url
    json_feed: Feed | None  # the same news as a JSON Feed
    topic_feed: Feed | None  # a tag's or a pillar's own feed (Atom) on its page (and its paginated lists)
    fallback: Fallback | None
    jsonld: str | None  # a <script type="application/ld+json"> body


# ---------------------------------------------------------------- page.meta.torv of each page kind


@dataclass(frozen=True, kw_only=True)
class HomeData(Common):
    heading: str
    policy_title: str | None
    vision: str | None
    policy_href: str | None  # None: the site has no policy
    pillars: list[PillarCard]
    latest: list[NewsCard]
    upcoming: list[NewsCard]
    news_href: str
    meetings_href: str
    main_contact: ContactCard | None


@dataclass(frozen=True, kw_only=True)
class PolicyData(Common):
    vision: str
    adopted: DateText
    reviewed: DateText | None
    document: str | None
    pillars: list[PolicyPillar]
    progress: str | None  # None: no commitment has a status
    counts: Counts
    open_data: list[Link]  # the commitments as open data (JSON, CSV); none without commitments


@dataclass(frozen=True, kw_only=True)
class PillarData(Common):
    summary: str
    icon: str | None
    commitments: list[CommitmentView]
    news: list[NewsCard]  # the newest few
    all_news: Link | None  # the pillar's full list of news, when there are more
    policy_href: str | None


@dataclass(frozen=True, kw_only=True)
class PillarNewsData(Common):
    """All news about a pillar, a page of them."""

    heading: str
    entries: list[NewsCard]
    pager: Pager | None
    pillar: Link  # back to the pillar's page


@dataclass(frozen=True, kw_only=True)
class NewsItemData(Common):
    preview: Preview | None
    published: DateText
    updated: DateText | None
    reviewed: DateText | None
    image: Image | None
    event: EventBox | None
    tags: list[TagLink]
    pillar_links: list[PillarLink]
    contacts: list[str]  # ids of config.extra.torv_contacts: the cards are the same on every page


@dataclass(frozen=True, kw_only=True)
class NewsIndexData(Common):
    """A page of the news list (kind news-index) or of one year's news (kind news-year)."""

    heading: str
    years: list[Year]  # this page's news items, by year
    by_year: bool  # a heading per year (the news list; a year's page has one year)
    pager: Pager | None
    year_links: list[YearLink]
    all_news: Link | None  # on a year's page: back to the news list
    tags: list[TagLink]


@dataclass(frozen=True, kw_only=True)
class TagData(Common):
    heading: str
    entries: list[NewsCard]
    pager: Pager | None


@dataclass(frozen=True, kw_only=True)
class MeetingsData(Common):
    heading: str
    first: bool  # the first page: it lists the upcoming meetings, the others page through past ones
    upcoming: list[NewsCard]
    calendar: str | None  # href of the language's calendar.ics
    webcal: str | None  # the same calendar as a webcal: subscription
    past: list[NewsCard]
    pager: Pager | None


@dataclass(frozen=True, kw_only=True)
class ContactData(Common):
    units: list[ContactCard]
    people: list[ContactCard]


@dataclass(frozen=True, kw_only=True)
class HandPageData(Common):
    published: None  # page-dates.html reads the dates of any page; a page has only reviewed
    updated: None
    reviewed: DateText | None


@dataclass(frozen=True, kw_only=True)
class StatementData(Common):
    statement: StatementView


@dataclass(frozen=True)
class PageMeta:
    """page.meta: the front matter of a generated page."""

    template: str
    description: str | None
    edit_url: str | None  # "Edit this page": the source file in the repository's web editor
    torv: Common
    # torv.title as HTML: MkDocs and the theme print a page's title as it is (header, search index), so it is
    # escaped here, once; Torv's own templates print torv.title, escaped by the template.
    title: str = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "title", html.escape(self.torv.title))
