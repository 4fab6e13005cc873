"""The bundled dataset: completeness, provenance, freshness and the golden summary."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import math
import re
import subprocess
import sys
import threading
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from snapshot import check_golden

import apmbc
from apmbc import EventKind, Forum, MeetingKind, TreatyStatus, VotePosition
from apmbc.cli import main
from apmbc.domain.treaty import article17_of, article20_of, entry_into_force, withdrawal_effective
from apmbc.output import RECORD_TABLES, TABLES, columns, export_text, summary, to_records
from apmbc.output._display import dataset_html

ROOT = Path(__file__).resolve().parents[1]
SNAPSHOT = ROOT / "tests" / "snapshots" / "summary.json"
CUBA_OBSERVED = ["1MSP", "2MSP", "3MSP", "4MSP", "1RC", "7MSP", "2RC", "13MSP"]


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
    check_golden(SNAPSHOT, json.dumps(summary(ds), indent=2, sort_keys=True) + "\n")


# -- a few States' records, as every view shows them ------------------------------------------
# The unit tests of tables, exports, frames, figures and the command line run on the factory
# world (tests/factory.py); the figures of the real record they used to pin are pinned here.


def test_cuba(ds: apmbc.Dataset) -> None:
    cuba = ds.state("Cuba")
    assert (cuba.code, cuba.status, cuba.aliases) == (
        "CUB",
        TreatyStatus.NOT_PARTY,
        ("Republic of Cuba",),
    )
    assert len(cuba.sources) == 4  # 3, then the code list (COW, GW, M49)
    assert (cuba.deposited, entry_into_force(cuba), article17_of(cuba)) == (None, None, None)
    assert [m.code for m in ds.observer_meetings(cuba)] == CUBA_OBSERVED
    plenary = ds.votes_by_session(cuba)
    assert list(plenary) == list(range(52, 81))
    assert set(plenary.values()) == {VotePosition.ABSTAIN}
    # First Committee: session 70 from the roll call, 73 and 76 from its profile page.
    assert ds.votes_by_session(cuba, "first_committee") == {
        70: VotePosition.ABSTAIN,
        73: VotePosition.ABSTAIN,
        76: VotePosition.ABSTAIN,
    }
    statements = [s for s in ds.statements if s.state == "CUB"]
    assert [s.session for s in statements] == [72, 76, 78]
    # Two paraphrased explanations of vote, and Cuba's own words quoted on its profile page.
    assert [s.verbatim for s in statements] == [False, True, False]
    assert statements[0].forum is Forum.FIRST_COMMITTEE
    assert statements[0].context is apmbc.StatementContext.EXPLANATION_OF_VOTE


def test_south_sudan_succession_and_finland_withdrawal(ds: apmbc.Dataset) -> None:
    ssd = ds.state("South Sudan")
    assert ssd.status is TreatyStatus.PARTY
    assert ssd.deposit_method is apmbc.DepositMethod.SUCCESSION
    assert article17_of(ssd) == dt.date(2012, 5, 1)  # the stated 2011-07-09 is what counts
    assert entry_into_force(ssd) == dt.date(2011, 7, 9)
    assert ssd.withdrawal_notified is None
    fin = ds.state("FIN")
    assert fin.status is TreatyStatus.WITHDRAWN
    assert fin.withdrawal_notified == dt.date(2025, 7, 10)
    assert article20_of(fin) == dt.date(2026, 1, 10) == fin.withdrawal_effective


def test_withdrawals(ds: apmbc.Dataset) -> None:
    effective = {s.code: withdrawal_effective(s) for s in ds.states if s.withdrawal_notified}
    assert effective == {
        "EST": dt.date(2025, 12, 27),
        "LTU": dt.date(2025, 12, 27),
        "LVA": dt.date(2025, 12, 27),
        "FIN": dt.date(2026, 1, 10),
        "POL": dt.date(2026, 2, 20),
    }
    assert all(ds.state(code).status is TreatyStatus.WITHDRAWN for code in effective)


def test_most_states_ever_bound_and_bound_now(ds: apmbc.Dataset) -> None:
    # The number bound rises only on a day of entry into force, so its maximum is on one.
    days = sorted({d for s in ds.states if (d := entry_into_force(s)) is not None})
    assert ds.parties_on(days[0] - dt.timedelta(days=1)) == ()
    assert max(len(ds.parties_on(day)) for day in days) == 166
    assert len(ds.parties_on(ds.metadata.as_of or dt.date.today())) == 161


def test_first_msp_and_first_review_conference(ds: apmbc.Dataset) -> None:
    first = ds.meeting("1MSP")
    assert (first.start, first.end) == (dt.date(1999, 5, 3), dt.date(1999, 5, 7))
    assert (first.city, first.country) == ("Maputo", "MOZ")
    assert first.president is not None and first.president.person == "Leonardo Santos Simão"
    assert first.participation is not None
    assert (first.participation.states_parties, first.participation.observer_states) == (43, 47)
    assert first.venue is not None
    assert ds.meeting("1RC").start == dt.date(2004, 11, 29)
    assert ds.meeting("IM-2023").number is None
    conferences = [m.code for m in ds.meetings if m.kind is MeetingKind.REVIEW_CONFERENCE]
    assert conferences == ["1RC", "2RC", "3RC", "4RC", "5RC"]


def test_votes_of_session_77_and_80(ds: apmbc.Dataset) -> None:
    res = ds.resolution(77)
    assert (res.symbol, res.date) == ("A/RES/77/63", dt.date(2022, 12, 7))
    assert (res.tally.yes, res.tally.no, res.tally.abstain, res.tally.absent) == (167, 0, 17, 9)
    assert sum(1 for v in ds.votes if (v.session, v.forum) == (77, Forum.PLENARY)) == 193
    cuba = next(v for v in ds.votes if v.state == "CUB" and v.session == 77)
    assert (cuba.position, cuba.recorded_name) == (VotePosition.ABSTAIN, "CUBA")
    fc80 = ds.resolution(80, "first_committee")
    assert fc80.symbol == "A/C.1/80/L.30"
    assert not [v for v in ds.votes if (v.session, v.forum) == (80, Forum.FIRST_COMMITTEE)]


def test_statuses_on_1_january_2026(ds: apmbc.Dataset) -> None:
    statuses = Counter(ds.status_on(s, "2026-01-01") for s in ds.states)
    assert statuses[TreatyStatus.WITHDRAWN] == 3  # Estonia, Latvia, Lithuania (27 December 2025)
    assert statuses[TreatyStatus.WITHDRAWING] == 2  # Finland (10 January), Poland (20 February)
    assert ds.status_on("FIN", "2026-01-01") is TreatyStatus.WITHDRAWING


def test_short_names_in_current_un_usage(ds: apmbc.Dataset) -> None:
    # What every view shows as "Name (CODE)": the figure's rows, the CLI, the notebook.
    names = {code: ds.state(code).name for code in ("CUB", "CHN", "USA", "SSD", "CIV")}
    assert names == {
        "CUB": "Cuba",
        "CHN": "China",
        "USA": "United States",
        "SSD": "South Sudan",
        "CIV": "Côte d'Ivoire",
    }


def test_lookup_suggestions_of_the_real_names(ds: apmbc.Dataset) -> None:
    with pytest.raises(apmbc.UnknownStateError, match=r"Did you mean 'Cuba \(CUB\)'\?$"):
        ds.state("Cubaa")
    with pytest.raises(apmbc.UnknownMeetingError, match="Did you mean '9MSP"):
        ds.meeting("99MSP")


# -- every view of the whole bundled record works -------------------------------------------


@pytest.mark.parametrize("table", TABLES)
def test_every_row_has_the_columns_in_order_and_plain_values(ds: apmbc.Dataset, table: str) -> None:
    rows = to_records(ds, table)
    if table in RECORD_TABLES:
        assert len(rows) == len(getattr(ds, table))
    else:
        assert rows, table
    names = [c.name for c in columns(table)]
    for row in rows:
        assert list(row) == names
        for value in row.values():
            assert value is None or isinstance(value, (str, int, dt.date)), (table, value)


def test_exports_of_the_bundled_data(ds: apmbc.Dataset) -> None:
    rows = list(csv.DictReader(io.StringIO(export_text(ds, "votes", "csv"))))
    # 5,555 plenary votes; 195 First Committee votes (193 of session 70's roll call, Cuba's two)
    assert len(rows) == len(ds.votes) == 5750
    assert rows[0]["state"] == "AFG"
    cuba = next(r for r in rows if r["state"] == "CUB" and r["session"] == "77")
    assert cuba == {
        "state": "CUB",
        "state_name": "Cuba",
        "session": "77",
        "forum": "plenary",
        "resolution": "A/RES/77/63",
        "record": "",
        "date": "2022-12-07",
        "position": "abstain",
        "intended": "",
        "recorded_name": "CUBA",
    }
    text = export_text(ds, "states", "json")
    assert "Côte d'Ivoire" in text  # UTF-8, not \\u escapes
    states = json.loads(text)
    assert len(states) == 197
    ssd = next(r for r in states if r["code"] == "SSD")
    assert (ssd["entry_into_force_stated"], ssd["entry_into_force_article17"]) == (
        "2011-07-09",
        "2012-05-01",
    )
    resolutions = json.loads(export_text(ds, "resolutions", "json"))
    assert len(resolutions) == 58
    assert {r["session"] for r in resolutions} == set(range(52, 81))


def test_notebook_summary_of_the_bundled_data(ds: apmbc.Dataset) -> None:
    shown = dataset_html(ds)
    assert ds._repr_html_() == shown
    for text in (
        apmbc.DATA_VERSION,
        ds.metadata.as_of.isoformat(),
        "197 (31 not_party, 161 party, 5 withdrawn)",
        "58 (sessions 52–80)",
        "5750",
    ):
        assert f">{text}</td>" in shown, text


def test_frames_of_the_bundled_data(ds: apmbc.Dataset) -> None:
    pd = pytest.importorskip("pandas", reason="pandas is not installed (apmbc[pandas])")
    from apmbc.pandas import to_frame

    for table in RECORD_TABLES:
        frame = to_frame(ds, table)
        assert len(frame) == len(getattr(ds, table)), table
    states = to_frame(ds, "states")
    assert states[states["status"] > "party"]["code"].tolist() == [
        "EST",
        "FIN",
        "LTU",
        "LVA",
        "POL",
    ]
    votes = to_frame(ds, "votes")
    counts = votes[votes["session"] == 77]["position"].value_counts()
    assert (counts["yes"], counts["no"], counts["abstain"], counts["absent"]) == (167, 0, 17, 9)
    cuba = votes[(votes["state"] == "CUB") & (votes["session"] == 77)].iloc[0]
    assert cuba["date"] == pd.Timestamp("2022-12-07")


def test_parties_figure_of_the_bundled_data(ds: apmbc.Dataset) -> None:
    pytest.importorskip("matplotlib", reason="matplotlib is not installed (apmbc[plot])")
    from apmbc.plot import parties_over_time

    fig = parties_over_time(ds)
    ax: Any = fig.axes[0]
    assert f"161 bound on {ds.metadata.as_of.isoformat()}" in ax.get_title()
    lines = {str(line.get_label()): line for line in ax.get_lines()}
    counts = [int(v) for v in lines["States Parties (Convention in force)"].get_ydata()]
    assert (counts[0], max(counts), counts[-1]) == (0, 166, 161)
    marks = list(lines["Withdrawal took effect"].get_xdata())
    assert len(marks) == 3  # three dates: 27 Dec 2025, 10 Jan 2026, 20 Feb 2026
    inset_text = " ".join(t.get_text() for a in ax.child_axes for t in a.texts)
    assert "27 Dec 2025: EST, LTU, LVA" in inset_text
    assert "10 Jan 2026: FIN" in inset_text
    assert "20 Feb 2026: POL" in inset_text


def test_the_command_line_reads_the_bundled_data_by_default(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["state", "cuba"]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    lines = out.splitlines()
    assert lines[0] == "Cuba (CUB)"
    as_of = apmbc.load().metadata.as_of.isoformat()
    assert f"  status             not_party (as of {as_of})" in lines
    start = lines.index(next(line for line in lines if line.startswith("Meetings attended")))
    attended = " ".join(lines[start : start + 2])
    assert attended.startswith("Meetings attended (8): ")
    assert re.findall(r"(\S+) \(\d{4}", attended.split(": ", 1)[1]) == list(CUBA_OBSERVED)
    assert "13MSP (2013, sources disagree)" in attended  # recorded attending and absent
    assert "Plenary votes, sessions 52-80 (1997-2025), 29 votes: 29 abstain" in lines
    assert (
        "  52 (1997) abstain   53 (1998) abstain   54 (1999) abstain   55 (2000) abstain" in lines
    )
    assert any(
        line.startswith("  [explanation of vote; First Committee session 72") for line in lines
    )
    assert main(["votes", "--session", "77"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "A/RES/77/63 (session 77, plenary, 2022-12-07): " + (
        "167 yes, 0 no, 17 abstain, 9 absent"
    )
    assert len(lines) == 1 + 193
    assert "abstain  CUB  Cuba" in lines


# -- the examples of the issue: queries over the real record ----------------------------------
# (These were tests/test_queries.py, which now tests the queries on the factory world.)


def test_votes_by_session(ds: apmbc.Dataset) -> None:
    cuba = ds.votes_by_session("Cuba")
    assert list(cuba) == list(range(52, 81))
    assert set(cuba.values()) == {VotePosition.ABSTAIN}
    china = ds.votes_by_session("CHN")
    assert china[77] is VotePosition.YES
    assert china[52] is VotePosition.ABSTAIN
    assert (china[59], china[60]) == (VotePosition.ABSTAIN, VotePosition.YES)
    # absences are kept
    assert ds.votes_by_session("Afghanistan")[52] is VotePosition.ABSENT
    # before UN membership there is no record
    assert 65 not in ds.votes_by_session("South Sudan")
    assert ds.votes_by_session("South Sudan")[67] is VotePosition.YES
    assert ds.votes_by_session("Cuba", "first_committee") == {
        70: VotePosition.ABSTAIN,
        73: VotePosition.ABSTAIN,
        76: VotePosition.ABSTAIN,
    }
    assert ds.votes_by_session("China", "first_committee") == {70: VotePosition.YES}  # roll call


def test_observer_meetings_in_date_order(ds: apmbc.Dataset) -> None:
    codes = [m.code for m in ds.observer_meetings("Cuba")]
    assert codes == CUBA_OBSERVED


def test_has_attended_review_conference(ds: apmbc.Dataset) -> None:
    assert ds.has_attended_review_conference("United States") is True
    assert ds.has_attended_review_conference("Cuba") is True
    assert ds.has_attended_review_conference("Iran") is None  # 5RC unknown
    assert ds.has_attended_review_conference("Finland") is None  # party at 3RC..5RC
    facts = ds.attendance("Iran")
    assert {a.meeting for a in facts if not a.attended} >= {"1RC", "2RC", "3RC", "4RC"}
    assert "5RC" not in {a.meeting for a in facts}


def test_has_attended_review_conference_false_when_all_absences_recorded(
    ds: apmbc.Dataset,
) -> None:
    iran = ds.state("Iran")
    extra = apmbc.Attendance(
        state="IRN",
        meeting="5RC",
        attended=False,
        evidence="planted for the test",
        sources=(apmbc.Source(citation="test"),),
    )
    planted = ds.replace(attendances=(*ds.attendances, extra))
    assert planted.has_attended_review_conference(iran) is False
    assert ds.has_attended_review_conference(iran) is None  # original unchanged


@pytest.mark.parametrize(
    ("state", "day", "status"),
    [
        ("Cuba", "1997-12-03", TreatyStatus.NOT_PARTY),
        ("Cuba", "2026-11-27", TreatyStatus.NOT_PARTY),
        ("Tonga", "2025-09-01", TreatyStatus.JOINING),
        ("Tonga", "2025-12-01", TreatyStatus.PARTY),
        ("Finland", "2025-12-31", TreatyStatus.WITHDRAWING),
        ("Finland", "2026-01-10", TreatyStatus.WITHDRAWN),
        ("Guinea", "1999-03-01", TreatyStatus.JOINING),
        ("Guinea", "1999-04-01", TreatyStatus.PARTY),
        ("Marshall Islands", "2000-01-01", TreatyStatus.SIGNATORY),
        ("Canada", "1998-01-01", TreatyStatus.JOINING),
        ("Canada", "1999-03-01", TreatyStatus.PARTY),
        ("South Sudan", "2011-07-09", TreatyStatus.PARTY),
        ("South Sudan", "2011-07-08", TreatyStatus.NOT_PARTY),
    ],
)
def test_status_on(ds: apmbc.Dataset, state: str, day: str, status: TreatyStatus) -> None:
    assert ds.status_on(state, day) is status
    assert ds.status_on(state, dt.date.fromisoformat(day)) is status


def test_status_on_accepts_forgiving_dates(ds: apmbc.Dataset) -> None:
    assert ds.status_on("Tonga", "1 December 2025") is TreatyStatus.PARTY
    with pytest.raises(ValueError, match="2025-13-01"):
        ds.status_on("Tonga", "2025-13-01")


def test_parties_on(ds: apmbc.Dataset) -> None:
    assert ds.parties_on("1999-02-28") == ()
    first = ds.parties_on("1999-03-01")
    assert len(first) == 45
    assert "CAN" in {s.code for s in first}
    deposits = sorted(s.deposited for s in first if s.deposited)
    assert len([d for d in deposits if d <= dt.date(1998, 9, 16)]) == 40
    assert all(d <= dt.date(1998, 9, 30) for d in deposits)
    assert "GIN" not in {s.code for s in first}  # deposited 1998-10-08, in force in April
    now = {s.code for s in ds.parties_on("2026-11-27")}
    assert "FIN" not in now and "TON" in now and "UKR" in now and "CUB" not in now
    assert len(now) == sum(1 for s in ds.states if s.status is TreatyStatus.PARTY)


def test_positions(ds: apmbc.Dataset) -> None:
    p = ds.positions(77)
    assert [len(p[k]) for k in VotePosition] == [167, 0, 17, 9]
    assert "CUB" in {s.code for s in p[VotePosition.ABSTAIN]}
    assert ds.positions(80)[VotePosition.NO][0].code == "RUS"


def test_agreement(ds: apmbc.Dataset) -> None:
    assert ds.agreement("Cuba", "Cuba") == 1.0
    assert ds.agreement("Cuba", "Egypt") == 1.0  # both abstained every session
    value = ds.agreement("Cuba", "Canada")
    assert value == 0.0
    assert 0 < ds.agreement("China", "Cuba") < 1
    assert math.isnan(ds.agreement("Holy See", "Cuba"))  # the Holy See never votes


def test_timeline(ds: apmbc.Dataset) -> None:
    events = ds.timeline("Finland")
    assert [e.date for e in events] == sorted(e.date for e in events)
    kinds = [e.kind for e in events]
    assert EventKind.DEPOSIT in kinds and EventKind.WITHDRAWAL_EFFECTIVE in kinds
    assert events[-1].kind in (EventKind.WITHDRAWAL_EFFECTIVE, EventKind.VOTE)
    us = ds.timeline("USA")
    stmt = [e for e in us if e.kind is EventKind.STATEMENT]
    assert stmt and stmt[0].date == dt.date(2015, 11, 4)  # dated by the vote it explains
    attended = [e.reference for e in us if e.kind is EventKind.ATTENDANCE]
    assert attended[0] == "2RC"
