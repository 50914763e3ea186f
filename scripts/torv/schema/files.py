"""Options for files next to the content: the path of a picture, which must exist."""
from __future__ import annotations

import os
import re
from typing import Any

from .. import codes
from .base import Context, Invalid, Option, shown


class FilePath(Option):
    """A file relative to the content file (an image); it must exist."""
    expected = "the path of a picture next to this file"
    code = codes.INVALID_PICTURE_PATH
    example = "images/forum.jpg"
    suffixes: tuple[str, ...] = (".jpg", ".jpeg", ".png", ".gif", ".webp", ".svg", ".avif")

    def convert(self, value: Any, ctx: Context, keypath: tuple) -> Any:
        if not isinstance(value, str) or not value.strip():
            raise self.fail(value)
        v = value.strip()
        if re.match(r"^[a-z]+:", v, re.I) or v.startswith("/") or "\\" in v:
            raise Invalid(f"expected {self.describe()}, found {shown(value)}: write a path relative to "
                          f"this file, with / between folders", self.code)
        if not v.lower().endswith(self.suffixes):
            raise Invalid(f"expected a picture ({', '.join(self.suffixes)}), found {shown(value)}", self.code)
        full = os.path.normpath(os.path.join(ctx.base_dir, v))
        if not os.path.isfile(full):
            raise Invalid(f"the picture {shown(v)} does not exist: expected a file at "
                          f"{os.path.relpath(full, ctx.root).replace(os.sep, '/')}; "
                          f"upload it there or correct the path, e.g. {self.example}", codes.MISSING_PICTURE)
        ctx.assets.append(full)
        return v

    def json(self) -> dict:
        return {"type": "string", "pattern": r"\.(jpe?g|png|gif|webp|svg|avif)$"}


# A meeting's agenda and minutes: the document types the site publishes, by file name ending.
DOCUMENT_TYPES = {".pdf": "PDF", ".docx": "Word", ".doc": "Word", ".xlsx": "Excel", ".xls": "Excel",
                  ".pptx": "PowerPoint", ".ppt": "PowerPoint", ".odt": "OpenDocument", ".ods": "OpenDocument",
                  ".odp": "OpenDocument", ".csv": "CSV", ".txt": "Text"}


class DocumentPath(FilePath):
    """A document next to the content file (a meeting's agenda or minutes); it must exist and is published."""
    expected = "the path of a document next to this file"
    code = codes.INVALID_DOCUMENT
    example = "files/dagsorden.pdf"
    suffixes = tuple(DOCUMENT_TYPES)

    def convert(self, value: Any, ctx: Context, keypath: tuple) -> Any:
        if not isinstance(value, str) or not value.strip():
            raise self.fail(value)
        v = value.strip()
        if re.match(r"^[a-z]+:", v, re.I) or v.startswith("/") or "\\" in v:
            raise Invalid(f"expected {self.describe()}, found {shown(value)}: write a path relative to "
                          f"this file, with / between folders", self.code)
        full = os.path.normpath(os.path.join(ctx.base_dir, v))
        if not v.lower().endswith(self.suffixes):
            if os.path.isfile(full):
                ctx.assets.append(full)  # named, refused here: not also reported as unused
            raise Invalid(f"expected a PDF, an Office or OpenDocument file, CSV or plain text "
                          f"({', '.join(self.suffixes)}), found {shown(value)}", self.code)
        if not os.path.isfile(full):
            raise Invalid(f"the document {shown(v)} does not exist: expected a file at "
                          f"{os.path.relpath(full, ctx.root).replace(os.sep, '/')}; "
                          f"upload it there or correct the path, e.g. {self.example}", codes.MISSING_DOCUMENT)
        ctx.assets.append(full)
        return v

    def json(self) -> dict:
        return {"type": "string", "pattern": r"\.(" + "|".join(s[1:] for s in self.suffixes) + ")$"}
