"""Entry point of `python -m plandocs`."""

from plandocs.cli import main

raise SystemExit(main())
