"""`python -m torv.bench` (from scripts/): run the benchmark."""
import sys

from .run import main

sys.exit(main())
