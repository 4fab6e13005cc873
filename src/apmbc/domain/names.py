"""The one fold of names and labels: how apmbc decides that two spellings are the same name.

>>> fold("  Côte d'Ivoire ") == fold("COTE D'IVOIRE")
True
>>> fold("The Gambia") == fold("Gambia")
True
>>> fold("TOTAL VOTES") == fold("total_votes")
True
"""

from __future__ import annotations

import functools
import re
import unicodedata

__all__ = ["collapse_spaces", "fold"]

_THE = re.compile(r"^the\s+")
_CACHED_LENGTH = 200
"""Only names up to this length are cached, so that the cache stays small in memory."""


@functools.lru_cache(maxsize=4096)
def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    stripped = _THE.sub("", stripped.strip().replace("&", " and "))
    return "".join(ch for ch in stripped if ch.isalnum())


def fold(text: str) -> str:
    """``text`` folded for matching: case, accents, punctuation, spacing and a leading "the"
    do not count; ``&`` reads as "and".

    State and meeting lookups, UN column headers, State columns and resolution titles are all
    compared through this one function.
    """
    if len(text) > _CACHED_LENGTH:
        return _fold.__wrapped__(text)
    return _fold(text)


def collapse_spaces(text: str) -> str:
    """Every run of whitespace as one space, none at the ends: how texts are compared."""
    return " ".join(text.split())
