"""Tidy tables: one flat row per record, keyed by codes, with fixed columns."""

from __future__ import annotations

import datetime as dt

import pytest

import apmbc
from apmbc import (
    Attendance,
    AttendanceRole,
    DepositMethod,
    Forum,
    Meeting,
    MeetingKind,
    Metadata,
    Resolution,
    Source,
    State,
    Statement,
    StatementContext,
    Tally,
    TreatyStatus,
    Vote,
    VotePosition,
)
from apmbc.errors import UnknownTableError
from apmbc.output import COLUMNS, TABLES, columns, to_records


def tiny() -> apmbc.Dataset:
    """Two States, one meeting, one resolution and one record of each other kind."""
    return apmbc.Dataset(
        metadata=Metadata(data_version="test", as_of=dt.date(2026, 1, 1)),
        states=(
            State(
                code="AAA",
                name="Alpha",
                aliases=("Alphaland", "Republic of Alpha"),
                status=TreatyStatus.PARTY,
                deposited=dt.date(2000, 2, 15),
                deposit_method=DepositMethod.ACCESSION,
                sources=(
                    Source(url="https://example.org/a"),
                    Source(citation="Treaty Series 1"),
                    Source(title="title only, neither url nor citation"),
                ),
                notes=("first", "second"),
            ),
            State(code="BBB", name="Beta"),
        ),
        meetings=(
            Meeting(
                code="1MSP",
                kind=MeetingKind.MSP,
                name="First Meeting",
                number=1,
                start=dt.date(1999, 5, 3),
            ),
        ),
        resolutions=(
            Resolution(
                session=54,
                forum=Forum.PLENARY,
                symbol="A/RES/54/54 B",
                date=dt.date(1999, 12, 1),
                tally=Tally(yes=1, no=0, abstain=1, absent=None),
            ),
        ),
        votes=(
            Vote(state="AAA", session=54, forum=Forum.PLENARY, position=VotePosition.YES),
            Vote(state="BBB", session=54, forum=Forum.PLENARY, position=VotePosition.ABSTAIN),
        ),
        attendances=(
            Attendance(state="BBB", meeting="1MSP", attended=True, role=AttendanceRole.OBSERVER),
        ),
        statements=(
            Statement(
                state="BBB", text="We abstain.", context=StatementContext.EXPLANATION_OF_VOTE
            ),
        ),
    )


def test_table_names() -> None:
    assert TABLES == (
        "states",
        "meetings",
        "resolutions",
        "votes",
        "attendances",
        "statements",
        "names",
        "actions",
        "notes",
        "sources",
    )
    assert set(COLUMNS) == set(TABLES)


@pytest.mark.parametrize("table", TABLES)
def test_every_row_has_the_columns_in_order(table: str) -> None:
    ds = apmbc.load()
    rows = to_records(ds, table)
    expected = {
        "states": len(ds.states),
        "meetings": len(ds.meetings),
        "resolutions": len(ds.resolutions),
        "votes": len(ds.votes),
        "attendances": len(ds.attendances),
        "statements": len(ds.statements),
        "names": sum(len(s.aliases) + len(s.former_names) for s in ds.states)
        + sum(len(m.other_names) for m in ds.meetings),
        "actions": sum(len(s.other_actions) for s in ds.states),
        "notes": sum(
            len(r.notes)
            for t in ("states", "meetings", "resolutions", "statements")
            for r in getattr(ds, t)
        ),
        "sources": sum(len(r.sources) for t in TABLES[:6] for r in getattr(ds, t))
        + sum(len(a.sources) for s in ds.states for a in s.other_actions),
    }[table]
    assert len(rows) == expected > 0
    names = [c.name for c in columns(table)]
    for row in rows:
        assert list(row) == names
        for value in row.values():
            assert value is None or isinstance(value, (str, int, dt.date)), (table, value)
    with_lists = to_records(ds, table, lists=True)
    assert [c.name for c in columns(table, lists=True)] == list(with_lists[0])
    assert [{k: r[k] for k in names} for r in with_lists] == rows


def test_votes_rows_have_the_unvotes_shape() -> None:
    rows = apmbc.to_records(apmbc.load(), "votes")
    cuba_77 = [r for r in rows if r["state"] == "CUB" and r["session"] == 77]
    assert len(cuba_77) == 1
    row = cuba_77[0]
    assert row["state_name"] == "Cuba"
    assert row["forum"] == "plenary"
    assert row["resolution"] == "A/RES/77/63"
    assert row["date"] == dt.date(2022, 12, 7)
    assert row["position"] == "abstain"
    assert row["recorded_name"] == "CUBA"
    assert "sources" not in row  # one value per cell: the sources are rows of "sources"
    session_77 = [r["position"] for r in rows if r["session"] == 77 and r["forum"] == "plenary"]
    assert [session_77.count(p) for p in ("yes", "no", "abstain", "absent")] == [167, 0, 17, 9]


def test_state_row_keeps_stated_and_article17_entry_into_force_apart() -> None:
    rows = {r["code"]: r for r in apmbc.to_records(apmbc.load(), "states")}
    south_sudan = rows["SSD"]
    assert south_sudan["deposit_method"] == "succession"
    assert south_sudan["deposited"] == dt.date(2011, 11, 11)
    assert south_sudan["entry_into_force_stated"] == dt.date(2011, 7, 9)
    assert south_sudan["entry_into_force_article17"] == dt.date(2012, 5, 1)
    assert south_sudan["entry_into_force"] == dt.date(2011, 7, 9)
    assert south_sudan["status"] == "party"
    finland = rows["FIN"]
    assert finland["status"] == "withdrawn"
    assert finland["withdrawal_notified"] == dt.date(2025, 7, 10)
    cuba = rows["CUB"]
    assert cuba["status"] == "not_party"
    assert cuba["entry_into_force"] is None
    assert cuba["entry_into_force_article17"] is None


def test_article17_is_computed_when_no_date_is_stated() -> None:
    row = to_records(tiny(), "states")[0]
    assert row["entry_into_force_stated"] is None
    assert row["entry_into_force_article17"] == dt.date(2000, 8, 1)
    assert row["entry_into_force"] == dt.date(2000, 8, 1)


def test_enums_are_their_values() -> None:
    alpha, beta = to_records(tiny(), "states")
    assert alpha["deposit_method"] == "accession"
    assert alpha["status"] == "party"
    assert beta["deposit_method"] is None
    assert beta["status"] == "not_party"


def test_list_fields_are_lists_with_lists_true_and_absent_without() -> None:
    plain_alpha, _ = to_records(tiny(), "states")
    for name in ("aliases", "former_names", "other_actions", "notes", "sources"):
        assert name not in plain_alpha
    alpha, beta = to_records(tiny(), "states", lists=True)
    assert alpha["aliases"] == ["Alphaland", "Republic of Alpha"]
    assert alpha["notes"] == ["first", "second"]
    assert alpha["sources"] == [
        {"url": "https://example.org/a", "citation": None, "title": None, "note": None,
         "retrieved": None, "kind": None},
        {"url": None, "citation": "Treaty Series 1", "title": None, "note": None,
         "retrieved": None, "kind": None},
        {"url": None, "citation": None, "title": "title only, neither url nor citation",
         "note": None, "retrieved": None, "kind": None},
    ]  # fmt: skip
    assert beta["aliases"] == [] and beta["sources"] == [] and beta["other_actions"] == []


def test_list_tables_name_their_record_by_table_and_row() -> None:
    ds = tiny()
    assert to_records(ds, "names") == [
        {"table": "states", "row": 0, "kind": "alias", "position": 0, "name": "Alphaland"},
        {"table": "states", "row": 0, "kind": "alias", "position": 1, "name": "Republic of Alpha"},
    ]
    assert to_records(ds, "notes") == [
        {"table": "states", "row": 0, "position": 0, "note": "first"},
        {"table": "states", "row": 0, "position": 1, "note": "second"},
    ]
    sources = to_records(ds, "sources")
    assert [(r["table"], r["row"], r["position"]) for r in sources] == [
        ("states", 0, 0),
        ("states", 0, 1),
        ("states", 0, 2),
    ]
    assert sources[2]["title"] == "title only, neither url nor citation"
    assert to_records(ds, "actions") == []


def test_actions_and_their_sources() -> None:
    action = apmbc.Action(
        date=dt.date(2025, 7, 1),
        description="announced a suspension",
        sources=(Source(url="https://example.org/s", kind=apmbc.SourceKind.NEWS),),
    )
    state = State(code="CCC", name="Gamma", other_actions=(action, action))
    ds = apmbc.Dataset(
        metadata=Metadata(data_version="t"), states=(State(code="A", name="A"), state)
    )
    assert to_records(ds, "actions") == [
        {"table": "states", "row": 1, "position": 0, "date": dt.date(2025, 7, 1),
         "description": "announced a suspension"},
        {"table": "states", "row": 1, "position": 1, "date": dt.date(2025, 7, 1),
         "description": "announced a suspension"},
    ]  # fmt: skip
    sources = to_records(ds, "sources")
    assert [(r["table"], r["row"], r["position"], r["kind"]) for r in sources] == [
        ("actions", 0, 0, "news"),
        ("actions", 1, 0, "news"),
    ]
    (row,) = [r for r in to_records(ds, "states", lists=True) if r["code"] == "CCC"]
    assert row["other_actions"][0] == {
        "date": dt.date(2025, 7, 1),
        "description": "announced a suspension",
        "sources": [
            {"url": "https://example.org/s", "citation": None, "title": None, "note": None,
             "retrieved": None, "kind": "news"}
        ],
    }  # fmt: skip


def test_small_tables() -> None:
    ds = tiny()
    assert to_records(ds, "votes") == [
        {
            "state": "AAA",
            "state_name": "Alpha",
            "session": 54,
            "forum": "plenary",
            "resolution": "A/RES/54/54 B",
            "record": None,
            "date": dt.date(1999, 12, 1),
            "position": "yes",
            "intended": None,
            "recorded_name": None,
        },
        {
            "state": "BBB",
            "state_name": "Beta",
            "session": 54,
            "forum": "plenary",
            "resolution": "A/RES/54/54 B",
            "record": None,
            "date": dt.date(1999, 12, 1),
            "position": "abstain",
            "intended": None,
            "recorded_name": None,
        },
    ]
    (meeting,) = to_records(ds, "meetings")
    assert meeting["kind"] == "msp"
    assert meeting["number"] == 1
    assert meeting["president"] is None
    assert meeting["states_parties"] is None
    (resolution,) = to_records(ds, "resolutions")
    assert (resolution["yes"], resolution["no"], resolution["abstain"]) == (1, 0, 1)
    assert resolution["absent"] is None
    (fact,) = to_records(ds, "attendances")
    assert fact["meeting_start"] == dt.date(1999, 5, 3)
    assert fact["role"] == "observer"
    assert fact["attended"] is True
    (stmt,) = to_records(ds, "statements")
    assert stmt["context"] == "explanation_of_vote"
    assert stmt["verbatim"] is True
    assert stmt["state_name"] == "Beta"
    assert stmt["forum"] is None


def test_meeting_row_flattens_president_and_participation() -> None:
    rows = {r["code"]: r for r in apmbc.to_records(apmbc.load(), "meetings")}
    first = rows["1MSP"]
    assert first["president"] == "Leonardo Santos Simão"
    assert first["president_state"] == "MOZ"
    assert (first["states_parties"], first["observer_states"]) == (43, 47)
    assert rows["1RC"]["kind"] == "review_conference"
    assert rows["1RC"]["start"] == dt.date(2004, 11, 29)


def test_unknown_table_names_the_valid_ones() -> None:
    with pytest.raises(UnknownTableError) as info:
        to_records(tiny(), "vote")
    assert isinstance(info.value, ValueError)
    assert isinstance(info.value, apmbc.ApmbcError)
    assert "'vote'" in str(info.value)
    for name in TABLES:
        assert name in str(info.value)
    with pytest.raises(UnknownTableError):
        apmbc.to_records(tiny(), "nope")


def test_empty_dataset_gives_empty_tables() -> None:
    empty = apmbc.Dataset(metadata=Metadata(data_version="empty"))
    for table in TABLES:
        assert to_records(empty, table) == []
