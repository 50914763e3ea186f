"""A new site's files from checked answers: mkdocs.yml and the content folders, examples of each kind only if asked.

Pure: `site_files(answers, today, examples)` returns {repository path: text, or Copy of a file}; nothing is read
but Torv's own templates and example texts, nothing is written (cli.py's `torv init` does that).
"""

from __future__ import annotations

import datetime as dt
import os
import string
import urllib.parse
from functools import cache

from .. import i18n
from ..compile import Copy
from ..languages import language
from ..models import WEEKDAYS
from ..scaffold import scalar, slugify
from ..schema import phone_example
from .answers import Answers

HERE = os.path.dirname(__file__)
Files = dict[str, str | Copy]


@cache
def example_texts(lang: str) -> dict:
    """The example content of a language (newsite/examples/<lang>.yml; English for a language without one)."""
    path = os.path.join(HERE, "examples", f"{lang}.yml")
    return i18n.read_texts(path if os.path.isfile(path) else os.path.join(HERE, "examples", "en.yml"), lang)


def edit_base(site_url: str) -> str | None:
    """'Edit this page' of a GitHub Pages site: https://ORG.github.io/REPO/ is github.com/ORG/REPO, branch main."""
    u = urllib.parse.urlsplit(site_url)
    host = (u.hostname or "").lower()
    if not host.endswith(".github.io"):
        return None
    org = host[: -len(".github.io")]
    repo = u.path.strip("/").split("/")[0] or host
    return f"https://github.com/{org}/{repo}/edit/main/"


def mkdocs_yml(a: Answers) -> str:
    d = a.default_language
    with open(os.path.join(HERE, "mkdocs.yml"), encoding="utf-8") as fh:
        template = string.Template(fh.read())
    logo = (
        f"    logo: docs/logo{os.path.splitext(a.logo)[1].lower()}"
        if a.logo
        else (
            "    # logo: docs/logo.svg            # an SVG or PNG file in the repository: the header and the tab's icon"
        )
    )
    base = edit_base(a.site_url)
    edit = (
        f"    repo_edit_base: {base}"
        if base
        else "    # Where 'Edit this page' opens a page's file, e.g. https://github.com/ORG/REPO/edit/main/\n"
        "    # repo_edit_base: https://github.com/ORG/REPO/edit/main/"
    )
    site_url = (
        f"site_url: {a.site_url.rstrip('/')}/"
        if a.site_url
        else "# site_url: https://ORG.github.io/REPO/   # the site's address: feeds, sitemaps and calendars need it"
    )
    return template.substitute(
        site_name=scalar(a.names[d]),
        site_url=site_url,
        site_description=scalar(f"{i18n.strings(d)['home.title']}: {a.names[d]}"),
        theme_language=language(d).theme,
        municipality="\n".join(f"      {lang}: {scalar(a.names[lang])}" for lang in a.languages),
        languages="\n".join(
            f"      - {{code: {lang}, name: {language(lang).native or lang}{', default: true' if lang == d else ''}}}"
            for lang in a.languages
        ),
        timezone=a.timezone,
        phone_region=a.phone_region,
        brand_colour=a.brand_colour,
        logo=logo,
        repo_edit_base=edit,
    )


def contacts_yml(a: Answers, examples: bool) -> str:
    head = (
        "# yaml-language-server: $schema=../scripts/schemas/contacts.schema.json\n"
        "# Who to contact: units (with opening hours) and people. See CONTENT.md for every field.\n"
    )
    if not examples:
        return head + (
            "# Without anybody here the site has no contact page. An example of a unit:\n"
            "#   units:\n"
            "#     - id: business-service\n"
            f"#       name: {{{', '.join(f'{lg}: ...' for lg in a.languages)}}}\n"
            f'#       phone: "{phone_example(a.phone_region)}"\n'
            "#       email: business@example.org\n"
            "#       visiting_address: {street: ..., postcode: ..., city: ...}\n"
            "people: []\nunits: []\n"
        )
    t = {lg: example_texts(lg) for lg in a.languages}
    d = t[a.default_language]

    def each(key: str) -> str:
        return "{" + ", ".join(f"{lg}: {scalar(t[lg][key])}" for lg in a.languages) + "}"

    phone = phone_example(a.phone_region)
    return head + (
        "main_unit: business-service\n"
        "people:\n"
        "  - id: adviser\n"
        f"    name: {scalar(d['person.name'])}\n"
        f"    role: {each('person.role')}\n"
        "    email: adviser@example.org\n"
        f'    phone: "{phone}"\n'
        "units:\n"
        "  - id: business-service\n"
        f"    name: {each('unit.name')}\n"
        f'    phone: "{phone}"\n'
        "    email: business@example.org\n"
        f"    visiting_address: {{street: {scalar(d['unit.street'])}, city: {scalar(d['unit.city'])}}}\n"
        "    opening_hours:\n" + "".join(f'      {day}: ["09:00-15:00"]\n' for day in WEEKDAYS[:5])
    )


def _markdown(fields: list[str], body: str) -> str:
    return "---\n" + "\n".join(fields) + "\n---\n" + body.strip() + "\n"


def examples_of(a: Answers, today: dt.date) -> Files:
    """One example of each kind, in every language: the policy, a pillar with two commitments (one tracked),
    a news item, a meeting a month ahead, a tag, a page and the accessibility statement."""
    d = a.default_language
    files: Files = {}
    year = today.year
    meeting = today + dt.timedelta(days=30)
    for lang in a.languages:
        t, first = example_texts(lang), lang == d
        files[f"policy/policy.{lang}.md"] = _markdown(
            [f"title: {scalar(t['policy.title'])}", f"vision: {scalar(t['policy.vision'])}"]
            + ([f"adopted: {today.isoformat()}"] if first else []),
            t["policy.body"],
        )
        commitments = [
            f"  - id: answers\n    text: {scalar(t['commitment.answers'])}"
            + ("\n    status: in-progress\n    owner: business-service" if first else ""),
            f"  - id: meetings\n    text: {scalar(t['commitment.meetings'])}",
        ]  # no status: not tracked
        files[f"policy/pillars/dialogue.{lang}.md"] = _markdown(
            [f"title: {scalar(t['pillar.title'])}", f"summary: {scalar(t['pillar.summary'])}"]
            + (["order: 1", "icon: material/handshake"] if first else [])
            + ([f"slug: {slugify(t['pillar.title'], lang=lang)}"])
            + ["commitments:", *commitments],
            t["pillar.body"],
        )
        news_fields = [
            f"title: {scalar(t['news.title'])}",
            f"summary: {scalar(t['news.summary'])}",
            f"slug: {slugify(t['news.title'], lang=lang)}",
        ]
        shared = [f"date: {today.isoformat()}", "tags: [meetings]", "pillars: [dialogue]", "contacts: [adviser]"]
        files[f"news/{year}/welcome.{lang}.md"] = _markdown(news_fields + (shared if first else []), t["news.body"])
        meeting_fields = [
            f"title: {scalar(t['meeting.title'])}",
            f"summary: {scalar(t['meeting.summary'])}",
            f"slug: {slugify(t['meeting.title'], lang=lang)}",
        ]
        event = (
            [
                f"date: {today.isoformat()}",
                "tags: [meetings]",
                "contacts: [business-service]",
                "event:",
                f"  start: {meeting.isoformat()} 08:00",
                f"  end: {meeting.isoformat()} 09:30",
                f"  location: {scalar(t['meeting.location'])}",
                "  registration: business@example.org",
            ]
            if first
            else ["event:", f"  location: {scalar(t['meeting.location'])}"]
        )
        files[f"news/{year}/business-breakfast.{lang}.md"] = _markdown(meeting_fields + event, t["meeting.body"])
        files[f"docs/about.{lang}.md"] = _markdown(
            [
                f"title: {scalar(t['page.title'])}",
                f"summary: {scalar(t['page.summary'])}",
                f"slug: {slugify(t['page.title'], lang=lang)}",
            ],
            t["page.body"],
        )
    labels = ", ".join(f"{lg}: {scalar(example_texts(lg)['tag'])}" for lg in a.languages)
    files["news/tags.yml"] = f"# Tags for news items: id: {{language: label}}\nmeetings: {{{labels}}}\n"
    files["docs/accessibility.yml"] = (
        "# yaml-language-server: $schema=../scripts/schemas/accessibility.schema.json\n"
        "# The accessibility statement: assess the site, then write what you found (CONTENT.md). An example:\n"
        "status: fully\n"
        f"assessed: {today.isoformat()}\n"
        "method: self-assessment\n"
        f'contact: {{email: business@example.org, phone: "{phone_example(a.phone_region)}"}}\n'
    )
    return files


def site_files(a: Answers, today: dt.date, examples: bool = False) -> Files:
    """Every file of the new site: mkdocs.yml, policy/contacts.yml, news/tags.yml, the logo, and the examples."""
    files: Files = {
        "mkdocs.yml": mkdocs_yml(a),
        "policy/contacts.yml": contacts_yml(a, examples),
        "news/tags.yml": "# Tags for news items, one a line: id: {language: label}, e.g.\n"
        f"# forum: {{{', '.join(f'{lg}: ...' for lg in a.languages)}}}\n",
    }
    if a.logo:
        files[f"docs/logo{os.path.splitext(a.logo)[1].lower()}"] = Copy(os.path.abspath(a.logo))
    if examples:
        files.update(examples_of(a, today))
    return files
