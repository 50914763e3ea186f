"""The benchmark (`make bench`): a generated news archive built by Torv and by plain Material for MkDocs
with mkdocs-static-i18n, alternating; speed, memory and size figures printed, never asserted.

archive.py writes the archive (a Torv content tree), baseline.py the same news pages as a Material
project, measure.py takes the figures, visitor.py and live.py measure in Chromium, report.py prints,
run.py runs it all (`torv bench`, `python -m torv.bench`).
"""
