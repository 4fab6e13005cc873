"""``repr()`` of records: short enough for a REPL; the whole record is in ``to_dict``."""

from __future__ import annotations

import datetime as dt

import pytest
from factory import elbonia, first_msp, freedonia, resolutions, statements

import apmbc
from apmbc import Meeting, MeetingKind, Participation, President, Source, State, Tally


def test_fields_at_their_default_are_left_out() -> None:
    assert repr(State(code="XFR", name="Freedonia")) == "State(code='XFR', name='Freedonia')"
    assert repr(Tally()) == "Tally()"
    assert repr(Tally(yes=3, no=0)) == "Tally(yes=3, no=0)"


def test_long_texts_are_cut() -> None:
    source = Source(citation="x" * 100)
    assert repr(source) == f"Source(citation='{'x' * 57}...')"
    assert repr(Source(citation="x" * 60)) == f"Source(citation='{'x' * 60}')"


def test_tuples_are_listed_when_short_and_counted_otherwise() -> None:
    assert "aliases=('Elbonian Republic',)" in repr(elbonia())
    assert "sources=<2 items>" in repr(elbonia())  # records are counted
    many = State(code="XFR", name="F", aliases=("a", "b", "c", "d"))
    assert repr(many) == "State(code='XFR', name='F', aliases=<4 items>)"
    long = State(code="XFR", name="F", notes=("n" * 40, "m" * 40))
    assert repr(long) == "State(code='XFR', name='F', notes=<2 items>)"
    one = State(code="XFR", name="F", notes=("n" * 70,))
    assert repr(one) == "State(code='XFR', name='F', notes=<1 item>)"


def test_a_long_nested_record_shows_its_first_field() -> None:
    meeting = first_msp()
    shown = repr(meeting)
    assert "president=President(person='Rufus T. Firefly', ...)" in shown
    assert "participation=Participation(states_parties=1, ...)" in shown
    short = Meeting(
        code="1MSP",
        kind=MeetingKind.MSP,
        name="First",
        president=President(person="R. Firefly"),
        participation=Participation(total_states=4),
    )
    assert repr(short) == (
        "Meeting(code='1MSP', kind=<MeetingKind.MSP: 'msp'>, name='First', "
        "president=President(person='R. Firefly'), participation=Participation(total_states=4))"
    )
    res = resolutions()[0]
    assert f"tally={res.tally!r}" in repr(res)  # a short nested record is shown whole


@pytest.mark.parametrize(
    "record",
    [freedonia(), first_msp(), resolutions()[0], statements()[2]],
    ids=["state", "meeting", "resolution", "statement"],
)
def test_every_field_shows_at_most_about_sixty_characters(record: object) -> None:
    shown = repr(record)
    inner = shown[shown.index("(") + 1 : -1]
    # 60 characters of text, the quotes and "...", or a nested record's first field and "...".
    for part in _fields(inner):
        assert len(part.partition("=")[2]) <= 80, part
    assert apmbc.to_dict(record)  # the whole record is there


def test_the_bundled_records_are_short() -> None:
    ds = apmbc.load()
    tables = [ds.states, ds.meetings, ds.resolutions, ds.attendances, ds.statements]
    assert max(len(repr(r)) for table in tables for r in table) < 700
    assert len(repr(ds.metadata)) < 250  # about three lines of a terminal


def _fields(inner: str) -> list[str]:
    """The top-level ``name=value`` parts of a repr's inside (commas in brackets kept)."""
    parts, depth, start, quote = [], 0, 0, ""
    for i, ch in enumerate(inner):
        if quote:
            quote = "" if ch == quote else quote
        elif ch in "'\"":
            quote = ch
        elif ch in "([<":
            depth += 1
        elif ch in ")]>":
            depth -= 1
        elif ch == "," and depth == 0:
            parts.append(inner[start:i].strip())
            start = i + 1
    parts.append(inner[start:].strip())
    return parts


def test_dates_and_enums_keep_their_python_repr() -> None:
    state = State(code="XFR", name="F", signed=dt.date(1997, 12, 3))
    assert repr(state) == "State(code='XFR', name='F', signed=datetime.date(1997, 12, 3))"
