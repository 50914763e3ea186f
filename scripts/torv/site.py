"""The whole site loaded and checked: `load_site` runs discover -> load -> check into a `Site` and a report.

Pure with respect to its inputs: `load_site(root, today)` reads files under `root` and returns
(site, report); nothing is written and nothing raises on bad input.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from dataclasses import field as dc_field

from . import codes, statement
from .addresses import address_conflicts, assign_urls
from .discover import DATA_FILES, discover, group_markdown, name_problems
from .documents import PICTURE_TYPES, extension, size_text
from .linkcheck import check_links, link_index
from .load import Entry, Loader
from .pictures import LARGE
from .problems import ERROR, WARNING, Problem, Report
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
    assets: set = dc_field(default_factory=set)  # absolute paths of files pages refer to
    unpublished: list = dc_field(default_factory=list)
    statement: dict | None = None  # docs/accessibility.yml, checked (statement.py)

    def published(self, entries: list[Entry]) -> list[Entry]:
        return [e for e in entries if e.state == "published"]


def load_site(root: str, today: dt.date | None = None, settings: SiteSettings | None = None) -> tuple[Site, Report]:
    """Load everything under root. Raises ConfigError only for an unusable mkdocs.yml."""
    settings = settings or load_settings(root)
    today = today or today_in(settings.timezone)
    ld = Loader(root, settings)
    files = discover(root)
    md = [f for f in files if f.endswith(".md")]
    ld.report.files_checked = len(files)
    contacts = ld.load_contacts()
    tags = ld.load_tags()
    groups, misnamed = group_markdown(md, settings.languages)
    entries = ld.load_markdown(groups)
    site = Site(root=root, settings=settings, today=today, contacts=contacts, tags=tags)
    site.statement = statement.load(ld, today)
    policies = entries["policy"]
    site.policy = next((e for e in policies if e.group == "policy/policy" and e.state != "invalid"), None)
    site.pillars = sorted(entries["pillar"], key=lambda e: (e.default.get("order", 0), e.id))
    site.news = entries["news"]
    site.pages = entries["page"]
    problems = (
        name_problems(files, root, settings.default_language)
        + misnamed
        + policy_problems(policies, settings.default_language)
    )
    problems += mark_states(site)
    problems += check_references(site, ld.refs, ld.unreadable, ld.broken_tags)
    assign_urls(site)
    problems += address_conflicts(site)
    link_problems, documents = check_links(site, link_index(site))
    problems += link_problems
    ld.assets.update(documents)
    problems += large_pictures(ld.assets, root)
    if settings.logo:  # the logo may be kept in a content folder (docs/logo.svg)
        ld.assets.add(os.path.normpath(os.path.join(root, settings.logo)))
    failed = {p.path for p in ld.report.problems + problems if p.severity == ERROR}
    problems += unused_files([f for f in files if not f.endswith(".md")], root, ld.assets, failed)
    for p in list(settings.warnings) + problems:
        ld.report.add(p)
    site.assets = ld.assets
    return site, ld.report


def policy_problems(policies: list[Entry], default: str) -> list[Problem]:
    """The site has at most one policy, in policy/policy.<lang>.md (a site of news and contacts has none)."""
    return [
        Problem(
            codes.MISPLACED_FILE,
            e.sources.get(default, e.group),
            0,
            "",
            f"expected the policy in policy/policy.{default}.md",
        )
        for e in policies
        if e.group != "policy/policy"
    ]


def unused_files(
    other: list[str], root: str, assets: set[str], failed: set[str] | frozenset[str] = frozenset()
) -> list[Problem]:
    """Every file that is not Markdown is a picture or document somebody uses, a known data file, or reported.
    What a file with errors uses cannot be known: files in its folder (and below) are not reported."""
    folders = tuple(os.path.dirname(f) + "/" for f in failed)
    return [
        Problem(
            codes.UNUSED_FILE,
            rel,
            0,
            "",
            "this file is not used by any page: link to it from a page, or delete it",
            WARNING,
        )
        for rel in other
        if rel not in DATA_FILES
        and os.path.normpath(os.path.join(root, rel)) not in assets
        and not rel.startswith(folders)
    ]


def large_pictures(assets: set[str], root: str) -> list[Problem]:
    """A picture file over 5 MB: visitors get smaller copies, but the original slows every build."""
    out = []
    for path in sorted(assets):
        if extension(path) in PICTURE_TYPES and os.path.isfile(path) and os.path.getsize(path) > LARGE:
            size = size_text(os.path.getsize(path), "en").replace("\u00a0", " ")
            out.append(
                Problem(
                    codes.LARGE_PICTURE,
                    os.path.relpath(path, root).replace(os.sep, "/"),
                    1,
                    "",
                    f"the picture is {size}, over 5 MB: save a smaller version (at most 3000 pixels wide) "
                    f"and upload it in its place; visitors get smaller copies either way",
                    WARNING,
                )
            )
    return out
