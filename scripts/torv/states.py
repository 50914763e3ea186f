"""The state of each entry: published, draft, scheduled or invalid; and pages not reviewed for too long."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from . import codes
from .problems import NOTE, WARNING, Problem
from .yamlio import line_of

if TYPE_CHECKING:
    from .site import Site


def mark_states(site: Site) -> list[Problem]:
    """Set each entry's state and collect the unpublished ones; notes for drafts and scheduled items, warnings
    for pages not reviewed for too long."""
    problems = []
    max_age = dt.timedelta(days=site.settings.reviewed_max_age_days)
    d = site.settings.default_language
    for e in [site.policy] + site.pillars + site.news + site.pages:
        if e is None or e.state == "invalid":
            if e is not None:
                site.unpublished.append(e)
            continue
        v = e.default
        src = e.sources[d]
        if v.get("draft"):
            e.state = "draft"
            problems.append(
                Problem(codes.DRAFT, src, line_of(e.lines[d], ("draft",)), "draft", "not published (draft: true)", NOTE)
            )
        elif e.kind == "news" and v.get("date") and v["date"] > site.today:
            e.state = "scheduled"
            problems.append(
                Problem(
                    codes.SCHEDULED,
                    src,
                    line_of(e.lines[d], ("date",)),
                    "date",
                    f"scheduled: published on {v['date'].isoformat()}",
                    NOTE,
                )
            )
        rv = v.get("reviewed")
        if rv and site.today - rv > max_age:
            problems.append(
                Problem(
                    codes.REVIEW_OVERDUE,
                    src,
                    line_of(e.lines[d], ("reviewed",)),
                    "reviewed",
                    f"the page was last checked {rv.isoformat()}, more than "
                    f"{site.settings.reviewed_max_age_days} days ago: check it and update `reviewed`",
                    WARNING,
                )
            )
        if e.state != "published":
            site.unpublished.append(e)
    return problems
