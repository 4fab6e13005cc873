"""HTML summaries for notebooks: compact tables, every value escaped."""

from __future__ import annotations

import datetime as dt
import html.parser

import apmbc
from apmbc import Forum, Meeting, MeetingKind, President, Resolution, State, Tally
from apmbc.output._display import UNKNOWN, dataset_html, meeting_html, resolution_html, state_html


class _Cells(html.parser.HTMLParser):
    """Collects the text of <caption>, <th> and <td> cells, and every tag name."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.cells: list[str] = []
        self._open = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        if tag in ("th", "td", "caption"):
            self._open = True
            self.cells.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("th", "td", "caption"):
            self._open = False

    def handle_data(self, data: str) -> None:
        if self._open:
            self.cells[-1] += data


def parse(markup: str) -> _Cells:
    parser = _Cells()
    parser.feed(markup)
    parser.close()
    return parser


def rows(markup: str) -> dict[str, str]:
    cells = parse(markup).cells[1:]  # after the caption
    return dict(zip(cells[::2], cells[1::2], strict=True))


def test_state_html_shows_status_and_dates() -> None:
    ds = apmbc.load()
    shown = rows(state_html(ds.state("South Sudan")))
    assert shown["Code"] == "SSD"
    assert shown["Status"] == "party"
    assert shown["Deposited"] == "2011-11-11 (succession)"
    assert shown["Entry into force"] == "2011-07-09 (as stated)"
    assert shown["Withdrawal notified"] == UNKNOWN
    cuba = rows(state_html(ds.state("Cuba")))
    assert cuba["Status"] == "not_party"
    assert cuba["Aliases"] == "Republic of Cuba"
    assert cuba["Sources"] == "4"  # 3 before, then the code list (COW, GW, M49)


def test_state_html_computes_article17_when_not_stated() -> None:
    state = State(code="AAA", name="Alpha", deposited=dt.date(2000, 2, 15))
    assert rows(state_html(state))["Entry into force"] == "2000-08-01 (Article 17)"


def test_every_value_is_escaped() -> None:
    evil = State(
        code="EVL",
        name="<script>alert('x')</script>",
        aliases=('"quoted" & <b>bold</b>',),
    )
    markup = state_html(evil)
    assert "<script>" not in markup
    assert "<b>" not in markup
    assert "&lt;script&gt;" in markup
    assert set(parse(markup).tags) == {"table", "caption", "tbody", "tr", "th", "td"}
    shown = rows(markup)
    assert shown["Name"] == "<script>alert('x')</script>"  # the text, shown as text
    assert shown["Aliases"] == '"quoted" & <b>bold</b>'
    meeting = Meeting(
        code="X<1>",
        kind=MeetingKind.MSP,
        name="A & B",
        president=President(person="<i>P</i>"),
    )
    assert "<i>" not in meeting_html(meeting)
    assert rows(meeting_html(meeting))["President"] == "<i>P</i>"
    resolution = Resolution(session=1, forum=Forum.PLENARY, title="</table><table>")
    assert "</table><table>" not in resolution_html(resolution)


def test_meeting_html() -> None:
    shown = rows(meeting_html(apmbc.load().meeting("1MSP")))
    assert shown["Kind"] == "msp"
    assert shown["Dates"] == "1999-05-03 to 1999-05-07"
    assert shown["Place"] == "Maputo, MOZ"
    assert shown["President"] == "Leonardo Santos Simão (MOZ)"
    assert shown["States Parties"] == "43"
    assert shown["Observer States"] == "47"


def test_resolution_html_shows_the_tally() -> None:
    markup = resolution_html(apmbc.load().resolution(77))
    assert parse(markup).cells[0] == "Resolution A/RES/77/63 (session 77, plenary)"
    shown = rows(markup)
    assert shown["Tally"] == "167 yes, 0 no, 17 abstain, 9 absent"
    assert shown["Date"] == "2022-12-07"
    unknown = Resolution(session=52, forum=Forum.FIRST_COMMITTEE, tally=Tally())
    assert rows(resolution_html(unknown))["Tally"] == "— yes, — no, — abstain, — absent"


def test_dataset_html_summarises_the_record() -> None:
    ds = apmbc.load()
    markup = dataset_html(ds)
    assert ds._repr_html_() == markup
    shown = rows(markup)
    assert shown["Data version"] == apmbc.DATA_VERSION
    assert shown["As of"] == "2026-12-01"
    assert shown["States"] == "197 (31 not_party, 161 party, 5 withdrawn)"
    assert shown["Resolutions"] == "58 (sessions 52–80)"
    assert shown["Votes"] == "5750"


def test_dataset_html_of_an_empty_dataset() -> None:
    empty = apmbc.Dataset(metadata=apmbc.Metadata(data_version="v<1>"))
    shown = rows(dataset_html(empty))
    assert shown["Data version"] == "v<1>"
    assert shown["As of"] == UNKNOWN
    assert shown["States"] == "0"
