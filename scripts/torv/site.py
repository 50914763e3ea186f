"""The whole site loaded and checked: `load_site` runs discover -> load -> check and returns the `Site` and
every problem found.

Pure with respect to its inputs: `load_site(root, today)` reads files under `root` and returns
(site, report); nothing is written and nothing raises on bad input.
"""
from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field as dc_field

from . import statement
from .addresses import address_conflicts, assign_urls
from .discover import DATA_FILES, discover, group_markdown
from .load import Entry, Loader
from .problems import Report
from .references import check_references
from .settings import SiteSettings, load_settings, today_in
from .states import mark_states


@dataclass
class Site:
    root: str
    settings: SiteSettings
    today: dt.date
    policy: Entry | None = None
    pillars: list = dc_field(default_factory=list)
    news: list = dc_field(default_factory=list)
    pages: list = dc_field(default_factory=list)
    contacts: dict = dc_field(default_factory=dict)
    tags: dict = dc_field(default_factory=dict)
    assets: set = dc_field(default_factory=set)    # absolute paths of files pages refer to
    unpublished: list = dc_field(default_factory=list)
    statement: dict | None = None                  # docs/accessibility.yml, checked (statement.py)

    def published(self, entries):
        return [e for e in entries if e.state == "published"]


def load_site(root: str, today: dt.date | None = None, settings: SiteSettings | None = None) -> tuple[Site, Report]:
    """Load everything under root. Raises ConfigError only for an unusable mkdocs.yml."""
    settings = settings or load_settings(root)
    today = today or today_in(settings.timezone)
    ld = Loader(root, settings)
    files = discover(root)
    md = [f for f in files if f.endswith(".md")]
    other = [f for f in files if not f.endswith(".md")]
    ld.report.files_checked = len(files)
    contacts = ld.load_contacts()
    tags = ld.load_tags()
    groups = ld.load_markdown(group_markdown(md, settings.languages, ld.report))
    site = Site(root=root, settings=settings, today=today, contacts=contacts, tags=tags)
    site.statement = statement.load(ld, today)
    policies = groups["policy"]
    for e in policies:
        if e.group != "policy/policy":
            ld.report.error(e.sources.get(settings.default_language, e.group), 0, "",
                            f"expected the policy in policy/policy.{settings.default_language}.md")
    site.policy = next((e for e in policies if e.group == "policy/policy" and e.state != "invalid"), None)
    if not policies:
        ld.report.error(f"policy/policy.{settings.default_language}.md", 0, "",
                        "missing: the site needs the policy (title, vision, adopted); see CONTENT.md")
    site.pillars = sorted(groups["pillar"], key=lambda e: (e.default.get("order", 0), e.id))
    site.news = groups["news"]
    site.pages = groups["page"]
    mark_states(site, ld.report)
    check_references(site, ld.refs, ld.unreadable, ld.broken_tags, ld.report)
    assign_urls(site)
    address_conflicts(site, ld.report)
    # every other file is a picture somebody uses, a known data file, or reported
    for rel in other:
        full = os.path.normpath(os.path.join(root, rel))
        if rel in DATA_FILES or full in ld.assets:
            continue
        ld.report.warning(rel, 0, "", "this file is not used by any page: link to it from a page, "
                                      "or delete it")
    site.assets = ld.assets
    return site, ld.report
