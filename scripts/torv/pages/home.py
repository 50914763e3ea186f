"""The home page of a language: the vision, a card per pillar, upcoming meetings, latest news, the main contact."""

from __future__ import annotations

from ..records import Content
from ..routes import Routes, rel_href
from . import jsonld, selection
from .base import Page, Shared
from .cards import meeting_cards, news_cards, pillar_card, unit_elsewhere
from .common import common
from .shapes import HomeData, PageMeta

LATEST = 5  # news items on the home page


def home(content: Content, routes: Routes, lang: str, shared: Shared) -> list[Page]:
    url = routes.section(lang, None)
    pol = content.policy.values(lang) if content.policy else None
    title = shared.municipality(lang)
    main = content.contacts.main()
    graph = [jsonld.organisation(shared, routes, lang)] + ([jsonld.unit(shared, routes, main, lang)] if main else [])
    items = selection.in_language(content, routes, lang)
    upcoming = selection.upcoming(items, shared.today)
    data = HomeData(
        **common(
            content,
            routes,
            shared,
            lang,
            url,
            kind="home",
            title=title,
            description=pol.vision if pol else None,
            section_urls=routes.section_urls(None),
            # the language chooser at the root (site/index.html) is the home pages' x-default
            x_default=routes.site_url or None,
            jsonld=jsonld.script({"@graph": graph}),
        ),
        heading=shared.t(lang, "home.title"),
        policy_title=pol.title if pol else None,
        vision=pol.vision if pol else None,
        policy_href=rel_href(url, routes.section(lang, "policy")) if content.policy else None,
        pillars=[pillar_card(routes, p, lang, url) for p in content.pillars],
        # the latest news, without the meetings listed under upcoming meetings just above
        latest=news_cards(shared, routes, selection.not_in(items, upcoming)[:LATEST], lang, url),
        upcoming=meeting_cards(shared, routes, upcoming, lang, url),
        news_href=rel_href(url, routes.section(lang, "news")),
        meetings_href=rel_href(url, routes.section(lang, "meetings")),
        main_contact=unit_elsewhere(shared, routes, main, lang, url) if main else None,
    )
    meta = PageMeta(template="home.html", description=data.vision, edit_url=None, torv=data)
    return [Page(url=url, meta=meta)]
