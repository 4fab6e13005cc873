"""HTML summaries for notebooks: compact tables, every value escaped.

On the factory world (tests/factory.py); the summary of the real record is checked in
tests/test_bundled.py.
"""

from __future__ import annotations

import html.parser

from factory import (
    borduria,
    elbonia,
    first_msp,
    freedonia,
    genovia,
    grand_fenwick,
    intersessional,
    resolutions,
    ruritania,
    world,
)

import apmbc
from apmbc import Forum, Meeting, MeetingKind, President, Resolution
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
    shown = rows(state_html(ruritania()))
    assert parse(state_html(ruritania())).cells[0] == "State Ruritania (RUR)"
    assert shown["Code"] == "RUR"
    assert shown["Status"] == "party"
    assert shown["Deposited"] == "2005-02-10 (succession)"
    assert shown["Entry into force"] == "2004-07-09 (as stated)"
    assert shown["Withdrawal notified"] == UNKNOWN
    assert shown["Withdrawal effective"] == UNKNOWN
    assert shown["Aliases"] == UNKNOWN
    elb = rows(state_html(elbonia()))
    assert elb["Status"] == "not_party"
    assert elb["Aliases"] == "Elbonian Republic"
    assert elb["Former names"] == "Lower Elbonia"
    assert elb["Deposited"] == UNKNOWN
    assert elb["Entry into force"] == UNKNOWN
    assert elb["Sources"] == "2"
    frd = rows(state_html(freedonia()))
    assert frd["Aliases"] == "Republic of Freedonia; Fredonia"
    assert frd["Sources"] == "3"
    assert frd["UN member"] == "yes"
    assert frd["Signed"] == "1997-12-03"


def test_state_html_computes_article17_when_not_stated() -> None:
    assert rows(state_html(borduria()))["Entry into force"] == "2000-08-01 (Article 17)"
    assert rows(state_html(freedonia()))["Entry into force"] == "1999-03-01 (Article 17)"
    assert rows(state_html(grand_fenwick()))["Entry into force"] == "2026-09-01 (Article 17)"


def test_state_html_shows_the_withdrawal() -> None:
    gnv = rows(state_html(genovia()))
    assert gnv["Status"] == "withdrawn"
    assert gnv["Withdrawal notified"] == "2025-07-10"
    assert gnv["Withdrawal effective"] == "2026-01-10 (as stated)"
    assert rows(state_html(borduria()))["Withdrawal effective"] == "2025-12-27 (Article 20)"


def test_unknown_membership_shows_as_unknown() -> None:
    assert rows(state_html(elbonia(un_member=None)))["UN member"] == UNKNOWN
    assert rows(state_html(elbonia(un_member=False)))["UN member"] == "no"


def test_every_value_is_escaped() -> None:
    evil = freedonia(
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
    assert parse(meeting_html(meeting)).cells[0] == "Meeting X<1>"
    resolution = Resolution(session=1, forum=Forum.PLENARY, title="</table><table>")
    assert "</table><table>" not in resolution_html(resolution)
    assert rows(resolution_html(resolution))["Title"] == "</table><table>"


def test_meeting_html() -> None:
    shown = rows(meeting_html(first_msp()))
    assert shown["Code"] == "1MSP"
    assert shown["Kind"] == "msp"
    assert shown["Dates"] == "1999-05-03 to 1999-05-07"
    assert shown["Place"] == "Fredville, FRD"
    assert shown["Format"] == "in_person"
    assert shown["President"] == "Rufus T. Firefly (FRD)"
    assert shown["States Parties"] == "1"
    assert shown["Observer States"] == "2"  # the main figure, not the press release's 3
    assert shown["Sources"] == "1"


def test_meeting_html_of_what_is_unknown() -> None:
    shown = rows(meeting_html(intersessional()))
    assert shown["Place"] == UNKNOWN
    assert shown["President"] == UNKNOWN
    assert shown["States Parties"] == UNKNOWN
    assert rows(meeting_html(intersessional(start=None)))["Dates"] == UNKNOWN
    one_day = intersessional(end=intersessional().start)
    assert rows(meeting_html(one_day))["Dates"] == "2005-06-13"
    assert rows(meeting_html(intersessional(end=None)))["Dates"] == "2005-06-13"
    anonymous = first_msp(president=President(state="FRD"), city=None)
    assert rows(meeting_html(anonymous))["President"] == UNKNOWN  # a State is not a person
    assert rows(meeting_html(anonymous))["Place"] == "FRD"
    stateless = first_msp(president=President(person="Rufus T. Firefly"))
    assert rows(meeting_html(stateless))["President"] == "Rufus T. Firefly"


def test_resolution_html_shows_the_tally() -> None:
    plenary, unknown, _, partial = resolutions()
    markup = resolution_html(plenary)
    assert parse(markup).cells[0] == "Resolution A/RES/54/54 B (session 54, plenary)"
    shown = rows(markup)
    assert shown["Tally"] == "3 yes, 1 no, 1 abstain, 1 absent"
    assert shown["Date"] == "1999-12-01"
    assert shown["Forum"] == "plenary"
    markup = resolution_html(unknown)
    assert parse(markup).cells[0] == f"Resolution {UNKNOWN} (session 54, first_committee)"
    assert rows(markup)["Tally"] == "— yes, — no, — abstain, — absent"
    assert rows(resolution_html(partial))["Tally"] == "150 yes, — no, — abstain, — absent"


def test_dataset_html_summarises_the_record() -> None:
    ds = world()
    markup = dataset_html(ds)
    assert ds._repr_html_() == markup
    assert parse(markup).cells[0] == "The factory world (made-up States, for tests)"
    shown = rows(markup)
    assert shown["Data version"] == "factory"
    assert shown["As of"] == "2026-06-30"
    assert shown["States"] == (
        "8 (1 not_party, 1 signatory, 1 joining, 2 party, 1 withdrawing, 2 withdrawn)"
    )
    assert shown["Meetings"] == "4"
    assert shown["Resolutions"] == "4 (sessions 54–60)"
    assert shown["Votes"] == "14"
    assert shown["Attendances"] == "10"
    assert shown["Statements"] == "3"
    assert shown["Sources"] == "1"


def test_records_show_themselves_in_a_notebook() -> None:
    ds = world()
    assert ds.state("ELB")._repr_html_() == state_html(elbonia())
    assert ds.meeting("1MSP")._repr_html_() == meeting_html(first_msp())
    assert ds.resolution(54)._repr_html_() == resolution_html(resolutions()[0])


def test_dataset_html_of_an_empty_dataset() -> None:
    empty = apmbc.Dataset(metadata=apmbc.Metadata(data_version="v<1>"))
    markup = dataset_html(empty)
    assert parse(markup).cells[0] == "apmbc dataset"
    shown = rows(markup)
    assert shown["Data version"] == "v<1>"
    assert shown["As of"] == UNKNOWN
    assert shown["States"] == "0"
    assert shown["Resolutions"] == "0"
