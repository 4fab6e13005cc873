"""Tests for apmbc.io.final_report (the final reports of the meetings) and the domain rules it
added: cardinal numbers, UN-style name variants, the Convention's document symbols, date ranges.

Every document under tests/final_reports/ is invented for these tests (see its README).
"""

from __future__ import annotations

import datetime as dt
import doctest
import importlib
from pathlib import Path

import pytest

from apmbc.domain.dates import find_date_ranges
from apmbc.domain.meetings import (
    find_convention_symbols,
    meeting_of_symbol,
    parse_convention_symbol,
)
from apmbc.domain.names import un_name_variants
from apmbc.domain.numbers import cardinal
from apmbc.models import MeetingKind

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
            ["Congo, Democratic Republic of the", "Democratic Republic of the Congo", "Congo"],
        ),
        ("Gambia, The", ["Gambia, The", "The Gambia", "Gambia"]),
        ("Holy See (Vatican City State)", ["Holy See (Vatican City State)", "Holy See"]),
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

import attrs  # noqa: E402

import apmbc  # noqa: E402
from apmbc.errors import ArgumentError, ArgumentTypeError, ParseError  # noqa: E402
from apmbc.io.final_report import (  # noqa: E402
    ABSENCE_EVIDENCE,
    FinalReport,
    ListedOrganisation,
    Section,
    looks_like_final_report,
    parse_final_report,
    read_final_report,
)
from apmbc.models import (  # noqa: E402
    Attendance,
    AttendanceRole,
    Meeting,
    Source,
    SourceKind,
    TreatyStatus,
)

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


PDF_PARTIES = (
    "AFG ALB DZA AGO ARG AUS AUT BEL BOL CAN CHL BIH BRA KHM COL CIV HRV COD ECU ETH FRA DEU GNB "
    "VAT IRQ ITA JPN JOR MEX MOZ NLD NGA NOR PHL SEN SSD LKA PSE SDN CHE THA TUR UKR GBR VEN YEM "
    "ZMB ZWE"
).split()
PDF_OBSERVERS = ["CHN", "EGY", "IRN", "MHL", "MAR", "SGP", "USA"]
PDF_ABSENT = (
    "ARE ARM AZE BHR CUB FSM GEO IND ISR KAZ KGZ KOR LAO LBN LBY MMR MNG NPL PAK PRK RUS SAU SYR "
    "TON UZB VNM"
).split()


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
        (Section.STATES_PARTIES, 48, 58),
        (Section.OBSERVERS, 7, 58),
    ]
    assert r.stated is not None
    assert (r.stated.states_parties, r.stated.observer_states, r.stated.total_states) == (48, 7, 55)
    assert (r.listed.states_parties, r.listed.observer_states, r.listed.total_states) == (48, 7, 55)
    assert [(x.section, x.line, x.entries, x.complete) for x in r.lists] == [
        (Section.STATES_PARTIES, 32, 48, True),
        (Section.OBSERVERS, 48, 7, True),
        (Section.ORGANISATIONS, 52, 4, True),
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
    assert absent.evidence == ABSENCE_EVIDENCE.format(
        report="the final report APLC/MSP.21/2023/14"
    )
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
    assert [(c.section, c.number) for c in r.counts] == [(None, 14), (Section.STATES_PARTIES, 10)]
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
    assert any(m.startswith("Sri Lanka (LKA) is listed among the States not parties") for m in messages)
    assert (
        "the report states 12 ('12 States Parties participated in the Meeting') but its list of "
        "the States Parties names 11; the stated count is kept as stated"
    ) in messages
    assert any(m.startswith("the report states 15 ") and "names 14" in m for m in messages)
    assert [(c.section, c.number) for c in r.counts] == [(Section.STATES_PARTIES, 12), (None, 15)]
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
