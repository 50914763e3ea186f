"""Phone numbers as each country writes them: on a site in Denmark, Sweden, Norway and Finland (extra.torv.
phone_region) a number of that country is shown in its national form, a number of another country in the
international form, and every `tel:` link is in E.164. Written out by hand, as a reader of each country sees them.
"""

from __future__ import annotations

import pytest

from sample import soup, text
from torv.schema import Context, Phone, phone_example

pytestmark = pytest.mark.slow

# site -> (contact page, [(name on the card, number shown, tel: link)])
CONTACT_PAGES = {
    "havbjerg": (
        "da/kontakt/",
        [("Erhvervsservice", "72 10 20 00", "tel:+4572102000"), ("Birgitte Holm", "72 10 20 01", "tel:+4572102001")],
    ),
    "strandvik": ("sv/kontakt/", [("Näringslivskontoret", "0303-33 00 00", "tel:+46303330000")]),
    "fjellstad": (
        "nb/kontakt/",
        [
            ("Næringsavdelingen", "62 43 00 00", "tel:+4762430000"),
            ("Eirik Haugen", "91 71 23 45", "tel:+4791712345"),
            # a Swedish number on a Norwegian site: international
            ("Lena Sandberg", "+46 8 123 456 78", "tel:+46812345678"),
        ],
    ),
    "koskela": (
        "fi/yhteystiedot/",
        [("Yrityspalvelut", "06 1234567", "tel:+35861234567"), ("Aino Lehtonen", "040 1234567", "tel:+358401234567")],
    ),
}


@pytest.mark.parametrize("site", sorted(CONTACT_PAGES))
def test_phone_numbers_in_the_national_form_of_the_site_s_country(built, site):
    address, expected = CONTACT_PAGES[site]
    page = soup(built(site), address)
    cards = {text(card.select_one(".torv-contact__name")): card for card in page.select(".torv-contact")}
    for name, shown, tel in expected:
        link = cards[name].select_one('a[href^="tel:"]')
        assert link is not None, (site, name)
        assert (text(link), link["href"]) == (shown, tel), (site, name)


def test_every_language_of_a_site_shows_the_country_s_form(built):
    """Koskela's Swedish and English pages write a Finnish number the Finnish way too: the form follows the
    country of the number, not the language of the page."""
    for address in ("sv/kontakt/", "en/contact/"):
        page = soup(built("koskela"), address)
        assert "06 1234567" in [text(a) for a in page.select('a[href^="tel:"]')], address


@pytest.mark.parametrize(
    "region, example",
    [
        ("DK", "+45 72 10 20 00"),
        ("SE", "+46 303 33 00 00"),
        ("NO", "+47 62 43 00 00"),
        ("FI", "+358 6 1234567"),
        ("IS", "+354 411 1111"),
        ("DE", "+49 30 123456"),
    ],
)
def test_an_invalid_number_gets_an_example_of_the_site_s_country(region, example):
    assert phone_example(region) == example
    ctx = Context(path="policy/contacts.yml", lines={}, phone_region=region)
    assert Phone().check("12 34", ctx, ("phone",)) is not None
    assert ctx.problems[0].message == (
        f'expected a phone number like {example}, found "12 34", which is not a '
        f"valid phone number (check the number of digits and the country code)"
    )
