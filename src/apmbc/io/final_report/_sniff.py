"""Whether a text looks like a final report, for ``apmbc validate`` to choose its reader."""

from __future__ import annotations

import re

from apmbc.domain.meetings import CONVENTION_SYMBOL_PATTERN

__all__ = ["PROBE", "looks_like_final_report"]

PROBE = 200_000
"""A report is recognised within this many leading characters."""

_HINT = re.compile(
    rf"{CONVENTION_SYMBOL_PATTERN}"
    r"|\bfollowing\s+States\s+(?:Parties|not\s+part(?:y|ies)\b)[^:]{0,300}?"
    r"(?:participated|took\s+part|attended)",
    re.IGNORECASE,
)


def looks_like_final_report(text: str) -> bool:
    """Whether ``text`` carries a Convention meeting's symbol (``APLC/MSP.21/2023/...``,
    ``APLC/CONF/2024/...``) or a list of participating States Parties or States not parties
    within its first :data:`PROBE` characters."""
    return _HINT.search(text, 0, PROBE) is not None
