"""Write the baseline: the archive's news pages as a plain Material for MkDocs project with
mkdocs-static-i18n, set up as its documentation shows (suffix structure, docs/<page>.<lang>.md; one
`mkdocs build` for every language; the default language at the root, the others under /<lang>/).

A user of that setup writes the lists by hand; here they are generated like the items: a home page
with the latest news and upcoming meetings, a news list of every item by year, a meetings list, the
policy and a page per pillar with its commitments, a contact page and Material's tags index (the tags
plugin; Material's blog plugin cannot be combined with static-i18n). Meeting facts, pillars and contacts
are written into each item's page as Markdown.
"""

from __future__ import annotations

import os
import shutil

import yaml
from babel.dates import format_date, format_time

from .archive import Archive, Item
from .words import LABELS, in_language

NEWS = "nyheder"  # the baseline's folders (static-i18n's suffix structure: one path in every language)
POLICY = "politik"
BUILD_ARGS = ("build", "-q", "-f")  # python -m mkdocs build -q -f <project>/mkdocs.yml -d <out>


def _config(archive: Archive) -> dict:
    base = archive.base
    default = base.languages[0]
    names = {lg: in_language(LABELS, lg) for lg in base.languages}
    d = names[default]
    languages = []
    for lg in base.languages:
        entry = {
            "locale": lg,
            "name": base.language_names.get(lg, lg),
            "build": True,
            "site_name": base.municipality.get(lg, base.municipality[default]),
        }
        if lg == default:
            entry["default"] = True
        else:
            entry["nav_translations"] = {d[key]: names[lg][key] for key in ("policy", "news", "meetings")}
        languages.append(entry)
    return {
        "site_name": base.municipality[default],
        "site_url": base.site_url,
        "theme": {
            "name": "material",
            "language": default,
            "font": False,
            "features": ["navigation.tabs", "navigation.top", "navigation.indexes", "toc.follow"],
        },
        "plugins": [
            "search",
            "tags",
            {
                "i18n": {
                    "docs_structure": "suffix",
                    "fallback_to_default": True,
                    "reconfigure_material": True,
                    "reconfigure_search": True,
                    "languages": languages,
                }
            },
        ],
        "markdown_extensions": ["abbr", "attr_list", "admonition", "def_list", "tables", {"toc": {"permalink": False}}],
        "extra": {"generator": False},
        "nav": [
            "index.md",
            {d["policy"]: [f"{POLICY}/index.md"] + [f"{POLICY}/{p.id}.md" for p in base.pillars]},
            {d["news"]: [f"{NEWS}/index.md", {d["meetings"]: "moeder.md"}]},
            "emner.md",
            "kontakt.md",
        ],
    }


def _date(value, lang: str) -> str:
    return format_date(value, "long", locale=lang)


def _page(title: str, body: str, **meta) -> str:
    head = yaml.safe_dump({"title": title, **meta}, allow_unicode=True, sort_keys=False, width=1000)
    return f"---\n{head}---\n# {title}\n\n{body}"


def news_page(archive: Archive, item: Item, lang: str) -> str:
    """An item's page as its Markdown file in the baseline."""
    t = in_language(LABELS, lang)
    base = archive.base
    parts = [item.summary[lang], f"*{t['published']}: {_date(item.date, lang)}*"]
    m = item.meeting
    if m:
        facts = [
            f"**{t['when']}:** {_date(m.start.date(), lang)}, "
            f"{format_time(m.start, 'short', locale=lang)}–{format_time(m.end, 'short', locale=lang)}",
            f"**{t['where']}:** {m.location[lang]}, {m.address}",
        ]
        if m.audience:
            facts.append(f"**{t['audience']}:** {m.audience[lang]}")
        if m.registration:
            facts.append(f"**{t['registration']}:** <{m.registration}> ({t['deadline']}: {_date(m.deadline, lang)})")
        box = "  \n    ".join(facts)
        parts.append(f'!!! info "{t["meeting"]}"\n    {box}')
        if m.cancelled:
            parts.append(f'!!! warning "{t["cancelled"]}"')
    parts.append(item.body[lang].strip())
    pillars = {p.id: p for p in base.pillars}
    links = []
    for ref in item.pillars:
        pid, _, commitment = ref.partition("/")
        pillar = pillars[pid]
        text = dict(pillar.commitments)[commitment][lang] if commitment else pillar.title[lang]
        links.append(f"- [{text}](../{POLICY}/{pid}.md)")
    parts.append(f"## {t['pillars']}\n\n" + "\n".join(links))
    contacts = {c.id: c for c in base.contacts}
    people = [contacts[cid] for cid in item.contacts]
    parts.append(
        f"## {t['contact']}\n\n"
        + "\n".join(
            f"- **{c.name[lang]}**{', ' + c.role[lang] if c.role[lang] else ''} · "
            f"[{c.email}](mailto:{c.email}) · {c.phone}"
            for c in people
        )
    )
    tags = [base.tags[tag].get(lang, tag) for tag in item.tags]
    return _page(item.title[lang], "\n\n".join(parts) + "\n", description=item.summary[lang], tags=tags)


def _list_entry(item: Item, lang: str, prefix: str = "") -> str:
    return f"- **[{item.title[lang]}]({prefix}{item.id}.md)**  \n  {_date(item.date, lang)} · {item.summary[lang]}"


def pages(archive: Archive, lang: str) -> dict[str, str]:
    """Every page of the baseline in one language: {path below docs/ without .<lang>.md: Markdown}."""
    t = in_language(LABELS, lang)
    base = archive.base
    newest = sorted(archive.items, key=lambda i: (i.date, i.number), reverse=True)
    meetings = [i for i in newest if i.meeting]
    upcoming = sorted((i for i in meetings if i.meeting.start.date() >= archive.today), key=lambda i: i.meeting.start)
    past = [i for i in meetings if i.meeting.start.date() < archive.today]
    out = {f"{NEWS}/{item.id}": news_page(archive, item, lang) for item in archive.items}
    years: dict = {}
    for item in newest:
        years.setdefault(item.date.year, []).append(_list_entry(item, lang))
    out[f"{NEWS}/index"] = _page(
        t["news"], "\n\n".join(f"## {year}\n\n" + "\n".join(entries) for year, entries in years.items()) + "\n"
    )
    out["moeder"] = _page(
        t["meetings"],
        f"## {t['upcoming']}\n\n"
        + "\n".join(_list_entry(i, lang, f"{NEWS}/") for i in upcoming)
        + f"\n\n## {t['past']}\n\n"
        + "\n".join(_list_entry(i, lang, f"{NEWS}/") for i in past)
        + "\n",
    )
    pillar_list = "\n".join(f"- [{p.title[lang]}]({POLICY}/{p.id}.md): {p.summary[lang]}" for p in base.pillars)
    out["index"] = _page(
        base.municipality.get(lang, base.municipality[base.languages[0]]),
        f"## {t['pillars']}\n\n{pillar_list}\n\n## {t['latest']}\n\n"
        + "\n".join(_list_entry(i, lang, f"{NEWS}/") for i in newest[:5])
        + f"\n\n[{t['news']}]({NEWS}/index.md)\n\n## {t['upcoming']}\n\n"
        + ("\n".join(_list_entry(i, lang, f"{NEWS}/") for i in upcoming[:5]) or "-")
        + "\n",
    )
    out[f"{POLICY}/index"] = _page(
        t["policy"], "\n".join(f"- [{p.title[lang]}]({p.id}.md): {p.summary[lang]}" for p in base.pillars) + "\n"
    )
    for p in base.pillars:
        out[f"{POLICY}/{p.id}"] = _page(
            p.title[lang],
            f"{p.summary[lang]}\n\n## {t['commitments']}\n\n"
            + "\n".join(f"- {text[lang]}" for _, text in p.commitments)
            + "\n",
        )
    out["emner"] = _page(t["tags"], "<!-- material/tags -->\n")
    out["kontakt"] = _page(
        t["contact"],
        "\n".join(
            f"- **{c.name[lang]}**{', ' + c.role[lang] if c.role[lang] else ''} · [{c.email}](mailto:{c.email}) · "
            f"{c.phone}"
            for c in base.contacts
        )
        + "\n",
    )
    return out


def write(archive: Archive, dest: str) -> str:
    """Write the baseline project into dest (emptied first); returns its mkdocs.yml."""
    if os.path.exists(dest):
        shutil.rmtree(dest)
    docs = os.path.join(dest, "docs")
    os.makedirs(docs)
    for lang in archive.languages:
        for rel, text in pages(archive, lang).items():
            path = os.path.join(docs, f"{rel}.{lang}.md")
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "w", encoding="utf-8", newline="\n") as fh:
                fh.write(text)
    config = os.path.join(dest, "mkdocs.yml")
    with open(config, "w", encoding="utf-8", newline="\n") as fh:
        yaml.safe_dump(_config(archive), fh, allow_unicode=True, sort_keys=False, width=1000)
    return config
