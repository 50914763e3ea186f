"""The declared shape of every template's data: page.meta and page.meta.torv of each page kind (its parts: parts.py).

The templates in overrides/ read exactly these names. Every field is written to the front matter
(`dataclasses.asdict`), None where a page has nothing for it, so a template can rely on the shape
and a misspelt name fails the template test (tests/test_templates.py).
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field

from .parts import (
    CommitmentView,
    ContactCard,
    Counts,
    DateText,
    EventBox,
    Image,
    Link,
    NewsCard,
    Pager,
    PillarCard,
    PillarLink,
    PolicyPillar,
    Preview,
    TagLink,
    Year,
    YearLink,
)

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
