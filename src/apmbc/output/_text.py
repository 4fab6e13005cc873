"""Values as plain text, the same way everywhere a person reads them (CLI, notebook HTML)."""

from __future__ import annotations

import datetime as _dt
import enum
import re

__all__ = ["CONTROLS", "plain", "printable"]

CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
"""The characters a terminal acts on rather than shows: C0 controls (ESC, BEL, a line end...),
DEL, C1 controls (such as CSI, U+009B) and the marks and overrides of the Unicode
bidirectional algorithm (U+202E turns the text after it around); and lone surrogates, which
stand for the bytes of a file name that is not UTF-8 (``caf\\udce9.json``) and would be
written as those bytes, or not at all."""


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str) -> str:
    """``text`` with each of :data:`CONTROLS` written as an escape (``\\x1b``, ``\\u202e``),
    so that text from a data file, printed on a terminal, can neither move the cursor, clear
    the screen, set the window title nor hide what follows. Printable text comes back as is;
    the escapes themselves are printable, so escaping twice changes nothing.

    >>> printable("Evil\x1b[2J")
    'Evil\\x1b[2J'
    """
    return CONTROLS.sub(_escape, text)


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
