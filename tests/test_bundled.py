"""The bundled dataset: completeness, provenance, freshness and the golden summary."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
import threading
from collections import Counter
from pathlib import Path

import pytest

import apmbc
from apmbc import Forum, MeetingKind, TreatyStatus, VotePosition
from apmbc.output import summary

ROOT = Path(__file__).resolve().parents[1]
SNAPSHOT = ROOT / "tests" / "snapshots" / "summary.json"


@pytest.fixture(scope="module")
def ds() -> apmbc.Dataset:
    return apmbc.load()


def test_load_is_cached_and_thread_safe() -> None:
    results: list[apmbc.Dataset] = []
    threads = [threading.Thread(target=lambda: results.append(apmbc.load())) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all(r is results[0] for r in results)
    assert apmbc.load() is results[0]


def test_counts(ds: apmbc.Dataset) -> None:
    assert len(ds.states) == 197
    assert sum(1 for s in ds.states if s.un_member) == 193
    kinds = Counter(m.kind for m in ds.meetings)
    assert kinds[MeetingKind.MSP] == 22
    assert kinds[MeetingKind.REVIEW_CONFERENCE] == 5
    assert kinds[MeetingKind.INTERSESSIONAL] >= 16
    assert kinds[MeetingKind.PREPARATORY] >= 9
    assert {(r.session, r.forum) for r in ds.resolutions} == {
        (s, f) for s in range(52, 81) for f in Forum
    }
    plenary = [v for v in ds.votes if v.forum is Forum.PLENARY]
    assert len(plenary) == 5555
    # The First Committee roll call of session 70 (every UN Member State), and Cuba's votes of
    # sessions 73 and 76 from its profile page.
    committee = {(v.state, v.session) for v in ds.votes if v.forum is Forum.FIRST_COMMITTEE}
    assert {code for code, session in committee if session == 70} == {
        s.code for s in ds.states if s.un_member
    }
    assert committee - {(code, 70) for code, _ in committee} == {("CUB", 73), ("CUB", 76)}
    assert len(ds.attendances) == 514  # 474 from the first collection, 40 added on 2026-12-01
    assert sum(a.inferred for a in ds.attendances) == 27
    assert len(ds.statements) == 29  # 16, and 13 explanations of vote added on 2026-12-01


def test_tables_are_immutable(ds: apmbc.Dataset) -> None:
    assert isinstance(ds.votes, tuple)
    assert isinstance(ds.attendances, tuple)
    with pytest.raises(TypeError):
        ds.states[0] = ds.states[1]  # type: ignore[index]
    with pytest.raises(AttributeError):
        ds.states[0].name = "x"  # type: ignore[misc]


def test_every_record_has_a_source(ds: apmbc.Dataset) -> None:
    for table in (ds.states, ds.meetings, ds.resolutions, ds.votes, ds.attendances, ds.statements):
        missing = [r for r in table if not r.sources]
        assert not missing, missing[:3]
    assert ds.metadata.sources


def test_every_plenary_tally_equals_its_counted_votes(ds: apmbc.Dataset) -> None:
    counted: dict[int, Counter[VotePosition]] = {}
    for vote in ds.votes:
        if vote.forum is Forum.PLENARY:
            counted.setdefault(vote.session, Counter())[vote.position] += 1
    for r in ds.resolutions:
        if r.forum is not Forum.PLENARY:
            continue
        c = counted[r.session]
        tally = (r.tally.yes, r.tally.no, r.tally.abstain, r.tally.absent)
        assert tally == (
            c[VotePosition.YES],
            c[VotePosition.NO],
            c[VotePosition.ABSTAIN],
            c[VotePosition.ABSENT],
        ), r.session


def test_first_committee_unknowns_stay_unknown(ds: apmbc.Dataset) -> None:
    fc52 = ds.resolution(52, "first_committee")
    assert fc52.symbol is None and fc52.date is None and fc52.tally.yes is None
    fc80 = ds.resolution(80, Forum.FIRST_COMMITTEE)
    assert fc80.tally.yes == 154 and fc80.tally.no is None
    assert fc80.date == dt.date(2025, 11, 4)
    # The figure 154 rests on Japan's Foreign Ministry now, not only on a news headline.
    assert fc80.sources[0].kind is apmbc.SourceKind.GOVERNMENT
    assert ds.resolution(69, "first_committee").symbol == "A/C.1/69/L.5/Rev.1"
    assert ds.resolution(74, "first_committee").date == dt.date(2019, 11, 6)


def test_session_70_first_committee_roll_call(ds: apmbc.Dataset) -> None:
    fc70 = ds.resolution(70, "first_committee")
    assert fc70.symbol == "A/C.1/70/L.50" and fc70.date == dt.date(2015, 11, 4)
    assert fc70.tally == apmbc.Tally(yes=159, no=0, abstain=19, absent=15)
    positions = ds.positions(70, "first_committee")
    counted = {p: len(states) for p, states in positions.items()}
    assert counted == {
        VotePosition.YES: 159,
        VotePosition.NO: 0,
        VotePosition.ABSTAIN: 19,
        VotePosition.ABSENT: 15,
    }
    assert not [f for f in apmbc.validate(ds) if f.code == "APMBC-TALLY"]
    # Two States Parties recorded abstaining, kept as recorded and noted.
    abstaining = {s.code for s in positions[VotePosition.ABSTAIN]}
    assert {"BOL", "TJK", "USA", "CUB"} <= abstaining
    assert any("Bolivia and Tajikistan" in note for note in fc70.notes)
    bolivia = next(
        v for v in ds.votes if v.roll_call == (70, Forum.FIRST_COMMITTEE, None) and v.state == "BOL"
    )
    assert bolivia.recorded_name == "BOLIVIA (PLURINATIONAL STATE OF)"
    assert bolivia.resolution == "A/C.1/70/L.50"
    assert bolivia.sources[0].kind is apmbc.SourceKind.DATASET


def test_facts_of_2026_12_01(ds: apmbc.Dataset) -> None:
    ukraine = ds.state("Ukraine")
    notified = next(a for a in ukraine.other_actions if a.date == dt.date(2025, 7, 18))
    assert "Secretary-General" in notified.description
    assert {s.kind for s in notified.sources} == {apmbc.SourceKind.NGO}
    for code in ("EST", "LVA", "LTU"):
        kinds = {s.kind for s in ds.state(code).sources}
        assert apmbc.SourceKind.CONVENTION in kinds, code
    # An explanation of vote whose forum is unknown.
    iran = next(s for s in ds.statements if s.state == "IRN" and s.session == 63)
    assert iran.forum is None and iran.year == 2008 and not iran.verbatim
    # Attendance facts keep the strength of their evidence.
    palestine = {a.meeting: a for a in ds.attendances if a.state == "PSE"}
    assert palestine["1MSP"].attended and not palestine["1MSP"].inferred
    assert not palestine["2MSP"].attended and palestine["2MSP"].inferred
    # The statement fixes: the date out of the speaker field, the page's words kept.
    usa = next(s for s in ds.statements if s.state == "USA")
    assert usa.date == dt.date(2015, 11, 4) and "2015" not in (usa.speaker or "")
    cuba = next(s for s in ds.statements if s.state == "CUB" and s.session == 76)
    assert "countries.Our" in cuba.text and any("as printed" in n for n in cuba.notes)


def test_known_facts(ds: apmbc.Dataset) -> None:
    assert ds.resolution(77).date == dt.date(2022, 12, 7)
    assert ds.resolution(77).symbol == "A/RES/77/63"
    assert ds.resolution(78).tally.yes == 170
    cuba = ds.state("Cuba")
    assert cuba.status is TreatyStatus.NOT_PARTY and cuba.signed is None
    ssd = ds.state("South Sudan")
    assert ssd.entry_into_force == dt.date(2011, 7, 9) and ssd.deposited == dt.date(2011, 11, 11)
    assert ds.state("Finland").withdrawal_effective == dt.date(2026, 1, 10)
    assert ds.state("Ukraine").status is TreatyStatus.PARTY
    assert len(ds.state("Ukraine").other_actions) == 3
    assert ds.meeting("5RC").city == "Siem Reap"
    assert ds.meeting("1RC").country == "KEN"
    assert ds.meeting("1MSP").president is not None
    assert ds.meeting("1MSP").president.state == "MOZ"  # type: ignore[union-attr]


def test_historical_un_names_map_to_todays_codes(ds: apmbc.Dataset) -> None:
    recorded = {v.recorded_name: v.state for v in ds.votes if v.recorded_name}
    assert recorded["YUGOSLAVIA"] == "SRB"
    assert recorded["SERBIA AND MONTENEGRO"] == "SRB"
    assert recorded["SWAZILAND"] == "SWZ"
    assert recorded["TURKEY"] == "TUR"
    for name in ("YUGOSLAVIA", "Serbia and Montenegro", "SWAZILAND", "Libyan Arab Jamahiriya"):
        assert ds.states.get(name) is not None, name


def test_profile_page_facts_are_merged(ds: apmbc.Dataset) -> None:
    pages = [s for s in ds.statements if s.verbatim]
    assert {s.state for s in pages} == {"CUB", "CHN", "EGY"}
    for statement in pages:
        assert statement.sources[0].url is not None
        assert "apminebanconvention.org" in statement.sources[0].url
    china = next(s for s in pages if s.meeting == "17MSP")
    assert (china.state, china.year) == ("CHN", 2018)
    # China's statement of 2013 is the page's report in the third person: a paraphrase.
    china_2013 = next(s for s in ds.statements if s.state == "CHN" and s.year == 2013)
    assert not china_2013.verbatim and china_2013.notes
    egypt = next(s for s in pages if s.state == "EGY")
    assert (egypt.session, egypt.forum) == (78, Forum.FIRST_COMMITTEE)
    # The page's reference to L.20 is kept as printed, with a note on the Convention's L.39.
    assert egypt.attribution is not None and "A/C.1/78/L.20" in egypt.attribution
    assert any("A/C.1/78/L.39" in note for note in egypt.notes)


def test_disagreements_are_kept_as_two_facts(ds: apmbc.Dataset) -> None:
    cuba13 = [a for a in ds.attendances if a.state == "CUB" and a.meeting == "13MSP"]
    assert sorted(a.attended for a in cuba13) == [False, True]
    mmr7 = [a for a in ds.attendances if a.state == "MMR" and a.meeting == "7MSP"]
    assert sorted(a.attended for a in mmr7) == [False, True]


def test_data_version() -> None:
    assert apmbc.DATA_VERSION == apmbc.load().metadata.data_version
    assert apmbc.load().metadata.as_of == dt.date(2026, 12, 1)
    assert apmbc.DATA_VERSION == "2026.12.01"


@pytest.mark.skipif(
    not (ROOT / "scripts" / "build_data.py").exists(),
    reason="not in a source checkout (the tests run against an installed wheel)",
)
def test_package_data_is_not_stale() -> None:
    proc = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "build_data.py"), "--check"],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert proc.returncode == 0, proc.stderr


def test_golden_summary(ds: apmbc.Dataset) -> None:
    """Any change to the bundled data shows here; review it, then UPDATE_SNAPSHOTS=1 pytest."""
    current = json.dumps(summary(ds), indent=2, sort_keys=True) + "\n"
    if os.environ.get("UPDATE_SNAPSHOTS") == "1":
        SNAPSHOT.write_text(current, encoding="utf-8")
    assert SNAPSHOT.read_text(encoding="utf-8") == current
