"""Rules on statements: the year, date, session, meeting and attribution agree with each other."""

from __future__ import annotations

from collections.abc import Iterator

from apmbc.domain.calendar import sessions_in_year
from apmbc.domain.dates import find_dates, find_years
from apmbc.domain.meetings import find_meetings, meeting_years
from apmbc.errors import ApmbcError
from apmbc.models import Statement
from apmbc.validation._findings import Context, Finding, finding

__all__ = ["attribution_meetings", "attribution_years", "check"]


def attribution_meetings(text: str) -> list[str]:
    """The meetings an attribution names, by code or by name: ``"(17MSP, 2018)"`` and
    ``"(Seventeenth Meeting of the States Parties)"`` -> ``["17MSP"]``."""
    return [found.code for found in find_meetings(text)]


def attribution_years(text: str) -> list[int]:
    """The years an attribution names, ranges included: ``"(IM, 2018-2019)"`` -> ``[2018, 2019]``.

    A full date counts by its year (``"7 December 2022"`` -> ``[2022]``).
    """
    dates = find_dates(text)
    years = [d.date.year for d in dates if d.date is not None]
    blanked = text
    for d in dates:
        blanked = blanked[: d.start] + " " * (d.end - d.start) + blanked[d.end :]
    years += [year for found in find_years(blanked) for year in found.years]
    return list(dict.fromkeys(years))


def _year_of(stmt: Statement) -> int | None:
    if stmt.year is not None:
        return stmt.year
    return stmt.date.year if stmt.date is not None else None


def _names_meeting(code: str, meeting: str) -> bool:
    upper = meeting.upper()
    return upper == code or upper.startswith(code + "-")


def check(ctx: Context) -> Iterator[Finding]:
    """Findings on each statement's year, session, meeting and attribution."""
    for i, stmt in enumerate(ctx.ds.statements):
        keys = (stmt.state,) if stmt.meeting is None else (stmt.state, stmt.meeting)
        year = _year_of(stmt)
        if stmt.year is not None and stmt.date is not None and stmt.year != stmt.date.year:
            yield finding(
                "APMBC-STMT-YEAR-DATE",
                f"statements[{i}].year",
                keys,
                f"year {stmt.year}, but the statement is dated {stmt.date}",
            )
        if stmt.session is not None and year is not None:
            try:
                sitting = sessions_in_year(year)
            except ApmbcError:
                sitting = ()
            if stmt.session not in sitting:
                listed = " or ".join(str(s) for s in sitting) or "none"
                yield finding(
                    "APMBC-STMT-YEAR-SESSION",
                    f"statements[{i}].session",
                    keys,
                    f"session {stmt.session}, but a statement of {year} belongs to session "
                    f"{listed}",
                )
        if stmt.attribution:
            yield from _attribution(i, stmt, keys, year)
        meeting = ctx.meeting_by_code.get(stmt.meeting) if stmt.meeting else None
        if meeting is not None and year is not None:
            years = meeting_years(meeting)
            if years and year not in years:
                held = str(years[0]) if len(years) == 1 else f"{years[0]}-{years[-1]}"
                yield finding(
                    "APMBC-STMT-MEETING-YEAR",
                    f"statements[{i}].meeting",
                    keys,
                    f"a statement of {year} attributed to {meeting.code}, held in {held}",
                )


def _attribution(
    i: int, stmt: Statement, keys: tuple[str, ...], year: int | None
) -> Iterator[Finding]:
    text = stmt.attribution or ""
    codes = attribution_meetings(text)
    if (
        codes
        and stmt.meeting is not None
        and not any(_names_meeting(c, stmt.meeting) for c in codes)
    ):
        yield finding(
            "APMBC-STMT-ATTRIBUTION",
            f"statements[{i}].attribution",
            keys,
            f"attribution {text!r} names {', '.join(codes)}, but the meeting is {stmt.meeting}",
        )
    years = attribution_years(text)
    if years and year is not None and year not in years:
        yield finding(
            "APMBC-STMT-ATTRIBUTION",
            f"statements[{i}].attribution",
            keys,
            f"attribution {text!r} names {', '.join(map(str, years))}, but the statement is "
            f"of {year}",
        )
