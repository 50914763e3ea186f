"""The accessibility statement's page of a language (docs/accessibility.yml; texts and structure: statement.py)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .. import statement
from ..records import Content
from ..routes import Routes
from .base import Page, Shared
from .common import common
from .parts import DateText
from .shapes import (
    ContactLink,
    Fact,
    Issue,
    IssueGroup,
    PageMeta,
    Part,
    Section,
    StatementContact,
    StatementData,
    StatementView,
)

Data = Mapping[str, Any]


def accessibility(content: Content, routes: Routes, lang: str, shared: Shared) -> list[Page]:
    if not content.statement:
        return []
    url = routes.section(lang, "accessibility")
    s = shared.settings
    title = statement.title(lang, s.phone_region) or shared.t(lang, "footer.accessibility")
    data = statement.page(
        dict(content.statement),
        lang,
        org=shared.municipality(lang),
        site=routes.host or s.site_name,
        country=s.phone_region,
    )
    torv = StatementData(
        **common(
            content,
            routes,
            shared,
            lang,
            url,
            kind="statement",
            title=title,
            description=data["description"],
            section_urls=routes.section_urls("accessibility"),
        ),
        statement=statement_view(data),
    )
    meta = PageMeta(
        template="statement.html",
        description=data["description"],
        edit_url=shared.edit_url(statement.REL),
        torv=torv,
    )
    return [Page(url=url, meta=meta)]


# statement.page() returns its display data as mappings; here they become the declared shape.


def statement_view(data: Data) -> StatementView:
    return StatementView(
        model=data["model"],
        description=data["description"],
        intro=_paragraphs(data["intro"]),
        facts=[_fact(f) for f in data["facts"]],
        sections=[_section(s) for s in data["sections"]],
    )


def _paragraphs(paragraphs: list[list[Data]]) -> list[list[Part]]:
    return [[Part(text=p["text"], href=p.get("href"), hreflang=p.get("hreflang")) for p in para] for para in paragraphs]


def _fact(f: Data) -> Fact:
    date = f.get("date")
    return Fact(label=f["label"], text=f.get("text"), status=f.get("status"), date=DateText(**date) if date else None)


def _section(s: Data) -> Section:
    c = s.get("contact")
    return Section(
        id=s["id"],
        heading=s["heading"],
        paragraphs=_paragraphs(s.get("paragraphs", [])),
        contact=StatementContact(phone=ContactLink(**c["phone"]), email=ContactLink(**c["email"])) if c else None,
        after=_paragraphs(s.get("after", [])),
        groups=[
            IssueGroup(
                id=g["id"],
                heading=g["heading"],
                issues=[
                    Issue(what=i["what"], why=i["why"], criteria=i.get("criteria"), fix_by=i.get("fix_by"))
                    for i in g["issues"]
                ],
            )
            for g in s.get("groups", [])
        ],
    )
