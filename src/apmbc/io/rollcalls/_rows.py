"""The rows of a CSV file, streamed, each with the line it starts on.

``csv.field_size_limit`` is never changed (it is process-wide): a cell longer than the current
limit (131,072 characters unless the program changed it) is a :class:`~apmbc.errors.ParseError`,
and so is a physical line longer than :data:`MAX_LINE_CHARS` or one holding a NUL character, so
that a huge or binary file ends quickly in an error rather than in exhausted memory.
"""

from __future__ import annotations

import csv
import itertools
from collections.abc import Iterator
from typing import IO

from apmbc.errors import ParseError

__all__ = ["MAX_LINE_CHARS", "Rows"]

MAX_LINE_CHARS = 1 << 20
"""The longest physical line read (1 MiB); real roll-call rows are under 4 KiB."""


class Rows:
    """The records of a CSV stream: iterate for ``(line, cells)``; blank lines are skipped.

    ``line`` is the physical line a record starts on (a quoted cell may span lines). One
    iterator: a loop that stops early (after the header) and the next loop go on in one stream.
    Cells are separated by commas, or by tabs when the first line that is not blank holds more
    tabs than commas (the ``.tab`` files Harvard Dataverse offers).
    """

    def __init__(self, handle: IO[str], source: str, what: str) -> None:
        self._handle = handle
        self.source = source
        self.what = what
        self.delimiter = ","
        self._records = self._read()

    def _refuse(self, line: int, text: str) -> ParseError:
        nul = text.find("\x00")
        if nul >= 0:
            return ParseError(
                "NUL character: the file is binary, or UTF-16 without a byte order mark; "
                "expected UTF-8 text",
                source=self.source,
                line=line,
                column=nul + 1,
            )
        return ParseError(
            f"a line longer than {MAX_LINE_CHARS:,} characters: not {self.what}",
            source=self.source,
            line=line,
            text=text[:60],
        )

    def _lines(self) -> Iterator[str]:
        limit = MAX_LINE_CHARS
        for line, text in enumerate(self._handle, 1):
            if len(text) > limit or "\x00" in text:
                raise self._refuse(line, text)
            yield text

    def _csv_error(self, exc: csv.Error, start: int) -> ParseError:
        message = str(exc)
        if "field larger than field limit" in message:
            limit = csv.field_size_limit()
            message = (
                f"a cell longer than {limit:,} characters (a quote left open, or not {self.what})"
            )
        elif "unexpected end of data" in message:
            message = f"a quote opened on line {start} is never closed"
        elif "expected after" in message:
            message = f"malformed CSV: {message} (text after the closing quote of a quoted cell)"
        else:
            message = f"malformed CSV: {message}"
        return ParseError(message, source=self.source, line=start)

    def __iter__(self) -> Iterator[tuple[int, list[str]]]:
        return self._records

    def _read(self) -> Iterator[tuple[int, list[str]]]:
        lines = self._lines()
        head: list[str] = []
        for text in lines:
            head.append(text)
            if text.strip():
                if text.count("\t") > text.count(","):
                    self.delimiter = "\t"
                break
        records = itertools.chain(head, lines)
        reader = csv.reader(records, delimiter=self.delimiter, strict=True)
        end = 0
        try:
            for row in reader:
                start, end = end + 1, reader.line_num
                if row and (len(row) > 1 or row[0].strip()):
                    yield start, row
        except csv.Error as exc:
            raise self._csv_error(exc, end + 1) from None
