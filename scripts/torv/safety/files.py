"""Files a page refers to: inside the content folders, real files (no symbolic links), pictures by their content.

SVG pictures may hold no script, event handler or reference to another file or host. Each check returns
(problem code, message) or None.
"""

from __future__ import annotations

import os
import re
import xml.parsers.expat

from .. import codes

CONTENT_DIRS = ("policy", "news", "docs")
RASTER = {".jpg": "JPEG", ".jpeg": "JPEG", ".png": "PNG", ".gif": "GIF", ".webp": "WEBP", ".avif": "AVIF"}
SVG_FORBIDDEN = {"script", "foreignobject", "iframe", "embed", "object", "handler", "listener", "set"}
CSS_URL = re.compile(r"url\s*\(\s*['\"]?\s*(?!#)|@import", re.I)

Refusal = tuple[str, str]  # (problem code, message)


def inside_content(full: str, root: str) -> bool:
    full = os.path.normpath(full)
    return any(full.startswith(os.path.join(os.path.normpath(root), d) + os.sep) for d in CONTENT_DIRS)


def shown(full: str, root: str) -> str:
    return os.path.relpath(full, root).replace(os.sep, "/")


EXAMPLES = {"picture": "images/forum.jpg", "document": "files/program.pdf"}


def outside_problem(src: str, full: str, root: str, what: str = "picture") -> Refusal | None:
    """A referenced path (of a picture or a document) that leaves the content folders (`../../mkdocs.yml`), or
    None."""
    if inside_content(full, root):
        return None
    return codes.OUTSIDE_CONTENT, (
        f"the file {src} is outside the content folders (policy/, news/, docs/): only files there are "
        f"published; put the {what} next to the page, e.g. {EXAMPLES[what]}"
    )


def link_problem(full: str, root: str) -> Refusal | None:
    """A symbolic link on the way from the repository to the file, or None."""
    path = os.path.normpath(full)
    top = os.path.normpath(root)
    while path.startswith(top + os.sep):
        if os.path.islink(path):
            return codes.OUTSIDE_CONTENT, (
                f"{shown(path, root)} is a symbolic link: Torv publishes only real files and folders "
                f"(a link could publish any file of the machine); copy the file there instead"
            )
        path = os.path.dirname(path)
    return None


def picture_problem(full: str, root: str) -> Refusal | None:
    """Why an existing file is not a picture Torv publishes, or None."""
    problem = link_problem(full, root)
    if problem:
        return problem
    if not os.path.isfile(full):
        return codes.INVALID_PICTURE_PATH, f"{shown(full, root)} is not a file"
    ext = os.path.splitext(full)[1].lower()
    if ext == ".svg":
        return svg_problem(full, root)
    want = RASTER.get(ext)
    if want is None:
        return codes.INVALID_PICTURE_PATH, (
            f"{shown(full, root)} is not a picture: expected one of {', '.join([*sorted(RASTER), '.svg'])}"
        )
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(full) as im:
            found = im.format
            im.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        return codes.INVALID_PICTURE_PATH, (
            f"{shown(full, root)} is not a {want} picture by its content (whatever its name says): "
            f"export it again as {want} from a picture program"
        )
    if found != want:
        return codes.INVALID_PICTURE_PATH, (
            f"{shown(full, root)} is named {ext} but holds a {found} picture: rename it to "
            f"{os.path.splitext(os.path.basename(full))[0]}{_ext_for(found or '')}"
        )
    return None


def _ext_for(fmt: str) -> str:
    return next((e for e, f in RASTER.items() if f == fmt), "." + fmt.lower())


def svg_problem(full: str, root: str) -> Refusal | None:
    """Script, event handlers, external references or a DTD in an SVG file (parsed as XML), or None."""
    try:
        with open(full, "rb") as fh:
            data = fh.read()
    except OSError as exc:
        return codes.UNREADABLE, f"{shown(full, root)} cannot be read ({exc.strerror})"
    found: list[str] = []
    in_style: list[bool] = []
    parser = xml.parsers.expat.ParserCreate(namespace_separator=" ")

    def start(name: str, attrs: dict[str, str]) -> None:
        local = name.rsplit(" ", 1)[-1].lower()
        in_style.append(local == "style")
        if local in SVG_FORBIDDEN:
            found.append(f"a <{local}> element")
        for key, value in attrs.items():
            attr = key.rsplit(" ", 1)[-1].lower()
            if attr.startswith("on"):
                found.append(f"the event handler {attr}=")
            elif attr == "href" and not value.strip().startswith("#"):
                found.append(f"a reference to {value.strip()[:60]!s}")
            elif attr == "style" and CSS_URL.search(value):
                found.append("a style that loads a file")

    def end(name: str) -> None:
        if in_style:
            in_style.pop()

    def text(data_: str) -> None:
        if in_style and in_style[-1] and CSS_URL.search(data_):
            found.append("a style that loads a file")

    def doctype(*args: object) -> None:
        found.append("a document type declaration (it can define entities)")

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = text
    parser.StartDoctypeDeclHandler = doctype
    parser.EntityDeclHandler = lambda *a: found.append("an entity declaration")
    try:
        parser.Parse(data, True)
    except xml.parsers.expat.ExpatError as exc:
        if not found:
            return codes.INVALID_PICTURE_PATH, (
                f"{shown(full, root)} is not an SVG picture: it is not well-formed XML (line {exc.lineno})"
            )
    if found:
        return codes.UNSAFE_SVG, (
            f"{shown(full, root)} is an SVG picture with {found[0]}: it could run code or load from "
            f"another host on the site; save the picture without it (e.g. as plain SVG, or PNG)"
        )
    return None
