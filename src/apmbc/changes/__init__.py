"""Changes between datasets: what differs (:func:`diff`) and folding one into another (merge).

See :func:`apmbc.diff` and :func:`apmbc.merge`.
"""

from __future__ import annotations

from apmbc.changes._diff import DatasetDiff, FieldChange, RecordChange, TableDiff, diff
from apmbc.changes._merge import Conflict, MergeResult, merge

__all__ = [
    "Conflict",
    "DatasetDiff",
    "FieldChange",
    "MergeResult",
    "RecordChange",
    "TableDiff",
    "diff",
    "merge",
]
