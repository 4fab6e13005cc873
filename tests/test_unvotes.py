"""Tests of the unvotes tables reader (apmbc.io.rollcalls.load_unvotes_csv).

The header, cell and row handling it shares with the Voeten reader is tested in
tests/test_voeten.py; here: the two tables, the States by alpha-2 code and name, what unvotes
leaves out, and the bundled votes written in unvotes' shape and read back.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st
from rollcall_files import facts, write_unvotes

import apmbc
from apmbc import (
    ApmbcError,
    ArgumentTypeError,
    Dataset,
    Forum,
    ParseError,
    Resolution,
    SourceKind,
    State,
    StateTable,
    Tally,
    VotePosition,
)
from apmbc.domain.titles import RESOLUTION_TITLE
from apmbc.io.rollcalls import (
    DEFAULT,
    UNVOTES_ROLL_CALLS_COLUMNS,
    UNVOTES_VOTES_COLUMNS,
    load_unvotes_csv,
)

TITLE = RESOLUTION_TITLE
OTHER = "Nuclear disarmament, as a whole"

STATES = StateTable(
    (
        State(code="XFR", name="Freedonia", alpha2="XF", cow_code=901),
        State(code="XSY", name="Sylvania", alpha2="XS"),
        State(code="NAM", name="Namibia", alpha2="NA"),
        State(code="XOC", name="Ruritania", former_names=("Old Ruritania",)),
    )
)


def call(
    rcid: object = 101,
    *,
    session: object = 52,
    date: str = "1997-12-09",
    unres: str = "R/52/38A",
    amend: str = "FALSE",
    para: str = "FALSE",
    short: str = "Anti-personnel mines",
    descr: str = TITLE,
) -> list[object]:
    return [rcid, session, "FALSE", date, unres, amend, para, short, descr]


def write(path: Path, header: tuple[str, ...], rows: list[list[object]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)
    return path


def tables(
    tmp_path: Path,
    votes: list[list[object]],
    calls: list[list[object]] | None = None,
    votes_header: tuple[str, ...] = UNVOTES_VOTES_COLUMNS,
) -> tuple[Path, Path]:
    return (
        write(tmp_path / "un_votes.csv", votes_header, votes),
        write(tmp_path / "un_roll_calls.csv", UNVOTES_ROLL_CALLS_COLUMNS, calls or [call()]),
    )


def positions(ds: Dataset) -> dict[tuple[str, str | None], VotePosition]:
    return {(v.state, v.record): v.position for v in ds.votes}


# -- reading ------------------------------------------------------------------------------------


def test_votes_and_their_roll_call(tmp_path: Path) -> None:
    votes = [
        [101, "Freedonia", "XF", "yes"],
        [101, "Sylvania", "XS", "Abstain"],
        [101, "Namibia", "NA", "no"],  # NA is Namibia's code, not a missing value
    ]
    ds = load_unvotes_csv(*tables(tmp_path, votes), states=STATES)
    assert positions(ds) == {
        ("XFR", None): VotePosition.YES,
        ("XSY", None): VotePosition.ABSTAIN,
        ("NAM", None): VotePosition.NO,
    }
    resolution = ds.resolution(52)
    assert (resolution.symbol, resolution.title, resolution.convention, resolution.record) == (
        "A/RES/52/38 A",
        TITLE,
        True,
        None,
    )
    assert resolution.tally == Tally(yes=1, no=1, abstain=1, absent=None)
    (source,) = resolution.sources
    assert source.kind is SourceKind.DATASET and source.note == "roll call 101"
    assert "un_votes.csv" in (source.citation or "") and "un_roll_calls.csv" in (
        source.citation or ""
    )
    assert ds.metadata.data_version == "unvotes:un_votes.csv"
    notes = " ".join(ds.metadata.notes)
    assert "leaves out absences" in notes and "absent figure is unknown" in notes
    assert "with the given StateTable" in notes


def test_codes_and_names_map_with_the_bundled_states(tmp_path: Path) -> None:
    votes = [
        [101, "United States", "US", "no"],
        [101, "Yugoslavia", "YU", "yes"],  # no State has YU today: the name gives Serbia
        [101, "Atlantis", "XA", "yes"],
    ]
    ds = load_unvotes_csv(*tables(tmp_path, votes))
    assert positions(ds) == {
        ("USA", None): VotePosition.NO,
        ("SRB", None): VotePosition.YES,
        ("XA", None): VotePosition.YES,
    }
    notes = " ".join(ds.metadata.notes)
    assert "country_code 'YU' matches no State; the name 'Yugoslavia' gives SRB" in notes
    assert "Unknown country_code 'XA' (Atlantis) (line 4, 1 row(s))" in notes
    version = apmbc.load().metadata.data_version
    assert f"with the bundled data (data version {version})" in notes


def test_na_is_namibia_only_beside_its_name(tmp_path: Path) -> None:
    votes = [
        [101, "Namibia", "NA", "yes"],
        [101, "Old Ruritania", "NA", "no"],  # R's NA: no code; the name gives Ruritania
        [101, "Zanzibar", "NA", "abstain"],  # no code, and a name of no State
    ]
    ds = load_unvotes_csv(*tables(tmp_path, votes), states=STATES)
    assert positions(ds) == {
        ("NAM", None): VotePosition.YES,
        ("XOC", None): VotePosition.NO,
        ("Zanzibar", None): VotePosition.ABSTAIN,
    }
    notes = " ".join(ds.metadata.notes)
    assert "Line 3: country_code 'NA' beside the name 'Old Ruritania' is read as no code" in notes
    assert "Unknown country_code 'Zanzibar'" in notes


def test_a_votes_table_without_country_codes_is_read_by_name(tmp_path: Path) -> None:
    votes = [[101, "Freedonia", "yes"], [101, "Old Ruritania", "no"]]
    ds = load_unvotes_csv(
        *tables(tmp_path, votes, votes_header=("rcid", "country", "vote")), states=STATES
    )
    assert positions(ds) == {("XFR", None): VotePosition.YES, ("XOC", None): VotePosition.NO}
    notes = " ".join(ds.metadata.notes)
    assert "by country name (the votes table has no country_code column)" in notes
    assert "matches no State" not in notes


def test_other_roll_calls_and_the_title_filter(tmp_path: Path) -> None:
    calls = [
        call(),
        call(102, unres="R/52/60", short="Nuclear", descr=OTHER),
        call(103, para="TRUE"),
    ]
    votes = [[101, "Freedonia", "XF", "yes"], [102, "Freedonia", "XF", "no"]]
    votes.append([103, "Freedonia", "XF", "abstain"])
    paths = tables(tmp_path, votes, calls)
    default = load_unvotes_csv(*paths, states=STATES)
    assert [(r.record, r.convention) for r in default.resolutions] == [
        (None, True),
        ("unvotes:103", False),  # a vote on a paragraph is not the resolution
    ]
    assert any(
        "kept 2 roll call(s)" in n and "2 of their votes" in n for n in default.metadata.notes
    )
    every = load_unvotes_csv(*paths, states=STATES, title_filter=None)
    assert positions(every) == {
        ("XFR", None): VotePosition.YES,
        ("XFR", "unvotes:102"): VotePosition.NO,
        ("XFR", "unvotes:103"): VotePosition.ABSTAIN,
    }
    other = next(r for r in every.resolutions if r.record == "unvotes:102")
    assert (other.symbol, other.title, other.convention) == ("A/RES/52/60", OTHER, False)
    nuclear = load_unvotes_csv(*paths, states=STATES, title_filter="nuclear")
    assert [r.record for r in nuclear.resolutions] == ["unvotes:102"]


def test_votes_of_roll_calls_not_kept_or_not_listed(tmp_path: Path) -> None:
    calls = [call(), call(102, descr=OTHER, short="Other"), call(103, session="x")]
    votes = [
        [101, "Freedonia", "XF", "yes"],
        [102, "Freedonia", "XF", "yes"],  # dropped by the filter: not noted one by one
        [103, "Freedonia", "XF", "yes"],  # its roll call could not be read
        [777, "Freedonia", "XF", "yes"],  # no such roll call
        [778, "Sylvania", "XS", "no"],
    ]
    ds = load_unvotes_csv(*tables(tmp_path, votes, calls), states=STATES)
    assert positions(ds) == {("XFR", None): VotePosition.YES}
    notes = " ".join(ds.metadata.notes)
    assert "2 vote row(s) name roll calls that un_roll_calls.csv does not list" in notes
    assert "(the first: rcid 777, un_votes.csv line 5)" in notes
    assert "1 vote row(s) belong to roll calls whose row in un_roll_calls.csv could not" in notes
    assert "un_roll_calls.csv:4:2: column 'session': expected a session number" in notes


def test_a_roll_call_without_votes_has_an_unknown_tally(tmp_path: Path) -> None:
    ds = load_unvotes_csv(*tables(tmp_path, []), states=STATES)
    assert ds.resolution(52).tally == Tally()
    assert ds.votes == ()


@pytest.mark.parametrize(
    ("vote", "message"),
    [
        ([101, "Freedonia", "XF", "absent"], "unknown vote 'absent' \\(unvotes records yes, no"),
        ([101, "Freedonia", "XF", "1"], "unknown vote '1'"),
        ([101, "", "", "yes"], "no country code or name"),
        (["x101", "Freedonia", "XF", "yes"], "expected a roll call id"),
        ([101, "Freedonia", "yes"], "3 fields, but the header has 4"),
    ],
)
def test_a_bad_vote_row_is_noted_or_an_error(
    tmp_path: Path, vote: list[object], message: str
) -> None:
    votes = [[101, "Sylvania", "XS", "no"], vote]
    paths = tables(tmp_path, votes)
    ds = load_unvotes_csv(*paths, states=STATES)
    assert positions(ds) == {("XSY", None): VotePosition.NO}
    assert any(message.replace("\\", "") in n for n in ds.metadata.notes)
    with pytest.raises(ParseError, match=message) as caught:
        load_unvotes_csv(*paths, states=STATES, strict=True)
    assert (caught.value.source, caught.value.line) == (str(paths[0]), 3)


def test_a_roll_call_listed_twice(tmp_path: Path) -> None:
    paths = tables(tmp_path, [[101, "Freedonia", "XF", "yes"]], [call(), call(date="1997-12-10")])
    ds = load_unvotes_csv(*paths, states=STATES)
    assert ds.resolution(52).date is not None and ds.resolution(52).date.day == 9
    assert any("roll call 101 again (first on line 2)" in n for n in ds.metadata.notes)
    with pytest.raises(ParseError, match="again") as caught:
        load_unvotes_csv(*paths, states=STATES, strict=True)
    assert (caught.value.source, caught.value.line, caught.value.column) == (str(paths[1]), 3, 1)


# -- files of the wrong kind --------------------------------------------------------------------


def test_swapped_paths_are_named(tmp_path: Path) -> None:
    votes, calls = tables(tmp_path, [[101, "Freedonia", "XF", "yes"]])
    with pytest.raises(ParseError, match="are the two paths swapped") as caught:
        load_unvotes_csv(calls, votes)
    assert (caught.value.source, caught.value.line) == (str(votes), 1)
    with pytest.raises(ParseError, match="votes table was given as the roll calls table"):
        load_unvotes_csv(votes, votes)
    with pytest.raises(ParseError, match="roll calls table was given as the votes table"):
        load_unvotes_csv(calls, calls)


def test_a_voeten_table_is_refused(tmp_path: Path) -> None:
    voeten = write(tmp_path / "voeten.csv", ("rcid", "ccode", "vote", "session", "descr"), [])
    _, calls = tables(tmp_path, [])
    with pytest.raises(ParseError, match=r"this is Voeten's votes table.*load_voeten_csv"):
        load_unvotes_csv(voeten, calls)
    with pytest.raises(ParseError, match="this is Voeten's votes table"):
        load_unvotes_csv(voeten, voeten)


def test_a_title_filter_needs_a_title_column(tmp_path: Path) -> None:
    votes = write(tmp_path / "v.csv", UNVOTES_VOTES_COLUMNS, [[101, "Freedonia", "XF", "yes"]])
    calls = write(tmp_path / "c.csv", ("rcid", "session", "date"), [[101, 52, "1997-12-09"]])
    with pytest.raises(ParseError, match="no title column") as caught:
        load_unvotes_csv(votes, calls, states=STATES)
    assert caught.value.source == str(calls)
    ds = load_unvotes_csv(votes, calls, states=STATES, title_filter=None)
    assert positions(ds) == {("XFR", "unvotes:101"): VotePosition.YES}


def test_arguments_of_the_wrong_type(tmp_path: Path) -> None:
    paths = tables(tmp_path, [])
    with pytest.raises(ArgumentTypeError, match="roll_calls_path"):
        load_unvotes_csv(paths[0], None)  # type: ignore[arg-type]
    with pytest.raises(ArgumentTypeError, match="states"):
        load_unvotes_csv(*paths, states=["XFR"])  # type: ignore[arg-type]


# -- the bundled votes, written in unvotes' shape and read back -----------------------------------


@pytest.fixture(scope="module")
def bundled() -> Dataset:
    return apmbc.load()


def test_round_trip_of_the_bundled_votes(tmp_path: Path, bundled: Dataset) -> None:
    paths = write_unvotes(bundled, tmp_path / "un_votes.csv", tmp_path / "un_roll_calls.csv")
    back = load_unvotes_csv(*paths)
    kept = [
        v
        for v in bundled.votes
        if v.forum is Forum.PLENARY and v.position is not VotePosition.ABSENT
    ]
    assert len(back.votes) == len(kept)
    assert {(v.state, v.session, v.position) for v in back.votes} == {
        (v.state, v.session, v.position) for v in kept
    }
    changes = apmbc.diff(facts(bundled, absences=False), facts(back, absences=False))
    assert not changes, changes.report(limit=10)
    assert all(r.tally.absent is None for r in back.resolutions)
    assert not [n for n in back.metadata.notes if "Unknown" in n or "matches no State" in n]


def test_a_planted_disagreement_shows_in_the_diff(tmp_path: Path, bundled: Dataset) -> None:
    def flip(resolution: Resolution, state: State, written: str) -> str:
        if resolution.session == 71 and state.code == "CUB":
            return "yes" if written == "abstain" else "abstain"
        return written

    paths = write_unvotes(
        bundled, tmp_path / "un_votes.csv", tmp_path / "un_roll_calls.csv", edit=flip
    )
    changes = apmbc.diff(
        facts(bundled, absences=False), facts(load_unvotes_csv(*paths), absences=False)
    )
    (vote,) = changes.votes.changed
    assert vote.key == ("CUB", 71, Forum.PLENARY, None)
    (position,) = vote.fields
    assert (position.field, position.old) == ("position", bundled.votes_by_session("CUB")[71])
    (tally,) = changes.resolutions.changed
    assert {f.field for f in tally.fields} == {"tally.yes", "tally.abstain"}
    assert not changes.votes.added and not changes.votes.removed


# -- any text in, a Dataset or an ApmbcError out -------------------------------------------------

_CELLS = st.sampled_from(
    [
        "",
        "101",
        "102",
        "x",
        "yes",
        "no",
        "abstain",
        "absent",
        "XF",
        "NA",
        "Freedonia",
        "52",
        "NA",
        "1997-12-09",
        "R/52/38A",
        TITLE,
        f'"{TITLE}"',
        '"a,b"',
        '"',
        "TRUE",
    ]
)
_HEADERS = st.lists(
    st.sampled_from([*UNVOTES_VOTES_COLUMNS, *UNVOTES_ROLL_CALLS_COLUMNS, "ccode"]),
    min_size=1,
    max_size=10,
)


@st.composite
def csv_texts(draw: st.DrawFn) -> str:
    header = draw(_HEADERS)
    lines = [",".join(header)]
    for _ in range(draw(st.integers(0, 5))):
        width = len(header) + draw(st.sampled_from([0, 0, 0, 1, -1]))
        lines.append(",".join(draw(_CELLS) for _ in range(max(width, 0))))
    return "\n".join(lines) + "\n"


@settings(
    max_examples=100,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    votes=csv_texts(),
    calls=csv_texts(),
    title_filter=st.sampled_from([None, "mines", DEFAULT]),
    strict=st.booleans(),
)
def test_any_tables_give_a_dataset_or_an_apmbc_error(
    tmp_path: Path,
    votes: str,
    calls: str,
    title_filter: str | Callable[[str], bool] | None,
    strict: bool,
) -> None:
    votes_path, calls_path = tmp_path / "votes.csv", tmp_path / "calls.csv"
    votes_path.write_text(votes, encoding="utf-8")
    calls_path.write_text(calls, encoding="utf-8")
    error: ApmbcError | None = None
    try:
        ds = load_unvotes_csv(
            votes_path, calls_path, title_filter=title_filter, states=STATES, strict=strict
        )
    except ApmbcError as exc:
        error = exc
    if error is not None:
        assert str(votes_path) in str(error) or str(calls_path) in str(error)
    else:
        assert isinstance(ds, Dataset)
        assert all(v.position is not VotePosition.ABSENT for v in ds.votes)
