"""What :func:`~apmbc.io.final_report.parse_final_report` returns, and its conversion to a
:class:`~apmbc.dataset.Dataset`."""

from __future__ import annotations

import datetime as _dt

import attrs

from apmbc.dataset import Dataset
from apmbc.io.final_report._lists import ReportSection
from apmbc.models import (
    Attendance,
    Meeting,
    MeetingKind,
    Metadata,
    Participation,
    President,
    Source,
    State,
)

__all__ = [
    "FinalReport",
    "ListedOrganisation",
    "ListedState",
    "ReportList",
    "ReportProblem",
    "StatedCount",
    "UnreadText",
]


def _shown(text: str) -> str:
    return repr(text if len(text) <= 80 else text[:77] + "...")


@attrs.frozen(kw_only=True)
class ListedState:
    """A State a list of participants names, resolved to its code."""

    state: str
    """ISO 3166-1 alpha-3."""
    name: str
    """The name as the report writes it (footnote marks removed, broken words joined)."""
    section: ReportSection
    line: int


@attrs.frozen(kw_only=True)
class ListedOrganisation:
    """An international or non-governmental organisation the report lists as an observer."""

    name: str
    line: int


@attrs.frozen(kw_only=True)
class StatedCount:
    """A number of participating States as the report states it."""

    section: ReportSection | None
    """The list it counts; ``None`` for all the participating States (a total)."""
    number: int
    line: int
    text: str
    """The words it was read from: ``Ninety-four States Parties``."""


@attrs.frozen(kw_only=True)
class ReportList:
    """One list of participants the report holds."""

    section: ReportSection | None
    """``None`` when the opening sentence says none of the known kinds."""
    line: int
    """The line of its opening sentence."""
    heading: str
    entries: int
    """Its entries as written, read or not (an entry "Zambia and Zimbabwe" counts two)."""
    complete: bool
    """Whether the list ends as a complete list does (a full stop, or "and" before its last
    name, or more text after it); an empty, cut-off or unread list is not complete."""


@attrs.frozen(kw_only=True)
class UnreadText:
    """A name or line that was not read, with its 1-based line number and why."""

    line: int
    text: str
    reason: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.reason}: {_shown(self.text)}"


@attrs.frozen(kw_only=True)
class ReportProblem:
    """Something the report says that disagrees with itself or with the data, or that keeps a
    conclusion from being drawn; what was read stays as the report says it."""

    line: int | None
    message: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}" if self.line is not None else self.message


@attrs.frozen(kw_only=True, repr=False)
class FinalReport:
    """What the organisation section of a meeting's final report says.

    ``attendances`` holds one fact per State: each listed State attended in its role (a State
    Party as ``state_party``; signatories, States not yet bound and other States not parties as
    ``observer``), and, when the lists are complete, every State not bound on the meeting's first
    day and not listed did not attend. Nothing that was not read is dropped: ``unread`` lists
    every such name or line, and ``problems`` every disagreement (a stated count that differs
    from its list, a State listed in the wrong section, a meeting the text and the arguments name
    differently).
    """

    meeting: str
    """The meeting's code: ``21MSP``, ``5RC``."""
    meeting_name: str
    """The meeting's name in the data (or as the report writes it, for a meeting the data
    lacks)."""
    kind: MeetingKind
    number: int | None = None
    """The ordinal of the MSP or Review Conference."""
    symbol: str | None = None
    """The report's own symbol (``APLC/MSP.21/2023/14``), from the head of its pages."""
    title: str | None = None
    """The meeting's name as the report writes it."""
    start: _dt.date | None = None
    """The first day of the meeting as the report states it."""
    end: _dt.date | None = None
    city: str | None = None
    country: str | None = None
    """ISO alpha-3 of the host country, when the report names it."""
    president: President | None = None
    states: tuple[ListedState, ...] = ()
    """Every State the lists name, in the report's order."""
    organisations: tuple[ListedOrganisation, ...] = ()
    counts: tuple[StatedCount, ...] = ()
    lists: tuple[ReportList, ...] = ()
    complete: bool = False
    """Whether the absences a complete list implies were derived."""
    attendances: tuple[Attendance, ...] = ()
    unread: tuple[UnreadText, ...] = ()
    problems: tuple[ReportProblem, ...] = ()
    sources: tuple[Source, ...] = ()
    """The report (``kind=convention``), then the ``source`` given, if any."""
    cited_as: str = "the final report"
    """How the facts' evidence names the report: ``the final report APLC/MSP.21/2023/14`` (its
    symbol, else its file, else its meeting)."""
    data_version: str
    """The version of the data that resolved the names and gave the statuses."""
    as_of: _dt.date | None = None
    """The as-of date of that data."""
    status_day: _dt.date | None = None
    """The day whose treaty statuses were used: the meeting's first day."""
    state_records: tuple[State, ...] = attrs.field(default=(), repr=False)
    """The data's records of the States the facts refer to (see :meth:`to_dataset`)."""

    def __repr__(self) -> str:
        counts = ", ".join(
            f"{name}={len(getattr(self, name))}"
            for name in ("states", "organisations", "attendances", "unread", "problems")
        )
        return (
            f"FinalReport(meeting={self.meeting!r}, symbol={self.symbol!r}, "
            f"complete={self.complete}, {counts})"
        )

    def _codes(self, *sections: ReportSection) -> tuple[str, ...]:
        return tuple(s.state for s in self.states if s.section in sections)

    @property
    def states_parties(self) -> tuple[str, ...]:
        """The codes of the States Parties listed as participating."""
        return self._codes(ReportSection.STATES_PARTIES)

    @property
    def not_yet_in_force(self) -> tuple[str, ...]:
        """The codes of the States listed as bound by an instrument not yet in force."""
        return self._codes(ReportSection.NOT_YET_IN_FORCE)

    @property
    def signatories(self) -> tuple[str, ...]:
        """The codes of the signatory States listed as observers."""
        return self._codes(ReportSection.SIGNATORIES)

    @property
    def observers(self) -> tuple[str, ...]:
        """The codes of every State listed as observer: signatories and other States not
        parties (not the States whose instrument was not yet in force)."""
        return self._codes(ReportSection.SIGNATORIES, ReportSection.OBSERVERS)

    @property
    def absent(self) -> tuple[str, ...]:
        """The codes of the States a complete list shows did not attend."""
        return tuple(a.state for a in self.attendances if not a.attended)

    def _entries(self, *sections: ReportSection) -> int | None:
        found = [r.entries for r in self.lists if r.section in sections]
        return sum(found) if found else None

    @property
    def listed(self) -> Participation:
        """The counts of the lists' entries, read or not (``None`` for a list the report lacks)."""
        parties = self._entries(ReportSection.STATES_PARTIES)
        pending = self._entries(ReportSection.NOT_YET_IN_FORCE)
        observers = self._entries(ReportSection.SIGNATORIES, ReportSection.OBSERVERS)
        known = [n for n in (parties, pending, observers) if n is not None]
        return Participation(
            states_parties=parties,
            not_yet_in_force=pending,
            observer_states=observers,
            total_states=sum(known) if known else None,
            basis=f"counted from the lists of {self.cited_as}",
            sources=self.sources,
        )

    @property
    def stated(self) -> Participation | None:
        """The counts as the report states them, ``None`` if it states none."""
        if not self.counts:
            return None
        first: dict[ReportSection | None, int] = {}
        for count in self.counts:
            first.setdefault(count.section, count.number)
        observers = [
            first[s] for s in (ReportSection.SIGNATORIES, ReportSection.OBSERVERS) if s in first
        ]
        return Participation(
            states_parties=first.get(ReportSection.STATES_PARTIES),
            not_yet_in_force=first.get(ReportSection.NOT_YET_IN_FORCE),
            observer_states=sum(observers) if observers else None,
            total_states=first.get(None),
            basis=f"stated in {self.cited_as}",
            summary="; ".join(dict.fromkeys(c.text for c in self.counts)),
            sources=self.sources,
        )

    def to_meeting(self) -> Meeting:
        """The meeting as the report describes it: only what the report says, citing it."""
        stated, listed = self.stated, self.listed
        participation = stated if stated is not None else listed
        alternatives: tuple[Participation, ...] = ()
        if stated is not None and _figures(stated) != _figures(listed):
            alternatives = (listed,)
        return Meeting(
            code=self.meeting,
            kind=self.kind,
            name=self.meeting_name,
            number=self.number,
            start=self.start,
            end=self.end,
            city=self.city,
            country=self.country,
            president=self.president,
            participation=participation if self.lists or stated is not None else None,
            participation_alternatives=alternatives,
            sources=self.sources,
        )

    def to_dataset(self) -> Dataset:
        """A dataset of what the report says: the meeting, its attendances, and the data's
        records of the States they refer to; every fact cites the report (and the ``source``
        given). Merge it into a larger dataset to add the report's facts there."""
        problems = tuple(str(p) for p in self.problems)
        return Dataset(
            metadata=Metadata(
                data_version=self.data_version,
                as_of=self.as_of,
                title=f"Participation in {self.meeting}, read from {self.cited_as}",
                sources=self.sources,
                notes=problems,
            ),
            states=self.state_records,
            meetings=(self.to_meeting(),),
            attendances=self.attendances,
        )


def _figures(p: Participation) -> tuple[int | None, ...]:
    return (p.states_parties, p.not_yet_in_force, p.observer_states, p.total_states)
