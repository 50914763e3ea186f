"""A new municipality's site in one command (`torv init`): its settings and content folders from a few answers."""

from __future__ import annotations

from .answers import Answers, problems
from .files import site_files

__all__ = ["Answers", "problems", "site_files"]
