"""DataFrames with typed columns (optional extra ``apmbc[pandas]``)."""

from __future__ import annotations

import sys

import pytest
from test_tables import tiny

import apmbc
from apmbc import MissingExtraError
from apmbc.errors import UnknownTableError
from apmbc.output import TABLES, columns
from apmbc.pandas import to_frame

pd = pytest.importorskip("pandas", reason="pandas is not installed (optional extra apmbc[pandas])")


@pytest.mark.parametrize("table", TABLES)
def test_frame_has_the_columns_and_rows_of_the_table(table: str) -> None:
    ds = apmbc.load()
    frame = to_frame(ds, table)
    assert list(frame.columns) == [c.name for c in columns(table)]
    assert len(frame) == len(apmbc.to_records(ds, table))


def test_vote_positions_are_categorical_with_every_position() -> None:
    votes = to_frame(apmbc.load(), "votes")
    assert isinstance(votes["position"].dtype, pd.CategoricalDtype)
    assert list(votes["position"].cat.categories) == ["yes", "no", "abstain", "absent"]
    assert list(votes["forum"].cat.categories) == ["plenary", "first_committee"]
    counts = votes[votes["session"] == 77]["position"].value_counts()
    assert (counts["yes"], counts["no"], counts["abstain"], counts["absent"]) == (167, 0, 17, 9)


def test_dates_are_datetimes_and_numbers_nullable_ints() -> None:
    votes = to_frame(apmbc.load(), "votes")
    assert pd.api.types.is_datetime64_any_dtype(votes["date"])
    assert str(votes["session"].dtype) == "Int64"
    cuba = votes[(votes["state"] == "CUB") & (votes["session"] == 77)].iloc[0]
    assert cuba["date"] == pd.Timestamp("2022-12-07")
    meetings = to_frame(apmbc.load(), "meetings")
    assert str(meetings["number"].dtype) == "Int64"
    assert meetings.loc[meetings["code"] == "IM-2023", "number"].isna().all()
    assert pd.isna(meetings.loc[meetings["code"] == "1MSP", "venue"].iloc[0]) is False


def test_status_is_ordered_along_the_life_cycle() -> None:
    states = to_frame(apmbc.load(), "states")
    status = states["status"]
    assert status.cat.ordered
    assert list(status.cat.categories) == [s.value for s in apmbc.TreatyStatus]
    withdrawn = states[status > "party"]["code"].tolist()
    assert withdrawn == ["EST", "FIN", "LTU", "LVA", "POL"]
    assert not states["deposit_method"].cat.ordered


def test_unknowns_are_missing_values() -> None:
    states = to_frame(tiny(), "states")
    beta = states[states["code"] == "BBB"].iloc[0]
    assert pd.isna(beta["deposited"])
    assert pd.isna(beta["deposit_method"])
    assert pd.isna(beta["un_member"])
    assert str(states["un_member"].dtype) == "boolean"
    facts = to_frame(tiny(), "attendances")
    assert str(facts["attended"].dtype) == "boolean"
    assert bool(facts["attended"].iloc[0]) is True


def test_empty_table_keeps_its_columns_and_types() -> None:
    empty = apmbc.Dataset(metadata=apmbc.Metadata(data_version="empty"))
    frame = to_frame(empty, "votes")
    assert len(frame) == 0
    assert list(frame["position"].cat.categories) == ["yes", "no", "abstain", "absent"]
    assert str(frame["session"].dtype) == "Int64"


def test_unknown_table() -> None:
    with pytest.raises(UnknownTableError):
        to_frame(tiny(), "countries")


def test_missing_pandas_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)  # makes "import pandas" fail
    with pytest.raises(MissingExtraError) as info:
        to_frame(tiny(), "votes")
    assert isinstance(info.value, ImportError)
    assert isinstance(info.value, apmbc.ApmbcError)
    assert 'pip install "apmbc[pandas]"' in str(info.value)
