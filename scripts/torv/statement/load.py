"""Reading the accessibility statement: docs/accessibility.yml checked through the content loader, with its dates."""

from __future__ import annotations

import datetime as dt
import os
from typing import Protocol

from .. import codes
from ..problems import Report
from ..schema import Context, shown
from .schema import REL, Statement

MAX_AGE_DAYS = 365  # the statement must be reviewed at least once a year


class Loader(Protocol):
    """What the statement needs of the content loader (its public part)."""

    root: str
    report: Report

    def load_data(self, rel: str) -> tuple[object, Context | None]: ...

    def flush(self, ctx: Context) -> int: ...


def load(ld: Loader, today: dt.date) -> dict | None:
    """Check docs/accessibility.yml with the content loader `ld`; the checked values, or None if absent or wrong."""
    if not os.path.isfile(os.path.join(ld.root, REL)):
        return None
    data, ctx = ld.load_data(REL)
    if ctx is None:
        return None
    if not isinstance(data, dict):
        ld.report.error(
            REL,
            1,
            "",
            f"expected fields like `status: partially` and `assessed: 2026-11-02`, found {shown(data)}",
            code=codes.NOT_FIELDS,
        )
        return None
    values = Statement.check(data, ctx, ())
    assessed = values.get("assessed")
    if assessed and assessed > today:
        ctx.error(
            ("assessed",),
            f"expected the date of an assessment that has taken place, found "
            f"{assessed.isoformat()}, which is after today ({today.isoformat()})",
            code=codes.DATES_OUT_OF_ORDER,
        )
    elif assessed and (today - assessed).days > MAX_AGE_DAYS:
        ctx.warning(
            ("assessed",),
            f"the site was last assessed {assessed.isoformat()}, "
            f"{(today - assessed).days} days ago: expected an assessment at least once a "
            f"year; assess the site again and update `assessed`",
            code=codes.REVIEW_OVERDUE,
        )
    for i, issue in enumerate(values.get("known_issues", [])):
        fix_by = issue.get("fix_by")
        if fix_by and fix_by < today:
            ctx.warning(
                ("known_issues", i, "fix_by"),
                f"the date {fix_by.isoformat()} has passed: fix the problem and remove it, or set a new date",
                code=codes.REVIEW_OVERDUE,
            )
    return values if not ld.flush(ctx) else None
