"""Tidy tables as pandas DataFrames (needs the optional extra: ``pip install "apmbc[pandas]"``).

Columns get real types: enum-valued columns are categoricals holding every value of the enum as a
category (the treaty status ordered along its life cycle, ``not_party`` < ... < ``withdrawn``),
dates are ``datetime64`` (unknown: ``NaT``), whole numbers nullable ``Int64`` and flags nullable
``boolean`` (unknown: ``<NA>``).

>>> import apmbc
>>> from apmbc.pandas import to_frame
>>> votes = to_frame(apmbc.load(), "votes")
>>> votes[votes.session == 77].position.value_counts()["abstain"]
np.int64(17)
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from apmbc._extras import require
from apmbc.models import TreatyStatus
from apmbc.output._tables import columns, to_records

if TYPE_CHECKING:
    from apmbc.dataset import Dataset

__all__ = ["ORDERED_ENUMS", "to_frame"]

ORDERED_ENUMS: frozenset[type[Any]] = frozenset({TreatyStatus})
"""Enums whose categoricals are ordered (their declaration order is a natural order)."""


def to_frame(ds: Dataset, table: str) -> Any:
    """``table`` of ``ds`` as a ``pandas.DataFrame`` with typed columns (see the module doc).

    The columns and rows are those of :func:`apmbc.output._tables.to_records`. Raises
    :class:`~apmbc.errors.UnknownTableError` for an unknown table and
    :class:`~apmbc.errors.MissingExtraError` (an ``ImportError``) when pandas is not installed.
    """
    pd = require("pandas", "pandas", "apmbc.pandas.to_frame")
    spec = columns(table)
    rows = to_records(ds, table)
    data: dict[str, Any] = {}
    for column in spec:
        values = [row[column.name] for row in rows]
        if column.kind == "enum" and column.enum is not None:
            data[column.name] = pd.Categorical(
                values,
                categories=[member.value for member in column.enum],
                ordered=column.enum in ORDERED_ENUMS,
            )
        elif column.kind == "date":
            data[column.name] = pd.to_datetime(pd.Series(values, dtype=object))
        elif column.kind == "int":
            data[column.name] = pd.array(values, dtype="Int64")
        elif column.kind == "bool":
            data[column.name] = pd.array(values, dtype="boolean")
        else:
            data[column.name] = pd.Series(values, dtype=object)
    return pd.DataFrame(data, columns=[c.name for c in spec])


# -- reading exports back ------------------------------------------------------------------------

# Added here, apart, so that the lines above stay as they are (they are being changed elsewhere).
__all__ += ["read_export"]

if TYPE_CHECKING:
    from os import PathLike


def _typed_frame(pd: Any, table: str, rows: Any) -> Any:
    # The same columns and dtypes as to_frame: tests hold read_export(export) == to_frame.
    spec = columns(table)
    data: dict[str, Any] = {}
    for column in spec:
        values = [row[column.name] for row in rows]
        if column.kind == "enum" and column.enum is not None:
            data[column.name] = pd.Categorical(
                values,
                categories=[member.value for member in column.enum],
                ordered=column.enum in ORDERED_ENUMS,
            )
        elif column.kind == "date":
            data[column.name] = pd.to_datetime(pd.Series(values, dtype=object))
        elif column.kind == "int":
            data[column.name] = pd.array(values, dtype="Int64")
        elif column.kind == "bool":
            data[column.name] = pd.array(values, dtype="boolean")
        else:
            data[column.name] = pd.Series(values, dtype=object)
    return pd.DataFrame(data, columns=[c.name for c in spec])


def read_export(path: str | PathLike[str], *, excel_safe: bool | None = None) -> Any:
    """Read an apmbc export back into frames with :func:`to_frame`'s columns and dtypes.

    ``path`` is a ``datapackage.json`` written by :func:`apmbc.output.export_all`, which gives a
    dict of frames by table name (in the package's order), or one table's CSV or JSON file,
    which gives one frame. A file's table is the one the ``datapackage.json`` beside it names,
    else the one whose exact header (CSV) or keys (JSON) it has. Only an empty cell is a
    missing value: Namibia's alpha-2 code ``NA`` stays ``"NA"``. The apostrophe that an
    excel-safe CSV export puts before a formula-like cell is removed again; ``excel_safe``
    defaults to what the ``datapackage.json`` says, else to ``True`` (the export's default;
    pass ``False`` for a file written with ``excel_safe=False`` or ``--raw``). A JSON file's
    list columns (which :func:`to_frame` does not have) are left out: their items are the rows
    of the list tables.

    For every table, ``read_export`` of an export equals ``to_frame`` of the dataset
    (``pandas.testing.assert_frame_equal``). Raises :class:`~apmbc.errors.ParseError` (a
    ``ValueError``) naming the file, line and column of anything that is not an apmbc export,
    and :class:`~apmbc.errors.MissingExtraError` when pandas is not installed.
    """
    from apmbc.output._readback import is_package_file, read_package, read_table

    pd = require("pandas", "pandas", "apmbc.pandas.read_export")
    if is_package_file(path):
        package = read_package(path, excel_safe=excel_safe)
        return {name: _typed_frame(pd, name, t.rows) for name, t in package.tables.items()}
    exported = read_table(path, excel_safe=excel_safe)
    return _typed_frame(pd, exported.table, exported.rows)
