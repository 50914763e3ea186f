"""Options for files next to the content: the path of a picture or of a document, which must exist."""

from __future__ import annotations

import os
import re
from typing import Any

from .. import codes
from ..safety import files as safe_files
from .base import Context, Invalid, Option, shown


def relative_path(option: Option, value: Any) -> str:
    """The value as a path relative to the content file (no address, no absolute or Windows path), stripped."""
    if not isinstance(value, str) or not value.strip():
        raise option.fail(value)
    v = value.strip()
    if re.match(r"^[a-z]+:", v, re.I) or v.startswith("/") or "\\" in v:
        raise Invalid(
            f"expected {option.describe()}, found {shown(value)}: write a path relative to "
            f"this file, with / between folders",
            option.code,
        )
    return v


class FilePath(Option):
    """A file relative to the content file (an image): inside the content folders, a real file, a picture by its
    content (safety/files.py)."""

    expected = "the path of a picture next to this file"
    code = codes.INVALID_PICTURE_PATH
    example = "images/forum.jpg"
    suffixes: tuple[str, ...] = (".jpg", ".jpeg", ".png", ".gif", ".webp", ".svg", ".avif")

    def convert(self, value: Any, ctx: Context, keypath: tuple) -> Any:
        v = relative_path(self, value)
        if not v.lower().endswith(self.suffixes):
            raise Invalid(f"expected a picture ({', '.join(self.suffixes)}), found {shown(value)}", self.code)
        full = os.path.normpath(os.path.join(ctx.base_dir, v))
        refusal = safe_files.outside_problem(v, full, ctx.root)
        if refusal:
            raise Invalid(refusal[1], refusal[0])
        if not os.path.lexists(full):
            raise Invalid(
                f"the picture {shown(v)} does not exist: expected a file at "
                f"{os.path.relpath(full, ctx.root).replace(os.sep, '/')}; "
                f"upload it there or correct the path, e.g. {self.example}",
                codes.MISSING_PICTURE,
            )
        ctx.assets.append(full)  # used (refused or not): not reported as an unused file
        refusal = safe_files.picture_problem(full, ctx.root)
        if refusal:
            raise Invalid(refusal[1], refusal[0])
        return v

    def json(self) -> dict:
        return {"type": "string", "pattern": r"\.(jpe?g|png|gif|webp|svg|avif)$"}


class DocumentPath(Option):
    """A document next to the content file (a meeting's agenda or minutes): an allowed type that exists; a PDF
    that is not accessible gets a warning. The page shows it as pages.body.attached_document does."""

    expected = "the path of a document next to this file"
    code = codes.DOCUMENT_TYPE
    example = "files/dagsorden.pdf"

    def convert(self, value: Any, ctx: Context, keypath: tuple) -> Any:
        from ..documents import document_problems, extension, pdf_problems, pdf_warning

        v = relative_path(self, value)
        full = os.path.normpath(os.path.join(ctx.base_dir, v))
        for found in document_problems(v, full, ctx.root):
            raise Invalid(found.message, found.code)
        ctx.assets.append(full)
        if extension(v) == "pdf":
            missing = pdf_problems(full)
            if missing:
                ctx.warning(keypath, pdf_warning(missing), code=codes.INACCESSIBLE_PDF)
        return v

    def json(self) -> dict:
        return {"type": "string", "pattern": r"\.(pdf|docx?|xlsx?|pptx?|od[tsp]|csv|txt)$"}
