"""The ``apmbc`` command line: a thin layer over the public API (see the docs' CLI page)."""

from __future__ import annotations

from apmbc.cli._main import main

__all__ = ["main"]
