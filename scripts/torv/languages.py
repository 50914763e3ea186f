"""The languages Torv publishes in: one row per language for everything that differs between them.

A language's row says which Babel locale writes its dates, which interface language Material
shows, how the search index treats its words, and how its letters are written in ASCII addresses.
Torv's own interface texts are in strings/<code>.yml (i18n.py); a test keeps both lists the same.

Search: Material's search (lunr) knows Danish, Swedish, Norwegian (`no`, for Bokmål and Nynorsk)
and Finnish, and filters each one's stop words. Material 9.8.1 leaves lunr's stemmers out of the
index for every language on purpose: it searches by the beginning of words (`virksomhed` finds
`virksomheder`), and its queries are never stemmed, so a stemmed index would miss whole inflected
words. lunr has no Icelandic: an Icelandic site gets a plain index (no stop words, no stemming),
with lunr's own `en` as the carrier, so English stop words never remove Icelandic words.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from types import MappingProxyType

# Letters that Unicode does not decompose into ASCII (NFKD leaves them as they are).
ASCII_LETTERS = MappingProxyType(
    {
        "æ": "ae",
        "ø": "oe",
        "œ": "oe",
        "ß": "ss",
        "ð": "d",
        "þ": "th",
        "ł": "l",
        "đ": "d",
        "ı": "i",
    }
)
# Danish and Norwegian write their own letters as two: æ ø å -> ae oe aa (and ä ö like æ ø).
DANO_NORWEGIAN = {"æ": "ae", "ø": "oe", "å": "aa", "ä": "ae", "ö": "oe", "ü": "ue"}
# Swedish and Finnish drop the dots and the ring: å ä ö -> a a o (and the Danish ø like ö).
SWEDISH_FINNISH = {"å": "a", "ä": "a", "ö": "o", "ø": "o"}


@dataclass(frozen=True)
class Language:
    code: str  # Torv's code: strings/<code>.yml, file names (x.<code>.md), /<code>/
    name: str  # in English, for messages and documentation
    locale: str  # Babel locale: dates, times and weekday names
    theme: str  # Material's theme.language: its interface texts and <html lang>
    search: str  # lunr language of the search index ("en": lunr's built-in one)
    plain_index: bool = False  # True: no stop-word filter (lunr does not know the language)
    letters: dict = field(default_factory=dict)  # own letters -> ASCII, for addresses (slugs)
    weekday_alone: str = "format"  # Babel context of a weekday named on its own (opening hours)
    native: str = ""  # its name in itself, for the language switcher (`torv init` writes it)
    country: str | None = None  # the country a site in it is most likely in: `torv init`'s phone region

    def search_plugin(self) -> dict:
        """The settings of Material's search plugin in this language's mkdocs.<lang>.yml."""
        return {"lang": self.search, "pipeline": []} if self.plain_index else {"lang": self.search}

    def ascii(self, ch: str) -> str:
        """One lower-case character as ASCII in this language's spelling ('' when it has none)."""
        if ch in self.letters:
            return self.letters[ch]
        if ch in ASCII_LETTERS:
            return ASCII_LETTERS[ch]
        return unicodedata.normalize("NFKD", ch).encode("ascii", "ignore").decode("ascii")


LANGUAGES = {
    lang.code: lang
    for lang in (
        Language("da", "Danish", "da_DK", "da", "da", letters=DANO_NORWEGIAN, native="Dansk", country="DK"),
        # Finland's Swedish: sv_FI writes Torv's dates, times and weekdays exactly like sv_SE (Babel 2.18).
        Language("sv", "Swedish", "sv_SE", "sv", "sv", letters=SWEDISH_FINNISH, native="Svenska", country="SE"),
        Language(
            "nb", "Norwegian Bokmål", "nb_NO", "nb", "no", letters=DANO_NORWEGIAN, native="Norsk bokmål", country="NO"
        ),
        # CLDR's stand-alone weekday names for Nynorsk are Bokmål's (mandag, tirsdag): keep the format ones.
        Language(
            "nn", "Norwegian Nynorsk", "nn_NO", "nn", "no", letters=DANO_NORWEGIAN, native="Norsk nynorsk", country="NO"
        ),
        # Finnish names a weekday on its own in the nominative (maanantai), in a date in the essive (maanantaina).
        Language(
            "fi",
            "Finnish",
            "fi_FI",
            "fi",
            "fi",
            letters=SWEDISH_FINNISH,
            weekday_alone="stand-alone",
            native="Suomi",
            country="FI",
        ),
        Language(
            "is",
            "Icelandic",
            "is_IS",
            "is",
            "en",
            plain_index=True,
            letters={"þ": "th", "ð": "d", "æ": "ae", "ö": "o"},
            native="Íslenska",
            country="IS",
        ),
        # English drops the marks of foreign letters: Malmö -> malmo, Tromsø -> tromso.
        Language("en", "English", "en_GB", "en", "en", letters={"ø": "o"}, native="English"),
    )
}


def language(code: str) -> Language:
    """The row of a language; a language Torv has no row for gets Babel's and Material's defaults
    for its code and a plain search index."""
    return LANGUAGES.get(code) or Language(code, code, code, code, "en", plain_index=True)


__all__ = ["LANGUAGES", "Language", "language"]
