"""Tidy tables: one flat row per record, keyed by codes, with fixed columns.

On the factory world (tests/factory.py); the rows of the real record are checked in
tests/test_bundled.py.
"""

from __future__ import annotations

import datetime as dt

import pytest
from factory import elbonia, vote, world

import apmbc
from apmbc import Forum, Metadata, VotePosition
from apmbc.errors import UnknownTableError
from apmbc.output import COLUMNS, TABLES, columns, to_records


@pytest.fixture(scope="module")
def ds() -> apmbc.Dataset:
    return world()


def test_table_names() -> None:
    assert TABLES == ("states", "meetings", "resolutions", "votes", "attendances", "statements")
    assert set(COLUMNS) == set(TABLES)


@pytest.mark.parametrize("table", TABLES)
def test_every_row_has_the_columns_in_order(ds: apmbc.Dataset, table: str) -> None:
    rows = to_records(ds, table)
    assert len(rows) == len(getattr(ds, table)) > 0
    names = [c.name for c in columns(table)]
    for row in rows:
        assert list(row) == names
        for value in row.values():
            assert value is None or isinstance(value, (str, int, dt.date)), (table, value)


@pytest.mark.parametrize("table", TABLES)
def test_rows_come_in_the_datasets_order(ds: apmbc.Dataset, table: str) -> None:
    reordered = ds.replace(**{table: tuple(reversed(getattr(ds, table)))})
    assert to_records(reordered, table) == list(reversed(to_records(ds, table)))


def test_votes_rows_have_the_unvotes_shape(ds: apmbc.Dataset) -> None:
    rows = to_records(ds, "votes")
    assert rows[1] == {
        "state": "ELB",
        "state_name": "Elbonia",
        "session": 54,
        "forum": "plenary",
        "resolution": "A/RES/54/54 B",
        "record": None,
        "date": dt.date(1999, 12, 1),
        "position": "abstain",
        "intended": None,
        "recorded_name": "LOWER ELBONIA",  # the UN's name for it at the time
        "sources": "https://example.org/factory/votes-54-plenary",
    }
    session_54 = [r["position"] for r in rows if r["session"] == 54 and r["forum"] == "plenary"]
    assert [session_54.count(p) for p in ("yes", "no", "abstain", "absent")] == [3, 1, 1, 1]


def test_a_vote_of_an_unknown_resolution_has_no_symbol_or_date(ds: apmbc.Dataset) -> None:
    (row,) = [r for r in to_records(ds, "votes") if r["forum"] == "first_committee"]
    assert (row["state"], row["session"], row["position"]) == ("ELB", 54, "abstain")
    assert row["resolution"] is None and row["date"] is None


def test_a_vote_keeps_its_own_symbol_else_gets_its_resolutions(ds: apmbc.Dataset) -> None:
    own = vote("BRD", 54, Forum.PLENARY, VotePosition.YES, resolution="A/RES/54/1")
    assert to_records(ds.replace(votes=[own]), "votes")[0]["resolution"] == "A/RES/54/1"
    bare = vote("BRD", 54, Forum.PLENARY, VotePosition.YES, resolution=None)
    assert to_records(ds.replace(votes=[bare]), "votes")[0]["resolution"] == "A/RES/54/54 B"


def test_state_row_keeps_stated_and_article17_entry_into_force_apart(ds: apmbc.Dataset) -> None:
    rows = {r["code"]: r for r in to_records(ds, "states")}
    ruritania = rows["RUR"]
    assert ruritania["deposit_method"] == "succession"
    assert ruritania["deposited"] == dt.date(2005, 2, 10)
    assert ruritania["entry_into_force_stated"] == dt.date(2004, 7, 9)
    assert ruritania["entry_into_force_article17"] == dt.date(2005, 8, 1)
    assert ruritania["entry_into_force"] == dt.date(2004, 7, 9)
    assert ruritania["status"] == "party"
    assert ruritania["un_member_since"] == dt.date(2004, 7, 20)
    genovia = rows["GNV"]
    assert genovia["status"] == "withdrawn"
    assert genovia["withdrawal_notified"] == dt.date(2025, 7, 10)
    assert genovia["withdrawal_effective_stated"] == dt.date(2026, 1, 10)
    assert genovia["withdrawal_effective"] == dt.date(2026, 1, 10)
    borduria = rows["BRD"]
    assert borduria["withdrawal_effective_stated"] is None
    assert borduria["withdrawal_effective"] == dt.date(2025, 12, 27)  # Article 20
    elb = rows["ELB"]
    assert elb["status"] == "not_party"
    assert elb["entry_into_force"] is None
    assert elb["entry_into_force_article17"] is None
    assert elb["withdrawal_effective"] is None


def test_article17_is_computed_when_no_date_is_stated(ds: apmbc.Dataset) -> None:
    rows = {r["code"]: r for r in to_records(ds, "states")}
    freedonia = rows["FRD"]  # deposited 1998-06-15: in force with the Convention, 1999-03-01
    assert freedonia["entry_into_force_stated"] is None
    assert freedonia["entry_into_force_article17"] == dt.date(1999, 3, 1)
    assert freedonia["entry_into_force"] == dt.date(1999, 3, 1)
    borduria = rows["BRD"]  # deposited 2000-02-15: the first day of the sixth month after
    assert borduria["entry_into_force_article17"] == dt.date(2000, 8, 1)
    assert borduria["entry_into_force"] == dt.date(2000, 8, 1)


def test_joined_names_sources_and_enums(ds: apmbc.Dataset) -> None:
    rows = {r["code"]: r for r in to_records(ds, "states")}
    freedonia = rows["FRD"]
    assert freedonia["alpha2"] == "XF"
    assert freedonia["aliases"] == "Republic of Freedonia; Fredonia"
    # A source with neither a URL nor a citation adds nothing.
    assert freedonia["sources"] == "https://example.org/factory/freedonia; Factory Treaty Series 1"
    assert freedonia["notes"] == "first note; second note"
    assert freedonia["other_actions"] == "2003-05-01 Reported its stockpile destroyed"
    assert freedonia["deposit_method"] == "ratification"
    assert freedonia["status"] == "party"
    assert freedonia["un_member"] is True
    assert rows["SYL"]["un_member"] is False
    assert rows["ELB"]["former_names"] == "Lower Elbonia"
    (bare,) = to_records(world(states=[elbonia(aliases=(), former_names=(), sources=())]), "states")
    assert bare["aliases"] is None
    assert bare["former_names"] is None
    assert bare["sources"] is None
    assert bare["notes"] is None
    assert bare["other_actions"] is None
    assert bare["deposit_method"] is None
    assert bare["status"] == "not_party"


def test_an_action_without_a_date(ds: apmbc.Dataset) -> None:
    undated = apmbc.Action(date=None, description="Promised a report")
    (row,) = to_records(world(states=[elbonia(other_actions=(undated,))]), "states")
    assert row["other_actions"] == "? Promised a report"


def test_meeting_row_flattens_president_and_participation(ds: apmbc.Dataset) -> None:
    rows = {r["code"]: r for r in to_records(ds, "meetings")}
    first = rows["1MSP"]
    assert first["kind"] == "msp"
    assert first["number"] == 1
    assert first["other_names"] == "1st MSP"
    assert first["format"] == "in_person"
    assert first["president"] == "Rufus T. Firefly"
    assert first["president_state"] == "FRD"
    # The main participation figures, not the alternative a second source gives.
    assert (first["states_parties"], first["not_yet_in_force"]) == (1, 1)
    assert (first["observer_states"], first["total_states"]) == (2, 4)
    assert first["notes"] == "held in the Hall of the Republic"
    assert rows["1RC"]["kind"] == "review_conference"
    assert rows["1RC"]["start"] == dt.date(2004, 11, 29)
    assert rows["1RC"]["president"] is None and rows["1RC"]["president_state"] is None
    intersessional = rows["IM-2005"]
    assert intersessional["number"] is None
    assert intersessional["city"] is None
    assert intersessional["states_parties"] is None
    assert intersessional["format"] == "virtual"


def test_resolution_rows(ds: apmbc.Dataset) -> None:
    plenary, unknown, _, partial = to_records(ds, "resolutions")
    assert (plenary["yes"], plenary["no"], plenary["abstain"], plenary["absent"]) == (3, 1, 1, 1)
    assert plenary["symbol"] == "A/RES/54/54 B"
    assert (unknown["forum"], unknown["symbol"], unknown["date"]) == ("first_committee", None, None)
    assert [unknown[k] for k in ("yes", "no", "abstain", "absent")] == [None] * 4
    assert unknown["notes"] == "nothing is known of this vote but that it was held"
    assert [partial[k] for k in ("yes", "no", "abstain", "absent")] == [150, None, None, None]


def test_attendance_rows(ds: apmbc.Dataset) -> None:
    present, absent = to_records(ds, "attendances")[:2]
    assert present["state_name"] == "Elbonia"
    assert present["meeting_start"] == dt.date(1999, 5, 3)
    assert present["role"] == "observer"
    assert present["attended"] is True
    assert present["evidence"] == "listed as present"
    assert absent["attended"] is False
    assert absent["role"] is None
    assert absent["sources"] == "https://example.org/factory/1msp-press"


def test_statement_rows(ds: apmbc.Dataset) -> None:
    explanation, speech, long = to_records(ds, "statements")
    assert explanation["context"] == "explanation_of_vote"
    assert explanation["verbatim"] is False
    assert (explanation["session"], explanation["forum"]) == (60, "first_committee")
    assert speech["state_name"] == "Elbonia"
    assert (speech["meeting"], speech["year"], speech["attribution"]) == (
        "1RC",
        2004,
        "(1RC, 2004)",
    )
    assert speech["speaker"] == "Ambassador of Elbonia"
    assert speech["verbatim"] is True
    assert speech["forum"] is None
    assert long["context"] == "other"
    assert long["date"] == dt.date(2026, 3, 20)
    assert long["sources"] == "Grand Fenwick Gazette, 20 March 2026"  # a citation, no URL


def test_rows_of_records_that_name_an_unknown_state_or_meeting(ds: apmbc.Dataset) -> None:
    orphans = ds.replace(states=(), meetings=())
    assert {r["state_name"] for r in to_records(orphans, "votes")} == {None}
    assert {r["meeting_start"] for r in to_records(orphans, "attendances")} == {None}


def test_unknown_table_names_the_valid_ones(ds: apmbc.Dataset) -> None:
    with pytest.raises(UnknownTableError) as info:
        to_records(ds, "vote")
    assert isinstance(info.value, ValueError)
    assert isinstance(info.value, apmbc.ApmbcError)
    assert "'vote'" in str(info.value)
    for name in TABLES:
        assert name in str(info.value)
    with pytest.raises(UnknownTableError):
        apmbc.to_records(ds, "nope")


def test_empty_dataset_gives_empty_tables() -> None:
    empty = apmbc.Dataset(metadata=Metadata(data_version="empty"))
    for table in TABLES:
        assert to_records(empty, table) == []
