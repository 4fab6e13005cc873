"""Tests for apmbc.io.final_report (the final reports of the meetings) and the domain rules it
added: cardinal numbers, UN-style name variants, the Convention's document symbols, date ranges.

Every document under tests/final_reports/ is invented for these tests (see its README).
"""

from __future__ import annotations

import datetime as dt
import doctest
import importlib
import re
import textwrap
from pathlib import Path

import attrs
import pytest
from test_bad_inputs import call_with_guard

import apmbc
from apmbc.domain.dates import find_date_ranges, month_of
from apmbc.domain.meetings import (
    find_convention_symbols,
    meeting_of_symbol,
    parse_convention_symbol,
)
from apmbc.domain.names import un_name_variants
from apmbc.domain.numbers import cardinal
from apmbc.errors import ArgumentError, ArgumentTypeError, ParseError
from apmbc.io.final_report import (
    ABSENCE_EVIDENCE,
    FinalReport,
    ReportSection,
    looks_like_final_report,
    parse_final_report,
    read_final_report,
)
from apmbc.models import (
    AttendanceRole,
    Meeting,
    MeetingKind,
    Source,
    SourceKind,
    TreatyStatus,
)
from apmbc.validation import FileKind, check_paths, detect_kind

REPORTS = Path(__file__).resolve().parent / "final_reports"


# -- the domain ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("164", 164),
        ("1,250", 1250),
        (" 7 ", 7),
        ("zero", 0),
        ("One", 1),
        ("nineteen", 19),
        ("Twenty", 20),
        ("Ninety-four", 94),
        ("ninety four", 94),
        ("a hundred", 100),
        ("one hundred", 100),
        ("one hundred and twelve", 112),
        ("one hundred twelve", 112),
        ("two thousand and five", 2005),
        ("nine hundred ninety-nine thousand nine hundred and ninety-nine", 999_999),
        ("", None),
        ("and", None),
        ("hundred", None),
        ("twenty-first", None),
        ("one hundred and", None),
        ("one two", None),
        ("ten hundred", None),
        ("eleven hundred", None),
        ("zero zero", None),
        ("94 hundred", None),
        ("1,25", None),
        ("1234567", None),
        ("States", None),
        ("twenty " * 30, None),
    ],
)
def test_cardinal(words: str, expected: int | None) -> None:
    assert cardinal(words) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Canada", ["Canada"]),
        (
            "Iran (Islamic Republic of)",
            ["Iran (Islamic Republic of)", "Islamic Republic of Iran", "Iran"],
        ),
        (
            "Bolivia  (Plurinational State of) ",
            ["Bolivia (Plurinational State of)", "Plurinational State of Bolivia", "Bolivia"],
        ),
        (
            "Netherlands (Kingdom of the)",
            ["Netherlands (Kingdom of the)", "Kingdom of the Netherlands", "Netherlands"],
        ),
        ("Korea, Republic of", ["Korea, Republic of", "Republic of Korea", "Korea"]),
        (
            "Congo, Democratic Republic of the",
            ["Congo, Democratic Republic of the", "Democratic Republic of the Congo"],
        ),
        ("Gambia, The", ["Gambia, The", "The Gambia", "Gambia"]),
        # A bracket that is no formal style is left whole: the data lists it as an alias.
        ("Holy See (Vatican City State)", ["Holy See (Vatican City State)"]),
        ("Bonaire, Sint Eustatius and Saba", ["Bonaire, Sint Eustatius and Saba"]),
        ("(Islamic Republic of)", ["(Islamic Republic of)"]),
        ("x" * 200 + " (of)", ["x" * 200 + " (of)"]),
    ],
)
def test_un_name_variants(name: str, expected: list[str]) -> None:
    assert un_name_variants(name) == expected


@pytest.mark.parametrize(
    ("raw", "text", "kind", "number", "year", "document", "meeting"),
    [
        ("APLC/MSP.21/2023/14", "APLC/MSP.21/2023/14", MeetingKind.MSP, 21, 2023, "14", "21MSP"),
        ("aplc/msp.1/1999/4", "APLC/MSP.1/1999/4", MeetingKind.MSP, 1, 1999, "4", "1MSP"),
        ("APLC/MSP. 4/2002/1/add.1", "APLC/MSP.4/2002/1/Add.1", MeetingKind.MSP, 4, 2002,
         "1/Add.1", "4MSP"),
        ("APLC/MSP.22/2025/INF.1", "APLC/MSP.22/2025/INF.1", MeetingKind.MSP, 22, 2025, "INF.1",
         "22MSP"),
        ("APLC / CONF / 2024 / 5", "APLC/CONF/2024/5", MeetingKind.REVIEW_CONFERENCE, None, 2024,
         "5", None),
        ("APLC/CONF/2019/PM.2/2", "APLC/CONF/2019/PM.2/2", MeetingKind.PREPARATORY, None, 2019,
         "2", None),
    ],
)  # fmt: skip
def test_parse_convention_symbol(
    raw: str,
    text: str,
    kind: MeetingKind,
    number: int | None,
    year: int,
    document: str,
    meeting: str | None,
) -> None:
    symbol = parse_convention_symbol(raw)
    assert symbol is not None
    assert (symbol.text, symbol.kind, symbol.number, symbol.year, symbol.document) == (
        text,
        kind,
        number,
        year,
        document,
    )
    assert symbol.meeting == meeting == meeting_of_symbol(raw)


@pytest.mark.parametrize(
    "raw",
    ["", "APLC/MSP.0/2023/1", "APLC/MSP.21/2023", "APLC/MSP.21/1899/1", "A/RES/77/63",
     "APLC/SC/2005/1", "APLC/MSP.21/2023/14" + "/Add.1" * 30, "MSP.21/2023/14"],
)  # fmt: skip
def test_not_convention_symbols(raw: str) -> None:
    assert parse_convention_symbol(raw) is None
    assert meeting_of_symbol(raw) is None


def test_find_convention_symbols() -> None:
    text = (
        "Final report (APLC/MSP.21/2023/14), corrected by APLC/MSP.21/2023/14/Corr.1; not "
        "XAPLC/MSP.2/2000/1 nor APLC/MSP.2/2000/1/x, and APLC/CONF/2024/5."
    )
    assert [(f.written, f.symbol.text) for f in find_convention_symbols(text)] == [
        ("APLC/MSP.21/2023/14", "APLC/MSP.21/2023/14"),
        ("APLC/MSP.21/2023/14/Corr.1", "APLC/MSP.21/2023/14/Corr.1"),
        ("APLC/CONF/2024/5", "APLC/CONF/2024/5"),
    ]
    assert len(find_convention_symbols(text, limit=1)) == 1


D = dt.date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Geneva, 20-24 November 2023", [(D(2023, 11, 20), D(2023, 11, 24))]),
        ("held from 20 to 24 November 2023.", [(D(2023, 11, 20), D(2023, 11, 24))]),
        ("on 3–5 May 1999", [(D(1999, 5, 3), D(1999, 5, 5))]),
        ("28 November - 2 December 2005", [(D(2005, 11, 28), D(2005, 12, 2))]),
        ("27 December 2024 to 3 January 2025", [(D(2024, 12, 27), D(2025, 1, 3))]),
        ("28 December to 3 January 2025", [(D(2024, 12, 28), D(2025, 1, 3))]),
        ("November 20-24, 2023", [(D(2023, 11, 20), D(2023, 11, 24))]),
        ("Nov. 30 – Dec. 4, 2015", [(D(2015, 11, 30), D(2015, 12, 4))]),
        ("30 to 2 December 2023", [(None, None)]),
        ("31 February to 2 March 2020", [(None, None)]),
        ("on 7 December 2022", []),
        ("2022-12-07", []),
        ("from 1 to 3 and from 5 to 7 June 2024", [(D(2024, 6, 5), D(2024, 6, 7))]),
    ],
)
def test_find_date_ranges(text: str, expected: list[tuple[dt.date | None, dt.date | None]]) -> None:
    assert [(r.first, r.last) for r in find_date_ranges(text)] == expected


@pytest.mark.parametrize(
    ("word", "month"),
    [("December", 12), ("dec", 12), ("Sept.", 9), ("Sep", 9), ("MAY", 5), ("Mays", None),
     ("Geneva", None), ("", None), ("Decembers", None), ("x" * 20, None)],
)  # fmt: skip
def test_month_of(word: str, month: int | None) -> None:
    assert month_of(word) == month


def test_date_range_span_and_limit() -> None:
    text = "x 1-2 May 2020, y 3-4 May 2020"
    found = find_date_ranges(text)
    assert [text[r.start : r.end] for r in found] == ["1-2 May 2020", "3-4 May 2020"]
    assert [r.text for r in found] == ["1-2 May 2020", "3-4 May 2020"]
    assert len(find_date_ranges(text, limit=1)) == 1


@pytest.mark.parametrize(
    "module",
    ["apmbc.domain.names", "apmbc.domain.numbers", "apmbc.domain.meetings", "apmbc.domain.dates"],
)
def test_domain_examples(module: str) -> None:
    result = doctest.testmod(importlib.import_module(module))
    assert result.attempted > 0
    assert result.failed == 0


# -- the documents ------------------------------------------------------------------------------

PARTY, OBSERVER = AttendanceRole.STATE_PARTY, AttendanceRole.OBSERVER
BOUND = (TreatyStatus.PARTY, TreatyStatus.WITHDRAWING)


@pytest.fixture(scope="module")
def ds() -> apmbc.Dataset:
    return apmbc.load()


def report(name: str, **kwargs: object) -> FinalReport:
    return read_final_report(REPORTS / name, **kwargs)  # type: ignore[arg-type]


def facts(r: FinalReport) -> set[tuple[str, bool, AttendanceRole | None]]:
    return {(a.state, a.attended, a.role) for a in r.attendances}


def not_bound(ds: apmbc.Dataset, day: dt.date) -> set[str]:
    """The States not bound on ``day``, that existed then (by their UN admission, if given)."""
    return {
        s.code
        for s in ds.states
        if ds.status_on(s, day) not in BOUND
        and (s.un_member_since is None or s.un_member_since <= day)
    }


PDF_PARTIES = str.split(
    "AFG ALB DZA AGO ARG AUS AUT BEL BOL CAN CHL BIH BRA KHM COL CIV HRV COD ECU ETH FRA DEU GNB "
    "VAT IRQ ITA JPN JOR MEX MOZ NLD NGA NOR PHL SEN SSD LKA PSE SDN CHE THA TUR UKR GBR VEN YEM "
    "ZMB ZWE"
)
PDF_OBSERVERS = ["CHN", "EGY", "IRN", "MHL", "MAR", "SGP", "USA"]
PDF_ABSENT = str.split(
    "ARE ARM AZE BHR CUB FSM GEO IND ISR KAZ KGZ KOR LAO LBN LBY MMR MNG NPL PAK PRK RUS SAU SYR "
    "TON UZB VNM"
)


def test_pdf_text_gives_exactly_its_attendances() -> None:
    r = report("21msp-pdf-text.txt")
    assert (r.meeting, r.symbol, r.kind, r.number) == (
        "21MSP",
        "APLC/MSP.21/2023/14",
        MeetingKind.MSP,
        21,
    )
    assert list(r.states_parties) == PDF_PARTIES  # over the page break, in the report's order
    assert list(r.observers) == PDF_OBSERVERS
    assert sorted(r.absent) == PDF_ABSENT
    assert facts(r) == (
        {(c, True, PARTY) for c in PDF_PARTIES}
        | {(c, True, OBSERVER) for c in PDF_OBSERVERS}
        | {(c, False, None) for c in PDF_ABSENT}
    )
    assert len(r.attendances) == len(PDF_PARTIES) + len(PDF_OBSERVERS) + len(PDF_ABSENT)
    assert r.complete
    assert r.problems == ()


def test_pdf_text_artefacts() -> None:
    r = report("21msp-pdf-text.txt")
    names = {s.state: s.name for s in r.states}
    assert names["BIH"] == "Bosnia and Herzegovina"  # "Herze-" / page break / "govina"
    assert names["GNB"] == "Guinea-Bissau"  # broken at its own hyphen: the hyphen stays
    assert names["CAN"] == "Canada"  # "Canada1": the footnote mark is not part of the name
    assert names["PSE"] == "State of Palestine"  # "State of Palestine*"
    assert names["BOL"] == "Bolivia (Plurinational State of)"
    assert names["GBR"] == "United Kingdom of Great Britain and Northern Ireland"
    lines = {s.state: s.line for s in r.states}
    assert (lines["AFG"], lines["BIH"], lines["BRA"], lines["ZWE"]) == (32, 34, 41, 46)
    [footnote] = r.unread
    assert footnote.line == 36 and footnote.text.startswith("1 An invented footnote")
    assert "footnote" in footnote.reason


def test_pdf_text_facts_of_the_organisation_section() -> None:
    r = report("21msp-pdf-text.txt")
    assert (r.start, r.end, r.city, r.country) == (
        dt.date(2023, 11, 20),
        dt.date(2023, 11, 24),
        "Geneva",
        "CHE",
    )
    assert r.title == "Twenty-first Meeting of the States Parties"
    assert r.president is not None
    assert (r.president.person, r.president.title, r.president.state) == (
        "Erika Beispiel",
        "Ambassador",
        "DEU",
    )
    assert [o.name for o in r.organisations] == [
        "United Nations",
        "International Committee of the Red Cross (ICRC)",
        "Geneva International Centre for Humanitarian Demining (GICHD)",
        "International Campaign to Ban Landmines (ICBL)",
    ]
    assert [(c.section, c.number, c.line) for c in r.counts] == [
        (None, 55, 58),
        (ReportSection.STATES_PARTIES, 48, 58),
        (ReportSection.OBSERVERS, 7, 58),
    ]
    assert r.stated is not None
    assert (r.stated.states_parties, r.stated.observer_states, r.stated.total_states) == (48, 7, 55)
    assert (r.listed.states_parties, r.listed.observer_states, r.listed.total_states) == (48, 7, 55)
    assert [(x.section, x.line, x.entries, x.complete) for x in r.lists] == [
        (ReportSection.STATES_PARTIES, 32, 48, True),
        (ReportSection.OBSERVERS, 48, 7, True),
        (ReportSection.ORGANISATIONS, 52, 4, True),
    ]


def test_every_fact_cites_the_report() -> None:
    r = report("21msp-pdf-text.txt", source="https://example.org/invented-report.pdf")
    cited = Source(
        citation="APLC/MSP.21/2023/14",
        title="Final report of the Twenty-First Meeting of the States Parties",
        note="the organisation section: participants, counts, President, dates",
        kind=SourceKind.CONVENTION,
    )
    assert r.sources == (cited, Source(url="https://example.org/invented-report.pdf"))
    assert all(a.sources == r.sources for a in r.attendances)
    assert r.president is not None and r.president.sources == r.sources
    absent = next(a for a in r.attendances if not a.attended)
    assert absent.evidence == ABSENCE_EVIDENCE.format(report="the final report APLC/MSP.21/2023/14")
    assert absent.evidence == (
        "Not among the States listed as participating in the final report APLC/MSP.21/2023/14 "
        "(a complete list)"
    )
    assert not any(a.inferred for a in r.attendances)


def test_html_review_conference() -> None:
    r = report("5rc-html.html")
    assert (r.meeting, r.symbol, r.kind, r.number) == (
        "5RC",
        "APLC/CONF/2024/9",
        MeetingKind.REVIEW_CONFERENCE,
        5,
    )  # a conference's symbol names its year; the data knows the conference held in 2024
    parties = ["AGO", "KHM", "CAN", "CHL", "COL", "NLD", "NOR", "THA", "UKR", "ZWE"]
    assert list(r.states_parties) == parties
    assert r.signatories == ("MHL",)
    assert r.observers == ("MHL", "CHN", "LAO", "VNM")
    day = dt.date(2024, 11, 25)
    absent = not_bound(apmbc.load(), day) - {"MHL", "CHN", "LAO", "VNM"}
    assert facts(r) == (
        {(c, True, PARTY) for c in parties}
        | {(c, True, OBSERVER) for c in ("MHL", "CHN", "LAO", "VNM")}
        | {(c, False, None) for c in absent}
    )
    assert len(absent) == 29
    assert (r.start, r.end, r.city, r.country) == (day, dt.date(2024, 11, 29), "Siem Reap", "KHM")
    assert r.president is not None
    assert (r.president.person, r.president.title, r.president.state) == (
        "Example Sokha",
        "Senior Minister",
        "KHM",
    )
    assert [(c.section, c.number) for c in r.counts] == [
        (None, 14),
        (ReportSection.STATES_PARTIES, 10),
    ]
    assert r.unread == () and r.problems == ()


def test_early_report_with_states_not_yet_bound_and_signatories() -> None:
    r = report("3msp-early.txt")
    assert r.meeting == "3MSP" and r.status_day == dt.date(2001, 9, 18)
    parties = ["AUT", "BEL", "KHM", "CAN", "JPN", "MEX", "MOZ", "NIC", "NOR", "ZAF"]
    pending = ["CHL", "ERI", "MLT", "URY"]
    signatories = ["GRC", "IDN", "POL", "UKR"]
    others = ["CHN", "EGY", "FIN", "USA"]
    assert list(r.states_parties) == parties
    assert list(r.not_yet_in_force) == pending
    assert list(r.signatories) == signatories
    assert list(r.observers) == signatories + others
    listed = set(parties + pending + signatories + others)
    absent = not_bound(apmbc.load(), r.status_day) - listed
    assert facts(r) == (
        {(c, True, PARTY) for c in parties}
        # States whose instrument was not yet in force take part as observers (not bound)
        | {(c, True, OBSERVER) for c in pending + signatories + others}
        | {(c, False, None) for c in absent}
    )
    # Montenegro and South Sudan did not exist as States in 2001: no absence is implied
    assert "MNE" not in r.absent and "SSD" not in r.absent
    assert "CPV" in r.absent  # not yet bound, not listed
    assert r.stated is not None
    assert (r.stated.states_parties, r.stated.not_yet_in_force, r.stated.observer_states) == (
        10,
        4,
        8,
    )  # "Ten", "four", "eight": counts in words; the observers' count covers both lists
    assert r.president is not None
    assert (r.president.person, r.president.title, r.president.state) == (
        "Invented Person",
        "Minister of Foreign Affairs",
        "NIC",
    )
    assert (r.city, r.country) == ("Managua", "NIC")
    assert r.unread == () and r.problems == ()


def test_a_report_that_disagrees_with_itself_is_reported_not_trusted() -> None:
    r = report("17msp-problems.txt")
    assert r.meeting == "17MSP"  # the symbol, not the title
    messages = [p.message for p in r.problems]
    assert messages[0] == (
        "the report's title names 16MSP, but its symbol names 17MSP; read as a report of 17MSP"
    )
    assert any(
        m.startswith("Canada (CAN) is listed again (first among the States Parties, line 10)")
        for m in messages
    )
    assert any(
        m.startswith("Sri Lanka (LKA) is listed among the States not parties") for m in messages
    )
    assert (
        "the report states 12 ('12 States Parties participated in the Meeting') but its list of "
        "the States Parties names 11; the stated count is kept as stated"
    ) in messages
    assert any(m.startswith("the report states 15 ") and "names 14" in m for m in messages)
    assert [(c.section, c.number) for c in r.counts] == [
        (ReportSection.STATES_PARTIES, 12),
        (None, 15),
    ]
    assert r.stated is not None and r.stated.states_parties == 12  # kept as stated
    assert r.listed.states_parties == 11
    [atlantis] = r.unread
    assert (atlantis.line, atlantis.text) == (10, "Atlantis")
    # Sri Lanka stays where the report lists it: it attended, as an observer
    assert ("LKA", True, OBSERVER) in facts(r)
    # "Saint Kitts and Nevis and Samoa" is two States, "and" before the last name
    assert ("KNA", True, PARTY) in facts(r) and ("WSM", True, PARTY) in facts(r)
    assert [a.state for a in r.attendances].count("CAN") == 1
    listed = {"DZA", "CAN", "DNK", "GHA", "PER", "KNA", "WSM", "SEN", "TUN", "EGY", "IND", "LKA"}
    assert {s.state for s in r.states} == listed
    assert set(r.absent) == not_bound(apmbc.load(), dt.date(2018, 11, 26)) - listed


def test_one_name_per_line() -> None:
    r = report("19msp-one-per-line.txt")
    assert r.states_parties == ("AFG", "BEL", "BIH", "NLD", "CHE")
    assert r.observers == ("CHN", "MAR", "KOR", "USA")
    assert (r.city, r.start, r.end) == ("The Hague", dt.date(2021, 11, 15), dt.date(2021, 11, 19))
    assert r.president is not None
    assert (r.president.person, r.president.state) == ("Invented Chair", "NLD")
    assert set(r.absent) == not_bound(apmbc.load(), dt.date(2021, 11, 15)) - {
        "CHN",
        "MAR",
        "KOR",
        "USA",
    }
    assert r.unread == () and r.problems == ()


def test_a_truncated_list_implies_no_absences() -> None:
    r = report("truncated-list.txt")
    assert r.states_parties == ("CHL", "COL", "PER")
    assert r.observers == ("CHN", "EGY")
    assert r.absent == () and not r.complete
    assert [(u.line, u.text) for u in r.unread] == [(11, "Ind")]  # not India's code
    assert any("seems cut off" in p.message and p.line == 10 for p in r.problems)
    assert facts(r) == {(c, True, PARTY) for c in ("CHL", "COL", "PER")} | {
        (c, True, OBSERVER) for c in ("CHN", "EGY")
    }


# -- a participation section generated from the bundled data, parsed back ------------------------


def _wrapped(names: list[str]) -> list[str]:
    """Names as one sentence of a PDF, wrapped at 88 characters ("and" before the last)."""
    sentence = ", ".join(names[:-1]) + f" and {names[-1]}." if len(names) > 1 else f"{names[0]}."
    return textwrap.wrap(sentence, 88, break_on_hyphens=False, break_long_words=False)


def _with_page_break(lines: list[str], symbol: str) -> list[str]:
    """A page break in the middle: a footnote, the foot and the head of the pages, and the
    first long word of the next line broken with a hyphen across the break."""
    if len(lines) < 3:
        return lines
    at = len(lines) // 2
    head, tail = lines[at - 1], lines[at]
    first, _, rest = tail.partition(" ")
    before, _, last = head.rpartition(" ")
    if len(first.rstrip(",.")) >= 5 and first.rstrip(",.").isalpha():
        head, tail = f"{head} {first[:3]}-", first[3:] + (f" {rest}" if rest else "")
    elif len(last.rstrip(",.")) >= 5 and last.rstrip(",.").isalpha():
        head, tail = f"{before} {last[:3]}-", f"{last[3:]} {tail}"
    return [
        *lines[: at - 1],
        head,
        "__________",
        "  1 A footnote the generator writes at the foot of the page.",
        "                                                  GE.00-00000(E)",
        f"\f{symbol}",
        "",
        "2",
        tail,
        *lines[at + 1 :],
    ]


def generated_report(
    ds: apmbc.Dataset, meeting: Meeting
) -> tuple[str, dict[ReportSection, list[str]]]:
    """A final report's participation section for a bundled meeting: every State Party on its
    first day, and the observers the bundled data knows, in the lists their statuses give."""
    assert meeting.start is not None and meeting.end is not None and meeting.number is not None
    day = meeting.start
    lists: dict[ReportSection, list[str]] = {
        ReportSection.STATES_PARTIES: [s.code for s in ds.parties_on(day)],
        ReportSection.NOT_YET_IN_FORCE: [],
        ReportSection.SIGNATORIES: [],
        ReportSection.OBSERVERS: [],
    }
    observers = dict.fromkeys(
        a.state for a in ds.attendances if a.meeting == meeting.code and a.attended
    )
    for code in observers:
        status = ds.status_on(code, day)
        if status is TreatyStatus.JOINING:
            lists[ReportSection.NOT_YET_IN_FORCE].append(code)
        elif status is TreatyStatus.SIGNATORY:
            lists[ReportSection.SIGNATORIES].append(code)
        else:
            lists[ReportSection.OBSERVERS].append(code)
    review = meeting.kind is MeetingKind.REVIEW_CONFERENCE
    symbol = f"APLC/CONF/{day.year}/99" if review else f"APLC/MSP.{meeting.number}/{day.year}/99"
    body = "the Conference" if review else "the Meeting"
    headings = {
        ReportSection.STATES_PARTIES: f"The following States Parties participated in {body}:",
        ReportSection.NOT_YET_IN_FORCE: "The following States that had ratified or acceded to the "
        "Convention, but for which it had not yet entered into force, participated in "
        f"{body} as observers:",
        ReportSection.SIGNATORIES: (
            f"The following signatory States participated in {body} as observers:"
        ),
        ReportSection.OBSERVERS: (
            f"The following States not parties to the Convention participated in {body} as "
            "observers:"
        ),
    }
    out = [
        symbol,
        "",
        meeting.name,
        f"{meeting.city}, {day.day} {day:%B %Y} to {meeting.end.day} {meeting.end:%B %Y}",
        "",
        f"1. {meeting.name} was held in {meeting.city} from {day.day} {day:%B %Y} to "
        f"{meeting.end.day} {meeting.end:%B %Y}.",
    ]
    number = 2
    for section, codes in lists.items():
        if not codes:
            continue
        names = [ds.state(c).name for c in codes]
        out += ["", *textwrap.wrap(f"{number}. {headings[section]}", 88)]
        wrapped = _wrapped(names)
        out += (
            _with_page_break(wrapped, symbol)
            if section is ReportSection.STATES_PARTIES
            else wrapped
        )
        number += 1
    total = sum(len(c) for c in lists.values())
    out += ["", f"{number}. A total of {total} States participated in {body}.", ""]
    return "\n".join(out), lists


_FORMAL = [
    m.code
    for m in apmbc.load().meetings
    if m.kind in (MeetingKind.MSP, MeetingKind.REVIEW_CONFERENCE) and m.start is not None
]


@pytest.mark.parametrize("code", _FORMAL)
def test_generated_participation_section_reads_back(ds: apmbc.Dataset, code: str) -> None:
    meeting = ds.meeting(code)
    text, lists = generated_report(ds, meeting)
    assert meeting.start is not None
    r = parse_final_report(text, dataset=ds)
    assert r.meeting == code
    assert (r.start, r.end, r.city) == (meeting.start, meeting.end, meeting.city)
    assert list(r.states_parties) == lists[ReportSection.STATES_PARTIES]
    assert list(r.not_yet_in_force) == lists[ReportSection.NOT_YET_IN_FORCE]
    assert list(r.signatories) == lists[ReportSection.SIGNATORIES]
    assert list(r.observers) == lists[ReportSection.SIGNATORIES] + lists[ReportSection.OBSERVERS]
    listed = {c for codes in lists.values() for c in codes}
    # the one footnote is reported; nothing else is unread
    assert [u.reason for u in r.unread] == [
        "a footnote in the middle of a list of participants: not read"
    ]
    if not any(
        lists[s]
        for s in (
            ReportSection.NOT_YET_IN_FORCE,
            ReportSection.SIGNATORIES,
            ReportSection.OBSERVERS,
        )
    ):
        # the data knows no observer of this meeting: a report without that list implies nothing
        assert not r.complete and r.absent == ()
        assert [p.message for p in r.problems] == [
            "the report has no list of States not parties participating as observers: no "
            "absences are derived"
        ]
        return
    assert r.complete and r.problems == ()
    assert set(r.absent) == not_bound(ds, meeting.start) - listed
    # every absence the bundled data records is implied, but where the data also has the State
    # attending (two sources that disagree, kept side by side)
    attended = {a.state for a in ds.attendances if a.meeting == code and a.attended}
    recorded_absent = {a.state for a in ds.attendances if a.meeting == code and not a.attended}
    assert recorded_absent - attended <= set(r.absent)


def test_generated_sections_break_words_over_the_page_break(ds: apmbc.Dataset) -> None:
    texts = [generated_report(ds, ds.meeting(code))[0] for code in _FORMAL]
    broken = [t for t in texts if re.search(r"[a-z]-\n_{10}\n", t)]
    assert len(broken) >= len(texts) // 2  # so that the test above reads broken words back


def test_every_state_name_of_the_data_reads_back(ds: apmbc.Dataset) -> None:
    names = [(s.code, n) for s in ds.states for n in (s.name, *s.aliases, *s.former_names)]
    names = [(c, n) for c, n in names if "," not in n and len(n) > 3]  # "Korea, Republic of"
    text = "21MSP\n\nThe following States Parties participated in the Meeting:\n" + "\n".join(
        n for _, n in names
    )
    r = parse_final_report(text, dataset=ds)
    assert [(s.state, s.name) for s in r.states] == [
        (c, n) for i, (c, n) in enumerate(names) if c not in {x for x, _ in names[:i]}
    ]
    assert r.unread == ()


# -- arguments ----------------------------------------------------------------------------------

SMALL = """The following States Parties participated in the Meeting: Chile and Peru.
The following States not parties to the Convention participated in the Meeting as observers:
China and Egypt.
"""


def test_meeting_argument_names_the_meeting(ds: apmbc.Dataset) -> None:
    for key in ("19MSP", "Nineteenth Meeting of the States Parties", "19 MSP", "nineteenth msp"):
        r = parse_final_report(SMALL, meeting=key, dataset=ds)
        assert r.meeting == "19MSP", key
        assert r.status_day == dt.date(2021, 11, 15)  # the data's first day: the text has none
        assert r.problems == ()
        assert r.meeting_name == "Nineteenth Meeting of the States Parties"
    with pytest.raises(ParseError, match=r"names no meeting.*pass meeting="):
        parse_final_report(SMALL, dataset=ds)


def test_meeting_argument_overrules_the_text_and_says_so(ds: apmbc.Dataset) -> None:
    r = report("21msp-pdf-text.txt", meeting="20MSP")
    assert r.meeting == "20MSP"
    assert [p.message for p in r.problems[:2]] == [
        "the report's symbol names 21MSP, but the meeting argument names 20MSP; read as a "
        "report of 20MSP",
        "the report's title names 21MSP, but the meeting argument names 20MSP; read as a "
        "report of 20MSP",
    ]
    assert any("the data gives 2022-11-21 to 2022-11-25" in p.message for p in r.problems)


def test_a_meeting_the_data_lacks(ds: apmbc.Dataset) -> None:
    text = (
        "Twenty-third Meeting of the States Parties\nheld in Geneva from 7 to 11 December 2026.\n"
    )
    r = parse_final_report(text + SMALL, dataset=ds)
    assert (r.meeting, r.kind, r.number, r.meeting_name) == (
        "23MSP",
        MeetingKind.MSP,
        23,
        "Twenty-third Meeting of the States Parties",
    )
    assert r.start == dt.date(2026, 12, 7) and r.complete  # the report's own dates suffice
    r = parse_final_report(SMALL, meeting="24MSP", dataset=ds)
    assert not r.complete and r.absent == ()
    assert [p.message for p in r.problems] == [
        "the dates of 24MSP are not known (not in the report, not in the data): no absences "
        "are derived"
    ]


def test_review_conference_symbol_of_a_year_without_one(ds: apmbc.Dataset) -> None:
    r = parse_final_report("APLC/CONF/2023/4\nFifth Review Conference\n" + SMALL, dataset=ds)
    assert r.meeting == "5RC"  # from the title, since no conference was held in 2023
    assert r.problems[0].message.startswith("the symbol APLC/CONF/2023/4 is a Review Conference's")


@pytest.mark.parametrize(
    ("kwargs", "error", "match"),
    [
        ({"meeting": "99XYZ"}, ArgumentError, "unknown meeting '99XYZ'"),
        ({"meeting": 21}, ArgumentTypeError, "meeting must be a code or name"),
        ({"source": 3}, ArgumentTypeError, "source must be a str or a Source"),
        ({"dataset": "bundled"}, ArgumentTypeError, "dataset must be a Dataset"),
    ],
)
def test_bad_arguments(kwargs: dict[str, object], error: type[Exception], match: str) -> None:
    with pytest.raises(error, match=match):
        parse_final_report(SMALL, **kwargs)  # type: ignore[arg-type]


def test_a_meeting_record_is_refused_with_a_hint(ds: apmbc.Dataset) -> None:
    with pytest.raises(ArgumentTypeError, match=r"pass meeting\.code"):
        parse_final_report(SMALL, meeting=ds.meeting("19MSP"))  # type: ignore[arg-type]


@pytest.mark.parametrize("text", [b"The following States Parties participated: Chile.", None, 3])
def test_text_that_is_not_a_str(text: object) -> None:
    with pytest.raises(ParseError, match="expected the report as text"):
        parse_final_report(text, meeting="19MSP")  # type: ignore[arg-type]


def test_sources(ds: apmbc.Dataset) -> None:
    r = parse_final_report(SMALL, meeting="19MSP", dataset=ds)
    assert r.sources == (
        Source(
            citation="Final report of the Nineteenth Meeting of the States Parties",
            title="Final report of the Nineteenth Meeting of the States Parties",
            note="the organisation section: participants, counts, President, dates",
            kind=SourceKind.CONVENTION,
        ),
    )
    assert r.cited_as == "the final report of 19MSP"
    given = Source(url="https://example.org/r.pdf", retrieved=dt.date(2026, 1, 2))
    r = parse_final_report(SMALL, meeting="19MSP", source=given, dataset=ds)
    assert r.sources[1] is given and r.sources[0].citation == "https://example.org/r.pdf"
    r = read_final_report(REPORTS / "truncated-list.txt", source="a citation")
    assert [s.citation for s in r.sources] == ["APLC/MSP.20/2022/9", "a citation"]
    path = REPORTS / "19msp-one-per-line.txt"
    text = path.read_text(encoding="utf-8").replace("APLC/MSP.19/2021/12\n", "")
    r = parse_final_report(text, dataset=ds)
    assert r.sources[0].citation == "Final report of the Nineteenth Meeting of the States Parties"


def test_a_smaller_dataset_resolves_fewer_names(ds: apmbc.Dataset) -> None:
    small = ds.replace(
        states=[s for s in ds.states if s.code in {"CHL", "CHN"}],
        metadata=attrs.evolve(ds.metadata, data_version="test-1"),
    )
    r = parse_final_report(SMALL, meeting="19MSP", dataset=small)
    assert r.data_version == "test-1"
    assert r.states_parties == ("CHL",) and r.observers == ("CHN",)
    assert [(u.text, u.reason) for u in r.unread] == [
        ("Peru", "not the name of a State in the data (test-1), in the States Parties"),
        (
            "Egypt",
            "not the name of a State in the data (test-1), in the States not parties "
            "participating as observers",
        ),
    ]
    assert r.absent == ()  # a name of the observers' list not read: it might name any State


# -- names --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Iran (Islamic Republic of)", "IRN"),
        ("Islamic Republic of Iran", "IRN"),
        ("Micronesia (Federated States of)", "FSM"),
        ("Netherlands (Kingdom of the)", "NLD"),
        ("Congo (Democratic Republic of the)", "COD"),
        ("the Democratic Republic of the Congo", "COD"),
        ("Republic of the Congo", "COG"),
        ("Côte d’Ivoire", "CIV"),
        ("COTE D'IVOIRE", "CIV"),
        ("Türkiye", "TUR"),
        ("Turkey", "TUR"),
        ("Swaziland", "SWZ"),
        ("the former Yugoslav Republic of Macedonia", "MKD"),
        ("Holy See (Vatican City State)", "VAT"),
        ("State of Palestine", "PSE"),
        ("Lao People's Democratic Republic", "LAO"),
        ("Canada¹", "CAN"),
        ("Canada *", "CAN"),
        ("Canada12", "CAN"),
        ("and Canada", "CAN"),
    ],
)
def test_names_as_reports_write_them(ds: apmbc.Dataset, name: str, code: str) -> None:
    text = f"21MSP\nThe following States Parties participated in the Meeting:\n{name}\n"
    r = parse_final_report(text, dataset=ds)
    assert r.states_parties == (code,), r.unread


@pytest.mark.parametrize(
    "name",
    [
        "Congo (Plurinational State of)",  # the bare "Congo" names two States: not guessed
        "Korea (the)",
        "Ind",  # India's code, not a name
        "US Virgin Islands",
        "Atlantis",
        "European Union",
    ],
)
def test_names_that_are_no_state_are_reported(ds: apmbc.Dataset, name: str) -> None:
    text = f"21MSP\nThe following States Parties participated in the Meeting: Chile, {name}.\n"
    r = parse_final_report(text, dataset=ds)
    assert r.states_parties == ("CHL",)
    assert [(u.line, u.text) for u in r.unread] == [(2, name)]


@pytest.mark.parametrize(("name", "like"), [("Bosnia and", "BIH"), ("Congo (the)", "COD")])
def test_the_beginning_of_a_name_is_not_taken_for_it(
    ds: apmbc.Dataset, name: str, like: str
) -> None:
    # The dataset's lookups accept an unambiguous beginning of a name; a report's list does not:
    # "Congo (the)" begins the alias "Congo, The Democratic Republic of the", but the UN's
    # "Congo" is the Republic of the Congo.
    assert ds.states.get(name) is not None
    text = f"21MSP\nThe following States Parties participated in the Meeting: Chile, {name}.\n"
    r = parse_final_report(text, dataset=ds)
    assert r.states_parties == ("CHL",)
    [unread] = r.unread
    assert unread.text == name and f"({like}), which is not taken for it" in unread.reason


def test_and_between_names(ds: apmbc.Dataset) -> None:
    text = (
        "21MSP\nThe following States Parties participated in the Meeting: Trinidad and Tobago and "
        "Tunisia, Antigua and Barbuda, Zambia & Zimbabwe, Sao Tome and Principe and Atlantis.\n"
    )
    r = parse_final_report(text, dataset=ds)
    assert r.states_parties == ("TTO", "TUN", "ATG", "ZMB", "ZWE", "STP")
    assert [u.text for u in r.unread] == ["Atlantis"]
    assert r.lists[0].entries == 7


# -- lists, counts and sections ----------------------------------------------------------------


def test_states_in_the_wrong_list_are_reported_and_kept(ds: apmbc.Dataset) -> None:
    text = """3MSP
The following States Parties participated in the Meeting: Canada and China.
The following States which had ratified the Convention, but for which it had not yet entered
into force, participated in the Meeting: Chile and Norway.
The following signatory States participated in the Meeting as observers: Poland and India.
The following States not parties participated in the Meeting as observers: Mexico.
"""
    r = parse_final_report(text, dataset=ds)
    assert r.states_parties == ("CAN", "CHN")
    assert r.not_yet_in_force == ("CHL", "NOR")
    assert r.signatories == ("POL", "IND")
    assert r.observers == ("POL", "IND", "MEX")
    wrong = [
        p.message.split(" is listed among ")[0] for p in r.problems if "by its dates" in p.message
    ]
    assert wrong == ["China (CHN)", "Norway (NOR)", "India (IND)", "Mexico (MEX)"]
    assert ("CHN", True, PARTY) in facts(r) and ("MEX", True, OBSERVER) in facts(r)
    message = next(p.message for p in r.problems if p.message.startswith("Norway"))
    assert message == (
        "Norway (NOR) is listed among the States for which the Convention had not yet entered "
        "into force, but by its dates it was 'party' on 2001-09-18 (the Convention has been in "
        "force for it since 1999-03-01); kept as the report lists it"
    )


def test_counts_of_observers_may_cover_both_lists(ds: apmbc.Dataset) -> None:
    base = """3MSP
The following signatory States participated in the Meeting as observers: Poland and Ukraine.
The following other States participated in the Meeting as observers: China.
{count} States not parties participated in the Meeting as observers.
"""
    for count, problems in (("Three", 0), ("One", 0), ("Two", 1)):
        r = parse_final_report(base.format(count=count), dataset=ds)
        assert len([p for p in r.problems if "the report states" in p.message]) == problems, count


def test_a_count_without_its_list(ds: apmbc.Dataset) -> None:
    text = SMALL + "Four States that had ratified or acceded participated in the Meeting.\n"
    r = parse_final_report(text, meeting="19MSP", dataset=ds)
    assert [p.message for p in r.problems] == [
        "the report states 4 for the States for which the Convention had not yet entered into "
        "force ('Four States that had ratified or acceded participated in the Meeting') but has "
        "no list of them"
    ]


def test_an_explicit_none_is_a_complete_empty_list(ds: apmbc.Dataset) -> None:
    text = SMALL.replace("China and Egypt.", "none.")
    r = parse_final_report(text, meeting="19MSP", dataset=ds)
    assert r.complete and r.observers == ()
    assert set(r.absent) == not_bound(ds, dt.date(2021, 11, 15))


def test_a_list_under_an_unknown_heading_is_reported(ds: apmbc.Dataset) -> None:
    text = SMALL + "The following special guests participated in the Meeting: Atlantis.\n"
    r = parse_final_report(text, meeting="19MSP", dataset=ds)
    assert r.unread[0].text.startswith("The following special guests participated")
    assert "no known kind" in r.unread[0].reason
    assert not r.complete
    assert r.lists[-1].section is None


def test_dates_that_differ_from_the_data(ds: apmbc.Dataset) -> None:
    text = "19MSP\nThe Meeting was held in The Hague from 8 to 12 November 2021.\n" + SMALL
    r = parse_final_report(text, dataset=ds)
    assert r.start == r.status_day == dt.date(2021, 11, 8)
    assert r.problems[0].message == (
        "the report gives 2021-11-08 to 2021-11-12 as the meeting's dates; the data gives "
        "2021-11-15 to 2021-11-19; the report's dates are used"
    )


def test_a_footnote_without_a_rule(ds: apmbc.Dataset) -> None:
    text = """APLC/MSP.21/2023/14
The following States Parties participated in the Meeting: Chile, Colombia,
* An invented footnote, marked with an asterisk,
  over two lines.
GE.23-20000
\fAPLC/MSP.21/2023/14
2 December 2023 was no day of the meeting; Ecuador and Peru.
"""
    r = parse_final_report(text, dataset=ds)
    assert [(u.line, u.text) for u in r.unread] == [
        (3, "* An invented footnote, marked with an asterisk,"),
        (4, "over two lines."),
        # the list goes on after the page break: "2 December 2023 ..." is no footnote (a
        # date), and no State's name either
        (7, "2 December 2023 was no day of the meeting"),
    ]
    assert r.states_parties == ("CHL", "COL", "ECU", "PER")
    assert [p.message for p in r.problems] == [
        "the report has no list of States not parties participating as observers: no absences "
        "are derived"
    ]


# -- HTML ---------------------------------------------------------------------------------------


def test_html_paragraphs_entities_and_marks(ds: apmbc.Dataset) -> None:
    html = (
        "<html><body><p>APLC/MSP.21/2023/14</p><p>Twenty-first Meeting of the States Parties</p>"
        "<p>4. The following States Parties participated in the Meeting: C&ocirc;te d&#8217;Ivoire,"
        " Canada<sup>2</sup>, Bosnia and <br>Herzegovina and Chile.</p><p>5. The following States"
        " not parties participated in the Meeting as observers: China<sup>*</sup> and Egypt.</p>"
        "<script>var x = 'The following States Parties participated: Peru.';</script>"
        "</body></html>"
    )
    r = parse_final_report(html, dataset=ds)
    assert r.states_parties == ("CIV", "CAN", "BIH", "CHL")
    assert r.observers == ("CHN", "EGY")
    assert r.complete and r.unread == () and r.problems == ()


def test_html_too_large_is_refused_with_its_line() -> None:
    html = "<html><body>\n" + "<b></b>" * 60_000 + "\n<p>The following States Parties</p>"
    error = call_with_guard(lambda: parse_final_report(html, meeting="21MSP"))
    assert isinstance(error, ParseError) and error.line == 2
    assert "far larger than the final report" in str(error)


# -- hostile inputs: a result with its unread parts, or a ParseError naming the line ------------


def _guarded(text: str, **kwargs: object) -> FinalReport:
    found: dict[str, FinalReport] = {}

    def run() -> None:
        found["r"] = parse_final_report(text, **kwargs)  # type: ignore[arg-type]

    error = call_with_guard(run)
    if error is not None:
        raise error
    return found["r"]


HEAD = "APLC/MSP.21/2023/14\nTwenty-first Meeting of the States Parties\n\n"


@pytest.mark.parametrize("layout", ["comma", "lines"])
def test_a_list_of_ten_thousand_names(layout: str) -> None:
    names = [f"Name Number{i}" for i in range(10_000)]
    if layout == "comma":
        body = "\n".join(textwrap.wrap(", ".join(names) + ".", 88))
    else:
        body = "\n".join(names)
    text = HEAD + "1. The following States Parties participated in the Meeting:\n" + body + "\n"
    text += "2. The following States not parties participated in the Meeting as observers: China.\n"
    r = _guarded(text)
    [unread] = r.unread
    assert unread.line == 4 and "more than 1,000 entries" in unread.reason
    assert r.states_parties == () and r.observers == ("CHN",)
    assert r.complete  # the list not read is the States Parties': the observers' list stands


def test_ten_thousand_state_names_among_the_observers() -> None:
    text = HEAD + "The following States not parties participated in the Meeting as observers: "
    text += ", ".join(["China"] * 10_000) + ".\n"
    r = _guarded(text)
    assert "more than 1,000 entries" in r.unread[0].reason
    assert not r.complete and r.absent == ()


def test_a_list_in_one_line_longer_than_any_line_is_not_read() -> None:
    names = ", ".join(f"Name Number{i}" for i in range(10_000))
    text = HEAD + "1. The following States Parties participated in the Meeting:\n" + names + ".\n"
    error = call_with_guard(lambda: parse_final_report(text))
    # the line is not read, so the list is empty, and so is every list: nothing was read
    assert isinstance(error, ParseError) and error.line == 4
    assert "line 5 is not read: a line of 168,889 characters" in str(error)


def test_a_ten_megabyte_line() -> None:
    text = HEAD + "x" * (10 * 1024 * 1024) + "\n" + SMALL
    r = _guarded(text)
    assert r.unread[0].line == 4 and "10,485,760 characters" in r.unread[0].reason
    assert len(r.unread[0].text) <= 200
    assert r.states_parties == ("CHL", "PER") and r.complete


def test_a_ten_megabyte_line_alone() -> None:
    error = call_with_guard(lambda: parse_final_report("z" * (10 * 1024 * 1024), meeting="21MSP"))
    assert isinstance(error, ParseError) and "no list of participants" in str(error)


def test_too_many_lines_names_the_line() -> None:
    error = call_with_guard(lambda: parse_final_report(HEAD + "x\n" * 60_000))
    assert isinstance(error, ParseError) and error.line == 50_001


def test_empty_lists_name_the_line() -> None:
    text = HEAD + "\n1. The following States Parties participated in the Meeting:\n\n"
    error = call_with_guard(lambda: parse_final_report(text))
    assert isinstance(error, ParseError) and error.line == 5
    assert "every list of participants is empty" in str(error)


def test_many_lists_are_bounded() -> None:
    text = HEAD + "The following States Parties participated in the Meeting: Chile.\n" * 2_000
    r = _guarded(text)
    assert "more than 50 lists" in r.unread[-1].reason
    assert r.states_parties == ("CHL",)


@pytest.mark.parametrize(
    "filler",
    [
        "elected ",
        "Mr. X was elected President. ",
        "was held in Geneva from 20 to 24 November 2023 ",
        "Ninety-four States Parties participated ",
        "following States Parties attended the ",
        "(" * 50,
        "Herze-\n",
        "1 Footnote\nGE.23-12345\n",
    ],
)
def test_repeated_patterns_end_quickly(filler: str) -> None:
    times = min(2_000_000 // len(filler), 40_000 // max(1, filler.count("\n")))
    text = HEAD + SMALL + filler * times + "\n"
    r = _guarded(text)
    assert r.meeting == "21MSP"


# -- into a dataset, and through validation ---------------------------------------------------


def test_to_dataset_holds_what_the_report_says() -> None:
    r = report("21msp-pdf-text.txt", source="https://example.org/invented.pdf")
    facts_ds = r.to_dataset()
    assert facts_ds.metadata.data_version == r.data_version == apmbc.DATA_VERSION
    assert facts_ds.metadata.title == (
        "Participation in 21MSP, read from the final report APLC/MSP.21/2023/14"
    )
    assert facts_ds.attendances == r.attendances
    [meeting] = facts_ds.meetings
    assert (meeting.code, meeting.kind, meeting.number, meeting.start, meeting.city) == (
        "21MSP",
        MeetingKind.MSP,
        21,
        dt.date(2023, 11, 20),
        "Geneva",
    )
    assert meeting.country == "CHE" and meeting.president == r.president
    assert meeting.sources == r.sources
    assert meeting.participation == r.stated
    assert meeting.participation_alternatives == ()  # the lists bear the counts out
    referenced = {a.state for a in r.attendances} | {"DEU", "CHE"}
    assert {s.code for s in facts_ds.states} == referenced
    assert all(s == apmbc.load().state(s.code) for s in facts_ds.states)


def test_to_dataset_keeps_a_disagreeing_count_beside_the_stated_one() -> None:
    meeting = report("17msp-problems.txt").to_meeting()
    assert meeting.participation is not None and meeting.participation.states_parties == 12
    [counted] = meeting.participation_alternatives
    assert counted.states_parties == 11 and counted.basis.startswith("counted from the lists")


@pytest.mark.parametrize("name", ["21msp-pdf-text.txt", "3msp-early.txt", "5rc-html.html"])
def test_the_facts_pass_the_validation_rules(ds: apmbc.Dataset, name: str) -> None:
    r = report(name)
    others = [a for a in ds.attendances if a.meeting != r.meeting]
    combined = ds.replace(attendances=(*others, *r.attendances))
    findings = [f for f in apmbc.validate(combined) if r.meeting in f.keys]
    assert findings == []  # observers (also those not yet bound) are not parties: no error
    assert not [f for f in apmbc.validate(r.to_dataset()) if f.code == "APMBC-OBSERVER-PARTY"]


def test_a_state_party_among_the_observers_fails_the_observer_rule(ds: apmbc.Dataset) -> None:
    r = report("17msp-problems.txt")
    codes = {(f.code, f.keys) for f in apmbc.validate(r.to_dataset())}
    assert ("APMBC-OBSERVER-PARTY", ("LKA", "17MSP")) in codes


# -- files and apmbc validate -------------------------------------------------------------------


def test_read_final_report_reads_utf8_with_a_byte_order_mark(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_bytes(b"\xef\xbb\xbf" + (REPORTS / "3msp-early.txt").read_bytes())
    r = read_final_report(path)
    assert r.meeting == "3MSP" and r.symbol == "APLC/MSP.3/2001/1"
    text = (
        (REPORTS / "3msp-early.txt").read_text(encoding="utf-8").replace("APLC/MSP.3/2001/1\n", "")
    )
    path.write_text(text, encoding="utf-8")
    r = read_final_report(str(path))
    assert r.symbol is None and r.sources[0].citation == str(path)
    assert r.cited_as == f"the final report {path}"


def test_read_final_report_errors_name_the_file(tmp_path: Path) -> None:
    with pytest.raises(ParseError, match="cannot read the final report"):
        read_final_report(tmp_path / "missing.txt")
    with pytest.raises(ArgumentTypeError):
        read_final_report(None)  # type: ignore[arg-type]


def test_looks_like_final_report() -> None:
    assert looks_like_final_report("Distr.: General\nAPLC/MSP.21/2023/14\nFinal report\n")
    assert not looks_like_final_report("Distr.: General\nAPLC/MSP.21/2023/14\nAgenda\n")
    assert looks_like_final_report("x\nThe following States Parties took part in the work:")
    assert not looks_like_final_report(
        "Cuba\nThe State not party has participated as Observer in the following meetings of "
        "the Convention\n• 1MSP, 2MSP, First Review Conference\n"
    )
    assert not looks_like_final_report("x" * 300_000 + "APLC/MSP.21/2023/14")


def test_apmbc_validate_recognises_final_reports(tmp_path: Path) -> None:
    for name in ("21msp-pdf-text.txt", "5rc-html.html", "17msp-problems.txt"):
        assert detect_kind(REPORTS / name) is FileKind.FINAL_REPORT
    report_ = check_paths([REPORTS / "17msp-problems.txt"])
    assert report_.exit_code == 0 and report_.unreadable == ()
    found = [(f.location, f.code) for f in report_.findings]
    assert ("10", "APMBC-FINAL-REPORT-UNREAD") in found
    assert found.count(("10", "APMBC-FINAL-REPORT-PROBLEM")) == 1
    assert len(found) == 6
    assert all(f.severity is apmbc.Severity.WARNING for f in report_.findings)
    assert check_paths([REPORTS / "3msp-early.txt"]).findings == ()
    bad = tmp_path / "no-meeting.txt"
    bad.write_text(SMALL, encoding="utf-8")
    result = check_paths([bad])
    assert result.exit_code == 2
    assert "names no meeting" in result.unreadable[0].message


def test_the_introduction_may_speak_of_another_meeting(ds: apmbc.Dataset) -> None:
    text = (
        """APLC/MSP.21/2023/14
Final report

1. The Twentieth Meeting of the States Parties, held in Geneva from 21 to 25 November 2022,
decided to hold the next Meeting in Geneva.
2. The Twenty-first Meeting of the States Parties was held in Geneva, Switzerland, from 20 to
24 November 2023.
"""
        + SMALL
    )
    r = parse_final_report(text, dataset=ds)
    assert r.meeting == "21MSP" and r.title == "Twenty-first Meeting of the States Parties"
    assert (r.start, r.end, r.country) == (dt.date(2023, 11, 20), dt.date(2023, 11, 24), "CHE")
    assert r.problems == ()  # neither the other meeting's name nor its dates are taken
    dateline = "APLC/MSP.21/2023/14\nTwenty-first Meeting of the States Parties\nGeneva, 20-24 "
    r = parse_final_report(dateline + "November 2023\n\n" + text.split("\n", 2)[2], dataset=ds)
    assert (r.start, r.city, r.country) == (dt.date(2023, 11, 20), "Geneva", "CHE")


def test_a_profile_page_citing_a_report_is_still_a_profile_page(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text(
        "Ruritania\nThe State not party has participated as Observer in the following meetings "
        "of the Convention\n• 1MSP, 2MSP\nThe State not party has indicated,\n"
        '• "An invented statement." (Final report APLC/MSP.21/2023/14)\n',
        encoding="utf-8",
    )
    assert detect_kind(page) is FileKind.FINAL_REPORT  # the symbol and the words
    result = check_paths([page])
    assert result.unreadable == () and result.exit_code == 0  # read as the profile page it is


@pytest.mark.parametrize(
    ("dateline", "city", "country"),
    [
        ("Geneva, 20-24 November 2023", "Geneva", None),
        ("Siem Reap, Cambodia, 20-24 November 2023", "Siem Reap", "KHM"),
        ("The Hague, 20 to 24 November 2023", "The Hague", None),
        ("20-24 November 2023", None, None),
    ],
)
def test_the_title_dateline(
    ds: apmbc.Dataset, dateline: str, city: str | None, country: str | None
) -> None:
    text = f"APLC/MSP.21/2023/14\nTwenty-first Meeting of the States Parties\n{dateline}\n\n"
    r = parse_final_report(text + SMALL, dataset=ds)
    assert (r.start, r.end, r.city, r.country) == (
        dt.date(2023, 11, 20),
        dt.date(2023, 11, 24),
        city,
        country,
    )


def test_a_count_needs_a_sentence_about_participation(ds: apmbc.Dataset) -> None:
    text = (
        "21MSP\nThe Meeting welcomed the universal participation of the 164 States Parties.\n"
        "Ninety States Parties participated in the Meeting.\n" + SMALL
    )
    r = parse_final_report(text, dataset=ds)
    assert [(c.section, c.number) for c in r.counts] == [(ReportSection.STATES_PARTIES, 90)]
