"""The accessibility statement as display data for the `statement.html` template, in one language."""
from __future__ import annotations

import string

from .. import localize
from .schema import CATEGORIES
from .texts import FALLBACK, texts

# Public-sector websites in the EU must publish an accessibility statement (Directive (EU) 2016/2102; in
# Denmark webtilgængelighedsloven, in Sweden lagen om tillgänglighet till digital offentlig service). The
# page follows the model its texts name (`model` in strings/statement/<lang>.yml):
# - eu: the EU model statement; in Danish that of Digitaliseringsstyrelsen's WAS-Tool, with a link to the
#   official statement on was.digst.dk when `was_url` is set. The supervising authority is Denmark's on the
#   Danish page, otherwise the one of the site's country (`extra.torv.phone_region`: DK or SE);
# - digg: the model of DIGG (Myndigheten för digital förvaltning), with the link to DIGG's complaint form
#   ("Anmäl brister").
DIGG_REPORT_URL = "https://www.digg.se/tdosanmalan"
DIGST_CONTACT_URL = "https://digst.dk/digital-inklusion/webtilgaengelighed/oplever-du-ikke-tilgaengeligt-indhold/"
AUTHORITY = {"DK": (DIGST_CONTACT_URL, "da"), "SE": (DIGG_REPORT_URL, "sv")}


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


def page(values: dict, lang: str, *, org: str, site: str, country: str) -> dict:
    """The statement in `lang` as display data: title facts and sections of paragraphs (lists of parts:
    {"text"} or {"text", "href", "hreflang"}), a contact and groups of known issues."""
    try:
        tx, date_lang = texts(lang), lang
    except KeyError:
        tx, date_lang = texts(FALLBACK), FALLBACK
    model = tx["model"]
    status = values["status"]
    date = (lambda d: {"iso": d.isoformat(), "text": localize.date_long(d, date_lang)})
    assessed, updated = date(values["assessed"]), date(values.get("updated") or values["assessed"])
    contact = values["contact"]
    name = (contact.get("name") or {}).get(lang) or org
    contact_data = {"phone": {"href": f"tel:{contact['phone'].e164}", "text": contact["phone"].display,
                              "label": tx["contact.phone"]},
                    "email": {"href": f"mailto:{contact['email']}", "text": contact["email"],
                              "label": tx["contact.email"]}}

    def contact_section(heading_key: str) -> dict:
        paras = [[_text(tx["contact.text"].format(name=name))]]
        after = []
        if contact.get("response_days"):
            after.append([_text(tx["contact.days"].format(days=contact["response_days"]))])
        after.append([_text(tx["contact.sensitive"])])
        return {"id": "contact", "heading": tx[heading_key], "paragraphs": paras, "contact": contact_data,
                "after": after}

    groups = []
    for cat in CATEGORIES:
        items = []
        for issue in values.get("known_issues", []):
            if issue.get("category", "non-compliance") != cat:
                continue
            item = {"what": issue["what"][lang] if lang in issue["what"] else next(iter(issue["what"].values())),
                    "why": issue["why"][lang] if lang in issue["why"] else next(iter(issue["why"].values()))}
            if issue.get("criteria"):
                item["criteria"] = tx["criteria"].format(criteria=", ".join(issue["criteria"]))
            if issue.get("fix_by"):
                item["fix_by"] = tx["fix_by"].format(date=date(issue["fix_by"])["text"])
            items.append(item)
        if items:
            groups.append({"id": cat, "heading": tx[f"cat.{cat}"], "issues": items})
    issues = {"id": "issues", "heading": tx["issues.h"], "paragraphs": [] if groups else [[_text(tx["issues.none"])]],
              "groups": groups}
    method_paras = [[_text(tx[f"method.{values['method']}"])]]
    if values.get("method_text"):
        method_paras.append([_text(values["method_text"].get(lang) or next(iter(values["method_text"].values())))])
    method_paras.append([_text(tx["assessed"].format(date=assessed["text"]))])
    method_paras.append([_text(tx["updated"].format(date=updated["text"]))])
    method = {"id": "method", "heading": tx["method.h"], "paragraphs": method_paras}

    intro = [[_text(tx["intro"].format(org=org, site=site))]]
    if model == "digg":
        sections = [
            {"id": "how", "heading": tx["how.h"], "paragraphs": [[_text(tx[f"how.{status}"])]]},
            contact_section("contact.h"),
            {"id": "report", "heading": tx["report.h"], "paragraphs": [[_text(tx["report.text"])]]},
            {"id": "authority", "heading": tx["enforce.h"], "paragraphs": [_parts(
                tx["enforce.text"], link={"text": tx["enforce.link"], "href": DIGG_REPORT_URL, "hreflang": "sv"})]},
            {"id": "technical", "heading": tx["tech.h"],
             "paragraphs": [[_text(tx[f"tech.{status}"])], [_text(tx["standard"])]]},
            issues,
            method,
        ]
    else:
        if values.get("was_url") and "was" in tx:
            intro.append(_parts(tx["was"], was={"text": values["was_url"], "href": values["was_url"],
                                                "hreflang": "da"}))
        sections = [
            {"id": "status", "heading": tx["status.h"],
             "paragraphs": [[_text(tx[f"status.{status}"])], [_text(tx["standard"])]]},
            issues,
            method,
            contact_section("contact.h"),
        ]
        key = "enforce.DK" if lang == "da" else f"enforce.{country}"
        if key in tx:
            url, hreflang = AUTHORITY["DK" if lang == "da" else country]
            sections.append({"id": "enforcement", "heading": tx["enforce.h"], "paragraphs": [_parts(
                tx[key], link={"text": tx[f"{key}.link"], "href": url, "hreflang": hreflang})]})
    for s in sections:
        s.setdefault("paragraphs", [])
    return {
        "model": model,
        "description": tx["description"],
        "intro": intro,
        "facts": [
            {"label": tx["facts.status"], "text": tx[f"status.short.{status}"], "status": status},
            {"label": tx["facts.assessed"], "date": assessed},
            {"label": tx["facts.updated"], "date": updated},
        ],
        "sections": sections,
    }
