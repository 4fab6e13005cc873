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


_CARDINAL_UNITS = {
    word: n
    for n, word in enumerate(
        str.split(
            "zero one two three four five six seven eight nine ten eleven twelve thirteen "
            "fourteen fifteen sixteen seventeen eighteen nineteen"
        )
    )
}
_NOTHING = frozenset(("none", "no", "nil", "nought"))
_CARDINAL_TENS = {cardinal_word: tens for tens, (cardinal_word, _) in _TENS.items()}
_FIGURES = lazy_compile(r"[0-9]{1,3}(?:,[0-9]{3})+|[0-9]{1,6}")
_CARDINAL_WORDS = lazy_compile(r"[a-z]+")
_CARDINAL_SPLIT = lazy_compile(r"[\s\-‐‑]+")


def _below_hundred(tokens: list[str], i: int) -> tuple[int, int] | None:
    """A number from 1 to 99 written at ``tokens[i:]`` and the index after it."""
    if i >= len(tokens):
        return None
    word = tokens[i]
    unit = _CARDINAL_UNITS.get(word)
    if unit is not None:
        return (unit, i + 1) if unit else None
    tens = _CARDINAL_TENS.get(word)
    if tens is None:
        return None
    after = _CARDINAL_UNITS.get(tokens[i + 1]) if i + 1 < len(tokens) else None
    if after is not None and 1 <= after <= 9:
        return tens + after, i + 2
    return tens, i + 1


def _below_thousand(tokens: list[str], i: int) -> tuple[int, int] | None:
    """A number from 1 to 999 written at ``tokens[i:]`` and the index after it."""
    if i < len(tokens) and tokens[i] == "a" and tokens[i + 1 : i + 2] == ["hundred"]:
        head: tuple[int, int] | None = (1, i + 1)
    else:
        head = _below_hundred(tokens, i)
    if head is None:
        return None
    value, i = head
    if i < len(tokens) and tokens[i] == "hundred":
        if value > 9:
            return None
        value, i = value * 100, i + 1
        rest_at = i + 1 if i < len(tokens) and tokens[i] == "and" else i
        rest = _below_hundred(tokens, rest_at)
        if rest is not None:
            value, i = value + rest[0], rest[1]
        elif rest_at != i:
            return None  # "one hundred and" with nothing after it
    return value, i


def cardinal(words: str) -> int | None:
    """A cardinal number in figures or English words, else ``None``.

    One reader for the counts of profile pages and reports and the figures of UN tallies ("159
    in favour to none against, with no abstentions"). ``"164"`` and ``"1,250"`` -> 164 and 1250
    (ASCII figures only); ``"Ninety-four"`` -> 94; ``"one hundred and twelve"`` -> 112; ``"a
    hundred"`` -> 100; ``"zero"``, ``"none"``, ``"no"``, ``"nil"`` and ``"nought"`` -> 0. Case,
    hyphens and spaces do not matter. Numbers run from 0 to 999,999; ordinals
    (``"twenty-first"``), mixed forms (``"94 hundred"``) and anything else give ``None``.
    """
    text = words.strip().lower()
    if not text or len(text) > 80:
        return None
    if _FIGURES.fullmatch(text):
        return int(text.replace(",", ""))
    tokens = [t for t in _CARDINAL_SPLIT.split(text) if t]
    if not tokens or not all(_CARDINAL_WORDS.fullmatch(t) for t in tokens):
        return None
    if len(tokens) == 1 and (tokens[0] == "zero" or tokens[0] in _NOTHING):
        return 0
    head = _below_thousand(tokens, 0)
    if head is None:
        return None
    value, i = head
    if i < len(tokens) and tokens[i] == "thousand":
        value, i = value * 1000, i + 1
        rest_at = i + 1 if i < len(tokens) and tokens[i] == "and" else i
        rest = _below_thousand(tokens, rest_at)
        if rest is not None:
            value, i = value + rest[0], rest[1]
        elif rest_at != i:
            return None
    return value if i == len(tokens) else None


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
