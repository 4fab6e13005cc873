"""The factory world of tests/factory.py stays what its description says it is."""

from __future__ import annotations

from pathlib import Path

import pytest
from factory import AS_OF, document, freedonia, states, world, write_world

import apmbc
from apmbc.validation import validate


def test_nothing_in_it_can_be_mistaken_for_the_real_record() -> None:
    real = apmbc.load()
    for state in states():
        assert real.states.get(state.code) is None, state.code  # not an ISO code
        assert real.states.get(state.name) is None, state.name
        for url in (s.url for s in state.sources if s.url):
            assert url.startswith("https://example.org/factory/"), url


def test_every_state_has_the_status_its_dates_give_on_the_as_of_date() -> None:
    ds = world()
    assert ds.metadata.as_of == AS_OF
    assert {ds.status_on(s, AS_OF) for s in ds.states} == set(apmbc.TreatyStatus)
    for state in ds.states:
        assert ds.status_on(state, AS_OF) is state.status, state.code


def test_it_breaks_no_rule_but_the_two_it_shows_on_purpose() -> None:
    found = [(f.code, f.path) for f in validate(world())]
    assert found == [
        ("APMBC-EIF-SUCCESSION", "states[6].entry_into_force"),  # Ruritania
        ("APMBC-ATT-DISAGREE", "attendances[1]"),  # Elbonia at 1MSP
    ]


def test_every_vote_position_and_every_table_is_there() -> None:
    ds = world()
    assert {v.position for v in ds.votes} == set(apmbc.VotePosition)
    assert {m.kind for m in ds.meetings} >= {
        apmbc.MeetingKind.MSP,
        apmbc.MeetingKind.REVIEW_CONFERENCE,
        apmbc.MeetingKind.INTERSESSIONAL,
    }
    assert all(apmbc.to_records(ds, table) for table in apmbc.TABLES)


def test_it_round_trips_through_a_json_file(tmp_path: Path) -> None:
    path = write_world(tmp_path / "world.json")
    assert apmbc.load_json(path).to_document() == document()


def test_builders_take_overrides() -> None:
    assert freedonia(name="Freedonia Republic").name == "Freedonia Republic"
    assert freedonia(name="Freedonia Republic").code == freedonia().code == "FRD"
    assert world(states=[freedonia()]).states[0] == freedonia()
    assert len(world(states=[freedonia()]).states) == 1
    with pytest.raises(TypeError, match="countries"):
        document(countries=())
