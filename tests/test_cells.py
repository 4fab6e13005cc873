"""CSV cells: formulas neutralised (OWASP) and restored exactly; values parsed back by kind."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, strategies as st

from apmbc.models import VotePosition
from apmbc.output import Column
from apmbc.output._cells import (
    FORMULA_CHARACTERS,
    _quoted,
    csv_line,
    neutralise,
    parse_cell,
    restore,
    write_cell,
)

# Texts made of the characters that matter here, so that Hypothesis meets them often.
tricky = st.text(alphabet=st.sampled_from("'=+-@\t\r\n.,;\"1e5 aNA"), max_size=8)


@pytest.mark.parametrize("first", list(FORMULA_CHARACTERS))
def test_every_formula_character_gets_an_apostrophe(first: str) -> None:
    assert neutralise(first + "cmd") == "'" + first + "cmd"
    assert restore("'" + first + "cmd") == first + "cmd"


@pytest.mark.parametrize("number", ["-5", "+5", "-1.5", "+.5", "-3e10", "-2.E-3", "5", "0.25"])
def test_numbers_are_not_formulas(number: str) -> None:
    assert neutralise(number) == number


@pytest.mark.parametrize(
    "text", ["\t5", "-", "+", "--5", "-5 apples", "=1", "@SUM(A1)", "-inf", "-nan", "\r-1"]
)
def test_what_only_looks_numeric_is_neutralised(text: str) -> None:
    assert neutralise(text) == "'" + text


def test_apostrophes_are_doubled_only_before_a_formula_character() -> None:
    assert neutralise("'=x") == "''=x"
    assert neutralise("''+x") == "'''+x"
    assert neutralise("'plain") == "'plain"  # not followed by a formula character: as it is
    assert neutralise("O'Brien") == "O'Brien"
    assert neutralise("'-5") == "''-5"  # an apostrophe then a number is no number
    assert restore("''=x") == "'=x"
    assert restore("'plain") == "'plain"
    assert restore("'") == "'"
    assert restore("=x") == "=x"  # a raw formula is read as it is; it was never neutralised


@given(st.text() | tricky)
def test_restore_undoes_neutralise(text: str) -> None:
    assert restore(neutralise(text)) == text


@given(st.text() | tricky)
def test_a_neutralised_cell_never_starts_a_formula(text: str) -> None:
    cell = neutralise(text)
    if cell[:1] and cell[0] in FORMULA_CHARACTERS:
        assert cell == text and text[0] in "+-"
        float(text)  # left as it is only as a number, which a spreadsheet reads as a number


@given(st.text() | tricky, st.text() | tricky)
def test_neutralise_is_one_to_one(a: str, b: str) -> None:
    assert (neutralise(a) == neutralise(b)) == (a == b)


def test_write_cell_by_kind() -> None:
    assert write_cell(None, excel_safe=True) == ""
    assert write_cell(True, excel_safe=True) == "true"
    assert write_cell(False, excel_safe=True) == "false"
    assert write_cell(dt.date(1999, 3, 1), excel_safe=True) == "1999-03-01"
    assert write_cell(-5, excel_safe=True) == "-5"
    assert write_cell("=HYPERLINK(x)", excel_safe=True) == "'=HYPERLINK(x)"
    assert write_cell("=HYPERLINK(x)", excel_safe=False) == "=HYPERLINK(x)"


def _col(kind: str) -> Column:
    return Column(
        name="c", kind=kind, description="", enum=VotePosition if kind == "enum" else None
    )


def test_parse_cell_by_kind() -> None:
    assert parse_cell("", _col("str"), excel_safe=True) is None
    assert parse_cell("NA", _col("str"), excel_safe=True) == "NA"
    assert parse_cell("'=x", _col("str"), excel_safe=True) == "=x"
    assert parse_cell("'=x", _col("str"), excel_safe=False) == "'=x"
    assert parse_cell("-12", _col("int"), excel_safe=True) == -12
    assert parse_cell("true", _col("bool"), excel_safe=True) is True
    assert parse_cell("false", _col("bool"), excel_safe=True) is False
    assert parse_cell("0005-01-31", _col("date"), excel_safe=True) == dt.date(5, 1, 31)
    assert parse_cell("abstain", _col("enum"), excel_safe=True) == "abstain"


@pytest.mark.parametrize(
    ("kind", "cell", "message"),
    [
        ("int", "1.5", "expected a whole number"),
        ("int", " 1", "expected a whole number"),
        ("bool", "True", "expected true or false"),
        ("bool", "1", "expected true or false"),
        ("date", "2020-02-30", "expected a date YYYY-MM-DD"),
        ("date", "20200101", "expected a date YYYY-MM-DD"),
        ("enum", "maybe", "'maybe' is not one of yes, no, abstain, absent"),
    ],
)
def test_parse_cell_rejects_what_does_not_fit(kind: str, cell: str, message: str) -> None:
    with pytest.raises(ValueError, match="column c: ") as info:
        parse_cell(cell, _col(kind), excel_safe=True)
    assert message in str(info.value)


@given(st.text() | tricky, st.booleans())
def test_a_text_cell_is_the_text_or_its_neutralised_form(text: str, excel_safe: bool) -> None:
    # write_cell checks a text's first character before it tries the pattern of neutralise.
    assert write_cell(text, excel_safe=excel_safe) == (neutralise(text) if excel_safe else text)


@given(st.lists(st.text() | tricky, max_size=6))
def test_a_line_is_its_cells_each_quoted_when_it_must_be(cells: list[str]) -> None:
    # csv_line joins first and quotes only when the joined line shows it must: the same line.
    expected = ",".join(_quoted(cell) for cell in cells) + "\n"
    assert csv_line(cells) == expected
    assert csv_line(iter(cells)) == expected
