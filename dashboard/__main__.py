"""``python -m dashboard …``: the same commands as the installed ``allas-vimmerby`` script.

``dashboard.cli.main`` dispatches them all: no options (or ``--port N`` …) the development server,
``serve …`` the production server, ``export …`` offline files.
"""

from dashboard.cli import main

raise SystemExit(main())
