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
