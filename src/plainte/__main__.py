"""Run plainte with ``python -m plainte``."""

from plainte.cli import main

raise SystemExit(main())
