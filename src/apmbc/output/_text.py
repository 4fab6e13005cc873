"""Values as plain text, the same way everywhere a person reads them (CLI, notebook HTML)."""

from __future__ import annotations

import datetime as _dt
import enum

__all__ = ["plain"]


def plain(value: object, unknown: str) -> str:
    """``value`` as text: ISO dates, enum values, yes/no, lists joined by "; ", ``unknown`` for
    ``None`` or an empty value."""
    if value is None or value == "":
        return unknown
    if isinstance(value, enum.Enum):
        return str(value.value)
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, (tuple, list)):
        return "; ".join(plain(v, unknown) for v in value) or unknown
    return str(value)
