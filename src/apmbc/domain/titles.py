"""The title of the General Assembly's annual resolution on the Convention, and how to know it.

>>> is_convention_title("Implementation of the Convention on the Prohibition of the Use, "
...     "Stockpiling, Production and Transfer of Antipersonnel Mines and on their Destruction")
True
>>> is_convention_title("An international agreement to ban anti-personnel landmines")
False
"""

from __future__ import annotations

from apmbc.domain.names import fold

__all__ = ["CONVENTION_MARKER", "CONVENTION_TITLE", "RESOLUTION_TITLE", "is_convention_title"]

CONVENTION_TITLE = (
    "Convention on the Prohibition of the Use, Stockpiling, Production and Transfer of "
    "Anti-Personnel Mines and on Their Destruction"
)
"""The Convention's full name, as the annual resolution's title carries it."""

RESOLUTION_TITLE = f"Implementation of the {CONVENTION_TITLE}"
"""The annual resolution's title from the 54th session on."""

CONVENTION_MARKER = "stockpiling"
"""A word every title :func:`is_convention_title` accepts contains, unbroken, in ``lower()``
case; a reader can skip lines without it cheaply."""

_CONVENTION_KEY = fold(CONVENTION_TITLE)
# What may stand before the Convention's name: nothing (the 1997 and 1998 texts) or
# "Implementation of (the)"; fold() has already dropped a leading "the".
_ALLOWED_PREFIXES = frozenset({"", "implementationof", "implementationofthe"})


def is_convention_title(title: str) -> bool:
    """Whether ``title`` is the title of the annual resolution on the Convention.

    True for "Implementation of the Convention on the Prohibition of the Use, Stockpiling,
    Production and Transfer of Anti-Personnel Mines and on Their Destruction" and for the same
    title without "Implementation of" (sessions 52 and 53), whatever the case, hyphens, accents
    or spacing, and whatever follows (": resolution / adopted by the General Assembly"). False
    for other landmine texts such as "Contributions towards banning anti-personnel landmines".
    The word "Stockpiling" must be written unbroken (it is in every UN edition).
    """
    if CONVENTION_MARKER not in title.lower():
        return False
    key = fold(title)
    at = key.find(_CONVENTION_KEY)
    return at >= 0 and key[:at] in _ALLOWED_PREFIXES
