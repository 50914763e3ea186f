"""The accessibility statement: `docs/accessibility.yml`, checked like all other content, made into a
page in every language and linked from the footer of every page.

Public-sector websites in the EU must publish one (Directive (EU) 2016/2102; in Denmark
webtilgængelighedsloven, in Sweden lagen om tillgänglighet till digital offentlig service). The page
follows the model of each language's authority:

- Danish: the model of Digitaliseringsstyrelsen's WAS-Tool (the EU model statement), with a link to
  the official statement on was.digst.dk when `was_url` is set;
- Swedish: the model of DIGG (Myndigheten för digital förvaltning), with the link to DIGG's
  complaint form ("Anmäl brister");
- English (and any other language): the EU model statement; the supervising authority is the one of
  the site's country (`extra.torv.phone_region`: DK or SE).

Pure: `load()` checks the file through the content loader; `page()` returns display-ready data for
the `statement.html` template. The model texts are here because they are legal wording, not
interface strings.
"""
from __future__ import annotations

import datetime as dt
import os
import re
from urllib.parse import urlsplit

from . import localize
from .schema import Choice, Date, Email, Integer, ListOf, Localized, Nested, Phone, Schema, Text, Url, shown

REL = "docs/accessibility.yml"
STATUSES = ["fully", "partially", "not"]
METHODS = ["self-assessment", "third-party", "other"]
CATEGORIES = ["non-compliance", "disproportionate-burden", "out-of-scope"]
MAX_AGE_DAYS = 365           # the statement must be reviewed at least once a year
WAS_HOSTS = ("was.digst.dk", "www.was.digst.dk")
DIGG_REPORT_URL = "https://www.digg.se/tdosanmalan"
DIGST_CONTACT_URL = "https://digst.dk/digital-inklusion/webtilgaengelighed/oplever-du-ikke-tilgaengeligt-indhold/"


class Criterion(Text):
    """A WCAG success criterion number."""
    pattern = re.compile(r"^[1-4]\.\d{1,2}\.\d{1,2}$")

    def __init__(self, **kw):
        super().__init__(max_length=8, example="1.2.2", **kw)

    def describe(self):
        return 'a WCAG success criterion like "1.2.2"'

    def convert(self, value, ctx, keypath):
        value = super().convert(value, ctx, keypath)
        if not self.pattern.match(value):
            raise self.fail(value)
        return value

    def json(self):
        return {"type": "string", "pattern": self.pattern.pattern}


class KnownIssue(Schema):
    what = Localized(Text(max_length=300, example="Videoer fra dialogmøderne har ikke undertekster"), required=True,
                     example="Videoer fra dialogmøderne har ikke undertekster",
                     help="What is not accessible, so that a visitor can recognise it.")
    why = Localized(Text(max_length=400, example="Vi får undertekster lavet, når videoen er lagt op"), required=True,
                    example="Vi får undertekster lavet, når videoen er lagt op",
                    help="Why it is not accessible (and what a visitor can do instead).")
    category = Choice(CATEGORIES, default="non-compliance",
                      help="non-compliance (not yet accessible), disproportionate-burden (exempted) or "
                           "out-of-scope (content the law does not cover).")
    criteria = ListOf(Criterion(), example='["1.2.2"]', default=[],
                      help="The WCAG 2.1 success criteria it fails.")
    fix_by = Date(help="When it will be accessible.")


class StatementContact(Schema):
    email = Email(required=True)
    phone = Phone(required=True)
    name = Localized(Text(max_length=120, example="Erhvervsservice"), help="Who answers; default: the municipality.")
    response_days = Integer(minimum=1, example=10, help="Working days within which you answer.")


class Statement(Schema):
    schema_title = "Accessibility statement (docs/accessibility.yml)"
    status = Choice(STATUSES, required=True,
                    help="Compliance with WCAG 2.1 AA (EN 301 549): fully, partially or not.")
    assessed = Date(required=True, help="Date of the last assessment; the validator warns after a year.")
    method = Choice(METHODS, required=True, help="self-assessment, third-party or other.")
    method_text = Localized(Text(max_length=400, example="Automatiske test af alle sidetyper og manuel test med "
                                                         "tastatur og skærmlæser"),
                            help="How the site was assessed; required with method: other.")
    updated = Date(help="Date the statement was last updated (default: the assessment date).")
    contact = Nested(StatementContact, required=True, help="Where visitors report problems: e-mail and phone.")
    known_issues = ListOf(Nested(KnownIssue), default=[], help="Content that is not accessible, and why.")
    was_url = Url(example="https://www.was.digst.dk/havbjerg-dk",
                  help="The statement on was.digst.dk (Danish sites must publish it there).")

    @classmethod
    def rules(cls, v, ctx, kp):
        status, issues = v.get("status"), v.get("known_issues", [])
        failing = [i for i in issues if i.get("category") in ("non-compliance", "disproportionate-burden")]
        if status == "fully" and failing:
            ctx.error(kp + ("status",), f"expected `partially` or `not`, found `fully`, while known_issues lists "
                                        f"{len(failing)} thing(s) that are not accessible (category "
                                        f"non-compliance or disproportionate-burden)")
        if status in ("partially", "not") and not failing:
            ctx.error(kp + ("status",), f"`{status}` needs the content that is not accessible: expected "
                                        f"known_issues with at least one item like "
                                        f"{{what: ..., why: ..., category: non-compliance}}, or `status: fully`")
        if v.get("method") == "other" and not v.get("method_text"):
            ctx.error(kp + ("method",), "missing method_text: with `method: other`, say how the site was "
                                        "assessed, e.g. `method_text: Test med tastatur og skærmlæser`")
        was = v.get("was_url")
        if was and urlsplit(was).hostname not in WAS_HOSTS:
            ctx.error(kp + ("was_url",), f"expected the address of the statement on was.digst.dk like "
                                         f"https://www.was.digst.dk/havbjerg-dk, found {shown(was)}")


def load(ld, today: dt.date):
    """Check docs/accessibility.yml with the content loader `ld` (load.Loader); None if absent."""
    if not os.path.isfile(os.path.join(ld.root, REL)):
        return None
    data, ctx = ld.load_data(REL)
    if ctx is None:
        return None
    if not isinstance(data, dict):
        ld.report.error(REL, 1, "", f"expected fields like `status: partially` and `assessed: 2026-11-02`, "
                                    f"found {shown(data)}")
        return None
    values = Statement.check(data, ctx, ())
    assessed = values.get("assessed")
    if assessed and assessed > today:
        ctx.error(("assessed",), f"expected the date of an assessment that has taken place, found "
                                 f"{assessed.isoformat()}, which is after today ({today.isoformat()})")
    elif assessed and (today - assessed).days > MAX_AGE_DAYS:
        ctx.warning(("assessed",), f"the site was last assessed {assessed.isoformat()}, "
                                   f"{(today - assessed).days} days ago: expected an assessment at least once a "
                                   f"year; assess the site again and update `assessed`")
    for i, issue in enumerate(values.get("known_issues", [])):
        fix_by = issue.get("fix_by")
        if fix_by and fix_by < today:
            ctx.warning(("known_issues", i, "fix_by"), f"the date {fix_by.isoformat()} has passed: fix the "
                                                      f"problem and remove it, or set a new date")
    return values if not ld.flush(ctx) else None


# ---------------------------------------------------------------- the page

TEXTS = {
    "da": {
        "description": "Hvor tilgængeligt webstedet er, hvad der endnu ikke er tilgængeligt, og hvordan du "
                       "kontakter os.",
        "intro": "{org} forpligter sig til at gøre webstedet {site} tilgængeligt i overensstemmelse med lov om "
                 "tilgængelighed af offentlige organers websteder og mobilapplikationer (webtilgængelighedsloven).",
        "was": ["Den officielle tilgængelighedserklæring for webstedet findes i Digitaliseringsstyrelsens "
                "WAS-Tool: ", "{was}", "."],
        "facts.status": "Overholdelsesstatus", "facts.assessed": "Senest vurderet", "facts.updated": "Senest opdateret",
        "status.h": "Overholdelsesstatus",
        "status.fully": "Webstedet overholder standarden fuldt ud.",
        "status.partially": "Webstedet overholder standarden delvist (overholder de fleste krav). Det, der ikke "
                            "er tilgængeligt, er beskrevet nedenfor.",
        "status.not": "Webstedet overholder ikke standarden (overholder ikke de fleste krav). Det, der ikke er "
                      "tilgængeligt, er beskrevet nedenfor.",
        "status.short.fully": "Overholder standarden fuldt ud",
        "status.short.partially": "Overholder standarden delvist",
        "status.short.not": "Overholder ikke standarden",
        "standard": "Kravene står i den europæiske standard EN 301 549, som svarer til WCAG 2.1 på niveau AA.",
        "issues.h": "Ikke-tilgængeligt indhold",
        "issues.none": "Vi kender ikke til indhold på webstedet, der ikke er tilgængeligt.",
        "cat.non-compliance": "Manglende overholdelse af lovgivningen",
        "cat.disproportionate-burden": "Uforholdsmæssig stor byrde",
        "cat.out-of-scope": "Indhold, der ikke er omfattet af loven",
        "criteria": "Succeskriterium i WCAG 2.1: {criteria}",
        "fix_by": "Vi forventer, at det er tilgængeligt senest {date}.",
        "method.h": "Sådan har vi vurderet webstedet",
        "method.self-assessment": "Kommunen har selv evalueret webstedet.",
        "method.third-party": "Vurderingen er foretaget af en ekstern part.",
        "method.other": "Vi har anvendt en anden metode.",
        "assessed": "Webstedet blev senest vurderet den {date}.",
        "updated": "Erklæringen blev senest opdateret den {date}.",
        "contact.h": "Oplever du ikke-tilgængeligt indhold?",
        "contact.text": "Oplever du indhold på webstedet, der ikke er tilgængeligt for dig, eller har du brug for "
                        "indholdet i en anden form, så kontakt {name}:",
        "contact.phone": "Telefon", "contact.email": "E-mail",
        "contact.days": "Vi svarer normalt inden for {days} arbejdsdage.",
        "contact.sensitive": "Skriv ikke fortrolige eller følsomme personoplysninger, fx dit cpr-nummer eller "
                             "helbredsoplysninger, når du kontakter os.",
        "enforce.h": "Klagemulighed",
        "enforce.DK": ["Digitaliseringsstyrelsen fører tilsyn med, at offentlige websteder er tilgængelige. Får du "
                       "ikke et tilfredsstillende svar fra os inden for 10 arbejdsdage, kan du rette henvendelse "
                       "til Digitaliseringsstyrelsen: ", "{link}", "."],
        "enforce.link": "Oplever du ikke-tilgængeligt indhold? (digst.dk)",
    },
    "sv": {
        "description": "Hur tillgänglig webbplatsen är, vad som ännu inte är tillgängligt och hur du kontaktar oss.",
        "intro": "{org} står bakom den här webbplatsen. Vi vill att så många som möjligt ska kunna använda "
                 "webbplatsen. Här beskriver vi hur {site} uppfyller lagen om tillgänglighet till digital "
                 "offentlig service, vilka kända tillgänglighetsproblem som finns och hur du kan rapportera "
                 "brister till oss så att vi kan åtgärda dem.",
        "facts.status": "Förenlighet med lagen", "facts.assessed": "Senaste bedömning",
        "facts.updated": "Senast uppdaterad",
        "how.h": "Hur tillgänglig är webbplatsen?",
        "how.fully": "Vi känner inte till några brister i webbplatsens tillgänglighet.",
        "how.partially": "Vi är medvetna om att delar av webbplatsen inte är helt tillgängliga. Se avsnittet om "
                         "innehåll som inte är tillgängligt nedan.",
        "how.not": "Vi är medvetna om att stora delar av webbplatsen inte är tillgängliga. Se avsnittet om "
                   "innehåll som inte är tillgängligt nedan.",
        "contact.h": "Vad kan du göra om du inte kan använda delar av webbplatsen?",
        "contact.text": "Om du behöver innehåll från webbplatsen som inte är tillgängligt för dig, kan du meddela "
                        "{name}, så får du det i en annan form om det går:",
        "contact.phone": "Telefon", "contact.email": "E-post",
        "contact.days": "Svarstiden är normalt {days} arbetsdagar.",
        "contact.sensitive": "Skriv inte känsliga personuppgifter, till exempel personnummer eller uppgifter "
                             "om hälsa, när du kontaktar oss.",
        "report.h": "Rapportera brister i webbplatsens tillgänglighet",
        "report.text": "Vi strävar hela tiden efter att förbättra webbplatsens tillgänglighet. Om du upptäcker "
                       "problem som inte beskrivs på den här sidan, eller om du anser att vi inte uppfyller "
                       "lagens krav, meddela oss på e-post eller telefon enligt ovan så att vi får veta att "
                       "problemet finns.",
        "enforce.h": "Tillsynsmyndighet",
        "enforce.text": ["Myndigheten för digital förvaltning (Digg) har ansvaret för tillsyn av lagen om "
                         "tillgänglighet till digital offentlig service. Om du inte är nöjd med hur vi hanterar "
                         "dina synpunkter kan du kontakta Digg och påtala det: ", "{link}", "."],
        "enforce.link": "Anmäl brister (digg.se)",
        "tech.h": "Teknisk information om webbplatsens tillgänglighet",
        "tech.fully": "Den här webbplatsen är helt förenlig med lagen om tillgänglighet till digital offentlig "
                      "service.",
        "tech.partially": "Den här webbplatsen är delvis förenlig med lagen om tillgänglighet till digital "
                          "offentlig service, på grund av de brister som beskrivs nedan.",
        "tech.not": "Den här webbplatsen är inte förenlig med lagen om tillgänglighet till digital offentlig "
                    "service, på grund av de brister som beskrivs nedan.",
        "status.short.fully": "Helt förenlig", "status.short.partially": "Delvis förenlig",
        "status.short.not": "Inte förenlig",
        "standard": "Kraven finns i den europeiska standarden EN 301 549, som bygger på WCAG 2.1 nivå AA.",
        "issues.h": "Innehåll som inte är tillgängligt",
        "issues.none": "Vi känner inte till något innehåll på webbplatsen som inte är tillgängligt.",
        "cat.non-compliance": "Bristande förenlighet med lagkraven",
        "cat.disproportionate-burden": "Oskälig börda",
        "cat.out-of-scope": "Innehåll som inte omfattas av lagstiftningen",
        "criteria": "Framgångskriterium i WCAG 2.1: {criteria}",
        "fix_by": "Vi planerar att åtgärda bristen senast {date}.",
        "method.h": "Hur vi testat webbplatsen",
        "method.self-assessment": "Vi har gjort en självskattning (intern testning) av webbplatsen.",
        "method.third-party": "Webbplatsen har granskats av en extern part.",
        "method.other": "Vi har testat webbplatsen på annat sätt.",
        "assessed": "Senaste bedömningen gjordes den {date}.",
        "updated": "Redogörelsen uppdaterades senast den {date}.",
    },
    "en": {
        "description": "How accessible this website is, what is not accessible yet, and how to contact us.",
        "intro": "{org} is committed to making its website {site} accessible, in accordance with the law that "
                 "implements Directive (EU) 2016/2102 on the accessibility of the websites and mobile "
                 "applications of public sector bodies.",
        "was": ["The official accessibility statement for this website is published in the Danish Agency for "
                "Digital Government's WAS-Tool (in Danish): ", "{was}", "."],
        "facts.status": "Compliance status", "facts.assessed": "Last assessed", "facts.updated": "Last updated",
        "status.h": "Compliance status",
        "status.fully": "This website is fully compliant with the standard.",
        "status.partially": "This website is partially compliant with the standard: most requirements are met. "
                            "The content that is not accessible is described below.",
        "status.not": "This website is not compliant with the standard: most requirements are not met. The "
                      "content that is not accessible is described below.",
        "status.short.fully": "Fully compliant", "status.short.partially": "Partially compliant",
        "status.short.not": "Not compliant",
        "standard": "The requirements are those of the European standard EN 301 549, which corresponds to "
                    "WCAG 2.1 level AA.",
        "issues.h": "Non-accessible content",
        "issues.none": "We know of no content on this website that is not accessible.",
        "cat.non-compliance": "Non-compliance with the accessibility requirements",
        "cat.disproportionate-burden": "Disproportionate burden",
        "cat.out-of-scope": "Content that is not within the scope of the law",
        "criteria": "WCAG 2.1 success criterion: {criteria}",
        "fix_by": "We expect it to be accessible by {date}.",
        "method.h": "How we assessed this website",
        "method.self-assessment": "The municipality assessed the website itself (self-assessment).",
        "method.third-party": "The assessment was carried out by an external party.",
        "method.other": "We used another method.",
        "assessed": "The website was last assessed on {date}.",
        "updated": "This statement was last updated on {date}.",
        "contact.h": "Feedback and contact information",
        "contact.text": "If you find content on this website that is not accessible to you, or you need it in "
                        "another form, contact {name}:",
        "contact.phone": "Phone", "contact.email": "E-mail",
        "contact.days": "We normally answer within {days} working days.",
        "contact.sensitive": "Please do not include confidential or sensitive personal information, such as "
                             "your national identity number or health information, when you contact us.",
        "enforce.h": "Enforcement procedure",
        "enforce.DK": ["The Danish Agency for Digital Government (Digitaliseringsstyrelsen) supervises the "
                       "accessibility of public sector websites in Denmark. If you do not receive a satisfactory "
                       "answer from us within 10 working days, you can contact the agency: ", "{link}", "."],
        "enforce.DK.link": "Experiencing inaccessible content? (digst.dk, in Danish)",
        "enforce.SE": ["The Agency for Digital Government (Digg) supervises the accessibility of public sector "
                       "websites in Sweden. If you are not satisfied with how we handle your feedback, you can "
                       "report it to Digg: ", "{link}", "."],
        "enforce.SE.link": "Report a lack of accessibility (digg.se, in Swedish)",
    },
}
AUTHORITY = {"DK": (DIGST_CONTACT_URL, "da"), "SE": (DIGG_REPORT_URL, "sv")}


def _text(s: str) -> dict:
    return {"text": s}


def _parts(template: list, **links) -> list:
    """A paragraph as parts: plain texts, and links where the template says {name}."""
    out = []
    for item in template:
        if item.startswith("{") and item.endswith("}") and item[1:-1] in links:
            out.append(links[item[1:-1]])
        else:
            out.append(_text(item))
    return out


def page(values: dict, lang: str, *, org: str, site: str, country: str) -> dict:
    """The statement in `lang` as display data: title facts and sections of paragraphs (lists of parts:
    {"text"} or {"text", "href", "hreflang"}), a contact and groups of known issues."""
    tx = TEXTS.get(lang, TEXTS["en"])
    model = "digg" if lang == "sv" else "eu"
    status = values["status"]
    date = (lambda d: {"iso": d.isoformat(), "text": localize.date_long(d, lang if lang in TEXTS else "en")})
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
            link_text = tx["enforce.link"] if lang == "da" else tx[f"{key}.link"]
            sections.append({"id": "enforcement", "heading": tx["enforce.h"], "paragraphs": [_parts(
                tx[key], link={"text": link_text, "href": url, "hreflang": hreflang})]})
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
