"""Compile a validated `Site` into plain Markdown pages with front matter, one tree per language.

Pure: `generate(site)` returns {build-relative path: text or Copy(source)}; nothing is written.
Everything a template shows is computed here and written into `page.meta` (display-ready
texts, hrefs relative to the page), so templates in `overrides/` only read `page.meta`
and `config.extra`, and work with MkDocs + Material and with Zensical alike.
"""
from __future__ import annotations

import datetime as dt
import json
import os
import posixpath
import re
import urllib.parse
import zoneinfo
from dataclasses import dataclass

import imagesize
import yaml

from . import feeds, i18n, localize, statement
from .load import Entry
from .models import STATUSES
from .site import Site

PER_PAGE_LATEST = 5
DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # libyaml when present: 10x faster


@dataclass(frozen=True)
class Copy:
    source: str  # absolute path of a file to copy into the build tree


def rel_href(from_url: str, to_url: str) -> str:
    """Relative href between two directory URLs of one language tree ('' is the home page)."""
    if to_url.startswith(("http://", "https://", "mailto:", "tel:", "#")):
        return to_url
    frm = posixpath.dirname(from_url.rstrip("/") + "/x") if from_url else ""
    target, _, frag = to_url.partition("#")
    rel = posixpath.relpath("/" + target, "/" + frm) if frm else target or "./"
    if rel == ".":
        rel = "./"
    if target.endswith("/") and not rel.endswith("/"):
        rel += "/"
    if rel.startswith("/"):
        rel = rel[1:]
    return rel + (f"#{frag}" if frag else "")


SVG_VIEWBOX = re.compile(rb"""<svg\b[^>]*?\sviewBox\s*=\s*["']\s*[-\d.]+[\s,]+[-\d.]+[\s,]+([\d.]+)[\s,]+([\d.]+)""")


def image_size(path: str) -> dict:
    """{"width": w, "height": h} of a picture file, for the <img> attributes that let the browser keep
    the picture's space free before it arrives (no layout shift); {} when the file does not say."""
    try:
        w, h = imagesize.get(path)
        if (w <= 0 or h <= 0) and path.lower().endswith(".svg"):   # an SVG sized by its viewBox only
            with open(path, "rb") as fh:
                m = SVG_VIEWBOX.search(fh.read(4096))
            w, h = (float(m[1]), float(m[2])) if m else (-1, -1)
    except (OSError, ValueError):
        return {}
    return {"width": round(w), "height": round(h)} if w > 0 and h > 0 else {}


class Generator:
    def __init__(self, site: Site, preview: bool = False, root_rel: str = ".."):
        """`preview` (only `make serve`): drafts and scheduled news items are shown, with a notice.
        `root_rel`: the repository folder as seen from the folder the build tree is written to."""
        self.site = site
        self.s = site.settings
        self.preview = preview
        self.root_rel = root_rel
        self.tz = zoneinfo.ZoneInfo(self.s.timezone)
        self.files: dict = {}
        self.media: dict = {}  # absolute source path -> media path in docs
        self.pub_news = sorted(self.shown(site.news), key=lambda e: (e.default["date"], e.id), reverse=True)
        self.pillars = site.published(site.pillars)
        self.pages = site.published(site.pages)
        self.policy = site.policy if site.policy and site.policy.state == "published" else None

    def shown(self, entries) -> list:
        """Published entries; in a preview also drafts and scheduled items (never invalid ones)."""
        states = ("published", "draft", "scheduled") if self.preview else ("published",)
        return [e for e in entries if e.state in states]

    def preview_notice(self, e: Entry, lang: str) -> str | None:
        """The notice on a draft or scheduled item in a preview; None for a published item."""
        if e.state == "draft":
            return self.t(lang, "preview.draft")
        if e.state == "scheduled":
            return self.t(lang, "preview.scheduled", date=localize.date_long(e.default["date"], lang))
        return None

    # ---------- helpers
    def t(self, lang: str, key: str, **kw) -> str:
        text = i18n.strings(lang)[key]
        return text.format(**kw) if kw else text

    def langs_for(self, e: Entry) -> list[str]:
        if self.s.missing_translation == "notice":
            return list(self.s.languages)
        return [lg for lg in self.s.languages if lg in e.values]

    def vals(self, e: Entry, lang: str) -> dict:
        return e.values.get(lang) or e.default

    def body(self, e: Entry, lang: str) -> str:
        return e.bodies.get(lang, e.bodies.get(self.s.default_language, ""))

    def abs_url(self, lang: str, url: str) -> str:
        return f"{self.s.site_url}{lang}/{url}" if self.s.site_url else f"/{lang}/{url}"

    def date(self, d, lang):
        return {"iso": d.isoformat(), "text": localize.date_long(d, lang)} if d else None

    def media_path(self, source: str) -> str:
        """Copy a referenced file into the build tree once; return its docs-relative path."""
        if source not in self.media:
            rel = posixpath.relpath(source.replace("\\", "/"), self.site.root.replace("\\", "/"))
            self.media[source] = f"media/{rel}"
        return self.media[source]

    def image_file(self, e: Entry, path: str) -> str:
        """The absolute path of a picture an entry names (relative to the entry's folder)."""
        return os.path.normpath(os.path.join(self.site.root, posixpath.dirname(e.group), path))

    def page_alternates(self, e: Entry | None, lang: str, url: str, section_urls: dict | None = None) -> dict:
        """Links to this page in every language (switcher) and hreflang alternates."""
        alts = []
        for lg in self.s.languages:
            if e is not None:
                target_url = e.urls.get(lg) if lg in self.langs_for(e) else None
                exists = target_url is not None and (lg in e.values or self.s.missing_translation == "notice")
                translated = lg in e.values
            else:
                target_url = (section_urls or {}).get(lg, "")
                exists, translated = True, True
            link_url = target_url if exists else ""
            alts.append({
                "lang": lg, "name": self.s.language_names.get(lg, lg),
                "href": self.cross_href(lang, url, lg, link_url),
                "abs": self.abs_url(lg, link_url),
                "current": lg == lang,
                "hreflang": exists and translated,
            })
        default_alt = next(a for a in alts if a["lang"] == self.s.default_language)
        return {"alternates": alts, "x_default": default_alt["abs"]}

    def cross_href(self, lang, from_url, to_lang, to_url) -> str:
        depth = from_url.count("/") + 1  # language folder + url segments
        return "../" * depth + f"{to_lang}/{to_url}"

    def meta_common(self, lang, url, title, description, template, e=None, section_urls=None,
                    kind="page") -> dict:
        meta = {"title": title, "template": template}
        if description:
            meta["description"] = description
        torv = {"kind": kind, "lang": lang, "url": url, "canonical": self.abs_url(lang, url)}
        torv.update(self.page_alternates(e, lang, url, section_urls))
        torv["og"] = {"title": title, "description": description or "", "type": "website",
                      "locale": localize.locale(lang), "site_name": self.s.municipality[lang]}
        torv["footer"] = self.footer_links(lang, url)
        if self.s.site_url:   # the news feed, announced in every page's <head> (feed_and_calendars())
            torv["feed"] = {"href": rel_href(url, feeds.FEED_FILE), "title": self.feed_title(lang)}
        if e is not None and lang not in e.values:
            torv["fallback"] = {"lang": self.s.default_language, "notice": self.t(lang, "translation.missing")}
        if e is not None and self.s.edit_base:
            src = e.sources.get(lang) or e.sources[self.s.default_language]
            meta["edit_url"] = self.s.edit_base + src
        meta["torv"] = torv
        return meta

    def footer_links(self, lang, url):
        links = []
        for p in self.pages:
            if p.id in ("privatliv", "privacy") and lang in self.langs_for(p):
                links.append({"text": self.t(lang, "footer.privacy"), "href": rel_href(url, p.urls[lang])})
        if self.site.statement:   # docs/accessibility.yml: see statement_page()
            links.append({"text": self.t(lang, "footer.accessibility"),
                          "href": rel_href(url, f"{i18n.segment(lang, 'accessibility')}/")})
        return links

    def write_page(self, lang: str, url: str, meta: dict, body: str = "") -> None:
        """Write a page so that MkDocs (use_directory_urls) serves it at `url`."""
        if url == "" or (url.count("/") == 1 and url[:-1] in self.section_dirs(lang)):
            path = url + "index.md"
        else:
            path = url[:-1] + ".md"
        fm = yaml.dump(meta, Dumper=DUMPER, allow_unicode=True, sort_keys=False, width=1000)
        self.files[f"{lang}/docs/{path}"] = f"---\n{fm}---\n\n{body.strip()}\n"

    def section_dirs(self, lang):
        return {i18n.segment(lang, s) for s in i18n.SECTIONS}

    # ---------- components (data for partials)
    def news_card(self, e: Entry, lang: str, from_url: str) -> dict:
        v = self.vals(e, lang)
        card = {"title": v["title"], "summary": v["summary"], "href": rel_href(from_url, e.urls[lang]),
                "date": self.date(v["date"], lang)}
        ev = v.get("event")
        if ev:
            card["meeting"] = self.t(lang, "news.meeting")
            card["when"] = localize.datetime_text(ev["start"], ev.get("end"), lang)
            if ev.get("cancelled"):
                card["cancelled"] = self.t(lang, "news.cancelled")
        if lang not in e.values:
            card["lang"] = self.s.default_language
        notice = self.preview_notice(e, lang)
        if notice:
            card["preview"] = notice
        return card

    def pillar_card(self, p: Entry, lang: str, from_url: str) -> dict:
        v = self.vals(p, lang)
        return {"title": v["title"], "summary": v["summary"], "icon": v.get("icon"),
                "href": rel_href(from_url, p.urls[lang]), "id": p.id}

    def commitments(self, p: Entry, lang: str, from_url: str) -> list[dict]:
        out = []
        for c in self.vals(p, lang).get("commitments", []):
            item = {"id": c["id"], "anchor": f"{p.id}-{c['id']}", "text": c["text"], "status": c["status"],
                    "status_text": self.t(lang, f"status.{c['status']}")}
            if c.get("owner"):
                item["owner"] = self.contact_name(c["owner"], lang)
            if c.get("due"):
                item["due"] = self.date(c["due"], lang)
            out.append(item)
        return out

    def contact_name(self, cid: str, lang: str) -> str:
        people, units = self.site.contacts.get("people", {}), self.site.contacts.get("units", {})
        if cid in people:
            return f"{people[cid]['name']}, {people[cid]['role'][lang]}"
        if cid in units:
            return units[cid]["name"][lang]
        return cid

    def person_card(self, p: dict, lang: str, from_url: str) -> dict:
        card = {"kind": "person", "name": p["name"], "role": p["role"][lang], "email": p["email"],
                "phone": {"e164": p["phone"].e164, "text": p["phone"].display}}
        if p.get("photo"):
            src = os.path.normpath(os.path.join(self.site.root, "policy", p["photo"]))
            card["photo"] = {"src": rel_href(from_url, self.media_path(src)),
                             "alt": (p.get("photo_alt") or {}).get(lang, p["name"])}
        return card

    def unit_card(self, u: dict, lang: str) -> dict:
        card = {"kind": "unit", "id": u["id"], "name": u["name"][lang], "email": u["email"],
                "phone": {"e164": u["phone"].e164, "text": u["phone"].display},
                "visiting_address": dict(u["visiting_address"])}
        if u.get("postal_address"):
            card["postal_address"] = dict(u["postal_address"])
        if u.get("opening_hours") is not None:
            card["opening_hours"] = localize.opening_rows(u["opening_hours"], lang, self.t(lang, "contact.closed"),
                                                          self.t(lang, "contact.and"))
        closed = [c for c in u.get("closed", []) if c["date"] >= self.site.today]
        if closed:
            card["closed"] = [{"date": self.date(c["date"], lang),
                               "reason": (c.get("reason") or {}).get(lang, "")} for c in closed]
        if u.get("coordinates"):
            lat, lon = u["coordinates"]["lat"], u["coordinates"]["lon"]
            card["map"] = f"https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=17/{lat}/{lon}"
        return card

    def contact_cards(self, ids, lang, from_url) -> list[dict]:
        people, units = self.site.contacts.get("people", {}), self.site.contacts.get("units", {})
        out = []
        for cid in ids:
            if cid in people:
                out.append(self.person_card(people[cid], lang, from_url))
            elif cid in units:
                out.append(self.unit_card(units[cid], lang))
        return out

    def event_box(self, e: Entry, lang: str) -> dict:
        v = self.vals(e, lang)
        ev = v["event"]
        start, end = ev["start"], ev.get("end")
        box = {"when": localize.datetime_text(start, end, lang),
               "start": self.iso_local(start), "end": self.iso_local(end) if end else None,
               "past": (end or start).date() < self.site.today}
        for key in ("location", "address", "audience", "online"):
            if ev.get(key):
                box[key] = ev[key]
        reg = ev.get("registration")
        if reg:
            box["registration"] = ({"href": f"mailto:{reg['email']}", "text": reg["email"]} if "email" in reg
                                   else {"href": reg["url"], "text": reg["url"]})
        if ev.get("registration_deadline"):
            box["deadline"] = self.date(ev["registration_deadline"], lang)
        if ev.get("cancelled"):
            box["cancelled"] = True
        elif self.s.site_url and not box["past"]:
            box["calendar"] = rel_href(e.urls[lang], self.ics_url(e, lang))
        return box

    def iso_local(self, when: dt.datetime) -> str:
        return self.aware(when).isoformat()

    def is_upcoming(self, e: Entry) -> bool:
        ev = e.default.get("event")
        return bool(ev) and (ev.get("end") or ev["start"]).date() >= self.site.today

    # ---------- JSON-LD
    def org_ld(self, lang: str) -> dict:
        org = {"@type": "GovernmentOrganization", "name": self.s.municipality[lang]}
        if self.s.site_url:
            org["url"] = self.abs_url(lang, "")
        return org

    def unit_ld(self, u: dict, lang: str) -> dict:
        def addr(a):
            return {"@type": "PostalAddress", "streetAddress": a["street"], "postalCode": a["postcode"],
                    "addressLocality": a["city"]}
        ld = {"@type": "GovernmentOrganization", "name": u["name"][lang], "telephone": u["phone"].e164,
              "email": u["email"], "address": addr(u["visiting_address"]),
              "parentOrganization": self.org_ld(lang)}
        specs = []
        day_names = {d: d.capitalize() for d in ("monday", "tuesday", "wednesday", "thursday", "friday",
                                                 "saturday", "sunday")}
        for day, spans in (u.get("opening_hours") or {}).items():
            for a, b in spans:
                specs.append({"@type": "OpeningHoursSpecification", "dayOfWeek": f"https://schema.org/{day_names[day]}",
                              "opens": a.strftime("%H:%M"), "closes": b.strftime("%H:%M")})
        for c in u.get("closed", []):
            specs.append({"@type": "OpeningHoursSpecification", "validFrom": c["date"].isoformat(),
                          "validThrough": c["date"].isoformat(), "opens": "00:00", "closes": "00:00"})
        if specs:
            ld["openingHoursSpecification"] = specs
        if u.get("coordinates"):
            ld["geo"] = {"@type": "GeoCoordinates", "latitude": u["coordinates"]["lat"],
                         "longitude": u["coordinates"]["lon"]}
        return ld

    def news_ld(self, e: Entry, lang: str) -> dict:
        v = self.vals(e, lang)
        url = self.abs_url(lang, e.urls[lang])
        ld = {"@type": "NewsArticle", "headline": v["title"], "description": v["summary"],
              "datePublished": v["date"].isoformat(), "inLanguage": lang if lang in e.values else self.s.default_language,
              "url": url, "mainEntityOfPage": url, "publisher": self.org_ld(lang)}
        if v.get("updated"):
            ld["dateModified"] = v["updated"].isoformat()
        ev = v.get("event")
        if not ev:
            return ld
        event = {"@type": "Event", "name": v["title"], "description": v["summary"], "startDate": self.iso_local(ev["start"]),
                 "url": url, "organizer": self.org_ld(lang),
                 "eventStatus": "https://schema.org/EventCancelled" if ev.get("cancelled")
                 else "https://schema.org/EventScheduled"}
        if ev.get("end"):
            event["endDate"] = self.iso_local(ev["end"])
        locations = []
        if ev.get("location") or ev.get("address"):
            place = {"@type": "Place", "name": ev.get("location") or ev.get("address")}
            if ev.get("address"):
                place["address"] = ev["address"]
            locations.append(place)
        if ev.get("online"):
            locations.append({"@type": "VirtualLocation", "url": ev["online"]})
        if locations:
            event["location"] = locations[0] if len(locations) == 1 else locations
            event["eventAttendanceMode"] = ("https://schema.org/MixedEventAttendanceMode" if len(locations) > 1 else
                                            "https://schema.org/OnlineEventAttendanceMode" if ev.get("online") and not ev.get("location")
                                            else "https://schema.org/OfflineEventAttendanceMode")
        return {"@graph": [ld, event]}

    @staticmethod
    def ld_json(data: dict) -> str:
        doc = {"@context": "https://schema.org"}
        doc.update(data)
        # Safe inside <script>: no "</" can close the element.
        return json.dumps(doc, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")

    # ---------- pages
    def section_urls(self, section: str | None) -> dict:
        return {lg: (f"{i18n.segment(lg, section)}/" if section else "") for lg in self.s.languages}

    def home(self, lang: str):
        url = ""
        pol = self.vals(self.policy, lang) if self.policy else {}
        title = self.s.municipality[lang]
        meta = self.meta_common(lang, url, title, pol.get("vision"), "home.html", section_urls=self.section_urls(None),
                                kind="home")
        torv = meta["torv"]
        if self.s.site_url:
            # The language chooser at the root (site/index.html) is the home pages' x-default, as it says itself.
            torv["x_default"] = self.s.site_url
        torv["heading"] = self.t(lang, "home.title")
        torv["policy_title"] = pol.get("title")
        torv["vision"] = pol.get("vision")
        torv["policy_href"] = rel_href(url, f"{i18n.segment(lang, 'policy')}/")
        torv["pillars"] = [self.pillar_card(p, lang, url) for p in self.pillars]
        torv["latest"] = [self.news_card(e, lang, url) for e in self.pub_news if lang in self.langs_for(e)][:PER_PAGE_LATEST]
        upcoming = sorted((e for e in self.pub_news if self.is_upcoming(e) and lang in self.langs_for(e)),
                          key=lambda e: e.default["event"]["start"])
        torv["upcoming"] = [self.news_card(e, lang, url) for e in upcoming]
        torv["news_href"] = rel_href(url, f"{i18n.segment(lang, 'news')}/")
        torv["meetings_href"] = rel_href(url, f"{i18n.segment(lang, 'meetings')}/")
        main = self.site.contacts.get("units", {}).get(self.site.contacts.get("main_unit"))
        if main:
            torv["main_contact"] = self.unit_card(main, lang)
        lds = [self.org_ld(lang)] + ([self.unit_ld(main, lang)] if main else [])
        torv["jsonld"] = self.ld_json({"@graph": lds})
        self.write_page(lang, url, meta)

    def policy_page(self, lang: str):
        e = self.policy
        url = e.urls[lang]
        v = self.vals(e, lang)
        meta = self.meta_common(lang, url, v["title"], v["vision"], "policy.html", e=e, kind="policy")
        torv = meta["torv"]
        torv["vision"] = v["vision"]
        torv["adopted"] = self.date(v["adopted"], lang)
        if v.get("reviewed"):
            torv["reviewed"] = self.date(v["reviewed"], lang)
        if v.get("document"):
            torv["document"] = v["document"]
        counts = {s: 0 for s in STATUSES}
        pillars = []
        for p in self.pillars:
            card = self.pillar_card(p, lang, url)
            card["commitments"] = self.commitments(p, lang, url)
            for c in card["commitments"]:
                counts[c["status"]] += 1
            pillars.append(card)
        torv["pillars"] = pillars
        total = sum(counts.values())
        torv["progress"] = self.t(lang, "policy.progress", total=total, done=counts["done"],
                                  in_progress=counts["in-progress"], planned=counts["planned"])
        torv["counts"] = {"total": total, **{k.replace("-", "_"): n for k, n in counts.items()}}
        torv["jsonld"] = self.ld_json({"@type": "WebPage", "name": v["title"], "description": v["vision"],
                                       "inLanguage": lang, "publisher": self.org_ld(lang)})
        self.write_page(lang, url, meta, self.body(e, lang))

    def pillar_page(self, p: Entry, lang: str):
        url = p.urls[lang]
        v = self.vals(p, lang)
        meta = self.meta_common(lang, url, v["title"], v["summary"], "pillar.html", e=p, kind="pillar")
        torv = meta["torv"]
        torv["summary"] = v["summary"]
        torv["icon"] = v.get("icon")
        torv["commitments"] = self.commitments(p, lang, url)
        related = [e for e in self.pub_news if lang in self.langs_for(e)
                   and any(ref == p.id or ref.startswith(p.id + "/") for ref in e.default.get("pillars", []))]
        torv["news"] = [self.news_card(e, lang, url) for e in related]
        torv["policy_href"] = rel_href(url, self.policy.urls[lang]) if self.policy else None
        torv["jsonld"] = self.ld_json({"@type": "WebPage", "name": v["title"], "description": v["summary"],
                                       "inLanguage": lang, "publisher": self.org_ld(lang)})
        self.write_page(lang, url, meta, self.body(p, lang))

    def news_page(self, e: Entry, lang: str):
        url = e.urls[lang]
        v = self.vals(e, lang)
        meta = self.meta_common(lang, url, v["title"], v["summary"], "news-item.html", e=e,
                                kind="meeting" if v.get("event") else "news")
        torv = meta["torv"]
        torv["og"]["type"] = "article"
        notice = self.preview_notice(e, lang)
        if notice:
            torv["preview"] = {"state": e.state, "notice": notice}
        torv["published"] = self.date(v["date"], lang)
        if v.get("updated"):
            torv["updated"] = self.date(v["updated"], lang)
        if v.get("reviewed"):
            torv["reviewed"] = self.date(v["reviewed"], lang)
        if v.get("image"):
            source = self.image_file(e, v["image"])
            src = self.media_path(source)
            torv["image"] = {"src": rel_href(url, src), "alt": v.get("image_alt", ""), **image_size(source)}
            torv["og"]["image"] = self.abs_url(lang, src)
        if v.get("event"):
            torv["event"] = self.event_box(e, lang)
        torv["tags"] = [{"label": self.site.tags[t][lang], "href": rel_href(url, f"{i18n.segment(lang, 'tags')}/{t}/")}
                        for t in v.get("tags", []) if t in self.site.tags]
        links = []
        pillars = {p.id: p for p in self.pillars}
        for ref in v.get("pillars", []):
            pid, _, cid = ref.partition("/")
            p = pillars.get(pid)
            if not p:
                continue
            item = {"title": self.vals(p, lang)["title"], "href": rel_href(url, p.urls[lang])}
            if cid:
                c = next((c for c in self.vals(p, lang).get("commitments", []) if c["id"] == cid), None)
                if c:
                    item["commitment"] = c["text"]
                    item["href"] += f"#{p.id}-{cid}"
            links.append(item)
        torv["pillars"] = links
        torv["contacts"] = self.contact_cards(v.get("contacts", []), lang, url)
        torv["jsonld"] = self.ld_json(self.news_ld(e, lang))
        self.write_page(lang, url, meta, self.rewrite_body(e, lang, url))

    def rewrite_body(self, e: Entry, lang: str, url: str) -> str:
        """Point local pictures in the Markdown at their copies in the build tree."""
        body = self.body(e, lang)
        page_dir = posixpath.dirname((url.rstrip("/") or "index") + ".md")

        def repl(m):
            alt, src = m.group(1), m.group(2)
            if re.match(r"^[a-z][a-z0-9+.-]*:", src, re.I) or src.startswith(("/", "#")):
                return m.group(0)
            full = os.path.normpath(os.path.join(self.site.root, posixpath.dirname(e.group), src))
            target = self.media_path(full)
            return f"![{alt}]({posixpath.relpath(target, page_dir or '.')})"
        return re.sub(r"!\[([^\]]*)\]\(\s*<?([^)\s>]+)>?(?:\s+[\"'][^\"']*[\"'])?\s*\)", repl, body)

    def news_index(self, lang: str):
        url = f"{i18n.segment(lang, 'news')}/"
        meta = self.meta_common(lang, url, self.t(lang, "news.title"), None, "news-index.html",
                                section_urls=self.section_urls("news"), kind="news-index")
        years: dict = {}
        for e in self.pub_news:
            if lang in self.langs_for(e):
                years.setdefault(e.default["date"].year, []).append(self.news_card(e, lang, url))
        meta["torv"]["years"] = [{"year": y, "entries": items} for y, items in sorted(years.items(), reverse=True)]
        meta["torv"]["tags"] = [{"label": self.site.tags[t][lang], "href": rel_href(url, f"{i18n.segment(lang, 'tags')}/{t}/")}
                                for t in sorted(self.used_tags())]
        self.write_page(lang, url, meta)

    def used_tags(self):
        return {t for e in self.pub_news for t in e.default.get("tags", []) if t in self.site.tags}

    def tag_pages(self, lang: str):
        for tag in sorted(self.used_tags()):
            url = f"{i18n.segment(lang, 'tags')}/{tag}/"
            label = self.site.tags[tag][lang]
            urls = {lg: f"{i18n.segment(lg, 'tags')}/{tag}/" for lg in self.s.languages}
            meta = self.meta_common(lang, url, self.t(lang, "news.tag_title", tag=label), None, "tag.html",
                                    section_urls=urls, kind="tag")
            meta["torv"]["entries"] = [self.news_card(e, lang, url) for e in self.pub_news
                                     if tag in e.default.get("tags", []) and lang in self.langs_for(e)]
            self.write_page(lang, url, meta)

    def meetings(self, lang: str):
        url = f"{i18n.segment(lang, 'meetings')}/"
        meta = self.meta_common(lang, url, self.t(lang, "meetings.title"), None, "meetings.html",
                                section_urls=self.section_urls("meetings"), kind="meetings")
        meetings = [e for e in self.pub_news if e.default.get("event") and lang in self.langs_for(e)]
        up = sorted((e for e in meetings if self.is_upcoming(e)), key=lambda e: e.default["event"]["start"])
        past = sorted((e for e in meetings if not self.is_upcoming(e)), key=lambda e: e.default["event"]["start"],
                      reverse=True)
        meta["torv"]["upcoming"] = [self.news_card(e, lang, url) for e in up]
        if self.s.site_url:
            meta["torv"]["calendar"] = rel_href(url, feeds.CALENDAR_FILE)
        meta["torv"]["past"] = [self.news_card(e, lang, url) for e in past]
        self.write_page(lang, url, meta)

    # ---------- the news feed and the meeting calendars (feeds.py); their addresses come from site_url
    def feed_title(self, lang: str) -> str:
        return f"{self.s.municipality[lang]}: {self.t(lang, 'news.title')}"

    def ics_url(self, e: Entry, lang: str) -> str:
        """A meeting's calendar file, next to its page: nyheder/dialogmoede/ -> nyheder/dialogmoede.ics"""
        return e.urls[lang].rstrip("/") + ".ics"

    def aware(self, when) -> dt.datetime:
        """A date (midnight) or a local date and time, in the site's time zone."""
        if not isinstance(when, dt.datetime):
            when = dt.datetime.combine(when, dt.time())
        return when.replace(tzinfo=self.tz)

    def calendar_event(self, e: Entry, lang: str) -> feeds.CalendarEvent:
        v = self.vals(e, lang)
        ev = v["event"]
        host = urllib.parse.urlsplit(self.s.site_url).hostname or "torv.invalid"
        return feeds.CalendarEvent(
            uid=f"{e.group.replace('/', '-')}@{host}", title=v["title"], summary=v["summary"],
            url=self.abs_url(lang, e.urls[lang]), start=self.aware(ev["start"]),
            end=self.aware(ev["end"]) if ev.get("end") else None,
            location=", ".join(x for x in (ev.get("location"), ev.get("address")) if x),
            online=ev.get("online") or "", stamp=self.aware(v.get("updated") or v["date"]),
            cancelled=bool(ev.get("cancelled")))

    def feed_and_calendars(self, lang: str):
        """docs/feed.xml (the newest news), docs/calendar.ics (every meeting) and a .ics per meeting."""
        if not self.s.site_url:
            return
        items = [e for e in self.pub_news if lang in self.langs_for(e)]
        entries = []
        for e in items[:feeds.FEED_SIZE]:
            v = self.vals(e, lang)
            entries.append(feeds.FeedEntry(
                title=v["title"], summary=v["summary"], url=self.abs_url(lang, e.urls[lang]),
                published=self.aware(v["date"]), updated=self.aware(v["updated"]) if v.get("updated") else None,
                categories=[(t, self.site.tags[t][lang]) for t in v.get("tags", []) if t in self.site.tags]))
        self.files[f"{lang}/docs/{feeds.FEED_FILE}"] = feeds.atom_feed(
            lang=lang, title=self.feed_title(lang), author=self.s.municipality[lang],
            self_url=self.abs_url(lang, feeds.FEED_FILE), home_url=self.abs_url(lang, f"{i18n.segment(lang, 'news')}/"),
            entries=entries)
        meetings = sorted((e for e in items if e.default.get("event")), key=lambda e: e.default["event"]["start"])
        events = [self.calendar_event(e, lang) for e in meetings]
        name = f"{self.s.municipality[lang]}: {self.t(lang, 'meetings.title')}"
        for e, event in zip(meetings, events):
            self.files[f"{lang}/docs/{self.ics_url(e, lang)}"] = feeds.icalendar(name=name, lang=lang, events=[event])
        self.files[f"{lang}/docs/{feeds.CALENDAR_FILE}"] = feeds.icalendar(name=name, lang=lang, events=events)

    def contact(self, lang: str):
        url = f"{i18n.segment(lang, 'contact')}/"
        meta = self.meta_common(lang, url, self.t(lang, "contact.title"), None, "contact.html",
                                section_urls=self.section_urls("contact"), kind="contact")
        if self.s.edit_base:   # "Edit this page": the contacts and opening hours come from one file
            meta["edit_url"] = self.s.edit_base + "policy/contacts.yml"
        units = list(self.site.contacts.get("units", {}).values())
        main_id = self.site.contacts.get("main_unit")
        units.sort(key=lambda u: u["id"] != main_id)
        meta["torv"]["units"] = [self.unit_card(u, lang) for u in units]
        meta["torv"]["people"] = [self.person_card(p, lang, url) for p in self.site.contacts.get("people", {}).values()]
        org = self.org_ld(lang)
        org["department"] = [self.unit_ld(u, lang) for u in units]
        meta["torv"]["jsonld"] = self.ld_json(org)
        self.write_page(lang, url, meta)

    def hand_page(self, p: Entry, lang: str):
        url = p.urls[lang]
        v = self.vals(p, lang)
        meta = self.meta_common(lang, url, v["title"], v.get("summary"), "page.html", e=p, kind="page")
        if v.get("reviewed"):
            meta["torv"]["reviewed"] = self.date(v["reviewed"], lang)
        self.write_page(lang, url, meta, self.rewrite_body(p, lang, url))

    def statement_page(self, lang: str):
        """The accessibility statement (docs/accessibility.yml, scripts/torv/statement.py), if there is one."""
        if not self.site.statement:
            return
        url = f"{i18n.segment(lang, 'accessibility')}/"
        host = self.s.site_url.split("//", 1)[-1].split("/", 1)[0] if self.s.site_url else self.s.site_name
        data = statement.page(self.site.statement, lang, org=self.s.municipality[lang], site=host,
                              country=self.s.phone_region)
        meta = self.meta_common(lang, url, self.t(lang, "footer.accessibility"), data["description"],
                                "statement.html", section_urls=self.section_urls("accessibility"), kind="statement")
        if self.s.edit_base:
            meta["edit_url"] = self.s.edit_base + statement.REL
        meta["torv"]["statement"] = data
        self.write_page(lang, url, meta)

    # ---------- configuration per language
    def nav(self, lang: str) -> list:
        t = lambda k: self.t(lang, k)  # noqa: E731
        pol = i18n.segment(lang, "policy")
        policy_nav = [f"{pol}/index.md"] if self.policy else []
        policy_nav += [{self.vals(p, lang)["title"]: f"{p.urls[lang][:-1]}.md"} for p in self.pillars]
        nav = [{t("nav.home"): "index.md"},
               {t("nav.policy"): policy_nav},
               {t("nav.news"): [f"{i18n.segment(lang, 'news')}/index.md", {t("nav.meetings"): f"{i18n.segment(lang, 'meetings')}/index.md"}]},
               {t("nav.contact"): f"{i18n.segment(lang, 'contact')}/index.md"}]
        for p in self.pages:
            if lang in self.langs_for(p):
                nav.append({self.vals(p, lang)["title"]: f"{p.urls[lang][:-1]}.md"})
        return nav

    def config(self, lang: str) -> str:
        strings = i18n.strings(lang)
        cfg = {
            "INHERIT": f"{self.root_rel}/mkdocs.yml",
            "site_name": self.s.municipality[lang],
            "docs_dir": f"{lang}/docs",
            "site_dir": f"{lang}/site",
            "theme": {"language": lang, "custom_dir": f"{self.root_rel}/overrides"},
            "plugins": {"search": {"lang": lang}},
            "nav": self.nav(lang),
            "extra": {
                "alternate": [{"name": self.s.language_names.get(lg, lg), "link": f"/{lg}/", "lang": lg}
                              for lg in self.s.languages],
                "torv_lang": lang,
                # The footer of pages without page.meta (the 404 page): hrefs from the language's root.
                "torv_footer": self.footer_links(lang, ""),
                "t": {k: v for k, v in sorted(strings.items()) if not k.startswith("url.")},
            },
        }
        if self.s.site_url:
            cfg["site_url"] = f"{self.s.site_url}{lang}/"
        return "# Generated by Torv from ../mkdocs.yml: do not edit.\n" + yaml.safe_dump(
            cfg, allow_unicode=True, sort_keys=False, width=1000)

    def run(self) -> dict:
        for lang in self.s.languages:
            self.home(lang)
            if self.policy:
                self.policy_page(lang)
            for p in self.pillars:
                if lang in self.langs_for(p):
                    self.pillar_page(p, lang)
            for e in self.pub_news:
                if lang in self.langs_for(e):
                    self.news_page(e, lang)
            self.news_index(lang)
            self.tag_pages(lang)
            self.meetings(lang)
            self.feed_and_calendars(lang)
            self.contact(lang)
            self.statement_page(lang)
            for p in self.pages:
                if lang in self.langs_for(p):
                    self.hand_page(p, lang)
            self.files[f"mkdocs.{lang}.yml"] = self.config(lang)
        for lang in self.s.languages:
            for src, target in self.media.items():
                self.files[f"{lang}/docs/{target}"] = Copy(src)
        return self.files


def generate(site: Site, preview: bool = False, root_rel: str = "..") -> dict:
    """`preview=True` only for `make serve`: drafts and scheduled items are shown, with a notice."""
    return Generator(site, preview=preview, root_rel=root_rel).run()
