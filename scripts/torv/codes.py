"""The catalogue of problem codes: one stable code per kind of problem, what it means, and an example and its fix.

CONTENT.md lists them ("Problem codes"; tests/test_codes.py keeps the two the same). A code never changes its
meaning and is never reused: a new kind of problem gets the next free number.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Code:
    code: str  # T001
    name: str  # a short name an editor can search for, like unknown-field
    meaning: str  # what went wrong, in an editor's words
    wrong: str  # an example of the input
    right: str  # the same input, fixed


CATALOGUE: dict[str, Code] = {}


def _code(code: str, name: str, meaning: str, wrong: str, right: str) -> str:
    assert code not in CATALOGUE, code
    CATALOGUE[code] = Code(code, name, meaning, wrong, right)
    return code


# The catalogue is a table: one entry per code, laid out as written rather than as the formatter would.
# fmt: off
# ---------------------------------------------------------------- reading a file
UNREADABLE = _code(
    "T001", "unreadable-file",
    "The file cannot be read as text: it is not saved as UTF-8, it looks like a binary file, or it cannot be opened.",
    "a file saved as Latin-1 (`Dialogm\\xf8de`)", "the same file saved as UTF-8 (`Dialogmøde`)")
BROKEN_YAML = _code(
    "T002", "broken-yaml",
    "The fields cannot be read as YAML: a colon inside a value, a quote or bracket not closed, a tab, "
    "indentation that does not line up.",
    "`title: Dialogmøde: erhvervsklimaet`", "`title: \"Dialogmøde: erhvervsklimaet\"`")
DUPLICATE_FIELD = _code(
    "T003", "duplicate-field",
    "The same field is written twice in one group; only one can count.",
    "`title: Nyhed` and, two lines further down, `title: Nyt`", "`title: Nyhed`")
FRONT_MATTER = _code(
    "T004", "front-matter",
    "A Markdown file does not start with its fields between two `---` lines.",
    "a file that starts with `title: Nyhed`", "`---`, `title: Nyhed`, `---`, then the text")
NOT_FIELDS = _code(
    "T005", "not-fields",
    "The front matter or a data file holds something other than `field: value` lines (a list or a lone text).",
    "`- title: Nyhed`", "`title: Nyhed`")

# ---------------------------------------------------------------- files and their names
MISPLACED_FILE = _code(
    "T006", "misplaced-file",
    "The file is in a folder or has a name that gives it no place on the site.",
    "`policy/notes.da.md`", "`docs/notes.da.md`")
NO_LANGUAGE_IN_NAME = _code(
    "T007", "no-language-in-name",
    "A Markdown file's name does not end with its language.",
    "`docs/om.md`", "`docs/om.da.md`")
UNKNOWN_LANGUAGE = _code(
    "T008", "unknown-language",
    "A language code (in a file name or in a text per language) is not one of the site's languages.",
    "`role: {da: Borgmester, de: Bürgermeister}`", "`role: {da: Borgmester, en: Mayor}`")
TRANSLATION_WITHOUT_DEFAULT = _code(
    "T009", "translation-without-default",
    "A translation has no file in the default language, which holds the shared fields.",
    "`docs/om.sv.md` alone", "`docs/om.da.md` and `docs/om.sv.md`")
MISSING_FILE = _code(
    "T010", "missing-file",
    "A file the site needs is missing: mkdocs.yml or the contacts.",
    "no `policy/contacts.yml`", "`policy/contacts.yml` with `main_unit` and `units`")
UNUSED_FILE = _code(
    "T011", "unused-file",
    "Warning: no page uses the file (a picture nobody shows, a leftover).",
    "`news/2026/images/old.jpg`, shown by no page", "`image: images/old.jpg` in a news item, or the file deleted")
MISSING_TRANSLATION = _code(
    "T012", "missing-translation",
    "Warning: a text or a page is missing in a language; the default-language text is shown instead "
    "(or the page is left out, with `missing_translation: omit`).",
    "`role: {da: Borgmester}`", "`role: {da: Borgmester, sv: Kommunstyrelsens ordförande, en: Mayor}`")

# ---------------------------------------------------------------- fields
UNKNOWN_FIELD = _code(
    "T013", "unknown-field",
    "A field that this kind of file does not have, often a spelling mistake.",
    "`titel: Dialogmøde`", "`title: Dialogmøde`")
MISSING_FIELD = _code(
    "T014", "missing-field",
    "A required field is missing.",
    "a news item without `date:`", "`date: 2026-01-30`")
MISSING_TRANSLATED_FIELD = _code(
    "T015", "missing-translated-field",
    "A translation lacks a field that every language must write itself, such as the title.",
    "`news/2026/x.sv.md` without `title:`", "`title: Dialogmöte`")
WRONG_VALUE = _code(
    "T016", "wrong-value",
    "A value of the wrong kind: a list where a text belongs, a text where true or false belongs, "
    "a text where a group of fields belongs.",
    "`draft: yes`", "`draft: true`")
NOT_A_CHOICE = _code(
    "T017", "not-a-choice",
    "The value is not one of the values the field allows.",
    "`status: in progress`", "`status: in-progress`")
OUT_OF_RANGE = _code(
    "T018", "out-of-range",
    "A number outside the range the field allows.",
    "`order: 0`", "`order: 1`")
EMPTY_TEXT = _code(
    "T019", "empty-text",
    "A text field is written but empty.",
    "`title: \"\"`", "`title: Dialogmøde`")
TOO_LONG = _code(
    "T020", "too-long",
    "A text is longer than the field allows; the message says by how much.",
    "a `summary:` of 340 characters", "the summary shortened to 300 characters or fewer")
PLACEHOLDER = _code(
    "T021", "placeholder",
    "A text or the text below the fields still holds the `TODO:` marker that scaffolding puts in translations.",
    "`title: \"TODO: Dialogmøde\"`", "`title: Dialogmöte`")
HTML_IN_TEXT = _code(
    "T022", "html-in-text",
    "A field that holds plain text contains HTML tags.",
    "`title: Dialog<br>møde`", "`title: Dialogmøde`")
INVALID_ID = _code(
    "T023", "invalid-id",
    "An id, slug, tag or file name that is not made of lowercase letters, digits and -.",
    "`slug: Dialog Møde`", "`slug: dialogmoede`")
INVALID_DATE = _code(
    "T024", "invalid-date",
    "A date that is not written YYYY-MM-DD (a time as HH:MM), or that is not in the calendar.",
    "`date: 30.01.2026`", "`date: 2026-01-30`")
INVALID_URL = _code(
    "T025", "invalid-url",
    "A web address that does not start with https:// (or http://), or is not an address at all.",
    "`document: www.havbjerg.dk/politik.pdf`", "`document: https://www.havbjerg.dk/politik.pdf`")
INSECURE_LINK = _code(
    "T026", "insecure-link",
    "Warning: a plain http:// link; most sites offer https://.",
    "`online: http://havbjerg.example/moede`", "`online: https://havbjerg.example/moede`")
INVALID_EMAIL = _code(
    "T027", "invalid-email",
    "An e-mail address that is not valid.",
    "`email: erhverv(at)havbjerg.dk`", "`email: erhverv@havbjerg.dk`")
INVALID_PHONE = _code(
    "T028", "invalid-phone",
    "A phone number that is not valid: too few or too many digits, or a wrong country code.",
    "`phone: 72 10 20`", "`phone: \"+45 72 10 20 00\"`")
INVALID_PICTURE_PATH = _code(
    "T029", "invalid-picture-path",
    "A picture written as something other than a path relative to the file, or a file that is not a picture.",
    "`image: C:\\Billeder\\forum.jpg`", "`image: images/forum.jpg`")
MISSING_PICTURE = _code(
    "T030", "missing-picture",
    "A picture (in a field or in the text) that does not exist at the path given.",
    "`image: images/forum.jpg` with no such file", "the picture uploaded to `images/` next to the file")
INVALID_OPENING_HOURS = _code(
    "T031", "invalid-opening-hours",
    "Opening hours that are not a time range within a day, close before they open, or overlap.",
    "`monday: [\"16:00-08:00\"]`", "`monday: [\"08:00-16:00\"]`")
DUPLICATE_ITEM = _code(
    "T032", "duplicate-item",
    "The same item is listed twice, or one id is used by two things.",
    "`tags: [forum, forum]`", "`tags: [forum]`")
MISSING_DEFAULT_LANGUAGE = _code(
    "T033", "missing-default-language",
    "A text per language has no text in the site's default language.",
    "`role: {sv: Kommunstyrelsens ordförande}`", "`role: {da: Borgmester, sv: Kommunstyrelsens ordförande}`")

# ---------------------------------------------------------------- translations
TRANSLATION_DIFFERS = _code(
    "T034", "translation-differs",
    "A translation repeats a shared field (a date, a link, a picture) with another value than the "
    "default-language file.",
    "`date: 2026-03-27` in the sv file, `date: 2026-03-26` in the da file", "no `date:` in the sv file")
TRANSLATION_UNKNOWN_ITEM = _code(
    "T035", "translation-unknown-item",
    "A translation lists an item (a commitment) whose id is not in the default-language file.",
    "`- id: svartid2` in the sv file only", "`- id: svartid`, the id in the da file")

# ---------------------------------------------------------------- rules across fields
DATES_OUT_OF_ORDER = _code(
    "T036", "dates-out-of-order",
    "Two dates in the wrong order: a meeting that ends before it starts, a deadline after the start, "
    "an update before the publication.",
    "`start: 2026-12-03 10:00` and `end: 2026-12-03 08:00`", "`start: 2026-12-03 08:00` and `end: 2026-12-03 10:00`")
MISSING_ALT = _code(
    "T037", "missing-alt",
    "A picture without a text saying what it shows (an error for `image` and `photo`, a warning in the text).",
    "`![](images/forum.jpg)`", "`![Deltagere ved forummødet](images/forum.jpg)`")
INVALID_ICON = _code(
    "T038", "invalid-icon",
    "An icon that is not a Material icon name.",
    "`icon: handshake`", "`icon: material/handshake`")
RULE = _code(
    "T039", "rule",
    "A value that is valid on its own breaks a rule of its file, such as the accessibility statement's: "
    "a status that does not fit the known issues, an assessment dated in the future or more than a year ago.",
    "`status: fully` while `known_issues` lists content that is not accessible", "`status: partially`")

# ---------------------------------------------------------------- the Markdown text
UNSAFE_MARKDOWN = _code(
    "T040", "unsafe-markdown",
    "Raw HTML or a link in the text that can run code or embed another site (`<script>`, `<iframe>`, "
    "`onclick=`, `javascript:`).",
    "`<iframe src=\"https://video.example/x\"></iframe>`", "`[Se videoen](https://video.example/x)`")

# ---------------------------------------------------------------- between files
UNKNOWN_REFERENCE = _code(
    "T041", "unknown-reference",
    "A contact, unit, tag, pillar or commitment named in a file does not exist.",
    "`tags: [foruum]`", "`tags: [forum]`")
ADDRESS_TAKEN = _code(
    "T042", "address-taken",
    "Two pages would get the same address, or a page would take the address of a section of the site "
    "(or a news item that of a year's news, `nyheder/2024/`).",
    "`slug: nyheder` on a page", "`slug: om-nyheder`")

# ---------------------------------------------------------------- states
DRAFT = _code(
    "T043", "draft",
    "Note: the item is a draft and is not published.",
    "`draft: true`", "no `draft:` line, to publish it")
SCHEDULED = _code(
    "T044", "scheduled",
    "Note: the news item's date lies ahead; it is published on that date.",
    "`date: 2026-12-24` (today 2026-11-22)", "nothing to fix: it appears on 2026-12-24")
REVIEW_OVERDUE = _code(
    "T045", "review-overdue",
    "Warning: the page was last checked longer ago than the site allows (`reviewed_max_age_days`).",
    "`reviewed: 2024-01-10`", "`reviewed: 2026-11-20`, after checking the page")

# ---------------------------------------------------------------- the site's settings (mkdocs.yml)
ONE_DEFAULT_LANGUAGE = _code(
    "T046", "one-default-language",
    "More than one language is marked as the default.",
    "`default: true` on both da and sv", "`default: true` on da only")
NO_INTERFACE_STRINGS = _code(
    "T047", "no-interface-strings",
    "Torv has no interface strings (menus, labels) for a configured language.",
    "`- {code: de, name: Deutsch}`", "`- {code: en, name: English}`, or `scripts/torv/strings/de.yml` added")
UNKNOWN_TIME_ZONE = _code(
    "T048", "unknown-time-zone",
    "The time zone is not a known time zone name.",
    "`timezone: Copenhagen`", "`timezone: Europe/Copenhagen`")
CNAME_WITHOUT_SITE_URL = _code(
    "T049", "cname-without-site-url",
    "`cname: true` publishes the host of `site_url` as the custom domain, but there is no `site_url`.",
    "`cname: true` and no `site_url:`", "`site_url: https://erhverv.havbjerg.dk/`")


# ---------------------------------------------------------------- links, documents and pictures in the text
BROKEN_LINK = _code(
    "T050", "broken-link",
    "A link to a content file or to an address of the site that does not exist, or to an anchor (#...) that the "
    "page does not have.",
    "`[Mødet](dialogmode.da.md)`", "`[Mødet](dialogmoede.da.md)`")
LINK_TO_UNPUBLISHED = _code(
    "T051", "link-to-unpublished",
    "Warning: a link to a draft or to a news item that is not published yet; until it is, the link text is "
    "shown without the link.",
    "`[Programmet](program.da.md)` while program.da.md has `draft: true`", "the link added when the item is published")
MISSING_DOCUMENT = _code(
    "T052", "missing-document",
    "A document (PDF, Word ...) linked from the text or named in a field does not exist at the path given.",
    "`[Programmet](files/program.pdf)` with no such file", "the document uploaded to `files/` next to the file")
DOCUMENT_TYPE = _code(
    "T053", "document-type",
    "A link to a file of a type the site does not publish: only PDF, Office, OpenDocument, CSV and plain text "
    "documents are.",
    "`[Video](files/film.mp4)`", "`[Video](https://havbjerg.example/film)`, or a PDF")
INACCESSIBLE_PDF = _code(
    "T054", "inaccessible-pdf",
    "Warning: a PDF without tags, a document language or a title: screen readers cannot read it properly, and "
    "public bodies must publish accessible documents.",
    "a PDF printed to file", "the PDF exported from Word with document structure tags, language and title")
LARGE_PICTURE = _code(
    "T055", "large-picture",
    "Warning: a picture file over 5 MB; the site makes smaller copies for visitors, but the original is kept in the "
    "repository and takes long to build.",
    "`images/forum.jpg` of 12 MB, straight from the camera", "the picture saved at 3000 pixels wide or less")
FILE_NAME = _code(
    "T056", "file-name",
    "A file or folder name with spaces, capitals or other characters than a-z, digits and -: it would become "
    "(part of) an address, of a page, a picture or a document. The message proposes a name.",
    "`news/2026/Ny Rådgivning.da.md`", "`news/2026/ny-raadgivning.da.md`")
EMPTY_BODY = _code(
    "T057", "empty-body",
    "Warning: a news item or page has no text below its fields.",
    "a news item with only `---` fields", "a few lines of text below the fields")


# ---------------------------------------------------------------- meetings
CANCELLED_WITHOUT_UPDATE = _code(
    "T058", "cancelled-without-update",
    "Warning: a cancelled meeting has no `updated:` date, so calendars that subscribe to it may keep the meeting "
    "as it was (the date tells them that it changed).",
    "`cancelled: true` and no `updated:`", "`cancelled: true` and `updated: 2026-11-22`, the day it was cancelled")
MIXED_ALL_DAY = _code(
    "T059", "mixed-all-day",
    "A meeting's start and end are not of the same kind: one a date alone (a meeting over whole days), the "
    "other a date and a time.",
    "`start: 2027-01-28` and `end: 2027-01-28 16:00`", "`start: 2027-01-28 09:00` and `end: 2027-01-28 16:00`")


# ---------------------------------------------------------------- safety (README: Security)
MARKUP_NOT_PUBLISHED = _code(
    "T060", "markup-not-published",
    "HTML in the text that the site does not publish: an element, an attribute or a declaration that is not on "
    "the allowlist (README: Security), which the sanitiser would remove.",
    "`<font color=\"red\">Vigtigt</font>`", "`**Vigtigt**`")
PICTURE_FROM_ANOTHER_SITE = _code(
    "T061", "picture-from-another-site",
    "A picture in the text that is loaded from another site: every visitor's browser would ask that site for it.",
    "`![Logo](https://billeder.example/logo.png)`", "`![Logo](images/logo.png)`, the picture next to the page")
HTML_COMMENT = _code(
    "T062", "html-comment",
    "Note: an HTML comment in the text is removed from the page; nobody sees it, not even in the page's source.",
    "`<!-- husk at opdatere tallene -->`", "nothing to fix, if it is a note to other editors")
TEXT_TOO_COMPLEX = _code(
    "T063", "text-too-complex",
    "A page's text is too tangled to render in reasonable time: too many unclosed brackets, too much markup in "
    "one paragraph, too many abbreviations, lists or quotes nested too deeply.",
    "a paragraph of 5,000 `[` without `]`", "the brackets closed, or the text split into paragraphs")
INVISIBLE_CHARACTER = _code(
    "T064", "invisible-character",
    "A text holds an invisible character: a control character (it breaks feeds and calendars), a character "
    "that turns the direction of the text, or a tab or line break in a one-line field.",
    "a title with U+202E (right-to-left override) pasted in", "the title typed again without it")
OUTSIDE_CONTENT = _code(
    "T065", "file-outside-content",
    "A file a page refers to is outside the content folders (policy/, news/, docs/), or is a symbolic link, "
    "which could publish any file of the machine.",
    "`image: ../../mkdocs.yml`", "`image: images/forum.jpg`, a real file next to the page")
UNSAFE_SVG = _code(
    "T066", "unsafe-svg",
    "An SVG picture with a script, an event handler, a reference to another file or host, or a document type: "
    "it could run code or load from another host on the site.",
    "`kort.svg` with `<script>` in it", "the picture saved again as plain SVG, or as PNG")
DATE_OUT_OF_RANGE = _code(
    "T067", "date-out-of-range",
    "A date before 1900 or after 2200: a mistake, and it breaks feeds and calendars.",
    "`start: 0001-12-03 08:30`", "`start: 2026-12-03 08:30`")
UNSAFE_SETTING = _code(
    "T068", "unsafe-setting",
    "A setting in mkdocs.yml that would run code while the site is built (`hooks:`, a `!!python/` tag) or "
    "make every visitor load a script or stylesheet from another host.",
    "`hooks: [scripts/x.py]`", "no `hooks:` (Torv needs no plugin or hook)")

# ---------------------------------------------------------------- the site's settings: phone region, look, address
UNKNOWN_PHONE_REGION = _code(
    "T069", "unknown-phone-region",
    "The phone region is not a two-letter country code of a country with phone numbers.",
    "`phone_region: Sweden`", "`phone_region: SE`")
LOW_CONTRAST = _code(
    "T070", "low-contrast",
    "The brand colour is not a colour like #0b4f6c, or white text on it is hard to read (contrast below 4.5:1); "
    "the message proposes the nearest shade that passes.",
    "`brand_colour: \"#4a90d9\"` (3.34:1)", "`brand_colour: \"#2a78ca\"` (4.5:1)")
INVALID_LOGO = _code(
    "T071", "invalid-logo",
    "The logo is not an SVG or PNG file in the repository, or there is no file at the path given.",
    "`logo: docs/logo.gif`", "`logo: docs/logo.svg`")
NO_SITE_URL = _code(
    "T072", "no-site-url",
    "Warning: mkdocs.yml has no `site_url`, the site's address: without it there are no feeds, calendars or "
    "sitemaps, and the 404 page of each language cannot find its stylesheets.",
    "no `site_url:` line", "`site_url: https://havbjerg.github.io/erhverv/`")
# fmt: on


def markdown_table() -> str:
    """The catalogue as the table in CONTENT.md."""
    rows = ["| Code | Name | What it means | Wrong | Right |", "|---|---|---|---|---|"]
    for c in CATALOGUE.values():
        cells = [c.code, f"`{c.name}`", c.meaning, c.wrong, c.right]
        rows.append("| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |")
    return "\n".join(rows)
