"""The ranked name index behind State and meeting lookups (names folded by the domain)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Generic, TypeVar

from apmbc.domain.names import fold

__all__ = ["NameIndex"]

R = TypeVar("R")


class NameIndex(Generic[R]):
    """Records indexed by every name they answer to; exact, prefix, substring, then fuzzy."""

    def __init__(self, records: Iterable[R], names: Callable[[R], Iterable[str]]) -> None:
        self._exact: dict[str, R] = {}
        self._by_norm: dict[str, R] = {}
        self._labels: list[tuple[str, R]] = []
        for record in records:
            for name in names(record):
                if not name:
                    continue
                self._exact.setdefault(name, record)
                key = fold(name)
                if key and key not in self._by_norm:
                    self._by_norm[key] = record
                    self._labels.append((key, record))

    def get(self, key: str) -> R | None:
        """The record whose name is ``key`` (after folding), or ``None``."""
        found = self._exact.get(key)
        if found is not None:
            return found
        return self._by_norm.get(fold(key))

    def resolve(self, key: str) -> R | None:
        """Like :meth:`get`, but also accepts an unambiguous prefix of four characters or more.

        A prefix never ends inside a number: ``COW 25`` is not a prefix of ``COW 255``, nor
        ``IM-202`` of ``IM-2023`` (a code is given whole or not at all).
        """
        found = self.get(key)
        if found is not None:
            return found
        query = fold(key)
        if len(query) < 4:
            return None
        cut = len(query)
        in_number = query[-1].isdigit()
        matches = {
            id(r): r
            for label, r in self._labels
            if label.startswith(query) and not (in_number and label[cut : cut + 1].isdigit())
        }
        return next(iter(matches.values())) if len(matches) == 1 else None

    def search(self, text: str, limit: int | None = 10) -> list[R]:
        """Records ranked exact, then prefix, then substring, then fuzzy; each once."""
        query = fold(text)
        if not query:
            return []
        ranked: list[tuple[int, float, int, R]] = []
        seen: set[int] = set()
        for order, (label, record) in enumerate(self._labels):
            if label == query:
                rank = 0
            elif label.startswith(query):
                rank = 1
            elif query in label:
                rank = 2
            else:
                continue
            ranked.append((rank, 0.0, order, record))
        fuzzy = self._fuzzy(query, cutoff=0.6)
        for order, (score, record) in enumerate(fuzzy):
            ranked.append((3, -score, order, record))
        ranked.sort(key=lambda item: (item[0], item[1], item[2]))
        out: list[R] = []
        for _, _, _, record in ranked:
            if id(record) in seen:
                continue
            seen.add(id(record))
            out.append(record)
            if limit is not None and len(out) >= limit:
                break
        return out

    def _fuzzy(self, query: str, cutoff: float) -> list[tuple[float, R]]:
        import difflib  # only when a fuzzy match is needed

        scored: list[tuple[float, R]] = []
        matcher = difflib.SequenceMatcher()
        matcher.set_seq2(query)
        for label, record in self._labels:
            matcher.set_seq1(label)
            if matcher.real_quick_ratio() < cutoff or matcher.quick_ratio() < cutoff:
                continue
            score = matcher.ratio()
            if score >= cutoff:
                scored.append((score, record))
        scored.sort(key=lambda item: -item[0])
        return scored
