"""The one file layer: every reader of apmbc gets its text here, every writer writes through here.

Reading (:func:`read_text`, :func:`open_text`): UTF-8, with or without a byte order mark;
anything else (UTF-16 or UTF-32, with or without a byte order mark, Latin-1, Windows-1252, binary
data) is a :class:`~apmbc.errors.ParseError` that names the file, says what it found (and where:
the line and column of the first bad byte) and asks for UTF-8. Every reader has a size cap
(``max_bytes``): a larger file, ``/dev/zero`` or an endless stream ends in a ``ParseError``
rather than in exhausted memory.

Writing (:func:`write_atomic`, :func:`atomic_writer`), one rule for every writer:

- a regular file (new or existing) is replaced atomically: the data goes to a temporary file in
  the same folder, is flushed to disk (``fsync``) and renamed over the target, so that a reader
  sees the old file or the new one, never half of one; on any failure (a full disk, Ctrl-C,
  SIGTERM in the command line) the temporary file is removed and the old file is untouched;
- a new file gets the mode ``open(path, "w")`` would give it under the current umask (0644 under
  umask 022); an overwritten file keeps its mode (a shared 0664 file stays 0664);
- a symbolic link is written through: the file it names is replaced, the link stays;
- a target that exists and is not a regular file (``/dev/null``, ``/dev/stdout``, a FIFO) is
  written to directly, never replaced;
- a target that is a folder or ends with ``/`` is refused; errors are
  :class:`~apmbc.errors.WriteError` (an ``OSError``) naming the target, never the temporary file.
"""

from __future__ import annotations

import codecs
import contextlib
import hashlib
import io
import os
import re
import secrets
import stat
from collections.abc import Iterator
from typing import IO, BinaryIO

from apmbc.errors import (
    ArgumentError,
    ArgumentTypeError,
    ParseError,
    WriteError,
    shorten,
    shown,
)

__all__ = [
    "MAX_CSV_BYTES",
    "MAX_JSON_BYTES",
    "MAX_LINE_BYTES",
    "MAX_PAGE_BYTES",
    "atomic_writer",
    "check_max_bytes",
    "check_path",
    "decode",
    "file_sha256",
    "no_lone_surrogate",
    "open_text",
    "read_bytes",
    "read_text",
    "write_atomic",
]

MAX_PAGE_BYTES = 64 * 1024 * 1024
"""The largest web page, report or press release read (64 MiB; real ones are under 2 MiB)."""
MAX_JSON_BYTES = 4 * 1024 * 1024 * 1024
"""The largest dataset JSON file read (4 GiB; the bundled data is about 1 MiB, and a dataset
holding every General Assembly roll call since 1946 about 400 MiB)."""
MAX_CSV_BYTES = 8 * 1024 * 1024 * 1024
"""The largest CSV file read (8 GiB; the UN's whole-history voting file is under 800 MiB)."""

_OTHER_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "UTF-32"),
    (codecs.BOM_UTF32_BE, "UTF-32"),
    (codecs.BOM_UTF16_LE, "UTF-16"),
    (codecs.BOM_UTF16_BE, "UTF-16"),
)


def check_path(path: object, what: str = "path") -> str:
    """``path`` as a string; raises :class:`~apmbc.errors.ArgumentTypeError` for anything that
    is not a ``str`` or an ``os.PathLike`` of one (``None``, a number, bytes), and
    :class:`~apmbc.errors.ArgumentError` for a path holding a NUL character (no file has one)."""
    name: object = path
    if isinstance(path, os.PathLike):
        name = os.fspath(path)
    if not isinstance(name, str):
        kind = type(path).__name__
        raise ArgumentTypeError(f"{what} must be a path (str or os.PathLike), not {kind}")
    if "\x00" in name:
        raise ArgumentError(f"{what} {shown(name)} holds a NUL character: no file is named so")
    return name


# -- reading -----------------------------------------------------------------------------------


_CHUNK = 1 << 24
"""Streams (devices, FIFOs, standard input) are read 16 MiB at a time, up to the cap."""


def _too_large(name: str, max_bytes: int, what: str) -> ParseError:
    return ParseError(
        f"larger than {max_bytes:,} bytes, far beyond any real {what} (the limit is the "
        "max_bytes argument)",
        source=name,
    )


def _read_capped(handle: BinaryIO, first: int, max_bytes: int, text: bool) -> bytes | None:
    """Up to ``max_bytes`` bytes of ``handle``; ``None`` when there are more. With ``text``,
    reading stops early at a chunk holding a NUL byte (the caller's decoding refuses it)."""
    chunks: list[bytes] = []
    total = 0
    size = first
    while True:
        chunk = handle.read(min(size, max_bytes + 1 - total))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
        if total > max_bytes:
            return None
        if text and b"\x00" in chunk:
            break
        size = _CHUNK
    return b"".join(chunks)


def read_bytes(path: object, *, max_bytes: int, what: str = "file", text: bool = False) -> bytes:
    """The bytes of the file at ``path``, at most ``max_bytes`` of them.

    Raises :class:`~apmbc.errors.ParseError` naming the file when it cannot be opened or read, is
    a folder, or is larger than ``max_bytes`` (endless streams included). A regular file larger
    than the cap is refused before it is read; a stream (a device, a FIFO, standard input) is
    read in pieces, so that memory never holds more than the cap. With ``text=True`` (the
    caller decodes the bytes as text), a stream stops at the first piece holding a NUL byte,
    so that ``/dev/zero`` ends at once in the decoding error.
    """
    name = check_path(path)
    try:
        with open(name, "rb", buffering=0) as handle:
            info = os.fstat(handle.fileno())
            regular = stat.S_ISREG(info.st_mode)
            if regular and info.st_size > max_bytes:
                raise _too_large(name, max_bytes, what)
            # A regular file's size is known (read it whole, and a little more in case it grew);
            # a stream's is not.
            first = info.st_size + 1 if regular and info.st_size else _CHUNK
            data = _read_capped(handle, first, max_bytes, text)
    except IsADirectoryError:
        raise ParseError(f"is a folder, not a {what}", source=name) from None
    except OSError as exc:
        raise ParseError(f"cannot read the {what}: {exc.strerror or exc}", source=name) from None
    except MemoryError:
        raise ParseError(f"the {what} does not fit in memory", source=name) from None
    if data is None:
        raise _too_large(name, max_bytes, what)
    return data


def check_max_bytes(max_bytes: object) -> int:
    """A reader's ``max_bytes`` argument, checked: a whole number of at least 1."""
    if isinstance(max_bytes, bool) or not isinstance(max_bytes, int):
        raise ArgumentTypeError(f"max_bytes must be a whole number, not {type(max_bytes).__name__}")
    if max_bytes < 1:
        raise ArgumentError(f"max_bytes must be at least 1, not {shown(max_bytes)}")
    return max_bytes


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def no_lone_surrogate(text: str, name: str | None, what: str = "text") -> str:
    """``text``, unless it holds a lone surrogate (half of a UTF-16 pair, which no UTF-8 file
    can hold and no file can be written with): then a :class:`~apmbc.errors.ParseError` with the
    line and column. Text read from a file never holds one; a ``str`` given by a program may."""
    if text.isascii():
        return text
    found = _LONE_SURROGATE.search(text)
    if found is None:
        return text
    at = found.start()
    raise ParseError(
        f"a lone surrogate U+{ord(text[at]):04X} (half of a UTF-16 pair): the {what} is not "
        "Unicode text",
        source=name,
        line=text.count("\n", 0, at) + 1,
        column=at - (text.rfind("\n", 0, at) + 1) + 1,
    )


def file_sha256(path: object, *, max_bytes: int, what: str = "file") -> str:
    """The SHA-256 of the bytes of the file at ``path``, in hexadecimal, read in blocks (memory
    stays flat however large the file).

    Raises :class:`~apmbc.errors.ParseError` naming the file when it cannot be opened or read,
    is a folder, or is larger than ``max_bytes``.
    """
    name = check_path(path)
    digest = hashlib.sha256()
    count = 0
    try:
        with open(name, "rb") as handle:
            while block := handle.read(1 << 20):
                count += len(block)
                if count > max_bytes:
                    raise ParseError(
                        f"larger than {max_bytes:,} bytes, far beyond any real {what}",
                        source=name,
                    )
                digest.update(block)
    except IsADirectoryError:
        raise ParseError(f"is a folder, not a {what}", source=name) from None
    except OSError as exc:
        raise ParseError(f"cannot read the {what}: {exc.strerror or exc}", source=name) from None
    return digest.hexdigest()


def _where(data: bytes, offset: int) -> tuple[int, int]:
    line = data.count(b"\n", 0, offset) + 1
    return line, offset - (data.rfind(b"\n", 0, offset) + 1) + 1


def decode(data: bytes, name: str, what: str = "file") -> str:
    """``data`` decoded as :func:`read_text` decodes files; ``name`` labels errors."""
    _no_other_bom(data[:4], name, what)
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    nul = data.find(b"\x00")
    if nul >= 0:
        line, column = _where(data, nul)
        raise ParseError(
            f"NUL byte: the {what} is binary, or UTF-16 without a byte order mark; "
            "expected UTF-8 text",
            source=name,
            line=line,
            column=column,
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, column = _where(data, exc.start)
        raise ParseError(
            f"not UTF-8: byte 0x{data[exc.start]:02x} ({exc.reason}); save the {what} as UTF-8 "
            "(Latin-1 and Windows-1252 are not read)",
            source=name,
            line=line,
            column=column,
        ) from None


def _no_other_bom(head: bytes, name: str, what: str) -> None:
    for bom, encoding in _OTHER_BOMS:
        if head.startswith(bom):
            raise ParseError(
                f"the {what} is {encoding} text (it starts with a {encoding} byte order mark); "
                "save it as UTF-8",
                source=name,
                line=1,
            )


def read_text(path: object, *, max_bytes: int, what: str = "file") -> str:
    """The text of the file at ``path`` (see the module documentation for the encodings read).

    Raises :class:`~apmbc.errors.ParseError` naming the file (and the line and column of the
    first bad byte) when it cannot be read, is too large, or is not text in those encodings.
    """
    name = check_path(path)
    return decode(read_bytes(name, max_bytes=max_bytes, what=what, text=True), name, what)


MAX_LINE_BYTES = 16 * 1024 * 1024
"""The longest line :func:`open_text` lets a reader see (16 MiB; real CSV rows are under
64 KiB): a longer one (``/dev/zero``, a binary file without line ends) ends in a ``ParseError``
before it fills the memory."""


class _Capped(io.RawIOBase):
    """A binary file that raises ``ParseError`` once more than ``limit`` bytes were read, or a
    line longer than ``max_line`` bytes."""

    def __init__(self, raw: BinaryIO, name: str, limit: int, what: str, max_line: int) -> None:
        super().__init__()
        self._raw = raw
        self._name = name
        self._limit = limit
        self._what = what
        self._max_line = max_line
        self._run = 0  # bytes since the last line end
        self._lines = 0  # line ends passed
        self.count = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        n = self._raw.readinto(buffer)  # type: ignore[attr-defined]
        if n:
            self.count += n
            if self.count > self._limit:
                raise _too_large(self._name, self._limit, self._what)
            chunk = bytes(buffer[:n])
            last = max(chunk.rfind(b"\n"), chunk.rfind(b"\r"))
            if last < 0:
                self._run += n
            else:
                self._lines += chunk.count(b"\n")
                self._run = n - last - 1
            if self._run > self._max_line:
                raise ParseError(
                    f"a line longer than {self._max_line:,} bytes: not a {self._what} (a binary "
                    "file, or one without line ends)",
                    source=self._name,
                    line=self._lines + 1,
                )
        return int(n or 0)

    def close(self) -> None:
        with contextlib.suppress(OSError):
            self._raw.close()
        super().close()


@contextlib.contextmanager
def open_text(
    path: object,
    *,
    max_bytes: int,
    what: str = "file",
    newline: str | None = "",
    max_line: int = MAX_LINE_BYTES,
) -> Iterator[IO[str]]:
    """The file at ``path`` as a text stream, for readers that go line by line.

    Decodes as :func:`read_text` does (a UTF-8 byte order mark is not part of the text). A
    ``UnicodeDecodeError`` raised in the block becomes a located
    :class:`~apmbc.errors.ParseError` (see :func:`decode_error`); reading past ``max_bytes``
    (a regular file larger than that is refused at once) or a line longer than ``max_line``
    bytes raises a ``ParseError``. NUL characters are not checked here: a line reader checks
    them.
    """
    name = check_path(path)
    try:
        raw = open(name, "rb", buffering=0)  # noqa: SIM115 - closed by the wrapper below
    except IsADirectoryError:
        raise ParseError(f"is a folder, not a {what}", source=name) from None
    except OSError as exc:
        raise ParseError(f"cannot read the {what}: {exc.strerror or exc}", source=name) from None
    try:
        info = os.fstat(raw.fileno())
    except OSError as exc:  # pragma: no cover - fstat of an open file does not fail
        raw.close()
        raise ParseError(f"cannot read the {what}: {exc.strerror or exc}", source=name) from None
    if stat.S_ISREG(info.st_mode) and info.st_size > max_bytes:
        raw.close()
        raise _too_large(name, max_bytes, what)
    capped = _Capped(raw, name, max_bytes, what, max_line)
    buffered = io.BufferedReader(capped, buffer_size=1 << 16)
    try:
        _no_other_bom(buffered.peek(4)[:4], name, what)
    except BaseException:
        buffered.close()
        raise
    stream = io.TextIOWrapper(buffered, encoding="utf-8-sig", errors="strict", newline=newline)
    try:
        yield stream
    except UnicodeDecodeError:
        raise decode_error(name, what) from None
    finally:
        stream.close()


def decode_error(path: str, what: str = "file") -> ParseError:
    """The located error for a file whose text does not decode (read again, line by line)."""
    try:
        with open(path, "rb") as raw:
            head = raw.read(4)
            raw.seek(len(codecs.BOM_UTF8) if head.startswith(codecs.BOM_UTF8) else 0)
            for number, line in enumerate(raw, 1):
                try:
                    line.decode("utf-8")
                except UnicodeDecodeError as exc:
                    return ParseError(
                        f"not UTF-8: byte 0x{line[exc.start]:02x} ({exc.reason}); save the "
                        f"{what} as UTF-8",
                        source=path,
                        line=number,
                        column=exc.start + 1,
                    )
    except OSError as exc:  # pragma: no cover - the file vanished while being read
        return ParseError(f"cannot read the {what}: {exc.strerror or exc}", source=path)
    return ParseError(f"not UTF-8 text; save the {what} as UTF-8", source=path)


# -- writing -----------------------------------------------------------------------------------


def _target(path: object) -> str:
    name = check_path(path, "the output")
    if not name:
        raise WriteError("cannot write to an empty path")
    if name.endswith(("/", os.sep)) or os.path.isdir(name):
        raise WriteError(f"cannot write {shorten(name)}: it is a folder or ends with /")
    return name


def _write_error(name: str, exc: OSError) -> WriteError:
    folder = os.path.dirname(name) or "."
    if isinstance(exc, FileNotFoundError) and not os.path.isdir(folder):
        return WriteError(
            f"cannot write {shorten(name)}: the folder {shorten(folder)} does not exist"
        )
    reason = exc.strerror or str(exc)
    return WriteError(f"cannot write {shorten(name)}: {reason}")


@contextlib.contextmanager
def atomic_writer(path: object) -> Iterator[BinaryIO]:
    """A binary stream whose bytes replace the file at ``path`` when the block ends without an
    error (see the module documentation for the rules); nothing changes if it raises."""
    name = _target(path)
    real = os.path.realpath(name) if os.path.islink(name) else name
    try:
        info: os.stat_result | None = os.stat(real)
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise _write_error(name, exc) from None
    if info is not None and not stat.S_ISREG(info.st_mode):
        if stat.S_ISDIR(info.st_mode):
            raise WriteError(f"cannot write {shorten(name)}: it is a folder or ends with /")
        try:  # a device or a FIFO: write to it as it is, never replace it
            handle = open(real, "wb")  # noqa: SIM115 - closed below
        except OSError as exc:
            raise _write_error(name, exc) from None
        with handle:
            try:
                yield handle
                handle.flush()
            except OSError as exc:
                raise _write_error(name, exc) from None
        return
    folder = os.path.dirname(real) or "."
    tmp = os.path.join(folder, f".apmbc-{secrets.token_hex(4)}.tmp")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)  # the umask applies
    except OSError as exc:
        raise _write_error(name, exc) from None
    try:
        if info is not None:
            os.chmod(tmp, stat.S_IMODE(info.st_mode))
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, real)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError) and not isinstance(exc, WriteError):
            raise _write_error(name, exc) from None
        raise


def write_atomic(path: object, data: bytes | str) -> str:
    """Write ``data`` (text is written as UTF-8) to ``path`` by the rules above; returns the
    path written."""
    name = _target(path)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    with atomic_writer(name) as handle:
        handle.write(payload)
    return name
