"""apmbc: the participation record of the 1997 Anti-Personnel Mine Ban Convention as typed data.

>>> import apmbc
>>> ds = apmbc.load()
>>> ds.state("Cuba").status
<TreatyStatus.NOT_PARTY: 'not_party'>

Every public name is imported on first use (PEP 562 module ``__getattr__``), so that
``import apmbc`` stays cheap and a script pays only for what it touches.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from apmbc.convert import from_dict, make_converter, to_dict
    from apmbc.dataset import Dataset, MeetingTable, StateTable
    from apmbc.diffing import DatasetDiff, diff
    from apmbc.errors import (
        ApmbcError,
        DataValidationError,
        MissingExtraError,
        ParseError,
        Problem,
        UnknownKeyError,
        UnknownMeetingError,
        UnknownResolutionError,
        UnknownStateError,
    )
    from apmbc.io._bundled import DATA_VERSION, load
    from apmbc.io.jsonfile import dump_json, dumps_json, load_json, loads_json
    from apmbc.io.profile import (
        Profile,
        ProfileVote,
        UnparsedLine,
        parse_profile,
        read_profile,
    )
    from apmbc.io.undl import load_undl_csv, write_undl_csv
    from apmbc.merge import Conflict, MergeResult
    from apmbc.models import (
        Action,
        Attendance,
        AttendanceRole,
        DepositMethod,
        Document,
        EventKind,
        Forum,
        Meeting,
        MeetingFormat,
        MeetingKind,
        Metadata,
        Participation,
        President,
        Resolution,
        Source,
        State,
        Statement,
        StatementContext,
        Tally,
        TimelineEvent,
        TreatyStatus,
        Vote,
        VotePosition,
    )
    from apmbc.output._export import export
    from apmbc.validation import Finding, Severity, validate

# name -> module that defines it; imported on first access.
_LAZY: dict[str, str] = {
    "from_dict": "apmbc.convert",
    "make_converter": "apmbc.convert",
    "to_dict": "apmbc.convert",
    "Dataset": "apmbc.dataset",
    "MeetingTable": "apmbc.dataset",
    "StateTable": "apmbc.dataset",
    "ApmbcError": "apmbc.errors",
    "DataValidationError": "apmbc.errors",
    "MissingExtraError": "apmbc.errors",
    "ParseError": "apmbc.errors",
    "Problem": "apmbc.errors",
    "UnknownKeyError": "apmbc.errors",
    "UnknownMeetingError": "apmbc.errors",
    "UnknownResolutionError": "apmbc.errors",
    "UnknownStateError": "apmbc.errors",
    "dump_json": "apmbc.io.jsonfile",
    "dumps_json": "apmbc.io.jsonfile",
    "load_json": "apmbc.io.jsonfile",
    "loads_json": "apmbc.io.jsonfile",
    "Action": "apmbc.models",
    "Attendance": "apmbc.models",
    "AttendanceRole": "apmbc.models",
    "DepositMethod": "apmbc.models",
    "Document": "apmbc.models",
    "EventKind": "apmbc.models",
    "Forum": "apmbc.models",
    "Meeting": "apmbc.models",
    "MeetingFormat": "apmbc.models",
    "MeetingKind": "apmbc.models",
    "Metadata": "apmbc.models",
    "Participation": "apmbc.models",
    "President": "apmbc.models",
    "Resolution": "apmbc.models",
    "Source": "apmbc.models",
    "State": "apmbc.models",
    "Statement": "apmbc.models",
    "StatementContext": "apmbc.models",
    "Tally": "apmbc.models",
    "TimelineEvent": "apmbc.models",
    "TreatyStatus": "apmbc.models",
    "Vote": "apmbc.models",
    "VotePosition": "apmbc.models",
    "DATA_VERSION": "apmbc.io._bundled",
    "load": "apmbc.io._bundled",
    "Conflict": "apmbc.merge",
    "MergeResult": "apmbc.merge",
    "DatasetDiff": "apmbc.diffing",
    "diff": "apmbc.diffing",
    "export": "apmbc.output._export",
    "Profile": "apmbc.io.profile",
    "ProfileVote": "apmbc.io.profile",
    "parse_profile": "apmbc.io.profile",
    "read_profile": "apmbc.io.profile",
    "UnparsedLine": "apmbc.io.profile",
    "load_undl_csv": "apmbc.io.undl",
    "write_undl_csv": "apmbc.io.undl",
    "Finding": "apmbc.validation",
    "Severity": "apmbc.validation",
    "validate": "apmbc.validation",
}


def __getattr__(name: str) -> Any:
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            return version("apmbc")
        except PackageNotFoundError:  # pragma: no cover - running from a bare source tree
            return "0+unknown"
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'apmbc' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_LAZY, "__version__"])


__all__ = [
    "DATA_VERSION",
    "Action",
    "ApmbcError",
    "Attendance",
    "AttendanceRole",
    "Conflict",
    "DataValidationError",
    "Dataset",
    "DatasetDiff",
    "DepositMethod",
    "Document",
    "EventKind",
    "Finding",
    "Forum",
    "Meeting",
    "MeetingFormat",
    "MeetingKind",
    "MeetingTable",
    "MergeResult",
    "Metadata",
    "MissingExtraError",
    "ParseError",
    "Participation",
    "President",
    "Problem",
    "Profile",
    "ProfileVote",
    "Resolution",
    "Severity",
    "Source",
    "State",
    "StateTable",
    "Statement",
    "StatementContext",
    "Tally",
    "TimelineEvent",
    "TreatyStatus",
    "UnknownKeyError",
    "UnknownMeetingError",
    "UnknownResolutionError",
    "UnknownStateError",
    "UnparsedLine",
    "Vote",
    "VotePosition",
    "diff",
    "dump_json",
    "dumps_json",
    "export",
    "from_dict",
    "load",
    "load_json",
    "load_undl_csv",
    "loads_json",
    "make_converter",
    "parse_profile",
    "read_profile",
    "to_dict",
    "validate",
    "write_undl_csv",
]
