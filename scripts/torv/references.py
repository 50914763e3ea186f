"""References between files: contacts, units, tags, pillars and commitments named in content must exist."""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import codes
from .problems import Problem
from .schema import did_you_mean, shown
from .schema.base import Reference

if TYPE_CHECKING:
    from .site import Site


def check_references(site: Site, refs: list[Reference], unchecked: set[str], broken_tags: set[str]) -> list[Problem]:
    """Every reference the loader collected points at something that exists. Not checked: references of a kind
    whose data file could not be read (`unchecked`), and to pillars or tags whose own files have errors."""
    problems = []
    people = site.contacts.get("people", {})
    units = site.contacts.get("units", {})
    pillars = {e.id: e for e in site.pillars if e.state != "invalid"}
    # a pillar whose file has errors is reported there; links to it are checked once it is fixed
    broken_pillars = {e.id for e in site.pillars if e.state == "invalid"}
    commitments = {f"{p.id}/{c['id']}" for p in pillars.values() for c in p.default.get("commitments", [])}
    known = {
        "contact": set(people) | set(units),
        "unit": set(units),
        "tag": set(site.tags),
        "pillar": set(pillars) | commitments,
    }
    what = {
        "contact": "a person or unit in policy/contacts.yml",
        "unit": "a unit in policy/contacts.yml",
        "tag": "a tag in news/tags.yml",
        "pillar": "a pillar in policy/pillars/ (or pillar/commitment)",
    }
    for ref in refs:
        kind, value = ref.kind, ref.value
        if value in known[kind] or kind in unchecked:
            continue
        if (kind == "pillar" and value.split("/")[0] in broken_pillars) or (kind == "tag" and value in broken_tags):
            continue
        choices = sorted(known[kind])
        if kind == "pillar" and "/" in value and value.split("/")[0] in pillars:
            pid = value.split("/")[0]
            choices = sorted(c for c in commitments if c.startswith(pid + "/"))
            msg = f"unknown commitment {shown(value)}: expected one of {', '.join(choices)}"
        else:
            msg = f"unknown {kind} {shown(value)}: expected {what[kind]}"
            if choices:
                msg += f", one of: {', '.join(choices[:12])}{' ...' if len(choices) > 12 else ''}"
        problems.append(
            Problem(codes.UNKNOWN_REFERENCE, ref.path, ref.line, ref.field, msg + did_you_mean(value, choices))
        )
    return problems
