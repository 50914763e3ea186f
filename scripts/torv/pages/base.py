"""What every page kind gets and gives: the shared context of a build in, `Page`s (with their media copies) out."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from collections.abc import Mapping
from dataclasses import dataclass

from .. import i18n
from ..links import LinkIndex
from ..settings import SiteSettings
from .shapes import PageMeta


@dataclass(frozen=True)
class MediaCopy:
    """A file a page shows (a picture, a photo), copied into the language's docs folder."""

    source: str  # absolute path in the repository
    path: str  # docs-relative path of the copy (routes.media)
    width: int | None = None  # a smaller copy made at build time (pictures.render): its width
    format: str | None = None  # and its format (jpeg, png, webp)


@dataclass(frozen=True)
class Page:
    """One page of one language: served at `url`, rendered with `meta.template`."""

    url: str
    meta: PageMeta
    body: str = ""  # Markdown
    files: tuple[MediaCopy, ...] = ()

    @property
    def template(self) -> str:
        return self.meta.template


@dataclass(frozen=True)
class Shared:
    """The small context every page kind shares: settings, build date, preview flag, interface strings."""

    settings: SiteSettings
    today: dt.date
    preview: bool  # the live preview: drafts and scheduled items shown, with a notice
    strings: Mapping[str, Mapping[str, str]]  # language -> key -> text (scripts/torv/strings/)
    tz: zoneinfo.ZoneInfo
    links: LinkIndex | None = None  # the site's pages and addresses, for links in bodies (linkcheck.link_index)
    addresses_from_file: bool = False  # the renderer reads relative addresses in a text from its file's folder
    nonce: str = ""  # new for every build: marks each page's content for the finishing pass (finish/sanitize.py)

    @classmethod
    def of(
        cls,
        settings: SiteSettings,
        today: dt.date,
        preview: bool = False,
        links: LinkIndex | None = None,
        addresses_from_file: bool = False,
        nonce: str = "",
    ) -> Shared:
        return cls(
            settings=settings,
            today=today,
            preview=preview,
            strings={lg: i18n.strings(lg) for lg in settings.languages},
            tz=zoneinfo.ZoneInfo(settings.timezone),
            links=links,
            addresses_from_file=addresses_from_file,
            nonce=nonce,
        )

    def t(self, lang: str, key: str, **kw: object) -> str:
        """An interface string, with its {placeholders} filled in."""
        text = self.strings[lang][key]
        return text.format(**kw) if kw else text

    def municipality(self, lang: str) -> str:
        return str(self.settings.municipality[lang])

    def edit_url(self, path: str) -> str | None:
        """'Edit this page': a repository file in the web editor, when the site has an edit base."""
        return self.settings.edit_base + path if self.settings.edit_base else None
