"""Regular expressions compiled on first use, so that importing apmbc stays cheap."""

from __future__ import annotations

import re
from typing import Any, cast

__all__ = ["lazy_compile"]

_METHODS = ("match", "fullmatch", "search", "finditer", "findall", "sub", "subn", "split")


class _LazyPattern:
    """Stands for ``re.compile(pattern, flags)`` and compiles it when first used."""

    def __init__(self, pattern: str, flags: int) -> None:
        self._source = (pattern, flags)

    def __getattr__(self, name: str) -> Any:
        compiled = re.compile(*self._source)
        for method in _METHODS:  # later calls find them without coming here
            setattr(self, method, getattr(compiled, method))
        self.__dict__["pattern"] = compiled.pattern
        self.__dict__["groupindex"] = compiled.groupindex
        self.__dict__["flags"] = compiled.flags
        return getattr(compiled, name)


def lazy_compile(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, done when the pattern is first used."""
    return cast("re.Pattern[str]", _LazyPattern(pattern, flags))
