"""Where in a JSON text a fault is: the line, the column and the field path.

``json.loads`` says where a syntax error is, but not where a duplicate key, a nesting too deep
for the parser or an integer too long for Python is. When it raises one of those, the text is
scanned again here, token by token, keeping the path of containers and keys, until the fault is
met. Only texts already refused are scanned, so the speed of this pure-Python scan never slows
a good load.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterator
from typing import Any

import attrs

from apmbc.errors import shown

__all__ = ["MAX_DEPTH", "Fault", "find_fault", "lone_surrogate", "path_of", "surrogate_paths"]

MAX_DEPTH = 100
"""Containers nested deeper than this are where a "nested too deeply" fault is placed (apmbc's
own data nests six levels deep; Python's parser gives up at about a thousand)."""

_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"?|[{}\[\]:,]|[^"{}\[\]:,\s]+|\s+', re.DOTALL)
_DIGITS = re.compile(r"-?(\d+)")
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


@attrs.frozen
class Fault:
    """A fault met in a JSON text: what, where (1-based line and column) and the field path."""

    message: str
    line: int
    column: int
    path: str


def _line_column(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def path_of(frames: list[list[Any]]) -> str:
    """The field path (``states[3].name``) of the containers in ``frames``."""
    out = ""
    for frame in frames:
        if frame[0] == "[":
            out += f"[{frame[1]}]"
        elif frame[1] is not None:
            out += f".{frame[1]}" if out else str(frame[1])
    return out


def _int_digits() -> int:
    get = getattr(sys, "get_int_max_str_digits", None)
    return int(get()) if get is not None else 0


def find_fault(text: str, *, duplicate: str | None = None) -> Fault | None:
    """The first duplicate key (``duplicate``: the key the parser met twice, or any), nesting
    deeper than :data:`MAX_DEPTH` or integer longer than Python reads, in text order."""
    max_digits = _int_digits()
    # Each frame: ["{", current key, awaiting a key, keys seen] or ["[", index].
    frames: list[list[Any]] = []
    for match in _TOKEN.finditer(text):
        token = match.group()
        first = token[0]
        if first.isspace():
            continue
        top = frames[-1] if frames else None
        if first in "{[":
            if top is not None and top[0] == "{":
                top[2] = False
            if len(frames) >= MAX_DEPTH:
                line, column = _line_column(text, match.start())
                return Fault(
                    f"nested too deeply (more than {MAX_DEPTH} levels)",
                    line,
                    column,
                    path_of(frames),
                )
            frames.append(["{", None, True, set()] if first == "{" else ["[", 0])
        elif first in "}]":
            if frames:
                frames.pop()
        elif first == ",":
            if top is not None:
                if top[0] == "[":
                    top[1] += 1
                else:
                    top[2] = True
        elif first == ":":
            if top is not None and top[0] == "{":
                top[2] = False
        elif first == '"' and top is not None and top[0] == "{" and top[2]:
            try:
                key = json.loads(token)
            except ValueError:
                return None  # a broken string: the parser reports it itself
            if key in top[3] and (duplicate is None or key == duplicate):
                line, column = _line_column(text, match.start())
                top[1] = key
                return Fault(
                    f"duplicate key {shown(key)} in a JSON object", line, column, path_of(frames)
                )
            top[3].add(key)
            top[1] = key
        elif max_digits and first not in '"':
            digits = _DIGITS.match(token)
            if digits is not None and len(digits.group(1)) > max_digits:
                line, column = _line_column(text, match.start())
                return Fault(
                    f"an integer of {len(digits.group(1)):,} digits (Python reads at most "
                    f"{max_digits:,})",
                    line,
                    column,
                    path_of(frames),
                )
    return None


def surrogate_paths(text: str, data: object, limit: int = 20) -> list[tuple[str, str]]:
    """The field paths of the strings in ``data`` (parsed from ``text``) that hold a lone
    surrogate (``"\\udcff"``: half of a UTF-16 pair, which no UTF-8 file can hold), each with
    the code point; empty, without a walk, when ``text`` escapes no surrogate at all."""
    if _SURROGATE_ESCAPE.search(text) is None:
        return []
    return list(_walk_surrogates(data, "", limit))


_LONE = re.compile("[\ud800-\udfff]")


def lone_surrogate(text: str) -> int:
    """The offset of the first lone surrogate in ``text``, or ``-1``."""
    if text.isascii():
        return -1
    found = _LONE.search(text)
    return -1 if found is None else found.start()


def _walk_surrogates(value: object, path: str, limit: int) -> Iterator[tuple[str, str]]:
    found = 0
    stack: list[tuple[str, object]] = [(path, value)]
    while stack and found < limit:
        where, item = stack.pop()
        if isinstance(item, str):
            at = lone_surrogate(item)
            if at >= 0:
                found += 1
                yield where, f"U+{ord(item[at]):04X}"
        elif isinstance(item, dict):
            children: list[tuple[str, object]] = []
            for key, child in item.items():
                at = lone_surrogate(key)
                label = key if at < 0 else ascii(key)
                sub = f"{where}.{label}" if where else label
                if at >= 0:
                    found += 1
                    yield sub, f"U+{ord(key[at]):04X}"
                children.append((sub, child))
            stack.extend(reversed(children))
        elif isinstance(item, list):
            stack.extend(reversed([(f"{where}[{i}]", child) for i, child in enumerate(item)]))
