#!/usr/bin/env python3
"""Live preview with drafts and scheduled items: `python scripts/serve.py [--port 8000] [--today DATE]`."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from torv.cli import run, serve_main  # noqa: E402

if __name__ == "__main__":
    sys.exit(run(serve_main))
