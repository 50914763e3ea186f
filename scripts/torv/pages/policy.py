"""The policy page: the vision, when it was adopted, every pillar with its commitments, the progress so far."""

from __future__ import annotations

from ..models import STATUSES
from ..records import Content
from ..routes import Routes, rel_href
from . import jsonld, selection
from .base import Page, Shared
from .body import page_body
from .cards import commitments, pillar_card
from .common import common, item_edit_url
from .dates import date_text, optional_date
from .parts import Counts, Link, PolicyPillar
from .shapes import PageMeta, PolicyData


def policy(content: Content, routes: Routes, lang: str, shared: Shared) -> list[Page]:
    item = content.policy
    if item is None or not routes.has_page(item, lang):
        return []
    url = routes.url(item, lang)
    v = item.values(lang)
    pillars = []
    for p in content.pillars:
        card = pillar_card(routes, p, lang, url)
        pillars.append(PolicyPillar(**vars(card), commitments=commitments(content, shared, p, lang)))
    counts = {s: sum(c.status == s for p in pillars for c in p.commitments) for s in STATUSES}
    total = sum(counts.values())
    data = PolicyData(
        **common(
            content,
            routes,
            shared,
            lang,
            url,
            kind="policy",
            title=v.title,
            description=v.vision,
            item=item,
            jsonld=jsonld.web_page(shared, routes, lang, v.title, v.vision),
        ),
        vision=v.vision,
        adopted=date_text(v.adopted, lang),
        reviewed=optional_date(v.reviewed, lang),
        document=v.document,
        pillars=pillars,
        progress=shared.t(
            lang,
            "policy.progress",
            total=total,
            done=counts["done"],
            in_progress=counts["in-progress"],
            planned=counts["planned"],
        )
        if total
        else None,
        counts=Counts(total=total, planned=counts["planned"], in_progress=counts["in-progress"], done=counts["done"]),
        open_data=[
            Link(text="JSON", href=rel_href(url, routes.commitments_json)),
            Link(text="CSV", href=rel_href(url, routes.commitments_csv)),
        ]
        if selection.has_open_data(content, routes, lang)
        else [],
    )
    meta = PageMeta(
        template="policy.html",
        description=v.vision,
        edit_url=item_edit_url(shared, item, lang),
        torv=data,
    )
    body, files = page_body(routes, shared, item, lang, url)
    return [Page(url=url, meta=meta, body=body, files=files)]
