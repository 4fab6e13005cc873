"""The profile reader and the statement rules read an attribution the same way.

Both go through the domain (``find_meetings``, ``find_years``, ``find_dates``): what the reader
takes from an attribution for a statement's meeting and year is what the rules find in it, so a
statement the reader builds never gets an attribution finding, and one whose meeting field was
changed does.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import attrs
import pytest
from factory import first_msp, meetings, world

import apmbc
from apmbc import Statement
from apmbc.io.profile import read_profile
from apmbc.io.profile._statements import StatementParts, read_statement
from apmbc.validation._statements import attribution_meetings, attribution_years

PROFILES = Path(__file__).resolve().parent / "profiles"

# A made-up meeting that sat across a new year, so that both of its years are right for it.
NEW_YEAR = first_msp(
    code="9MSP",
    number=9,
    name="Ninth Meeting",
    start=dt.date(2008, 12, 30),
    end=dt.date(2009, 1, 2),
)

ATTRIBUTIONS = [
    "(1MSP, 1999)",
    "(First Meeting of the States Parties, 1999)",
    "(1st Meeting of the States Parties, Fredville, 3-7 May 1999)",
    "(1RC, 2004)",
    "(Statement at the First Review Conference, Nairobi, 29 November 2004)",
    "(the Second Review Conference, 2009)",
    "(2RC, 2 December 2009)",
    "(9MSP, 2008)",
    "(9MSP, 2009)",
    "(Ninth Meeting of the States Parties, 2008-2009)",
    "(IM, 2018-2019)",
    "(Intersessional meetings, 2005)",
    "(explanation of vote, First Committee, 2005)",
    "(explanation of vote, A/C.1/60/L.30, 2005)",
    "(7 December 2022)",
]


def _parts(attribution: str) -> StatementParts:
    parts = read_statement(f'"We stand by the Convention." {attribution}')
    assert isinstance(parts, StatementParts), parts
    return parts


def _statement(parts: StatementParts, **overrides: object) -> Statement:
    fields = {
        "state": "ELB",
        "text": parts.text,
        "context": parts.context,
        "verbatim": parts.verbatim,
        "attribution": parts.attribution,
        "meeting": parts.meeting,
        "session": parts.session,
        "forum": parts.forum,
        "year": parts.year,
        "date": parts.date,
    }
    fields.update(overrides)
    return Statement(**fields)  # type: ignore[arg-type]


def _statement_findings(stmt: Statement) -> list[str]:
    ds = world(meetings=(*meetings(), NEW_YEAR), statements=(stmt,))
    return [
        f"{f.code}: {f.message}"
        for f in apmbc.validate(ds)
        if f.code.startswith("APMBC-STMT") and f.path.startswith("statements[0]")
    ]


@pytest.mark.parametrize("attribution", ATTRIBUTIONS)
def test_the_reader_takes_what_the_rules_find(attribution: str) -> None:
    parts = _parts(attribution)
    assert parts.attribution == attribution
    if parts.meeting is not None:
        assert parts.meeting in attribution_meetings(attribution)
    if parts.year is not None:
        assert parts.year in attribution_years(attribution)
    assert _statement_findings(_statement(parts)) == []


@pytest.mark.parametrize(
    ("attribution", "meeting"),
    [
        ("(1MSP, 1999)", "1MSP"),
        ("(First Meeting of the States Parties, 1999)", "1MSP"),
        ("(the Second Review Conference, 2009)", "2RC"),
        ("(Ninth Meeting of the States Parties, 2008-2009)", "9MSP"),
    ],
)
def test_a_changed_meeting_field_is_found(attribution: str, meeting: str) -> None:
    parts = _parts(attribution)
    assert parts.meeting == meeting
    wrong = "1RC" if meeting != "1RC" else "2RC"
    found = _statement_findings(_statement(parts, meeting=wrong))
    assert any(f.startswith("APMBC-STMT-ATTRIBUTION") for f in found), found


def test_a_year_outside_the_attribution_is_found() -> None:
    parts = _parts("(9MSP, 2009)")
    assert parts.year == 2009
    found = _statement_findings(_statement(parts, year=2010))
    assert any(f.startswith("APMBC-STMT-ATTRIBUTION") for f in found), found
    assert any(f.startswith("APMBC-STMT-MEETING-YEAR") for f in found), found


@pytest.mark.parametrize("page", sorted(p.name for p in PROFILES.glob("*.*") if p.suffix != ".md"))
def test_every_fixture_statement_agrees_with_its_attribution(page: str) -> None:
    profile = read_profile(PROFILES / page)
    for stmt in profile.statements:
        if stmt.attribution is None:
            continue
        if stmt.meeting is not None:
            assert stmt.meeting in attribution_meetings(stmt.attribution), stmt
        if stmt.year is not None:
            assert stmt.year in attribution_years(stmt.attribution), stmt
        changed = attrs.evolve(stmt, state="ELB")
        assert not [f for f in _statement_findings(changed) if "ATTRIBUTION" in f], stmt
