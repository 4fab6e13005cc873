"""State names as the UN prints them in a roll call, resolved against a dataset's States.

Each name is tried in the spellings :func:`~apmbc.domain.names.un_name_variants` gives, in
order, through ``ds.states.get`` (which folds with :func:`~apmbc.domain.names.fold` and knows
aliases and former names). Only a whole name counts: a lookup that succeeds only because the
text is the start of a longer name ("Guinea-" for "Guinea-Bissau") is not taken, and a spelling
that folds to the names of two States is ambiguous. Neither is guessed: both are reported.
"""

from __future__ import annotations

import attrs

from apmbc.dataset import Dataset
from apmbc.domain.names import fold, un_name_variants
from apmbc.models import State

__all__ = ["Resolution", "Resolver"]

_CACHE_LIMIT = 50_000
_CACHED_LENGTH = 200
"""Only names up to this length are cached (no State's name is longer), so that the cache stays
small in memory however long the lines of a hostile text."""
_SUGGESTED = 50
"""Unknown names that get suggestions (a fuzzy search each); later ones are reported without."""


@attrs.frozen
class Resolution:
    """What a name resolves to: a State code, or why not (``reason``), with suggestions."""

    code: str | None
    reason: str | None = None
    suggestions: tuple[str, ...] = ()


def _names(state: State) -> list[str]:
    return [state.code, state.alpha2 or "", state.name, *state.aliases, *state.former_names]


class Resolver:
    """Resolves names against one dataset's States, each distinct name once."""

    def __init__(self, ds: Dataset) -> None:
        self.ds = ds
        self._cache: dict[str, Resolution] = {}
        self._owners: dict[str, set[str]] | None = None
        self._suggested = 0

    def _owners_of(self, key: str) -> set[str]:
        owners = self._owners
        if owners is None:
            owners = {}
            for state in self.ds.states:
                for name in _names(state):
                    folded = fold(name)
                    if folded:
                        owners.setdefault(folded, set()).add(state.code)
            self._owners = owners
        return owners.get(key, set())

    def resolve(self, name: str) -> Resolution:
        """The State ``name`` names, or the reason it names none (unknown or ambiguous)."""
        found = self._cache.get(name)
        if found is None:
            found = self._resolve(name)
            if len(name) <= _CACHED_LENGTH:
                if len(self._cache) >= _CACHE_LIMIT:
                    self._cache.clear()
                self._cache[name] = found
        return found

    def _resolve(self, name: str) -> Resolution:
        for variant in un_name_variants(name):
            key = fold(variant)
            if not key:
                continue
            owners = self._owners_of(key)
            if len(owners) > 1:
                return Resolution(
                    None,
                    f"names more than one State ({', '.join(sorted(owners))})",
                    tuple(sorted(owners)),
                )
            state = self.ds.states.get(variant)
            if state is not None and state.code in owners:
                return Resolution(state.code)
        suggestions: tuple[str, ...] = ()
        if self._suggested < _SUGGESTED and len(name) <= 100:
            self._suggested += 1
            suggestions = tuple(s.name for s in self.ds.states.search(name, limit=3))
        return Resolution(None, "names no State of the dataset", suggestions)
