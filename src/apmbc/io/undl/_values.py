"""Cell values of the UN Digital Library voting CSVs: vote codes, counts, forums, old codes."""

from __future__ import annotations

import re

from apmbc.domain.names import fold
from apmbc.models import Forum, VotePosition

__all__ = [
    "HISTORICAL_CODES",
    "VOTE_CODES",
    "forum_from_text",
    "is_security_council",
    "parse_count",
    "vote_position",
]

VOTE_CODES: dict[str, VotePosition] = {
    "Y": VotePosition.YES,
    "N": VotePosition.NO,
    "A": VotePosition.ABSTAIN,
    "X": VotePosition.ABSENT,
    "NV": VotePosition.ABSENT,
    "": VotePosition.ABSENT,
}
"""The UN's vote codes: yes, no, abstain; ``X``, ``NV`` or empty for absent or not voting."""


def vote_position(code: str) -> VotePosition | None:
    """The position a vote code stands for (any case, spaces ignored), or ``None``."""
    found = VOTE_CODES.get(code)
    if found is None:
        found = VOTE_CODES.get(code.strip().upper())
    return found


_PLENARY = frozenset({"", "plenary", "generalassembly", "ga", "gaplenary", "unga"})
_FIRST_COMMITTEE = frozenset(
    {"firstcommittee", "1stcommittee", "c1", "ac1", "disec", "generalassemblyfirstcommittee"}
)


_SECURITY_COUNCIL = frozenset({"securitycouncil", "sc", "unsc"})


def forum_from_text(text: str) -> Forum | None:
    """The forum a committee/council cell names (empty means plenary), or ``None`` if another."""
    key = fold(text)
    if key in _PLENARY:
        return Forum.PLENARY
    if key in _FIRST_COMMITTEE:
        return Forum.FIRST_COMMITTEE
    return None


def is_security_council(text: str) -> bool:
    """Whether a council cell names the Security Council (whose votes are not GA votes)."""
    return fold(text) in _SECURITY_COUNCIL


_FLOAT_INT = re.compile(r"^\d+\.0*$")


def parse_count(text: str) -> int | None:
    """A count cell: ``None`` when empty, else a non-negative integer; raises ``ValueError``."""
    stripped = text.strip()
    if not stripped:
        return None
    if stripped.isascii() and stripped.isdigit():
        return int(stripped)
    if stripped.isascii() and _FLOAT_INT.match(stripped):  # "170.0", as spreadsheets export
        return int(stripped.split(".", 1)[0])
    raise ValueError(f"expected a whole number, got {text!r}")


HISTORICAL_CODES: dict[str, str] = {
    "YUG": "SRB",
    "SCG": "SRB",
    "ZAR": "COD",
    "ROM": "ROU",
    "TMP": "TLS",
    "BUR": "MMR",
}
"""Codes the UN's voting files use for States whose code has changed, mapped to today's code.

``YUG`` (the Federal Republic of Yugoslavia, 1992-2003) and ``SCG`` (Serbia and Montenegro,
2003-2006) are Serbia, which continued that UN membership in June 2006."""
