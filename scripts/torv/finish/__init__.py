"""Finishing passes over the rendered pages, after the renderer and before the site is swapped in (run.py)."""
