"""Whether a text looks like a final report, for ``apmbc validate`` to choose its reader."""

from __future__ import annotations

import re

from apmbc.domain.meetings import CONVENTION_SYMBOL_PATTERN

__all__ = ["PROBE", "looks_like_final_report"]

PROBE = 200_000
"""A report is recognised within this many leading characters."""

_SYMBOL = re.compile(CONVENTION_SYMBOL_PATTERN, re.IGNORECASE)
_FINAL_REPORT = re.compile(r"\bfinal\s+report\b", re.IGNORECASE)
_LIST = re.compile(
    r"\bfollowing\s+States\s+(?:Parties|not\s+part(?:y|ies)\b)[^:]{0,300}?"
    r"(?:participated|took\s+part|attended)",
    re.IGNORECASE,
)


def looks_like_final_report(text: str) -> bool:
    """Whether ``text`` reads as a meeting's final report within its first :data:`PROBE`
    characters: a list of participating States Parties or States not parties, or a Convention
    meeting's symbol (``APLC/MSP.21/2023/...``, ``APLC/CONF/2024/...``) with the words "final
    report" (a profile page may cite a symbol, but it lists meetings, not States)."""
    if _LIST.search(text, 0, PROBE) is not None:
        return True
    return (
        _SYMBOL.search(text, 0, PROBE) is not None
        and _FINAL_REPORT.search(text, 0, PROBE) is not None
    )
