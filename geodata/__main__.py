"""``python -m geodata``: see geodata.cli."""

from geodata.cli import main

raise SystemExit(main())
