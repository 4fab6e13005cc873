"""Cross-record rules over a :class:`~apmbc.dataset.Dataset`: ``validate(ds) -> list[Finding]``.

Each rule has a stable code (``APMBC-EIF-ART17``), a default severity and a one-line meaning,
all listed in :data:`RULES`. A finding says where (a field path such as
``states[12].entry_into_force``), which records (their keys) and what is wrong. Errors are wrong
data; warnings are documented exceptions (succession in force from independence) and kept
disagreements between sources.

>>> from apmbc import Dataset, Metadata, State
>>> ds = Dataset(metadata=Metadata(data_version="x"), states=[State(code="X", name="X"),
...                                                          State(code="X", name="Y")])
>>> [str(f) for f in validate(ds)]
["states[1].code: APMBC-KEY-STATE State code 'X' is also the code of states[0]"]
"""

from __future__ import annotations

from apmbc.dataset import Dataset, check_dataset
from apmbc.validation import _keys, _meetings, _statements, _treaty, _un
from apmbc.validation._files import (
    FILE_CODES,
    CheckReport,
    FileFinding,
    FileKind,
    Input,
    check_paths,
    detect_kind,
    pair_inputs,
)
from apmbc.validation._findings import RULES, Context, Finding, Severity, sort_key

__all__ = [
    "FILE_CODES",
    "RULES",
    "CheckReport",
    "FileFinding",
    "FileKind",
    "Finding",
    "Input",
    "Severity",
    "check_paths",
    "detect_kind",
    "errors",
    "pair_inputs",
    "validate",
]

_CHECKS = (
    _keys.check,
    _treaty.check,
    _un.check,
    _meetings.check,
    _statements.check,
)


def validate(ds: Dataset) -> list[Finding]:
    """Every finding of every rule on ``ds``, sorted by table, record, field and code.

    The order is stable: the tables in document order (states, meetings, resolutions, votes,
    attendances, statements), records by position, then code. Runs in time linear in the size
    of the dataset. Never raises on bad data: bad data is what it reports (a ``ds`` that is not
    a :class:`~apmbc.dataset.Dataset` at all is an :class:`~apmbc.errors.ArgumentTypeError`).
    """
    # The garbage collector is left alone (it is process-wide state): the indices the rules build
    # over every vote hold integers and shared tuples, not new containers per vote, so that a
    # large dataset does not make the collector rescan it again and again.
    ctx = Context(check_dataset(ds))
    found = [item for check in _CHECKS for item in check(ctx)]
    found.sort(key=sort_key)
    return found


def errors(findings: list[Finding]) -> list[Finding]:
    """The findings of severity ``error``."""
    return [f for f in findings if f.severity is Severity.ERROR]
