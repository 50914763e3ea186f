"""The policy's commitments as open data, per language: commitments.json and commitments.csv (RFC 4180).

One row per commitment: its id as news items name it (`pillar/commitment`), its pillar, text, status, owner,
due date, the address of the commitment on its pillar's page and the addresses of the published news items
that name it. Written next to the language's home page and linked from the policy page; addresses from
routes.py (full addresses when the site has a site_url, else from the site's root).
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import asdict, dataclass

from .pages import selection
from .pages.base import Shared
from .pages.cards import contact_name
from .records import Content
from .routes import Routes

COLUMNS = ("id", "pillar", "pillar_title", "text", "status", "status_text", "owner", "owner_name", "due", "url", "news")


@dataclass(frozen=True)
class CommitmentRow:
    id: str  # pillar/commitment, as news items name it
    pillar: str
    pillar_title: str
    text: str
    status: str | None  # planned | in-progress | done; None: not tracked (empty in the CSV)
    status_text: str | None  # the status in the file's language
    owner: str | None  # a person's or a unit's id
    owner_name: str | None
    due: str | None  # YYYY-MM-DD
    url: str  # the commitment on its pillar's page
    news: list[str]  # the news items that name it


def rows(content: Content, routes: Routes, shared: Shared, lang: str) -> list[CommitmentRow]:
    """Every commitment of the pillars with a page in the language, in the policy's order."""
    items = selection.in_language(content, routes, lang)
    out = []
    for pillar in content.pillars:
        if not routes.has_page(pillar, lang):
            continue
        v = pillar.values(lang)
        page = routes.url(pillar, lang)
        for c in v.commitments:
            ref = f"{pillar.id}/{c.id}"
            out.append(
                CommitmentRow(
                    id=ref,
                    pillar=pillar.id,
                    pillar_title=v.title,
                    text=c.text,
                    status=c.status,
                    status_text=shared.t(lang, f"status.{c.status}") if c.status else None,
                    owner=c.owner,
                    owner_name=contact_name(content, c.owner, lang) if c.owner else None,
                    due=c.due.isoformat() if c.due else None,
                    url=routes.absolute(lang, f"{page}#{pillar.id}-{c.id}"),
                    news=[routes.absolute(lang, routes.url(e, lang)) for e in items if ref in e.default.pillars],
                )
            )
    return out


def as_json(content: Content, routes: Routes, shared: Shared, lang: str, found: list[CommitmentRow]) -> str:
    policy = content.policy
    doc = {
        "policy": policy.values(lang).title if policy else None,
        "url": routes.absolute(lang, routes.url(policy, lang)) if policy else None,
        "language": lang,
        "publisher": shared.municipality(lang),
        "commitments": [asdict(r) for r in found],
    }
    return json.dumps(doc, ensure_ascii=False, indent=1) + "\n"


def as_csv(found: list[CommitmentRow]) -> str:
    """A header and a row per commitment; the news addresses separated by spaces. csv quotes what needs it."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for r in found:
        values = asdict(r)
        writer.writerow([_cell(values[k]) for k in COLUMNS])
    return out.getvalue()


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return " ".join(value)
    return str(value)


def open_data(content: Content, routes: Routes, shared: Shared, lang: str) -> dict[str, str]:
    """{docs-relative path: text} of the language: the commitments as JSON and CSV (none without a policy page or
    without commitments)."""
    if not selection.has_open_data(content, routes, lang):
        return {}
    found = rows(content, routes, shared, lang)
    return {
        routes.commitments_json: as_json(content, routes, shared, lang, found),
        routes.commitments_csv: as_csv(found),
    }
