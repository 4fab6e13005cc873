"""Profile pages whose headings are worded in any of the ways the site words them.

Every page here is generated: the States (Freedonia, Grand Fenwick, ...) are invented, and the
statements are this file's own words. A page is built from a heading for each section (chosen
from lists of subjects, verb phrases, endings and list placements, combined with
``itertools.product``) and a known set of meetings, votes and statements, and must parse to
exactly that set with nothing unparsed.
"""

from __future__ import annotations

import datetime as dt
import html
import itertools
from collections.abc import Iterator

import attrs
import pytest
from hypothesis import given, settings, strategies as st

import apmbc
from apmbc.dataset import Dataset
from apmbc.errors import ArgumentTypeError, ParseError
from apmbc.io.profile import Profile, parse_profile
from apmbc.io.profile._headings import MAX_HEADING, OBSERVER, STATEMENTS, VOTES, classify
from apmbc.models import Forum, Meeting, MeetingKind, Metadata, StatementContext, VotePosition

EOV = StatementContext.EXPLANATION_OF_VOTE
MEETING = StatementContext.MEETING_STATEMENT
POLICY = StatementContext.NATIONAL_POLICY
OTHER = StatementContext.OTHER
YES, ABSTAIN = VotePosition.YES, VotePosition.ABSTAIN
PLENARY = Forum.PLENARY

# -- the parts headings are made of ---------------------------------------------------------------

NAMES = (
    "Freedonia",
    "Grand Fenwick",
    "Saint Ruritania and the Genovines",
    "Lilliput (Kingdom of)",
    "Côte d’Osterlich",
)
SUBJECTS = (
    "The State not party",
    "This State",
    "The State not party to the Convention",
    "{name}",
    "The State",
    "the State not party",
)
OBSERVER_PHRASES = (
    "has participated as Observer in the following meetings of the Convention",
    "has participated as an observer in the following formal meetings of the Convention",
    "has also taken part, as an observer, in the following meetings",
    "has attended the following Meetings of the States Parties and Review Conferences",
    "participated in the following meetings as an observer",
    "has participated in {n} of the {m} formal Meetings of the States Parties or Review "
    "Conferences to date as follows",
    "has so far taken part in {n_words} of the {m_words} formal meetings of the Convention",
    "most recently has attended these meetings of the Convention as an observer",
    "took part as an observer State in the following Meetings of the States Parties",
    "has been represented as an observer at the following meetings",
)
VOTE_PHRASES = (
    "has voted as follows",
    "most recently has voted as follows",
    "has most recently voted as follows",
    "voted as follows",
    "has voted on the annual UN General Assembly resolution as follows",
    "has voted in the following way on the resolution on the Convention",
    "has cast its votes as follows",
    "has also voted on the resolution in recent years as follows",
)
STATEMENT_PHRASES: tuple[tuple[str, StatementContext | None], ...] = (
    ("has indicated", None),
    ("has indicated on its abstentions", EOV),
    ("has stated", None),
    ("has declared the following", None),
    ("has also indicated", None),
    ("has said", None),
    ("has expressed the following views", None),
    ("has indicated on its votes as follows", EOV),
    ("has made the following statements", None),
    ("has publicly stated regarding its position on the Convention", None),
)
POLICY_PHRASES = (
    "has indicated that it has put in place a moratorium on the export of anti-personnel mines",
    "has declared a moratorium on the transfer of anti-personnel mines",
    "has indicated on its national policy",
    "has put in place a moratorium on the production and export of anti-personnel mines",
    "has stated that its national policy bans the use of anti-personnel mines",
)
PLURAL_POLICY = (
    "A number of States not party have indicated that they have put in place moratoria on the "
    "export of anti-personnel mines"
)
ENDINGS = ("", ":", ",", ".", ";")
PLACEMENTS = ("next line", "same line")
FORMATS = ("text", "html")
WORDS = {
    3: "three",
    4: "four",
    5: "five",
    6: "six",
    7: "seven",
    8: "eight",
    22: "twenty-two",
    27: "twenty-seven",
}

# Meetings, with every shape a list item takes, and the codes they are.
MEETING_ITEMS = (
    ("1MSP, 2MSP, First Review Conference", ("1MSP", "2MSP", "1RC")),
    ("19MSP - 2021", ("19MSP",)),
    ("the Fourth Review Conference (Oslo, 2019)", ("4RC",)),
    ("20MSP (2022)", ("20MSP",)),
    ("21MSP, 2023", ("21MSP",)),
    ("Seventh Meeting of the States Parties", ("7MSP",)),
)
VOTE_ITEMS = (
    ("Abstained - 2021, 2022", ((ABSTAIN, 76), (ABSTAIN, 77))),
    ("In favour - 2023", ((YES, 78),)),
)
STATEMENT_ITEMS = (
    ('"We study the Convention with care." (22MSP, 2024)', "We study the Convention with care."),
    (
        "“Our moratorium on the export of mines remains in force.” (Letter to the Special "
        "Envoy, 2019)",
        "Our moratorium on the export of mines remains in force.",
    ),
)
POLICY_ITEM = (
    "• “No anti-personnel mine has left our territory since 1998.” (Landmine Monitor, 2020)",
    "No anti-personnel mine has left our territory since 1998.",
)


@attrs.frozen
class Expected:
    """What a generated page holds."""

    state: str
    meetings: tuple[str, ...]
    votes: tuple[tuple[VotePosition, int], ...]
    statements: tuple[tuple[str, StatementContext], ...]
    count: int | None = None
    total: int | None = None


@attrs.frozen
class Section:
    heading: str
    items: tuple[str, ...]
    same_line: bool


def _context(item: str, section: StatementContext | None) -> StatementContext:
    """The context a statement of STATEMENT_ITEMS has under a section's heading."""
    if section is not None:
        return section
    return MEETING if "MSP" in item else OTHER


def _heading(
    subject: str, phrase: str, ending: str, name: str, meetings: int = 8, held: int = 27
) -> str:
    who = subject.format(name=name)
    words = phrase.format(n=meetings, m=held, n_words=WORDS[meetings], m_words=WORDS[held])
    return f"{who} {words}{ending}"


def _render(name: str | None, sections: list[Section], form: str) -> str:
    """A page as plain text (bullets, blank lines, empty bullets) or as HTML."""
    if form == "html":
        parts = ["<html><body>", "<p><a href='/'>Skip to main content</a></p>"]
        if name is not None:
            parts.append(f"<h1>{html.escape(name)}</h1>")
        for section in sections:
            first, *others = section.items if section.same_line else ("", *section.items)
            heading = section.heading + (f" {first}" if first else "")
            parts.append(f"<ul><li>{html.escape(heading)}<ul>")
            parts.extend(f"<li>{html.escape(item)}</li>" for item in others)
            parts.append("<li></li></ul></li></ul>")
        parts.append("</body></html>")
        return "\n".join(parts)
    lines = ["Skip to main content", ""]
    if name is not None:
        lines += [name, ""]
    for n, section in enumerate(sections):
        first, *others = section.items if section.same_line else ("", *section.items)
        lines.append(f"  • {section.heading}" + (f" {first}" if first else ""))
        for i, item in enumerate(others):
            lines.append(f"    {'•' if (i + n) % 2 else '-'} {item}")
            if i == 0:
                lines.append("    •" if n % 2 else "    - ")  # an empty bullet: skipped
        lines.append("")
    return "\n".join(lines) + "\n"


def _observer_section(
    subject: str, phrase: str, ending: str, name: str, same_line: bool, turn: int
) -> tuple[Section, tuple[str, ...], int | None, int | None]:
    """The meeting list (the first 1 to 6 items of MEETING_ITEMS, by ``turn``), its codes, and
    the count and total its heading states (when the phrase states one)."""
    chosen = MEETING_ITEMS[: 1 + turn % len(MEETING_ITEMS)]
    items = tuple(item for item, _ in chosen)
    codes = tuple(code for _, item_codes in chosen for code in item_codes)
    held = 27 if turn % 2 else 22
    heading = _heading(subject, phrase, ending, name, len(codes), held)
    if "{n" not in phrase:
        return Section(heading, items, same_line), codes, None, None
    return Section(heading, items, same_line), codes, len(codes), held


def generated_pages() -> Iterator[tuple[str, str, Expected]]:
    """Every subject with every ending, placement and format, each time with another phrase
    of every section: each phrase meets every subject, ending, placement and format."""
    rounds = max(len(OBSERVER_PHRASES), len(VOTE_PHRASES), len(STATEMENT_PHRASES))
    for subject, ending, placement, form, turn in itertools.product(
        SUBJECTS, ENDINGS, PLACEMENTS, FORMATS, range(rounds)
    ):
        name = NAMES[turn % len(NAMES)]
        same_line = placement == "same line" and (ending != ";" or turn % 2 == 0)
        observer, codes, count, held = _observer_section(
            subject, OBSERVER_PHRASES[turn % len(OBSERVER_PHRASES)], ending, name, same_line, turn
        )
        votes = Section(
            _heading(subject, VOTE_PHRASES[turn % len(VOTE_PHRASES)], ending, name),
            tuple(item for item, _ in VOTE_ITEMS),
            same_line,
        )
        phrase, context = STATEMENT_PHRASES[turn % len(STATEMENT_PHRASES)]
        # Statements follow their heading on the same line only after a colon.
        said = Section(
            _heading(subject, phrase, ending, name),
            tuple(item for item, _ in STATEMENT_ITEMS),
            same_line and ending == ":",
        )
        sections = [observer, votes, said]
        statements = [(words, _context(item, context)) for item, words in STATEMENT_ITEMS]
        if turn % 3 == 0:  # a section on national policy, after the others
            policy_phrase = POLICY_PHRASES[turn // 3 % len(POLICY_PHRASES)]
            policy_subject = PLURAL_POLICY if turn % 2 else subject
            heading = (
                f"{PLURAL_POLICY}:"
                if policy_subject == PLURAL_POLICY
                else _heading(subject, policy_phrase, ":", name)
            )
            sections.append(Section(heading, (POLICY_ITEM[0][2:],), False))
            statements.append((POLICY_ITEM[1], POLICY))
        yield (
            f"{subject}|{turn}|{ending!r}|{placement}|{form}",
            _render(name, sections, form),
            Expected(
                state=name,
                meetings=codes,
                votes=tuple(v for _, item_votes in VOTE_ITEMS for v in item_votes),
                statements=tuple(statements),
                count=count,
                total=held,
            ),
        )


PAGES = list(generated_pages())


def test_the_generator_makes_hundreds_of_pages_of_every_variant() -> None:
    assert len(PAGES) >= 500
    texts = "\n".join(text for _, text, _ in PAGES)
    for phrase in OBSERVER_PHRASES + VOTE_PHRASES + tuple(p for p, _ in STATEMENT_PHRASES):
        assert phrase.split("{")[0] in texts, phrase
    for subject in SUBJECTS:
        assert subject.format(name=NAMES[0]) in texts


def _check(profile: Profile, expected: Expected) -> None:
    assert profile.unparsed == ()
    assert profile.state == expected.state
    assert profile.observer_meetings == expected.meetings
    assert [(v.position, v.session) for v in profile.votes] == list(expected.votes)
    assert all(v.forum is PLENARY for v in profile.votes)
    assert [(s.text, s.context) for s in profile.statements] == list(expected.statements)
    assert (profile.attended_count, profile.meetings_held) == (expected.count, expected.total)


@pytest.mark.parametrize(
    ("label", "text", "expected"),
    [pytest.param(label, text, expected, id=label) for label, text, expected in PAGES[::7]],
)
def test_a_sample_of_generated_pages_one_by_one(label: str, text: str, expected: Expected) -> None:
    _check(parse_profile(text), expected)


def test_every_generated_page_parses_with_all_its_meetings_votes_and_statements() -> None:
    failures = []
    for label, text, expected in PAGES:
        try:
            _check(parse_profile(text), expected)
        except (AssertionError, ParseError) as exc:
            failures.append(f"{label}: {exc}")
    assert not failures, f"{len(failures)} of {len(PAGES)} pages:\n" + "\n".join(failures[:10])


def test_generated_pages_check_their_years_with_the_bundled_data() -> None:
    version = apmbc.load().metadata.data_version
    for label, text, _ in PAGES[:24]:
        turn = int(label.split("|")[1])
        # The first item of MEETING_ITEMS writes no year; the next ones do.
        expected = None if turn % len(MEETING_ITEMS) == 0 else version
        assert parse_profile(text).checked_with == expected, label


# -- each heading alone ---------------------------------------------------------------------------


@pytest.mark.parametrize("ending", ENDINGS)
@pytest.mark.parametrize("subject", SUBJECTS)
def test_every_phrase_is_a_heading_of_its_section(subject: str, ending: str) -> None:
    for phrase in OBSERVER_PHRASES:
        found = classify(_heading(subject, phrase, ending, "Freedonia", 8))
        assert found is not None and found.section == OBSERVER, phrase
        assert (found.count, found.total) == ((8, 27) if "{n" in phrase else (None, None))
    for phrase in VOTE_PHRASES:
        found = classify(_heading(subject, phrase, ending, "Freedonia"))
        assert found is not None and found.section == VOTES, phrase
    for phrase, context in STATEMENT_PHRASES:
        found = classify(_heading(subject, phrase, ending, "Freedonia"))
        assert found is not None and found.section == STATEMENTS, phrase
        assert found.context is context
    for phrase in POLICY_PHRASES:
        found = classify(_heading(subject, phrase, ending, "Freedonia"))
        assert found is not None and found.section == STATEMENTS, phrase
        assert found.context is POLICY
    named = "Freedonia" if subject == "{name}" else None
    assert (found.state, found.who) == (named, subject.format(name="Freedonia"))


@pytest.mark.parametrize(
    ("text", "section", "rest"),
    [
        ("The State not party has voted as follows, Abstained - 2021", VOTES, "Abstained - 2021"),
        ("The State not party has voted as follows - In favour - 2021", VOTES, "In favour - 2021"),
        ("Freedonia has voted: Against - 2019", VOTES, "Against - 2019"),
        ("Freedonia has attended: 1MSP, 2MSP", OBSERVER, "1MSP, 2MSP"),
        ("Freedonia has participated in the following meetings 1MSP, 2MSP", OBSERVER, "1MSP, 2MSP"),
        (
            "Freedonia has participated in the following meetings, 1MSP, 2MSP",
            OBSERVER,
            "1MSP, 2MSP",
        ),
        (
            "The State not party has participated as an observer in the First Review Conference",
            OBSERVER,
            "the First Review Conference",
        ),
        ('The State not party has indicated: "We agree."', STATEMENTS, '"We agree."'),
    ],
)
def test_the_first_items_may_follow_the_heading(text: str, section: str, rest: str) -> None:
    found = classify(text)
    assert found is not None
    assert (found.section, found.rest) == (section, rest)


@pytest.mark.parametrize(
    "text",
    [
        # prose that holds a heading's words
        "Our records show that the State not party has participated as Observer in the "
        "following meetings of the Convention: 1MSP and 2MSP.",
        "We also note that the State has voted as follows,",
        "In 2019 the State not party has voted as follows,",
        "Freedonia has indicated that it will join the Convention when its neighbours do.",
        "Freedonia has attended every meeting since it was invited and hopes to join soon.",
        "Freedonia has voted against the resolution because of its long borders.",
        "Freedonia has indicated that it has a moratorium (Landmine Monitor, 2019)",
        # quoted words
        '"The State not party has voted as follows,"',
        "“Freedonia has indicated,” said the Minister.",
        'Freedonia has stated, "We will never use mines."',
        # misspelled verbs
        "The State not party has particpated as Observer in the following meetings",
        "The State not party most recently has votd as follows,",
        "The State not party has indicatd,",
        # subjects that are not a State
        "Many delegates have voted as follows,",
        "The ambassador has indicated,",
        "Atlantis’s delegate said: “We attend as an observer” (13MSP, 2013)",
        "Has voted as follows,",
        "The President has noted:",
        "The Convention has stated,",
        "The United Nations General Assembly has adopted the resolution as follows:",
        "The Special Envoy has indicated that the moratorium holds.",
        # a vote line and a meeting list
        "Abstained - Resolution adopted by the General Assembly on 7 December 2022",
        "1MSP, 2MSP, First Review Conference",
        "The State not party has voted as follows" + " and so on" * 70,
    ],
)
def test_what_is_not_a_heading(text: str) -> None:
    assert classify(text) is None


@pytest.mark.parametrize(
    ("text", "count", "total"),
    [
        (
            "The State not party has participated as an observer State in the following Meetings "
            "of the States Parties (MSP) and Review Conferences (RC):",
            None,
            None,
        ),
        (
            "The State not party has, to date, participated in 20 Meetings of the States Parties "
            "and 4 Review Conferences, as follows",
            24,
            None,
        ),
        ("Freedonia took part in eight out of twenty-seven formal meetings:", 8, 27),
        ("Freedonia has attended none of the 27 formal meetings.", 0, 27),
    ],
)
def test_counts_in_a_heading(text: str, count: int | None, total: int | None) -> None:
    found = classify(text)
    assert found is not None and found.section == OBSERVER
    assert (found.count, found.total) == (count, total)


@pytest.mark.parametrize(
    ("text", "section"),
    [
        ("Most recently, the State not party voted as follows:", VOTES),
        ("To date, Freedonia has participated in the following meetings:", OBSERVER),
        ("In addition, the State not party has indicated,", STATEMENTS),
        ("The State not party has provided the following information:", STATEMENTS),
        ("The State not party participated as an observer in:", OBSERVER),
        (
            "The State not party has participated as an observer in the following Meetings of "
            "the States Parties / Review Conferences:",
            OBSERVER,
        ),
        (
            "The State not party has participated in the following formal and informal meetings "
            "of the Convention:",
            OBSERVER,
        ),
    ],
)
def test_more_wordings(text: str, section: str) -> None:
    found = classify(text)
    assert found is not None and found.section == section


def test_a_code_after_a_heading_is_not_a_count() -> None:
    found = classify("Freedonia has participated in the following meetings 1MSP, 2MSP")
    assert found is not None and (found.count, found.rest) == (None, "1MSP, 2MSP")
    counted = classify("Freedonia has participated in 8 of the 27 meetings 1MSP")
    assert counted is not None and (counted.count, counted.rest) == (8, "1MSP")


@pytest.mark.parametrize(
    ("text", "state"),
    [
        ("Freedonia has voted as follows,", "Freedonia"),
        ("The Government of Freedonia has voted as follows,", "Freedonia"),
        ("The delegation of Grand Fenwick has indicated,", "Grand Fenwick"),
        ("Lilliput (Kingdom of) has indicated,", "Lilliput (Kingdom of)"),
        ("The State not party has indicated,", None),
        ("The Government has indicated,", None),
        ("Its Government has stated:", None),
        ("States Parties have indicated that they have put in place moratoria.", None),
    ],
)
def test_the_state_a_heading_names(text: str, state: str | None) -> None:
    found = classify(text)
    assert found is not None and found.state == state


@pytest.mark.parametrize(
    "text",
    [
        "The State not party has indicated that it does not produce or export anti-personnel "
        "mines.",
        "Freedonia has stated that it has never exported anti-personnel mines.",
        "Freedonia has reported that it no longer produces anti-personnel mines.",
        "Freedonia has indicated that it has destroyed its stockpile.",
        "Freedonia has indicated that it maintains a moratorium on the export of mines",
    ],
)
def test_policy_headings_that_are_sentences(text: str) -> None:
    found = classify(text)
    assert found is not None
    assert (found.section, found.context, found.summary) == (STATEMENTS, POLICY, True)


def test_headings_of_the_sample_pages_wording() -> None:
    """The wordings of the website's State-not-party pages (as described in the issue)."""
    egypt = classify("The State not party has indicated on its abstentions,")
    assert egypt is not None and egypt.context is EOV
    formal = classify(
        "The State not party has participated as Observer in the following formal meetings of "
        "the Convention"
    )
    assert formal is not None and formal.section == OBSERVER
    recent = classify("The State not party most recently has voted as follows,")
    assert recent is not None and recent.section == VOTES


def test_a_policy_heading_that_is_a_sentence_is_also_a_statement() -> None:
    page = (
        "Freedonia\n"
        "The State not party has indicated that it has put in place a moratorium on the export "
        "of anti-personnel mines.\n"
        "A number of States not party have indicated that they have put in place moratoria on "
        "the production of anti-personnel mines:\n"
        '• "We will keep our moratorium." (Letter to the Special Envoy, 2019)\n'
    )
    profile = parse_profile(page)
    summary, said = profile.statements
    assert summary.text.startswith("The State not party has indicated that it has put in place")
    assert (summary.context, summary.verbatim, summary.attribution) == (POLICY, False, None)
    assert summary.notes[0].startswith("the page's own summary of the State's policy")
    assert (said.text, said.context, said.year) == ("We will keep our moratorium.", POLICY, 2019)
    assert profile.unparsed == ()


def test_a_policy_heading_introducing_a_list_is_not_a_statement() -> None:
    for ending in (":", ","):
        page = (
            f"Freedonia has indicated that it has put in place a moratorium on exports{ending}\n"
            '• "Our moratorium stands." (21MSP, 2023)\n'
        )
        (said,) = parse_profile(page).statements
        assert (said.context, said.meeting) == (POLICY, "21MSP")


def test_statements_after_a_policy_section_take_the_next_heading_context() -> None:
    page = (
        "Freedonia has indicated on its national policy:\n"
        '• "No mines are exported." (Letter, 2019)\n'
        "Freedonia has indicated on its abstentions,\n"
        '• "We abstain for security reasons." (Explanation of vote, 2020)\n'
        "Freedonia has indicated,\n"
        '• "We study the Convention." (17MSP, 2018)\n'
    )
    contexts = [s.context for s in parse_profile(page).statements]
    assert contexts == [POLICY, EOV, MEETING]


def test_a_heading_naming_the_government_names_the_state() -> None:
    profile = parse_profile(
        "Freedonia\nThe Government of Freedonia has indicated,\n• We study the Convention.\n"
    )
    assert (profile.state, profile.unparsed) == ("Freedonia", ())
    named = parse_profile("The Government of Freedonia has voted as follows,\n• Against - 2019\n")
    assert named.state == "Freedonia"


def test_it_as_subject() -> None:
    profile = parse_profile(
        "Freedonia\nIt has voted as follows:\n• Against - 2019\nIt has also indicated,\n"
        "• We study the Convention.\n"
    )
    assert [(v.position, v.session) for v in profile.votes] == [(VotePosition.NO, 74)]
    assert [s.text for s in profile.statements] == ["We study the Convention."]
    assert profile.state == "Freedonia"


# -- counts ---------------------------------------------------------------------------------------


def test_a_count_that_matches_the_list() -> None:
    profile = parse_profile(
        "Freedonia\nThe State not party has participated in 3 of the 27 formal Meetings of the "
        "States Parties or Review Conferences to date as follows:\n• 1MSP, 2MSP\n• 1RC\n"
    )
    assert (profile.attended_count, profile.meetings_held) == (3, 27)
    assert profile.observer_meetings == ("1MSP", "2MSP", "1RC")
    assert profile.unparsed == ()


@pytest.mark.parametrize(
    ("count", "items", "named"),
    [
        ("four", "• 1MSP, 2MSP\n• 1RC\n• 1MSP\n", "3 (1MSP, 2MSP, 1RC)"),
        ("2", "• 1MSP, 2MSP\n• 1RC\n", "3 (1MSP, 2MSP, 1RC)"),
        ("1", "• Oslo Diplomatic Conference\n", "0"),
    ],
)
def test_a_count_that_differs_from_the_list_is_reported(count: str, items: str, named: str) -> None:
    page = (
        "Freedonia\nFreedonia has taken part in "
        f"{count} of the twenty-seven formal meetings of the Convention\n{items}"
        "Freedonia has voted as follows,\n• Against - 2019\n"
    )
    profile = parse_profile(page)
    problems = [(u.line, u.reason) for u in profile.unparsed if u.line == 2]
    stated = {"four": 4}.get(count, count)
    plural = "" if stated == "1" else "s"
    assert problems == [
        (
            2,
            f"the heading says the State took part in {stated} meeting{plural}, but the list "
            f"below it names {named}",
        )
    ]
    assert profile.unparsed[0].text.startswith("Freedonia has taken part in")
    assert profile.meetings_held == 27


def test_a_count_at_the_end_of_the_page_is_checked_too() -> None:
    profile = parse_profile(
        "Freedonia has participated in 2 of the 27 formal meetings so far: 1MSP\n"
    )
    (problem,) = profile.unparsed
    assert problem.reason.endswith("but the list below it names 1 (1MSP)")


# -- years written with meeting codes -------------------------------------------------------------

OBSERVED = "The State not party has participated as Observer in the following meetings\n"


@pytest.mark.parametrize(
    "item", ["19MSP - 2021", "19MSP (2021)", "19MSP, 2021", "19MSP: 2021", "19MSP 2021"]
)
def test_a_year_after_a_code_that_matches(item: str) -> None:
    profile = parse_profile(f"{OBSERVED}• {item}\n")
    assert (profile.observer_meetings, profile.unparsed) == (("19MSP",), ())
    assert profile.checked_with == apmbc.load().metadata.data_version


@pytest.mark.parametrize(
    ("item", "written"),
    [
        ("19MSP - 2020", "2020"),
        ("19MSP (2022)", "(2022)"),
        ("19MSP, 2019", "2019"),
        ("the Fourth Review Conference (Oslo, 2018)", "(Oslo, 2018)"),
    ],
)
def test_a_year_after_a_code_that_does_not_match_is_reported(item: str, written: str) -> None:
    profile = parse_profile(f"{OBSERVED}• 1MSP, {item}, 2MSP\n")
    assert profile.observer_meetings == ("1MSP", "2MSP")  # the line's other meetings are read
    (problem,) = profile.unparsed
    code = "4RC" if "Fourth" in item else "19MSP"
    held = "2019 (2019-11-25 to 2019-11-29)" if code == "4RC" else "2021 (2021-11-15 to 2021-11-19)"
    assert (problem.line, problem.text) == (2, f"• 1MSP, {item}, 2MSP")
    assert problem.reason == f"{code} is given the year {written!r}, but it was held in {held}"


def test_a_year_mismatch_and_an_unknown_name_on_one_line() -> None:
    profile = parse_profile(f"{OBSERVED}• 19MSP - 2020, Oslo Diplomatic Conference\n")
    (problem,) = profile.unparsed
    assert problem.reason == (
        "19MSP is given the year '2020', but it was held in 2021 (2021-11-15 to 2021-11-19); "
        "not a meeting code or name in the observer list: 'Oslo Diplomatic Conference'"
    )


def test_a_code_the_data_does_not_know_is_read_with_its_year() -> None:
    profile = parse_profile(f"{OBSERVED}• 40MSP (2041)\n")
    assert (profile.observer_meetings, profile.unparsed) == (("40MSP",), ())


def _meetings(*records: tuple[str, dt.date | None]) -> tuple[Meeting, ...]:
    return tuple(
        Meeting(code=code, kind=MeetingKind.MSP, name=f"Meeting {code}", start=start, end=start)
        for code, start in records
    )


def test_years_are_checked_with_the_meetings_given() -> None:
    made_up = _meetings(("19MSP", dt.date(2030, 5, 1)), ("20MSP", None))
    ds = Dataset(metadata=Metadata(data_version="test-1"), meetings=made_up)
    page = f"{OBSERVED}• 19MSP (2030)\n• 20MSP - 1990\n• 19MSP - 2021\n"
    profile = parse_profile(page, meetings=ds)
    assert profile.observer_meetings == ("19MSP", "20MSP")  # 20MSP has no dates to check
    (problem,) = profile.unparsed
    assert problem.line == 4
    assert "held in 2030 (2030-05-01 to 2030-05-01)" in problem.reason
    assert profile.checked_with == "test-1"
    table = parse_profile(page, meetings=ds.meetings)
    assert table.checked_with == "MeetingTable of 2 meetings"
    assert table.observer_meetings == profile.observer_meetings


def test_the_bundled_data_is_loaded_only_when_a_year_is_checked(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def refuse() -> Dataset:
        raise AssertionError("the bundled data was loaded")

    monkeypatch.setattr("apmbc.io._bundled.load", refuse)
    profile = parse_profile(f"{OBSERVED}• 19MSP, 20MSP (Geneva)\n")
    assert profile.observer_meetings == ("19MSP", "20MSP")
    assert profile.checked_with is None
    assert [u.reason for u in profile.unparsed] == [
        "not a meeting code or name in the observer list: '(Geneva)'"
    ]


@pytest.mark.parametrize("meetings", ["bundled", 3, ["19MSP"], apmbc.load().states])
def test_meetings_of_the_wrong_type_are_refused(meetings: object) -> None:
    with pytest.raises(ArgumentTypeError, match="meetings must be a Dataset, a MeetingTable"):
        parse_profile(OBSERVED, meetings=meetings)  # type: ignore[arg-type]
    with pytest.raises(ArgumentTypeError, match="meetings must be a Dataset, a MeetingTable"):
        apmbc.read_profile("no-such-file.txt", meetings=meetings)  # type: ignore[arg-type]


# -- empty bullets --------------------------------------------------------------------------------


def test_empty_bullets_are_skipped_silently() -> None:
    page = f"{OBSERVED}•\n- \n• 1MSP\n  •  \n*\n–\n• 2MSP\n"
    profile = parse_profile(page)
    assert (profile.observer_meetings, profile.unparsed) == (("1MSP", "2MSP"), ())


# -- headings are read in bounded time ------------------------------------------------------------


@settings(max_examples=300)
@given(
    st.lists(
        st.sampled_from(
            [
                "The State not party",
                "Freedonia",
                " has",
                " most recently",
                " participated",
                " voted",
                " indicated",
                " that",
                " moratorium",
                " in 8 of the 27",
                " as follows",
                " meetings",
                " on its",
                ",",
                ":",
                " - ",
                " 1MSP",
                " Abstained",
                " 2021",
                '"',
                "(",
            ]
        )
        | st.text(max_size=12),
        max_size=30,
    )
)
def test_classify_gives_a_heading_or_none_for_any_line(pieces: list[str]) -> None:
    text = " ".join("".join(pieces).split())
    found = classify(text)
    if found is not None:
        assert found.section in (OBSERVER, VOTES, STATEMENTS)
        assert found.who and len(text) <= MAX_HEADING


VERBS = str.split(
    "participated taken-part took-part attended been-present been-represented voted "
    "cast-its-votes cast-the-following-votes indicated stated declared said expressed noted "
    "explained affirmed reaffirmed announced reported confirmed commented remarked provided "
    "shared communicated made-the-following-statements put-in-place established adopted "
    "introduced imposed enacted maintained instituted destroyed observed observes maintains "
    "applies applied"
)


@pytest.mark.parametrize("verb", VERBS)
def test_every_verb_passes_the_quick_test(verb: str) -> None:
    """The quick test (the verb's first word) lets every verb the pattern reads through."""
    from apmbc.io.profile import _headings

    phrase = verb.replace("-", " ")
    assert _headings._VERB.fullmatch(phrase) is not None
    assert phrase.split()[0] in _headings._VERB_WORDS
