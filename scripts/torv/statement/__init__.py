"""The accessibility statement: docs/accessibility.yml checked like all content, and a page in every language."""
from __future__ import annotations

from .load import MAX_AGE_DAYS, load
from .page import AUTHORITY, DIGG_REPORT_URL, DIGST_CONTACT_URL, page
from .schema import CATEGORIES, METHODS, REL, STATUSES, WAS_HOSTS, Criterion, KnownIssue, Statement, StatementContact

__all__ = ["load", "page", "REL", "Statement", "StatementContact", "KnownIssue", "Criterion", "STATUSES", "METHODS",
           "CATEGORIES", "WAS_HOSTS", "MAX_AGE_DAYS", "AUTHORITY", "DIGG_REPORT_URL", "DIGST_CONTACT_URL"]
