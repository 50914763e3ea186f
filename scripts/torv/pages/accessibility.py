"""The accessibility statement's page of a language (docs/accessibility.yml; texts and structure: statement.py)."""
from __future__ import annotations

from .. import statement
from ..records import Content
from ..routes import Routes
from .base import Page, Shared
from .common import common
from .shapes import PageMeta, StatementData


def accessibility(content: Content, routes: Routes, lang: str, shared: Shared) -> list[Page]:
    if not content.statement:
        return []
    url = routes.section(lang, "accessibility")
    title = shared.t(lang, "footer.accessibility")
    s = shared.settings
    data = statement.page(dict(content.statement), lang, org=shared.municipality(lang),
                          site=routes.host or s.site_name, country=s.phone_region)
    torv = StatementData(**common(content, routes, shared, lang, url, kind="statement", title=title,
                                  description=data["description"], section_urls=routes.section_urls("accessibility")),
                         statement=data)
    meta = PageMeta(title=title, template="statement.html", description=data["description"],
                    edit_url=shared.edit_url(statement.REL), torv=torv)
    return [Page(url=url, meta=meta)]
