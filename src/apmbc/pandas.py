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
