"""Torv: a content compiler for a municipality's business policy site.

`scripts/` loads and validates the content kept in git (policy/, news/, docs/),
then writes plain Markdown pages per language for MkDocs + Material to render.
"""
