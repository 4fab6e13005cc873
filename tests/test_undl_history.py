"""The UN's voting files as they really come: the whole history since 1946, in both layouts.

Every file here is written by the test, in the shapes a real UN Digital Library file takes
(Security Council rows beside the General Assembly's, symbols of every era, several votes under
one symbol, States under several columns, cells no reader can read). Names, dates and votes are
made up for the test; only the Convention's title is real.
"""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest

import apmbc
from apmbc import Forum, ParseError, State, StateTable, VotePosition
from apmbc.domain.titles import RESOLUTION_TITLE
from apmbc.io.undl import LONG_COLUMNS, WIDE_LEADING_COLUMNS, check_undl_csv, load_undl_csv

STATES = StateTable(
    (
        State(code="CIV", name="Côte d'Ivoire", aliases=("Ivory Coast",)),
        State(code="CUB", name="Cuba"),
        State(code="FRA", name="France"),
        State(code="PRK", name="Democratic People's Republic of Korea"),
    )
)
Y, N, A, X = VotePosition.YES, VotePosition.NO, VotePosition.ABSTAIN, VotePosition.ABSENT


def write(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows(rows)
    return path


def wide(
    symbol: str,
    date: str,
    title: str,
    cells: list[str],
    *,
    council: str = "General Assembly",
    token: str = "",
    link: str = "",
) -> list[str]:
    return [council, date, title, symbol, "", "", "", "", "", link, token, *cells]


WIDE_NAMES = ["CUBA", "COTE D'IVOIRE", "Côte d’Ivoire", "IVORY COAST", "FRANCE"]
"""Five State columns: Cuba, Côte d'Ivoire three times (case, apostrophe, another name), France."""


def whole_history(tmp_path: Path) -> Path:
    """A wide file of every era, with a Security Council row and a State under three columns."""
    header = [*WIDE_LEADING_COLUMNS, *WIDE_NAMES]
    rows = [
        header,
        wide("A/RES/3028(XXVII)", "1972-12-18", "Question of Korea", ["Y", "", "", "", "N"]),
        wide(
            "S/RES/2334 (2016)",
            "2016-12-23",
            "The situation in the Middle East",
            ["Y"] * 5,
            council="Security Council",
        ),
        wide("A/RES/ES-10/6", "1999-02-09", "Illegal Israeli actions", ["Y", "A", "", "", "N"]),
        wide("A/RES/S-27/2", "2002-05-10", "A world fit for children", ["Y", "", "Y", "", "Y"]),
        wide(
            "A/RES/61/250A",
            "2007-02-26",
            "Financing of UNIFIL",
            ["N", "", "", "Y", "Y"],
            link="https://digitallibrary.un.org/record/594761",
        ),
        wide(
            "A/RES/61/250A",
            "2007-02-26",
            "Financing of UNIFIL: paragraph 4",
            ["A", "", "", "Y", "Y"],
            link="https://digitallibrary.un.org/record/594762",
        ),
        wide(
            "A/RES/55/33[B]",
            "2000-11-20",
            RESOLUTION_TITLE,
            ["A", "Y", "Y", "Y", "Y"],
            token="55-33B",
        ),
        wide("A/76/L.14", "2021-12-06", "A draft voted on as such", ["Y", "X", "", "", "Y"]),
        wide("MISSING_DATA", "1986-10-21", "A vote without a known symbol", ["", "Y", "", "", "Y"]),
    ]
    return write(tmp_path / "history.csv", rows)


def test_security_council_rows_are_skipped_and_counted(tmp_path: Path) -> None:
    ds = load_undl_csv(whole_history(tmp_path), title_filter=None, states=STATES)
    assert all(r.symbol is None or not r.symbol.startswith("S/") for r in ds.resolutions)
    (note,) = [n for n in ds.metadata.notes if "Security Council" in n]
    assert note.startswith("Skipped 1 Security Council row(s) (first on line 3)")


def test_symbols_of_every_era_give_their_sessions(tmp_path: Path) -> None:
    ds = load_undl_csv(whole_history(tmp_path), title_filter=None, states=STATES)
    sessions = {(r.symbol, r.title): r.session for r in ds.resolutions}
    assert sessions[("A/RES/3028(XXVII)", "Question of Korea")] == 27
    # Emergency special and special sessions: the regular session sitting on the date.
    assert sessions[("A/RES/ES-10/6", "Illegal Israeli actions")] == 53
    assert sessions[("A/RES/S-27/2", "A world fit for children")] == 56
    assert sessions[("A/RES/55/33 B", RESOLUTION_TITLE)] == 55
    assert sessions[("A/76/L.14", "A draft voted on as such")] == 76
    assert sessions[(None, "A vote without a known symbol")] == 41
    assert len(ds.resolutions) == 8


def test_several_votes_under_one_symbol_stay_apart(tmp_path: Path) -> None:
    ds = load_undl_csv(whole_history(tmp_path), title_filter=None, states=STATES)
    unifil = [r for r in ds.resolutions if r.symbol == "A/RES/61/250 A"]
    assert [r.record for r in unifil] == ["594761", "594762"]
    by_call = {
        r.record: {v.state: v.position for v in ds.votes if v.record == r.record} for r in unifil
    }
    assert by_call == {
        "594761": {"CUB": N, "CIV": Y, "FRA": Y},
        "594762": {"CUB": A, "CIV": Y, "FRA": Y},
    }
    keys = {f.code for f in apmbc.validate(ds)} & {"APMBC-KEY-RESOLUTION", "APMBC-KEY-VOTE"}
    assert keys == set()


def test_one_state_under_three_columns_is_one_vote(tmp_path: Path) -> None:
    ds = load_undl_csv(whole_history(tmp_path), title_filter=None, states=STATES)
    per_call: dict[object, list[str]] = {}
    for vote in ds.votes:
        per_call.setdefault(vote.roll_call, []).append(vote.state)
    assert all(len(states) == len(set(states)) for states in per_call.values())
    convention = ds.resolution(55)
    assert convention.record == "token:55-33B"
    assert ds.positions(55)[Y] == tuple(ds.states.lookup(c) for c in ("CIV", "FRA"))
    civ = [v for v in ds.votes if v.state == "CIV"]
    assert {v.recorded_name for v in civ} <= {"COTE D'IVOIRE", "Côte d’Ivoire", "IVORY COAST"}


def test_columns_of_one_state_that_disagree_are_reported(tmp_path: Path) -> None:
    header = [*WIDE_LEADING_COLUMNS, *WIDE_NAMES]
    row = wide("A/RES/77/63", "2022-12-07", RESOLUTION_TITLE, ["A", "Y", "N", "", "Y"])
    path = write(tmp_path / "columns.csv", [header, row])
    ds = load_undl_csv(path, states=STATES)
    assert {v.state for v in ds.votes} == {"CUB", "FRA"}
    (note,) = [n for n in ds.metadata.notes if "disagree" in n]
    assert "line 2" in note and '"COTE D\'IVOIRE" yes' in note and "'Côte d’Ivoire' no" in note
    with pytest.raises(ParseError) as caught:
        load_undl_csv(path, states=STATES, strict=True)
    assert caught.value.line == 2


def test_the_default_filter_still_yields_exactly_the_conventions_resolutions(
    tmp_path: Path,
) -> None:
    ds = load_undl_csv(whole_history(tmp_path), states=STATES)
    assert [(r.session, r.symbol, r.convention) for r in ds.resolutions] == [
        (55, "A/RES/55/33 B", True)
    ]
    assert {v.record for v in ds.votes} == {None}
    every = load_undl_csv(whole_history(tmp_path), title_filter=None, states=STATES)
    assert [r.session for r in every.resolutions if r.convention] == [55]
    assert all(r.record for r in every.resolutions)


def long_rows(
    symbol: str, date: str, session: str, title: str, votes: dict[str, str], **kw: str
) -> list[list[str]]:
    record = kw.get("record", "1")
    return [
        [
            record,
            "",
            name,
            code,
            date,
            session,
            symbol,
            "",
            "",
            "",
            title,
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
        ]
        for name, code in votes.items()
    ]


def test_a_long_file_with_an_emergency_session_loads_without_a_filter(tmp_path: Path) -> None:
    rows = [
        list(LONG_COLUMNS),
        *long_rows(
            "A/RES/ES-11/1",
            "2022-03-02",
            "",
            "Aggression against Ukraine",
            {"CUBA": "A", "FRANCE": "Y"},
            record="3959039",
        ),
        *long_rows(
            "A/RES/77/63",
            "2022-12-07",
            "77",
            RESOLUTION_TITLE,
            {"CUBA": "A", "FRANCE": "Y", "DEMOCRATIC PEOPLE'S REPUBLIC OF KOREA": ""},
            record="3996620",
        ),
    ]
    path = write(tmp_path / "long.csv", rows)
    every = load_undl_csv(path, title_filter=None, states=STATES)
    assert [(r.symbol, r.session, r.convention) for r in every.resolutions] == [
        ("A/RES/ES-11/1", 76, False),
        ("A/RES/77/63", 77, True),
    ]
    assert every.votes_by_session("PRK") == {77: X}
    default = load_undl_csv(path, states=STATES)
    assert [r.symbol for r in default.resolutions] == ["A/RES/77/63"]
    assert apmbc.validate(every) == []


def test_a_value_that_cannot_be_read_is_reported_and_the_rest_read(tmp_path: Path) -> None:
    header = [*WIDE_LEADING_COLUMNS, "CUBA", "FRANCE", ""]
    rows = [
        header,
        wide("A/RES/77/63", "2022-12-07", RESOLUTION_TITLE, ["maybe", "Y", ""]),
        wide("A/RES/77/64", "31 February 2022", "Another text", ["Y", "Y", "stray"]),
        wide("A/RES/77/65", "2022-12-07", "A third text", ["Y"]),
    ]
    report = check_undl_csv(write(tmp_path / "bad.csv", rows), states=STATES)
    assert [(p.line, p.column, p.column_name) for p in report.problems] == [
        (2, 12, "CUBA"),
        (3, 2, "Date"),
        (3, 14, ""),
        (4, None, None),
    ]
    assert (report.rows, report.kept, report.skipped_rows) == (3, 2, 1)
    ds = report.dataset
    # The bad vote is left out; the date unknown; the session from the symbol.
    assert [v.state for v in ds.votes if v.resolution == "A/RES/77/63"] == ["FRA"]
    assert ds.resolutions.get("A/RES/77/64").date is None
    assert ds.resolutions.get("A/RES/77/64").session == 77


def test_an_unknown_name_of_the_past_is_a_state_record_of_its_own(tmp_path: Path) -> None:
    header = [*WIDE_LEADING_COLUMNS, "CUBA", "CZECHOSLOVAKIA"]
    row = wide("A/RES/3028(XXVII)", "1972-12-18", "Question of Korea", ["Y", "N"])
    ds = load_undl_csv(write(tmp_path / "old.csv", [header, row]), title_filter=None, states=STATES)
    czechoslovakia = ds.state("CZECHOSLOVAKIA")
    assert czechoslovakia.name == "CZECHOSLOVAKIA"
    assert [f for f in apmbc.validate(ds) if f.code == "APMBC-REF-STATE"] == []


def test_the_date_of_a_special_session_vote_decides_its_session() -> None:
    from apmbc.domain.symbols import parse_symbol

    symbol = parse_symbol("A/RES/ES-10/6")
    assert symbol is not None
    assert symbol.regular_session(dt.date(1999, 2, 9)) == 53
    assert symbol.regular_session(dt.date(1999, 9, 20)) == 54
    assert symbol.special == "ES-10"
    assert Forum.PLENARY is symbol.forum


@pytest.mark.parametrize(
    ("symbol", "date", "session", "kept", "message"),
    [
        ("A/RES/0/1", "2022-12-07", "0", False, "session 0 is not in the General Assembly's"),
        ("A/RES/8054/1", "2022-12-07", "8054", False, "session 8054 is not in the General"),
        ("A/RES/77/63", "0001-01-01", "77", True, "cannot be dated 0001-01-01"),
        ("A/RES/77/63", "9999-12-31", "77", True, "cannot be dated 9999-12-31"),
        ("A/RES/77/63", "2022-12-07", "-1945", False, "expected a session number"),
    ],
)
def test_an_absurd_session_or_date_is_reported_not_read(
    tmp_path: Path, symbol: str, date: str, session: str, kept: bool, message: str
) -> None:
    rows = [list(LONG_COLUMNS), *long_rows(symbol, date, session, RESOLUTION_TITLE, {"CUBA": "A"})]
    report = check_undl_csv(write(tmp_path / "absurd.csv", rows), states=STATES)
    (problem,) = report.problems
    assert message in problem.message and problem.line == 2
    if kept:  # the vote stands; only the impossible date is left unknown
        ((resolution_session, resolution_date),) = [
            (r.session, r.date) for r in report.dataset.resolutions
        ]
        assert (resolution_session, resolution_date) == (77, None)
        assert len(report.dataset.votes) == 1
    else:
        assert report.dataset.votes == () and report.dataset.resolutions == ()


def test_max_bytes_refuses_a_larger_file_before_reading_it(tmp_path: Path) -> None:
    rows = [
        list(LONG_COLUMNS),
        *long_rows("A/RES/77/63", "2022-12-07", "77", RESOLUTION_TITLE, {"CUBA": "A"}),
    ]
    path = write(tmp_path / "small.csv", rows)
    size = path.stat().st_size
    assert len(load_undl_csv(path, states=STATES, max_bytes=size).votes) == 1
    with pytest.raises(ParseError, match="max_bytes"):
        load_undl_csv(path, states=STATES, max_bytes=size - 1)
    with pytest.raises(apmbc.ArgumentTypeError):
        check_undl_csv(path, states=STATES, max_bytes="big")  # type: ignore[arg-type]
