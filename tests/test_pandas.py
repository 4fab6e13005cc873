"""DataFrames with typed columns (optional extra ``apmbc[pandas]``).

On the factory world (tests/factory.py); the frames of the real record are checked in
tests/test_bundled.py.
"""

from __future__ import annotations

import datetime as dt
import doctest
import math
import sys
from collections.abc import Callable

import pytest
from factory import elbonia, world
from test_periods import small

import apmbc
import apmbc.pandas
from apmbc import Forum, MissingExtraError, Vote, VotePosition
from apmbc.errors import UnknownTableError
from apmbc.output import TABLES, columns
from apmbc.pandas import (
    POSITION_ORDER,
    agreement_by_period,
    parties_over_time,
    to_frame,
    vote_matrix,
)

pd = pytest.importorskip("pandas", reason="pandas is not installed (optional extra apmbc[pandas])")


@pytest.mark.parametrize("table", TABLES)
def test_frame_has_the_columns_and_rows_of_the_table(table: str) -> None:
    ds = world()
    frame = to_frame(ds, table)
    assert list(frame.columns) == [c.name for c in columns(table)]
    assert len(frame) == len(apmbc.to_records(ds, table)) > 0


def test_vote_positions_are_categorical_with_every_position() -> None:
    votes = to_frame(world(), "votes")
    assert isinstance(votes["position"].dtype, pd.CategoricalDtype)
    assert list(votes["position"].cat.categories) == ["yes", "no", "abstain", "absent"]
    assert list(votes["forum"].cat.categories) == ["plenary", "first_committee"]
    plenary = votes[(votes["session"] == 54) & (votes["forum"] == "plenary")]
    counts = plenary["position"].value_counts()
    assert (counts["yes"], counts["no"], counts["abstain"], counts["absent"]) == (3, 1, 1, 1)
    session_60 = votes[(votes["session"] == 60)]["position"].value_counts()
    assert session_60["no"] == 0 and session_60["absent"] == 0  # every category is counted


def test_dates_are_datetimes_and_numbers_nullable_ints() -> None:
    votes = to_frame(world(), "votes")
    assert pd.api.types.is_datetime64_any_dtype(votes["date"])
    assert str(votes["session"].dtype) == "Int64"
    elb = votes[(votes["state"] == "ELB") & (votes["session"] == 54)].iloc[0]
    assert elb["date"] == pd.Timestamp("1999-12-01")
    committee = votes[votes["forum"] == "first_committee"].iloc[0]
    assert pd.isna(committee["date"])  # the vote's date is unknown: NaT
    meetings = to_frame(world(), "meetings")
    assert str(meetings["number"].dtype) == "Int64"
    assert meetings.loc[meetings["code"] == "IM-2005", "number"].isna().all()
    assert meetings.loc[meetings["code"] == "1MSP", "number"].iloc[0] == 1
    assert pd.isna(meetings.loc[meetings["code"] == "1MSP", "venue"].iloc[0]) is False
    assert pd.isna(meetings.loc[meetings["code"] == "1RC", "venue"].iloc[0])


def test_status_is_ordered_along_the_life_cycle() -> None:
    states = to_frame(world(), "states")
    status = states["status"]
    assert status.cat.ordered
    assert list(status.cat.categories) == [s.value for s in apmbc.TreatyStatus]
    assert states[status > "party"]["code"].tolist() == ["BRD", "GNV", "LAT"]
    assert states[status < "joining"]["code"].tolist() == ["ELB", "SYL"]
    assert not states["deposit_method"].cat.ordered


def test_unknowns_are_missing_values() -> None:
    states = to_frame(world(states=[elbonia(un_member=None)]), "states")
    elb = states.iloc[0]
    assert pd.isna(elb["deposited"])
    assert pd.isna(elb["deposit_method"])
    assert pd.isna(elb["un_member"])
    assert str(states["un_member"].dtype) == "boolean"
    facts = to_frame(world(), "attendances")
    assert str(facts["attended"].dtype) == "boolean"
    assert facts["attended"].tolist()[:2] == [True, False]
    assert pd.isna(facts["role"].iloc[1])


def test_empty_table_keeps_its_columns_and_types() -> None:
    empty = apmbc.Dataset(metadata=apmbc.Metadata(data_version="empty"))
    frame = to_frame(empty, "votes")
    assert len(frame) == 0
    assert list(frame["position"].cat.categories) == ["yes", "no", "abstain", "absent"]
    assert str(frame["session"].dtype) == "Int64"


def test_unknown_table() -> None:
    with pytest.raises(UnknownTableError):
        to_frame(world(), "countries")


def test_missing_pandas_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)  # makes "import pandas" fail
    with pytest.raises(MissingExtraError) as info:
        to_frame(world(), "votes")
    assert isinstance(info.value, ImportError)
    assert isinstance(info.value, apmbc.ApmbcError)
    assert 'pip install "apmbc[pandas]"' in str(info.value)


# -- one call per analysis: the vote matrix, agreement per decade, parties per year --------------


def test_vote_matrix_is_states_by_sessions_of_ordered_positions() -> None:
    matrix = vote_matrix(small())
    assert list(matrix.index) == ["AAA", "BBB", "CCC", "DDD"]
    assert matrix.index.name == "state"
    assert list(matrix.columns) == [52, 54, 64, 65, 74, 75]
    assert matrix.columns.name == "session"
    assert str(matrix.columns.dtype) == "int64"
    for session in matrix.columns:
        dtype = matrix[session].dtype
        assert isinstance(dtype, pd.CategoricalDtype) and dtype.ordered
        assert list(dtype.categories) == ["yes", "abstain", "no", "absent"] == list(POSITION_ORDER)
    # hand-made table of tests/test_periods.py; the other roll call of session 65 (AAA no) is
    # not shown, DDD's absences are "absent" and its missing record of 54 is missing
    assert matrix.loc["AAA"].tolist() == ["yes", "yes", "yes", "abstain", "yes", "no"]
    assert matrix.loc["DDD", 52] == "absent"
    assert pd.isna(matrix.loc["DDD", 54])
    assert matrix[54].isna().tolist() == [False, False, False, True]
    # ordered: yes < abstain < no < absent
    assert (matrix[75] <= "abstain").tolist() == [False, True, True, True]
    assert (matrix[52] > "no").tolist() == [False, False, False, True]


def test_vote_matrix_forum_and_period() -> None:
    ds = small()
    fc = vote_matrix(ds, "first_committee")
    assert list(fc.columns) == [65, 74]
    assert fc.loc["AAA"].tolist() == ["yes", "yes"]
    assert fc.loc["CCC", 74] == "no" and pd.isna(fc.loc["CCC", 65])
    assert fc.loc["DDD"].isna().all()  # a State without a record keeps its row
    assert list(vote_matrix(ds, "plenary", [75, 52]).columns) == [52, 75]
    assert list(vote_matrix(ds, sessions=range(60, 70)).columns) == [64, 65]
    assert list(vote_matrix(ds, start="2019-01-01").columns) == [74, 75]
    assert list(vote_matrix(ds, "first_committee", start="2019-06-01").columns) == []
    named = vote_matrix(ds, names=True)
    assert list(named.index.names) == ["state", "state_name"]
    assert named.loc[("AAA", "Aland"), 75] == "no"
    with pytest.raises(apmbc.ArgumentError):
        vote_matrix(ds, "plenum")
    with pytest.raises(apmbc.ArgumentError):
        vote_matrix(ds, sessions=[52], end="2000-01-01")
    with pytest.raises(apmbc.ArgumentTypeError):
        vote_matrix(ds, names="yes")  # type: ignore[arg-type]


def test_vote_matrix_keeps_unknown_codes_and_refuses_two_votes() -> None:
    ds = small()
    stray = Vote(state="ZZZ", session=52, forum=Forum.PLENARY, position=VotePosition.NO)
    named = vote_matrix(ds.replace(votes=(*ds.votes, stray)), names=True)
    code, name = named.index[-1]
    assert code == "ZZZ" and pd.isna(name)
    assert named.xs("ZZZ", level="state")[52].tolist() == ["no"]
    twice = Vote(state="AAA", session=52, forum=Forum.PLENARY, position=VotePosition.NO)
    with pytest.raises(apmbc.DataValidationError, match=r"votes\[30\]: a second vote of AAA"):
        vote_matrix(ds.replace(votes=(*ds.votes, twice)))


def test_vote_matrix_of_the_bundled_data_is_the_votes_pivot() -> None:
    ds = apmbc.load()
    matrix = vote_matrix(ds)
    assert matrix.shape == (197, 29)
    assert matrix.loc["CUB", 77] == "abstain"
    assert pd.isna(matrix.loc["SSD", 65])  # before South Sudan joined the UN
    assert (matrix[77] == "abstain").sum() == 17
    votes = to_frame(ds, "votes")
    plenary = votes[(votes["forum"] == "plenary") & votes["record"].isna()]
    pivot = plenary.pivot(index="state", columns="session", values="position")
    assert list(pivot.columns) == list(matrix.columns)
    same = matrix.loc[pivot.index].astype(object).fillna("-").to_numpy()
    assert (pivot.astype(object).fillna("-").to_numpy() == same).all()
    # the States the pivot lacks have no plenary vote at all
    assert matrix.drop(index=pivot.index).isna().all(axis=None)


def test_agreement_by_period_per_decade_by_hand() -> None:
    ds = small()
    # AAA and BBB: 1990s sessions 52 (yes/yes) and 54 (yes/abstain); 2000s 64 (yes/no);
    # 2010s 65 (abstain/yes) and 74 (yes/yes); 2020s 75 (no/yes).
    table = agreement_by_period(ds, "AAA", "BBB")
    assert list(table.index) == [1990, 2000, 2010, 2020]
    assert table.index.name == "period"
    assert table["sessions_compared"].tolist() == [2, 1, 2, 1]
    assert str(table["sessions_compared"].dtype) == "Int64"
    assert table["value"].tolist() == [0.5, 0.0, 0.5, 0.0]
    assert table["start"].tolist() == [pd.Timestamp(f"{y}-01-01") for y in (1990, 2000, 2010, 2020)]
    assert table["end"].iloc[0] == pd.Timestamp("1999-12-31")
    voeten = agreement_by_period(ds, "Aland", "Bosk", measure="voeten")
    assert voeten["value"].tolist() == [0.75, 0.0, 0.75, 0.0]
    # every row is agreement_details over its years
    for first, row in table.iterrows():
        found = ds.agreement_details("AAA", "BBB", start=f"{first}-01-01", end=f"{first + 9}-12-31")
        assert (row["sessions_compared"], row["value"]) == (found.sessions_compared, found.value)


def test_agreement_by_period_other_lengths_and_forums() -> None:
    ds = small()
    # AAA and DDD in periods of 25 years: 1975-1999 (52: DDD absent, 54: no record) compares
    # nothing; 2000-2024: 64 yes/yes, 74 yes/abstain, 75 no/yes.
    table = agreement_by_period(ds, "AAA", "DDD", years=25)
    assert list(table.index) == [1975, 2000]
    assert table["sessions_compared"].tolist() == [0, 3]
    assert math.isnan(table["value"].iloc[0])
    assert table["value"].iloc[1] == pytest.approx(1 / 3)
    # First Committee: 2010 (dated) and 2019 (undated, its year whole in the period)
    fc = agreement_by_period(ds, "AAA", "CCC", "first_committee", years=5)
    assert list(fc.index) == [2010, 2015]
    assert fc["sessions_compared"].tolist() == [0, 1]
    assert fc["value"].iloc[1] == 0.0
    empty = agreement_by_period(ds.replace(resolutions=()), "AAA", "BBB")
    assert len(empty) == 0 and list(empty.columns) == ["start", "end", "sessions_compared", "value"]
    with pytest.raises(apmbc.ArgumentError):
        agreement_by_period(ds, "AAA", "BBB", years=0)
    with pytest.raises(apmbc.ArgumentTypeError):
        agreement_by_period(ds, "AAA", "BBB", years=2.5)  # type: ignore[arg-type]
    with pytest.raises(apmbc.ArgumentError):
        agreement_by_period(ds, "AAA", "BBB", measure="S")  # type: ignore[arg-type]
    with pytest.raises(apmbc.UnknownStateError):
        agreement_by_period(ds.replace(resolutions=()), "AAA", "ZZZ")


def test_parties_per_year_by_hand() -> None:
    ds = small()  # as of 1 January 2026
    table = parties_over_time(ds)
    assert list(table.columns) == ["states_parties", *(s.value for s in apmbc.TreatyStatus)]
    assert all(str(t) == "int64" for t in table.dtypes)
    assert table.index.name == "date"
    years = [d.date() for d in table.index]
    assert years[0] == dt.date(1997, 12, 31) and years[-2] == dt.date(2025, 12, 31)
    assert years[-1] == dt.date(2026, 1, 1)  # the last day, not a year end
    assert len(table) == 30
    row = table.loc["1997-12-31"]  # AAA and DDD have signed
    assert (row["signatory"], row["not_party"], row["states_parties"]) == (2, 2, 0)
    row = table.loc["1998-12-31"]  # AAA deposited, not yet in force
    assert (row["joining"], row["signatory"], row["not_party"]) == (1, 1, 2)
    assert table.loc["1999-12-31", "states_parties"] == 1
    assert table.loc["2001-12-31", "states_parties"] == 2
    row = table.loc["2024-12-31"]  # AAA withdrawing, still bound
    assert (row["states_parties"], row["party"], row["withdrawing"]) == (2, 1, 1)
    row = table.loc["2025-12-31"]
    assert (row["states_parties"], row["withdrawn"]) == (1, 1)
    assert (table[[s.value for s in apmbc.TreatyStatus]].sum(axis=1) == 4).all()


def test_parties_by_day_and_by_change() -> None:
    ds = small()
    daily = parties_over_time(ds, "D")
    assert len(daily) == (dt.date(2026, 1, 1) - dt.date(1997, 12, 3)).days + 1
    assert daily.loc["2001-07-31", "states_parties"] == 1
    assert daily.loc["2001-08-01", "states_parties"] == 2
    assert daily.loc["2024-12-31", "states_parties"] == 2
    assert daily.loc["2025-01-01", "states_parties"] == 1
    steps = parties_over_time(ds, None)
    assert [str(d.date()) for d in steps.index] == [
        "1997-12-03",
        "1997-12-05",
        "1998-03-10",
        "1999-03-01",
        "2001-02-10",
        "2001-08-01",
        "2024-07-01",
        "2025-01-01",
        "2026-01-01",
    ]
    assert (daily.loc[steps.index] == steps).all(axis=None)
    months = parties_over_time(ds, "ME", start="2024-05-15", end="2024-08-10")
    assert [str(d.date()) for d in months.index] == [
        "2024-05-31",
        "2024-06-30",
        "2024-07-31",
        "2024-08-10",
    ]
    assert months["withdrawing"].tolist() == [0, 0, 1, 1]
    for bad in ("bad", "h", "2min", "", "YE-FOO", "0D", "-1YE"):
        with pytest.raises(apmbc.ArgumentError):
            parties_over_time(ds, bad)
    with pytest.raises(apmbc.ArgumentTypeError):
        parties_over_time(ds, 12)
    with pytest.raises(apmbc.ArgumentError):
        parties_over_time(ds, start="2020-01-01", end="2019-01-01")


def test_parties_per_year_of_the_bundled_data() -> None:
    ds = apmbc.load()
    table = parties_over_time(ds)
    assert table.loc["1999-12-31", "states_parties"] == len(ds.parties_on("1999-12-31"))
    assert table["states_parties"].iloc[-1] == 161
    assert table.index[-1] == pd.Timestamp(ds.metadata.as_of)
    assert table.loc["2025-12-31", "withdrawing"] == 2


@pytest.mark.parametrize(
    "call",
    [
        lambda ds: vote_matrix(ds),
        lambda ds: agreement_by_period(ds, "AAA", "BBB"),
        lambda ds: parties_over_time(ds),
    ],
    ids=["vote_matrix", "agreement_by_period", "parties_over_time"],
)
def test_every_function_names_the_missing_extra(
    monkeypatch: pytest.MonkeyPatch, call: Callable[[apmbc.Dataset], object]
) -> None:
    ds = small()
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(MissingExtraError, match=r'pip install "apmbc\[pandas\]"'):
        call(ds)


def test_module_examples() -> None:
    result = doctest.testmod(apmbc.pandas, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0 and result.attempted > 0
