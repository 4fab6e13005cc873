"""Tests for apmbc.merge: any dataset folded into another, by the keys of apmbc.diff.

The base is the factory world (tests/factory.py); the inputs are the world's records changed or
added to, so that every expected value can be read off the factory's page.
"""

from __future__ import annotations

import datetime as dt
import doctest
import json
from collections import Counter
from pathlib import Path
from typing import Any

import attrs
import pytest
from factory import (
    AS_OF,
    attendance,
    attendances,
    first_msp,
    freedonia,
    latveria,
    metadata,
    source,
    statements,
    vote,
    votes,
    world,
)
from hypothesis import HealthCheck, given, settings, strategies as st
from packaging.version import Version
from strategies import documents

import apmbc
from apmbc import Dataset, Forum, Metadata, Source, VotePosition
from apmbc.changes import _merge
from apmbc.changes._keys import TABLES, key_of
from apmbc.changes._merge import Conflict, MergeResult, merge, next_data_version
from apmbc.errors import ArgumentError, ArgumentTypeError, DataValidationError, UnknownStateError
from apmbc.io.profile import Profile, ProfileVote, parse_profile, read_profile
from apmbc.io.profile._dataset import NO_SOURCE, OBSERVER_EVIDENCE
from apmbc.models import (
    Action,
    AttendanceRole,
    MergedFile,
    Participation,
    Resolution,
    Statement,
    TableCounts,
    Tally,
    TreatyStatus,
    Vote,
)
from apmbc.queries import newest_date
from apmbc.validation import validate

PLENARY, FIRST = Forum.PLENARY, Forum.FIRST_COMMITTEE
WHEN = dt.datetime(2026, 12, 8, 10, 0, tzinfo=dt.timezone.utc)
NEW = source("new-input")


def other(**tables: Any) -> Dataset:
    """An input: only the records given, under its own version."""
    return Dataset(metadata=Metadata(data_version="input"), **tables)


def session_62() -> tuple[Resolution, tuple[Vote, ...]]:
    """A made-up 62nd-session plenary vote of three factory States."""
    resolution = Resolution(
        session=62,
        forum=PLENARY,
        symbol="A/RES/62/41",
        date=dt.date(2007, 12, 5),
        tally=Tally(yes=2, no=0, abstain=1, absent=0),
        sources=(NEW,),
    )
    positions = {"BRD": VotePosition.YES, "ELB": VotePosition.ABSTAIN, "FRD": VotePosition.YES}
    new_votes = tuple(
        vote(code, 62, PLENARY, position, resolution="A/RES/62/41", sources=(NEW,))
        for code, position in positions.items()
    )
    return resolution, new_votes


def test_module_examples() -> None:
    assert doctest.testmod(_merge).failed == 0


# -- added, confirmed, conflicting ---------------------------------------------------------------


def test_a_new_roll_call_and_its_votes_are_added() -> None:
    base = world()
    resolution, new_votes = session_62()
    result = merge(base, other(resolutions=[resolution], votes=new_votes), when=WHEN)
    merged = result.dataset
    assert result.added == TableCounts(resolutions=1, votes=3)
    assert result.confirmed == result.conflicting == TableCounts()
    assert (result.conflicts, result.disagreements, result.skipped) == ((), (), ())
    assert tuple(merged.resolutions) == (*base.resolutions, resolution)
    assert merged.votes == base.votes + new_votes
    assert tuple(merged.states) == tuple(base.states)  # no State changed its status
    assert merged.attendances == base.attendances and merged.statements == base.statements
    meta = merged.metadata
    assert (meta.data_version, meta.base_version) == ("factory.post0001", "factory")
    assert (meta.as_of, meta.newest_source) == (AS_OF, newest_date(merged))
    assert (meta.title, meta.notes) == (base.metadata.title, base.metadata.notes)
    (record,) = meta.merges
    assert (record.when, record.base_version, record.data_version) == (
        WHEN,
        "factory",
        "factory.post0001",
    )
    assert record.files == (MergedFile(name="input", added=TableCounts(resolutions=1, votes=3)),)
    assert validate(merged) == validate(base)  # nothing new to find


def test_the_same_fact_from_another_source_gains_that_source() -> None:
    held = votes()[0]  # Borduria, yes in session 54
    again = attrs.evolve(held, sources=(NEW,))
    result = merge(world(), other(votes=[again]))
    assert result.confirmed == TableCounts(votes=1)
    assert result.dataset.votes[0] == attrs.evolve(held, sources=(*held.sources, NEW))
    # The same source described another way (a note, a date read) is not a second source.
    described = attrs.evolve(held.sources[0], note="read again", retrieved=dt.date(2026, 7, 1))
    same = merge(world(), other(votes=[attrs.evolve(held, sources=(described,))]))
    assert same.dataset.votes[0] == held
    assert not same.changed  # nothing changed: no new version, no merge recorded
    assert same.confirmed == TableCounts(votes=1)


def test_a_contradiction_is_a_conflict_and_the_base_value_stays() -> None:
    held = votes()[0]
    contrary = attrs.evolve(held, position=VotePosition.NO, sources=(NEW,))
    result = merge(world(), other(votes=[contrary]))
    (conflict,) = result.conflicts
    assert conflict == Conflict(
        table="votes",
        key="BRD 54 plenary",
        field="position",
        base="yes",
        other="no",
        base_sources=("https://example.org/factory/votes-54-plenary",),
        other_sources=("https://example.org/factory/new-input",),
        kept="base",
    )
    assert result.conflicting == TableCounts(votes=1)
    kept = result.dataset.votes[0]
    assert kept.position is VotePosition.YES
    assert kept.sources == (*held.sources, NEW)  # the other's source is cited all the same
    assert str(conflict) == (
        "votes BRD 54 plenary: position yes (https://example.org/factory/votes-54-plenary) vs no "
        "(https://example.org/factory/new-input); kept the base's"
    )
    assert json.loads(json.dumps(conflict.to_dict()))["kept"] == "base"
    taken = merge(world(), other(votes=[contrary]), prefer="other")
    assert taken.dataset.votes[0].position is VotePosition.NO
    assert taken.conflicts[0].kept == "other"
    assert str(taken.conflicts[0]).endswith("; took the other's")


def test_unknowns_are_filled_and_nested_figures_compared_one_by_one() -> None:
    fc54 = Resolution(
        session=54,
        forum=FIRST,
        symbol="A/C.1/54/L.20",
        date=dt.date(1999, 11, 2),
        tally=Tally(yes=140),
        sources=(NEW,),
    )
    p60 = attrs.evolve(world().resolutions[2], tally=Tally(yes=5, no=1), sources=(NEW,))
    result = merge(world(), other(resolutions=[fc54, p60]))
    merged = {r.roll_call: r for r in result.dataset.resolutions}
    filled = merged[(54, FIRST, None)]
    assert (filled.symbol, filled.date, filled.tally) == (fc54.symbol, fc54.date, fc54.tally)
    assert filled.notes == world().resolutions[1].notes
    (conflict,) = result.conflicts
    assert (conflict.key, conflict.field, conflict.base, conflict.other) == (
        "60 plenary",
        "tally.no",
        "0",
        "1",
    )
    assert result.confirmed == TableCounts(resolutions=1)
    assert result.conflicting == TableCounts(resolutions=1)


def test_descriptive_fields_keep_the_base_words_and_symbols_compare_by_their_spelling() -> None:
    p60 = world().resolutions[2]
    retitled = attrs.evolve(p60, title="IMPLEMENTATION OF THE CONVENTION", symbol="a/res/60/80 ")
    renamed = attrs.evolve(votes()[1], recorded_name="ELBONIA")  # the base: "LOWER ELBONIA"
    reworded = attrs.evolve(attendances()[0], evidence="named among the observers")
    result = merge(world(), other(resolutions=[retitled], votes=[renamed], attendances=[reworded]))
    assert result.conflicts == ()
    assert not result.changed
    assert result.confirmed == TableCounts(resolutions=1, votes=1, attendances=1)
    unnamed = attrs.evolve(votes()[0], sources=(NEW,), recorded_name="BORDURIA")
    assert merge(world(), other(votes=[unnamed])).dataset.votes[0].recorded_name == "BORDURIA"


def test_states_gain_names_actions_and_sources() -> None:
    held = freedonia()
    report = held.other_actions[0]
    restated = attrs.evolve(
        held,
        aliases=("Fredonia", "Freedonian Republic"),
        former_names=("Old Freedonia",),
        cow_code=999,
        other_actions=(
            attrs.evolve(report, description="Reported  its stockpile destroyed", sources=(NEW,)),
            Action(date=dt.date(2026, 4, 1), description="Hosted a workshop", sources=(NEW,)),
        ),
        sources=(NEW,),
        notes=("a new note",),
    )
    result = merge(world(), other(states=[restated]))
    merged = result.dataset.states.get("FRD")
    assert merged is not None and result.conflicts == ()
    assert merged.aliases == (*held.aliases, "Freedonian Republic")
    assert merged.former_names == ("Old Freedonia",)
    assert merged.cow_code == 999
    assert [a.description for a in merged.other_actions] == [
        "Reported its stockpile destroyed",
        "Hosted a workshop",
    ]
    assert merged.other_actions[0].sources == (*report.sources, NEW)  # one act, two sources
    assert merged.sources == (*held.sources, NEW)
    assert merged.notes == (*held.notes, "a new note")
    renamed = merge(world(), other(states=[attrs.evolve(held, name="Freedonia Republic")]))
    assert [(c.key, c.field, c.base, c.other) for c in renamed.conflicts] == [
        ("FRD", "name", "Freedonia", "Freedonia Republic")
    ]


def test_an_agreeing_attendance_fact_combines_sources_and_an_opposite_one_is_kept_beside() -> None:
    held = attendance("SYL", "1MSP")
    report = Source(citation="Final report of the 1MSP (made up)")
    agreeing = attrs.evolve(held, sources=(report,), evidence="listed as an observer State")
    opposite = attendance("GFW", "1RC", True, sources=(report,))  # the base says it was absent
    result = merge(world(), other(attendances=[agreeing, opposite]))
    merged = result.dataset.attendances
    assert result.confirmed == result.added == TableCounts(attendances=1)
    facts = [a for a in merged if (a.state, a.meeting) == ("SYL", "1MSP")]
    assert facts == [attrs.evolve(held, sources=(*held.sources, report))]
    both = [a.attended for a in merged if (a.state, a.meeting) == ("GFW", "1RC")]
    assert both == [False, True]
    (kept,) = result.disagreements
    assert (kept.table, kept.key, kept.field, kept.base, kept.other, kept.kept) == (
        "attendances",
        "GFW 1RC",
        "attended",
        "no",
        "yes",
        "both",
    )
    assert result.conflicts == ()
    codes = [f.code for f in validate(result.dataset) if f.keys[:2] in (("SYL", "1MSP"),)]
    assert codes == []  # no duplicate fact (APMBC-KEY-ATTENDANCE)


def test_a_fact_read_from_a_list_is_no_longer_inferred() -> None:
    inferred = attendances()[4]  # Elbonia at 2RC, from a later statement
    listed = attrs.evolve(inferred, inferred=False, sources=(NEW,))
    merged = merge(world(), other(attendances=[listed])).dataset.attendances[4]
    assert merged.inferred is False and merged.sources == (*inferred.sources, NEW)
    still = attrs.evolve(inferred, sources=(NEW,))  # inferred by both sources: still inferred
    assert merge(world(), other(attendances=[still])).dataset.attendances[4].inferred is True


def test_participation_figures_that_differ_become_an_alternative() -> None:
    held = first_msp()
    assert held.participation is not None
    differing = Participation(states_parties=2, basis="news", sources=(NEW,))
    agreeing = Participation(
        states_parties=1, total_states=4, summary="four States", sources=(NEW,)
    )
    result = merge(world(), other(meetings=[attrs.evolve(held, participation=differing)]))
    merged = result.dataset.meetings.get("1MSP")
    assert merged is not None
    assert merged.participation == held.participation
    assert merged.participation_alternatives == (*held.participation_alternatives, differing)
    (kept,) = result.disagreements
    assert (kept.key, kept.field, kept.kept) == ("1MSP", "participation", "both")
    assert kept.other == "states_parties 2"
    again = merge(result.dataset, other(meetings=[attrs.evolve(held, participation=differing)]))
    assert again.dataset is result.dataset
    folded = merge(world(), other(meetings=[attrs.evolve(held, participation=agreeing)]))
    participation = folded.dataset.meetings.get("1MSP")
    assert participation is not None and participation.participation is not None
    assert participation.participation.summary == "four States"
    assert participation.participation.sources == (*held.participation.sources, NEW)
    assert folded.disagreements == folded.conflicts == ()


def test_statements_are_known_by_their_text_with_spaces_collapsed() -> None:
    held = statements()[1]
    spaced = attrs.evolve(
        held, text="We share  the goal of a world\nfree of mines.", sources=(NEW,)
    )
    result = merge(world(), other(statements=[spaced]))
    assert result.confirmed == TableCounts(statements=1)
    assert result.dataset.statements[1] == attrs.evolve(held, sources=(*held.sources, NEW))
    elsewhere = attrs.evolve(held, meeting="2RC", year=2009)  # another occasion: another record
    assert merge(world(), other(statements=[elsewhere])).added == TableCounts(statements=1)


def test_statuses_follow_the_new_as_of_date() -> None:
    later = dt.date(2026, 10, 1)
    result = merge(world(), Dataset(metadata=Metadata(data_version="x", as_of=later), states=[]))
    assert not result.changed  # nothing to fold in: the as-of date alone changes nothing
    new_statement = Statement(state="LAT", text="We withdraw.", date=dt.date(2026, 9, 2))
    result = merge(world(), other(statements=[new_statement]))
    merged = result.dataset
    assert merged.metadata.as_of == dt.date(2026, 9, 2)  # the newest date of an input without one
    statuses = {s.code: s.status for s in merged.states}
    assert statuses["LAT"] is TreatyStatus.WITHDRAWN  # effective 2026-09-01 by Article 20
    assert statuses["GFW"] is TreatyStatus.PARTY  # in force 2026-09-01 by Article 17
    assert [f for f in validate(merged) if f.code == "APMBC-STATUS-ASOF"] == []
    assert latveria().status is TreatyStatus.WITHDRAWING  # the base is unchanged


def test_a_roll_call_without_its_record_id_is_skipped_with_its_votes() -> None:
    unidentified = Resolution(session=60, forum=PLENARY, symbol="A/RES/60/81", convention=False)
    identified = Resolution(
        session=60, forum=PLENARY, symbol="A/RES/60/81", record="voeten:1", convention=False
    )
    on_unidentified = vote("FRD", 60, PLENARY, VotePosition.NO, resolution="A/RES/60/81")
    on_identified = vote(
        "FRD", 60, PLENARY, VotePosition.NO, resolution="A/RES/60/81", record="voeten:1"
    )
    on_convention = attrs.evolve(votes()[-1], sources=(NEW,))  # Ruritania's, symbol A/RES/60/80
    convention = world().resolutions[2]
    result = merge(
        world(),
        other(
            resolutions=[convention, unidentified, identified],
            votes=[on_unidentified, on_identified, on_convention],
        ),
    )
    (reason,) = result.skipped
    assert reason.startswith("resolutions 60 plenary (A/RES/60/81): a roll call other than")
    assert result.added == TableCounts(resolutions=1, votes=1)
    assert result.confirmed == TableCounts(resolutions=1, votes=1)
    assert result.conflicts == ()
    assert result.dataset.votes[-1] == on_identified
    # With no Convention resolution of that session in the input, every vote without a record
    # id there belongs to the unidentified roll call.
    alone = merge(world(), other(resolutions=[unidentified], votes=[on_convention]))
    assert not alone.changed and len(alone.skipped) == 1


def test_several_inputs_fold_in_order_into_one_merge() -> None:
    resolution, new_votes = session_62()
    first = other(resolutions=[resolution], votes=new_votes[:2])
    contrary = attrs.evolve(new_votes[0], position=VotePosition.NO, sources=(source("third"),))
    second = Dataset(metadata=Metadata(data_version="second"), votes=(new_votes[2], contrary))
    files = [MergedFile(name="a.csv", sha256="aa", kind="undl_csv"), (MergedFile(name="b.json"),)]
    result = merge(world(), first, second, when=WHEN, files=files)
    assert result.added == TableCounts(resolutions=1, votes=3)
    (conflict,) = result.conflicts  # the second input contradicts what the first added
    assert (conflict.key, conflict.base, conflict.other) == ("BRD 62 plenary", "yes", "no")
    (record,) = result.dataset.metadata.merges
    assert record.files == (
        MergedFile(
            name="a.csv", sha256="aa", kind="undl_csv", added=TableCounts(resolutions=1, votes=2)
        ),
        MergedFile(name="b.json", added=TableCounts(votes=1)),
    )
    assert result.inputs == 2
    assert str(result).splitlines()[0] == (
        "merged 2 inputs into factory: data version factory.post0001"
    )


def test_merging_twice_changes_nothing_the_second_time() -> None:
    resolution, new_votes = session_62()
    update = other(resolutions=[resolution], votes=new_votes)
    once = merge(world(), update)
    twice = merge(once.dataset, update)
    assert twice.dataset is once.dataset
    assert not twice.changed and twice.added == TableCounts()
    assert twice.confirmed == TableCounts(resolutions=1, votes=3)
    assert str(twice) == (
        "merged 1 input into factory.post0001: nothing new, the data is unchanged\n"
        "resolutions: 1 confirmed\nvotes: 3 confirmed"
    )
    base = world()
    assert merge(base, base).dataset is base
    assert merge(base).dataset is base


def test_successive_merges_get_versions_that_sort_as_text_and_as_versions() -> None:
    versions = ["2026.12.01"]
    for _ in range(10):
        versions.append(next_data_version(versions[-1]))
    picked = [versions[0], versions[1], versions[2], versions[10]]
    assert picked == [
        "2026.12.01",
        "2026.12.01.post0001",
        "2026.12.01.post0002",
        "2026.12.01.post0010",
    ]
    assert sorted(picked) == picked
    assert sorted(picked, key=Version) == picked
    assert next_data_version("factory") == "factory.post0001"
    assert next_data_version("2026.12.01.post9998") == "2026.12.01.post9999"
    with pytest.raises(ArgumentError, match="9999 merges"):
        next_data_version("2026.12.01.post9999")
    assert next_data_version("x.postman") == "x.postman.post0001"


def test_the_report_and_its_json() -> None:
    many = tuple(
        attrs.evolve(v, position=VotePosition.ABSENT, sources=(NEW,))
        for v in votes()
        if v.position is not VotePosition.ABSENT
    )
    result = merge(world(), other(votes=many))
    lines = str(result).splitlines()
    assert lines[:2] == [
        "merged 1 input into factory: data version factory.post0001",
        f"votes: {len(many)} conflicting",
    ]
    assert len(lines) == 2 + len(many) <= 2 + _merge.REPORT_LINES
    assert lines[2].startswith("conflict: votes BRD 54 plenary: position yes (")
    capped = result.lines(limit=5)
    assert len(capped) == 2 + 5 + 1
    assert capped[-1] == f"... and {len(many) - 5} more"
    plain = json.loads(json.dumps(result.to_dict()))
    assert plain["tables"]["votes"] == {"added": 0, "confirmed": 0, "conflicting": len(many)}
    assert plain["changed"] is True and plain["data_version"] == "factory.post0001"
    assert len(plain["conflicts"]) == len(many)
    assert isinstance(result, MergeResult)


def test_bad_arguments() -> None:
    base = world()
    with pytest.raises(ArgumentTypeError, match="base must be a Dataset"):
        merge(base.to_document(), base)  # type: ignore[arg-type]
    with pytest.raises(ArgumentTypeError, match="input 2 must be a Dataset"):
        merge(base, base, 3)  # type: ignore[arg-type]
    with pytest.raises(ArgumentError, match="invalid prefer 'theirs'"):
        merge(base, base, prefer="theirs")  # type: ignore[arg-type]
    with pytest.raises(ArgumentError, match="no page was given"):
        merge(base, base, state="Freedonia")
    with pytest.raises(ArgumentError, match="files gives 2 input"):
        merge(base, base, files=[MergedFile(name="a"), MergedFile(name="b")])
    with pytest.raises(ArgumentTypeError, match="a MergedFile or a tuple"):
        merge(base, base, files=[("a.csv",)])  # type: ignore[list-item]
    with pytest.raises(ArgumentError, match="invalid time"):
        merge(base, base, when="yesterday")


# -- profile pages --------------------------------------------------------------------------------

PAGE = Source(url="https://example.org/states-not-party/elbonia")
PAGE_TEXT = """Elbonia
The State not party has participated as Observer in the following meetings of the Convention
• 1MSP, 1RC, 2RC, 19MSP
The State not party most recently has voted as follows,
• Abstained - 2005
• In favour - 2006
• Abstained - Seventy-ninth session
The State not party has indicated,
• "We share the goal of a world free of mines." (1RC, 2004)
• "We will decide in due course." (Explanation of vote, General Assembly, 2023)
"""


def test_a_profile_page_becomes_a_dataset_and_merges() -> None:
    page = parse_profile(PAGE_TEXT, source=PAGE, meetings=world())
    converted = page.to_dataset(world())
    assert [s.code for s in converted.states] == ["ELB"]
    assert [(a.meeting, a.role, a.evidence) for a in converted.attendances] == [
        ("1MSP", AttendanceRole.OBSERVER, OBSERVER_EVIDENCE),
        ("1RC", AttendanceRole.OBSERVER, OBSERVER_EVIDENCE),
        ("2RC", AttendanceRole.OBSERVER, OBSERVER_EVIDENCE),
    ]
    assert [(v.session, v.forum, v.position, v.resolution) for v in converted.votes] == [
        (60, PLENARY, VotePosition.ABSTAIN, "A/RES/60/80"),
        (61, PLENARY, VotePosition.YES, None),
    ]
    assert converted.metadata.notes[:2] == (
        "skipped: attendance at 19MSP: the dataset has no meeting '19MSP'",
        "skipped: vote 'abstain' from line '• Abstained - Seventy-ninth session': the page "
        "does not say which forum",
    )
    result = merge(world(), page)  # the Profile itself: converted first, one code path
    assert result.skipped == tuple(n.removeprefix("skipped: ") for n in converted.metadata.notes)
    assert result.added == TableCounts(votes=1, statements=1)
    assert result.confirmed == TableCounts(states=1, votes=1, attendances=3, statements=1)
    # 1MSP: Elbonia's two facts disagree already; the page confirms the one that it attended.
    assert result.disagreements == () and result.conflicts == ()
    elb_1msp = [a for a in result.dataset.attendances if (a.state, a.meeting) == ("ELB", "1MSP")]
    assert [(a.attended, a.sources) for a in elb_1msp] == [
        (True, (source("1msp-participants"), PAGE)),
        (False, (source("1msp-press"),)),
    ]
    # Its 2RC attendance was inferred from a statement; the page's list says so directly.
    assert result.dataset.attendances[4].inferred is False


def test_the_old_call_with_a_state_still_works() -> None:
    page = parse_profile("The State not party has voted as follows,\n• Against - 2023\n")
    assert page.state is None
    result = merge(world(), page, state="Republic of Freedonia")
    assert [(v.state, v.session, v.position) for v in result.dataset.votes[-1:]] == [
        ("FRD", 78, VotePosition.NO)
    ]
    assert result.dataset.votes[-1].sources == (NO_SOURCE,)
    with pytest.raises(UnknownStateError, match="Freedonya"):
        merge(world(), page, state="Freedonya")
    with pytest.raises(DataValidationError) as caught:
        merge(world(), page)
    assert caught.value.problems[0].path == "state"
    assert "names no State" in str(caught.value)


def test_votes_a_page_gives_twice_or_differently() -> None:
    page = Profile(
        state="Freedonia",
        votes=(
            ProfileVote(position=VotePosition.YES, session=79, forum=PLENARY, line="a"),
            ProfileVote(position=VotePosition.YES, session=79, forum=PLENARY, line="b"),
            ProfileVote(position=VotePosition.NO, session=79, forum=PLENARY, line="c"),
        ),
    )
    result = merge(world(), page)
    assert result.added == TableCounts(votes=1)
    assert result.confirmed == TableCounts(states=1, votes=1)
    (conflict,) = result.conflicts
    assert (conflict.key, conflict.base, conflict.other) == ("FRD 79 plenary", "yes", "no")


def test_merge_a_real_page_into_the_bundled_dataset(samples_dir: Path) -> None:
    ds = apmbc.load()
    url = "https://www.apminebanconvention.org/en/membership/states-not-party/cuba"
    page = read_profile(samples_dir / "cuba-state-not-party.txt", source=url)
    # The bundled data was built by merging this very page (scripts/build_data.py), so merging it
    # again confirms everything and changes nothing.
    again = merge(ds, page)
    assert again.dataset is ds
    assert (again.conflicts, again.disagreements, again.skipped) == ((), (), ())
    assert again.added == TableCounts()
    assert again.confirmed == TableCounts(states=1, votes=4, attendances=8, statements=1)
    # Without the page's facts, the merge adds the two First Committee votes it lists.
    without = ds.replace(
        votes=[v for v in ds.votes if v.forum is PLENARY],
        statements=[s for s in ds.statements if not (s.state == "CUB" and s.verbatim)],
    )
    result = merge(without, page)
    assert result.conflicts == result.skipped == ()
    added = [(v.session, v.forum, v.position) for v in result.dataset.votes[len(without.votes) :]]
    assert added == [(76, FIRST, VotePosition.ABSTAIN), (73, FIRST, VotePosition.ABSTAIN)]
    assert result.added == TableCounts(votes=2, statements=1)
    assert result.dataset.votes[len(without.votes)].resolution == ds.resolution(76, FIRST).symbol


# -- properties -------------------------------------------------------------------------------


def _canonical(ds: Dataset) -> dict[str, Any]:
    """The tables as sets of records, each record's tuples as sets: what a merge's order does not
    change."""

    def norm(value: Any) -> Any:
        if isinstance(value, tuple):
            return frozenset(norm(v) for v in value)
        if attrs.has(type(value)):
            return (
                type(value).__name__,
                *(norm(getattr(value, f.name)) for f in attrs.fields(type(value))),
            )
        return value

    return {t: Counter(norm(r) for r in getattr(ds, t)) for t in TABLES}


_POOL = world()
_RECORDS = {t: tuple(getattr(_POOL, t)) for t in TABLES}


@st.composite
def part_of_the_world(draw: st.DrawFn, name: str) -> Dataset:
    """Some of the world's records; each may cite one more source of its own."""
    tables: dict[str, list[Any]] = {}
    for table, records in _RECORDS.items():
        chosen = []
        for record in records:
            if draw(st.booleans()):
                if draw(st.booleans()):
                    record = attrs.evolve(record, sources=(*record.sources, source(name)))
                chosen.append(record)
        tables[table] = chosen
    return Dataset(metadata=metadata(data_version=name), **tables)


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(part_of_the_world("a"), part_of_the_world("b"))
def test_merge_is_commutative_where_the_sources_agree(a: Dataset, b: Dataset) -> None:
    ab, ba = merge(a, b), merge(b, a)
    assert ab.conflicts == ba.conflicts == ()
    assert _canonical(ab.dataset) == _canonical(ba.dataset)


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(documents, documents, st.sampled_from(["base", "other"]))
def test_merge_never_changes_its_inputs_and_a_second_merge_changes_nothing(
    a_doc: apmbc.Document, b_doc: apmbc.Document, prefer: str
) -> None:
    a, given = Dataset.from_document(a_doc), Dataset.from_document(b_doc)
    b = given
    if prefer == "other":  # an input that contradicts itself flips with prefer="other"
        for table in TABLES:
            found = [key_of(table, r) for r in getattr(b, table)]
            if len(set(found)) != len(found):
                b = b.replace(**{table: ()})
    once = merge(a, given, b, prefer=prefer) if prefer == "base" else merge(a, b, prefer="other")
    assert a.to_document() == a_doc
    assert given.to_document() == b_doc
    twice = merge(once.dataset, b, prefer=prefer)  # type: ignore[arg-type]
    assert twice.dataset is once.dataset
