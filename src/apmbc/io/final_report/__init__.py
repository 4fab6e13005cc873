"""The final reports of the Convention's meetings, read into a :class:`FinalReport`.

>>> report = parse_final_report('''Twenty-first Meeting of the States Parties
... 15. The following States Parties participated in the Meeting: Albania, Bolivia (Plurinational
... State of) and Bosnia and Herze-
... govina.
... 16. The following States not parties to the Convention participated in the Meeting as
... observers: Iran (Islamic Republic of) and Egypt.
... ''')
>>> report.meeting, report.states_parties, report.observers
('21MSP', ('ALB', 'BOL', 'BIH'), ('IRN', 'EGY'))
>>> len(report.absent) > 0, report.attendances[0].role.value
(True, 'state_party')

The report is text extracted from its PDF (any extraction; apmbc does not read PDF) or its HTML
(detected; read as the profile pages are). The reader recognises the organisation section's
paragraphs by what they say: the lists of States Parties, of States for which the Convention was
not yet in force, of signatories and other States not parties participating as observers, of
organisations; the stated numbers of participating States; the election of the President; the
dates and place. Page furniture (headers, footers, page numbers, job numbers) is dropped, words
broken across lines are joined, footnote marks are removed from names. Every name or line it
cannot read is in :attr:`FinalReport.unread`, every disagreement in
:attr:`FinalReport.problems`; paragraphs about other matters (the agenda, the decisions) are not
read.
"""

from __future__ import annotations

from apmbc.io.final_report._lists import ReportSection
from apmbc.io.final_report._reader import ABSENCE_EVIDENCE, parse_final_report, read_final_report
from apmbc.io.final_report._result import (
    FinalReport,
    ListedOrganisation,
    ListedState,
    ReportList,
    ReportProblem,
    StatedCount,
    UnreadText,
)
from apmbc.io.final_report._sniff import looks_like_final_report

__all__ = [
    "ABSENCE_EVIDENCE",
    "FinalReport",
    "ListedOrganisation",
    "ListedState",
    "ReportList",
    "ReportProblem",
    "ReportSection",
    "StatedCount",
    "UnreadText",
    "looks_like_final_report",
    "parse_final_report",
    "read_final_report",
]
