"""apmbc: the participation record of the 1997 Anti-Personnel Mine Ban Convention as typed data.

>>> import apmbc
>>> ds = apmbc.load()
>>> ds.state("Cuba").status
<TreatyStatus.NOT_PARTY: 'not_party'>

Every public name is imported on first use (PEP 562 module ``__getattr__``), so that
``import apmbc`` stays cheap and a script pays only for what it touches. :data:`_EXPORTS` is the
one list of the public names; ``__all__``, ``__dir__`` and the lazy import are made from it, and
the imports for type checkers below mirror it (a test holds the two equal).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # what type checkers see; tests/test_api.py checks it mirrors _EXPORTS
    from apmbc.changes import (
        Conflict as Conflict,
        DatasetDiff as DatasetDiff,
        MergeResult as MergeResult,
        diff as diff,
        merge as merge,
        next_data_version as next_data_version,
    )
    from apmbc.convert import (
        from_dict as from_dict,
        make_converter as make_converter,
        to_dict as to_dict,
    )
    from apmbc.dataset import (
        Dataset as Dataset,
        MeetingTable as MeetingTable,
        ResolutionTable as ResolutionTable,
        StateTable as StateTable,
    )
    from apmbc.errors import (
        ApmbcError as ApmbcError,
        ArgumentError as ArgumentError,
        ArgumentTypeError as ArgumentTypeError,
        BeyondCalendarError as BeyondCalendarError,
        DataValidationError as DataValidationError,
        MissingExtraError as MissingExtraError,
        ParseError as ParseError,
        Problem as Problem,
        StaleDataWarning as StaleDataWarning,
        UnknownFormatError as UnknownFormatError,
        UnknownKeyError as UnknownKeyError,
        UnknownMeetingError as UnknownMeetingError,
        UnknownResolutionError as UnknownResolutionError,
        UnknownStateError as UnknownStateError,
        UnknownTableError as UnknownTableError,
        WriteError as WriteError,
    )
    from apmbc.io._bundled import (
        DATA_VERSION as DATA_VERSION,
        load as load,
    )
    from apmbc.io.final_report import (
        FinalReport as FinalReport,
        parse_final_report as parse_final_report,
        read_final_report as read_final_report,
    )
    from apmbc.io.jsonfile import (
        dump_json as dump_json,
        dumps_json as dumps_json,
        load_json as load_json,
        loads_json as loads_json,
    )
    from apmbc.io.profile import (
        Profile as Profile,
        ProfileVote as ProfileVote,
        UnparsedLine as UnparsedLine,
        parse_profile as parse_profile,
        read_profile as read_profile,
    )
    from apmbc.io.recorded_vote import (
        RecordedVotes as RecordedVotes,
        RollCall as RollCall,
        parse_recorded_vote as parse_recorded_vote,
        read_recorded_vote as read_recorded_vote,
    )
    from apmbc.io.rollcalls import (
        load_unvotes_csv as load_unvotes_csv,
        load_voeten_csv as load_voeten_csv,
    )
    from apmbc.io.undl import (
        load_undl_csv as load_undl_csv,
        write_undl_csv as write_undl_csv,
    )
    from apmbc.models import (
        Action as Action,
        Attendance as Attendance,
        AttendanceRole as AttendanceRole,
        DepositMethod as DepositMethod,
        Document as Document,
        EventKind as EventKind,
        Forum as Forum,
        Meeting as Meeting,
        MeetingFormat as MeetingFormat,
        MeetingKind as MeetingKind,
        MergedFile as MergedFile,
        MergeRecord as MergeRecord,
        Metadata as Metadata,
        Participation as Participation,
        President as President,
        Resolution as Resolution,
        Source as Source,
        SourceKind as SourceKind,
        State as State,
        Statement as Statement,
        StatementContext as StatementContext,
        TableCounts as TableCounts,
        Tally as Tally,
        TimelineEvent as TimelineEvent,
        TreatyStatus as TreatyStatus,
        Vote as Vote,
        VotePosition as VotePosition,
    )
    from apmbc.output import (
        TABLES as TABLES,
        citation as citation,
        export as export,
        to_records as to_records,
    )
    from apmbc.queries import (
        Agreement as Agreement,
        MeetingAttendance as MeetingAttendance,
    )
    from apmbc.validation import (
        Finding as Finding,
        Severity as Severity,
        validate as validate,
    )

_EXPORTS: dict[str, tuple[str, ...]] = {
    "apmbc.changes": (
        "Conflict",
        "DatasetDiff",
        "MergeResult",
        "diff",
        "merge",
        "next_data_version",
    ),
    "apmbc.convert": ("from_dict", "make_converter", "to_dict"),
    "apmbc.dataset": ("Dataset", "MeetingTable", "ResolutionTable", "StateTable"),
    "apmbc.errors": (
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
    ),
    "apmbc.io._bundled": ("DATA_VERSION", "load"),
    "apmbc.io.final_report": ("FinalReport", "parse_final_report", "read_final_report"),
    "apmbc.io.jsonfile": ("dump_json", "dumps_json", "load_json", "loads_json"),
    "apmbc.io.profile": ("Profile", "ProfileVote", "UnparsedLine", "parse_profile", "read_profile"),
    "apmbc.io.recorded_vote": (
        "RecordedVotes",
        "RollCall",
        "parse_recorded_vote",
        "read_recorded_vote",
    ),
    "apmbc.io.rollcalls": ("load_unvotes_csv", "load_voeten_csv"),
    "apmbc.io.undl": ("load_undl_csv", "write_undl_csv"),
    "apmbc.models": (
        "Action",
        "Attendance",
        "AttendanceRole",
        "DepositMethod",
        "Document",
        "EventKind",
        "Forum",
        "Meeting",
        "MeetingFormat",
        "MeetingKind",
        "MergeRecord",
        "MergedFile",
        "Metadata",
        "Participation",
        "President",
        "Resolution",
        "Source",
        "SourceKind",
        "State",
        "Statement",
        "StatementContext",
        "TableCounts",
        "Tally",
        "TimelineEvent",
        "TreatyStatus",
        "Vote",
        "VotePosition",
    ),
    "apmbc.output": ("TABLES", "citation", "export", "to_records"),
    "apmbc.queries": ("Agreement", "MeetingAttendance"),
    "apmbc.validation": ("Finding", "Severity", "validate"),
}
"""Each public module and the names ``apmbc`` takes from it: the one list of the public API."""

_MODULE_OF: dict[str, str] = {name: module for module, names in _EXPORTS.items() for name in names}


def _order(name: str) -> tuple[int, str]:
    """Constants, then classes, then functions (the order ruff's RUF022 keeps)."""
    return (0 if name.isupper() else 1 if name[0].isupper() else 2, name)


__all__ = sorted(_MODULE_OF, key=_order)


def __getattr__(name: str) -> Any:
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            return version("apmbc")
        except PackageNotFoundError:  # pragma: no cover - running from a bare source tree
            return "0+unknown"
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module 'apmbc' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_MODULE_OF, "__version__"})
