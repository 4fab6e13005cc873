"""Optional dependencies (the extras ``apmbc[pandas]`` and ``apmbc[plot]``), imported on use."""

from __future__ import annotations

import importlib
from typing import Any

from apmbc.errors import MissingExtraError

__all__ = ["require"]


def require(package: str, extra: str, feature: str) -> Any:
    """Import and return ``package``, or raise :class:`MissingExtraError` naming the extra."""
    try:
        return importlib.import_module(package)
    except ImportError:
        raise MissingExtraError(package, extra, feature) from None
