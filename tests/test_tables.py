"""Tidy tables: one flat row per record, keyed by codes, with fixed columns.

On the factory world (tests/factory.py); the rows of the real record are checked in
tests/test_bundled.py.
"""

from __future__ import annotations

import datetime as dt

import pytest
from factory import elbonia, vote, world

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
from apmbc.output import COLUMNS, RECORD_TABLES, TABLES, columns, to_records


@pytest.fixture(scope="module")
def ds() -> apmbc.Dataset:
    return world()


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
def test_every_row_has_the_columns_in_order(ds: apmbc.Dataset, table: str) -> None:
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


@pytest.mark.parametrize("table", RECORD_TABLES)
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


# -- one value per cell: the list tables --------------------------------------------------


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


def test_article17_is_computed_when_no_date_is_stated(ds: apmbc.Dataset) -> None:
    rows = {r["code"]: r for r in to_records(ds, "states")}
    freedonia = rows["FRD"]  # deposited 1998-06-15: in force with the Convention, 1999-03-01
    assert freedonia["entry_into_force_stated"] is None
    assert freedonia["entry_into_force_article17"] == dt.date(1999, 3, 1)
    assert freedonia["entry_into_force"] == dt.date(1999, 3, 1)
    borduria = rows["BRD"]  # deposited 2000-02-15: the first day of the sixth month after
    assert borduria["entry_into_force_article17"] == dt.date(2000, 8, 1)
    assert borduria["entry_into_force"] == dt.date(2000, 8, 1)


def test_lists_names_sources_and_enums(ds: apmbc.Dataset) -> None:
    rows = {r["code"]: r for r in to_records(ds, "states", lists=True)}
    freedonia = rows["FRD"]
    assert freedonia["alpha2"] == "XF"
    assert freedonia["aliases"] == ["Republic of Freedonia", "Fredonia"]
    # Every source is kept whole, a title-only one too.
    assert [(s["url"], s["citation"], s["title"]) for s in freedonia["sources"]] == [
        ("https://example.org/factory/freedonia", None, None),
        (None, "Factory Treaty Series 1", None),
        (None, None, "a title only: neither a URL nor a citation"),
    ]
    assert freedonia["notes"] == ["first note", "second note"]
    (action,) = freedonia["other_actions"]
    assert (action["date"], action["description"]) == (
        dt.date(2003, 5, 1),
        "Reported its stockpile destroyed",
    )
    assert freedonia["deposit_method"] == "ratification"
    assert freedonia["status"] == "party"
    assert freedonia["un_member"] is True
    assert rows["SYL"]["un_member"] is False
    assert rows["ELB"]["former_names"] == ["Lower Elbonia"]
    bare_world = world(states=[elbonia(aliases=(), former_names=(), sources=())])
    (bare,) = to_records(bare_world, "states", lists=True)
    for name in ("aliases", "former_names", "sources", "notes", "other_actions"):
        assert bare[name] == [], name
    assert bare["deposit_method"] is None
    assert bare["status"] == "not_party"


def test_an_action_without_a_date(ds: apmbc.Dataset) -> None:
    undated = apmbc.Action(date=None, description="Promised a report")
    (row,) = to_records(world(states=[elbonia(other_actions=(undated,))]), "actions")
    assert (row["table"], row["row"], row["date"]) == ("states", 0, None)
    assert row["description"] == "Promised a report"


def test_meeting_row_flattens_president_and_participation(ds: apmbc.Dataset) -> None:
    rows = {r["code"]: r for r in to_records(ds, "meetings", lists=True)}
    first = rows["1MSP"]
    assert first["kind"] == "msp"
    assert first["number"] == 1
    assert first["other_names"] == ["1st MSP"]
    assert first["format"] == "in_person"
    assert first["president"] == "Rufus T. Firefly"
    assert first["president_state"] == "FRD"
    # The main participation figures, not the alternative a second source gives.
    assert (first["states_parties"], first["not_yet_in_force"]) == (1, 1)
    assert (first["observer_states"], first["total_states"]) == (2, 4)
    assert first["notes"] == ["held in the Hall of the Republic"]
    assert rows["1RC"]["kind"] == "review_conference"
    assert rows["1RC"]["start"] == dt.date(2004, 11, 29)
    assert rows["1RC"]["president"] is None and rows["1RC"]["president_state"] is None
    intersessional = rows["IM-2005"]
    assert intersessional["number"] is None
    assert intersessional["city"] is None
    assert intersessional["states_parties"] is None
    assert intersessional["format"] == "virtual"


def test_resolution_rows(ds: apmbc.Dataset) -> None:
    plenary, unknown, _, partial = to_records(ds, "resolutions", lists=True)
    assert (plenary["yes"], plenary["no"], plenary["abstain"], plenary["absent"]) == (3, 1, 1, 1)
    assert plenary["symbol"] == "A/RES/54/54 B"
    assert (unknown["forum"], unknown["symbol"], unknown["date"]) == ("first_committee", None, None)
    assert [unknown[k] for k in ("yes", "no", "abstain", "absent")] == [None] * 4
    assert unknown["notes"] == ["nothing is known of this vote but that it was held"]
    assert [partial[k] for k in ("yes", "no", "abstain", "absent")] == [150, None, None, None]


def test_attendance_rows(ds: apmbc.Dataset) -> None:
    present, absent = to_records(ds, "attendances", lists=True)[:2]
    assert present["state_name"] == "Elbonia"
    assert present["meeting_start"] == dt.date(1999, 5, 3)
    assert present["role"] == "observer"
    assert present["attended"] is True
    assert present["evidence"] == "listed as present"
    assert absent["attended"] is False
    assert absent["role"] is None
    assert [s["url"] for s in absent["sources"]] == ["https://example.org/factory/1msp-press"]


def test_statement_rows(ds: apmbc.Dataset) -> None:
    explanation, speech, long = to_records(ds, "statements", lists=True)
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
    ((url, citation),) = [(s["url"], s["citation"]) for s in long["sources"]]
    assert (url, citation) == (None, "Grand Fenwick Gazette, 20 March 2026")  # no URL


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
