"""``python -m indicators``: see indicators.cli."""

from indicators.cli import main

raise SystemExit(main())
