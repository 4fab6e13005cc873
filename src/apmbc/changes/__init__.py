"""Changes between datasets: what differs (:func:`diff`) and folding any into another
(:func:`merge`), by the same keys (:mod:`apmbc.changes._keys`).

See :func:`apmbc.diff` and :func:`apmbc.merge`.
"""

from __future__ import annotations

from apmbc.changes._diff import DatasetDiff, FieldChange, RecordChange, TableDiff, diff
from apmbc.changes._merge import Conflict, MergeResult, merge, next_data_version

__all__ = [
    "Conflict",
    "DatasetDiff",
    "FieldChange",
    "MergeResult",
    "RecordChange",
    "TableDiff",
    "diff",
    "merge",
    "next_data_version",
]
