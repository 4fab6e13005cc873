"""What every validation rule shares: ``Severity``, ``Finding``, the rule registry and the indices.

The rules live in the private modules of :mod:`apmbc.validation`, one per subject.
Each rule module exposes ``check(ctx) -> Iterator[Finding]`` and reads the dataset only through
the :class:`Context`, whose dictionaries are built once so that no rule loops over votes twice.
"""

from __future__ import annotations

import enum
import re
from collections import Counter

import attrs

from apmbc.dataset import Dataset
from apmbc.models import Meeting, Resolution, RollCallKey, State, VotePosition

__all__ = [
    "RULES",
    "Context",
    "Finding",
    "Severity",
    "finding",
    "res_keys",
    "roll_call_label",
    "sort_key",
]


class Severity(str, enum.Enum):
    """How bad a finding is: an ``error`` is wrong data, a ``warning`` is worth a look."""

    ERROR = "error"
    """The data contradicts itself, the Convention or the UN calendar."""
    WARNING = "warning"
    """A documented exception or a kept disagreement between sources."""

    def __str__(self) -> str:
        return self.value


_E = Severity.ERROR
_W = Severity.WARNING

RULES: dict[str, tuple[Severity, str]] = {
    # keys
    "APMBC-KEY-STATE": (_E, "two States have the same code"),
    "APMBC-KEY-MEETING": (_E, "two meetings have the same code"),
    "APMBC-KEY-RESOLUTION": (
        _E,
        "two resolutions are the same roll call (the Convention's resolution of one session and "
        "forum, or one record id)",
    ),
    "APMBC-RES-RECORD": (
        _E,
        "a roll call other than the Convention's resolution has no record id to identify it",
    ),
    "APMBC-KEY-VOTE": (_E, "a State has two votes in the same roll call"),
    "APMBC-KEY-ATTENDANCE": (
        _E,
        "two attendance facts for the same State and meeting say the same thing "
        "(or the same sources say both)",
    ),
    "APMBC-ATT-DISAGREE": (
        _W,
        "sources disagree whether a State attended a meeting; both facts are kept",
    ),
    # references
    "APMBC-REF-STATE": (_E, "a State code that no State in the dataset has"),
    "APMBC-REF-MEETING": (_E, "a meeting code that no meeting in the dataset has"),
    "APMBC-REF-RESOLUTION": (_E, "a vote or statement names a roll call the dataset does not hold"),
    # treaty dates (Articles 15, 16, 17 and 20)
    "APMBC-SIG-WINDOW": (
        _E,
        "signature outside the period the Convention was open for signature "
        "(1997-12-03 to 1999-03-01, Article 15)",
    ),
    "APMBC-SIG-AFTER-DEPOSIT": (_E, "signature dated after the deposit of the instrument"),
    "APMBC-DEPOSIT-EARLY": (_E, "instrument deposited before the Convention opened (1997-12-03)"),
    "APMBC-DEPOSIT-METHOD": (_E, "deposit method given without a deposit date, or the reverse"),
    "APMBC-EIF-ART17": (_E, "stated entry into force differs from the one Article 17 gives"),
    "APMBC-EIF-SUCCESSION": (
        _W,
        "succession in force from independence, on or before the deposit (not Article 17)",
    ),
    "APMBC-EIF-NO-DEPOSIT": (_E, "entry into force stated without a deposit"),
    "APMBC-WD-ART20": (
        _E,
        "withdrawal effective date is not six months after the notification (Article 20(2))",
    ),
    "APMBC-WD-NO-NOTICE": (_E, "withdrawal effective date without a notification date"),
    "APMBC-WD-BEFORE-DEPOSIT": (_E, "withdrawal notified without a deposit, or before it"),
    "APMBC-STATUS-ASOF": (_E, "status does not follow from the dates as of metadata.as_of"),
    "APMBC-BEYOND-CALENDAR": (
        _E,
        "a deposit or withdrawal notification so late (after 9999-06-30) that Article 17 or 20 "
        "puts its consequence after 9999-12-31, beyond the calendar",
    ),
    # the UN calendar and votes
    "APMBC-RES-SESSION": (_E, "resolution dated outside its General Assembly session"),
    "APMBC-RES-ORDER": (_E, "First Committee vote not before the plenary vote of its session"),
    "APMBC-TALLY": (
        _E,
        "a tally differs from the count of the roll call's per-State votes (in the First "
        "Committee, fewer votes than the tally are a partial record, not an error)",
    ),
    "APMBC-VOTE-SYMBOL": (_E, "vote's resolution symbol differs from its resolution's symbol"),
    "APMBC-VOTE-NON-MEMBER": (
        _E,
        "yes, no or abstain vote by a State that was not a UN member at the time",
    ),
    "APMBC-VOTE-NON-MEMBER-ABSENT": (
        _W,
        "absent row for a State that was not a UN member at the time",
    ),
    # meetings
    "APMBC-MEETING-DATES": (_E, "meeting ends before it starts"),
    "APMBC-MSP-NUMBERING": (_E, "Meetings of the States Parties not numbered 1..N without gaps"),
    "APMBC-RC-NUMBERING": (_E, "Review Conferences not numbered 1..N without gaps"),
    "APMBC-RC-INTERVAL": (
        _E,
        "consecutive Review Conferences not five years apart, give or take one (by start year)",
    ),
    "APMBC-OBSERVER-PARTY": (
        _W,
        "State attended as observer while party on the meeting's start date",
    ),
    # statements
    "APMBC-STMT-YEAR-DATE": (_E, "statement year differs from the year of its date"),
    "APMBC-STMT-YEAR-SESSION": (
        _E,
        "statement session is neither year - 1945 nor year - 1946",
    ),
    "APMBC-STMT-ATTRIBUTION": (
        _E,
        "attribution names a meeting or year other than the statement's meeting or year",
    ),
    "APMBC-STMT-MEETING-YEAR": (_E, "statement year is not a year of its meeting"),
}


@attrs.frozen(kw_only=True)
class Finding:
    """One thing a rule found: a stable ``code``, a ``severity``, where, which records and what."""

    code: str
    """A stable code such as ``APMBC-EIF-ART17``; :data:`RULES` lists them all."""
    severity: Severity
    path: str
    """Where, as a field path into the dataset, e.g. ``states[12].entry_into_force``."""
    keys: tuple[str, ...]
    """The keys of the records involved, e.g. ``("SSD",)`` or ``("CUB", "77", "plenary")``."""
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.code} {self.message}"


def finding(code: str, path: str, keys: tuple[str, ...], message: str) -> Finding:
    """A finding with the default severity of ``code`` (which must be in :data:`RULES`)."""
    return Finding(code=code, severity=RULES[code][0], path=path, keys=keys, message=message)


_TABLES = ("metadata", "states", "meetings", "resolutions", "votes", "attendances", "statements")
_PARTS = re.compile(r"(\d+)")


def sort_key(item: Finding) -> tuple[object, ...]:
    """Document order of tables, then natural order of the path, then code and message."""
    head = item.path.split("[", 1)[0].split(".", 1)[0]
    rank = _TABLES.index(head) if head in _TABLES else len(_TABLES)
    natural = tuple(
        (0, int(part), "") if part.isdigit() else (1, 0, part)
        for part in _PARTS.split(item.path)
        if part
    )
    return (rank, natural, item.code, item.keys, item.message)


class Context:
    """A dataset plus the indices the rules share, each built once."""

    def __init__(self, ds: Dataset) -> None:
        self.ds = ds
        self.states: tuple[State, ...] = tuple(ds.states)
        self.meetings: tuple[Meeting, ...] = tuple(ds.meetings)
        self.resolutions: tuple[Resolution, ...] = tuple(ds.resolutions)
        self.state_by_code: dict[str, State] = {}
        for state in self.states:
            self.state_by_code.setdefault(state.code, state)
        self.meeting_by_code: dict[str, Meeting] = {}
        for meeting in self.meetings:
            self.meeting_by_code.setdefault(meeting.code, meeting)
        self.resolution_by_key: dict[RollCallKey, Resolution] = {}
        """Each roll call's (first) resolution, by :attr:`~apmbc.models.Resolution.roll_call`."""
        for resolution in self.resolutions:
            self.resolution_by_key.setdefault(resolution.roll_call, resolution)
        self.counts: dict[RollCallKey, Counter[VotePosition]] = {}
        """The per-State votes of each roll call, counted by position."""
        last: RollCallKey | None = None
        counter: Counter[VotePosition] = Counter()
        for vote in ds.votes:
            key = (vote.session, vote.forum, vote.record)
            if key != last:  # the votes of one roll call usually come together
                found = self.counts.get(key)
                counter = self.counts[key] = Counter() if found is None else found
                last = key
            counter[vote.position] += 1


def res_keys(roll_call: RollCallKey) -> tuple[str, ...]:
    """The keys of a roll call as strings: ``("77", "plenary")``, or with its record id."""
    session, forum, record = roll_call
    return (str(session), forum.value) if record is None else (str(session), forum.value, record)


def roll_call_label(roll_call: RollCallKey) -> str:
    """A roll call in words: ``session 77 plenary`` or ``session 77 plenary, record 4011234``."""
    session, forum, record = roll_call
    label = f"session {session} {forum.value}"
    return label if record is None else f"{label}, record {record}"
