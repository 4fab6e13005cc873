"""Provenance on every fact: kinds and retrieval dates of sources, filtering by kind, and what
the data does not know about attendance.

1. Every bundled ``Source`` (nested ones too) has a kind and a retrieval date, and the kind is
   the one data-raw/provenance.json gives it; every rule there is used.
2. ``with_source_kinds`` keeps records by the kinds of their sources ("votes whose only source
   is news: none").
3. ``meeting_attendance`` splits the States not bound at a meeting into attended, absent and
   unknown; ``has_attended_as_observer`` answers True, False or None.
"""

from __future__ import annotations

import datetime as dt
import doctest
import importlib.util
import json
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import attrs
import pytest

import apmbc
from apmbc import (
    Attendance,
    AttendanceRole,
    Dataset,
    Meeting,
    MeetingKind,
    Metadata,
    Source,
    SourceKind,
    State,
    TreatyStatus,
    Vote,
    VotePosition,
)
from apmbc.queries import MeetingAttendance, meeting_attendance, with_source_kinds

ROOT = Path(__file__).resolve().parents[1]
BUILD = ROOT / "scripts" / "build_data.py"
RULES = ROOT / "data-raw" / "provenance.json"
needs_checkout = pytest.mark.skipif(
    not (BUILD.exists() and RULES.exists()),
    reason="not in a source checkout: scripts/ and data-raw/ are absent (installed wheel)",
)
TABLES = ("states", "meetings", "resolutions", "votes", "attendances", "statements")


def sources_in(value: object) -> Iterator[Source]:
    """Every Source inside a record, walked independently of the code under test."""
    if isinstance(value, Source):
        yield value
    elif isinstance(value, tuple):
        for item in value:
            yield from sources_in(item)
    elif attrs.has(type(value)):
        cls: Any = type(value)
        for field in attrs.fields(cls):
            yield from sources_in(getattr(value, field.name))


def bundled_sources() -> list[Source]:
    ds = apmbc.load()
    found = list(sources_in(ds.metadata))
    for name in TABLES:
        for record in getattr(ds, name):
            found.extend(sources_in(record))
    return found


def load_build() -> ModuleType:
    spec = importlib.util.spec_from_file_location("_scripts_build_data", BUILD)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # attrs classes in the script need their module registered
    spec.loader.exec_module(module)
    return module


# -- 1. every bundled source has a kind and a retrieval date ---------------------------------


def test_every_bundled_source_has_a_kind_and_a_retrieval_date() -> None:
    sources = bundled_sources()
    assert len(sources) > 7000  # every vote's source counts: the issue counted 7,120
    assert [s for s in sources if s.kind is None] == []
    assert [s for s in sources if s.retrieved is None] == []
    # Retrieval dates are the collection's as-of date, the day data-raw/ was written, or the day
    # the additions were collected.
    assert {s.retrieved for s in sources} == {
        dt.date(2026, 11, 27),
        dt.date(2026, 11, 28),
        dt.date(2026, 12, 1),
    }
    as_of = apmbc.load().metadata.as_of
    assert as_of is not None
    assert all(
        s.retrieved is not None and s.retrieved <= as_of + dt.timedelta(days=1) for s in sources
    )


def test_votes_rest_on_un_records_and_the_convention_page() -> None:
    votes = apmbc.load().votes
    kinds = Counter(s.kind for v in votes for s in v.sources)
    # Plenary votes from the UN Digital Library and the UN's resolution texts; Cuba's two First
    # Committee votes from its profile page on the Convention's website; the First Committee
    # roll call of session 70 from the VisionsCarto data set. The build merges the profile pages
    # of Cuba, China and Egypt (data-raw/profiles.json), so that the 13 plenary votes a page
    # lists cite it too, beside the UN's record.
    assert kinds == {SourceKind.UN: 5555, SourceKind.CONVENTION: 15, SourceKind.DATASET: 193}
    second = [v for v in votes if v.forum is apmbc.Forum.PLENARY and len(v.sources) > 1]
    assert Counter(v.state for v in second) == {"EGY": 7, "CHN": 4, "CUB": 2}
    assert all(v.sources[1].kind is SourceKind.CONVENTION for v in second)


def _raw_sources(value: Any) -> Iterator[dict[str, Any]]:
    """The source objects of a data-raw JSON value, walked independently of the build."""
    if isinstance(value, dict):
        if "url" in value and "citation" in value:
            yield value
        for item in value.values():
            yield from _raw_sources(item)
    elif isinstance(value, list):
        for item in value:
            yield from _raw_sources(item)


def _undated(source: Source | dict[str, Any]) -> tuple[Any, ...]:
    fields = ("url", "citation", "title", "note")
    if isinstance(source, Source):
        return tuple(getattr(source, f) for f in fields)
    return tuple(source.get(f) for f in fields)


def folder_dates(rules: Any) -> dict[tuple[Any, ...], dt.date]:
    """Every source cited in an additions folder of data-raw/ -> the folder's retrieval date."""
    found: dict[tuple[Any, ...], dt.date] = {}
    for folder in sorted((ROOT / "data-raw").glob("additions-*")):
        for path in sorted(folder.glob("*.json")):
            for source in _raw_sources(json.loads(path.read_text(encoding="utf-8"))):
                found[_undated(source)] = rules.folders[folder.name]
    return found


@needs_checkout
def test_every_rule_is_used_and_gives_the_bundled_kind() -> None:
    build = load_build()
    rules = build.load_rules()
    sources = set(bundled_sources())
    in_folders = folder_dates(rules)
    used_kinds: Counter[str] = Counter()
    used_dates: Counter[str] = Counter()
    used_folders: set[dt.date] = set()
    for source in sources:
        rule = build.best_rule(rules.kinds, source)
        assert rule is not None, f"no kind rule matches {source}"
        used_kinds[rule.where] += 1
        assert source.kind is rule.value, (
            f"{source}: {source.kind} but {rule.where} gives {rule.value}"
        )
        dated = build.best_rule(rules.retrieved, source)
        expected = dated.value if dated is not None else rules.default_retrieved
        if source.retrieved == expected:
            if dated is not None:
                used_dates[dated.where] += 1
            continue
        # Otherwise the source was read from an additions folder: the folder's date is its own.
        assert in_folders.get(_undated(source)) == source.retrieved, source
        used_folders.add(source.retrieved)
    assert [r.where for r in rules.kinds if not used_kinds[r.where]] == []
    assert [r.where for r in rules.retrieved if not used_dates[r.where]] == []
    assert set(rules.folders.values()) == used_folders


@needs_checkout
def test_a_fact_read_later_from_a_page_cited_before_has_the_later_date() -> None:
    # Israel's page was cited by the first collection (27 Nov); the absences read from it on
    # 1 Dec are dated by the additions folder, the older facts keep their date.
    israel = [a for a in apmbc.load().attendances if a.state == "ISR"]
    page = "https://www.apminebanconvention.org/en/membership/states-not-party/israel"
    dates = {a.meeting: s.retrieved for a in israel for s in a.sources if s.url == page}
    assert dates["3MSP"] == dates["5MSP"] == dt.date(2026, 12, 1)
    assert dt.date(2026, 11, 27) in dates.values()
    # A source the additions put into a record of the base files is dated by its address.
    fc80 = {s.url: s.retrieved for s in apmbc.load().resolution(80, "first_committee").sources}
    assert fc80["https://www.mofa.go.jp/mofaj/press/release/pressit_000001_02921.html"] == (
        dt.date(2026, 12, 1)
    )
    djplayea = "https://djplayea.com/article/japan-leads-un-resolution-to-end-anti-personnel-mine"
    assert fc80[djplayea + "-suffering-154-countries-unite"] == dt.date(2026, 11, 27)


@needs_checkout
def test_additions_folders_add_new_records_only(tmp_path: Path) -> None:
    build = load_build()
    rules = build.load_rules()
    ds = apmbc.load()
    folder = tmp_path / "additions-2026-12-01"
    folder.mkdir()

    def add(name: str, records: Any) -> None:
        (folder / name).write_text(json.dumps(apmbc.to_dict(records)), encoding="utf-8")
        try:
            build.add_folder(ds, folder, rules)
        finally:
            (folder / name).unlink()

    held = ds.attendances[0]
    with pytest.raises(SystemExit, match=r"already a fact of data-raw/attendances\.json"):
        add("attendances.json", (attrs.evolve(held, sources=()),))
    with pytest.raises(SystemExit, match="statement already held"):
        add("statements.json", (ds.statements[0],))
    (folder / "notes.txt").write_text("x", encoding="utf-8")
    with pytest.raises(SystemExit, match="unexpected file"):
        build.add_folder(ds, folder, rules)
    (folder / "notes.txt").unlink()
    with pytest.raises(SystemExit, match="no retrieval rule for this folder"):
        build.add_folder(ds, folder, attrs.evolve(rules, folders={}))
    # A new fact is added, its sources dated by the folder (their kinds come later).
    fact = apmbc.Attendance(
        state="ISR", meeting="22MSP", attended=True, sources=(Source(url="https://icbl.org/x"),)
    )
    (folder / "attendances.json").write_text(json.dumps(apmbc.to_dict((fact,))), "utf-8")
    added = build.add_folder(ds, folder, rules).attendances[-1]
    assert added.sources[0].retrieved == dt.date(2026, 12, 1)
    assert len(build.add_folder(ds, folder, rules).attendances) == len(ds.attendances) + 1


@needs_checkout
def test_data_raw_leaves_kinds_and_dates_to_the_rules() -> None:
    # One home per rule: data-raw/ sources give no kind and no retrieval date of their own, so
    # the rules file is the one place where they are decided.
    def walk(value: Any) -> Iterator[dict[str, Any]]:
        if isinstance(value, dict):
            if "url" in value and "citation" in value:
                yield value
            for item in value.values():
                yield from walk(item)
        elif isinstance(value, list):
            for item in value:
                yield from walk(item)

    raw = ROOT / "data-raw"
    found = [s for path in sorted(raw.rglob("*.json")) for s in walk(json.loads(path.read_text()))]
    assert len(found) > 1000
    assert [s for s in found if s.get("kind") or s.get("retrieved")] == []


@needs_checkout
def test_the_most_specific_rule_wins_and_bad_rules_stop_the_build(tmp_path: Path) -> None:
    build = load_build()
    rules = build.load_rules()
    member_states = Source(url="https://www.un.org/en/about-us/member-states")
    press = Source(url="https://press.un.org/en/1999/19990503.dc2642.html")
    assert build.best_rule(rules.retrieved, member_states).value == dt.date(2026, 11, 28)
    assert build.best_rule(rules.retrieved, press) is None  # the default date applies
    filled = build.fill_source(press, rules)
    assert (filled.kind, filled.retrieved) == (SourceKind.UN, dt.date(2026, 11, 27))
    # A host rule matches subdomains, never a host that merely ends with the same letters.
    assert build.best_rule(rules.kinds, Source(url="https://un.mfa.ee/x")).value is (
        SourceKind.GOVERNMENT
    )
    assert build.best_rule(rules.kinds, Source(url="https://notun.org/x")) is None
    # A source no rule knows stops the build, naming it.
    with pytest.raises(SystemExit, match="no kind rule matches"):
        build.fill_source(Source(url="https://example.invalid/page"), rules)
    # A kind or a date already given is kept.
    given = Source(url="https://example.invalid/page", kind=SourceKind.NEWS)
    assert build.fill_source(given, rules).kind is SourceKind.NEWS

    def bad(kinds: list[dict[str, Any]]) -> Path:
        path = tmp_path / "provenance.json"
        data = {"kinds": kinds, "retrieved": {"default": {"date": "2026-11-27"}, "rules": []}}
        path.write_text(json.dumps(data))
        return path

    cases = {
        "either a host or a citation": [
            {"host": "a.org", "citation": "x", "kind": "un", "why": "w"}
        ],
        "invalid 'kind'": [{"host": "a.org", "kind": "blog", "why": "w"}],
        "says why": [{"host": "a.org", "kind": "un"}],
        "same sources": [
            {"host": "a.org", "kind": "un", "why": "w"},
            {"host": "www.a.org", "kind": "ngo", "why": "w"},
        ],
        "a path needs a host": [{"citation": "x", "path": "/p", "kind": "un", "why": "w"}],
        "unknown key": [{"urls": ["https://a.org/"], "kind": "un", "why": "w"}],
    }
    for message, kinds in cases.items():
        with pytest.raises(SystemExit, match=message):
            build.load_rules(bad(kinds))


# -- 2. filtering by the kind of source --------------------------------------------------------


def test_no_vote_rests_on_news_alone() -> None:
    ds = apmbc.load()
    assert ds.with_source_kinds("news", only=True, tables="votes").votes == ()
    assert ds.with_source_kinds(SourceKind.NEWS, tables=["votes"]).votes == ()
    # Through the tidy tables too: a filtered dataset exports only what it kept.
    assert apmbc.to_records(ds.with_source_kinds("news", only=True), "votes") == []


def test_facts_resting_on_news_alone_are_found() -> None:
    ds = apmbc.load()
    alone = ds.with_source_kinds("news", only=True)
    for name in TABLES:
        for record in getattr(alone, name):
            assert record.sources and {s.kind for s in record.sources} == {SourceKind.NEWS}
    # Some attendance facts rest on news alone (the coverage page counts them); none is lost.
    expected = [
        a for a in ds.attendances if a.sources and all(s.kind is SourceKind.NEWS for s in a.sources)
    ]
    assert list(alone.attendances) == expected and expected


def _source(kind: SourceKind | None) -> Source:
    return Source(url=f"https://example.invalid/{kind}", kind=kind)


def _small() -> Dataset:
    un, news, ngo = _source(SourceKind.UN), _source(SourceKind.NEWS), _source(SourceKind.NGO)
    states = (
        State(code="AAA", name="A", sources=(un,)),
        State(code="BBB", name="B", sources=(news,)),
        State(code="CCC", name="C"),
    )
    votes = (
        Vote(state="AAA", session=1, forum="plenary", position=VotePosition.YES, sources=(un,)),
        Vote(state="BBB", session=1, forum="plenary", position=VotePosition.NO, sources=(un, news)),
        Vote(state="CCC", session=1, forum="plenary", position=VotePosition.NO, sources=(news,)),
        Vote(state="CCC", session=2, forum="plenary", position=VotePosition.NO, sources=()),
        Vote(state="AAA", session=2, forum="plenary", position=VotePosition.NO, sources=(ngo,)),
    )
    return Dataset(metadata=Metadata(data_version="t"), states=states, votes=votes)


def test_any_or_only_and_which_tables() -> None:
    ds = _small()
    key = [(v.state, v.session) for v in ds.with_source_kinds("news").votes]
    assert key == [("BBB", 1), ("CCC", 1)]
    only = ds.with_source_kinds("news", only=True)
    assert [(v.state, v.session) for v in only.votes] == [("CCC", 1)]
    assert [s.code for s in only.states] == ["BBB"]
    both = ds.with_source_kinds(["un", SourceKind.NEWS], only=True)
    assert [(v.state, v.session) for v in both.votes] == [("AAA", 1), ("BBB", 1), ("CCC", 1)]
    # Other tables are kept whole when only some are filtered, and the original is unchanged.
    votes_only = ds.with_source_kinds("ngo", tables="votes")
    assert len(votes_only.states) == 3 and len(votes_only.votes) == 1
    assert len(ds.votes) == 5
    # The function and the method agree.
    assert with_source_kinds(ds, "news").votes == ds.with_source_kinds("news").votes


def test_bad_kinds_and_tables_are_named() -> None:
    ds = _small()
    with pytest.raises(apmbc.ArgumentError, match="invalid source kind 'blog'"):
        ds.with_source_kinds("blog")
    with pytest.raises(apmbc.ArgumentError, match="empty"):
        ds.with_source_kinds([])
    with pytest.raises(apmbc.ArgumentTypeError):
        ds.with_source_kinds(3)  # type: ignore[arg-type]
    with pytest.raises(apmbc.UnknownTableError, match="'vote'"):
        ds.with_source_kinds("news", tables="vote")
    with pytest.raises(apmbc.ArgumentTypeError, match="tables must be"):
        ds.with_source_kinds("news", tables=3)  # type: ignore[arg-type]


# -- 3. what the data does not know about attendance -------------------------------------------


def test_fifth_review_conference_says_how_many_are_unknown() -> None:
    att = apmbc.load().meeting_attendance("5RC")
    assert att.day == dt.date(2024, 11, 25)
    assert att.attended == ("CHN", "TON", "VNM") and att.absent == ()
    assert att.counts() == {"attended": 3, "absent": 0, "unknown": 30, "disputed": 0}
    assert att.not_bound is not None and len(att.not_bound) == 33
    assert "USA" in (att.unknown or ())
    assert (
        repr(att)
        == "MeetingAttendance(meeting='5RC', attended=3, absent=0, unknown=30, disputed=0)"
    )


def test_groups_partition_the_states_not_bound() -> None:
    ds = apmbc.load()
    for meeting in ds.meetings:
        att = ds.meeting_attendance(meeting.code)
        if att.not_bound is None:
            assert meeting.start is None and att.unknown is None
            continue
        assert meeting.start is not None
        known = set(att.attended) | set(att.absent)
        unknown = set(att.unknown or ())
        assert not known & unknown
        assert unknown | (known & set(att.not_bound)) == set(att.not_bound)
        for code in att.not_bound:
            assert ds.status_on(code, meeting.start) not in apmbc.domain.treaty.BOUND


def test_disagreeing_sources_show_in_both_groups() -> None:
    att = apmbc.load().meeting_attendance("13MSP")
    assert att.disputed == ("CUB",)
    assert "CUB" in att.attended and "CUB" in att.absent
    assert att.counts()["disputed"] == 1


def test_a_meeting_without_a_date_cannot_count_its_unknown() -> None:
    ds = apmbc.load()
    undated = next(m for m in ds.meetings if m.start is None)
    att = ds.meeting_attendance(undated)
    assert att.unknown is None and att.not_bound is None and att.counts()["unknown"] is None
    with pytest.raises(apmbc.UnknownMeetingError):
        ds.meeting_attendance("99MSP")


def test_the_notebook_view_lists_the_groups_with_counts() -> None:
    html = apmbc.load().meeting_attendance("13MSP")._repr_html_()
    assert "Recorded attending" in html and "9: CHN CUB EGY" in html
    assert "Unknown (no record)" in html and ">13: ARM" in html
    assert "Sources disagree" in html and "1: CUB (in both groups)" in html
    undated = MeetingAttendance(
        meeting="<X&>", day=None, not_bound=None, attended=(), absent=(), unknown=None
    )
    shown = undated._repr_html_()
    assert "&lt;X&amp;&gt;" in shown and "<X&>" not in shown
    assert "Sources disagree" not in shown


def _meeting(code: str, start: str, kind: MeetingKind = MeetingKind.MSP) -> Meeting:
    return Meeting(code=code, kind=kind, name=code, start=dt.date.fromisoformat(start))


def _att(
    state: str, meeting: str, attended: bool, role: AttendanceRole | None = None
) -> Attendance:
    return Attendance(state=state, meeting=meeting, attended=attended, role=role)


def _observers(attendances: tuple[Attendance, ...]) -> Dataset:
    states = (
        State(code="PTY", name="Party", status=TreatyStatus.PARTY, deposited=dt.date(1998, 1, 1)),
        State(code="LAT", name="Late", status=TreatyStatus.PARTY, deposited=dt.date(2005, 1, 1)),
        State(code="OUT", name="Out"),
    )
    meetings = (
        _meeting("1MSP", "2000-05-01"),
        _meeting("1RC", "2010-05-01", MeetingKind.REVIEW_CONFERENCE),
        _meeting("IM-2011", "2011-05-01", MeetingKind.INTERSESSIONAL),
        _meeting("9MSP", "2099-05-01"),  # not held by the as-of date
    )
    return Dataset(
        metadata=Metadata(data_version="t", as_of=dt.date(2026, 1, 1)),
        states=states,
        meetings=meetings,
        attendances=attendances,
    )


def test_observer_at_a_formal_meeting_true_false_or_none() -> None:
    ds = _observers(())
    assert ds.has_attended_as_observer("PTY") is False  # bound at every formal meeting held
    assert ds.has_attended_as_observer("LAT") is None  # could have observed 1MSP: unknown
    assert ds.has_attended_as_observer("OUT") is None
    ds = _observers((_att("LAT", "1MSP", False), _att("OUT", "1MSP", False)))
    assert ds.has_attended_as_observer("LAT") is False
    assert ds.has_attended_as_observer("OUT") is None  # nothing on 1RC
    ds = _observers(
        (_att("OUT", "1MSP", False), _att("OUT", "1RC", False), _att("OUT", "IM-2011", True))
    )
    assert ds.has_attended_as_observer("OUT") is False  # an intersessional meeting is not formal
    ds = _observers((_att("OUT", "1RC", True, AttendanceRole.STATE_PARTY),))
    assert ds.has_attended_as_observer("OUT") is None  # not as an observer
    ds = _observers((_att("OUT", "1RC", True, AttendanceRole.OBSERVER),))
    assert ds.has_attended_as_observer("OUT") is True
    with pytest.raises(apmbc.UnknownStateError):
        ds.has_attended_as_observer("Nowhere")


def test_unknown_counts_only_states_not_bound() -> None:
    ds = _observers((_att("OUT", "1RC", True),))
    att = meeting_attendance(ds, "1MSP")
    assert att.not_bound == ("LAT", "OUT") and att.unknown == ("LAT", "OUT")
    att = meeting_attendance(ds, "1RC")
    assert att.not_bound == ("OUT",) and att.attended == ("OUT",) and att.unknown == ()


def test_a_state_party_recorded_at_a_meeting_is_in_none_of_the_groups() -> None:
    facts = (
        _att("PTY", "1MSP", True, AttendanceRole.STATE_PARTY),
        _att("PTY", "1RC", False),
        _att("OUT", "1MSP", True),
        _att("LAT", "1RC", True),  # in force from 2005-07-01: a State Party at 1RC
        _att("ZZZ", "1MSP", True),  # no State record: cannot be told bound, so it stays
    )
    ds = _observers(facts)
    att = meeting_attendance(ds, "1MSP")
    assert att.not_bound == ("LAT", "OUT")
    assert (att.attended, att.absent, att.unknown) == (("OUT", "ZZZ"), (), ("LAT",))
    assert (att.parties_attended, att.parties_absent) == (("PTY",), ())
    att = meeting_attendance(ds, "1RC")
    assert (att.attended, att.absent, att.unknown) == ((), (), ("OUT",))
    assert (att.parties_attended, att.parties_absent) == (("LAT",), ("PTY",))
    assert att.counts() == {"attended": 0, "absent": 0, "unknown": 1, "disputed": 0}
    html = att._repr_html_()
    assert "States Parties recorded attending" in html and "States Parties recorded absent" in html
    undated = Meeting(code="IM-X", kind=MeetingKind.INTERSESSIONAL, name="Undated")
    ds = Dataset(
        metadata=ds.metadata,
        states=ds.states,
        meetings=(undated,),
        attendances=(_att("PTY", "IM-X", True),),
    )
    att = meeting_attendance(ds, "IM-X")  # no date: who was bound cannot be told
    assert (att.attended, att.parties_attended) == (("PTY",), ())


def test_observer_answers_on_the_bundled_data() -> None:
    ds = apmbc.load()
    assert ds.has_attended_as_observer("Cuba") is True
    assert ds.has_attended_as_observer("Canada") is False
    assert ds.has_attended_as_observer("Iran") is None


@pytest.mark.parametrize("module", [apmbc.queries, apmbc.dataset])
def test_docstring_examples(module: ModuleType) -> None:
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0 and result.attempted > 0
