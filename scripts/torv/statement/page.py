"""The accessibility statement as display data for the `statement.html` template, in one language."""

from __future__ import annotations

import string
from collections.abc import Callable

from .. import localize
from .schema import CATEGORIES
from .texts import texts_for

# Public-sector websites in the EU/EEA must publish an accessibility statement (Directive (EU) 2016/2102). The
# page follows the model its texts name (`model` in strings/statement/<lang>.yml), the national model where
# the country has one:
# - eu: the EU model statement (Commission Implementing Decision (EU) 2018/1523); in Danish that of
#   Digitaliseringsstyrelsen's WAS-Tool, with a link to the official statement on was.digst.dk when `was_url` is
#   set. The supervising authority is Denmark's on the Danish page, otherwise the one of the site's country
#   (`extra.torv.phone_region`: DK, SE, NO or FI; Iceland has none to name);
# - digg: Sweden, the model of DIGG (Myndigheten för digital förvaltning), with DIGG's complaint form;
# - uustatus: Norway (Bokmål and Nynorsk), the model of Digdir's uustatus.no, with a link to the official
#   statement there when `uustatus_url` is set; complaints to Diskrimineringsnemnda, supervision by Uu-tilsynet;
# - traficom: Finland, the model of the supervising authority (Traficom, formerly the Regional State
#   Administrative Agency for Southern Finland) in Finnish, and its Swedish version on a Finnish site's Swedish
#   pages (strings/statement/sv-FI.yml: tillgänglighetsutlåtande).
DIGG_REPORT_URL = "https://www.digg.se/tdosanmalan"
DIGST_CONTACT_URL = "https://digst.dk/digital-inklusion/webtilgaengelighed/oplever-du-ikke-tilgaengeligt-indhold/"
UUTILSYNET_URL = "https://www.uutilsynet.no/"
DISKRIMINERINGSNEMNDA_URL = "https://www.diskrimineringsnemnda.no/"
TRAFICOM_URL = {"fi": "https://www.saavutettavuusvaatimukset.fi/", "sv": "https://www.tillganglighetskrav.fi/"}
# The supervising authority of each country named by the EU model: its page, and the language of that page.
AUTHORITY = {
    "DK": (DIGST_CONTACT_URL, "da"),
    "SE": (DIGG_REPORT_URL, "sv"),
    "NO": (UUTILSYNET_URL, "nb"),
    "FI": (TRAFICOM_URL["fi"], "fi"),
}

Texts = dict
Section = dict


def _text(s: str) -> dict:
    return {"text": s}


def _parts(template: str, **links) -> list:
    """A paragraph as parts: plain texts, and links where the template says {name}."""
    out = []
    for literal, name, _, _ in string.Formatter().parse(template):
        if literal:
            out.append(_text(literal))
        if name is not None:
            out.append(links[name] if name in links else _text("{" + name + "}"))
    return out


def _link(text: str, href: str, hreflang: str) -> dict:
    return {"text": text, "href": href, "hreflang": hreflang}


def _para(tx: Texts, key: str) -> list:
    return [_text(tx[key])]


def page(values: dict, lang: str, *, org: str, site: str, country: str) -> dict:
    """The statement in `lang` on a site in `country` as display data: title facts and sections of paragraphs
    (lists of parts: {"text"} or {"text", "href", "hreflang"}), a contact and groups of known issues."""
    tx, date_lang = texts_for(lang, country)
    status = values["status"]

    def date(d) -> dict:
        return {"iso": d.isoformat(), "text": localize.date_long(d, date_lang)}

    assessed, updated = date(values["assessed"]), date(values.get("updated") or values["assessed"])
    parts = Parts(tx, values, lang, status, date, org)
    intro = [[_text(tx["intro"].format(org=org, site=site))]]
    for field, key, hreflang in (("was_url", "was", "da"), ("uustatus_url", "uustatus", lang)):
        if values.get(field) and key in tx:
            url = values[field]
            intro.append(_parts(tx[key], **{key: _link(url, url, hreflang)}))
    sections = MODELS[tx["model"]](parts, lang, country)
    method = next(s for s in sections if s["id"] == "method")
    method["paragraphs"] += [
        [_text(tx["assessed"].format(date=assessed["text"]))],
        [_text(tx["updated"].format(date=updated["text"]))],
    ]
    for s in sections:
        s.setdefault("paragraphs", [])
    return {
        "model": tx["model"],
        "description": tx["description"],
        "intro": intro,
        "facts": [
            {"label": tx["facts.status"], "text": tx[f"status.short.{status}"], "status": status},
            {"label": tx["facts.assessed"], "date": assessed},
            {"label": tx["facts.updated"], "date": updated},
        ],
        "sections": sections,
    }


class Parts:
    """The sections every model has, worded by its texts: the known issues, the method, the contact."""

    def __init__(self, tx: Texts, values: dict, lang: str, status: str, date: Callable, org: str) -> None:
        self.tx, self.values, self.lang, self.status, self.date, self.org = tx, values, lang, status, date, org

    def issues(self) -> Section:
        tx, groups = self.tx, []
        for cat in CATEGORIES:
            items = []
            for issue in self.values.get("known_issues", []):
                if issue.get("category", "non-compliance") != cat:
                    continue
                item = {"what": self._localized(issue["what"]), "why": self._localized(issue["why"])}
                if issue.get("criteria"):
                    item["criteria"] = tx["criteria"].format(criteria=", ".join(issue["criteria"]))
                if issue.get("fix_by"):
                    item["fix_by"] = tx["fix_by"].format(date=self.date(issue["fix_by"])["text"])
                items.append(item)
            if items:
                groups.append({"id": cat, "heading": tx[f"cat.{cat}"], "issues": items})
        return {
            "id": "issues",
            "heading": tx["issues.h"],
            "paragraphs": [] if groups else [_para(tx, "issues.none")],
            "groups": groups,
        }

    def method(self) -> Section:
        paras = [_para(self.tx, f"method.{self.values['method']}")]
        if self.values.get("method_text"):
            paras.append([_text(self._localized(self.values["method_text"]))])
        return {"id": "method", "heading": self.tx["method.h"], "paragraphs": paras}

    def contact(self) -> Section:
        tx, contact = self.tx, self.values["contact"]
        name = (contact.get("name") or {}).get(self.lang) or self.org
        data = {
            "phone": {
                "href": f"tel:{contact['phone'].e164}",
                "text": contact["phone"].display,
                "label": tx["contact.phone"],
            },
            "email": {"href": f"mailto:{contact['email']}", "text": contact["email"], "label": tx["contact.email"]},
        }
        after = []
        if contact.get("response_days"):
            after.append([_text(tx["contact.days"].format(days=contact["response_days"]))])
        after.append(_para(tx, "contact.sensitive"))
        return {
            "id": "contact",
            "heading": tx["contact.h"],
            "paragraphs": [[_text(tx["contact.text"].format(name=name))]],
            "contact": data,
            "after": after,
        }

    def status_section(self) -> Section:
        return {
            "id": "status",
            "heading": self.tx["status.h"],
            "paragraphs": [_para(self.tx, f"status.{self.status}"), _para(self.tx, "standard")],
        }

    def _localized(self, texts: dict) -> str:
        return texts[self.lang] if self.lang in texts else next(iter(texts.values()))


def eu(p: Parts, lang: str, country: str) -> list[Section]:
    sections = [p.status_section(), p.issues(), p.method(), p.contact()]
    where = "DK" if lang == "da" else country
    key = f"enforce.{where}"
    if key in p.tx and where in AUTHORITY:
        url, hreflang = AUTHORITY[where]
        sections.append(
            {
                "id": "enforcement",
                "heading": p.tx["enforce.h"],
                "paragraphs": [_parts(p.tx[key], link=_link(p.tx[f"{key}.link"], url, hreflang))],
            }
        )
    return sections


def digg(p: Parts, lang: str, country: str) -> list[Section]:
    tx = p.tx
    return [
        {"id": "how", "heading": tx["how.h"], "paragraphs": [_para(tx, f"how.{p.status}")]},
        p.contact(),
        {"id": "report", "heading": tx["report.h"], "paragraphs": [_para(tx, "report.text")]},
        {
            "id": "authority",
            "heading": tx["enforce.h"],
            "paragraphs": [_parts(tx["enforce.text"], link=_link(tx["enforce.link"], DIGG_REPORT_URL, "sv"))],
        },
        {
            "id": "technical",
            "heading": tx["tech.h"],
            "paragraphs": [_para(tx, f"tech.{p.status}"), _para(tx, "standard")],
        },
        p.issues(),
        p.method(),
    ]


def uustatus(p: Parts, lang: str, country: str) -> list[Section]:
    tx = p.tx
    complaint = {
        "id": "enforcement",
        "heading": tx["complaint.h"],
        "paragraphs": [
            _parts(tx["complaint.text"], link=_link(tx["complaint.link"], DISKRIMINERINGSNEMNDA_URL, lang)),
            _parts(tx["supervision.text"], link=_link(tx["supervision.link"], UUTILSYNET_URL, lang)),
        ],
    }
    return [p.status_section(), p.issues(), p.contact(), complaint, p.method()]


def traficom(p: Parts, lang: str, country: str) -> list[Section]:
    tx = p.tx
    authority = {
        "id": "enforcement",
        "heading": tx["enforce.h"],
        "paragraphs": [
            _parts(
                tx["enforce.text"], link=_link(tx["enforce.link"], TRAFICOM_URL.get(lang, TRAFICOM_URL["fi"]), lang)
            ),
        ],
    }
    return [p.status_section(), p.issues(), p.method(), p.contact(), authority]


MODELS: dict[str, Callable[[Parts, str, str], list[Section]]] = {
    "eu": eu,
    "digg": digg,
    "uustatus": uustatus,
    "traficom": traficom,
}
