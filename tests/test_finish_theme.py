"""Torv's fixes to the theme's markup after rendering (scripts/torv/finish/theme.py), on pages shaped like
the ones Material for MkDocs 9.8.1 and Zensical 0.0.73 write: each rule does its job, leaves a page the
theme already gets right alone, and changes no other byte."""

from __future__ import annotations

from bs4 import BeautifulSoup

from soup import attr, one
from torv.finish.theme import Texts, finish_page

TEXTS = Texts(skip="Gå til indholdet", menu="Navigation", search="Søg")

# The parts of Material 9.8.1's base.html, header.html, nav-item.html, toc.html and search.html the rules
# are about, as it renders them (whitespace included: a line of only spaces ends in an escaped one, \x20).
MATERIAL = """<!doctype html>
<html lang="da" class="no-js">
  <head><script>var s = '<label for="nowhere">' + "<input type=checkbox autocomplete=off>";</script></head>
  <body dir="ltr">
    <input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">
    <input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" autocomplete="off">
    <label class="md-overlay" for="__drawer"></label>
    <div data-md-component="skip">
     \x20
       \x20
        <a href="#det-kan-du-forvente-af-os" class="md-skip">
          Gå til indholdet
        </a>
     \x20
    </div>
<header class="md-header" data-md-component="header">
  <nav class="md-header__inner md-grid" aria-label="Sidehoved">
    <label class="md-header__button md-icon" for="__drawer">
     \x20
      <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M3 6h18v2H3z"/></svg>
    </label>
        <div class="md-search" data-md-component="search" role="dialog">
  <form class="md-search__form" name="search">
      <input type="text" class="md-search__input" name="query" autocomplete="off" required>
  </form>
</div>
  </nav>
</header>
<nav class="md-nav md-nav--primary" aria-label="Navigation" data-md-level="0">
  <label class="md-nav__title" for="__drawer">Havbjerg Kommune</label>
  <li class="md-nav__item md-nav__item--active md-nav__item--nested">
        <input class="md-nav__toggle md-toggle " type="checkbox" id="__nav_2" checked>
          <div class="md-nav__link md-nav__container">
            <a href="./" class="md-nav__link md-nav__link--active">
  <span class="md-ellipsis">
    Erhvervspolitik &amp; vækst
  </span>
            </a>
              <label class="md-nav__link md-nav__link--active" for="__nav_2" id="__nav_2_label" tabindex="">
                <span class="md-nav__icon md-icon"></span>
              </label>
          </div>
        <nav class="md-nav" data-md-level="1" aria-labelledby="__nav_2_label" aria-expanded="true">
          <label class="md-nav__title" for="__nav_2">
            <span class="md-nav__icon md-icon"></span>
            Erhvervspolitik &amp; vækst
          </label>
        </nav>
  </li>
</nav>
<nav class="md-nav md-nav--secondary" aria-label="Indholdsfortegnelse">
    <label class="md-nav__title" for="__toc">
      <span class="md-nav__icon md-icon"></span>
      Indholdsfortegnelse
    </label>
</nav>
<article class="md-content__inner md-typeset"><div id="torv-main" tabindex="-1"></div><h1>Dialog</h1></article>
  </body>
</html>
"""


def parse(text: str) -> BeautifulSoup:
    return BeautifulSoup(text, "lxml")


def finished() -> BeautifulSoup:
    return parse(finish_page(MATERIAL, TEXTS))


def test_checkboxes_lose_autocomplete_text_inputs_keep_it():
    page = finished()
    assert [i.get("autocomplete") for i in page.select("input[type=checkbox]")] == [None, None, None]
    assert attr(one(page, "input.md-search__input"), "autocomplete") == "off"


def test_the_skip_link_leads_to_the_content_in_the_page_language():
    page = finished()
    links = page.select("[data-md-component=skip] a")
    assert [(a["href"], a.get_text(strip=True), a["class"]) for a in links] == [
        ("#torv-main", "Gå til indholdet", ["md-skip"])
    ]
    # where the theme wrote none (Material: a page without a table of contents), there is one too
    bare = MATERIAL.replace(
        MATERIAL[MATERIAL.index('        <a href="#det') : MATERIAL.index("    </div>\n<header")], ""
    )
    assert attr(one(parse(finish_page(bare, TEXTS)), "[data-md-component=skip] a"), "href") == "#torv-main"
    assert (
        '    <div data-md-component="skip">\n'
        '      <a href="#torv-main" class="md-skip">Gå til indholdet</a>\n    </div>'
    ) in finish_page(bare, TEXTS)


def test_no_skip_link_is_pointed_at_content_that_is_not_there():
    other = MATERIAL.replace('<div id="torv-main" tabindex="-1"></div>', "")
    assert (
        attr(one(parse(finish_page(other, TEXTS)), "[data-md-component=skip] a"), "href")
        == "#det-kan-du-forvente-af-os"
    )


def test_menu_labels():
    page = finished()
    assert not page.select('[tabindex=""]')
    # the way back up the menu takes the focus; the drawer's title (not a menu toggle) does not
    assert attr(one(page, "label.md-nav__title[for=__nav_2]"), "tabindex") == "0"
    assert one(page, "label.md-nav__title[for=__drawer]").get("tabindex") is None
    # a label for a toggle that is not on the page (the table of contents outside the menu) points nowhere
    toc = one(page, ".md-nav--secondary label.md-nav__title")
    assert toc.get("for") is None and toc.get("tabindex") is None
    # with the toggle on the page, it stays and takes the focus
    with_toc = MATERIAL.replace(
        "<article", '<input class="md-nav__toggle md-toggle" type="checkbox" id="__toc"><article'
    )
    toc = one(parse(finish_page(with_toc, TEXTS)), ".md-nav--secondary label.md-nav__title")
    assert (attr(toc, "for"), attr(toc, "tabindex")) == ("__toc", "0")


def test_a_section_toggle_is_named_after_its_section():
    toggle = one(finished(), "label#__nav_2_label")
    assert one(toggle, ".torv-visually-hidden").get_text() == "Erhvervspolitik & vækst"
    # written where the theme's own markup is, indented like it
    assert (
        '<span class="md-nav__icon md-icon"></span>\n                <span class="torv-visually-hidden">'
        "Erhvervspolitik &amp; vækst</span>\n              </label>"
    ) in finish_page(MATERIAL, TEXTS)


def test_the_menu_button_takes_the_focus_and_has_a_name():
    button = one(finished(), "header label[for=__drawer]")
    assert attr(button, "tabindex") == "0"
    assert button.get_text(strip=True) == "Navigation"
    # Zensical names it already: no second name
    zensical = MATERIAL.replace(
        '<path d="M3 6h18v2H3z"/></svg>\n',
        '<path d="M3 6h18v2H3z"/></svg>\n      <span class="md-visually-hidden">Navigation</span>\n',
    )
    button = one(parse(finish_page(zensical, TEXTS)), "header label[for=__drawer]")
    assert button.get_text(strip=True) == "Navigation" and attr(button, "tabindex") == "0"


def test_the_search_dialog_has_a_name_and_keeps_the_theme_s():
    assert attr(one(finished(), "[data-md-component=search]"), "aria-label") == "Søg"
    named = MATERIAL.replace('role="dialog">', 'role="dialog" aria-label="Search">')
    assert attr(one(parse(finish_page(named, TEXTS)), "[data-md-component=search]"), "aria-label") == "Search"


def test_only_what_a_rule_changes_is_changed():
    out = finish_page(MATERIAL, TEXTS)
    assert out.startswith(MATERIAL[: MATERIAL.index("<body")])  # the script's text is not markup
    assert '<label class="md-nav__title" for="__drawer">Havbjerg Kommune</label>' in out
    assert finish_page(out, TEXTS) == out  # a second pass changes nothing
    plain = '<!doctype html>\n<html lang="da"><body><p>Intet at rette &amp; <b>ingen</b> tema.</p></body></html>\n'
    assert finish_page(plain, TEXTS) == plain


def test_a_label_of_a_control_is_not_hidden():
    zensical = MATERIAL.replace(
        '<label class="md-overlay" for="__drawer">', '<label class="md-overlay" for="__drawer" aria-hidden="true">'
    )
    assert one(parse(finish_page(zensical, TEXTS)), "label.md-overlay").get("aria-hidden") is None


def test_the_logo_title_shows_the_site_name_as_written():
    """The theme escapes the (already escaped) site name once more for the logo's title; its aria-label is right."""
    name = "Havbjerg &amp; &lt;Omegn&gt; &quot;Kommune&quot;"  # as renderconfig.py writes site_name
    twice = name.replace("&", "&amp;")
    logo = f'<a href="." title="{twice}" class="md-header__button md-logo" aria-label="{name}">x</a>'
    out = finish_page(MATERIAL.replace("<header", logo + "<header", 1), TEXTS)
    link = parse(out).select_one("a.md-logo")
    assert link is not None and link["title"] == link["aria-label"] == 'Havbjerg & <Omegn> "Kommune"'
    plain = '<a href="." title="Havbjerg Kommune" class="md-header__button md-logo" aria-label="Havbjerg Kommune">x</a>'
    assert plain in finish_page(MATERIAL.replace("<header", plain + "<header", 1), TEXTS)
