"""Numbers as UN and Convention documents write them: ordinals and cardinals in words or figures,
Roman numerals.

>>> ordinal("Seventy-seventh"), ordinal("21st"), ordinal("First")
(77, 21, 1)
>>> cardinal("159"), cardinal("none"), cardinal("one hundred and fifty-nine")
(159, 0, 159)
>>> roman("XXVII")
27
"""

from __future__ import annotations

import re

from apmbc.domain._lazy import lazy_compile

__all__ = ["ORDINAL_PATTERN", "cardinal", "ordinal", "roman"]

_UNITS = str.split("first second third fourth fifth sixth seventh eighth ninth")
_TEENS = str.split(
    "tenth eleventh twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth "
    "nineteenth"
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


_ORDINALS = _ordinal_table()
_NUMERIC_ORDINAL = lazy_compile(r"(\d{1,2})(?:st|nd|rd|th)")

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


_CARDINAL_UNITS = str.split(
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen"
)
_NOTHING = frozenset(("none", "no", "nil", "zero", "nought"))


def _cardinal_table() -> dict[str, int]:
    table = {word: n for n, word in enumerate(_CARDINAL_UNITS, start=1)}
    for tens, (word, _) in _TENS.items():
        table[word] = tens
        for n, unit in enumerate(_CARDINAL_UNITS[:9], start=1):
            table[word + unit] = tens + n
    return table


_CARDINALS = _cardinal_table()
_HUNDRED = lazy_compile(r"(?P<h>[a-z]{1,5})hundred(?:(?:and)?(?P<rest>[a-z]{1,20}))?")


def cardinal(words: str) -> int | None:
    """``"159"`` -> 159, ``"none"`` -> 0, ``"one hundred and fifty-nine"`` -> 159; else ``None``.

    Reads figures (up to four digits) and English number words from zero to 999, as UN texts
    write a tally ("159 in favour to none against, with no abstentions"): ``none``, ``no``,
    ``nil`` and ``zero`` are 0; ``a hundred`` is 100. Case, hyphens, spaces and "and" do not
    matter. Anything else, including a number word inside other text, gives ``None``.
    """
    stripped = words.strip().lower()
    if not stripped or len(stripped) > 60:
        return None
    if stripped.isascii() and stripped.isdigit():
        return int(stripped) if len(stripped) <= 4 else None
    if stripped in _NOTHING:
        return 0
    if any(not ("a" <= ch <= "z" or ch in " -‐‑") for ch in stripped):
        return None
    key = "".join(ch for ch in stripped if "a" <= ch <= "z")
    if key in _CARDINALS:
        return _CARDINALS[key]
    hundred = _HUNDRED.fullmatch(key)
    if hundred is None:
        return None
    head = hundred.group("h")
    count = 1 if head in ("a", "one") else _CARDINALS.get(head, 0)
    if not 1 <= count <= 9:
        return None
    rest = hundred.group("rest")
    if not rest:
        return count * 100
    tail = _CARDINALS.get(rest)
    return None if tail is None else count * 100 + tail


_ROMAN = lazy_compile(r"M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})", re.IGNORECASE)
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
