"""Documents attached to pages (a PDF, an Office or OpenDocument file, CSV, text): type, size, PDF accessibility.

Pure apart from reading the document file it is given. `document_of` gives the record a page needs (where the
published copy lives, its type label, its size); `document_problems` what the validator says about a file.
A meeting's `agenda` and `minutes` attach documents the same way (schema.files.DocumentPath checks the field).
"""

from __future__ import annotations

import logging
import os
import posixpath
from dataclasses import dataclass
from typing import Any

from babel.numbers import format_decimal

from . import codes
from .languages import language
from .safety.files import link_problem, outside_problem

# Allowed types: extension -> the label shown after a link ("PDF, 118 kB"); brand names, the same in every language.
DOCUMENT_TYPES = {
    "pdf": "PDF",
    "doc": "Word",
    "docx": "Word",
    "xls": "Excel",
    "xlsx": "Excel",
    "ppt": "PowerPoint",
    "pptx": "PowerPoint",
    "odt": "ODT",
    "ods": "ODS",
    "odp": "ODP",
    "csv": "CSV",
    "txt": "TXT",
}
PICTURE_TYPES = ("jpg", "jpeg", "png", "gif", "webp", "svg", "avif")
UNREADABLE_PDF = "unreadable"
ALLOWED = "PDF, Word, Excel, PowerPoint, OpenDocument (.odt .ods .odp), CSV or plain text (.txt)"


@dataclass(frozen=True)
class Document:
    """A document a page links to: the file, where its copy is published, what it is and how big."""

    source: str  # absolute path in the repository
    path: str  # docs-relative path of the published copy (routes.media): media/news/2026/files/program.pdf
    type: str  # PDF, Word ...
    size: int  # bytes

    def info(self, lang: str) -> str:
        """'PDF, 118 kB' in the language's number format."""
        return f"{self.type}, {size_text(self.size, lang)}"


@dataclass(frozen=True)
class Finding:
    """A problem with a document, for the validator to place (a link's line, a field)."""

    code: str
    message: str
    warning: bool = False


def extension(path: str) -> str:
    return posixpath.splitext(path.split("#", 1)[0].split("?", 1)[0])[1].lower().lstrip(".")


def size_text(size: int, lang: str) -> str:
    """118 kB, 1,2 MB (decimal units, at least 1 kB; a no-break space before the unit)."""
    locale = language(lang).locale
    if size < 1_000_000:
        return f"{format_decimal(max(1, round(size / 1000)), locale=locale)}\u00a0kB"
    return f"{format_decimal(round(size / 1_000_000, 1), format='#,##0.#', locale=locale)}\u00a0MB"


def document_of(source: str, media_path: str) -> Document:
    """The record of an existing document of an allowed type (`media_path`: routes.media(source))."""
    return Document(
        source=source, path=media_path, type=DOCUMENT_TYPES[extension(source)], size=os.path.getsize(source)
    )


def document_problems(written: str, full: str, root: str) -> list[Finding]:
    """What is wrong with a linked file: its type, its place (outside the content folders, a symbolic link), its
    absence."""
    ext = extension(written)
    shown_path = os.path.relpath(full, root).replace(os.sep, "/")
    if ext in PICTURE_TYPES:
        return [
            Finding(
                codes.DOCUMENT_TYPE,
                f"the link {written} leads to a picture, not a document: show it with "
                f"![What it shows]({written}), or link to a {ALLOWED} file",
            )
        ]
    if ext not in DOCUMENT_TYPES:
        found = f".{ext} file" if ext else "file without a type (no .pdf, .docx ... at the end of its name)"
        return [
            Finding(
                codes.DOCUMENT_TYPE,
                f"the link {written} leads to a {found}: expected a document of an allowed type, {ALLOWED}",
            )
        ]
    refusal = outside_problem(written, full, root, "document") or link_problem(full, root)
    if refusal:  # safety/files.py: only real files in the content folders are published
        return [Finding(*refusal)]
    if not os.path.isfile(full):
        return [
            Finding(
                codes.MISSING_DOCUMENT,
                f"the document {written} does not exist: expected a file at "
                f"{shown_path}; upload it there or correct the path",
            )
        ]
    return []


def pdf_problems(full: str) -> list[str]:
    """What a PDF lacks to be accessible: a tag structure, a document language, a title. [] when it has them
    (or when it cannot be read: a broken PDF is reported as such)."""
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    logging.getLogger("pypdf").setLevel(logging.CRITICAL)  # its complaints about a damaged file: reported below

    try:
        reader = PdfReader(full)
        root: Any = reader.trailer["/Root"].get_object()
        mark_info = root.get("/MarkInfo")
        marked = bool(mark_info and mark_info.get_object().get("/Marked"))
        missing = []
        if not (marked and "/StructTreeRoot" in root):
            missing.append("tags (the structure screen readers read)")
        if not str(root.get("/Lang") or "").strip():
            missing.append("document language (/Lang)")
        title = reader.metadata.get("/Title") if reader.metadata is not None else None
        xmp_title = _xmp_title(reader)
        if not (str(title or "").strip() or xmp_title):
            missing.append("title")
        else:
            prefs = root.get("/ViewerPreferences")
            if not (prefs and prefs.get_object().get("/DisplayDocTitle")):
                missing.append("setting to show the title instead of the file name (DisplayDocTitle)")
        return missing
    except (PyPdfError, OSError, ValueError, KeyError, TypeError, AttributeError):
        return [UNREADABLE_PDF]


def _xmp_title(reader: object) -> str:
    try:
        xmp = reader.xmp_metadata  # type: ignore[attr-defined]
        titles = (xmp.dc_title or {}) if xmp is not None else {}
        return " ".join(str(t) for t in titles.values()).strip()
    except Exception:  # a malformed XMP packet counts as no title
        return ""


def pdf_warning(missing: list[str]) -> str:
    if missing == [UNREADABLE_PDF]:
        return (
            "the file could not be read as a PDF, so whether it is accessible is not known: export it again "
            "from the original as PDF"
        )
    return (
        f"the PDF is not accessible: it has no {', no '.join(missing)}; export it again from the original "
        f"with tags, language and title (Word: File > Save as > PDF > Options > Document structure tags), "
        f"or publish the text as a page"
    )


__all__ = [
    "ALLOWED",
    "DOCUMENT_TYPES",
    "Document",
    "Finding",
    "document_of",
    "document_problems",
    "extension",
    "pdf_problems",
    "pdf_warning",
    "size_text",
]
