"""Tests for apmbc.io.profile: the State profile pages of the Convention's website."""

from __future__ import annotations

import datetime as dt
import random
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

import apmbc
from apmbc.domain.calendar import session_of_date
from apmbc.domain.numbers import ordinal
from apmbc.errors import ApmbcError, ParseError
from apmbc.io.profile import (
    Profile,
    ProfileVote,
    UnparsedLine,
    parse_profile,
    read_profile,
)
from apmbc.models import Forum, Source, StatementContext, VotePosition

PROFILES = Path(__file__).resolve().parent / "profiles"
BAD_PROFILES = Path(__file__).resolve().parent / "bad_inputs" / "profile"

YES, NO, ABSTAIN, ABSENT = (
    VotePosition.YES,
    VotePosition.NO,
    VotePosition.ABSTAIN,
    VotePosition.ABSENT,
)
PLENARY, FIRST = Forum.PLENARY, Forum.FIRST_COMMITTEE
EOV = StatementContext.EXPLANATION_OF_VOTE
MEETING = StatementContext.MEETING_STATEMENT
POLICY = StatementContext.NATIONAL_POLICY
OTHER = StatementContext.OTHER


def page(name: str) -> Profile:
    return read_profile(PROFILES / name)


def votes(profile: Profile) -> list[tuple[VotePosition, int | None, Forum | None, dt.date | None]]:
    return [(v.position, v.session, v.forum, v.date) for v in profile.votes]


def unparsed(profile: Profile) -> list[tuple[int, str]]:
    return [(u.line, u.reason) for u in profile.unparsed]


# -- the fixture pages --------------------------------------------------------------------------


def test_older_template() -> None:
    profile = page("ruritania-older-template.txt")
    assert profile.state == "Ruritania"  # from "Snapshots of Ruritania during ... on Flickr"
    assert profile.observer_meetings == ("1MSP", "3MSP", "1RC", "8MSP", "2RC", "15MSP")
    assert votes(profile) == [
        (ABSTAIN, 73, PLENARY, dt.date(2018, 12, 5)),
        (YES, 75, FIRST, dt.date(2020, 11, 3)),
        (ABSTAIN, 76, PLENARY, dt.date(2021, 12, 6)),
        (NO, 72, FIRST, None),
    ]
    # the line as printed, non-breaking space included
    assert (
        profile.votes[3].line == "• Against -\u00a0 2017 UNGA First Committee Convention Resolution"
    )
    first, second = profile.statements
    assert first.text == (
        "Ruritania shares the humanitarian concerns behind the Convention but must keep the "
        "means to defend its long borders."
    )
    assert first.attribution == (
        "(Explanation of vote, United Nations General Assembly resolution on the implementation "
        "of the Convention, 2019)"
    )
    assert (first.context, first.year, first.session, first.forum, first.meeting) == (
        EOV,
        2019,
        74,
        PLENARY,
        None,
    )
    assert first.verbatim is True
    assert first.notes == ("the quotation is not closed on the page",)
    assert second.text == "We will keep studying the Convention."
    assert second.attribution == "(Explanation of vote, First Committee, 2020)"
    assert (second.context, second.year, second.session, second.forum) == (EOV, 2020, 75, FIRST)
    assert profile.unparsed == ()


def test_newer_template() -> None:
    profile = page("freedonia-newer-template.txt")
    assert profile.state == "Freedonia"
    assert profile.observer_meetings == (
        "2MSP",
        "4MSP",
        "1RC",
        "6MSP",
        "2RC",
        "10MSP",
        "3RC",
        "14MSP",
        "4RC",
        "19MSP",
    )
    assert votes(profile) == [(YES, s, PLENARY, None) for s in (76, 77, 78, 79)]
    assert {v.line for v in profile.votes} == {"• In favour - 2021, 2022, 2023, 2024"}
    first, second = profile.statements
    assert first.text == (
        "The Government of Freedonia supports the humanitarian aims of the Convention. (…) "
        "Freedonia has not exported anti-personnel mines since 1998. (…) Freedonia trains "
        "deminers of other States."
    )
    assert first.attribution == "(17MSP, 2018)"
    assert (first.context, first.meeting, first.year, first.session, first.forum) == (
        MEETING,
        "17MSP",
        2018,
        None,
        None,
    )
    assert first.verbatim is True  # not in quotation marks, but quoted with elisions
    assert second.text == (
        "expressed that it shares the goal of a world free of anti-personnel mines"
    )
    assert second.attribution == (
        "At the 2014 universalization visit with the Special Envoy, Freedonia"
    )
    assert (second.context, second.meeting, second.year, second.session) == (
        OTHER,
        None,
        2014,
        None,
    )
    assert all(s.state == "Freedonia" for s in profile.statements)
    # The page is cut off inside the boilerplate line about the Statements section: that line
    # is recognised as page furniture, so nothing is reported.
    assert profile.unparsed == ()


def test_abstentions_section_and_document_symbol() -> None:
    profile = page("genovia-abstentions.txt")
    assert profile.state == "Genovia"
    assert profile.observer_meetings == ("5MSP", "1RC", "9MSP", "2RC", "13MSP", "3RC", "4RC")
    assert votes(profile) == [(ABSTAIN, s, PLENARY, None) for s in range(73, 80)]
    symbol, dated = profile.statements
    assert symbol.text == (
        "The Convention does not weigh the military needs of States with long borders against "
        "its humanitarian aims."
    )
    assert symbol.attribution == (
        "The representative of Genovia, explaining the delegation’s abstentions "
        "(document A/C.1/78/L.20)"
    )
    assert (symbol.context, symbol.session, symbol.forum, symbol.year) == (EOV, 78, FIRST, None)
    assert dated.text == "We abstained again this year, for the same reasons."
    assert dated.attribution == "(Explanation of vote, General Assembly, 7 December 2022)"
    assert (dated.context, dated.session, dated.forum, dated.year, dated.date) == (
        EOV,
        77,
        PLENARY,
        2022,
        dt.date(2022, 12, 7),
    )
    assert profile.unparsed == ()


def test_named_headings_every_position_and_meeting_shapes() -> None:
    profile = page("grand-fenwick-named-headings.txt")
    assert profile.state == "Grand Fenwick"
    assert profile.observer_meetings == ("21MSP", "19MSP", "7MSP", "12MSP", "5RC")
    assert votes(profile) == [
        (YES, 70, PLENARY, None),
        (NO, 71, PLENARY, None),
        (NO, 74, PLENARY, dt.date(2019, 12, 12)),
        (ABSENT, 72, PLENARY, None),
        (ABSENT, 73, FIRST, dt.date(2018, 10, 31)),
        (YES, 75, PLENARY, None),
        (ABSTAIN, 79, FIRST, None),
    ]
    (statement,) = profile.statements
    assert statement.text == "We will join the Convention when our neighbours do."
    assert statement.attribution == "(21MSP 2023)"
    assert (statement.context, statement.meeting, statement.year) == (MEETING, "21MSP", 2023)
    assert profile.unparsed == ()


def test_lines_that_are_not_understood_are_reported() -> None:
    profile = page("elbonia-unparsed.txt")
    assert profile.state == "Elbonia"
    assert profile.observer_meetings == ("1MSP", "2MSP")
    assert votes(profile) == [(ABSTAIN, 74, PLENARY, None)]
    assert unparsed(profile) == [
        (2, "text before the first section of the page"),
        (
            4,
            "not a meeting code or name in the observer list: 'Oslo Diplomatic Conference', '0MSP'",
        ),
        (5, "not a meeting code or name in the observer list: 'Intersessional meetings 2019'"),
        (8, "not a vote: the line does not start with a position"),
        (9, "the date 2021-12-07 falls in session 76, but the line says session 77"),
        (10, "no such day: '31 February 2020'"),
        (11, "the vote names no year, session or date"),
        (12, "words not understood in a vote line: 'but', 'see', 'explanation', 'below'"),
        (13, "the date 2021-11-02 falls in session 76, but the line says session 75"),
        (15, "a statement line without statement text"),
    ]
    assert profile.unparsed[3].text == "• Note: the 2020 vote was not recorded."
    studying, cut = profile.statements
    assert studying.text == "We are studying the Convention."
    assert studying.attribution == "(20MSP, 2022)"  # printed on the line after the quote
    assert (studying.meeting, studying.year, studying.context) == ("20MSP", 2022, MEETING)
    assert cut.text == "The Convention is not in our interest at this time, as we"
    assert cut.attribution is None
    assert cut.context is OTHER
    assert cut.notes == (
        "the quotation is not closed on the page",
        "the page ends here mid-sentence: the text may be cut off",
    )


def test_plain_lines_lists_on_heading_lines_and_ordinals() -> None:
    profile = page("osterlich-plain-lines.txt")
    assert profile.state == "Osterlich"
    assert profile.observer_meetings == ("1MSP", "2MSP", "3MSP", "11MSP")
    assert votes(profile) == [
        (ABSTAIN, 75, PLENARY, None),
        (YES, 70, PLENARY, None),
        (ABSTAIN, 80, PLENARY, dt.date(2025, 12, 1)),
        (ABSTAIN, 77, None, dt.date(2022, 12, 7)),  # a date alone does not say which forum
        (ABSTAIN, 78, None, None),
    ]
    paraphrase, quoted = profile.statements
    assert paraphrase.text == "Osterlich has been studying the Convention since 2010"
    assert paraphrase.attribution == "(Statement, Fifth Review Conference, 2024)"
    assert (paraphrase.meeting, paraphrase.year, paraphrase.context) == ("5RC", 2024, MEETING)
    assert paraphrase.verbatim is False
    assert paraphrase.notes == ("not in quotation marks on the page",)
    assert quoted.text == "It is a matter of national security"
    assert quoted.attribution == "said the Minister of Defence."
    assert quoted.verbatim is True
    assert profile.unparsed == ()


def test_html_page() -> None:
    profile = page("atlantis-page.html")
    assert profile.state == "Atlantis"
    assert profile.observer_meetings == ("1MSP", "2MSP", "1RC", "5MSP", "6MSP", "2RC")
    assert votes(profile) == [
        (ABSTAIN, 74, PLENARY, None),
        (ABSTAIN, 75, PLENARY, None),
        (YES, 77, FIRST, dt.date(2022, 11, 2)),
        (YES, 78, PLENARY, dt.date(2023, 12, 4)),
    ]
    assert profile.votes[0].line == "Abstained\u00a0-\u00a02019, 2020"  # entities decoded
    values, observer = profile.statements
    assert values.text == (
        "Atlantis values the humanitarian goals of the Convention & its cooperation (…) with "
        "States Parties."
    )
    assert values.attribution == (
        "(Explanation of vote, United Nations General Assembly resolution on the implementation "
        "of the Convention, 2020)"
    )
    assert (values.context, values.session, values.forum, values.year) == (
        EOV,
        75,
        PLENARY,
        2020,
    )
    assert observer.text == "We attend as an observer"
    assert observer.attribution == "(13MSP, 2013)"
    assert observer.notes == ("introduced on the page as: Atlantis’s delegate said",)
    # The navigation menu is reported (line 17 of the file); scripts, styles, comments and the
    # title are not read at all.
    assert [(u.line, u.text) for u in profile.unparsed] == [(17, "Home"), (17, "Membership")]


def test_truncated_html() -> None:
    profile = page("lilliput-truncated.html")
    assert profile.state == "Lilliput"
    assert profile.observer_meetings == ("3MSP", "4MSP")
    assert votes(profile) == [(YES, 77, PLENARY, None)]
    (cut,) = profile.unparsed
    assert cut.line == 9
    assert cut.text == 'Abstained - 20<a href="/x" class="trunc'
    assert cut.reason.startswith("words not understood in a vote line: '20'")


def test_headings_worded_otherwise_counts_years_and_a_policy_section() -> None:
    profile = page("borduria-reworded-headings.txt")
    assert profile.state == "Borduria"
    assert profile.observer_meetings == ("1MSP", "2MSP", "4RC", "19MSP", "21MSP")
    assert (profile.attended_count, profile.meetings_held) == (6, 27)  # 20MSP is listed too
    assert profile.checked_with == apmbc.load().metadata.data_version
    assert unparsed(profile) == [
        (
            15,
            "20MSP is given the year '(2020)', but it was held in 2022 (2022-11-21 to 2022-11-25)",
        )
    ]
    assert votes(profile) == [
        (ABSTAIN, 76, PLENARY, None),
        (ABSTAIN, 77, PLENARY, None),
        (NO, 78, PLENARY, None),
    ]
    explanation, summary, letter = profile.statements
    assert (explanation.context, explanation.session, explanation.forum) == (EOV, 77, FIRST)
    assert summary.text == (
        "The State not party has indicated that it destroyed its stockpile of anti-personnel "
        "mines in 2015."
    )
    assert (summary.context, summary.verbatim) == (POLICY, False)
    assert letter.text == "No anti-personnel mine is exported from Borduria."
    assert (letter.context, letter.year, letter.attribution) == (
        POLICY,
        2018,
        "(Letter to the Special Envoy, 2018)",
    )


def test_fixture_folder_has_the_pages_the_tests_read() -> None:
    pages = sorted(p.name for p in PROFILES.iterdir() if p.name != "README.md")
    assert len(pages) >= 9
    assert {p.rsplit(".", 1)[1] for p in pages} == {"txt", "html"}


# -- the real pages in ../shared/samples --------------------------------------------------------


def _sample_words(path: Path) -> str:
    return " ".join(path.read_text("utf-8").split())


def test_real_page_cuba(samples_dir: Path) -> None:
    path = samples_dir / "cuba-state-not-party.txt"
    profile = read_profile(path, source="https://www.apminebanconvention.org/en/x")
    assert profile.state == "Cuba"
    assert profile.observer_meetings == (
        "1MSP",
        "2MSP",
        "3MSP",
        "4MSP",
        "1RC",
        "7MSP",
        "2RC",
        "13MSP",
    )
    assert votes(profile) == [
        (ABSTAIN, 77, PLENARY, dt.date(2022, 12, 7)),
        (ABSTAIN, 76, FIRST, dt.date(2021, 11, 2)),
        (ABSTAIN, 74, PLENARY, dt.date(2019, 12, 12)),
        (ABSTAIN, 73, FIRST, None),
    ]
    (statement,) = profile.statements
    assert statement.text in _sample_words(path)
    assert statement.text[0].isalpha() and statement.text.endswith(".")
    assert statement.attribution is not None
    assert statement.attribution.startswith("(Explanation of vote")
    assert statement.attribution.endswith("2021)")
    assert (statement.context, statement.year, statement.session, statement.forum) == (
        EOV,
        2021,
        76,
        PLENARY,
    )
    assert statement.sources == (Source(url="https://www.apminebanconvention.org/en/x"),)
    assert profile.unparsed == ()


def test_real_page_china(samples_dir: Path) -> None:
    path = samples_dir / "china-state-not-party.txt"
    profile = read_profile(path)
    assert profile.state == "China"
    assert len(profile.observer_meetings) == 21
    assert profile.observer_meetings[:5] == ("1MSP", "2MSP", "4MSP", "5MSP", "1RC")
    assert profile.observer_meetings[-7:] == (
        "3RC",
        "14MSP",
        "15MSP",
        "16MSP",
        "17MSP",
        "4RC",
        "18MSP",
    )
    assert "3MSP" not in profile.observer_meetings
    assert votes(profile) == [(YES, s, PLENARY, None) for s in (76, 77, 78, 79)]
    meeting, visit = profile.statements
    words = _sample_words(path)
    assert meeting.text in words and visit.text in words
    assert meeting.text.count("(…)") == 3
    assert (meeting.attribution, meeting.meeting, meeting.year, meeting.context) == (
        "(17MSP, 2018)",
        "17MSP",
        2018,
        MEETING,
    )
    assert (visit.year, visit.meeting, visit.context) == (2013, None, OTHER)
    assert visit.attribution is not None and visit.attribution.endswith("Special Envoy, China")
    # The copy ends mid-word inside the boilerplate line pointing to the Statements section;
    # it is recognised as page furniture, not reported.
    assert profile.unparsed == ()


def test_real_page_egypt(samples_dir: Path) -> None:
    path = samples_dir / "egypt-state-not-party.txt"
    profile = read_profile(path)
    assert profile.state == "Egypt"
    assert profile.observer_meetings == (
        "5MSP",
        "1RC",
        "6MSP",
        "7MSP",
        "8MSP",
        "9MSP",
        "2RC",
        "10MSP",
        "12MSP",
        "13MSP",
        "3RC",
        "4RC",
    )
    assert votes(profile) == [(ABSTAIN, s, PLENARY, None) for s in range(73, 80)]
    (statement,) = profile.statements
    assert statement.text in _sample_words(path)
    assert (statement.context, statement.session, statement.forum) == (EOV, 78, FIRST)
    assert statement.attribution is not None and "A/C.1/78/L.20" in statement.attribution
    assert profile.unparsed == ()


# -- parse_profile on text ----------------------------------------------------------------------

MINIMAL = """Ruritania
The State not party most recently has voted as follows,
• Abstained - 2022
The State not party has indicated,
• "We study the Convention." (22MSP, 2024)
"""


def test_source_and_state_hint() -> None:
    profile = parse_profile(
        MINIMAL.replace("Ruritania\n", ""), state="Ruritania", source="https://example.org/r"
    )
    assert profile.state == "Ruritania"
    assert profile.source == Source(url="https://example.org/r")
    assert profile.statements[0].state == "Ruritania"
    assert profile.statements[0].sources == (Source(url="https://example.org/r"),)
    cited = parse_profile(MINIMAL, source=Source(citation="printed copy, 2025"))
    assert cited.source == Source(citation="printed copy, 2025")
    plain = parse_profile(MINIMAL, source="saved copy of the page")
    assert plain.source == Source(citation="saved copy of the page")


def test_without_any_name_the_state_is_none() -> None:
    profile = parse_profile(MINIMAL.replace("Ruritania\n", ""))
    assert profile.state is None
    assert profile.source is None
    assert profile.statements[0].state == ""
    assert profile.statements[0].sources == ()


def test_page_name_wins_over_the_hint_and_headings_may_name_the_state() -> None:
    assert parse_profile(MINIMAL, state="Other").state == "Ruritania"
    named = parse_profile("Freedonia has voted as follows,\n• Against - 2019\n")
    assert named.state == "Freedonia"
    assert votes(named) == [(NO, 74, PLENARY, None)]


def test_headings_with_state_names_and_prose_that_is_not_a_heading() -> None:
    named = parse_profile("Côte d’Ivoire has voted as follows,\n• In favour - 2020\n")
    assert named.state == "Côte d’Ivoire"
    bolivia = parse_profile("Bolivia (Plurinational State of) has indicated,\n• We agree.\n")
    assert bolivia.state == "Bolivia (Plurinational State of)"
    with pytest.raises(ParseError, match="not a State profile page"):
        parse_profile("We also note that the State has voted as follows,\n• In favour - 2020\n")


def test_a_heading_naming_another_state_is_reported() -> None:
    profile = parse_profile("Ruritania\nFreedonia has voted as follows,\n• Against - 2019\n")
    assert profile.state == "Ruritania"
    assert votes(profile) == [(NO, 74, PLENARY, None)]
    assert unparsed(profile) == [
        (
            2,
            "the heading names 'Freedonia' but the page is about 'Ruritania' "
            "(the section is read all the same)",
        )
    ]


def test_crlf_and_bom_in_text() -> None:
    profile = parse_profile(
        "\ufeffRuritania\r\nThe State not party has voted as follows,\r\n-\r\nx"
    )
    assert profile.state == "Ruritania"
    assert unparsed(profile) == [(4, "not a vote: the line does not start with a position")]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("In favour - 2021", (YES, 76, PLENARY, None)),
        ("Voted in favour - 2021", (YES, 76, PLENARY, None)),
        ("Abstained - 2021", (ABSTAIN, 76, PLENARY, None)),
        ("Against - 2021", (NO, 76, PLENARY, None)),
        ("Voted against - 2021", (NO, 76, PLENARY, None)),
        ("Absent - 2021", (ABSENT, 76, PLENARY, None)),
        ("Did not vote - 2021", (ABSENT, 76, PLENARY, None)),
        ("Abstained - 2018 UNGA First Committee Convention Resolution", (ABSTAIN, 73, FIRST, None)),
        ("Abstained - 2018 UNGA Convention Resolution", (ABSTAIN, 73, PLENARY, None)),
        (
            "Abstained - Resolution adopted by the General Assembly on 7 December 2022 "
            "Seventy-seventh session",
            (ABSTAIN, 77, PLENARY, dt.date(2022, 12, 7)),
        ),
        (
            "Abstained - General Assembly Seventy-sixth session, First Committee, 2 November 2021",
            (ABSTAIN, 76, FIRST, dt.date(2021, 11, 2)),
        ),
        ("In favour - A/RES/52/38 A", (YES, 52, PLENARY, None)),
        ("In favour - General Assembly Fifty-second session", (YES, 52, PLENARY, None)),
        ("In favour - General Assembly Sixtieth session", (YES, 60, PLENARY, None)),
        ("In favour - General Assembly 79th session", (YES, 79, PLENARY, None)),
        (
            "In favour - General Assembly, December 5, 2018",
            (YES, 73, PLENARY, dt.date(2018, 12, 5)),
        ),
        ("In favour - General Assembly, 2018-12-05", (YES, 73, PLENARY, dt.date(2018, 12, 5))),
        ("In favour - General Assembly, 5 September 2018", (YES, 73, PLENARY, dt.date(2018, 9, 5))),
        ("In favour - General Assembly, 5 August 2018", (YES, 72, PLENARY, dt.date(2018, 8, 5))),
        # A September date fits either session: the session that ends or the one that opens.
        (
            "In favour - General Assembly Seventy-second session, 5 September 2018",
            (YES, 72, PLENARY, dt.date(2018, 9, 5)),
        ),
    ],
)
def test_vote_line_shapes(
    line: str, expected: tuple[VotePosition, int, Forum | None, dt.date | None]
) -> None:
    profile = parse_profile(f"The State not party has voted as follows,\n• {line}\n")
    assert votes(profile) == [expected]
    assert profile.votes[0] == ProfileVote(
        position=expected[0],
        session=expected[1],
        forum=expected[2],
        date=expected[3],
        line=f"• {line}",
    )


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Abstained - 2018, 2019 and Seventy-fifth session", "a list of years together with"),
        ("Abstained - A/RES/77/63, First Committee", "names both the First Committee and"),
        ("Abstained - A/RES/77/63 Seventy-sixth session", "names different sessions (76, 77)"),
        ("Abstained - 7 December 2022, 8 December 2022", "more than one date"),
        ("Abstained - 2019 Seventy-fifth session", "the year 2019 is session 74"),
        ("Abstained - 2018-2019", "a range of years ('2018-2019'), not a list"),
        ("Abstained - 2018–2024", "a range of years ('2018–2024'), not a list"),
    ],
)
def test_vote_lines_that_contradict_themselves(line: str, reason: str) -> None:
    profile = parse_profile(f"The State not party has voted as follows,\n• {line}\n")
    assert profile.votes == ()
    (problem,) = profile.unparsed
    assert (problem.line, problem.text) == (2, f"• {line}")
    assert reason in problem.reason


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("1MSP,2MSP;3MSP and 4MSP & 5MSP / 6MSP", ("1MSP", "2MSP", "3MSP", "4MSP", "5MSP", "6MSP")),
        ("7 MSP 8msp 1rc", ("7MSP", "8MSP", "1RC")),
        ("Seventh Meeting of the States Parties", ("7MSP",)),
        ("Twenty-first Meeting of the States Parties", ("21MSP",)),
        ("10th Meeting of States Parties", ("10MSP",)),
        ("the Fourth Review Conference (Oslo, 2019)", ("4RC",)),
        ("21MSP (2023), 19MSP - 2021, 20MSP: 2022", ("21MSP", "19MSP", "20MSP")),
    ],
)
def test_meeting_list_shapes(line: str, expected: tuple[str, ...]) -> None:
    text = f"The State not party has participated as Observer in the following meetings\n{line}"
    profile = parse_profile(text)
    assert profile.observer_meetings == expected
    assert profile.unparsed == ()


def test_meetings_are_kept_once_in_page_order() -> None:
    text = (
        "The State not party has participated as Observer in the following meetings of the "
        "Convention\n• 3MSP, 1MSP\n• 1MSP\n• 3MSP, 2MSP\n•\n• 3MSP\n"
    )
    assert parse_profile(text).observer_meetings == ("3MSP", "1MSP", "2MSP")


def test_a_wrapped_statement_continues_on_unbulleted_lines() -> None:
    text = (
        "X has indicated,\n"
        '• "We share the humanitarian concerns of the Convention but we cannot\n'
        'accept its obligations at this time." (17MSP, 2018)\n'
        "A paragraph after a complete statement is a statement of its own.\n"
        "• Cut off in the middle\n"
    )
    wrapped, paragraph, cut = parse_profile(text).statements
    assert wrapped.text == (
        "We share the humanitarian concerns of the Convention but we cannot accept its "
        "obligations at this time."
    )
    assert (wrapped.attribution, wrapped.meeting) == ("(17MSP, 2018)", "17MSP")
    assert paragraph.text == "A paragraph after a complete statement is a statement of its own."
    assert cut.text == "Cut off in the middle"
    assert cut.notes[-1] == "the page ends here mid-sentence: the text may be cut off"


def test_repeated_statements_are_kept_once() -> None:
    text = 'X has indicated,\n• "We agree." (17MSP, 2018)\n• "We agree." (17MSP, 2018)\n'
    assert len(parse_profile(text).statements) == 1


def test_ordinals_and_sessions() -> None:
    assert ordinal("First") == 1
    assert ordinal("Nineteenth") == 19
    assert ordinal("Seventy-seventh") == 77
    assert ordinal("seventy seventh") == 77
    assert ordinal("Ninetieth") == 90
    assert ordinal("Fortieth") == 40
    assert ordinal("21st") == 21
    assert ordinal("Zeroth") is None
    assert session_of_date(dt.date(2022, 12, 7)) == 77
    assert session_of_date(dt.date(2023, 6, 30)) == 77
    assert session_of_date(dt.date(2023, 9, 30)) == 78


# -- not a profile page -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n\t\n",
        '{"state": "Cuba", "votes": []}',
        "session,forum,state,vote\n77,plenary,CUBA,A\n",
        "Landmines were cleared this week. The country voted against the resolution in 2022.",
        "<html><head><script>var x = 'has voted as follows,';</script></head><body></body></html>",
        "\x00\x01\x02 binary",
        "Skip to main content\nBack to list\nCuba\nLatest views and updates\n",
    ],
)
def test_text_that_is_not_a_profile_page(text: str) -> None:
    with pytest.raises(ParseError) as caught:
        parse_profile(text, source="https://example.org/page")
    assert caught.value.source == "https://example.org/page"
    assert "https://example.org/page" in str(caught.value)


def test_bytes_are_refused_with_a_parse_error() -> None:
    with pytest.raises(ParseError, match="decode bytes first or use read_profile"):
        parse_profile(b"The State not party has voted as follows,")  # type: ignore[arg-type]


PAGE_WORDS = [
    "The State not party has participated as Observer in the following meetings of the Convention",
    "The State not party most recently has voted as follows,",
    "The State not party has indicated,",
    "The State not party has indicated on its abstentions,",
    "\n",
    "\n• ",
    " - ",
    ", ",
    "1MSP",
    "21MSP (2023)",
    "First Review Conference",
    "Abstained",
    "In favour",
    "2021",
    "7 December 2022",
    "Seventy-seventh session",
    "First Committee",
    "A/C.1/78/L.20",
    '"',
    "“",
    "”",
    "(…)",
    "(17MSP, 2018)",
    "(",
    ")",
    "<li>",
    "</li>",
    "<ul>",
    "<script>",
    "</script>",
    "<p",
    "&nbsp;",
    "&",
    "<!--",
    "-->",
    "\u00a0",
    "\r",
]


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(PAGE_WORDS) | st.text(max_size=30), max_size=40))
def test_any_text_gives_a_profile_or_a_parse_error(pieces: list[str]) -> None:
    text = "".join(pieces)
    try:
        profile = parse_profile(text)
    except ParseError:
        return
    assert isinstance(profile, Profile)
    for line in profile.unparsed:
        assert isinstance(line, UnparsedLine) and line.line >= 1 and line.reason


# -- files ----------------------------------------------------------------------------------------


def test_read_profile_accepts_a_utf8_bom_and_cites_the_file(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_bytes(b"\xef\xbb\xbf" + MINIMAL.encode("utf-8"))
    profile = read_profile(path)
    assert profile.state == "Ruritania"
    assert profile.source == Source(citation=str(path), note="State profile page read from a file")
    assert read_profile(path, source="https://example.org/r").source == Source(
        url="https://example.org/r"
    )


def test_read_profile_names_the_file_when_it_cannot_be_read(tmp_path: Path) -> None:
    missing = tmp_path / "missing.txt"
    with pytest.raises(ParseError) as caught:
        read_profile(missing)
    assert str(missing) in str(caught.value)
    assert "cannot read the profile page: No such file" in str(caught.value)
    with pytest.raises(ParseError, match="is a folder, not a profile page"):
        read_profile(tmp_path)


def test_read_profile_names_the_line_of_the_first_bad_byte(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes(MINIMAL.replace("•", "-").replace("study", "étudie").encode("latin-1"))
    with pytest.raises(ParseError) as caught:
        read_profile(path)
    assert (caught.value.source, caught.value.line) == (str(path), 5)
    assert str(caught.value).startswith(f"{path}:5:")
    assert "not UTF-8: byte 0xe9" in str(caught.value)


def test_parse_errors_from_read_profile_name_the_file(tmp_path: Path) -> None:
    path = tmp_path / "article.txt"
    path.write_text("Just an article about landmines.\n", "utf-8")
    with pytest.raises(ParseError) as caught:
        read_profile(path, source="https://example.org/a")
    assert caught.value.source == str(path)
    assert "not a State profile page" in str(caught.value)


def _guarded(func: Callable[[], object], seconds: float = 30.0) -> BaseException | None:
    """Run ``func`` in a thread; its exception, or ``None``. Fails if it does not finish."""
    outcome: list[BaseException | None] = []

    def run() -> None:
        try:
            func()
        except BaseException as exc:
            outcome.append(exc)
        else:
            outcome.append(None)

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(seconds)
    if worker.is_alive():
        pytest.fail(f"read_profile did not finish within {seconds} s")
    return outcome[0]


def _bad_files() -> list[Path]:
    return sorted(p for p in BAD_PROFILES.iterdir() if p.is_file() and p.name != "README.md")


def test_bad_input_folder_has_at_least_20_files() -> None:
    assert len(_bad_files()) >= 20


@pytest.mark.parametrize("path", _bad_files(), ids=lambda p: p.name)
def test_every_bad_input_is_refused_naming_the_file(path: Path) -> None:
    error = _guarded(lambda: read_profile(str(path)))
    assert isinstance(error, ParseError), f"{path.name}: {error!r}"
    message = str(error)
    assert message.startswith(str(path))
    assert error.line is not None or len(error.message) >= 20


@pytest.mark.parametrize(
    ("name", "line"),
    [
        ("invalid-utf8-on-line-5.txt", 5),
        ("latin1-accents.txt", 3),
        ("windows-1252-curly-quotes.txt", 6),
        ("nul-bytes.txt", 5),
        ("utf16-with-bom.txt", 1),
    ],
)
def test_bad_inputs_name_the_line(name: str, line: int) -> None:
    with pytest.raises(ParseError) as caught:
        read_profile(BAD_PROFILES / name)
    assert caught.value.line == line
    assert f"{BAD_PROFILES / name}:{line}" in str(caught.value)


@pytest.mark.parametrize("kind", ["letters", "markup", "page-then-junk"])
def test_a_ten_megabyte_line_is_handled(tmp_path: Path, kind: str) -> None:
    size = 10 * 1024 * 1024
    rng = random.Random(7)
    if kind == "letters":
        junk = "".join(rng.choices("abcdefghij (),.-•“”0123456789", k=size))
    elif kind == "markup":
        junk = "<a b='>" * (size // 7)
    else:
        junk = MINIMAL + "• " + "Abstained - 2021, " * (size // 18)
    path = tmp_path / f"{kind}.txt"
    path.write_text(junk, "utf-8")
    error = _guarded(lambda: read_profile(path))
    if kind == "page-then-junk":
        assert error is None  # the page is read; the long line is reported, not read
        profile = read_profile(path)
        assert votes(profile) == [(ABSTAIN, 77, PLENARY, None)]
        (too_long,) = profile.unparsed
        assert too_long.line == 6
        assert too_long.reason.startswith("a line of 10,485,")
        assert "longer than any line of a profile page" in too_long.reason
        return
    assert isinstance(error, ApmbcError)
    assert str(error).startswith(str(path))
    assert len(str(error)) < 1000


@pytest.mark.parametrize(
    "line",
    [
        "The State not party has voted as" + ", as" * 150,
        "Freedonia" + " Voted" * 100,
        "The State not party has participated in" + " 8 of the 27," * 50,
        "The State not party has participated " + "1MSP " * 120,
        "The State not party has indicated that " + "moratorium, " * 50,
    ],
    ids=["commas", "capitalised-verbs", "counts", "codes", "clause"],
)
def test_a_page_of_heading_like_lines_is_read_in_bounded_time(tmp_path: Path, line: str) -> None:
    """Lines built to make the heading reader try every place a heading could end."""
    path = tmp_path / "headings.txt"
    path.write_text(
        "\n".join(f"{line[:590]} {i}" for i in range(2000)) + "\n• Abstained - 2021\n", "utf-8"
    )
    read: list[Profile] = []
    error = _guarded(lambda: read.append(read_profile(path)))
    assert (error is None and len(read) == 1) or isinstance(error, ParseError)
