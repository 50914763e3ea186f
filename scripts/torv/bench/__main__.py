"""`python -m torv.bench`: run the benchmark (the same as `torv bench`)."""

import sys

from .run import main

sys.exit(main())
