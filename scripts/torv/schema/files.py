"""Options for files next to the content: the path of a picture, which must exist."""
from __future__ import annotations

import os
import re
from typing import Any

from .. import codes
from ..safety import files as safe_files
from .base import Context, Invalid, Option, shown


class FilePath(Option):
    """A file relative to the content file (an image): inside the content folders, a real file, a picture by its
    content (safety/files.py)."""
    expected = "the path of a picture next to this file"
    code = codes.INVALID_PICTURE_PATH
    example = "images/forum.jpg"
    suffixes = (".jpg", ".jpeg", ".png", ".gif", ".webp", ".svg", ".avif")

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
        refusal = safe_files.outside_problem(v, full, ctx.root)
        if refusal:
            raise Invalid(refusal[1], refusal[0])
        if not os.path.lexists(full):
            raise Invalid(f"the picture {shown(v)} does not exist: expected a file at "
                          f"{os.path.relpath(full, ctx.root).replace(os.sep, '/')}; "
                          f"upload it there or correct the path, e.g. {self.example}", codes.MISSING_PICTURE)
        ctx.assets.append(full)  # used (refused or not): not reported as an unused file
        refusal = safe_files.picture_problem(full, ctx.root)
        if refusal:
            raise Invalid(refusal[1], refusal[0])
        return v

    def json(self) -> dict:
        return {"type": "string", "pattern": r"\.(jpe?g|png|gif|webp|svg|avif)$"}
