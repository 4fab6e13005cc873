"""The exceptions apmbc raises. Each also derives from the built-in it refines."""

from __future__ import annotations

from collections.abc import Sequence

import attrs

__all__ = [
    "ApmbcError",
    "ArgumentError",
    "ArgumentTypeError",
    "BeyondCalendarError",
    "DataValidationError",
    "MissingExtraError",
    "ParseError",
    "Problem",
    "StaleDataWarning",
    "UnknownFormatError",
    "UnknownKeyError",
    "UnknownMeetingError",
    "UnknownResolutionError",
    "UnknownStateError",
    "UnknownTableError",
    "WriteError",
]


_SHOWN = 200
"""The most characters of a value (a key, a path, a bad cell) an error message shows."""


def shown(value: object, limit: int = _SHOWN) -> str:
    """``repr(value)`` for an error message, shortened to about ``limit`` characters: a bad
    argument of a megabyte must not make a message of a megabyte."""
    if isinstance(value, int) and value.bit_length() > 4 * limit:
        return f"<an integer of {value.bit_length():,} bits>"  # repr() would refuse 4,300 digits
    try:
        text = repr(value)
    except Exception:  # a broken __repr__ must not hide the error being reported
        text = f"<{type(value).__name__}>"
    return text if len(text) <= limit else f"{text[: limit // 2]}...{text[-(limit // 2) :]}"


def shorten(text: str, limit: int = _SHOWN * 2) -> str:
    return text if len(text) <= limit else f"{text[: limit // 2]}...{text[-(limit // 2) :]}"


class ApmbcError(Exception):
    """The base of every error apmbc raises on purpose."""


class ArgumentError(ApmbcError, ValueError):
    """An argument whose value is not one apmbc accepts; the message lists what is."""


class ArgumentTypeError(ApmbcError, TypeError):
    """An argument of the wrong type (``None`` or a number where a path or a dataset is due)."""


class BeyondCalendarError(ApmbcError, OverflowError):
    """A date that Article 17 or 20 puts after 9999-12-31, beyond ``datetime.date``."""


class WriteError(ApmbcError, OSError):
    """A file could not be written; the message names the target, and the old file is intact."""


@attrs.frozen
class Problem:
    """One thing wrong with some input: where (a path such as ``states[3].signed``) and what."""

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else self.message


class DataValidationError(ApmbcError, ValueError):
    """Data that does not fit the model; ``problems`` lists each one with its path."""

    def __init__(self, problems: Sequence[Problem], *, source: str | None = None) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        self.source = source
        super().__init__(self._render())

    def _render(self) -> str:
        prefix = f"{shorten(self.source)}: " if self.source else ""
        if len(self.problems) == 1:
            return f"{prefix}{self.problems[0]}"
        listed = "\n".join(f"  {p}" for p in self.problems[:20])
        more = len(self.problems) - 20
        tail = f"\n  ... and {more} more" if more > 0 else ""
        return f"{prefix}{len(self.problems)} problems:\n{listed}{tail}"


class ParseError(ApmbcError, ValueError):
    """Text that cannot be read; says where (file, line) and why."""

    def __init__(
        self,
        message: str,
        *,
        source: str | None = None,
        line: int | None = None,
        column: int | None = None,
        text: str | None = None,
    ) -> None:
        self.message = message
        self.source = source
        self.line = line
        self.column = column
        self.text = text
        super().__init__(self._render())

    def _render(self) -> str:
        where = shorten(self.source) if self.source else "<input>"
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        quoted = ""
        if self.text is not None:
            snippet = self.text if len(self.text) <= 80 else self.text[:77] + "..."
            quoted = f" [{snippet!r}]"
        return f"{where}: {self.message}{quoted}"


class UnknownKeyError(ApmbcError, LookupError):
    """A lookup key that matches nothing; ``suggestions`` lists the closest keys."""

    kind = "key"

    def __init__(self, key: object, suggestions: Sequence[str] = ()) -> None:
        self.key = key
        self.suggestions: tuple[str, ...] = tuple(suggestions)
        super().__init__(self._render())

    def _render(self) -> str:
        text = f"unknown {self.kind} {shown(self.key)}"
        if self.suggestions:
            text += ". Did you mean " + ", ".join(repr(s) for s in self.suggestions) + "?"
        return text

    def __str__(self) -> str:
        return self._render()


class UnknownStateError(UnknownKeyError):
    """No State matches the key (code, name, former name or alias)."""

    kind = "State"


class UnknownMeetingError(UnknownKeyError):
    """No meeting matches the key (code or name)."""

    kind = "meeting"


class UnknownResolutionError(UnknownKeyError):
    """No resolution for that session and forum."""

    kind = "resolution"


class MissingExtraError(ApmbcError, ImportError):
    """An optional dependency is not installed; the message gives the ``pip install`` command."""

    def __init__(self, package: str, extra: str, feature: str) -> None:
        self.package = package
        self.extra = extra
        super().__init__(
            f'{feature} needs {package}, which is not installed: pip install "apmbc[{extra}]"',
            name=package,
        )


class StaleDataWarning(UserWarning):
    """A question about a day after the dataset's as-of date: answered, but only from the facts
    known on that date (a State may have joined or withdrawn since).

    Warned once per process for each dataset (its data version and as-of date);
    :func:`apmbc.queries.reset_stale_warnings` makes it warn again. Not an error: the answer is
    given all the same.
    """


class UnknownTableError(ArgumentError):
    """A table name that is not one of ``apmbc.TABLES``."""

    def __init__(self, table: object, tables: Sequence[str]) -> None:
        self.table = table
        super().__init__(f"unknown table {shown(table)}; expected one of: {', '.join(tables)}")


class UnknownFormatError(ArgumentError):
    """An export format that is not one of those :func:`apmbc.export` writes."""

    def __init__(self, format: object, formats: Sequence[str]) -> None:
        self.format = format
        super().__init__(
            f"unknown export format {shown(format)}; expected one of: {', '.join(formats)}"
        )
