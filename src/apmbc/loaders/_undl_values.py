"""Cell values of the UN Digital Library voting CSVs: titles, symbols, vote codes, counts."""

from __future__ import annotations

import re

from apmbc.models import Forum, VotePosition

__all__ = [
    "CONVENTION_MARKER",
    "CONVENTION_TITLE",
    "HISTORICAL_CODES",
    "VOTE_CODES",
    "fold",
    "forum_from_symbol",
    "forum_from_text",
    "is_convention_title",
    "normalize_symbol",
    "parse_count",
    "session_from_symbol",
    "vote_position",
]

CONVENTION_TITLE = (
    "Convention on the Prohibition of the Use, Stockpiling, Production and Transfer of "
    "Anti-Personnel Mines and on Their Destruction"
)
"""The Convention's full name, as the annual resolution's title carries it."""

_NOT_ALNUM = re.compile(r"[\W_]+")


def fold(text: str) -> str:
    """``text`` without case, spaces, hyphens or punctuation, for forgiving comparisons."""
    return _NOT_ALNUM.sub("", text.casefold())


CONVENTION_MARKER = "stockpiling"
"""A word every title :func:`is_convention_title` accepts contains, unbroken, in ``lower()``
case; the reader skips lines without it cheaply."""

_CONVENTION_KEY = fold(CONVENTION_TITLE)
# What may stand before the Convention's name: nothing (the 1997 and 1998 texts) or
# "Implementation of (the)".
_ALLOWED_PREFIXES = frozenset({"", "the", "implementationof", "implementationofthe"})


def is_convention_title(title: str) -> bool:
    """Whether ``title`` is the title of the annual resolution on the Convention.

    True for "Implementation of the Convention on the Prohibition of the Use, Stockpiling,
    Production and Transfer of Anti-Personnel Mines and on Their Destruction" and for the same
    title without "Implementation of" (sessions 52 and 53), whatever the case, hyphens or
    spacing, and whatever follows (": resolution / adopted by the General Assembly"). False for
    other landmine texts such as "Contributions towards banning anti-personnel landmines".
    The word "Stockpiling" must be written unbroken (it is in every UN edition).

    >>> is_convention_title("Implementation of the Convention on the Prohibition of the Use, "
    ...     "Stockpiling, Production and Transfer of Antipersonnel Mines and on their Destruction")
    True
    >>> is_convention_title("An international agreement to ban anti-personnel landmines")
    False
    """
    if CONVENTION_MARKER not in title.lower():
        return False
    key = fold(title)
    at = key.find(_CONVENTION_KEY)
    return at >= 0 and key[:at] in _ALLOWED_PREFIXES


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


# "A/RES/55/33[V]", "A/RES/54/54B", "A/RES/54/54 (B)" -> base and section letter.
_RES_SYMBOL = re.compile(
    r"^(A/RES/[A-Z0-9-]+/\d+)\s*(?:\[\s*([A-Z]{1,2})\s*\]|\(\s*([A-Z]{1,2})\s*\)|([A-Z]{1,2}))?$",
    re.IGNORECASE,
)
_SESSION = re.compile(r"^A/(?:RES/|C\.\d/)?(\d{1,3})/", re.IGNORECASE)


def normalize_symbol(raw: str) -> str:
    """A document symbol in the UN's usual spelling: ``A/RES/55/33[V]`` -> ``A/RES/55/33 V``.

    Spaces are collapsed and trimmed; a resolution symbol is upper-cased and its section letter
    put after one space. Other symbols (drafts such as ``A/C.1/79/L.30``) keep their letters.

    >>> normalize_symbol("A/RES/54/54B"), normalize_symbol("A/RES/59/84 ")
    ('A/RES/54/54 B', 'A/RES/59/84')
    """
    text = " ".join(raw.split())
    match = _RES_SYMBOL.match(text)
    if match is None:
        return text
    base, *sections = match.groups()
    section = next((s for s in sections if s), None)
    base = base.upper()
    return f"{base} {section.upper()}" if section else base


def session_from_symbol(symbol: str) -> int | None:
    """The General Assembly session a symbol belongs to (``A/RES/77/63`` -> 77), or ``None``."""
    match = _SESSION.match(symbol)
    return int(match.group(1)) if match else None


_PLENARY = frozenset({"", "plenary", "generalassembly", "ga", "gaplenary", "unga"})
_FIRST_COMMITTEE = frozenset(
    {"firstcommittee", "1stcommittee", "c1", "ac1", "disec", "generalassemblyfirstcommittee"}
)


def forum_from_text(text: str) -> Forum | None:
    """The forum a committee/council cell names (empty means plenary), or ``None`` if another."""
    key = fold(text)
    if key in _PLENARY:
        return Forum.PLENARY
    if key in _FIRST_COMMITTEE:
        return Forum.FIRST_COMMITTEE
    return None


def forum_from_symbol(symbol: str) -> Forum:
    """First Committee for a First Committee document (``A/C.1/...``), plenary otherwise."""
    return Forum.FIRST_COMMITTEE if symbol.upper().startswith("A/C.1/") else Forum.PLENARY


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
