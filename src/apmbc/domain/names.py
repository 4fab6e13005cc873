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

__all__ = ["collapse_spaces", "fold", "un_name_variants"]

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


_PAREN_FORM = re.compile(r"(?P<base>[^()]{1,80}?)\s*\((?P<qualifier>[^()]{1,80})\)")
_COMMA_FORM = re.compile(r"(?P<base>[^(),]{1,80}?)\s*,\s*(?P<qualifier>[^(),]{1,80})")
_QUALIFIER_OF = re.compile(r".*\bof(?:\s+the)?", re.IGNORECASE)
_ARTICLE = re.compile(r"the", re.IGNORECASE)


def un_name_variants(name: str) -> list[str]:
    """The forms a UN-style State name also takes, the name itself (spaces collapsed) first.

    The UN writes some names with the kind of State after them: ``Iran (Islamic Republic of)``,
    ``Netherlands (Kingdom of the)``, ``Korea, Republic of``, ``Gambia, The``. Other lists write
    ``Islamic Republic of Iran``, ``Kingdom of the Netherlands``, ``Republic of Korea``, ``The
    Gambia``, or the bare ``Iran``. The variants are: the name as given; the qualifier put in
    front (when it ends with "of", "of the" or is "The"); the base name alone, last.

    The base name alone may name another State (``Congo, Democratic Republic of the`` ->
    ``Congo``): a caller should accept it only when it names one State unambiguously. A name
    of any other shape gives a list of one.

    >>> un_name_variants("Korea, Republic of")
    ['Korea, Republic of', 'Republic of Korea', 'Korea']
    >>> un_name_variants("Gambia, The")
    ['Gambia, The', 'The Gambia', 'Gambia']
    >>> un_name_variants("Holy See (Vatican City State)")
    ['Holy See (Vatican City State)', 'Holy See']
    >>> un_name_variants("Canada")
    ['Canada']
    """
    text = collapse_spaces(name)
    variants = [text]
    if len(text) > 170:
        return variants
    match = _PAREN_FORM.fullmatch(text) or _COMMA_FORM.fullmatch(text)
    if match is None:
        return variants
    base = match.group("base").strip()
    qualifier = match.group("qualifier").strip()
    if not base or not qualifier:
        return variants
    if _QUALIFIER_OF.fullmatch(qualifier) or _ARTICLE.fullmatch(qualifier):
        variants.append(f"{qualifier} {base}")
    elif match.re is _COMMA_FORM:
        return variants  # "Bonaire, Sint Eustatius and Saba": a comma inside a name
    variants.append(base)
    return list(dict.fromkeys(variants))
