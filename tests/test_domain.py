"""The domain layer, function by function: each rule's table of cases, in one place.

The treaty's articles are in tests/test_treaty.py and the counts of pages and tallies in
tests/test_domain_counts.py; the readers' own tests check that they call these functions.
"""

from __future__ import annotations

import ast
import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, strategies as st

from apmbc import ArgumentError, ArgumentTypeError, Forum, MeetingKind, VotePosition
from apmbc.domain import calendar, choices, dates, meetings, names, numbers, symbols, titles
from apmbc.domain.symbols import SymbolKind

D = dt.date
DOMAIN = Path(__file__).resolve().parents[1] / "src" / "apmbc" / "domain"


# -- the UN calendar ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("year", "session"),
    [(1946, 1), (1997, 52), (1999, 54), (2022, 77), (2025, 80), (2026, 81)],
)
def test_session_of_year_and_back(year: int, session: int) -> None:
    assert calendar.session_of_year(year) == session
    assert calendar.year_of_session(session) == year


@pytest.mark.parametrize(
    ("day", "session"),
    [
        (D(1946, 1, 10), 1),  # the first session opened in London in January 1946
        (D(1946, 8, 31), 1),
        (D(1946, 9, 1), 1),
        (D(1947, 9, 1), 2),
        (D(1997, 12, 9), 52),  # the first resolution on the Convention
        (D(2022, 11, 1), 77),  # the 77th session's First Committee vote
        (D(2022, 12, 7), 77),  # its plenary vote
        (D(2023, 3, 2), 77),  # an emergency special session sits within session 77
        (D(2023, 8, 31), 77),
        (D(2023, 9, 1), 78),
    ],
)
def test_session_of_date(day: dt.date, session: int) -> None:
    assert calendar.session_of_date(day) == session


@pytest.mark.parametrize(
    ("session", "window"),
    [
        (1, (D(1946, 1, 1), D(1947, 9, 30))),
        (52, (D(1997, 9, 1), D(1998, 9, 30))),
        (77, (D(2022, 9, 1), D(2023, 9, 30))),
        (calendar.LAST_SESSION, (D(9998, 9, 1), D(9999, 9, 30))),
    ],
)
def test_session_window(session: int, window: tuple[dt.date, dt.date]) -> None:
    assert calendar.session_window(session) == window
    first, last = window
    assert calendar.date_in_session(first, session) and calendar.date_in_session(last, session)
    assert not calendar.date_in_session(last + dt.timedelta(days=1), session)


@pytest.mark.parametrize(
    ("year", "sessions"), [(1946, (1,)), (1947, (1, 2)), (2022, (76, 77)), (2026, (80, 81))]
)
def test_sessions_in_year(year: int, sessions: tuple[int, ...]) -> None:
    assert calendar.sessions_in_year(year) == sessions


def test_every_session_holds_its_own_dates() -> None:
    for session in (*range(1, 120), calendar.LAST_SESSION):
        first, last = calendar.session_window(session)
        assert calendar.session_of_date(first) == session
        assert session in calendar.sessions_in_year(calendar.year_of_session(session))
        # The windows overlap in September: its last days are the next session's first.
        assert calendar.session_of_date(last) == min(session + 1, calendar.LAST_SESSION)
    with pytest.raises(ArgumentError, match="ends on 9999-09-30"):
        calendar.session_of_date(D(9999, 10, 1))


@pytest.mark.parametrize(
    ("call", "error"),
    [
        (lambda: calendar.session_of_year(1945), ArgumentError),
        (lambda: calendar.session_of_year(1945 + calendar.LAST_SESSION + 1), ArgumentError),
        (lambda: calendar.year_of_session(0), ArgumentError),
        (lambda: calendar.year_of_session(-1945), ArgumentError),
        (lambda: calendar.year_of_session(calendar.LAST_SESSION + 1), ArgumentError),
        (lambda: calendar.session_window(0), ArgumentError),
        (lambda: calendar.session_of_date(D(1945, 12, 31)), ArgumentError),
        (lambda: calendar.year_of_session("77"), ArgumentTypeError),
        (lambda: calendar.year_of_session(True), ArgumentTypeError),
        (lambda: calendar.session_of_year(2022.0), ArgumentTypeError),
        (lambda: calendar.session_of_date("2022-12-07"), ArgumentTypeError),
        (lambda: calendar.session_of_date(dt.datetime(2022, 12, 7)), ArgumentTypeError),
    ],
)
def test_calendar_refuses_what_is_no_session(call: object, error: type[Exception]) -> None:
    with pytest.raises(error):
        call()  # type: ignore[operator]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("the Seventy-seventh session of the General Assembly", [77]),
        ("at its 77th session and its 78th session", [77, 78]),
        ("session 52", [52]),
        ("General Assembly, fifty-second session", [52]),
        ("in session", []),
        ("an intersessional meeting", []),
    ],
)
def test_find_sessions(text: str, found: list[int]) -> None:
    assert [s.session for s in calendar.find_sessions(text)] == found


# -- document symbols ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "text", "kind", "session", "forum", "section"),
    [
        ("A/RES/77/63", "A/RES/77/63", SymbolKind.RESOLUTION, 77, Forum.PLENARY, None),
        ("A/RES/54/54B", "A/RES/54/54 B", SymbolKind.RESOLUTION, 54, Forum.PLENARY, "B"),
        ("a/res/54/54 (b)", "A/RES/54/54 B", SymbolKind.RESOLUTION, 54, Forum.PLENARY, "B"),
        ("A/RES/55/33[V]", "A/RES/55/33 V", SymbolKind.RESOLUTION, 55, Forum.PLENARY, "V"),
        ("A/C.1/79/L.30", "A/C.1/79/L.30", SymbolKind.DRAFT, 79, Forum.FIRST_COMMITTEE, None),
        ("A/C.1/70/L.50/rev.1", "A/C.1/70/L.50/Rev.1", SymbolKind.DRAFT, 70, Forum.FIRST_COMMITTEE,
         None),
        ("A/76/L.14", "A/76/L.14", SymbolKind.DRAFT, 76, Forum.PLENARY, None),
        ("A/70/PV.67", "A/70/PV.67", SymbolKind.RECORD, 70, Forum.PLENARY, None),
        ("A/C.1/70/PV.24", "A/C.1/70/PV.24", SymbolKind.RECORD, 70, Forum.FIRST_COMMITTEE, None),
        ("A/C.3/77/L.5", "A/C.3/77/L.5", SymbolKind.DRAFT, 77, None, None),  # another committee
        ("A/77/383", "A/77/383", SymbolKind.DOCUMENT, 77, Forum.PLENARY, None),
    ],
)  # fmt: skip
def test_parse_symbol(
    raw: str,
    text: str,
    kind: SymbolKind,
    session: int | None,
    forum: Forum | None,
    section: str | None,
) -> None:
    parsed = symbols.parse_symbol(raw)
    assert parsed is not None
    assert (parsed.text, parsed.kind, parsed.session, parsed.forum, parsed.section) == (
        text,
        kind,
        session,
        forum,
        section,
    )
    assert symbols.normalize_symbol(raw) == text
    assert symbols.session_of_symbol(raw) == session
    assert symbols.forum_of_symbol(raw) == forum


@pytest.mark.parametrize(
    ("raw", "session", "special"),
    [
        ("A/RES/3028(XXVII)", 27, None),  # sessions 1-30: Roman numerals
        ("A/RES/1514 (XV)", 15, None),
        ("A/RES/ES-10/14", None, "ES-10"),  # an emergency special session: no regular session
        ("A/RES/S-27/2", None, "S-27"),
    ],
)
def test_symbols_of_every_era(raw: str, session: int | None, special: str | None) -> None:
    parsed = symbols.parse_symbol(raw)
    assert parsed is not None and parsed.kind is SymbolKind.RESOLUTION
    assert (parsed.session, parsed.special) == (session, special)


def test_a_special_sessions_regular_session_comes_from_its_date() -> None:
    parsed = symbols.parse_symbol("A/RES/ES-11/1")
    assert parsed is not None
    assert parsed.regular_session(D(2022, 3, 2)) == 76
    assert parsed.regular_session(None) is None


@pytest.mark.parametrize("raw", ["", "   ", "MISSING_DATA", "Cuba", "x" * 200, "77/63"])
def test_what_is_no_symbol(raw: str) -> None:
    assert symbols.parse_symbol(raw) is None
    assert symbols.normalize_symbol(raw) == " ".join(raw.split())


@pytest.mark.parametrize(
    ("raw", "organ", "kind"),
    [("S/RES/2334 (2016)", "S", SymbolKind.RESOLUTION), ("E/2023/15", "E", SymbolKind.DOCUMENT)],
)
def test_other_organs(raw: str, organ: str, kind: SymbolKind) -> None:
    parsed = symbols.parse_symbol(raw)
    assert parsed is not None and (parsed.organ, parsed.kind, parsed.forum) == (organ, kind, None)


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("A/RES/54/54B", "A/RES/54/54 B", True),
        ("A/RES/54/54 B", "A/RES/54/54 A", False),
        ("a/c.1/79/l.30", "A/C.1/79/L.30", True),
        ("A/RES/77/63", "A/RES/77/64", False),
    ],
)
def test_same_symbol(a: str, b: str, same: bool) -> None:
    assert symbols.same_symbol(a, b) is same
    assert symbols.same_symbol(b, a) is same


@pytest.mark.parametrize(
    ("raw", "text"),
    [
        ("R/52/38A", "A/RES/52/38 A"),  # Voeten's shorthand from the 31st session on
        ("A/RES/52/38A", "A/RES/52/38 A"),
        ("R/1/66", "R/1/66"),  # before the 31st session the shorthand is no UN symbol
    ],
)
def test_parse_roll_call_symbol(raw: str, text: str) -> None:
    parsed = symbols.parse_roll_call_symbol(raw)
    assert parsed is not None and parsed.text == text


@pytest.mark.parametrize(
    ("raw", "forum"),
    [("GA/DIS/3540", Forum.FIRST_COMMITTEE), ("GA/11745", Forum.PLENARY), ("GA/EF/3500", None)],
)
def test_press_release_forum(raw: str, forum: Forum | None) -> None:
    assert symbols.press_release_forum(raw) == forum


def test_find_symbols_in_running_text() -> None:
    text = "Draft A/C.1/77/L.7 became resolution 77/63 (A/RES/77/63), see A/77/PV.48."
    found = [f.symbol.text for f in symbols.find_symbols(text)]
    assert found == ["A/C.1/77/L.7", "A/RES/77/63", "A/RES/77/63", "A/77/PV.48"]
    with_documents = symbols.find_symbols("the report A/77/383 and GA/DIS/3700", documents=True)
    assert [f.written for f in with_documents] == ["A/77/383", "GA/DIS/3700"]


# -- the resolution's title ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "convention"),
    [
        (titles.RESOLUTION_TITLE, True),
        (titles.CONVENTION_TITLE, True),  # sessions 52 and 53
        (titles.RESOLUTION_TITLE.upper() + " : resolution / adopted by the General Assembly", True),
        (titles.RESOLUTION_TITLE.replace("Anti-Personnel", "Antipersonnel"), True),
        ("Contributions towards banning anti-personnel landmines", False),
        ("Report on " + titles.CONVENTION_TITLE, False),
        ("", False),
    ],
)
def test_is_convention_title(title: str, convention: bool) -> None:
    assert titles.is_convention_title(title) is convention


# -- the Convention's meetings ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("number", "kind", "code"),
    [(1, MeetingKind.MSP, "1MSP"), (22, "msp", "22MSP"), (5, MeetingKind.REVIEW_CONFERENCE, "5RC")],
)
def test_meeting_code_and_back(number: int, kind: MeetingKind | str, code: str) -> None:
    assert meetings.meeting_code(number, kind) == code
    assert meetings.parse_meeting_code(code) == (number, MeetingKind(kind))


@pytest.mark.parametrize(
    ("number", "kind", "error"),
    [
        (0, "msp", ArgumentError),
        (1, "intersessional", ArgumentError),
        (1, "conference", ArgumentError),
        ("1", "msp", ArgumentTypeError),
        (True, "msp", ArgumentTypeError),
    ],
)
def test_meeting_code_refuses(number: object, kind: object, error: type[Exception]) -> None:
    with pytest.raises(error):
        meetings.meeting_code(number, kind)  # type: ignore[arg-type]


@pytest.mark.parametrize("code", ["IM-2023", "0MSP", "MSP", "7msp ", "RC"])
def test_parse_meeting_code_of_other_codes(code: str) -> None:
    assert meetings.parse_meeting_code(code) is None


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("(17MSP, 2018)", ["17MSP"]),
        ("the 7 MSP and the 1RC", ["7MSP", "1RC"]),
        ("Seventeenth Meeting of the States Parties", ["17MSP"]),
        ("the Twenty-first Meeting of the States Parties", ["21MSP"]),
        ("21st Meeting of the States Parties", ["21MSP"]),
        ("the Fifth Review Conference", ["5RC"]),
        ("First Review Conference (Nairobi Summit)", ["1RC"]),
        ("an intersessional meeting in 2019", []),
        ("a meeting of States", []),
    ],
)
def test_find_meetings(text: str, codes: list[str]) -> None:
    assert [m.code for m in meetings.find_meetings(text)] == codes
    assert meetings.find_meeting(text) == (codes[0] if codes else None)


def test_meeting_at_reads_from_a_position() -> None:
    text = "attended the Seventh Meeting of the States Parties in Geneva"
    at = text.index("the Seventh")
    found = meetings.meeting_at(text, at)
    assert found is not None and found[0] == "7MSP"
    assert text[found[1] :] == " in Geneva"
    assert meetings.meeting_at(text, 0) is None


@pytest.mark.parametrize(
    ("raw", "meeting", "year"),
    [
        ("APLC/MSP.21/2023/14", "21MSP", 2023),
        ("APLC/MSP.1/1999/4", "1MSP", 1999),
        ("aplc/msp.21/2023/14", "21MSP", 2023),
    ],
)
def test_convention_symbols(raw: str, meeting: str, year: int) -> None:
    assert meetings.meeting_of_symbol(raw) == meeting
    parsed = meetings.parse_convention_symbol(raw)
    assert parsed is not None and parsed.year == year


def test_a_review_conferences_symbol_gives_its_year_not_its_number() -> None:
    parsed = meetings.parse_convention_symbol("APLC/CONF/2024/5")
    assert parsed is not None and parsed.year == 2024
    assert meetings.meeting_of_symbol("APLC/CONF/2024/5") is None
    assert meetings.parse_convention_symbol("A/RES/77/63") is None


# -- names ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Côte d'Ivoire", "cote divoire"),
        ("Türkiye", "TURKIYE"),
        ("The Gambia", "Gambia"),
        ("Bosnia & Herzegovina", "Bosnia and Herzegovina"),
        ("  Saint   Lucia ", "Saint-Lucia"),
        ("Korea, Republic of", "Korea Republic Of"),
    ],
)
def test_fold_makes_spellings_equal(a: str, b: str) -> None:
    assert names.fold(a) == names.fold(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [("Niger", "Nigeria"), ("Guinea", "Guinea-Bissau"), ("Dominica", "Dominican Republic")],
)
def test_fold_keeps_states_apart(a: str, b: str) -> None:
    assert names.fold(a) != names.fold(b)


def test_fold_of_a_long_text_is_not_cached_but_the_same() -> None:
    long = "Republic of " * 40
    assert names.fold(long) == names.fold(long.upper()) == "republicof" * 40


@pytest.mark.parametrize(
    ("text", "collapsed"), [("  a \t b\n c ", "a b c"), ("", ""), ("one", "one")]
)
def test_collapse_spaces(text: str, collapsed: str) -> None:
    assert names.collapse_spaces(text) == collapsed


# -- dates ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "day"),
    [
        ("2022-12-07", D(2022, 12, 7)),
        ("7 December 2022", D(2022, 12, 7)),
        ("December 7, 2022", D(2022, 12, 7)),
        ("07/12/2022", D(2022, 12, 7)),  # day first
        ("1 March 1999", D(1999, 3, 1)),
        ("  2000-02-29 ", D(2000, 2, 29)),
        (D(1997, 12, 3), D(1997, 12, 3)),
    ],
)
def test_to_date(value: object, day: dt.date) -> None:
    assert dates.to_date(value) == day


@pytest.mark.parametrize(
    ("value", "error"),
    [
        ("1999-02-29", ArgumentError),
        ("2022-13-01", ArgumentError),
        ("December 2022", ArgumentError),  # not a complete date
        ("yesterday", ArgumentError),
        ("", ArgumentError),
        ("7" * 100, ArgumentError),
        (20221207, ArgumentTypeError),
        (None, ArgumentTypeError),
        (dt.datetime(2022, 12, 7), ArgumentTypeError),
    ],
)
def test_to_date_refuses(value: object, error: type[Exception]) -> None:
    with pytest.raises(error):
        dates.to_date(value)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("adopted on 7 December 2022 (A/77/PV.48)", [D(2022, 12, 7)]),
        ("on December 7, 2022 and on 2023-01-05", [D(2022, 12, 7), D(2023, 1, 5)]),
        ("in 2022", []),
    ],
)
def test_find_dates(text: str, found: list[dt.date]) -> None:
    assert [f.date for f in dates.find_dates(text)] == found


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("(17MSP, 2018)", [(2018, 2018)]),
        ("(IM, 2018-2019)", [(2018, 2019)]),
        ("2018/19", [(2018, 2019)]),
        ("in 1939 and 2100", []),  # outside the years the record can name
        ("A/RES/2018/1", []),
    ],
)
def test_find_years(text: str, years: list[tuple[int, int]]) -> None:
    assert [(y.first, y.last) for y in dates.find_years(text)] == years


@pytest.mark.parametrize(
    ("text", "ranges"),
    [
        ("Geneva, 20-24 November 2023", [(D(2023, 11, 20), D(2023, 11, 24))]),
        ("from 29 November to 3 December 2004", [(D(2004, 11, 29), D(2004, 12, 3))]),
    ],
)
def test_find_date_ranges(text: str, ranges: list[tuple[dt.date, dt.date]]) -> None:
    assert [(r.first, r.last) for r in dates.find_date_ranges(text)] == ranges


@pytest.mark.parametrize(
    ("word", "month"), [("December", 12), ("Sept.", 9), ("sep", 9), ("May", 5), ("Mayday", None)]
)
def test_month_of(word: str, month: int | None) -> None:
    assert dates.month_of(word) == month


# -- ordinals and Roman numerals (cardinals: tests/test_domain_counts.py) ------------------------


@pytest.mark.parametrize(
    ("words", "number"),
    [
        ("First", 1),
        ("twenty-first", 21),
        ("Twenty first", 21),
        ("21st", 21),
        ("Seventy-seventh", 77),
        ("eighty", None),
        ("", None),
    ],
)
def test_ordinal(words: str, number: int | None) -> None:
    assert numbers.ordinal(words) == number


@pytest.mark.parametrize(
    ("text", "number"), [("XXVII", 27), ("xv", 15), ("I", 1), ("MMXXII", 2022), ("IIII", None)]
)
def test_roman(text: str, number: int | None) -> None:
    assert numbers.roman(text) == number


# -- enum arguments ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "member"),
    [
        ("plenary", Forum.PLENARY),
        ("First Committee", Forum.FIRST_COMMITTEE),
        ("first-committee", Forum.FIRST_COMMITTEE),
        ("FIRST_COMMITTEE", Forum.FIRST_COMMITTEE),
        (Forum.PLENARY, Forum.PLENARY),
    ],
)
def test_forum_choice(value: object, member: Forum) -> None:
    assert choices.forum(value) is member


def test_choices_name_the_valid_values() -> None:
    with pytest.raises(ArgumentError, match="'yes', 'no', 'abstain', 'absent'"):
        choices.position("maybe")
    with pytest.raises(ArgumentTypeError):
        choices.position(1)
    assert choices.position("ABSTAIN") is VotePosition.ABSTAIN
    assert choices.meeting_kind("review conference") is MeetingKind.REVIEW_CONFERENCE


# -- the layer itself ----------------------------------------------------------------------------


def test_the_domain_does_no_io_and_compiles_no_pattern_on_import() -> None:
    """Pure functions: no module of the domain imports a reader, a writer or the output, opens a
    file, or compiles a regular expression when it is imported (lazy_compile does it on use)."""
    for path in sorted(DOMAIN.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module:
                assert not node.module.startswith(
                    ("apmbc.io", "apmbc.output", "apmbc.cli", "apmbc.changes", "apmbc.validation")
                ), f"{path.name} imports {node.module}"
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
                assert node.func.id != "open", f"{path.name} opens a file"
        for statement in tree.body:
            value = getattr(statement, "value", None)
            if isinstance(value, ast.Call) and isinstance(value.func, ast.Attribute):
                call = value.func
                assert not (
                    isinstance(call.value, ast.Name)
                    and call.value.id == "re"
                    and call.attr == "compile"
                ), f"{path.name}:{statement.lineno} compiles a pattern on import"


@given(st.text(alphabet=st.characters(max_codepoint=127)))
def test_the_ascii_fold_is_the_unicode_fold(text: str) -> None:
    # An ASCII text takes a fast path through C loops; it must fold as the general path does.
    assert names._fold.__wrapped__(text) == names._fold_unicode(text)  # type: ignore[attr-defined]
