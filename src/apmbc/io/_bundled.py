"""The dataset in use: ``load()`` gives the bundled data, or a dataset JSON file in its place.

The bundled data (:func:`bundled`) is read once per process, thread-safely: its metadata first,
then each table (States, meetings, resolutions, votes, attendances, statements) from its file
when it is first used, once, so that a script pays only for the tables it touches. The per-State
votes are kept as compact CSV rows.

``load(path)`` reads a dataset JSON file instead, and ``load()`` does so for the file the
environment variable ``APMBC_DATA`` names (:data:`DATA_ENV`, read at each call), so that a
dataset updated after the release is the one every script and the command line use.
"""

from __future__ import annotations

import json
import os
import threading
from typing import Any

from apmbc.convert import structure
from apmbc.dataset import Dataset
from apmbc.errors import DataValidationError, ParseError
from apmbc.models import (
    Attendance,
    Forum,
    Meeting,
    Metadata,
    Resolution,
    Source,
    State,
    Statement,
    Vote,
    VotePosition,
)

__all__ = ["DATA_ENV", "DATA_VERSION", "bundled", "data_path", "load"]

DATA_ENV = "APMBC_DATA"
"""The environment variable that names a dataset JSON file for :func:`load` and the command line
to use instead of the bundled data."""

_LOCK = threading.Lock()
_CACHE: Dataset | None = None
_FILE_LOCK = threading.Lock()
_FILE_CACHE: tuple[tuple[str, int, int, int, int], Dataset] | None = None
"""The dataset file read last: its resolved path, device, inode, size and modification time
(nanoseconds) when it was read, and the dataset."""
# The data files sit in the package's data/ folder (wheels are installed
# unzipped). Reading them with open() rather than importlib.resources saves about 5 ms of imports
# on every load(), a fifth of the load budget.
_DATA = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "data")


def _text(name: str) -> str:
    with open(os.path.join(_DATA, name), encoding="utf-8") as handle:
        return handle.read()


def _json(name: str, cls: Any) -> Any:
    return structure(json.loads(_text(name)), cls, source=f"apmbc/data/{name}")


def _votes() -> tuple[Vote, ...]:
    import csv  # only when the votes are first asked for

    sources = _json("vote-sources.json", tuple[tuple[Source, ...], ...])
    symbols = {(r.session, r.forum): r.symbol for r in bundled().resolutions if r.convention}
    forums = {f.value: f for f in Forum}
    positions = {p.value: p for p in VotePosition}
    rows = csv.reader(_text("votes.csv").splitlines())
    next(rows)
    out = []
    for session_text, forum_text, state, position, recorded, source in rows:
        session = int(session_text)
        forum = forums[forum_text]
        out.append(
            Vote(
                state=state,
                session=session,
                forum=forum,
                position=positions[position],
                resolution=symbols.get((session, forum)),
                recorded_name=recorded or None,
                sources=sources[int(source)],
            )
        )
    return tuple(out)


def _read() -> Dataset:
    return Dataset(
        metadata=_json("metadata.json", Metadata),
        states=lambda: _json("states.json", tuple[State, ...]),
        meetings=lambda: _json("meetings.json", tuple[Meeting, ...]),
        resolutions=lambda: _json("resolutions.json", tuple[Resolution, ...]),
        votes=_votes,
        attendances=lambda: _json("attendances.json", tuple[Attendance, ...]),
        statements=lambda: _json("statements.json", tuple[Statement, ...]),
    )


def bundled() -> Dataset:
    """The bundled dataset, whatever ``APMBC_DATA`` says: every State, meeting, resolution,
    vote, attendance and statement shipped with this package.

    Read from the package data on the first call, then cached for the life of the process; safe
    to call from several threads. The returned :class:`~apmbc.dataset.Dataset` is immutable.
    """
    global _CACHE
    cached = _CACHE
    if cached is None:
        with _LOCK:
            if _CACHE is None:
                _CACHE = _read()
            cached = _CACHE
    return cached


def data_path() -> str | None:
    """The dataset file :func:`load` reads instead of the bundled data: the one the environment
    variable ``APMBC_DATA`` names now, or ``None`` when it is unset or empty."""
    return os.environ.get(DATA_ENV) or None


def _file_key(name: str) -> tuple[str, int, int, int, int] | None:
    real = os.path.realpath(name)
    try:
        info = os.stat(real)
    except OSError:
        return None  # load_json says what is wrong
    return (real, info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns)


def _read_file(name: str) -> Dataset:
    global _FILE_CACHE
    from apmbc.io.jsonfile import load_json

    key = _file_key(name)
    with _FILE_LOCK:
        cached = _FILE_CACHE
        if key is not None and cached is not None and cached[0] == key:
            return cached[1]
        ds = load_json(name)
        if key is not None:
            _FILE_CACHE = (key, ds)
        return ds


def _named_by_env(exc: ParseError | DataValidationError, name: str) -> Exception:
    where = f"{DATA_ENV}={name}"
    if isinstance(exc, ParseError):
        return ParseError(
            exc.message, source=where, line=exc.line, column=exc.column, text=exc.text
        )
    return DataValidationError(exc.problems, source=where)


def load(path: str | os.PathLike[str] | None = None) -> Dataset:
    """The dataset in use: every State, meeting, resolution, vote, attendance and statement.

    - ``load()``: the bundled data (:func:`bundled`), read once and cached for the life of the
      process; or, when the environment variable ``APMBC_DATA`` names a dataset JSON file (it is
      read at each call), that file.
    - ``load(path)``: the dataset JSON file at ``path``, whatever ``APMBC_DATA`` says (as
      :func:`~apmbc.io.jsonfile.load_json` reads it).

    The dataset file read last is kept: a later call for the same file returns the same dataset
    as long as the file is unchanged (same inode, size and modification time); a changed file is
    read again. A file that cannot be read or is not a valid dataset raises the error
    ``load_json`` raises (:class:`~apmbc.errors.ParseError` or
    :class:`~apmbc.errors.DataValidationError`); for the file ``APMBC_DATA`` names, its source
    reads ``APMBC_DATA=<path>``, so that the message names the variable and the file. There is
    never a silent fallback to the bundled data. Safe to call from several threads; the
    returned :class:`~apmbc.dataset.Dataset` is immutable.
    """
    if path is not None:
        from apmbc.io._files import check_path  # not imported for the bundled data

        return _read_file(check_path(path))
    named = data_path()
    if named is None:
        return bundled()
    try:
        return _read_file(named)
    except (ParseError, DataValidationError) as exc:
        raise _named_by_env(exc, named) from exc


DATA_VERSION: str = json.loads(_text("metadata.json"))["data_version"]
"""The version of the bundled data (``YYYY.MM.DD`` of its as-of date, plus a suffix if reissued)."""
