"""``python -m dashboard [--port N …]`` starts the app (development server), ``python -m dashboard serve …``
the production server (dispatched in ``dashboard.cli.main``), ``python -m dashboard export …`` writes files."""

import sys

if len(sys.argv) > 1 and sys.argv[1] == "export":
    from dashboard.export_cli import main as export_main

    raise SystemExit(export_main(sys.argv[2:]))

from dashboard.cli import main  # noqa: E402

raise SystemExit(main())
