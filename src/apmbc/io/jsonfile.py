"""Lossless, canonical JSON: ``load_json`` / ``dump_json`` for datasets and single records.

Canonical output is UTF-8, keys sorted, two-space indent and a trailing newline, so that
``dump_json(load_json(f))`` reproduces a canonical file byte for byte. Writing a file is atomic.
"""

from __future__ import annotations

import io
import json
import os
from typing import IO, Any, cast

import attrs

from apmbc._structure import json_type
from apmbc.convert import structure, to_dict
from apmbc.dataset import Dataset
from apmbc.errors import (
    ApmbcError,
    ArgumentTypeError,
    DataValidationError,
    ParseError,
    Problem,
    WriteError,
)
from apmbc.io._files import (
    MAX_JSON_BYTES,
    check_max_bytes,
    decode,
    no_lone_surrogate,
    read_bytes,
    write_atomic,
)
from apmbc.io._jsonscan import find_fault, lone_surrogate, surrogate_paths
from apmbc.models import Document

__all__ = ["dump_json", "dumps_json", "load_json", "loads_json"]

PathOrFile = str | os.PathLike[str] | IO[str] | IO[bytes]


def _name_of(source: object) -> str:
    if isinstance(source, (str, os.PathLike)):
        return os.fspath(source)
    name = getattr(source, "name", None)
    return name if isinstance(name, str) else "<stream>"


_WHAT = "dataset JSON file"


def _read_bytes(source: PathOrFile, max_bytes: int) -> bytes:
    if isinstance(source, (str, os.PathLike)):
        return read_bytes(source, max_bytes=max_bytes, what=_WHAT, text=True)
    if isinstance(source, (bytes, bytearray)) or not callable(getattr(source, "read", None)):
        raise ArgumentTypeError(f"expected a path or an open file, not {type(source).__name__}")
    name = _name_of(source)
    try:
        data = source.read(max_bytes + 1)
    except (OSError, ValueError) as exc:  # a write-only or closed stream
        raise ParseError(f"cannot read the stream: {exc}", source=name) from None
    except MemoryError:
        raise ParseError(f"the {_WHAT} does not fit in memory", source=name) from None
    if not isinstance(data, (str, bytes)):
        raise ArgumentTypeError(
            f"the stream's read() gave {type(data).__name__}, not text or bytes"
        )
    if len(data) > max_bytes:
        raise ParseError(
            f"larger than {max_bytes:,} bytes (the limit is the max_bytes argument)", source=name
        )
    if isinstance(data, str):
        no_lone_surrogate(data, name, _WHAT)
        return data.encode("utf-8")
    return data


def _decode(data: bytes, name: str) -> str:
    return decode(data, name, _WHAT)


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out = dict(pairs)
    if len(out) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise _DuplicateKey(key)
            seen.add(key)
    return out


class _DuplicateKey(Exception):
    def __init__(self, key: str) -> None:
        self.key = key


def _located(text: str, name: str, message: str, duplicate: str | None = None) -> ParseError:
    fault = find_fault(text, duplicate=duplicate)
    if fault is None:
        return ParseError(f"invalid JSON: {message}", source=name)
    where = f" (at {fault.path})" if fault.path else ""
    return ParseError(
        f"invalid JSON: {fault.message}{where}", source=name, line=fault.line, column=fault.column
    )


def _parse(text: str, name: str) -> Any:
    if not text.strip():
        raise ParseError("empty file: expected a JSON object", source=name, line=1)
    try:
        data = json.loads(text, object_pairs_hook=_no_duplicates)
    except _DuplicateKey as dup:
        raise _located(text, name, f"duplicate key {dup.key!r}", dup.key) from None
    except json.JSONDecodeError as exc:
        lines = text.splitlines()
        shown = lines[exc.lineno - 1] if 0 < exc.lineno <= len(lines) else None
        raise ParseError(
            f"invalid JSON: {exc.msg}", source=name, line=exc.lineno, column=exc.colno, text=shown
        ) from None
    except RecursionError:
        raise _located(text, name, "nested too deeply") from None
    except ValueError as exc:  # not a JSONDecodeError: an integer of more than 4,300 digits
        raise _located(text, name, str(exc).split(";")[0]) from None
    bad = surrogate_paths(text, data)
    if bad:
        raise DataValidationError(
            [
                Problem(
                    path,
                    f"a lone surrogate {point} (a \\u escape of half a UTF-16 pair): not "
                    "Unicode text",
                )
                for path, point in bad
            ],
            source=name,
        )
    return data


def loads_json(text: str | bytes, *, source: str = "<string>") -> Dataset:
    """Read a dataset from JSON text (``str``, or ``bytes`` of UTF-8); see :func:`load_json`.

    ``source`` names the text in error messages.
    """
    if not isinstance(source, str):
        raise ArgumentTypeError(f"source must be a str, not {type(source).__name__}")
    if isinstance(text, (bytes, bytearray)):
        decoded = _decode(bytes(text), source)
    elif isinstance(text, str):
        no_lone_surrogate(text, source, _WHAT)
        decoded = text
    else:
        raise ArgumentTypeError(
            f"expected the JSON text as str or bytes, not {type(text).__name__} "
            "(use load_json for a path or an open file)"
        )
    return _dataset_from(_parse(decoded, source), source)


def load_json(source: PathOrFile, *, max_bytes: int = MAX_JSON_BYTES) -> Dataset:
    """Read a dataset JSON file (the shape of :class:`~apmbc.models.Document`) from a path or
    an open file (text or binary).

    Raises :class:`~apmbc.errors.ParseError` (with the line and column) for text that is not
    JSON, holds a duplicate key, nests too deeply or holds an integer too long to read, and for
    a file larger than ``max_bytes`` (4 GiB by default: ten times the largest dataset there is;
    ``/dev/zero`` and endless streams end there too); :class:`~apmbc.errors.DataValidationError`
    (with the path of every problem, e.g. ``states[3].signed``) for JSON that does not fit the
    model, a string holding a lone surrogate (``"\\udcff"``) included; and
    :class:`~apmbc.errors.ArgumentTypeError` for a ``source`` that is neither a path nor a file.
    """
    limit = check_max_bytes(max_bytes)
    name = _name_of(source)
    return _dataset_from(_parse(_decode(_read_bytes(source, limit), name), name), name)


def _dataset_from(data: Any, name: str) -> Dataset:
    if not isinstance(data, dict):
        kind = json_type(data)
        raise DataValidationError([Problem("", f"expected a JSON object, got {kind}")], source=name)
    return Dataset.from_document(structure(data, Document, source=name))


def _plain(obj: object) -> Any:
    if isinstance(obj, Dataset):
        obj = obj.to_document()
    is_model = attrs.has(type(obj)) or (
        isinstance(obj, (tuple, list)) and all(attrs.has(type(item)) for item in obj)
    )
    if not is_model:
        raise ArgumentTypeError(
            f"cannot write {type(obj).__name__} as JSON: expected a Dataset, a Document or a "
            "model record (or a list of them)"
        )
    return to_dict(obj)


def dumps_json(obj: Dataset | object) -> str:
    """The canonical JSON text of a dataset, a document or any model (or a list of models).

    Raises :class:`~apmbc.errors.ArgumentTypeError` for anything else and
    :class:`~apmbc.errors.DataValidationError`, naming the field, for a string holding a lone
    surrogate (which no UTF-8 file can hold).
    """
    data = _plain(obj)
    text = json.dumps(data, sort_keys=True, indent=2, ensure_ascii=False) + "\n"
    if lone_surrogate(text) >= 0:
        found = surrogate_paths(json.dumps(data), data)
        raise DataValidationError(
            [Problem(path, f"a lone surrogate {point}: not Unicode text") for path, point in found]
            or [Problem("", "a lone surrogate: not Unicode text")]
        )
    return text


def dump_json(obj: Dataset | object, target: PathOrFile) -> None:
    """Write ``obj`` as canonical JSON to a path (atomically, see :mod:`apmbc.io`) or to an open
    file (text or binary).

    Raises :class:`~apmbc.errors.WriteError` (an ``OSError``) naming the target when it cannot
    be written, :class:`~apmbc.errors.ArgumentTypeError` for a target that is neither a path
    nor a file, and the errors of :func:`dumps_json`.
    """
    if isinstance(target, (str, os.PathLike)):
        write_atomic(target, dumps_json(obj).encode("utf-8"))
        return
    if isinstance(target, (bytes, bytearray)) or not callable(getattr(target, "write", None)):
        raise ArgumentTypeError(
            f"expected a path or an open file to write to, not {type(target).__name__}"
        )
    text = dumps_json(obj)
    try:
        if isinstance(target, (io.RawIOBase, io.BufferedIOBase)) or "b" in getattr(
            target, "mode", ""
        ):
            cast("IO[bytes]", target).write(text.encode("utf-8"))
        else:
            cast("IO[str]", target).write(text)
    except (OSError, ValueError) as exc:  # a full disk, a closed or read-only stream
        if isinstance(exc, ApmbcError):
            raise
        raise WriteError(f"cannot write {_name_of(target)}: {exc}") from None
