"""``python -m apmbc``: the command line (see :mod:`apmbc.cli`)."""

from apmbc.cli import main

raise SystemExit(main())
