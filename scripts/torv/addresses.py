"""The address of every entry in every language, and addresses claimed twice or taken by a section or a year."""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import codes, i18n
from .problems import Problem
from .routes import entry_url

if TYPE_CHECKING:
    from .load import Entry
    from .site import Site


def live_entries(site: Site) -> list[Entry]:
    """The entries that have addresses: every one whose files have no errors."""
    return [e for e in [site.policy] + site.pillars + site.news + site.pages if e is not None and e.state != "invalid"]


def assign_urls(site: Site) -> None:
    """Each entry's address in every language."""
    for e in live_entries(site):
        for lang in site.settings.languages:
            e.urls[lang] = entry_url(site, e, lang)


def address_conflicts(site: Site) -> list[Problem]:
    """Two entries with one address in a language, or a page on a section's address."""
    problems = []
    reserved = {f"{i18n.segment(lang, s)}/": s for lang in site.settings.languages for s in i18n.SECTIONS}
    for lang in site.settings.languages:
        seen: dict[str, str] = {}
        for e in live_entries(site):
            url = e.urls[lang]
            src = e.sources.get(lang) or e.sources[site.settings.default_language]
            lines = e.lines.get(lang) or e.lines.get(site.settings.default_language) or {}
            line = lines.get(("slug",), 0)  # the slug's line, or the file (the name is the address)
            name = url.rstrip("/").rpartition("/")[2]
            if e.kind == "page" and url in reserved:
                message = (
                    f"the address /{lang}/{url} is taken by the site's {reserved[url]} section: "
                    f"expected another slug, e.g. slug: om-{url[:-1]}"
                )
            elif e.kind == "news" and name.isdigit():
                message = (
                    f"the address /{lang}/{url} is taken by the news of a year: expected a slug "
                    f"with letters, e.g. slug: {url.split('/')[0]}-{name}"
                )
            elif url in seen and seen[url] != src:
                message = (
                    f"the address /{lang}/{url} is also used by {seen[url]}: expected a unique "
                    f"slug or file name, e.g. slug: {name}-2"
                )
            else:
                seen[url] = src
                continue
            problems.append(Problem(codes.ADDRESS_TAKEN, src, line, "slug", message))
    return problems
