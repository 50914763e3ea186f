"""The check of a municipality's own site (`torv check`, `make check`): checks of what was built, on any content."""

from __future__ import annotations

from .browser import AXE_OPTIONS, DESKTOP, MOBILE, VIEWPORTS, RequestLog, axe_problems, stored, without_scripts
from .html import VNU_JAR, html_files, vnu_problems
from .links import broken_links
from .pages import KINDS, ROOT_PAGES, pages_by_kind
from .sections import empty_sections

__all__ = [
    "AXE_OPTIONS",
    "DESKTOP",
    "KINDS",
    "MOBILE",
    "ROOT_PAGES",
    "VIEWPORTS",
    "VNU_JAR",
    "RequestLog",
    "axe_problems",
    "broken_links",
    "empty_sections",
    "html_files",
    "pages_by_kind",
    "stored",
    "vnu_problems",
    "without_scripts",
]
