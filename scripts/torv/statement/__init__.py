"""The accessibility statement: docs/accessibility.yml checked like all content, and a page in every language."""

from __future__ import annotations

from .load import MAX_AGE_DAYS, load
from .page import (
    AUTHORITY,
    DIGG_REPORT_URL,
    DIGST_CONTACT_URL,
    DISKRIMINERINGSNEMNDA_URL,
    MODELS,
    TRAFICOM_URL,
    UUTILSYNET_URL,
    page,
)
from .schema import (
    CATEGORIES,
    METHODS,
    REL,
    STATUSES,
    UUSTATUS_HOSTS,
    WAS_HOSTS,
    Criterion,
    KnownIssue,
    Statement,
    StatementContact,
)
from .texts import texts_for, title

__all__ = [
    "AUTHORITY",
    "CATEGORIES",
    "DIGG_REPORT_URL",
    "DIGST_CONTACT_URL",
    "DISKRIMINERINGSNEMNDA_URL",
    "MAX_AGE_DAYS",
    "METHODS",
    "MODELS",
    "REL",
    "STATUSES",
    "TRAFICOM_URL",
    "UUSTATUS_HOSTS",
    "UUTILSYNET_URL",
    "WAS_HOSTS",
    "Criterion",
    "KnownIssue",
    "Statement",
    "StatementContact",
    "load",
    "page",
    "texts_for",
    "title",
]
