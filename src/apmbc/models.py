"""The typed records of apmbc: frozen attrs classes and string enums, no I/O.

Every record refers to others by code (ISO 3166-1 alpha-3 for States, ``7MSP`` / ``1RC`` style
codes for meetings, session and forum for resolutions), never by display name. Unknown facts are
``None``; nothing here guesses. Each record carries the ``sources`` it came from.
"""

from __future__ import annotations

import datetime as _dt
import enum
from collections.abc import Callable
from typing import Any

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
    "MergeRecord",
    "MergedFile",
    "Metadata",
    "Participation",
    "President",
    "Resolution",
    "RollCallKey",
    "Source",
    "SourceKind",
    "State",
    "Statement",
    "StatementContext",
    "TableCounts",
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
    NATIONAL_POLICY = "national_policy"
    """What a State says of its own policy on the mines: a moratorium on their export or
    production, a stockpile, a ban in national law (a profile page's section on national
    policies)."""
    OTHER = "other"

    def __str__(self) -> str:
        return self.value


_SHOWN_TEXT = 60
"""Characters of a text field a ``repr`` shows before it cuts it with "..."; a tuple or a nested
record longer than this is shown shorter (counted, or by its first field)."""
_SHOWN_ITEMS = 3
"""Items of a tuple field a ``repr`` lists before it only counts them."""


def _count(items: tuple[object, ...]) -> str:
    return f"<{len(items)} item{'' if len(items) == 1 else 's'}>"


def _shown(value: object) -> str:
    if isinstance(value, str) and len(value) > _SHOWN_TEXT:
        return repr(value[: _SHOWN_TEXT - 3] + "...")
    if isinstance(value, tuple) and (
        len(value) > _SHOWN_ITEMS or any(isinstance(v, _Record) for v in value)
    ):
        return _count(value)
    if isinstance(value, tuple):
        listed = "(" + ", ".join(_shown(v) for v in value) + ("," if len(value) == 1 else "") + ")"
        return listed if len(listed) <= _SHOWN_TEXT else _count(value)
    if isinstance(value, _Record):
        parts = value._shown_fields()
        whole = f"{type(value).__name__}({', '.join(parts)})"
        if len(whole) <= _SHOWN_TEXT or len(parts) < 2:
            return whole
        return f"{type(value).__name__}({parts[0]}, ...)"
    return repr(value)


class _Record:
    """What every record shares: a ``repr`` short enough for a REPL.

    Fields left at their default are not shown; a field shows about 60 characters at most: long
    texts are cut, tuples of records (or of many or long values) are counted, and a long nested
    record shows its first field. The whole record is in ``apmbc.to_dict(record)`` and in the
    notebook view.
    """

    __slots__ = ()

    def _shown_fields(self) -> list[str]:
        parts = []
        cls: Any = type(self)  # every subclass is an attrs class
        for field in attrs.fields(cls):
            value = getattr(self, field.name)
            if field.default is not attrs.NOTHING and value == field.default:
                continue
            parts.append(f"{field.name}={_shown(value)}")
        return parts

    def __repr__(self) -> str:
        return f"{type(self).__name__}({', '.join(self._shown_fields())})"


class SourceKind(str, enum.Enum):
    """What kind of publisher a source is, for judging how much a fact rests on."""

    UN = "un"
    """The United Nations or its depositary: documents, press releases, the Treaty Collection."""
    CONVENTION = "convention"
    """The Convention's own website and documents (its Implementation Support Unit)."""
    GOVERNMENT = "government"
    """A government's own statement, site or document."""
    LANDMINE_MONITOR = "landmine_monitor"
    """Landmine and Cluster Munition Monitor reports (ICBL-CMC)."""
    NGO = "ngo"
    """A non-governmental organisation other than the Monitor (ICBL, ICRC, ...)."""
    NEWS = "news"
    """A news report."""
    DATASET = "dataset"
    """A published data set (a scrape, a code list, another project's data)."""
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


@attrs.frozen(kw_only=True, repr=False)
class Source(_Record):
    """Where a fact came from: a URL, a citation, or both."""

    url: str | None = None
    citation: str | None = None
    """A bibliographic reference or a description of a non-URL source."""
    title: str | None = None
    note: str | None = None
    """What was read there, or how it was used."""
    retrieved: _dt.date | None = None
    """The day the fact was collected from the source."""
    kind: SourceKind | None = None
    """Who published it (the UN, the Convention, a government, news, ...); ``None`` if unknown."""

    def __str__(self) -> str:
        parts = [p for p in (self.url, self.citation) if p]
        text = " ".join(parts) if parts else "(no reference)"
        return f"{text} ({self.note})" if self.note else text


@attrs.frozen(kw_only=True, repr=False)
class Action(_Record):
    """A dated act of a State about the Convention other than signature, deposit or withdrawal."""

    date: _dt.date | None
    description: str
    sources: tuple[Source, ...] = ()


@attrs.frozen(kw_only=True, repr=False)
class State(_Record):
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
    cow_code: int | None = None
    """The Correlates of War country code (Serbia carries 345, as COW and Voeten continue it)."""
    gw_code: int | None = None
    """The Gleditsch-Ward country code."""
    m49: int | None = None
    """The UN M49 numeric code."""
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


@attrs.frozen(kw_only=True, repr=False)
class President(_Record):
    """The presiding officer of a meeting."""

    person: str | None = None
    title: str | None = None
    state: str | None = None
    """ISO alpha-3 code of the State the president came from."""
    confidence: str | None = None
    """``high`` when a Convention, UN or ICBL source states it; ``medium`` otherwise."""
    sources: tuple[Source, ...] = ()


@attrs.frozen(kw_only=True, repr=False)
class Participation(_Record):
    """Participation counts for a meeting, as a source states them."""

    states_parties: int | None = None
    not_yet_in_force: int | None = None
    """States that had deposited an instrument but for which it was not yet in force."""
    observer_states: int | None = None
    total_states: int | None = None
    basis: str | None = None
    summary: str | None = None
    sources: tuple[Source, ...] = ()


@attrs.frozen(kw_only=True, repr=False)
class Meeting(_Record):
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


@attrs.frozen(kw_only=True, repr=False)
class Tally(_Record):
    """The count of a recorded vote; each figure may be unknown."""

    yes: int | None = None
    no: int | None = None
    abstain: int | None = None
    absent: int | None = None
    """Absent or not voting."""


RollCallKey = tuple[int, Forum, str | None]
"""The identity of a recorded vote: ``(session, forum, None)`` for the annual resolution on the
Convention, ``(session, forum, record)`` for any other roll call (see :attr:`Resolution.roll_call`
and :attr:`Vote.roll_call`)."""


@attrs.frozen(kw_only=True, repr=False)
class Resolution(_Record):
    """One recorded vote of the UN General Assembly: by default the annual resolution on the
    Convention, in one forum of one session.

    The Convention's resolution is one per session and forum, and known by them. Any other roll
    call (``convention=False``, as read with ``title_filter=None``) is known by its UN Digital
    Library record id and its symbol, since one session holds many and one symbol can hold
    several votes (on a paragraph and on the whole text).
    """

    session: int
    """The regular session (an emergency special session's vote counts in the regular session
    sitting on its date; the symbol keeps the special session)."""
    forum: Forum
    symbol: str | None = None
    """``A/RES/77/63`` in plenary; the draft symbol (``A/C.1/79/L.30``) in the First Committee."""
    record: str | None = None
    """The roll call's id in its source: the UN Digital Library record id (``"4011234"``), or
    another data set's id with its name (``"voeten:1234"``). Required for a roll call other than
    the Convention's resolution, which it identifies."""
    convention: bool = True
    """Whether this is the annual resolution on the Convention (one per session and forum)."""
    date: _dt.date | None = None
    title: str | None = None
    tally: Tally = Tally()
    sources: tuple[Source, ...] = ()
    notes: tuple[str, ...] = ()

    @property
    def roll_call(self) -> RollCallKey:
        """This vote's identity: ``(session, forum, None)`` for the Convention's resolution,
        ``(session, forum, record)`` for another roll call; a :class:`Vote` on it has the same."""
        return (self.session, self.forum, None if self.convention else self.record)

    def _repr_html_(self) -> str:
        from apmbc.output._display import resolution_html

        return resolution_html(self)


@attrs.frozen(kw_only=True, repr=False)
class Vote(_Record):
    """One State's position in one recorded vote."""

    state: str
    session: int
    forum: Forum
    position: VotePosition
    """The position as recorded."""
    resolution: str | None = None
    """The symbol of the resolution voted on, where known."""
    record: str | None = None
    """The record id of the roll call voted on, for a roll call other than the Convention's
    resolution (see :attr:`Resolution.record`); ``None`` for a vote on the Convention's."""
    intended: VotePosition | None = None
    """The position the State told the Secretariat it had intended, when a correction was
    printed after the vote; the recorded ``position`` stands."""
    recorded_name: str | None = None
    """The State's name as the UN recorded it at the time (``SWAZILAND``, ``YUGOSLAVIA``)."""
    sources: tuple[Source, ...] = ()

    @property
    def roll_call(self) -> RollCallKey:
        """The identity of the roll call voted on (the :attr:`Resolution.roll_call` it matches)."""
        return (self.session, self.forum, self.record)

    @property
    def convention(self) -> bool:
        """Whether the vote is on the annual resolution on the Convention (no other roll call)."""
        return self.record is None


@attrs.frozen(kw_only=True, repr=False)
class Attendance(_Record):
    """Whether a State attended a meeting, as one source says. Absences are facts too."""

    state: str
    meeting: str
    attended: bool
    role: AttendanceRole | None = None
    evidence: str | None = None
    """What the source says, paraphrased."""
    inferred: bool = False
    """``True`` for a fact read from a later statement (a State's "most recent" attendance)
    rather than from a list of participants: weaker evidence."""
    sources: tuple[Source, ...] = ()


@attrs.frozen(kw_only=True, repr=False)
class Statement(_Record):
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


@attrs.frozen(kw_only=True, repr=False)
class TimelineEvent(_Record):
    """One dated event of a State's timeline (see ``Dataset.timeline``)."""

    date: _dt.date
    kind: EventKind
    description: str
    reference: str | None = None
    """The meeting code or resolution symbol the event refers to, where there is one."""
    sources: tuple[Source, ...] = ()


@attrs.frozen(kw_only=True, repr=False)
class TableCounts(_Record):
    """A number of records for each of the six tables (what a merge added, confirmed...)."""

    states: int = 0
    meetings: int = 0
    resolutions: int = 0
    votes: int = 0
    attendances: int = 0
    statements: int = 0

    @property
    def total(self) -> int:
        """The records of every table together."""
        return sum(self.items().values())

    def items(self) -> dict[str, int]:
        """``{table: count}`` for the six tables, in the order of a dataset file."""
        return {field.name: getattr(self, field.name) for field in attrs.fields(TableCounts)}

    def __bool__(self) -> bool:
        return any(self.items().values())


@attrs.frozen(kw_only=True, repr=False)
class MergedFile(_Record):
    """One input of a merge: the file it was read from, and what it added."""

    name: str
    """The file's name as given (its last part), or for a dataset merged from memory, its data
    version."""
    sha256: str | None = None
    """The SHA-256 of the file's bytes, in hexadecimal; ``None`` for a dataset from memory."""
    kind: str | None = None
    """What the file holds, as ``apmbc update`` detected it (a ``FileKind`` value such as
    ``undl_csv``); ``None`` when not detected."""
    added: TableCounts = TableCounts()
    """The records this input added, per table (an input read from two files, such as the
    unvotes tables, counts them on its first file)."""
    notes: tuple[str, ...] = ()
    """What the reader said of the file: what it read, and what it could not."""


@attrs.frozen(kw_only=True, repr=False)
class MergeRecord(_Record):
    """One merge that made a dataset: from which version to which, from which files, and when."""

    base_version: str
    """The data version merged into."""
    data_version: str
    """The data version the merge made."""
    files: tuple[MergedFile, ...] = ()
    prefer: str = "base"
    """Which value a conflict kept: ``base`` or ``other``."""
    when: _dt.datetime
    """The moment of the merge, in UTC (ISO 8601 with ``Z`` in JSON)."""


@attrs.frozen(kw_only=True, repr=False)
class Metadata(_Record):
    """What a dataset is: its version, the day its facts are as of, and where they came from."""

    data_version: str
    as_of: _dt.date | None = None
    """The day the facts were checked up to (a State's status is its status on this day)."""
    title: str | None = None
    sources: tuple[Source, ...] = ()
    notes: tuple[str, ...] = ()
    newest_source: _dt.date | None = None
    """The newest date any fact of the data bears (see :func:`apmbc.queries.newest_date`): where
    the record ends, which may be well before :attr:`as_of`."""
    base_version: str | None = None
    """For a merged dataset, the data version it was last merged into (``None`` otherwise)."""
    merges: tuple[MergeRecord, ...] = ()
    """Every merge that made this dataset from its release, oldest first."""


@attrs.frozen(kw_only=True, repr=False)
class Document(_Record):
    """Everything a dataset holds, in the shape it has in a JSON file."""

    metadata: Metadata
    states: tuple[State, ...] = ()
    meetings: tuple[Meeting, ...] = ()
    resolutions: tuple[Resolution, ...] = ()
    votes: tuple[Vote, ...] = ()
    attendances: tuple[Attendance, ...] = ()
    statements: tuple[Statement, ...] = ()


def _vote_factory() -> Callable[..., Vote]:
    """A function that builds :class:`Vote` records exactly as ``Vote(...)`` does, from its
    nine fields in order, about twice as fast: for the loaders that build hundreds of thousands.

    It fills the slots through their descriptors, which is what the frozen class's generated
    ``__init__`` does one call at a time (no validator or converter runs in either);
    ``tests/test_structure.py`` holds the two equal.
    """
    new = object.__new__
    slots = Vote.__dict__
    names = [field.name for field in attrs.fields(Vote)]
    if names != [
        "state",
        "session",
        "forum",
        "position",
        "resolution",
        "record",
        "intended",
        "recorded_name",
        "sources",
    ]:  # pragma: no cover - a change to Vote must change this function too
        raise AssertionError(f"Vote's fields changed: {names}")
    set_state, set_session, set_forum, set_position, set_resolution = (
        slots[n].__set__ for n in names[:5]
    )
    set_record, set_intended, set_name, set_sources = (slots[n].__set__ for n in names[5:])

    def make(
        state: str,
        session: int,
        forum: Forum,
        position: VotePosition,
        resolution: str | None,
        record: str | None,
        intended: VotePosition | None,
        recorded_name: str | None,
        sources: tuple[Source, ...],
    ) -> Vote:
        vote: Vote = new(Vote)
        set_state(vote, state)
        set_session(vote, session)
        set_forum(vote, forum)
        set_position(vote, position)
        set_resolution(vote, resolution)
        set_record(vote, record)
        set_intended(vote, intended)
        set_name(vote, recorded_name)
        set_sources(vote, sources)
        return vote

    return make
