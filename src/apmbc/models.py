"""The typed records of apmbc: frozen attrs classes and string enums, no I/O.

Every record refers to others by code (ISO 3166-1 alpha-3 for States, ``7MSP`` / ``1RC`` style
codes for meetings, session and forum for resolutions), never by display name. Unknown facts are
``None``; nothing here guesses. Each record carries the ``sources`` it came from.
"""

from __future__ import annotations

import datetime as _dt
import enum

import attrs

__all__ = [
    "Action",
    "Attendance",
    "AttendanceRole",
    "DepositMethod",
    "Document",
    "EventKind",
    "Forum",
    "Meeting",
    "MeetingFormat",
    "MeetingKind",
    "Metadata",
    "Participation",
    "President",
    "Resolution",
    "Source",
    "State",
    "Statement",
    "StatementContext",
    "Tally",
    "TimelineEvent",
    "TreatyStatus",
    "Vote",
    "VotePosition",
]


class TreatyStatus(str, enum.Enum):
    """A State's relation to the Convention on a given day."""

    NOT_PARTY = "not_party"
    """Neither signed nor deposited an instrument."""
    SIGNATORY = "signatory"
    """Signed (possible only from 3 Dec 1997 to 1 Mar 1999), no instrument deposited yet."""
    JOINING = "joining"
    """Instrument deposited, the Convention not yet in force for it (Article 17)."""
    PARTY = "party"
    """The Convention is in force for the State."""
    WITHDRAWING = "withdrawing"
    """Withdrawal notified, not yet effective (six months, Article 20)."""
    WITHDRAWN = "withdrawn"
    """Withdrawal has taken effect."""

    def __str__(self) -> str:
        return self.value


class VotePosition(str, enum.Enum):
    """A State's position in a recorded vote. Absences are kept, never dropped."""

    YES = "yes"
    NO = "no"
    ABSTAIN = "abstain"
    ABSENT = "absent"
    """Absent or present and not voting."""

    def __str__(self) -> str:
        return self.value


class Forum(str, enum.Enum):
    """Where in the UN General Assembly a vote was taken."""

    PLENARY = "plenary"
    FIRST_COMMITTEE = "first_committee"
    """The Disarmament and International Security Committee, which votes on the draft first."""

    def __str__(self) -> str:
        return self.value


class MeetingKind(str, enum.Enum):
    """The kinds of meetings held under the Convention."""

    MSP = "msp"
    """A Meeting of the States Parties (Article 11)."""
    REVIEW_CONFERENCE = "review_conference"
    """A Review Conference (Article 12), held every five years."""
    SPECIAL = "special"
    """A Special Meeting of the States Parties (Articles 8 and 11(3)); none is known."""
    INTERSESSIONAL = "intersessional"
    """Standing Committee or intersessional meetings between formal meetings."""
    PREPARATORY = "preparatory"
    """A preparatory meeting for a Review Conference."""

    def __str__(self) -> str:
        return self.value


class MeetingFormat(str, enum.Enum):
    """How a meeting was held."""

    IN_PERSON = "in_person"
    VIRTUAL = "virtual"
    HYBRID = "hybrid"

    def __str__(self) -> str:
        return self.value


class DepositMethod(str, enum.Enum):
    """The kind of instrument a State deposited with the UN Secretary-General."""

    RATIFICATION = "ratification"
    ACCESSION = "accession"
    ACCEPTANCE = "acceptance"
    APPROVAL = "approval"
    SUCCESSION = "succession"

    def __str__(self) -> str:
        return self.value


class AttendanceRole(str, enum.Enum):
    """The capacity in which a State took part in a meeting."""

    OBSERVER = "observer"
    """A State not party (including signatories and States not yet bound)."""
    STATE_PARTY = "state_party"

    def __str__(self) -> str:
        return self.value


class StatementContext(str, enum.Enum):
    """The occasion on which a statement was made."""

    EXPLANATION_OF_VOTE = "explanation_of_vote"
    MEETING_STATEMENT = "meeting_statement"
    OTHER = "other"

    def __str__(self) -> str:
        return self.value


class EventKind(str, enum.Enum):
    """What happened on a date of a State's timeline."""

    SIGNATURE = "signature"
    DEPOSIT = "deposit"
    ENTRY_INTO_FORCE = "entry_into_force"
    WITHDRAWAL_NOTIFIED = "withdrawal_notified"
    WITHDRAWAL_EFFECTIVE = "withdrawal_effective"
    ACTION = "action"
    ATTENDANCE = "attendance"
    VOTE = "vote"
    STATEMENT = "statement"

    def __str__(self) -> str:
        return self.value


@attrs.frozen(kw_only=True)
class Source:
    """Where a fact came from: a URL, a citation, or both."""

    url: str | None = None
    citation: str | None = None
    """A bibliographic reference or a description of a non-URL source."""
    title: str | None = None
    note: str | None = None
    """What was read there, or how it was used."""
    retrieved: _dt.date | None = None

    def __str__(self) -> str:
        parts = [p for p in (self.url, self.citation) if p]
        text = " ".join(parts) if parts else "(no reference)"
        return f"{text} ({self.note})" if self.note else text


@attrs.frozen(kw_only=True)
class Action:
    """A dated act of a State about the Convention other than signature, deposit or withdrawal."""

    date: _dt.date | None
    description: str
    sources: tuple[Source, ...] = ()


@attrs.frozen(kw_only=True)
class State:
    """A State (or entity) that can join the Convention, keyed by ISO 3166-1 alpha-3."""

    code: str
    """ISO 3166-1 alpha-3, e.g. ``CUB``."""
    name: str
    """The short name in current UN usage, e.g. ``Cuba``."""
    alpha2: str | None = None
    aliases: tuple[str, ...] = ()
    """Other current names people use: ``USA``, ``North Korea``, ``Ivory Coast``."""
    former_names: tuple[str, ...] = ()
    """Names the State had before, including the UN's names at the time of past votes."""
    un_member: bool | None = None
    """Whether the State is a UN Member State today."""
    un_member_since: _dt.date | None = None
    """Admission to the UN, where a source gives it (not needed for founding members)."""
    status: TreatyStatus = TreatyStatus.NOT_PARTY
    """The status on the data's as-of date (see ``Metadata.as_of``)."""
    signed: _dt.date | None = None
    deposited: _dt.date | None = None
    """The date the instrument of ratification, accession, ... was deposited."""
    deposit_method: DepositMethod | None = None
    entry_into_force: _dt.date | None = None
    """The entry into force as stated by a source; ``None`` where no source states it."""
    withdrawal_notified: _dt.date | None = None
    withdrawal_effective: _dt.date | None = None
    other_actions: tuple[Action, ...] = ()
    sources: tuple[Source, ...] = ()
    notes: tuple[str, ...] = ()

    def _repr_html_(self) -> str:
        from apmbc.output._display import state_html

        return state_html(self)


@attrs.frozen(kw_only=True)
class President:
    """The presiding officer of a meeting."""

    person: str | None = None
    title: str | None = None
    state: str | None = None
    """ISO alpha-3 code of the State the president came from."""
    confidence: str | None = None
    """``high`` when a Convention, UN or ICBL source states it; ``medium`` otherwise."""
    sources: tuple[Source, ...] = ()


@attrs.frozen(kw_only=True)
class Participation:
    """Participation counts for a meeting, as a source states them."""

    states_parties: int | None = None
    not_yet_in_force: int | None = None
    """States that had deposited an instrument but for which it was not yet in force."""
    observer_states: int | None = None
    total_states: int | None = None
    basis: str | None = None
    summary: str | None = None
    sources: tuple[Source, ...] = ()


@attrs.frozen(kw_only=True)
class Meeting:
    """A formal or informal meeting of the Convention."""

    code: str
    """``1MSP``..``22MSP``, ``1RC``..``5RC``, ``IM-2023``, ``SC-2005-06``, ``1RC-PREP-2004-02``."""
    kind: MeetingKind
    name: str
    number: int | None = None
    """The ordinal of an MSP or Review Conference."""
    other_names: tuple[str, ...] = ()
    start: _dt.date | None = None
    end: _dt.date | None = None
    city: str | None = None
    country: str | None = None
    """ISO alpha-3 code of the host country."""
    venue: str | None = None
    format: MeetingFormat | None = None
    for_meeting: str | None = None
    """For a preparatory meeting, the code of the conference it prepared."""
    president: President | None = None
    participation: Participation | None = None
    participation_alternatives: tuple[Participation, ...] = ()
    """Other figures from other sources, kept so that disagreements stay visible."""
    sources: tuple[Source, ...] = ()
    notes: tuple[str, ...] = ()

    def _repr_html_(self) -> str:
        from apmbc.output._display import meeting_html

        return meeting_html(self)


@attrs.frozen(kw_only=True)
class Tally:
    """The count of a recorded vote; each figure may be unknown."""

    yes: int | None = None
    no: int | None = None
    abstain: int | None = None
    absent: int | None = None
    """Absent or not voting."""


@attrs.frozen(kw_only=True)
class Resolution:
    """One UNGA vote on the annual resolution on the Convention, in one forum of one session."""

    session: int
    forum: Forum
    symbol: str | None = None
    """``A/RES/77/63`` in plenary; the draft symbol (``A/C.1/79/L.30``) in the First Committee."""
    date: _dt.date | None = None
    title: str | None = None
    tally: Tally = Tally()
    sources: tuple[Source, ...] = ()
    notes: tuple[str, ...] = ()

    def _repr_html_(self) -> str:
        from apmbc.output._display import resolution_html

        return resolution_html(self)


@attrs.frozen(kw_only=True)
class Vote:
    """One State's position on one resolution."""

    state: str
    session: int
    forum: Forum
    position: VotePosition
    resolution: str | None = None
    """The symbol of the resolution voted on, where known."""
    recorded_name: str | None = None
    """The State's name as the UN recorded it at the time (``SWAZILAND``, ``YUGOSLAVIA``)."""
    sources: tuple[Source, ...] = ()


@attrs.frozen(kw_only=True)
class Attendance:
    """Whether a State attended a meeting, as one source says. Absences are facts too."""

    state: str
    meeting: str
    attended: bool
    role: AttendanceRole | None = None
    evidence: str | None = None
    """What the source says, paraphrased."""
    sources: tuple[Source, ...] = ()


@attrs.frozen(kw_only=True)
class Statement:
    """Something a State said about the Convention, with its attribution and source."""

    state: str
    text: str
    context: StatementContext = StatementContext.OTHER
    verbatim: bool = True
    """``False`` when ``text`` is a paraphrase rather than the State's own words."""
    attribution: str | None = None
    """The attribution as printed, e.g. ``(17MSP, 2018)``."""
    speaker: str | None = None
    meeting: str | None = None
    session: int | None = None
    forum: Forum | None = None
    year: int | None = None
    date: _dt.date | None = None
    sources: tuple[Source, ...] = ()
    notes: tuple[str, ...] = ()


@attrs.frozen(kw_only=True)
class TimelineEvent:
    """One dated event of a State's timeline (see ``Dataset.timeline``)."""

    date: _dt.date
    kind: EventKind
    description: str
    reference: str | None = None
    """The meeting code or resolution symbol the event refers to, where there is one."""
    sources: tuple[Source, ...] = ()


@attrs.frozen(kw_only=True)
class Metadata:
    """What a dataset is: its version, the day its facts are as of, and where they came from."""

    data_version: str
    as_of: _dt.date | None = None
    title: str | None = None
    sources: tuple[Source, ...] = ()
    notes: tuple[str, ...] = ()


@attrs.frozen(kw_only=True)
class Document:
    """Everything a dataset holds, in the shape it has in a JSON file."""

    metadata: Metadata
    states: tuple[State, ...] = ()
    meetings: tuple[Meeting, ...] = ()
    resolutions: tuple[Resolution, ...] = ()
    votes: tuple[Vote, ...] = ()
    attendances: tuple[Attendance, ...] = ()
    statements: tuple[Statement, ...] = ()
