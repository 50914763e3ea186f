"""What editors write in a text, as the built sample site shows it in every language: links to other pages by their
file and by the site's own addresses, a document with its type and size, pictures with caption and credit in copies
of several widths. The item `news/2026/havnedag-program` of the fixture has one of each. Also: the link index and
the PDF check on their own (a project site's path; a tagged and an untagged PDF)."""

from __future__ import annotations

import io
import os
import re

import pytest
from babel.numbers import format_decimal

import sample
from sample import LANGS, resolve, soup, text

GROUP = "news/2026/havnedag-program"
PDF = os.path.join(sample.FIXTURE, "news", "2026", "files", "havnedag-program.pdf")
lang_param = pytest.mark.parametrize("lang", LANGS)


def page(site_dir: str, lang: str):
    rel = sample.news_path(GROUP, lang)
    return rel, soup(site_dir, rel).select_one("article")


def links_by_text(article) -> dict[str, str]:
    return {text(a): a["href"] for a in article.select("a[href]")}


@lang_param
def test_links_by_file_lead_to_the_pages_in_the_same_language(site_dir, lang):
    rel, article = page(site_dir, lang)
    body = sample.groups("news")[GROUP][lang]
    hrefs = {a["href"] for a in article.select("a[href]")}
    meeting = sample.news_path("news/2026/dialogmoede-havbjerggaard", lang)
    dialog = sample.slug("dialog", sample.pillars()["policy/pillars/dialog"][lang])
    pillar = f"{lang}/{sample.segment(lang, 'policy')}/{dialog}/"
    about = f"{lang}/{sample.slug('docs/om', sample.pages()['docs/om'][lang])}/"
    contact = f"{lang}/{sample.segment(lang, 'contact')}/"
    resolved = {resolve(rel, h): h for h in hrefs}
    assert meeting in resolved, (meeting, sorted(resolved))
    assert about in resolved
    assert f"{pillar}#dialog-dialogmoeder" in {resolve(rel, h) + "#" + h.split("#")[1] for h in hrefs if "#" in h}
    assert f"{contact}#unit-erhvervsservice" in {resolve(rel, h) + "#" + h.split("#")[1] for h in hrefs if "#" in h}
    # the anchors exist on the pages they lead to
    assert soup(site_dir, pillar).select_one("#dialog-dialogmoeder") is not None
    assert soup(site_dir, contact).select_one("#unit-erhvervsservice") is not None
    # nothing is left pointing at a source file, and no address starts at the host's root, so the links work under
    # a project site's path (https://org.github.io/repo/) as well
    internal = [h for h in hrefs if not re.match(r"^[a-z]+:", h)]
    assert not [h for h in internal if h.endswith(".md") or ".md#" in h], internal
    assert not [h for h in internal if h.startswith("/")], internal
    assert body["title"] == text(soup(site_dir, rel).select_one("h1"))


@lang_param
def test_a_document_is_published_with_its_type_and_size(site_dir, lang):
    rel, article = page(site_dir, lang)
    [link] = [a for a in article.select("a[href]") if a["href"].endswith(".pdf")]
    target = resolve(rel, link["href"])
    assert os.path.isfile(os.path.join(site_dir, target)), target
    with open(os.path.join(site_dir, target), "rb") as fh, open(PDF, "rb") as orig:
        assert fh.read() == orig.read()
    size = os.path.getsize(PDF)
    kb = format_decimal(max(1, round(size / 1000)), locale=sample.LOCALES[lang])
    after = link.next_sibling
    assert after is not None and str(after).startswith(f" (PDF, {kb}\u00a0kB)"), repr(after)


@lang_param
def test_pictures_show_caption_and_credit(site_dir, lang):
    _, article = page(site_dir, lang)
    values = sample.groups("news")[GROUP][lang]
    lead, body = article.select("figure")[:2]
    credit = sample.strings(lang)["image.credit"].format(credit=values["image_credit"])
    assert text(lead.select_one("figcaption")) == f"{values['image_caption']} {credit}"
    assert text(lead.select_one(".torv-credit")) == credit
    with open(f"{sample.FIXTURE}/{GROUP}.{lang}.md", encoding="utf-8") as fh:
        found = re.search(r'!\[[^\]]*\]\(\S+ "([^"]+)"\)', fh.read())
    assert found is not None
    title = found.group(1)
    assert text(body.select_one("figcaption")) == title


@lang_param
def test_responsive_pictures_load_only_from_the_site_and_carry_their_size(site_dir, lang):
    from PIL import Image

    rel, article = page(site_dir, lang)
    imgs = article.select("figure img")
    assert len(imgs) == 2
    lead, body = imgs
    assert lead.get("loading") is None, "the lead picture is not lazy"
    assert body.get("loading") == "lazy", "a picture in the text loads when it comes near"
    for img in imgs:
        assert img.get("width") and img.get("height"), img
        sources = img.find_parent("picture").select("source")
        assert [s["type"] for s in sources] == ["image/webp"]
        urls = [img["src"]] + [u.split()[0] for s in [img, *sources] for u in s["srcset"].split(",")]
        for url in urls:
            assert not re.match(r"^[a-z]+:|^//", url), url
            path = os.path.join(site_dir, resolve(rel, url))
            assert os.path.isfile(path), url
        widths = [int(u.split()[1][:-1]) for u in img["srcset"].split(",")]
        assert widths == sorted(widths) and max(widths) <= 1600
        for u in img["srcset"].split(","):  # each copy is as wide as it says, in the shape the attributes give
            url, w = u.split()
            with Image.open(os.path.join(site_dir, resolve(rel, url))) as im:
                assert im.width == int(w[:-1])
                assert abs(im.height / im.width - int(img["height"]) / int(img["width"])) < 0.01


# ---------------------------------------------------------------- the link index and the PDF check alone


def test_site_addresses_are_found_under_a_project_sites_path():
    from torv.links import Destination, LinkError, Target, index_of

    target = Target(
        group="docs/om", kind="page", shown=True, state="published", urls={"da": "om/"}, translated=frozenset({"da"})
    )
    index = index_of("/repo", ("da",), "da", "https://org.github.io/havbjerg/", [target], {"da": ["kontakt/"]})

    def resolve(written: str) -> Destination:
        dest = index.resolve("news/2026/x.da.md", written)
        assert isinstance(dest, Destination), (written, dest)
        return dest

    for written in ("/da/kontakt/", "/havbjerg/da/kontakt/", "/da/kontakt"):
        dest = resolve(written)
        assert (dest.kind, dest.lang, dest.url) == ("address", "da", "kontakt/"), written
    assert resolve("/havbjerg/da/om/").target == target
    assert resolve("../../docs/om.md#a").target == target
    error = index.resolve("news/2026/x.da.md", "/da/kontak/")
    assert isinstance(error, LinkError) and error.code == "T050"


def make_pdf(tagged: bool) -> bytes:
    from pypdf import PdfWriter
    from pypdf.generic import BooleanObject, DictionaryObject, NameObject, TextStringObject

    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    if tagged:
        root = writer._root_object
        root[NameObject("/MarkInfo")] = DictionaryObject({NameObject("/Marked"): BooleanObject(True)})
        root[NameObject("/StructTreeRoot")] = writer._add_object(
            DictionaryObject({NameObject("/Type"): NameObject("/StructTreeRoot")})
        )
        root[NameObject("/Lang")] = TextStringObject("da-DK")
        writer.add_metadata({"/Title": "Program"})
        preferences = writer.create_viewer_preferences()
        preferences[NameObject("/DisplayDocTitle")] = BooleanObject(True)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_an_untagged_pdf_is_reported_and_a_tagged_one_is_not(tmp_path):
    from torv.documents import pdf_problems, pdf_warning

    (tmp_path / "tagged.pdf").write_bytes(make_pdf(True))
    (tmp_path / "untagged.pdf").write_bytes(make_pdf(False))
    assert pdf_problems(str(tmp_path / "tagged.pdf")) == []
    missing = pdf_problems(str(tmp_path / "untagged.pdf"))
    assert pdf_warning(missing).startswith(
        "the PDF is not accessible: it has no tags (the structure screen readers read), no document language (/Lang), "
        "no title;"
    )


@pytest.mark.parametrize("lang", ["da", "en"])
def test_a_browser_loads_the_small_webp_copies_from_the_site_only(browser, site_url, lang):
    """A phone-sized window: the pictures come as WebP copies narrower than the originals, from the site itself."""
    rel = sample.news_path(GROUP, lang)
    ctx = browser.new_context(viewport={"width": 375, "height": 740}, device_scale_factor=1)
    seen: list[str] = []
    ctx.on("request", lambda request: seen.append(request.url))
    tab = ctx.new_page()
    tab.goto(site_url + rel, wait_until="load")
    tab.evaluate("document.querySelectorAll('img[loading=lazy]').forEach(i => i.scrollIntoView())")
    tab.wait_for_function("[...document.querySelectorAll('figure img')].every(i => i.complete && i.naturalWidth > 0)")
    shown = tab.evaluate("[...document.querySelectorAll('figure img')].map(i => i.currentSrc)")
    ctx.close()
    assert all(url.startswith(site_url) for url in seen), [u for u in seen if not u.startswith(site_url)]
    assert len(shown) == 2 and all(re.search(r"\.480w\.webp$", url) for url in shown), shown


def test_a_fields_document_is_checked_and_linked_like_a_text_link(tmp_path):
    """What a meeting's `agenda` or `minutes` will use: schema.DocumentPath checks the field, attached_document
    gives the page its link, type and size."""
    from torv.pages.body import attached_document
    from torv.records import content_of
    from torv.routes import Routes
    from torv.schema import Context, DocumentPath
    from torv.site import load_site

    ctx = Context(path=f"{GROUP}.da.md", lines={}, base_dir=os.path.dirname(PDF).rsplit("/", 1)[0], root=sample.FIXTURE)
    assert DocumentPath().check("files/havnedag-program.pdf", ctx, ("event", "agenda")) == "files/havnedag-program.pdf"
    assert ctx.assets == [PDF] and not ctx.problems
    DocumentPath().check("files/dagsorden.pdf", ctx, ("event", "agenda"))
    DocumentPath().check("files/dagsorden.zip", ctx, ("event", "minutes"))
    assert [(p.code, p.field) for p in ctx.problems] == [("T052", "event.agenda"), ("T053", "event.minutes")]

    site, _ = load_site(sample.FIXTURE, today=sample.TODAY)
    routes = Routes.of(site.settings, site.root)
    item = next(i for i in content_of(site).news if i.group == GROUP)
    url = routes.url(item, "sv")
    link, copy = attached_document(routes, item, "files/havnedag-program.pdf", "sv", url)
    assert (link.type, link.info) == ("PDF", "PDF, 1\u00a0kB") and copy.source == PDF
    assert resolve(f"sv/{url}", link.href) == f"sv/{copy.path}"
