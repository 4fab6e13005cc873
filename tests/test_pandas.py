"""DataFrames with typed columns (optional extra ``apmbc[pandas]``).

On the factory world (tests/factory.py); the frames of the real record are checked in
tests/test_bundled.py.
"""

from __future__ import annotations

import sys

import pytest
from factory import elbonia, world

import apmbc
from apmbc import MissingExtraError
from apmbc.errors import UnknownTableError
from apmbc.output import TABLES, columns
from apmbc.pandas import to_frame

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
