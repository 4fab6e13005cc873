"""Lossless, canonical JSON: ``load_json`` / ``dump_json`` for datasets and single records.

Canonical output is UTF-8, keys sorted, two-space indent and a trailing newline, so that
``dump_json(load_json(f))`` reproduces a canonical file byte for byte. Writing a file is atomic.
"""

from __future__ import annotations

import io
import json
import os
from typing import IO, Any, cast

from apmbc._structure import json_type
from apmbc.convert import structure, to_dict
from apmbc.dataset import Dataset
from apmbc.errors import ArgumentTypeError, DataValidationError, ParseError, Problem
from apmbc.io._files import MAX_JSON_BYTES, decode, read_bytes, write_atomic
from apmbc.models import Document

__all__ = ["dump_json", "dumps_json", "load_json", "loads_json"]

PathOrFile = str | os.PathLike[str] | IO[str] | IO[bytes]


def _name_of(source: object) -> str:
    if isinstance(source, (str, os.PathLike)):
        return os.fspath(source)
    name = getattr(source, "name", None)
    return name if isinstance(name, str) else "<stream>"


_WHAT = "dataset JSON file"


def _read_bytes(source: PathOrFile) -> bytes:
    if isinstance(source, (str, os.PathLike)):
        return read_bytes(source, max_bytes=MAX_JSON_BYTES, what=_WHAT)
    if not callable(getattr(source, "read", None)):
        raise ArgumentTypeError(f"expected a path or an open file, not {type(source).__name__}")
    data = source.read(MAX_JSON_BYTES + 1)
    if len(data) > MAX_JSON_BYTES:
        raise ParseError(f"larger than {MAX_JSON_BYTES:,} bytes", source=_name_of(source))
    return data.encode("utf-8") if isinstance(data, str) else data


def _decode(data: bytes, name: str) -> str:
    return decode(data, name, _WHAT)


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise _DuplicateKey(key)
        out[key] = value
    return out


class _DuplicateKey(Exception):
    def __init__(self, key: str) -> None:
        self.key = key


def _parse(text: str, name: str) -> Any:
    if not text.strip():
        raise ParseError("empty file: expected a JSON object", source=name, line=1)
    try:
        return json.loads(text, object_pairs_hook=_no_duplicates)
    except _DuplicateKey as dup:
        raise ParseError(f"duplicate key {dup.key!r} in a JSON object", source=name) from None
    except json.JSONDecodeError as exc:
        lines = text.splitlines()
        shown = lines[exc.lineno - 1] if 0 < exc.lineno <= len(lines) else None
        raise ParseError(
            f"invalid JSON: {exc.msg}", source=name, line=exc.lineno, column=exc.colno, text=shown
        ) from None
    except RecursionError:
        raise ParseError("invalid JSON: nested too deeply", source=name) from None
    except ValueError as exc:  # not a JSONDecodeError: an integer of more than 4,300 digits
        reason = str(exc).split(";")[0]
        raise ParseError(f"invalid JSON: {reason}", source=name) from None


def loads_json(text: str | bytes, *, source: str = "<string>") -> Dataset:
    """Read a dataset from JSON text; see :func:`load_json`."""
    decoded = _decode(text, source) if isinstance(text, bytes) else text
    return _dataset_from(_parse(decoded, source), source)


def load_json(source: PathOrFile) -> Dataset:
    """Read a dataset JSON file (the shape of :class:`~apmbc.models.Document`).

    Raises :class:`~apmbc.errors.ParseError` (with the line) for text that is not JSON and
    :class:`~apmbc.errors.DataValidationError` (with the path of every problem, e.g.
    ``states[3].signed``) for JSON that does not fit the model.
    """
    name = _name_of(source)
    return _dataset_from(_parse(_decode(_read_bytes(source), name), name), name)


def _dataset_from(data: Any, name: str) -> Dataset:
    if not isinstance(data, dict):
        kind = json_type(data)
        raise DataValidationError([Problem("", f"expected a JSON object, got {kind}")], source=name)
    return Dataset.from_document(structure(data, Document, source=name))


def dumps_json(obj: Dataset | object) -> str:
    """The canonical JSON text of a dataset, a document or any model."""
    if isinstance(obj, Dataset):
        obj = obj.to_document()
    return json.dumps(to_dict(obj), sort_keys=True, indent=2, ensure_ascii=False) + "\n"


def dump_json(obj: Dataset | object, target: PathOrFile) -> None:
    """Write ``obj`` as canonical JSON to a path (atomically) or to an open file."""
    text = dumps_json(obj)
    if isinstance(target, (str, os.PathLike)):
        write_atomic(target, text.encode("utf-8"))
    elif isinstance(target, (io.RawIOBase, io.BufferedIOBase)) or "b" in getattr(
        target, "mode", ""
    ):
        cast("IO[bytes]", target).write(text.encode("utf-8"))
    else:
        cast("IO[str]", target).write(text)
