"""The header line of a UN Digital Library voting CSV: which layout, which column is which."""

from __future__ import annotations

import difflib
from collections.abc import Mapping, Sequence

import attrs

from apmbc.domain.names import fold
from apmbc.errors import ParseError

__all__ = ["LONG_COLUMNS", "MAX_COLUMNS", "WIDE_LEADING_COLUMNS", "Header", "read_header"]

LONG_COLUMNS: tuple[str, ...] = (
    "undl_id",
    "ms_code",
    "ms_name",
    "ms_vote",
    "date",
    "session",
    "resolution",
    "draft",
    "committee_report",
    "meeting",
    "title",
    "agenda_title",
    "subjects",
    "total_yes",
    "total_no",
    "total_abstentions",
    "total_non_voting",
    "total_ms",
    "undl_link",
)
"""The columns of the long layout, one row per Member State and resolution, in the UN's order."""

WIDE_LEADING_COLUMNS: tuple[str, ...] = (
    "Council",
    "Date",
    "Title",
    "Resolution",
    "TOTAL VOTES",
    "NO-VOTE COUNT",
    "ABSENT COUNT",
    "NO COUNT",
    "YES COUNT",
    "Link",
    "token",
)
"""The leading columns of the wide layout; one column per Member State name follows."""

# canonical name -> the folded spellings it answers to (editions differ: plural, hyphenated)
_LONG: dict[str, tuple[str, ...]] = {
    "undl_id": ("undlid",),
    "ms_code": ("mscode", "mscodes"),
    "ms_name": ("msname", "msnames"),
    "ms_vote": ("msvote", "msvotes"),
    "date": ("date",),
    "session": ("session",),
    "resolution": ("resolution", "resolutions"),
    "draft": ("draft", "drafts"),
    "committee_report": ("committeereport", "committeereports"),
    "meeting": ("meeting", "meetings"),
    "title": ("title", "titles"),
    "agenda_title": ("agendatitle", "agendatitles"),
    "subjects": ("subjects", "subject"),
    "total_yes": ("totalyes", "yes"),
    "total_no": ("totalno", "no"),
    "total_abstentions": ("totalabstentions", "abstentions", "totalabstention"),
    "total_non_voting": ("totalnonvoting", "nonvoting"),
    "total_ms": ("totalms", "totalvoting"),
    "undl_link": ("undllink", "link"),
    "forum": ("forum", "committee"),
}
_LONG_REQUIRED = ("ms_vote", "resolution", "title")

_WIDE: dict[str, tuple[str, ...]] = {
    "council": ("council",),
    "date": ("date",),
    "title": ("title",),
    "resolution": ("resolution",),
    "session": ("session",),
    "total_votes": ("totalvotes",),
    "no_vote_count": ("novotecount",),
    "absent_count": ("absentcount",),
    "no_count": ("nocount",),
    "yes_count": ("yescount",),
    "link": ("link",),
    "token": ("token",),
    "forum": ("forum", "committee"),
    "record": ("undlid", "recordid"),
}
_WIDE_MARKERS = frozenset(
    {"council", "total_votes", "no_vote_count", "absent_count", "no_count", "yes_count", "token"}
)
_FUZZY_MIN_LENGTH = 5
_FUZZY_CUTOFF = 0.85


@attrs.frozen(eq=False)
class Header:
    """What the header line says: the layout, where each known column is, the State columns."""

    layout: str
    """``"long"`` or ``"wide"``."""
    names: tuple[str, ...]
    """The header cells as written."""
    columns: Mapping[str, int]
    """Canonical column name (``ms_vote``, ``yes_count``...) -> 0-based index."""
    state_columns: tuple[tuple[int, str], ...] = ()
    """Wide layout: (0-based index, Member State name as written) for each State column."""
    ignored: tuple[int, ...] = ()
    """Wide layout: 0-based indexes of columns without a name, whose cells are not read."""
    line: int = 1


def _fuzzy(key: str, fields: Mapping[str, tuple[str, ...]], taken: set[str]) -> str | None:
    if len(key) < _FUZZY_MIN_LENGTH:
        return None
    scores: list[tuple[float, str]] = []
    matcher = difflib.SequenceMatcher(a=key)
    for canonical, spellings in fields.items():
        if canonical in taken:
            continue
        best = 0.0
        for spelling in spellings:
            if len(spelling) < _FUZZY_MIN_LENGTH:
                continue
            matcher.set_seq2(spelling)
            best = max(best, matcher.ratio())
        scores.append((best, canonical))
    scores.sort(reverse=True)
    if not scores or scores[0][0] < _FUZZY_CUTOFF:
        return None
    if len(scores) > 1 and scores[1][0] == scores[0][0]:
        return None  # ambiguous: better to report the column as unknown than to guess
    return scores[0][1]


def _exact(key: str, fields: Mapping[str, tuple[str, ...]]) -> str | None:
    for canonical, spellings in fields.items():
        if key in spellings:
            return canonical
    return None


def _error(source: str, line: int, message: str, column: int | None = None) -> ParseError:
    return ParseError(message, source=source, line=line, column=column)


def _place(
    found: dict[str, int], canonical: str, index: int, names: Sequence[str], source: str, line: int
) -> None:
    if canonical in found:
        first = found[canonical]
        raise _error(
            source,
            line,
            f"columns {first + 1} ({names[first]!r}) and {index + 1} ({names[index]!r}) "
            f"both read as {canonical!r}",
            index + 1,
        )
    found[canonical] = index


def _read_long(names: Sequence[str], folded: Sequence[str], source: str, line: int) -> Header:
    found: dict[str, int] = {}
    pending: list[int] = []
    for index, key in enumerate(folded):
        canonical = _exact(key, _LONG) if key else None
        if canonical is None:
            pending.append(index)
            continue
        _place(found, canonical, index, names, source, line)
    for index in pending:  # typos, only against columns not found exactly
        canonical = _fuzzy(folded[index], _LONG, set(found))
        if canonical is not None:
            _place(found, canonical, index, names, source, line)
    missing = [c for c in _LONG_REQUIRED if c not in found]
    if "ms_name" not in found and "ms_code" not in found:
        missing.append("ms_name (or ms_code)")
    if missing:
        raise _error(
            source, line, f"missing required column(s) for the long layout: {', '.join(missing)}"
        )
    return Header(layout="long", names=tuple(names), columns=found, line=line)


def _read_wide(
    names: Sequence[str], folded: Sequence[str], source: str, line: int
) -> Header | None:
    """The wide layout: known columns (leading, with typos forgiven; or later, exactly), then
    one column per Member State. Columns without a name are ignored (and listed); a State may
    have several columns (its name spelled in different ways): the reader groups them."""
    found: dict[str, int] = {}
    first_state = len(names)
    for index, key in enumerate(folded):
        canonical = _exact(key, _WIDE) if key else None
        if canonical is None and key:
            canonical = _fuzzy(key, _WIDE, set(found))
        if canonical is None:
            first_state = index
            break
        _place(found, canonical, index, names, source, line)
    if not _WIDE_MARKERS.intersection(found):
        return None
    states: list[tuple[int, str]] = []
    ignored: list[int] = []
    for index in range(first_state, len(names)):
        name = " ".join(names[index].split())
        canonical = _exact(folded[index], _WIDE) if folded[index] else None
        if canonical is not None and canonical not in found:
            found[canonical] = index
        elif not name:
            ignored.append(index)
        else:
            states.append((index, name))
    missing = [c for c in ("resolution", "title") if c not in found]
    if missing:
        raise _error(
            source, line, f"missing required column(s) for the wide layout: {', '.join(missing)}"
        )
    if not states:
        raise _error(source, line, "the wide layout needs one column per Member State; none found")
    return Header(
        layout="wide",
        names=tuple(names),
        columns=found,
        state_columns=tuple(states),
        ignored=tuple(ignored),
        line=line,
    )


MAX_COLUMNS = 2_000
"""The most columns a header may have (the UN's wide files have about 200)."""


def read_header(names: Sequence[str], source: str, line: int = 1) -> Header:
    """Recognise the layout of a header line; raises ``ParseError`` naming what is missing.

    Time is linear in the size of the header: at most :data:`MAX_COLUMNS` columns, each folded
    once and compared with the few known column names.
    """
    if len(names) > MAX_COLUMNS:
        raise _error(
            source,
            line,
            f"{len(names):,} columns, more than any UN voting CSV has (at most {MAX_COLUMNS:,})",
        )
    if any("\x00" in name for name in names):
        raise _error(
            source,
            line,
            "the header contains NUL characters: the file looks like UTF-16 or binary data, "
            "expected UTF-8 text",
        )
    folded = [fold(name) for name in names]
    long_keys = set(_LONG["ms_vote"])
    if any(key in long_keys for key in folded) or any(
        _fuzzy(key, {"ms_vote": _LONG["ms_vote"]}, set()) for key in folded
    ):
        return _read_long(names, folded, source, line)
    wide = _read_wide(names, folded, source, line)
    if wide is not None:
        return wide
    shown = ", ".join(repr(n) for n in names[:8])
    more = f" and {len(names) - 8} more" if len(names) > 8 else ""
    raise _error(
        source,
        line,
        "not a UN voting CSV header: expected the long layout (undl_id, ms_code, ms_name, "
        "ms_vote, date, session, resolution, title, ...) or the wide layout (Council, Date, "
        "Title, Resolution, TOTAL VOTES, ..., then one column per Member State); "
        f"found {shown}{more}",
    )
