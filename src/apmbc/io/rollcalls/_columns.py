"""The header lines of roll-call tables: which table a file holds, which column is which.

Three tables are read: Voeten's votes table (one row per State and roll call, with the roll
call's description on every row), and the unvotes package's ``un_votes`` (one row per State and
roll call) and ``un_roll_calls`` (one row per roll call). Columns are recognised by their folded
names (:func:`~apmbc.domain.names.fold`: case, spaces and punctuation do not count) and a few
aliases; columns apmbc does not read (``me``, ``nu``, ``importantvote``, an unnamed row-number
column...) are allowed and ignored.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping, Sequence

import attrs

from apmbc.domain.names import fold
from apmbc.errors import ParseError

__all__ = [
    "UNVOTES_ROLL_CALLS_COLUMNS",
    "UNVOTES_VOTES_COLUMNS",
    "VOETEN_COLUMNS",
    "Header",
    "Table",
    "read_header",
    "table_of",
]

VOETEN_COLUMNS: tuple[str, ...] = (
    "rcid",
    "ccode",
    "member",
    "vote",
    "Country",
    "Countryname",
    "year",
    "session",
    "abstain",
    "yes",
    "no",
    "importantvote",
    "date",
    "unres",
    "amend",
    "para",
    "short",
    "descr",
)
"""The leading columns of Voeten's votes table, in his order (issue codes such as ``me``, ``nu``,
``di``, ``hr``, ``co``, ``ec`` may follow; they are not read)."""

UNVOTES_VOTES_COLUMNS: tuple[str, ...] = ("rcid", "country", "country_code", "vote")
"""The columns of unvotes' ``un_votes`` table."""

UNVOTES_ROLL_CALLS_COLUMNS: tuple[str, ...] = (
    "rcid",
    "session",
    "importantvote",
    "date",
    "unres",
    "amend",
    "para",
    "short",
    "descr",
)
"""The columns of unvotes' ``un_roll_calls`` table."""


class Table(str, enum.Enum):
    """The kinds of table a header can announce."""

    VOETEN = "voeten"
    UNVOTES_VOTES = "unvotes_votes"
    UNVOTES_ROLL_CALLS = "unvotes_roll_calls"
    UNDL = "undl"

    @property
    def described(self) -> str:
        """What the table is, with its main columns, for messages."""
        return _DESCRIBED[self]


_DESCRIBED = {
    Table.VOETEN: (
        "Voeten's votes table (rcid, ccode, member, vote, Country, Countryname, year, session, "
        "..., unres, amend, para, short, descr)"
    ),
    Table.UNVOTES_VOTES: "unvotes' un_votes table (rcid, country, country_code, vote)",
    Table.UNVOTES_ROLL_CALLS: (
        "unvotes' un_roll_calls table (rcid, session, importantvote, date, unres, amend, para, "
        "short, descr)"
    ),
    Table.UNDL: "a UN Digital Library voting CSV (ms_code, ms_name, ms_vote, ...)",
}

# canonical name -> the folded spellings it answers to
_FIELDS: dict[str, tuple[str, ...]] = {
    "rcid": ("rcid", "rollcallid", "rollcall"),
    "ccode": ("ccode", "cowcode", "cow", "cowccode"),
    "vote": ("vote",),
    "country": ("country",),
    "countryname": ("countryname",),
    "country_code": ("countrycode", "iso2", "iso2c", "alpha2"),
    "session": ("session",),
    "date": ("date",),
    "unres": ("unres", "resolution", "symbol"),
    "amend": ("amend", "amendment"),
    "para": ("para", "paragraph"),
    "short": ("short", "shortdescription", "shortdescr"),
    "descr": ("descr", "description", "longdescription"),
    "yes": ("yes", "yesvotes"),
    "no": ("no", "novotes"),
    "abstain": ("abstain", "abstentions", "abstainvotes"),
}
_BY_SPELLING = {spelling: name for name, spellings in _FIELDS.items() for spelling in spellings}
_UNDL_MARKERS = frozenset({"msvote", "msvotes", "mscode", "mscodes", "undlid", "yescount"})
_ROLL_CALL_FIELDS = ("session", "date", "unres", "short", "descr")
_SESSION_SOURCES = ("session", "unres", "date")


@attrs.frozen(eq=False)
class Header:
    """What a header line says: the table and where each column apmbc reads is."""

    table: Table
    names: tuple[str, ...]
    """The header cells as written."""
    columns: Mapping[str, int]
    """Canonical column name (``rcid``, ``ccode``, ``descr``...) -> 0-based index."""
    line: int

    def name(self, column: str) -> str:
        """The column's name as the file writes it."""
        return self.names[self.columns[column]]


def _error(message: str, source: str, line: int, column: int | None = None) -> ParseError:
    return ParseError(message, source=source, line=line, column=column)


def _table(found: Mapping[str, int], folded: Sequence[str]) -> Table | None:
    if _UNDL_MARKERS.intersection(folded):
        return Table.UNDL
    if "ccode" in found or ("vote" in found and any(c in found for c in _ROLL_CALL_FIELDS)):
        return Table.VOETEN  # only Voeten's has ccode; un_votes has no roll call columns
    if "vote" in found and ("country_code" in found or "country" in found):
        return Table.UNVOTES_VOTES
    if "vote" not in found and "rcid" in found and any(c in found for c in _ROLL_CALL_FIELDS):
        return Table.UNVOTES_ROLL_CALLS
    return None


def table_of(names: Sequence[str]) -> Table | None:
    """Which table a header line announces, from its cells: Voeten's votes table, one of the
    unvotes tables, a UN Digital Library voting CSV, or ``None`` for none of them. Unlike
    :func:`read_header` it never raises: required columns are not checked."""
    folded = [fold(name) for name in names[:MAX_HEADER_CELLS]]
    found: dict[str, int] = {}
    for index, key in enumerate(folded):
        canonical = _BY_SPELLING.get(key) if key else None
        if canonical is not None:
            found.setdefault(canonical, index)
    return _table(found, folded)


MAX_HEADER_CELLS = 2_000
"""The header cells :func:`table_of` looks at (the UN's wide files have about 200 columns)."""


_ADVICE = {
    (Table.VOETEN, Table.UNVOTES_VOTES): (
        "read unvotes' tables with load_unvotes_csv(votes_path, roll_calls_path)"
    ),
    (Table.VOETEN, Table.UNVOTES_ROLL_CALLS): (
        "read unvotes' tables with load_unvotes_csv(votes_path, roll_calls_path)"
    ),
    (Table.UNVOTES_VOTES, Table.UNVOTES_ROLL_CALLS): (
        "the roll calls table was given as the votes table: are the two paths swapped?"
    ),
    (Table.UNVOTES_ROLL_CALLS, Table.UNVOTES_VOTES): (
        "the votes table was given as the roll calls table: are the two paths swapped?"
    ),
    (Table.UNVOTES_VOTES, Table.VOETEN): "read Voeten's votes table with load_voeten_csv(path)",
    (Table.UNVOTES_ROLL_CALLS, Table.VOETEN): (
        "read Voeten's votes table with load_voeten_csv(path)"
    ),
}


def _required(table: Table, found: Mapping[str, int]) -> list[str]:
    missing: list[str] = []
    needs = {
        Table.VOETEN: ("rcid", "ccode", "vote"),
        Table.UNVOTES_VOTES: ("rcid", "vote"),
        Table.UNVOTES_ROLL_CALLS: ("rcid",),
    }[table]
    missing.extend(c for c in needs if c not in found)
    if table is not Table.UNVOTES_VOTES and not any(c in found for c in _SESSION_SOURCES):
        missing.append("session (or unres, or date)")
    if table is Table.UNVOTES_VOTES and "country_code" not in found and "country" not in found:
        missing.append("country_code (or country)")
    return missing


def read_header(names: Sequence[str], expected: Table, source: str, line: int) -> Header:
    """Recognise the table a header line announces; raises :class:`~apmbc.errors.ParseError`
    naming the file and the line for a header of another table (saying which, and what to do),
    of no known table, with a required column missing, or with two columns of one meaning."""
    folded = [fold(name) for name in names]
    found: dict[str, int] = {}
    for index, key in enumerate(folded):
        canonical = _BY_SPELLING.get(key) if key else None
        if canonical is None:
            continue
        if canonical in found:
            first = found[canonical]
            raise _error(
                f"columns {first + 1} ({names[first]!r}) and {index + 1} ({names[index]!r}) "
                f"both read as {canonical!r}",
                source,
                line,
                index + 1,
            )
        found[canonical] = index
    table = _table(found, folded)
    if table is None:
        shown = ", ".join(repr(n) for n in names[:8])
        more = f" and {len(names) - 8} more" if len(names) > 8 else ""
        raise _error(f"not a header of {expected.described}: found {shown}{more}", source, line)
    if table is not expected:
        advice = _ADVICE.get((expected, table))
        if table is Table.UNDL:
            advice = "read it with load_undl_csv(path)"
        tail = f"; {advice}" if advice else ""
        raise _error(f"this is {table.described}, not {expected.described}{tail}", source, line)
    missing = _required(table, found)
    if missing:
        raise _error(
            f"missing required column(s) of {table.described}: {', '.join(missing)}",
            source,
            line,
        )
    return Header(table=table, names=tuple(names), columns=found, line=line)
