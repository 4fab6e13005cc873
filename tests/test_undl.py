"""Tests of the UN Digital Library voting CSV loader and writer (apmbc.io.undl)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import tracemalloc
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

import apmbc
from apmbc import (
    ApmbcError,
    Dataset,
    DataValidationError,
    Forum,
    Metadata,
    ParseError,
    Resolution,
    Source,
    State,
    StateTable,
    Tally,
    Vote,
    VotePosition,
)
from apmbc.domain.symbols import normalize_symbol
from apmbc.domain.titles import CONVENTION_TITLE, is_convention_title
from apmbc.io.undl import (
    LONG_COLUMNS,
    WIDE_LEADING_COLUMNS,
    load_undl_csv,
    write_undl_csv,
)

BAD = Path(__file__).parent / "bad_inputs" / "undl"
TITLE = f"Implementation of the {CONVENTION_TITLE}"
TITLE_52 = CONVENTION_TITLE.replace("Anti-Personnel", "Anti-personnel")
OTHER = "Contributions towards banning anti-personnel landmines"

STATES = StateTable(
    (
        State(code="CAN", name="Canada"),
        State(code="CUB", name="Cuba"),
        State(code="SRB", name="Serbia", former_names=("YUGOSLAVIA", "SERBIA AND MONTENEGRO")),
        State(code="SWZ", name="Eswatini", former_names=("SWAZILAND",)),
        State(code="TUR", name="Türkiye", former_names=("TURKEY",)),
        State(code="USA", name="United States of America", aliases=("United States",)),
    )
)


def long_row(
    name: str,
    vote: str,
    *,
    code: str = "",
    symbol: str = "A/RES/77/63",
    session: str = "77",
    date: str = "2022-12-07",
    title: str = TITLE,
    totals: tuple[str, ...] = ("", "", "", "", ""),
    link: str = "https://digitallibrary.un.org/record/3996620",
) -> list[str]:
    """One long-layout row in the UN's column order."""
    return [
        "3996620",
        code,
        name,
        vote,
        date,
        session,
        symbol,
        "",
        "",
        "",
        title,
        "",
        "",
        *totals,
        link,
    ]


def write_rows(path: Path, header: list[str] | tuple[str, ...], rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)
    return path


def votes_of(ds: Dataset) -> dict[tuple[str, int, Forum], VotePosition]:
    return {(v.state, v.session, v.forum): v.position for v in ds.votes}


# -- the title filter ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "title",
    [
        TITLE,
        TITLE_52,
        TITLE.upper(),
        TITLE.replace("Anti-Personnel", "Antipersonnel"),
        TITLE.replace("Anti-Personnel", "Anti - personnel").replace(" on ", "  on "),
        f"{TITLE} : resolution / adopted by the General Assembly",
        "implementation of convention on the prohibition of the use, stockpiling, production and "
        "transfer of anti-personnel mines and on their destruction",
    ],
)
def test_default_filter_keeps_the_conventions_titles(title: str) -> None:
    assert is_convention_title(title) is True


@pytest.mark.parametrize(
    "title",
    [
        OTHER,
        "An international agreement to ban anti-personnel landmines",
        "Assistance in mine action",
        "Convention on the Prohibition of the Development, Production, Stockpiling and Use of "
        "Chemical Weapons and on Their Destruction",
        f"Contributions towards the {CONVENTION_TITLE}",
        "",
    ],
)
def test_default_filter_rejects_other_texts(title: str) -> None:
    assert is_convention_title(title) is False


def _mixed_file(tmp_path: Path) -> Path:
    rows = [
        long_row("CANADA", "Y", symbol="A/RES/52/38 A", session="52", title=TITLE_52),
        long_row("CUBA", "A", symbol="A/RES/52/38 A", session="52", title=TITLE_52),
        long_row("CANADA", "Y", symbol="A/RES/52/38 H", session="52", title=OTHER),
        long_row("CUBA", "Y", symbol="A/RES/52/38 H", session="52", title=OTHER),
        long_row("CANADA", "Y", symbol="A/RES/77/63"),
        long_row("CUBA", "A", symbol="A/RES/77/63"),
    ]
    return write_rows(tmp_path / "mixed.csv", LONG_COLUMNS, rows)


def test_load_keeps_only_the_conventions_resolutions_by_default(tmp_path: Path) -> None:
    ds = load_undl_csv(_mixed_file(tmp_path), states=STATES)
    assert [r.symbol for r in ds.resolutions] == ["A/RES/52/38 A", "A/RES/77/63"]
    assert votes_of(ds) == {
        ("CAN", 52, Forum.PLENARY): VotePosition.YES,
        ("CUB", 52, Forum.PLENARY): VotePosition.ABSTAIN,
        ("CAN", 77, Forum.PLENARY): VotePosition.YES,
        ("CUB", 77, Forum.PLENARY): VotePosition.ABSTAIN,
    }


def test_title_filter_none_string_and_callable(tmp_path: Path) -> None:
    path = _mixed_file(tmp_path)
    everything = load_undl_csv(path, title_filter=None, states=STATES)
    assert [r.symbol for r in everything.resolutions] == [
        "A/RES/52/38 A",
        "A/RES/52/38 H",
        "A/RES/77/63",
    ]
    assert len(everything.votes) == 6
    by_text = load_undl_csv(path, title_filter="BANNING anti personnel", states=STATES)
    assert [r.symbol for r in by_text.resolutions] == ["A/RES/52/38 H"]
    by_function = load_undl_csv(path, title_filter=lambda t: t == OTHER, states=STATES)
    assert [r.symbol for r in by_function.resolutions] == ["A/RES/52/38 H"]
    with pytest.raises(TypeError, match="title_filter"):
        load_undl_csv(path, title_filter=3, states=STATES)  # type: ignore[arg-type]


# -- symbols, sessions, forums, dates ----------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("A/RES/55/33[V]", "A/RES/55/33 V"),
        ("A/RES/54/54B", "A/RES/54/54 B"),
        ("A/RES/59/84 ", "A/RES/59/84"),
        ("a/res/52/38  a", "A/RES/52/38 A"),
        ("A/RES/53/77 (N)", "A/RES/53/77 N"),
        (" A/C.1/79/L.30 ", "A/C.1/79/L.30"),
    ],
)
def test_normalize_symbol(raw: str, expected: str) -> None:
    assert normalize_symbol(raw) == expected


def test_symbols_sessions_and_dates_are_read(tmp_path: Path) -> None:
    header = [c for c in LONG_COLUMNS if c != "session"]
    rows = []
    for symbol, date in (
        ("A/RES/55/33[V]", "20 November 2000"),
        ("A/RES/54/54B", "1999-12-01"),
        ("A/RES/59/84 ", "3 December 2004"),
    ):
        row = long_row("CANADA", "Y", symbol=symbol, date=date)
        del row[LONG_COLUMNS.index("session")]
        rows.append(row)
    ds = load_undl_csv(write_rows(tmp_path / "nosession.csv", header, rows), states=STATES)
    found = [(r.symbol, r.session, r.date) for r in ds.resolutions]
    assert found == [
        ("A/RES/54/54 B", 54, dt.date(1999, 12, 1)),
        ("A/RES/55/33 V", 55, dt.date(2000, 11, 20)),
        ("A/RES/59/84", 59, dt.date(2004, 12, 3)),
    ]
    assert [v.resolution for v in ds.votes] == ["A/RES/54/54 B", "A/RES/55/33 V", "A/RES/59/84"]
    assert all(r.forum is Forum.PLENARY for r in ds.resolutions)


def test_a_committee_column_sets_the_forum(tmp_path: Path) -> None:
    header = [*LONG_COLUMNS, "committee"]
    rows = [
        [*long_row("CANADA", "Y", symbol="A/C.1/79/L.30", session="79"), "First Committee"],
        [*long_row("CANADA", "Y", symbol="A/RES/79/34", session="79"), ""],
        [*long_row("CUBA", "A", symbol="A/RES/79/34", session="79"), "Plenary"],
    ]
    ds = load_undl_csv(write_rows(tmp_path / "forum.csv", header, rows), states=STATES)
    assert [(r.symbol, r.forum) for r in ds.resolutions] == [
        ("A/RES/79/34", Forum.PLENARY),
        ("A/C.1/79/L.30", Forum.FIRST_COMMITTEE),
    ]
    assert votes_of(ds)[("CAN", 79, Forum.FIRST_COMMITTEE)] is VotePosition.YES


def test_a_first_committee_symbol_means_first_committee(tmp_path: Path) -> None:
    rows = [long_row("CANADA", "Y", symbol="A/C.1/79/L.30", session="79")]
    ds = load_undl_csv(write_rows(tmp_path / "c1.csv", LONG_COLUMNS, rows), states=STATES)
    assert ds.resolutions[0].forum is Forum.FIRST_COMMITTEE


# -- vote codes and States ---------------------------------------------------------------------


def test_vote_codes(tmp_path: Path) -> None:
    rows = [
        long_row("CANADA", "Y"),
        long_row("CUBA", "N"),
        long_row("TURKEY", "A"),
        long_row("SWAZILAND", "X"),
        long_row("YUGOSLAVIA", "NV"),
        long_row("UNITED STATES", ""),
    ]
    ds = load_undl_csv(write_rows(tmp_path / "codes.csv", LONG_COLUMNS, rows), states=STATES)
    assert {v.state: v.position for v in ds.votes} == {
        "CAN": VotePosition.YES,
        "CUB": VotePosition.NO,
        "TUR": VotePosition.ABSTAIN,
        "SWZ": VotePosition.ABSENT,
        "SRB": VotePosition.ABSENT,
        "USA": VotePosition.ABSENT,
    }
    assert {v.state: v.recorded_name for v in ds.votes}["SWZ"] == "SWAZILAND"
    assert [s.code for s in ds.states] == ["CAN", "CUB", "SRB", "SWZ", "TUR", "USA"]
    assert ds.resolutions[0].tally == Tally(yes=1, no=1, abstain=1, absent=3)


def test_unknown_vote_code_names_file_line_and_column(tmp_path: Path) -> None:
    rows = [long_row("CANADA", "Y"), long_row("CUBA", "maybe")]
    path = write_rows(tmp_path / "code.csv", LONG_COLUMNS, rows)
    # By default the value is left out, named with its line and column; the rest is read.
    ds = load_undl_csv(path, states=STATES)
    assert votes_of(ds) == {("CAN", 77, Forum.PLENARY): VotePosition.YES}
    (note,) = [n for n in ds.metadata.notes if "could not be read" in n]
    assert "line 3, column 'ms_vote': unknown vote code" in note and "'maybe'" in note
    with pytest.raises(ParseError) as info:
        load_undl_csv(path, states=STATES, strict=True)
    assert info.value.line == 3
    assert info.value.column == 4
    assert str(path) in str(info.value)
    assert "ms_vote" in str(info.value)
    assert "'maybe'" in str(info.value)


def test_ms_codes_map_including_historical_ones(tmp_path: Path) -> None:
    rows = [
        long_row("YUGOSLAVIA", "Y", code="YUG", symbol="A/RES/54/54 B", session="54"),
        long_row("SERBIA AND MONTENEGRO", "Y", code="SCG", symbol="A/RES/59/84", session="59"),
        long_row("WHATEVER THE NAME", "A", code="CUB", symbol="A/RES/59/84", session="59"),
    ]
    ds = load_undl_csv(write_rows(tmp_path / "codes.csv", LONG_COLUMNS, rows), states=STATES)
    assert [(v.state, v.session, v.recorded_name) for v in ds.votes] == [
        ("SRB", 54, "YUGOSLAVIA"),
        ("CUB", 59, "WHATEVER THE NAME"),
        ("SRB", 59, "SERBIA AND MONTENEGRO"),
    ]
    assert any("name different States" in n for n in ds.metadata.notes) is False


def test_an_unknown_name_is_kept_and_reported(tmp_path: Path) -> None:
    rows = [long_row("CANADA", "Y"), long_row("CZECHOSLOVAKIA", "Y"), long_row("CUBA", "A")]
    ds = load_undl_csv(write_rows(tmp_path / "unknown.csv", LONG_COLUMNS, rows), states=STATES)
    assert {v.state for v in ds.votes} == {"CAN", "CZECHOSLOVAKIA", "CUB"}
    # A State record keyed by the name says so, so that the dataset refers to no missing State.
    assert [s.code for s in ds.states] == ["CAN", "CUB", "CZECHOSLOVAKIA"]
    assert "keyed by the name" in ds.states.lookup("CZECHOSLOVAKIA").notes[0]
    assert [f.code for f in apmbc.validate(ds) if f.code == "APMBC-REF-STATE"] == []
    notes = [n for n in ds.metadata.notes if "CZECHOSLOVAKIA" in n]
    assert len(notes) == 1
    assert "line 3" in notes[0] and "1 vote(s)" in notes[0]


def test_states_may_be_a_dataset(tmp_path: Path) -> None:
    ds_states = Dataset(metadata=Metadata(data_version="t"), states=tuple(STATES))
    rows = [long_row("CANADA", "Y")]
    ds = load_undl_csv(write_rows(tmp_path / "a.csv", LONG_COLUMNS, rows), states=ds_states)
    assert ds.votes[0].state == "CAN"
    with pytest.raises(TypeError, match="states"):
        load_undl_csv(tmp_path / "a.csv", states=["CAN"])  # type: ignore[arg-type]


# -- totals ------------------------------------------------------------------------------------


def test_tally_is_the_files_totals_and_contradictions_are_noted(tmp_path: Path) -> None:
    wrong = ("3", "0", "1", "0", "4")  # says 3 yes, the rows have 2
    rows = [
        long_row("CANADA", "Y", totals=wrong),
        long_row("TURKEY", "Y", totals=wrong),
        long_row("CUBA", "A", totals=wrong),
    ]
    ds = load_undl_csv(write_rows(tmp_path / "totals.csv", LONG_COLUMNS, rows), states=STATES)
    resolution = ds.resolutions[0]
    assert resolution.tally == Tally(yes=3, no=0, abstain=1, absent=0)
    assert len(resolution.notes) == 1
    assert "lines 2-4" in resolution.notes[0]
    assert "yes 3 in the file, 2 counted" in resolution.notes[0]
    assert "total_ms 4 in the file, 3 counted" in resolution.notes[0]
    assert resolution.notes[0] in ds.metadata.notes


def test_consistent_totals_leave_no_note(tmp_path: Path) -> None:
    right = ("2", "0", "1", "0", "3")
    rows = [
        long_row("CANADA", "Y", totals=right),
        long_row("TURKEY", "Y", totals=right),
        long_row("CUBA", "A", totals=right),
    ]
    ds = load_undl_csv(write_rows(tmp_path / "ok.csv", LONG_COLUMNS, rows), states=STATES)
    assert ds.resolutions[0].notes == ()
    assert ds.resolutions[0].tally == Tally(yes=2, no=0, abstain=1, absent=0)
    assert len(ds.metadata.notes) == 1  # only the summary
    assert "kept 3 rows of 1 General Assembly roll call" in ds.metadata.notes[0]


def test_duplicate_rows_are_reported(tmp_path: Path) -> None:
    rows = [long_row("CANADA", "Y"), long_row("CANADA", "N")]
    ds = load_undl_csv(write_rows(tmp_path / "dup.csv", LONG_COLUMNS, rows), states=STATES)
    assert [v.position for v in ds.votes] == [VotePosition.YES]
    assert "first on line 3" in ds.resolutions[0].notes[0]


# -- header editions and the file itself --------------------------------------------------------


def test_plural_and_hyphenated_column_names(tmp_path: Path) -> None:
    renamed = {
        "ms_code": "ms_codes",
        "ms_name": "ms_names",
        "ms_vote": "ms_votes",
        "resolution": "resolutions",
        "agenda_title": "agenda_titles",
        "total_yes": "yes",
        "total_no": "no",
        "total_abstentions": "abstentions",
        "total_non_voting": "non-voting",
        "total_ms": "total-voting",
    }
    header = [renamed.get(c, c) for c in LONG_COLUMNS]
    totals = ("1", "0", "1", "0", "2")
    rows = [long_row("CANADA", "Y", totals=totals), long_row("CUBA", "A", totals=totals)]
    ds = load_undl_csv(write_rows(tmp_path / "plural.csv", header, rows), states=STATES)
    assert votes_of(ds) == {
        ("CAN", 77, Forum.PLENARY): VotePosition.YES,
        ("CUB", 77, Forum.PLENARY): VotePosition.ABSTAIN,
    }
    assert ds.resolutions[0].notes == ()


def test_bom_and_crlf_are_handled(tmp_path: Path) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(LONG_COLUMNS)
    writer.writerow(long_row("CANADA", "Y"))
    path = tmp_path / "bom.csv"
    path.write_bytes(b"\xef\xbb\xbf" + buffer.getvalue().encode("utf-8"))
    ds = load_undl_csv(path, states=STATES)
    assert [v.state for v in ds.votes] == ["CAN"]


def test_a_title_spanning_lines_keeps_line_numbers_right(tmp_path: Path) -> None:
    rows = [
        long_row("CANADA", "Y", title=TITLE.replace(" and on ", "\nand on ")),
        long_row("CUBA", "bad"),
    ]
    path = write_rows(tmp_path / "multiline.csv", LONG_COLUMNS, rows)
    with pytest.raises(ParseError) as info:
        load_undl_csv(path, states=STATES, strict=True)
    assert info.value.line == 4  # header 1, the first row on lines 2-3


def test_metadata_names_the_file(tmp_path: Path) -> None:
    rows = [long_row("CANADA", "Y")]
    ds = load_undl_csv(write_rows(tmp_path / "ga_votes.csv", LONG_COLUMNS, rows), states=STATES)
    assert ds.metadata.data_version == "undl:ga_votes.csv"
    assert "ga_votes.csv" in (ds.metadata.sources[0].citation or "")
    assert ds.votes[0].sources[0].url == "https://digitallibrary.un.org/record/3996620"


def test_header_only_gives_an_empty_dataset(tmp_path: Path) -> None:
    ds = load_undl_csv(write_rows(tmp_path / "h.csv", LONG_COLUMNS, []), states=STATES)
    assert (ds.resolutions, ds.votes, tuple(ds.states)) == ((), (), ())


def test_missing_file_is_a_parse_error(tmp_path: Path) -> None:
    with pytest.raises(ParseError, match="cannot read the UN voting CSV: No such file"):
        load_undl_csv(tmp_path / "nope.csv", states=STATES)


def test_latin1_byte_is_located(tmp_path: Path) -> None:
    text = "".join(",".join(r) + "\n" for r in [LONG_COLUMNS, long_row("CANADA", "Y", title=OTHER)])
    path = tmp_path / "latin1.csv"
    path.write_bytes(text.encode("utf-8") + "x,CIV,CÔTE,Y\n".encode("latin-1"))
    with pytest.raises(ParseError) as info:
        load_undl_csv(path, states=STATES)
    assert info.value.line == 3
    assert "not UTF-8" in str(info.value)


def test_ten_megabyte_line(tmp_path: Path) -> None:
    path = tmp_path / "huge.csv"
    with path.open("w", encoding="utf-8") as handle:
        handle.write(",".join(LONG_COLUMNS) + "\n")
        handle.write(",".join(long_row("CANADA", "Y", title=OTHER)) + "\n")
        handle.write("x" * 10_000_000 + "\n")
    with pytest.raises(ParseError) as info:
        load_undl_csv(path, states=STATES)
    assert info.value.line == 3
    assert "longer than" in str(info.value)
    quoted = tmp_path / "huge-quoted.csv"
    with quoted.open("w", encoding="utf-8") as handle:
        handle.write(",".join(LONG_COLUMNS) + "\n")
        handle.write('"' + "y" * 10_000_000 + '",' + ",".join(long_row("CANADA", "Y")[1:]) + "\n")
    with pytest.raises(ParseError) as info:
        load_undl_csv(quoted, states=STATES)
    assert info.value.line == 2


def test_open_quote_names_the_line_it_opened_on(tmp_path: Path) -> None:
    lines = [",".join(LONG_COLUMNS), ",".join(long_row("CANADA", "Y", title=OTHER))]
    lines.append('1,CUB,"CUBA,Y')
    lines.extend(",".join(long_row("CANADA", "Y", title=OTHER)) for _ in range(3))
    path = tmp_path / "open.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(ParseError) as info:
        load_undl_csv(path, states=STATES)
    assert info.value.line == 3
    assert "never closed" in str(info.value)


@pytest.mark.parametrize(
    "path", sorted(p for p in BAD.iterdir() if p.name != "README.md"), ids=lambda p: p.name
)
def test_bad_inputs(path: Path) -> None:
    with pytest.raises(ApmbcError) as info:
        load_undl_csv(path, states=STATES, strict=True)
    message = str(info.value)
    assert str(path) in message
    assert re.search(rf"{re.escape(str(path))}:\d+", message), message


def test_there_are_at_least_twenty_bad_inputs() -> None:
    assert len([p for p in BAD.iterdir() if p.name != "README.md"]) >= 20


# -- the wide layout ---------------------------------------------------------------------------


def wide_row(
    cells: dict[str, str],
    names: list[str],
    counts: tuple[str, str, str, str, str],
    *,
    symbol: str = "A/RES/77/63",
    title: str = TITLE,
    date: str = "7 December 2022",
) -> list[str]:
    total, no_vote, absent, no, yes = counts
    lead = ["General Assembly", date, title, symbol, total, no_vote, absent, no, yes, "", "x"]
    return [*lead, *(cells.get(n, "") for n in names)]


def test_wide_layout_with_typos_in_the_header(tmp_path: Path) -> None:
    names = ["CANADA", "CUBA", "SWAZILAND", "TURKEY", "YUGOSLAVIA", "SERBIA"]
    header = [
        "Council",
        "Date ",
        "Title",
        "Resolution",
        "TOTAL  VOTES",
        "NO-VOTE COUNT",
        "ABSENT COUNTT",
        "NO COUNT",
        "YES COUT",
        "Link",
        "token",
        *names,
    ]
    rows = [
        wide_row(
            {"CANADA": "Y", "CUBA": "A", "SWAZILAND": "X", "TURKEY": "N", "YUGOSLAVIA": "Y"},
            names,
            ("5", "1", "1", "1", "2"),
            symbol="A/RES/55/33[V]",
            date="20 November 2000",
        ),
        wide_row({"CANADA": "Y"}, names, ("1", "0", "0", "0", "1"), title=OTHER),
    ]
    ds = load_undl_csv(write_rows(tmp_path / "wide.csv", header, rows), states=STATES)
    assert [r.symbol for r in ds.resolutions] == ["A/RES/55/33 V"]
    resolution = ds.resolutions[0]
    assert (resolution.session, resolution.date) == (55, dt.date(2000, 11, 20))
    assert resolution.tally == Tally(yes=2, no=1, abstain=1, absent=1)
    assert resolution.notes == ()
    assert {v.state: v.position for v in ds.votes} == {
        "CAN": VotePosition.YES,
        "CUB": VotePosition.ABSTAIN,
        "SWZ": VotePosition.ABSENT,
        "TUR": VotePosition.NO,
        "SRB": VotePosition.YES,  # YUGOSLAVIA; the empty SERBIA cell is no record
    }


def test_wide_totals_that_do_not_add_up_are_noted(tmp_path: Path) -> None:
    names = ["CANADA", "CUBA"]
    rows = [wide_row({"CANADA": "Y", "CUBA": "A"}, names, ("3", "0", "1", "0", "1"))]
    header = [*WIDE_LEADING_COLUMNS, *names]
    ds = load_undl_csv(write_rows(tmp_path / "w.csv", header, rows), states=STATES)
    note = ds.resolutions[0].notes[0]
    assert "line 2" in note
    assert "TOTAL VOTES 3 in the file, 2 counted" in note
    assert "add up to 2, but TOTAL VOTES is 3" in note


def test_wide_non_numeric_count_names_the_column(tmp_path: Path) -> None:
    names = ["CANADA"]
    rows = [wide_row({"CANADA": "Y"}, names, ("1", "0", "0", "0", "lots"))]
    path = write_rows(tmp_path / "w.csv", [*WIDE_LEADING_COLUMNS, *names], rows)
    with pytest.raises(ParseError) as info:
        load_undl_csv(path, states=STATES, strict=True)
    assert (info.value.line, info.value.column) == (2, 9)
    assert "YES COUNT" in str(info.value)
    ds = load_undl_csv(path, states=STATES)  # by default: noted, and the tally counted instead
    assert ds.resolutions[0].tally.yes == 1
    assert any("column 'YES COUNT'" in n for n in ds.metadata.notes)


# -- writing and round trips -------------------------------------------------------------------


def small_dataset() -> Dataset:
    src = (Source(url="https://digitallibrary.un.org/record/284897"),)
    resolutions = (
        Resolution(
            session=52,
            forum=Forum.PLENARY,
            symbol="A/RES/52/38 A",
            date=dt.date(1997, 12, 9),
            title=TITLE_52,
            tally=Tally(yes=2, no=0, abstain=1, absent=1),
            sources=src,
        ),
        Resolution(session=77, forum=Forum.PLENARY, symbol="A/RES/77/63"),
        Resolution(session=77, forum=Forum.FIRST_COMMITTEE, symbol="A/C.1/77/L.5"),
    )
    votes = (
        Vote(state="CAN", session=52, forum=Forum.PLENARY, position=VotePosition.YES),
        Vote(
            state="SRB",
            session=52,
            forum=Forum.PLENARY,
            position=VotePosition.YES,
            recorded_name="YUGOSLAVIA",
        ),
        Vote(state="CUB", session=52, forum=Forum.PLENARY, position=VotePosition.ABSTAIN),
        Vote(
            state="SWZ",
            session=52,
            forum=Forum.PLENARY,
            position=VotePosition.ABSENT,
            recorded_name="SWAZILAND",
        ),
        Vote(state="CAN", session=77, forum=Forum.PLENARY, position=VotePosition.YES),
        Vote(state="SRB", session=77, forum=Forum.PLENARY, position=VotePosition.YES),
        Vote(state="USA", session=77, forum=Forum.PLENARY, position=VotePosition.NO),
        Vote(state="SWZ", session=77, forum=Forum.PLENARY, position=VotePosition.ABSENT),
        Vote(state="CUB", session=77, forum=Forum.FIRST_COMMITTEE, position=VotePosition.NO),
    )
    return Dataset(
        metadata=Metadata(data_version="small"),
        states=tuple(STATES),
        resolutions=resolutions,
        votes=votes,
    )


def plenary_votes(ds: Dataset) -> Counter[tuple[str, int, Forum, VotePosition]]:
    return Counter(
        (v.state, v.session, v.forum, v.position) for v in ds.votes if v.forum is Forum.PLENARY
    )


@pytest.mark.parametrize("layout", ["long", "wide"])
def test_round_trip_small(tmp_path: Path, layout: str) -> None:
    ds = small_dataset()
    path = tmp_path / f"{layout}.csv"
    write_undl_csv(ds, path, layout=layout)
    back = load_undl_csv(path, states=STATES)
    assert plenary_votes(back) == plenary_votes(ds)
    assert len(back.votes) == 8  # the First Committee vote is not written
    first = back.resolution(52)
    assert (first.symbol, first.date, first.tally) == (
        "A/RES/52/38 A",
        dt.date(1997, 12, 9),
        Tally(yes=2, no=0, abstain=1, absent=1),
    )
    assert back.resolution(77).title == TITLE
    assert {v.recorded_name for v in back.votes if v.session == 77} == {
        "CANADA",
        "SERBIA",
        "UNITED STATES OF AMERICA",
        "ESWATINI",
    }
    assert all(not r.notes for r in back.resolutions)


def test_writer_layouts_and_errors(tmp_path: Path) -> None:
    ds = small_dataset()
    write_undl_csv(ds, tmp_path / "wide.csv", layout="wide")
    header = (tmp_path / "wide.csv").read_text(encoding="utf-8").splitlines()[0].split(",")
    assert header[: len(WIDE_LEADING_COLUMNS)] == list(WIDE_LEADING_COLUMNS)
    assert header[len(WIDE_LEADING_COLUMNS) :] == sorted(header[len(WIDE_LEADING_COLUMNS) :])
    with pytest.raises(ValueError, match="layout"):
        write_undl_csv(ds, tmp_path / "x.csv", layout="tall")
    clash = ds.replace(
        votes=(
            Vote(state="CAN", session=77, forum=Forum.PLENARY, position=VotePosition.YES),
            Vote(
                state="CUB",
                session=77,
                forum=Forum.PLENARY,
                position=VotePosition.NO,
                recorded_name="CANADA",
            ),
        )
    )
    with pytest.raises(DataValidationError, match="CANADA"):
        write_undl_csv(clash, tmp_path / "clash.csv", layout="wide")
    assert not (tmp_path / "clash.csv").exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


@pytest.mark.parametrize("layout", ["long", "wide"])
def test_round_trip_bundled(tmp_path: Path, layout: str) -> None:
    ds = apmbc.load()
    path = tmp_path / f"bundled-{layout}.csv"
    write_undl_csv(ds, path, layout=layout)
    back = load_undl_csv(path)
    assert sum(plenary_votes(ds).values()) == 5555
    assert plenary_votes(back) == plenary_votes(ds)
    unknown = [n for n in back.metadata.notes if "Unknown Member State" in n]
    assert unknown == []


# -- memory stays flat -------------------------------------------------------------------------


def _peak_while_loading(path: Path) -> int:
    tracemalloc.start()
    try:
        load_undl_csv(path, states=STATES)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_memory_does_not_grow_with_filtered_out_rows(tmp_path: Path) -> None:
    def build(name: str, filler: int) -> Path:
        rows = [long_row("CANADA", "Y"), long_row("CUBA", "A")]
        rows += [
            long_row("CANADA", "Y", symbol=f"A/RES/77/{i}", title=OTHER) for i in range(filler)
        ]
        return write_rows(tmp_path / name, LONG_COLUMNS, rows)

    small = _peak_while_loading(build("small.csv", 2_000))
    large = _peak_while_loading(build("large.csv", 20_000))
    assert large < small * 1.5 + 200_000, (small, large)


# -- any text in, a Dataset or an ApmbcError out ------------------------------------------------

_CELLS = st.sampled_from(
    [
        "",
        "Y",
        "N",
        "A",
        "X",
        "NV",
        "Q",
        "CANADA",
        "CUBA",
        "YUG",
        "A/RES/55/33[V]",
        "A/RES/ES-10/2",
        "77",
        "-3",
        "2022-13-01",
        "7 December 2022",
        TITLE,
        f'"{TITLE}"',
        '"Stockpiling, of ""other"" things"',
        '"two\nlines, quoted"',
        "Stockpiling",
        OTHER,
        "General Assembly",
        "First Committee",
        "Security Council",
        '"',
        "a,b",
        "\r\n",
    ]
)
_HEADERS = st.lists(
    st.sampled_from([*LONG_COLUMNS, *WIDE_LEADING_COLUMNS, "CANADA", "CUBA", "committee"]),
    min_size=1,
    max_size=22,
)


@st.composite
def csv_texts(draw: st.DrawFn) -> str:
    if draw(st.booleans()):
        return draw(st.text(max_size=300))
    header = draw(_HEADERS)
    lines = [",".join(header)]
    for _ in range(draw(st.integers(0, 6))):
        width = len(header) + draw(st.sampled_from([0, 0, 0, 1, -1]))
        lines.append(",".join(draw(_CELLS) for _ in range(max(width, 0))))
    return "\n".join(lines) + draw(st.sampled_from(["", "\n"]))


@settings(
    max_examples=150,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    text=csv_texts(),
    title_filter=st.sampled_from([None, TITLE, is_convention_title]),
    raw=st.binary(max_size=40),
)
def test_any_text_gives_a_dataset_or_an_apmbc_error(
    tmp_path: Path, text: str, title_filter: str | Callable[[str], bool] | None, raw: bytes
) -> None:
    path = tmp_path / "any.csv"
    path.write_bytes(text.encode("utf-8", "surrogatepass") + raw[: len(raw) // 4])
    error: ApmbcError | None = None
    try:
        ds = load_undl_csv(path, title_filter=title_filter, states=STATES)
    except ApmbcError as exc:
        error = exc
    if error is not None:
        assert str(path) in str(error)
    else:
        assert isinstance(ds, Dataset)
        assert all(isinstance(v, Vote) for v in ds.votes)


@settings(
    max_examples=150,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(text=csv_texts())
def test_the_fast_path_reads_what_a_full_parse_reads(tmp_path: Path, text: str) -> None:
    """The default filter skips lines without "stockpiling"; a full parse must agree."""
    path = tmp_path / "any.csv"
    path.write_text(text, encoding="utf-8", newline="")
    try:
        slow = load_undl_csv(path, title_filter=lambda t: is_convention_title(t), states=STATES)
    except ApmbcError:
        return  # the full parse rejects more (quotes in the wrong place in dropped rows)
    fast = load_undl_csv(path, states=STATES)
    assert (fast.votes, fast.resolutions) == (slow.votes, slow.resolutions)
    assert fast.metadata.notes[1:] == slow.metadata.notes[1:]


def test_rows_the_filter_drops_are_still_checked_for_shape(tmp_path: Path) -> None:
    quoted_other = 'Necessity of ending the "embargo", commercial'
    rows = [
        long_row("CANADA", "Y"),
        long_row("CANADA", "Y", symbol="A/RES/77/7", title=quoted_other),
        long_row("CANADA", "Y", symbol="A/RES/77/8", title="On two\nlines, with a comma"),
        long_row("CANADA", "Y", symbol="A/RES/77/9", title="Chemical weapons: stockpiling"),
        long_row("CUBA", "A"),
    ]
    path = write_rows(tmp_path / "shape.csv", LONG_COLUMNS, rows)
    ds = load_undl_csv(path, states=STATES)
    assert [(v.state, v.position) for v in ds.votes] == [
        ("CAN", VotePosition.YES),
        ("CUB", VotePosition.ABSTAIN),
    ]
    assert "Read 5 data rows" in ds.metadata.notes[0]
    with path.open("a", encoding="utf-8", newline="") as handle:
        handle.write(",".join(long_row("CANADA", "Y", title=OTHER)) + ',"one, too many"\n')
    with pytest.raises(ParseError) as info:
        load_undl_csv(path, states=STATES, strict=True)
    assert (info.value.line, info.value.column) == (8, 20)
    notes = load_undl_csv(path, states=STATES).metadata.notes
    assert any("line 8" in n and "extra column(s)" in n for n in notes)
