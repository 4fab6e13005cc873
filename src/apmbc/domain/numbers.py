"""Numbers as UN and Convention documents write them: ordinals and counts, Roman numerals.

>>> ordinal("Seventy-seventh"), ordinal("21st"), ordinal("First")
(77, 21, 1)
>>> cardinal("twenty-seven"), cardinal("8"), cardinal("eighth")
(27, 8, None)
>>> roman("XXVII")
27
"""

from __future__ import annotations

import re

__all__ = ["ORDINAL_PATTERN", "cardinal", "ordinal", "roman"]

_UNITS = str.split("first second third fourth fifth sixth seventh eighth ninth")
_TEENS = str.split(
    "tenth eleventh twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth "
    "nineteenth"
)
_CARDINAL_UNITS = str.split("one two three four five six seven eight nine")
_CARDINAL_TEENS = str.split(
    "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen"
)
_TENS = {
    20: ("twenty", "twentieth"),
    30: ("thirty", "thirtieth"),
    40: ("forty", "fortieth"),
    50: ("fifty", "fiftieth"),
    60: ("sixty", "sixtieth"),
    70: ("seventy", "seventieth"),
    80: ("eighty", "eightieth"),
    90: ("ninety", "ninetieth"),
}


def _ordinal_table() -> dict[str, int]:
    table: dict[str, int] = {}
    for n, word in enumerate(_UNITS, start=1):
        table[word] = n
    for n, word in enumerate(_TEENS, start=10):
        table[word] = n
    for tens, (cardinal, ordinal_word) in _TENS.items():
        table[ordinal_word] = tens
        for n, unit in enumerate(_UNITS, start=1):
            table[cardinal + unit] = tens + n
    return table


def _cardinal_table() -> dict[str, int]:
    table: dict[str, int] = {"zero": 0, "none": 0}
    for n, word in enumerate(_CARDINAL_UNITS, start=1):
        table[word] = n
    for n, word in enumerate(_CARDINAL_TEENS, start=10):
        table[word] = n
    for tens, (cardinal_word, _) in _TENS.items():
        table[cardinal_word] = tens
        for n, unit in enumerate(_CARDINAL_UNITS, start=1):
            table[cardinal_word + unit] = tens + n
    return table


_ORDINALS = _ordinal_table()
_CARDINALS = _cardinal_table()
_NUMERIC_ORDINAL = re.compile(r"(\d{1,2})(?:st|nd|rd|th)")

ORDINAL_PATTERN = r"(?:\d{1,2}(?:st|nd|rd|th)|[A-Za-z]{3,12}(?:[-‐‑ ][A-Za-z]{3,12})?)"
"""A regular expression (no groups) for one ordinal: ``21st`` or ``Twenty-first``; check the
match with :func:`ordinal`, since the pattern also matches other words."""


def ordinal(words: str) -> int | None:
    """``"Seventy-seventh"`` -> 77, ``"First"`` -> 1, ``"21st"`` -> 21; ``None`` otherwise.

    Case, hyphens and spaces do not matter (``"twenty first"``). Ordinals run from 1 to 99.
    """
    stripped = words.strip().lower()
    numeric = _NUMERIC_ORDINAL.fullmatch(stripped)
    if numeric is not None:
        value = int(numeric.group(1))
        return value or None
    if len(stripped) > 40:
        return None
    key = "".join(ch for ch in stripped if "a" <= ch <= "z")
    return _ORDINALS.get(key)


_WORD_SEPARATORS = re.compile(r"[-‐‑ ]")


def cardinal(words: str) -> int | None:
    """A count as written: ``"27"`` -> 27, ``"twenty-seven"`` -> 27, ``"eight"`` -> 8,
    ``"none"`` -> 0; ``None`` otherwise (ordinals such as ``"eighth"`` included).

    Case, hyphens and spaces do not matter (``"Twenty seven"``). Words run from zero to
    ninety-nine, figures from 0 to 999.
    """
    stripped = words.strip().lower()
    if stripped.isascii() and stripped.isdigit():
        return int(stripped) if len(stripped) <= 3 else None
    if not stripped or len(stripped) > 40:
        return None
    parts = [p for p in _WORD_SEPARATORS.split(stripped) if p]
    if not all(p.isascii() and p.isalpha() for p in parts):
        return None
    return _CARDINALS.get("".join(parts))


_ROMAN = re.compile(r"M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})", re.IGNORECASE)
_ROMAN_VALUES = {"M": 1000, "D": 500, "C": 100, "L": 50, "X": 10, "V": 5, "I": 1}


def roman(text: str) -> int | None:
    """The value of a Roman numeral in canonical form (``XXVII`` -> 27), else ``None``."""
    numeral = text.strip().upper()
    if not numeral or len(numeral) > 15 or _ROMAN.fullmatch(numeral) is None:
        return None
    total = 0
    for here, after in zip(numeral, [*numeral[1:], ""], strict=True):
        value = _ROMAN_VALUES[here]
        total += -value if after and _ROMAN_VALUES[after] > value else value
    return total
