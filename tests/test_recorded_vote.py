"""Tests for apmbc.io.recorded_vote: the UN's press releases and meeting records of recorded votes.

The documents under tests/recorded_votes/ are made up for these tests (their drafts, symbols,
votes and speakers are invented, in the shapes the UN prints); the round trips print the bundled
plenary votes in those shapes and read them back.
"""

from __future__ import annotations

import datetime as dt
import textwrap
from collections.abc import Callable
from pathlib import Path

import attrs
import pytest
from test_bad_inputs import call_with_guard

import apmbc
from apmbc.dataset import Dataset
from apmbc.domain.names import un_name_variants
from apmbc.domain.numbers import cardinal
from apmbc.domain.symbols import SymbolKind, find_symbols, press_release_forum
from apmbc.errors import ApmbcError, ArgumentTypeError, ParseError
from apmbc.io.recorded_vote import (
    ISSUE_CODES,
    MAX_LINE,
    RecordedVotes,
    RollCall,
    looks_like_recorded_vote,
    parse_recorded_vote,
    read_recorded_vote,
)
from apmbc.models import (
    Forum,
    Metadata,
    Resolution,
    SourceKind,
    State,
    Tally,
    Vote,
    VotePosition,
)
from apmbc.validation import FileKind, Severity, check_paths, detect_kind

DOCS = Path(__file__).resolve().parent / "recorded_votes"
YES, NO, ABSTAIN, ABSENT = (
    VotePosition.YES,
    VotePosition.NO,
    VotePosition.ABSTAIN,
    VotePosition.ABSENT,
)
PLENARY, FIRST = Forum.PLENARY, Forum.FIRST_COMMITTEE
CONVENTION = (
    "Implementation of the Convention on the Prohibition of the Use, Stockpiling, Production and "
    "Transfer of Anti-Personnel Mines and on Their Destruction"
)


def read(name: str, **kwargs: object) -> RecordedVotes:
    return read_recorded_vote(DOCS / name, **kwargs)  # type: ignore[arg-type]


def roll(call: RollCall) -> list[tuple[str, VotePosition, VotePosition | None]]:
    return [(v.state, v.position, v.intended) for v in call.votes]


def head(call: RollCall) -> tuple[object, ...]:
    r = call.resolution
    return (r.session, r.forum, r.symbol, r.date, r.convention, r.tally)


def codes(issues: object) -> list[tuple[int, str]]:
    return [(i.line, i.code) for i in issues]  # type: ignore[attr-defined]


def listed(positions: dict[VotePosition, str], intended: dict[str, VotePosition] | None = None):  # type: ignore[no-untyped-def]
    """The expected votes, in the reader's order: by position, then by code."""
    intended = intended or {}
    out = []
    for position in (YES, NO, ABSTAIN, ABSENT):
        for code in sorted(positions.get(position, "").split()):
            out.append((code, position, intended.get(code)))
    return out


# -- the made-up documents ---------------------------------------------------------------------


def test_press_release_with_three_votes_keeps_the_conventions_by_default() -> None:
    result = read("press-release-three-votes.txt")
    (call,) = result.roll_calls
    assert head(call) == (
        70,
        FIRST,
        "A/C.1/70/L.92",
        dt.date(2015, 11, 3),
        True,
        Tally(yes=10, no=0, abstain=3, absent=3),
    )
    assert call.resolution.title == CONVENTION
    assert call.draft == "A/C.1/70/L.92"
    assert roll(call) == listed(
        {
            YES: "ARG AUT BOL CAN CHL CIV COD IRN JPN NOR",
            ABSTAIN: "CHN CUB EGY",
            ABSENT: "FJI FSM VEN",
        },
        {"CHL": ABSTAIN},
    )
    assert [v.recorded_name for v in call.votes if v.state in ("BOL", "CIV")] == [
        "Bolivia (Plurinational State of)",
        "Côte d'Ivoire",
    ]
    # the other two are listed as skipped, with their lines and titles
    assert codes(result.skipped) == [(35, "title-filter"), (69, "title-filter")]
    assert result.skipped[0].text == "transparency in the reporting of naval exercises"
    assert result.problems == ()
    assert result.unread == ()
    # the body's sentence (its tally on line 22) and the annex (lines 49-62) are one vote
    assert (call.first_line, call.last_line) == (49, 62)
    assert "Also reported on line(s) 22." in call.resolution.notes
    (source,) = call.resolution.sources
    assert (source.citation, source.kind) == ("GA/DIS/9901", SourceKind.UN)
    assert all(v.sources == call.resolution.sources for v in call.votes)
    assert result.data_version == apmbc.load().metadata.data_version


def test_press_release_with_three_votes_without_title_filter() -> None:
    result = read("press-release-three-votes.txt", title_filter=None)
    assert [head(c) for c in result.roll_calls] == [
        (
            70,
            FIRST,
            "A/C.1/70/L.91",
            dt.date(2015, 11, 3),
            False,
            Tally(yes=9, no=1, abstain=2, absent=1),
        ),
        (
            70,
            FIRST,
            "A/C.1/70/L.92",
            dt.date(2015, 11, 3),
            True,
            Tally(yes=10, no=0, abstain=3, absent=3),
        ),
        (70, FIRST, "A/C.1/70/L.93", dt.date(2015, 11, 3), False, Tally(yes=8, no=2, abstain=2)),
    ]
    first, _, third = result.roll_calls
    assert roll(first) == listed(
        {YES: "ARG AUT BRA CAN CHL DNK JPN NOR PER", NO: "CUB", ABSTAIN: "CHN EGY", ABSENT: "FJI"}
    )
    assert roll(third) == listed(
        {YES: "ARG AUT BRA CAN DNK JPN NOR PER", NO: "CUB TUR", ABSTAIN: "CHN COG"}
    )
    assert third.resolution.title == "cooperation in the clearance of unexploded ordnance at sea"
    assert result.skipped == result.problems == result.unread == ()
    assert len(result.votes) == 13 + 16 + 12
    assert {s.code for s in result.states} == {v.state for v in result.votes}


def test_string_and_function_title_filters() -> None:
    by_word = read("press-release-three-votes.txt", title_filter="naval exercises")
    assert [c.resolution.symbol for c in by_word.roll_calls] == ["A/C.1/70/L.91"]
    by_function = read(
        "press-release-three-votes.txt", title_filter=lambda title: "ordnance" in title
    )
    assert [c.resolution.symbol for c in by_function.roll_calls] == ["A/C.1/70/L.93"]
    assert "<lambda>()" in by_function.notes[0]
    with pytest.raises(ArgumentTypeError, match="title_filter"):
        read("press-release-three-votes.txt", title_filter=42)


def test_plenary_meeting_record() -> None:
    result = read("meeting-record-plenary.txt", title_filter=None)
    first, second = result.roll_calls
    assert head(first) == (
        70,
        PLENARY,
        "A/RES/70/999",
        dt.date(2015, 12, 7),
        True,
        Tally(yes=13, no=0, abstain=5),
    )
    assert first.resolution.title == CONVENTION  # from "draft resolution XI, entitled ..."
    assert first.draft == "A/RES/70/999"
    assert roll(first) == listed(
        {
            YES: "AFG ALB ATG BOL CAN COG CIV COD NLD NOR VCT TUR GBR",
            ABSTAIN: "CHN CUB IRN RUS USA",
        }
    )
    assert head(second) == (
        70,
        PLENARY,
        "A/RES/70/998",
        dt.date(2015, 12, 7),
        False,
        Tally(yes=4, no=1, abstain=2),
    )
    assert second.resolution.title == "Regional cooperation on the marking of coastal minefields"
    # "the delegations of Canada and Antigua and Barbuda": Canada is listed, Antigua and Barbuda
    # is not (it voted on the first draft only)
    assert roll(second) == listed(
        {YES: "ALB CAN NLD NOR", NO: "CUB", ABSTAIN: "CHN RUS"}, {"CAN": ABSTAIN}
    )
    assert codes(result.problems) == [(44, "correction-not-listed"), (64, "correction-not-listed")]
    assert "'Nepal' (NPL)" in result.problems[0].message
    assert "'Antigua and Barbuda' (ATG)" in result.problems[1].message
    assert first.resolution.sources[0].citation == "A/70/PV.99"
    default = read("meeting-record-plenary.txt")
    assert [c.resolution.symbol for c in default.roll_calls] == ["A/RES/70/999"]
    assert codes(default.skipped) == [(61, "title-filter")]


def test_committee_meeting_record_in_html() -> None:
    result = read("meeting-record-committee.html")
    (call,) = result.roll_calls
    assert head(call) == (
        70,
        FIRST,
        "A/C.1/70/L.94",
        dt.date(2015, 11, 4),
        True,
        Tally(yes=9, no=0, abstain=6),
    )
    assert roll(call) == listed(
        {
            YES: "AUT BEL CPV CZE GNB LAO MDA STP VNM",
            ABSTAIN: "PRK IND ISR PAK KOR SYR",
        },
        {"VNM": ABSTAIN},
    )
    assert call.resolution.sources[0].citation == "A/C.1/70/PV.99"
    assert result.problems == result.unread == result.skipped == ()
    # the script's "In favour:" is never read; an explanation of vote is not a vote
    assert len(result.votes) == 15


def test_press_release_annex_in_html_with_a_body_sentence() -> None:
    result = read("press-release-annex.html")
    (call,) = result.roll_calls
    assert head(call) == (
        71,
        FIRST,
        "A/C.1/71/L.95",
        dt.date(2016, 10, 27),
        True,
        Tally(yes=7, no=1, abstain=2, absent=1),
    )
    assert roll(call) == listed(
        {YES: "AND BHS GMB HTI MEX SDN SSD", NO: "DMA", ABSTAIN: "DOM NER", ABSENT: "NGA"},
        {"NER": YES},
    )
    assert result.problems == result.unread == result.skipped == ()


def test_press_release_body_gives_tallies_without_lists() -> None:
    result = read("press-release-body.txt", title_filter=None)
    first, second = result.roll_calls
    assert head(first) == (
        71,
        PLENARY,
        None,
        dt.date(2016, 12, 5),
        True,
        Tally(yes=168, no=0, abstain=17),
    )
    assert first.votes == ()
    assert head(second) == (
        71,
        PLENARY,
        None,
        dt.date(2016, 12, 5),
        False,
        Tally(yes=150, no=3, abstain=20),
    )
    assert second.resolution.title == "registration of small arms exhibitions"
    assert first.resolution.sources[0].citation == "GA/99903"


def test_every_document_gives_exactly_its_votes() -> None:
    """Across the documents: the number of votes, and no State twice in one roll call."""
    totals = {}
    for path in sorted(DOCS.glob("*.*")):
        result = read_recorded_vote(path, title_filter=None)
        for call in result.roll_calls:
            states = [v.state for v in call.votes]
            assert len(states) == len(set(states)), path.name
            for vote in call.votes:
                assert (vote.session, vote.forum, vote.resolution) == (
                    call.resolution.session,
                    call.resolution.forum,
                    call.resolution.symbol,
                )
        totals[path.name] = len(result.votes)
    assert totals == {
        "meeting-record-committee.html": 15,
        "meeting-record-plenary.txt": 25,
        "press-release-annex.html": 11,
        "press-release-body.txt": 0,
        "press-release-three-votes.txt": 41,
    }


# -- checks --------------------------------------------------------------------------------------

_PR = """GA/DIS/9990
2 November 2015
The draft resolution on Implementation of the Convention on the Prohibition of the Use,
Stockpiling, Production and Transfer of Anti-Personnel Mines and on Their Destruction
(document A/C.1/70/L.90) was approved by a recorded vote of {tally}, as follows:
{lists}
"""


def pr(tally: str, lists: str, **kwargs: object) -> RecordedVotes:
    return parse_recorded_vote(_PR.format(tally=tally, lists=lists), **kwargs)  # type: ignore[arg-type]


def test_a_list_longer_or_shorter_than_its_tally_is_reported_with_its_line() -> None:
    result = pr(
        "3 in favour to none against, with 1 abstention",
        "In favour: Canada, Norway.\nAgainst: None.\nAbstain: Cuba, Egypt.",
    )
    assert codes(result.problems) == [(6, "count-mismatch"), (8, "count-mismatch")]
    assert "names 2 State(s)" in result.problems[0].message
    assert "says 3" in result.problems[0].message
    (call,) = result.roll_calls
    assert call.resolution.tally == Tally(yes=3, no=0, abstain=1)  # the text's figures stand
    assert len(call.votes) == 4


def test_a_state_in_two_lists_gets_no_vote() -> None:
    result = pr(
        "2 in favour to 1 against, with no abstentions",
        "In favour: Canada, Norway.\nAgainst: Canada.\nAbstain: None.",
    )
    assert codes(result.problems) == [(7, "two-lists")]
    assert "(CAN)" in result.problems[0].message and "line 6" in result.problems[0].message
    assert roll(result.roll_calls[0]) == [("NOR", YES, None)]


def test_a_state_twice_in_one_list_gets_one_vote() -> None:
    result = pr(
        "2 in favour to none against, with no abstentions",
        "In favour: Canada,\nNorway, CANADA.\nAgainst: None.\nAbstain: None.",
    )
    # three names for a tally of two: the count is of the names as listed
    assert codes(result.problems) == [(6, "count-mismatch"), (7, "listed-twice")]
    assert roll(result.roll_calls[0]) == [("CAN", YES, None), ("NOR", YES, None)]


def test_names_that_are_no_state_are_reported_never_guessed() -> None:
    result = pr(
        "3 in favour to none against, with no abstentions",
        "In favour: Canada, Norwy, Guinea.\nAgainst: None.\nAbstain: None.",
    )
    assert codes(result.problems) == [(6, "unknown-name")]
    assert "'Norwy'" in result.problems[0].message
    assert "did you mean 'Norway'" in result.problems[0].message
    assert roll(result.roll_calls[0]) == [("CAN", YES, None), ("GIN", YES, None)]


def test_a_prefix_of_a_name_is_not_taken_for_the_state() -> None:
    # ds.states.get accepts an unambiguous prefix ("Afgh"); a roll call's names must be whole
    assert apmbc.load().states.get("Afghan") is not None
    result = pr(
        "1 in favour to none against, with no abstentions",
        "In favour: Afghan.\nAgainst: None.\nAbstain: None.",
    )
    assert codes(result.problems) == [(6, "unknown-name")]
    assert result.votes == ()


def test_a_name_of_two_states_is_ambiguous() -> None:
    ds = Dataset(
        metadata=Metadata(data_version="test-two-congos"),
        states=[
            State(code="COG", name="Republic of the Congo", aliases=("Congo",)),
            State(code="COD", name="Democratic Republic of the Congo", aliases=("Congo",)),
            State(code="CAN", name="Canada"),
        ],
    )
    result = pr(
        "2 in favour to none against, with no abstentions",
        "In favour: Canada, Congo.\nAgainst: None.\nAbstain: None.",
        dataset=ds,
    )
    assert codes(result.problems) == [(6, "ambiguous-name")]
    assert "COD, COG" in result.problems[0].message
    assert roll(result.roll_calls[0]) == [("CAN", YES, None)]
    assert result.data_version == "test-two-congos"
    assert "test-two-congos" in result.notes[0]


def test_un_style_names_resolve() -> None:
    names = (
        "Iran (Islamic Republic of), Bolivia (Plurinational State of), Venezuela (Bolivarian "
        "Republic of), Micronesia (Federated States of), Congo, Democratic Republic of the Congo, "
        "Côte d’Ivoire, COTE D'IVOIRE, Türkiye, TURKEY, Netherlands (Kingdom of the), "
        "United Kingdom of Great Britain and Northern Ireland, United States of America, "
        "Republic of Korea, Democratic People's Republic of Korea, Lao People's Democratic "
        "Republic, United Republic of Tanzania, Viet Nam, Syrian Arab Republic, the Gambia"
    )
    result = pr(
        "20 in favour to none against, with no abstentions",
        f"In favour: {names}.\nAgainst: None.\nAbstain: None.",
    )
    codes_listed = "IRN BOL VEN FSM COG COD CIV TUR NLD GBR USA KOR PRK LAO TZA VNM SYR GMB"
    assert [v.state for v in result.votes] == sorted(codes_listed.split())
    assert codes(result.problems) == [(6, "listed-twice"), (6, "listed-twice")]


def test_corrections_in_several_shapes() -> None:
    result = pr(
        "3 in favour to 1 against, with 1 abstention",
        "In favour: Canada, Norway, Sudan.\nAgainst: Cuba.\nAbstain: Egypt.\n"
        "[Subsequently, the delegation of Cuba informed the Secretariat that it had intended to "
        "abstain.]\n"
        "After the voting, the delegations of Egypt and Norway said that they had intended not "
        "to participate in the vote.\n"
        "(Subsequently, the Sudan advised the Secretariat it had intended to vote against.)\n"
        "Subsequently, the delegation of Chile advised the Secretariat that it had intended to "
        "vote in favour.\n"
        "Subsequently, the delegation of Narnia advised the Secretariat that it had intended to "
        "vote in favour.",
    )
    assert roll(result.roll_calls[0]) == listed(
        {YES: "CAN NOR SDN", NO: "CUB", ABSTAIN: "EGY"},
        {"CUB": ABSTAIN, "EGY": ABSENT, "NOR": ABSENT, "SDN": NO},
    )
    assert codes(result.problems) == [(12, "correction-not-listed"), (13, "unknown-name")]
    assert "'Chile' (CHL)" in result.problems[0].message


def test_a_correction_not_understood_is_unread() -> None:
    result = pr(
        "1 in favour to none against, with no abstentions",
        "In favour: Canada.\nAgainst: None.\nAbstain: None.\n"
        "Subsequently, the delegation of Canada advised the Secretariat that it had intended "
        "something else entirely.",
    )
    assert codes(result.unread) == [(9, "correction-not-read")]
    assert result.votes[0].intended is None


def test_empty_lists_and_a_truncated_list() -> None:
    result = parse_recorded_vote(
        "A/70/PV.90\n7 December 2015\nIn favour:\nAgainst:\n\nAbstaining:\n"
        "Draft resolution A/70/L.90 was adopted by 0 votes to 0, with 0 abstentions.\n",
        title_filter=None,
    )
    assert codes(result.problems) == [(3, "empty-list"), (4, "empty-list"), (6, "empty-list")]
    (call,) = result.roll_calls
    assert call.resolution.tally == Tally(yes=0, no=0, abstain=0)
    truncated = pr(
        "150 in favour to none against, with 3 abstentions",
        "In favour: Afghanistan, Albania,\nAlg",
    )
    assert codes(truncated.problems) == [
        (6, "count-mismatch"),
        (7, "unknown-name"),
        (7, "truncated"),
    ]


def test_body_and_annex_that_disagree() -> None:
    text = (
        "GA/DIS/9991\n2 November 2015\n"
        "The Committee approved draft resolution A/C.1/70/L.90 on the Implementation of the "
        "Convention on the Prohibition of the Use, Stockpiling, Production and Transfer of "
        "Anti-Personnel Mines and on Their Destruction by a recorded vote of 3 in favour to none "
        "against, with 1 abstention.\n\nANNEX\n\n"
        + _PR.format(
            tally="2 in favour to none against, with 1 abstention",
            lists="In favour: Canada, Norway.\nAgainst: None.\nAbstain: Cuba.",
        )
    )
    result = parse_recorded_vote(text)
    (call,) = result.roll_calls
    assert call.resolution.tally == Tally(yes=2, no=0, abstain=1)  # the annex's, with lists
    assert codes(result.problems) == [(3, "tally-conflict")]
    assert "3-0-1 here, but 2-0-1 on line" in result.problems[0].message


def test_a_vote_on_a_paragraph_is_skipped() -> None:
    text = (
        "A/C.1/70/PV.90\n2 November 2015\n"
        "The Chair: We now vote on operative paragraph 5 of draft resolution A/C.1/70/L.90, "
        f'entitled "{CONVENTION}".\nA recorded vote was taken.\n'
        "In favour:\nCanada, Norway\nAgainst:\nCuba\nAbstaining:\nEgypt\n"
        "Operative paragraph 5 was retained by 2 votes to 1, with 1 abstention.\n"
        "In favour:\nCanada, Norway, Cuba\nAgainst:\nNone\nAbstaining:\nEgypt\n"
        "Draft resolution A/C.1/70/L.90 as a whole was adopted by 3 votes to none, with 1 "
        "abstention.\n"
    )
    result = parse_recorded_vote(text)
    assert codes(result.skipped) == [(11, "part-vote")]
    assert "'paragraph'" in result.skipped[0].message
    (call,) = result.roll_calls
    assert call.resolution.tally == Tally(yes=3, no=0, abstain=1)
    assert roll(call) == listed({YES: "CAN NOR CUB", ABSTAIN: "EGY"})


def test_a_vote_without_a_title_is_skipped_unless_everything_is_kept() -> None:
    text = (
        "A/C.1/70/PV.90\n2 November 2015\nA recorded vote was taken.\n"
        "In favour:\nCanada\nAgainst:\nNone\nAbstaining:\nNone\n"
        "Draft resolution A/C.1/70/L.90 was adopted by 1 vote to none, with no abstentions.\n"
    )
    assert codes(parse_recorded_vote(text).skipped) == [(10, "no-title")]
    kept = parse_recorded_vote(text, title_filter=None)
    assert [c.resolution.symbol for c in kept.roll_calls] == ["A/C.1/70/L.90"]
    assert kept.roll_calls[0].resolution.convention is False


def test_lists_without_a_tally_are_counted() -> None:
    text = (
        "A/C.1/70/PV.90\n2 November 2015\n"
        f'The Committee took action on draft resolution A/C.1/70/L.90, entitled "{CONVENTION}".\n\n'
        "In favour: Canada, Norway\nAgainst: Cuba\n"
    )
    result = parse_recorded_vote(text)
    (call,) = result.roll_calls
    assert call.resolution.tally == Tally(yes=2, no=1, abstain=None, absent=None)
    assert "lists' lengths" in " ".join(call.resolution.notes)


def test_a_vote_the_text_cannot_place_is_unread() -> None:
    text = "In favour: Canada.\nAgainst: None.\nAbstain: None.\n"
    result = parse_recorded_vote(text, title_filter=None)
    assert result.roll_calls == ()
    assert codes(result.unread) == [(1, "unplaced")]


def test_session_from_the_date_and_forum_from_the_press_release() -> None:
    text = (
        "GA/DIS/9992\n4 November 2015\n"
        f'The Committee approved the draft resolution "{CONVENTION}" by a recorded vote of 1 in '
        "favour to none against, with no abstentions, as follows:\n"
        "In favour: Canada.\nAgainst: None.\nAbstain: None.\n"
    )
    (call,) = parse_recorded_vote(text).roll_calls
    assert head(call)[:4] == (70, FIRST, None, dt.date(2015, 11, 4))


def test_a_date_outside_the_session_is_not_taken() -> None:
    text = (
        "GA/DIS/9993\n4 November 2015\n"
        "The Convention entered into force on 1 March 1999.\n"
        f"The draft resolution A/C.1/70/L.90 on {CONVENTION} was approved by 1 vote to none, "
        "with no abstentions.\n"
    )
    (call,) = parse_recorded_vote(text).roll_calls
    assert call.resolution.date == dt.date(2015, 11, 4)


def test_several_lists_on_one_line() -> None:
    text = _PR.format(
        tally="2 in favour to 1 against, with 1 abstention",
        lists="In favour: Canada, Norway. Against: Cuba. Abstentions: Egypt. Absent: Fiji.",
    )
    result = parse_recorded_vote(text)
    assert roll(result.roll_calls[0]) == listed(
        {YES: "CAN NOR", NO: "CUB", ABSTAIN: "EGY", ABSENT: "FJI"}
    )
    assert result.problems == result.unread == ()


def test_one_name_a_line_and_a_name_over_two_lines() -> None:
    by_line = parse_recorded_vote(
        "A/70/PV.90\n7 December 2015\nIn favour:\nCanada\nNorway\n"
        "Saint Vincent and the Grenadines\nAgainst:\nNone\nAbstaining:\nCuba\n"
        "Draft resolution A/70/L.90 was adopted by 3 votes to none, with 1 abstention.\n",
        title_filter=None,
    )
    assert roll(by_line.roll_calls[0]) == listed({YES: "CAN NOR VCT", ABSTAIN: "CUB"})
    over_two = pr(
        "3 in favour to none against, with no abstentions",
        "In favour: Bolivia (Plurinational State\nof), Guinea-\nBissau, Saint Vincent and\n"
        "the Grenadines.\nAgainst: None.\nAbstain: None.",
    )
    assert roll(over_two.roll_calls[0]) == listed({YES: "BOL GNB VCT"})
    assert over_two.problems == ()


def test_a_page_header_inside_a_list_is_unread_and_the_list_goes_on() -> None:
    text = (
        "A/70/PV.90\n7 December 2015\nIn favour:\nCanada, Norway,\n\n"
        "15-99999                                                  5/30\n\n"
        "A/70/PV.90 07/12/2015\n\nChile, Peru\nAgainst:\nNone\nAbstaining:\nCuba\n"
        "Draft resolution A/70/L.90 was adopted by 4 votes to none, with 1 abstention.\n"
    )
    result = parse_recorded_vote(text, title_filter=None)
    assert roll(result.roll_calls[0]) == listed({YES: "CAN CHL NOR PER", ABSTAIN: "CUB"})
    assert codes(result.unread) == [(6, "inside-list"), (8, "inside-list")]
    assert result.problems == ()


def test_lists_between_two_tallies_go_with_the_right_one() -> None:
    """Without "as follows:", lists between two tallies belong to the one before when they end
    with periods (a press release) and to the one after when they do not (a meeting record)."""
    release = (
        "GA/DIS/9997\n2 November 2015\n"
        "The draft resolution A/C.1/70/L.81 on naval exercises was approved by 2 votes to 1, "
        "with no abstentions.\nIn favour: Canada, Norway.\nAgainst: Cuba.\n"
        "The draft resolution A/C.1/70/L.82 on ordnance at sea was approved by 2 votes to 1, "
        "with no abstentions.\nIn favour: Chile, Peru.\nAgainst: Egypt.\n"
    )
    first, second = parse_recorded_vote(release, title_filter=None).roll_calls
    assert (first.resolution.symbol, roll(first)) == (
        "A/C.1/70/L.81",
        listed({YES: "CAN NOR", NO: "CUB"}),
    )
    assert (second.resolution.symbol, roll(second)) == (
        "A/C.1/70/L.82",
        listed({YES: "CHL PER", NO: "EGY"}),
    )
    record = (
        "A/C.1/70/PV.97\n2 November 2015\n"
        "In favour:\nCanada, Norway\nAgainst:\nCuba\n"
        "Draft resolution A/C.1/70/L.81 was adopted by 2 votes to 1, with no abstentions.\n"
        "In favour:\nChile, Peru, Fiji\nAgainst:\nNone\n"
        "Draft resolution A/C.1/70/L.82 was adopted by 3 votes to none, with no abstentions.\n"
    )
    first, second = parse_recorded_vote(record, title_filter=None).roll_calls
    assert (first.resolution.symbol, roll(first)) == (
        "A/C.1/70/L.81",
        listed({YES: "CAN NOR", NO: "CUB"}),
    )
    assert (second.resolution.symbol, roll(second)) == (
        "A/C.1/70/L.82",
        listed({YES: "CHL FJI PER"}),
    )


def test_tallies_in_words_and_the_sentence_shapes() -> None:
    for tally, figures in [
        ("159 in favour to none against, with 19 abstentions", (159, 0, 19)),
        ("168 votes to none, with 17 abstentions", (168, 0, 17)),
        ("120 votes to 5, with no abstentions", (120, 5, 0)),
        ("120 in favour, 5 against and 40 abstentions", (120, 5, 40)),
        ("one hundred and sixty-eight votes to one, with seventeen abstentions", (168, 1, 17)),
        ("a vote of 150 to 3, with 20 abstaining", (150, 3, 20)),
    ]:
        text = (
            "A/C.1/70/PV.90\nThe draft resolution A/C.1/70/L.90 on "
            f"{CONVENTION} was approved by {tally}.\n"
        )
        (call,) = parse_recorded_vote(text).roll_calls
        t = call.resolution.tally
        assert (t.yes, t.no, t.abstain) == figures, tally


def test_a_sentence_with_figures_not_read_is_unread() -> None:
    text = (
        "A/C.1/70/PV.90\n2 November 2015\n"
        f"The draft resolution A/C.1/70/L.90 on {CONVENTION} was approved by 1 vote to none, "
        "with no abstentions.\nAnother text drew 12 abstentions and much debate.\n"
    )
    result = parse_recorded_vote(text)
    assert codes(result.unread) == [(4, "tally-not-read")]


def test_no_recorded_vote_at_all_is_a_parse_error() -> None:
    with pytest.raises(ParseError, match="no recorded vote found") as info:
        parse_recorded_vote("The Committee met and heard statements.\nNo vote was taken.\n")
    assert info.value.line is None
    with pytest.raises(ParseError, match="empty input"):
        parse_recorded_vote("")
    with pytest.raises(ParseError, match="NUL") as nul:
        parse_recorded_vote("In favour: Canada\n\x00")
    assert nul.value.line == 2


def test_bad_arguments() -> None:
    with pytest.raises(ArgumentTypeError, match="decode bytes"):
        parse_recorded_vote(b"In favour: Canada")  # type: ignore[arg-type]
    with pytest.raises(ArgumentTypeError, match="dataset"):
        parse_recorded_vote("x", dataset="bundled")  # type: ignore[arg-type]
    with pytest.raises(ArgumentTypeError, match="source"):
        parse_recorded_vote("x", source=3)  # type: ignore[arg-type]
    with pytest.raises(ArgumentTypeError):
        read_recorded_vote(None)  # type: ignore[arg-type]
    with pytest.raises(ParseError, match="cannot read"):
        read_recorded_vote(DOCS / "no-such-file.txt")


def test_source_argument() -> None:
    text = _PR.format(
        tally="1 in favour to none against, with no abstentions",
        lists="In favour: Canada.\nAgainst: None.\nAbstain: None.",
    )
    url = "https://press.example.org/2015/gadis9990.htm"
    (call,) = parse_recorded_vote(text, source=url).roll_calls
    (source,) = call.resolution.sources
    assert (source.url, source.citation, source.kind) == (url, "GA/DIS/9990", SourceKind.UN)
    (call,) = parse_recorded_vote(text, source="My copy").roll_calls
    assert call.resolution.sources[0].citation == "My copy"


def test_to_dataset() -> None:
    result = read("press-release-three-votes.txt")
    ds = result.to_dataset()
    assert isinstance(ds, Dataset)
    assert ds.resolutions[0] == result.roll_calls[0].resolution
    assert ds.votes == result.votes
    assert {s.code for s in ds.states} == {v.state for v in result.votes}
    assert ds.metadata.data_version == "recorded-vote:GA/DIS/9901"
    assert any(n.startswith("skipped: line 35") for n in ds.metadata.notes)
    assert ds.resolution(70, "first_committee").symbol == "A/C.1/70/L.92"
    errors = [f for f in apmbc.validate(ds) if f.severity is Severity.ERROR]
    assert errors == []


def test_the_votes_table_shows_the_intended_position() -> None:
    ds = read("press-release-three-votes.txt").to_dataset()
    rows = {r["state"]: r for r in apmbc.to_records(ds, "votes")}
    assert (rows["CHL"]["position"], rows["CHL"]["intended"]) == ("yes", "abstain")
    assert rows["CAN"]["intended"] is None


# -- apmbc validate ------------------------------------------------------------------------------


def test_validate_recognises_recorded_votes() -> None:
    for path in sorted(DOCS.glob("*.*")):
        assert detect_kind(path) is FileKind.RECORDED_VOTE, path.name
    report = check_paths([DOCS / "meeting-record-plenary.txt"])
    assert report.unreadable == ()
    assert [(f.location, f.code) for f in report.findings] == [
        ("44", "APMBC-VOTE-CHECK"),
        ("64", "APMBC-VOTE-CHECK"),
    ]
    assert report.exit_code == 1
    assert check_paths([DOCS / "meeting-record-committee.html"]).exit_code == 0


def test_validate_reports_unread_parts_as_warnings(tmp_path: Path) -> None:
    path = tmp_path / "vote.txt"
    path.write_text(
        _PR.format(
            tally="1 in favour to none against, with no abstentions",
            lists="In favour: Canada.\nAgainst: None.\nAbstain: None.",
        )
        + "Another text drew 12 abstentions.\n",
        "utf-8",
    )
    report = check_paths([path])
    assert [(f.location, f.code, f.severity) for f in report.findings] == [
        ("9", "APMBC-VOTE-UNREAD", Severity.WARNING)
    ]
    assert report.exit_code == 0


def test_sniffing() -> None:
    assert looks_like_recorded_vote("In favour:  Afghanistan, Albania")
    assert looks_like_recorded_vote("<p><strong>In favour:</strong> Afghanistan</p>")
    assert looks_like_recorded_vote("approved by a recorded vote of 159 in favour")
    assert looks_like_recorded_vote("was adopted by 168 votes to none, with 17 abstentions")
    assert not looks_like_recorded_vote("• In favour - 2021, 2022")  # a profile page's line
    assert not looks_like_recorded_vote("The State not party has voted as follows,")


# -- round trips: the bundled plenary votes printed in each shape and read back ----------------


def _names(votes: list[Vote], position: VotePosition, name: Callable[[Vote], str]) -> list[str]:
    return [name(v) for v in votes if v.position is position]


def _wrapped(names: list[str], width: int = 78, indent: str = "") -> str:
    if not names:
        return indent + "None"
    return textwrap.fill(
        ", ".join(names), width=width, initial_indent=indent, subsequent_indent=indent
    )


_WORDS = str.split("none one two three four five six seven eight nine ten")


def _figure(n: int, words: bool) -> str:
    return _WORDS[n] if words and n < len(_WORDS) else str(n)


def press_release(res: Resolution, votes: list[Vote], name: Callable[[Vote], str]) -> str:
    """The annex of a plenary press release: sentence, "as follows:", lists with periods."""
    t = res.tally
    assert t.yes is not None and t.no is not None and t.abstain is not None
    lists = []
    for heading, position in (
        ("In favour", YES),
        ("Against", NO),
        ("Abstain", ABSTAIN),
        ("Absent", ABSENT),
    ):
        text = _wrapped(_names(votes, position, name))
        lists.append(f"{heading}:  {text}.")
    return (
        f"GA/9{res.session:03d}\n{res.date:%d %B %Y}\n\nANNEX\n\nVote on the Convention\n\n"
        f'The draft resolution "{res.title}" (resolution {res.symbol}) was adopted by a '
        f"recorded vote of {t.yes} in favour to {_figure(t.no, True)} against, with "
        f"{_figure(t.abstain, True)} abstentions, as follows:\n\n" + "\n\n".join(lists) + "\n"
    )


def press_release_html(res: Resolution, votes: list[Vote], name: Callable[[Vote], str]) -> str:
    t = res.tally
    items = []
    for heading, position in (
        ("In favour", YES),
        ("Against", NO),
        ("Abstain", ABSTAIN),
        ("Absent", ABSENT),
    ):
        names = _names(votes, position, name) or ["None"]
        items.append(f"<p><strong>{heading}:</strong>&nbsp; {', '.join(names)}.</p>")
    return (
        f"<html><body><p>GA/9{res.session:03d}</p><p>{res.date:%d %B %Y}</p>"
        f"<p>The draft resolution &ldquo;{res.title}&rdquo; (resolution {res.symbol}) was adopted "
        f"by a recorded vote of {t.yes} in favour to {t.no} against, with {t.abstain} "
        "abstentions, as follows:</p>\n" + "\n".join(items) + "\n</body></html>\n"
    )


def meeting_record(res: Resolution, votes: list[Vote], name: Callable[[Vote], str]) -> str:
    """A plenary meeting record: lists (no "Absent") before the sentence of adoption."""
    t = res.tally
    lists = []
    for heading, position in (("In favour", YES), ("Against", NO), ("Abstaining", ABSTAIN)):
        lists.append(f"{heading}:\n{_wrapped(_names(votes, position, name), 70, '     ')}")
    return (
        f"United Nations                                   A/{res.session}/PV.90\n"
        f"General Assembly\n90th plenary meeting\n{res.date:%A, %d %B %Y}, 3 p.m.\n\n"
        f'The President: Draft resolution X is entitled "{res.title}". A recorded vote has '
        "been requested.\n\nA recorded vote was taken.\n\n" + "\n\n".join(lists) + "\n\n"
        f"Draft resolution X was adopted by {t.yes} votes to {_figure(t.no, True)}, with "
        f"{t.abstain} abstentions (resolution {res.symbol}).\n"
    )


def press_release_body(res: Resolution, votes: list[Vote], name: Callable[[Vote], str]) -> str:
    t = res.tally
    return (
        f"GA/9{res.session:03d}\n{res.date:%d %B %Y}\n\n"
        f"The Assembly adopted the draft resolution on {res.title} (resolution {res.symbol}) "
        f"by a recorded vote of {t.yes} in favour to {_figure(t.no, True)} against, with "
        f"{t.abstain} abstentions.\n"
    )


SHAPES = {
    "press release, current names": (press_release, lambda v: _STATE_NAMES[v.state], True),
    "press release in HTML, names as recorded": (
        press_release_html,
        lambda v: v.recorded_name or "",
        True,
    ),
    "meeting record, names as recorded in title case": (
        meeting_record,
        lambda v: (v.recorded_name or "").title(),
        False,
    ),
    "press release body": (press_release_body, lambda v: "", None),
}
_STATE_NAMES = {s.code: s.name for s in apmbc.load().states}
_SESSIONS = tuple(
    r.session for r in apmbc.load().resolutions if r.forum is PLENARY and r.title is not None
)


@pytest.mark.parametrize("shape", list(SHAPES))
def test_round_trip_of_the_bundled_plenary_votes(shape: str) -> None:
    write, name, absent_listed = SHAPES[shape]
    ds = apmbc.load()
    assert len(_SESSIONS) >= 25
    for session in _SESSIONS:
        res = ds.resolution(session, PLENARY)
        votes = [v for v in ds.votes if v.session == session and v.forum is PLENARY]
        text = write(res, votes, name)
        result = parse_recorded_vote(text)
        (call,) = result.roll_calls
        got = call.resolution
        assert (got.session, got.forum, got.symbol, got.date, got.convention) == (
            res.session,
            res.forum,
            res.symbol,
            res.date,
            True,
        ), f"{shape}, session {session}"
        expected_tally = res.tally if absent_listed else attrs.evolve(res.tally, absent=None)
        assert got.tally == expected_tally, f"{shape}, session {session}"
        assert result.problems == result.unread == result.skipped == (), (shape, session)
        if absent_listed is None:
            assert call.votes == ()
            continue
        want = {(v.state, v.position) for v in votes if absent_listed or v.position is not ABSENT}
        assert {(v.state, v.position) for v in call.votes} == want, f"{shape}, session {session}"
        assert all(v.resolution == res.symbol for v in call.votes)


# -- hostile inputs: each ends in a result with its unread parts listed, or a ParseError ------


def _guarded(func: Callable[[], object]) -> object:
    outcome: dict[str, object] = {}

    def run() -> None:
        outcome["value"] = func()

    error = call_with_guard(run)
    if error is not None:
        raise error
    return outcome["value"]


def test_a_list_of_ten_thousand_names() -> None:
    names = ", ".join(f"Name{i}land" for i in range(10_000))
    text = _PR.format(
        tally="159 in favour to none against, with no abstentions",
        lists=f"In favour: Canada, {names}.\nAgainst: None.\nAbstain: None.",
    )
    result = _guarded(lambda: parse_recorded_vote(text))
    assert isinstance(result, RecordedVotes)
    unknown = [p for p in result.problems if p.code == "unknown-name"]
    assert len(unknown) == 10_000
    assert all(p.line == 6 for p in unknown)
    assert [p.code for p in result.problems if p.code != "unknown-name"] == ["count-mismatch"]
    assert roll(result.roll_calls[0]) == [("CAN", YES, None)]


def test_a_ten_megabyte_line(tmp_path: Path) -> None:
    path = tmp_path / "long-line.txt"
    path.write_text("In favour: " + "x" * (10 * 1024 * 1024) + "\n", "utf-8")
    with pytest.raises(ParseError) as info:
        _guarded(lambda: read_recorded_vote(path))
    assert info.value.line == 1
    assert f"longer than any line a recorded vote is written on ({MAX_LINE:,})" in str(info.value)
    assert len(str(info.value)) < 1000


def test_a_ten_megabyte_line_beside_a_vote_is_listed_as_unread() -> None:
    text = _PR.format(
        tally="1 in favour to none against, with no abstentions",
        lists="In favour: Canada.\nAgainst: None.\nAbstain: None.",
    ) + ("Cuba, " * (2 * 1024 * 1024))
    result = _guarded(lambda: parse_recorded_vote(text))
    assert isinstance(result, RecordedVotes)
    assert codes(result.unread) == [(9, "long-line")]
    assert len(result.votes) == 1


@pytest.mark.parametrize(
    "filler",
    [
        "approved by 1 votes to 2, with 3 abstentions. ",
        "the delegation of X advised the Secretariat that it had intended to vote in favour ",
        "draft resolution on the draft resolution entitled “on” ",
        "In favour: Cuba, Chile,\n",
        "Cuba, Chile, Egypt,\n",
        "abstentions abstentions 1 to 2 with 3 abstentions ",
        "(" * 50 + "A/C.1/70/L.1 " + ")" * 50 + "\n",
    ],
)
def test_repetitive_megabytes_end_quickly(filler: str) -> None:
    """Two megabytes of one phrase repeated: a result or a ParseError, within the guard."""
    text = "A/C.1/70/PV.90\n" + filler * (2 * 1024 * 1024 // len(filler))

    def run() -> object:
        try:
            return parse_recorded_vote(text, title_filter=None)
        except ParseError as exc:
            return exc

    outcome = _guarded(run)
    if isinstance(outcome, ParseError):
        assert outcome.line is not None or "no recorded vote" in outcome.message
    else:
        assert isinstance(outcome, RecordedVotes)


def test_hostile_documents_end_in_a_result_with_their_problems() -> None:
    for path, expected in {
        "hostile/empty-lists.txt": [(4, "empty-list"), (5, "empty-list"), (6, "empty-list")],
        "hostile/names-that-are-no-state.txt": [
            (5, "unknown-name"),
            (5, "unknown-name"),
            (6, "unknown-name"),
        ],
        "hostile/truncated-list.txt": [(6, "count-mismatch"), (7, "truncated")],
    }.items():
        result = _guarded(lambda path=path: read(path, title_filter=None))  # type: ignore[misc]
        assert isinstance(result, RecordedVotes)
        assert codes(result.problems) == expected, path


# -- the domain helpers this reader added -------------------------------------------------------


@pytest.mark.parametrize(
    ("words", "value"),
    [
        ("159", 159),
        ("0", 0),
        ("none", 0),
        ("None", 0),
        ("no", 0),
        ("nil", 0),
        ("zero", 0),
        ("one", 1),
        ("Nineteen", 19),
        ("twenty", 20),
        ("twenty-one", 21),
        ("twenty one", 21),
        ("ninety-nine", 99),
        ("a hundred", 100),
        ("one hundred", 100),
        ("one hundred and fifty-nine", 159),
        ("one hundred fifty nine", 159),
        ("nine hundred and ninety-nine", 999),
        ("9999", 9999),
        ("10000", 10000),
        ("1234567", None),
        ("", None),
        ("hundred", None),
        ("one hundred and", None),
        ("ten hundred", None),
        ("twenty-ten", None),
        ("one two", None),
        ("several", None),
        ("1st", None),
        ("-3", None),
        ("x" * 100, None),
    ],
)
def test_cardinal(words: str, value: int | None) -> None:
    assert cardinal(words) == value


@pytest.mark.parametrize(
    ("name", "variants"),
    [
        ("Cuba", ["Cuba"]),
        ("  Côte  d'Ivoire ", ["Côte d'Ivoire"]),
        ("", []),
        (
            "Iran (Islamic Republic of)",
            ["Iran (Islamic Republic of)", "Islamic Republic of Iran", "Iran"],
        ),
        (
            "Bolivia (Plurinational State of)",
            ["Bolivia (Plurinational State of)", "Plurinational State of Bolivia", "Bolivia"],
        ),
        (
            "Venezuela (Bolivarian Republic of)",
            ["Venezuela (Bolivarian Republic of)", "Bolivarian Republic of Venezuela", "Venezuela"],
        ),
        (
            "Micronesia (Federated States of)",
            ["Micronesia (Federated States of)", "Federated States of Micronesia", "Micronesia"],
        ),
        (
            "Netherlands (Kingdom of the)",
            ["Netherlands (Kingdom of the)", "Kingdom of the Netherlands", "Netherlands"],
        ),
        (
            "Congo (Democratic Republic of the)",
            ["Congo (Democratic Republic of the)", "Democratic Republic of the Congo"],
        ),
        ("Korea, Republic of", ["Korea, Republic of", "Republic of Korea", "Korea"]),
        (
            "Korea, Democratic People's Republic of",
            ["Korea, Democratic People's Republic of", "Democratic People's Republic of Korea"],
        ),
        ("St. Lucia", ["St. Lucia", "Saint Lucia"]),
        ("Democratic Republic of the Congo", ["Democratic Republic of the Congo"]),
    ],
)
def test_un_name_variants(name: str, variants: list[str]) -> None:
    assert un_name_variants(name) == variants


def test_find_symbols_with_documents_and_press_releases() -> None:
    text = "GA/DIS/3999 (document A/70/999) on A/C.1/70/L.9, resolution 70/99, A/70/PV.9, GA/12000"
    assert [f.written for f in find_symbols(text)] == ["A/C.1/70/L.9", "70/99", "A/70/PV.9"]
    found = find_symbols(text, documents=True)
    assert [(f.written, f.symbol.kind) for f in found] == [
        ("GA/DIS/3999", SymbolKind.DOCUMENT),
        ("A/70/999", SymbolKind.DOCUMENT),
        ("A/C.1/70/L.9", SymbolKind.DRAFT),
        ("70/99", SymbolKind.RESOLUTION),
        ("A/70/PV.9", SymbolKind.RECORD),
        ("GA/12000", SymbolKind.DOCUMENT),
    ]
    assert (found[1].symbol.session, found[1].symbol.forum) == (70, PLENARY)


@pytest.mark.parametrize(
    ("symbol", "forum"),
    [
        ("GA/DIS/3540", FIRST),
        ("ga/dis/3540", FIRST),
        ("GA/11745", PLENARY),
        ("GA/EF/3000", None),
        ("GA/SHC/4000", None),
        ("A/70/PV.67", None),
        ("press release", None),
    ],
)
def test_press_release_forum(symbol: str, forum: Forum | None) -> None:
    assert press_release_forum(symbol) is forum


_VOTES_PAGE = Path(__file__).resolve().parents[1] / "docs" / "primary-records-votes.md"


@pytest.mark.skipif(
    not _VOTES_PAGE.is_file(), reason="not in a source checkout: docs/ is absent (installed wheel)"
)
def test_issue_codes_are_documented() -> None:
    assert all(meaning for meaning in ISSUE_CODES.values())
    page = _VOTES_PAGE.read_text(encoding="utf-8")
    missing = [code for code in ISSUE_CODES if f"`{code}`" not in page]
    assert not missing, f"docs/primary-records-votes.md does not list: {missing}"


def test_errors_are_apmbc_errors() -> None:
    assert issubclass(ParseError, ApmbcError)
