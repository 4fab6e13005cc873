"""The one fold of names and labels: how apmbc decides that two spellings are the same name.

>>> fold("  Côte d'Ivoire ") == fold("COTE D'IVOIRE")
True
>>> fold("The Gambia") == fold("Gambia")
True
>>> fold("TOTAL VOTES") == fold("total_votes")
True
>>> un_name_variants("Iran (Islamic Republic of)")
['Iran (Islamic Republic of)', 'Islamic Republic of Iran', 'Iran']
"""

from __future__ import annotations

import functools
import re
import unicodedata

from apmbc.domain._lazy import lazy_compile

__all__ = ["collapse_spaces", "fold", "un_name_variants"]

_THE = lazy_compile(r"^the\s+")
_CACHED_LENGTH = 200
"""Only names up to this length are cached, so that the cache stays small in memory."""


_NOT_ASCII_ALNUM = lazy_compile(r"[^0-9a-z]+")


@functools.lru_cache(maxsize=4096)
def _fold(text: str) -> str:
    if text.isascii():
        # The same fold, done by C loops: an ASCII text has no accents to strip, its casefold is
        # its lower case, and its letters and digits are [0-9a-z] once lowered.
        lowered = _THE.sub("", text.lower().strip().replace("&", " and "))
        return _NOT_ASCII_ALNUM.sub("", lowered)
    return _fold_unicode(text)


def _fold_unicode(text: str) -> str:
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


# The formal styles the UN prints in brackets after a State's short name ("Iran (Islamic Republic
# of)") or after a comma ("Korea, Republic of", "Gambia, The") that leave the short name naming
# the same State. "Democratic Republic of the" is not one: "Congo (Democratic Republic of the)" is
# not "Congo".
_STYLES = frozenset(
    (
        "bolivarian republic of",
        "commonwealth of",
        "federated states of",
        "islamic republic of",
        "kingdom of",
        "kingdom of the",
        "plurinational state of",
        "principality of",
        "republic of",
        "republic of the",
        "state of",
        "sultanate of",
        "the",
        "united republic of",
    )
)
_BRACKETED = lazy_compile(r"(?P<base>[^()]{1,100}?)\s*\((?P<style>[^()]{1,60})\)")
_INVERTED = lazy_compile(
    r"(?P<base>[^,()]{1,100}?)\s*,\s*(?P<style>[^,()]{1,60}\bof(?:\s+the)?|[Tt]he)"
)
_FRONTABLE = lazy_compile(r"(?:.*\bof(?:\s+the)?|the)", re.IGNORECASE)
_SAINT = lazy_compile(r"St\.?\s+(?=[A-Z])")


def un_name_variants(name: str) -> list[str]:
    """The spellings of a State's name to try, in order, when looking it up as the UN prints it.

    First the name itself (spaces collapsed); then, for the UN's inverted forms "Iran (Islamic
    Republic of)", "Korea, Republic of" and "Gambia, The", the name in reading order ("Islamic
    Republic of Iran", "Republic of Korea", "The Gambia"); then the short name alone ("Iran"),
    but only where the qualifier is a formal style that leaves the short name naming the same
    State: "Congo (Democratic Republic of the)" gives "Democratic Republic of the Congo" and never
    "Congo". "St. Lucia" also gives "Saint Lucia". A comma inside a name ("Bonaire, Sint
    Eustatius and Saba") is left alone. Each variant comes once; an empty name gives an empty
    list. The caller looks the variants up in turn and takes the first that names a State;
    nothing here knows States.

    >>> un_name_variants("Korea, Republic of")
    ['Korea, Republic of', 'Republic of Korea', 'Korea']
    >>> un_name_variants("Congo (Democratic Republic of the)")
    ['Congo (Democratic Republic of the)', 'Democratic Republic of the Congo']
    >>> un_name_variants("Gambia, The")
    ['Gambia, The', 'The Gambia', 'Gambia']
    """
    text = collapse_spaces(name)
    if not text:
        return []
    found: list[str] = [text]
    match = _BRACKETED.fullmatch(text) or _INVERTED.fullmatch(text)
    if match is not None:
        base = match.group("base").strip()
        style = collapse_spaces(match.group("style"))
        if base and style:
            if _FRONTABLE.fullmatch(style):
                found.append(f"{style} {base}")
            if style.lower() in _STYLES:
                found.append(base)
    saint = _SAINT.match(text)
    if saint is not None:
        found.append("Saint " + text[saint.end() :])
    return list(dict.fromkeys(found))
