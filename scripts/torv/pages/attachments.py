"""A meeting's agenda and minutes: each published as a copy and linked with its type and size ("PDF, 118 kB").

A small stand-in for the document handling of issue 12 (documents linked from any body): `document` is the
one function the meeting pages call, so the fuller version can replace it without touching them.
"""

from __future__ import annotations

import os
from typing import Any

from babel.numbers import format_decimal

from .. import localize
from ..records import Item
from ..routes import Routes, rel_href
from ..schema.files import DOCUMENT_TYPES
from .base import MediaCopy
from .images import copy_of
from .shapes import Document

MIME = {
    ".pdf": "application/pdf",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".doc": "application/msword",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".xls": "application/vnd.ms-excel",
    ".pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    ".ppt": "application/vnd.ms-powerpoint",
    ".odt": "application/vnd.oasis.opendocument.text",
    ".ods": "application/vnd.oasis.opendocument.spreadsheet",
    ".odp": "application/vnd.oasis.opendocument.presentation",
    ".csv": "text/csv",
    ".txt": "text/plain",
}


def size_text(size: int, lang: str) -> str:
    """A file's size as readers know it, in the language's numbers: '118 kB', '2,4 MB' (1 kB = 1000 bytes)."""
    loc = localize.locale(lang)
    if size < 1_000_000:
        return f"{format_decimal(max(1, round(size / 1000)), locale=loc)} kB"
    return f"{format_decimal(round(size / 1_000_000, 1), format='#,##0.0', locale=loc)} MB"


def document(
    routes: Routes, item: Item[Any], path: str, text: str, lang: str, url: str, doc_lang: str | None = None
) -> tuple[Document, MediaCopy]:
    """A document next to an item (`path` relative to its folder), linked from the page at `url` with `text`;
    `doc_lang`: the document's language where it is not the page's."""
    copy = copy_of(routes, routes.picture(item, path))
    ext = os.path.splitext(path)[1].lower()
    try:
        size = os.path.getsize(copy.source)
    except OSError:  # checked by the validator; gone since
        size = 0
    details = f"{DOCUMENT_TYPES.get(ext, ext[1:].upper())}, {size_text(size, lang)}"
    link = Document(
        text=text,
        href=rel_href(url, copy.path),
        details=details,
        mime=MIME.get(ext, "application/octet-stream"),
        lang=doc_lang,
    )
    return link, copy
