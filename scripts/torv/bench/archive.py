"""Generate the benchmark's archive: a Torv content tree of N news items per language on a base site.

The base site (the frozen fixture tests/fixtures/havbjerg) gives the configuration, policy, pillars,
contacts, tags and pages; its own news items are left out and N generated ones written instead, spread
over the ten years before `today`: every third a meeting, each with tags, pillars (some with a
commitment), contacts, and a translation in every language. Same N and seed, same archive.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import random
import shutil

import yaml

from . import words

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
BASE_SITE = os.path.join(REPO, "tests", "fixtures", "havbjerg")
THEME = os.path.join(REPO, "overrides")
TODAY = dt.date(2026, 11, 22)
YEARS = 10


@dataclasses.dataclass(frozen=True)
class Pillar:
    id: str
    title: dict  # lang -> title
    summary: dict  # lang -> summary
    slug: dict  # lang -> the pillar's name in addresses
    commitments: tuple  # (id, {lang: text}) ...


@dataclasses.dataclass(frozen=True)
class Contact:
    id: str
    name: dict  # lang -> name (a person's is the same in every language)
    role: dict  # lang -> role ("" for a unit)
    email: str
    phone: str


@dataclasses.dataclass(frozen=True)
class BaseSite:
    """What the generator (and the baseline) take from the base site."""

    root: str
    languages: tuple  # codes, default first
    language_names: dict
    municipality: dict
    site_url: str
    tags: dict  # id -> {lang: label}
    pillars: tuple
    contacts: tuple


@dataclasses.dataclass(frozen=True)
class Meeting:
    start: dt.datetime
    end: dt.datetime
    location: dict  # lang -> text
    address: str
    registration: str  # "" when none
    deadline: dt.date | None
    audience: dict  # lang -> text, empty when none
    cancelled: bool


@dataclasses.dataclass(frozen=True)
class Item:
    id: str  # file name, the default language's address
    number: int
    date: dt.date
    title: dict  # lang -> title
    summary: dict
    slug: dict  # lang -> the item's name in addresses
    body: dict  # lang -> Markdown
    tags: tuple
    pillars: tuple  # "dialog" or "dialog/hoering"
    contacts: tuple
    meeting: Meeting | None

    @property
    def folder(self) -> str:
        return f"news/{self.date.year}"


@dataclasses.dataclass(frozen=True)
class Archive:
    root: str  # the Torv repository written
    today: dt.date
    base: BaseSite
    items: tuple

    @property
    def languages(self) -> tuple:
        return self.base.languages

    def by_title(self, lang: str) -> dict:
        """{title in lang: item id}: how a built page is known to be an item's page."""
        return {item.title[lang]: item.id for item in self.items}

    def ids(self) -> set:
        return {item.id for item in self.items}


class _Loader(yaml.SafeLoader):
    """PyYAML's safe loader that reads MkDocs' own tags (!ENV, !relative, !!python/name:) as plain values."""


_Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def _yaml(path: str):
    with open(path, encoding="utf-8") as fh:
        return yaml.load(fh, Loader=_Loader) or {}


def _front_matter(path: str) -> dict:
    with open(path, encoding="utf-8") as fh:
        text = fh.read()
    _, head, _ = text.split("---\n", 2)
    return yaml.load(head, Loader=_Loader) or {}


def read_base(root: str = BASE_SITE) -> BaseSite:
    """The languages, tags, pillars and contacts of the base site at root."""
    torv = _yaml(os.path.join(root, "mkdocs.yml"))["extra"]["torv"]
    langs = sorted(torv["languages"], key=lambda lg: not lg.get("default"))
    codes = tuple(lg["code"] for lg in langs)
    tags = _yaml(os.path.join(root, "news", "tags.yml"))
    pillars = []
    folder = os.path.join(root, "policy", "pillars")
    for name in sorted(os.listdir(folder)):
        pid, lang, _ = name.rsplit(".", 2)
        if lang != codes[0]:
            continue
        per_lang = {
            lg: _front_matter(os.path.join(folder, f"{pid}.{lg}.md"))
            for lg in codes
            if os.path.exists(os.path.join(folder, f"{pid}.{lg}.md"))
        }
        base = per_lang[codes[0]]
        commitments = []
        for c in base.get("commitments", []):
            text = {
                lg: next((t["text"] for t in fm.get("commitments", []) if t["id"] == c["id"]), c["text"])
                for lg, fm in per_lang.items()
            }
            commitments.append((c["id"], text))
        pillars.append(
            (
                base.get("order", 0),
                Pillar(
                    id=pid,
                    title={lg: per_lang.get(lg, base)["title"] for lg in codes},
                    summary={lg: per_lang.get(lg, base)["summary"] for lg in codes},
                    slug={lg: per_lang.get(lg, {}).get("slug", pid) for lg in codes},
                    commitments=tuple(commitments),
                ),
            )
        )
    contacts = _yaml(os.path.join(root, "policy", "contacts.yml"))
    people = [
        Contact(p["id"], dict.fromkeys(codes, p["name"]), p["role"], p["email"], p["phone"])
        for p in contacts.get("people", [])
    ]
    units = [
        Contact(u["id"], u["name"], dict.fromkeys(codes, ""), u["email"], u["phone"]) for u in contacts.get("units", [])
    ]
    site_url = _yaml(os.path.join(root, "mkdocs.yml")).get("site_url") or ""
    return BaseSite(
        root=root,
        languages=codes,
        language_names={lg["code"]: lg["name"] for lg in langs},
        municipality=torv["municipality"],
        site_url=site_url,
        tags=tags,
        pillars=tuple(p for _, p in sorted(pillars, key=lambda op: (op[0], op[1].id))),
        contacts=tuple(people + units),
    )


def make_items(base: BaseSite, n: int, today: dt.date = TODAY, seed: int = 13) -> tuple:
    """n items over the YEARS years up to today (the newest dated today), every third a meeting."""
    rng = random.Random(seed)
    langs = base.languages
    span = YEARS * 365
    items = []
    for i in range(n):
        number = i + 1
        date = today - dt.timedelta(days=round((n - 1 - i) * span / max(n - 1, 1)))
        meeting = _meeting(rng, langs, date, number) if i % 3 == 0 else None
        pool = words.MEETING_SUBJECTS if meeting else words.NEWS_SUBJECTS
        k = rng.randrange(len(pool["en"]))
        title = {lg: f"{words.in_language(pool, lg)[k]} ({number})" for lg in langs}
        summary = {
            lg: words.in_language(words.SUMMARY, lg).format(subject=words.in_language(pool, lg)[k]) for lg in langs
        }
        slug = {lg: f"{words.in_language(words.ITEM_WORD, lg)}-{number:05d}" for lg in langs}
        sentences = rng.sample(range(len(words.SENTENCES["en"])), k=rng.randint(7, len(words.SENTENCES["en"])))
        with_list = number % 4 == 0
        body = {lg: _body(words.in_language(words.SENTENCES, lg), sentences, with_list) for lg in langs}
        pillars = []
        for pillar in rng.sample(base.pillars, k=min(len(base.pillars), rng.randint(1, 2))):
            pillars.append(pillar.id)
            if pillar.commitments and rng.random() < 0.4:
                pillars.append(f"{pillar.id}/{rng.choice(pillar.commitments)[0]}")
        items.append(
            Item(
                id=slug[langs[0]],
                number=number,
                date=date,
                title=title,
                summary=summary,
                slug=slug,
                body=body,
                tags=tuple(rng.sample(sorted(base.tags), k=min(len(base.tags), rng.randint(1, 3)))),
                pillars=tuple(pillars),
                contacts=tuple(c.id for c in rng.sample(base.contacts, k=min(len(base.contacts), rng.randint(1, 2)))),
                meeting=meeting,
            )
        )
    return tuple(items)


def _meeting(rng: random.Random, langs, date: dt.date, number: int) -> Meeting:
    start = dt.datetime.combine(
        date + dt.timedelta(days=rng.randint(5, 30)), dt.time(rng.choice([8, 9, 13, 16]), rng.choice([0, 30]))
    )
    k = rng.randrange(len(words.ADDRESSES))
    registration = rng.random() < 0.5
    return Meeting(
        start=start,
        end=start + dt.timedelta(hours=2),
        location={lg: words.in_language(words.LOCATIONS, lg)[k] for lg in langs},
        address=words.ADDRESSES[k],
        registration=f"https://havbjerg.example/tilmelding/moede-{number}" if registration else "",
        deadline=start.date() - dt.timedelta(days=3) if registration else None,
        audience={lg: words.in_language(words.AUDIENCE, lg) for lg in langs} if rng.random() < 0.5 else {},
        cancelled=rng.random() < 0.07,
    )


def _body(pool: list, picks: list, with_list: bool) -> str:
    sentences = [pool[k] for k in picks]
    third = max(1, len(sentences) // 3)
    paragraphs = [" ".join(sentences[:third]), " ".join(sentences[third : 2 * third]), " ".join(sentences[2 * third :])]
    if with_list:
        paragraphs.insert(2, "\n".join(f"- {s[0].lower()}{s[1:-1]}," for s in sentences[:3]))
    return "\n\n".join(p for p in paragraphs if p) + "\n"


def _item_file(item: Item, lang: str, default: str) -> str:
    """The Markdown file of an item in one language (shared fields only in the default language's)."""
    fm: dict = {"title": item.title[lang], "summary": item.summary[lang]}
    if lang == default:
        fm.update(date=item.date, tags=list(item.tags), pillars=list(item.pillars), contacts=list(item.contacts))
    else:
        fm["slug"] = item.slug[lang]
    m = item.meeting
    if m:
        event: dict = {}
        if lang == default:
            event.update(start=m.start.strftime("%Y-%m-%d %H:%M"), end=m.end.strftime("%Y-%m-%d %H:%M"))
        event["location"] = m.location[lang]
        if lang == default:
            event["address"] = m.address
            if m.registration:
                event.update(registration=m.registration, registration_deadline=m.deadline)
        if m.audience:
            event["audience"] = m.audience[lang]
        if m.cancelled and lang == default:
            event["cancelled"] = True
        fm["event"] = event
    head = yaml.safe_dump(fm, allow_unicode=True, sort_keys=False, width=1000)
    return f"---\n{head}---\n{item.body[lang]}"


def write(dest: str, n: int, base_root: str = BASE_SITE, today: dt.date = TODAY, seed: int = 13) -> Archive:
    """Write the archive's Torv repository into dest (emptied first) and return what it holds."""
    if os.path.exists(dest):
        shutil.rmtree(dest)
    os.makedirs(dest)
    for name in ("mkdocs.yml", "policy", "docs"):
        src = os.path.join(base_root, name)
        (shutil.copytree if os.path.isdir(src) else shutil.copy2)(src, os.path.join(dest, name))
    shutil.copytree(THEME, os.path.join(dest, "overrides"))
    os.makedirs(os.path.join(dest, "news"))
    shutil.copy2(os.path.join(base_root, "news", "tags.yml"), os.path.join(dest, "news", "tags.yml"))
    base = read_base(base_root)
    items = make_items(base, n, today, seed)
    for item in items:
        folder = os.path.join(dest, item.folder)
        os.makedirs(folder, exist_ok=True)
        for lang in base.languages:
            with open(os.path.join(folder, f"{item.id}.{lang}.md"), "w", encoding="utf-8", newline="\n") as fh:
                fh.write(_item_file(item, lang, base.languages[0]))
    return Archive(root=dest, today=today, base=base, items=items)
