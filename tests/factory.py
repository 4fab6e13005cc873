"""A small, made-up world for unit tests: eight States, four meetings, four votes of the UN.

Every name, date and figure here is invented ("Freedonia"); the codes are not ISO codes. The
world is built so that each case the code distinguishes appears once, and a reader can tell
from this page alone what any test's expected value must be. As of 30 June 2026 (``AS_OF``):

====  ==============  ===========  ==========================================================
code  name            status       why
====  ==============  ===========  ==========================================================
BRD   Borduria        withdrawn    in force 2000-08-01 (Art. 17); withdrawal notified
                                   2025-06-27, effective 2025-12-27 by Art. 20 (not stated)
ELB   Elbonia         not_party    the observer: attends meetings, abstains, makes statements
FRD   Freedonia       party        deposited 1998-06-15, so in force 1999-03-01 (Art. 17);
                                   aliases, notes, three kinds of source, another action
GFW   Grand Fenwick   joining      deposited 2026-03-20, in force 2026-09-01 (Art. 17)
GNV   Genovia         withdrawn    deposited 1998-12-01, in force 1999-06-01 (stated);
                                   withdrawal notified 2025-07-10, effective 2026-01-10 (stated)
LAT   Latveria        withdrawing  in force 1999-11-01; withdrawal notified 2026-03-01,
                                   effective 2026-09-01 (Art. 20)
RUR   Ruritania       party        succession deposited 2005-02-10, in force from 2004-07-09 as
                                   stated (Art. 17 would give 2005-08-01); UN member 2004-07-20
SYL   Sylvania        signatory    signed 1998-01-15; not a UN member, so it never votes
====  ==============  ===========  ==========================================================

Meetings, in date order: ``1MSP`` (1999, president and two participation figures), ``1RC``
(2004), ``IM-2005`` (intersessional, city unknown) and ``2RC`` (2009).

Votes: session 54 in plenary (3 yes, 1 no, 1 abstain, 1 absent; Ruritania not yet a member) and
in the First Committee (tally unknown, one per-State record: Elbonia abstained); session 60 in
plenary (5 yes, 0 no, 2 abstain, 0 absent) and in the First Committee (150 yes stated, the rest
unknown, no per-State record).

Attendance: Elbonia observed every meeting, but two sources disagree on ``1MSP``, and its ``2RC``
attendance is inferred from a later statement; Sylvania is recorded absent from both Review
Conferences (so it never attended one) and observed ``1MSP``; Grand Fenwick is recorded absent
from ``1RC`` only (so whether it attended one is unknown); Freedonia took part in ``1MSP`` as a
State Party.

Statements: two by Elbonia (a paraphrased explanation of vote in the First Committee, its own
words at ``1RC``) and one long one by Grand Fenwick.

Each builder takes keyword overrides of its record's fields (``freedonia(name="X")``);
:func:`world` and :func:`document` take overrides of whole tables or of the metadata.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any, TypeVar, cast

import attrs

import apmbc
from apmbc import (
    Action,
    Attendance,
    AttendanceRole,
    DepositMethod,
    Document,
    Forum,
    Meeting,
    MeetingFormat,
    MeetingKind,
    Metadata,
    Participation,
    President,
    Resolution,
    Source,
    SourceKind,
    State,
    Statement,
    StatementContext,
    Tally,
    TreatyStatus,
    Vote,
    VotePosition,
)

__all__ = [
    "AS_OF",
    "attendance",
    "attendances",
    "borduria",
    "document",
    "elbonia",
    "first_msp",
    "first_rc",
    "freedonia",
    "genovia",
    "grand_fenwick",
    "intersessional",
    "latveria",
    "meetings",
    "metadata",
    "resolutions",
    "ruritania",
    "second_rc",
    "source",
    "statements",
    "states",
    "sylvania",
    "vote",
    "votes",
    "world",
    "write_world",
]

AS_OF = dt.date(2026, 6, 30)
"""The day the factory world's facts are as of."""

_D = dt.date
_PLENARY = Forum.PLENARY
_FIRST = Forum.FIRST_COMMITTEE


R = TypeVar("R", bound=attrs.AttrsInstance)


def _evolve(record: R, overrides: dict[str, Any]) -> R:
    # attrs' mypy plugin cannot check evolve() on a type variable, even one bound to attrs
    # classes; the cast says what evolve() returns: a record of the same class.
    return cast(R, attrs.evolve(cast(Any, record), **overrides)) if overrides else record


def source(name: str, **overrides: Any) -> Source:
    """A source at ``https://example.org/factory/<name>`` (a reserved, never-real domain)."""
    return _evolve(
        Source(url=f"https://example.org/factory/{name}", kind=SourceKind.OTHER), overrides
    )


def metadata(**overrides: Any) -> Metadata:
    """The world's metadata: version ``factory``, as of :data:`AS_OF`."""
    return _evolve(
        Metadata(
            data_version="factory",
            as_of=AS_OF,
            title="The factory world (made-up States, for tests)",
            sources=(source("metadata"),),
            notes=("Every State, meeting and figure here is made up.",),
        ),
        overrides,
    )


# -- States ---------------------------------------------------------------------------------


def borduria(**overrides: Any) -> State:
    """Withdrawn; the withdrawal's effect is not stated, so Article 20 gives it."""
    return _evolve(
        State(
            code="BRD",
            name="Borduria",
            un_member=True,
            status=TreatyStatus.WITHDRAWN,
            signed=_D(1997, 12, 4),
            deposited=_D(2000, 2, 15),
            deposit_method=DepositMethod.RATIFICATION,
            withdrawal_notified=_D(2025, 6, 27),
            sources=(source("borduria"),),
        ),
        overrides,
    )


def elbonia(**overrides: Any) -> State:
    """Not party: the observer of every meeting, who abstains and explains its votes."""
    return _evolve(
        State(
            code="ELB",
            name="Elbonia",
            aliases=("Elbonian Republic",),
            former_names=("Lower Elbonia",),
            un_member=True,
            status=TreatyStatus.NOT_PARTY,
            sources=(source("elbonia"), source("elbonia-profile")),
        ),
        overrides,
    )


def freedonia(**overrides: Any) -> State:
    """Party by Article 17 (deposited before 1 March 1999), with every optional detail."""
    return _evolve(
        State(
            code="FRD",
            name="Freedonia",
            alpha2="XF",
            aliases=("Republic of Freedonia", "Fredonia"),
            un_member=True,
            status=TreatyStatus.PARTY,
            signed=_D(1997, 12, 3),
            deposited=_D(1998, 6, 15),
            deposit_method=DepositMethod.RATIFICATION,
            other_actions=(
                Action(
                    date=_D(2003, 5, 1),
                    description="Reported its stockpile destroyed",
                    sources=(source("freedonia-report"),),
                ),
            ),
            sources=(
                source("freedonia"),
                Source(citation="Factory Treaty Series 1"),
                Source(title="a title only: neither a URL nor a citation"),
            ),
            notes=("first note", "second note"),
        ),
        overrides,
    )


def grand_fenwick(**overrides: Any) -> State:
    """Joining: its accession of March 2026 enters into force on 1 September 2026."""
    return _evolve(
        State(
            code="GFW",
            name="Grand Fenwick",
            aliases=("Duché de Grand Fenwick",),
            un_member=True,
            status=TreatyStatus.JOINING,
            deposited=_D(2026, 3, 20),
            deposit_method=DepositMethod.ACCESSION,
            sources=(source("grand-fenwick"),),
        ),
        overrides,
    )


def genovia(**overrides: Any) -> State:
    """Withdrawn, with the entry into force and the withdrawal's effect both stated."""
    return _evolve(
        State(
            code="GNV",
            name="Genovia",
            un_member=True,
            status=TreatyStatus.WITHDRAWN,
            signed=_D(1997, 12, 3),
            deposited=_D(1998, 12, 1),
            deposit_method=DepositMethod.RATIFICATION,
            entry_into_force=_D(1999, 6, 1),
            withdrawal_notified=_D(2025, 7, 10),
            withdrawal_effective=_D(2026, 1, 10),
            sources=(source("genovia"),),
        ),
        overrides,
    )


def latveria(**overrides: Any) -> State:
    """Withdrawing: notified in March 2026, effective in September by Article 20."""
    return _evolve(
        State(
            code="LAT",
            name="Latveria",
            un_member=True,
            status=TreatyStatus.WITHDRAWING,
            deposited=_D(1999, 5, 10),
            deposit_method=DepositMethod.ACCESSION,
            withdrawal_notified=_D(2026, 3, 1),
            sources=(source("latveria"),),
        ),
        overrides,
    )


def ruritania(**overrides: Any) -> State:
    """Party by a succession in force from a stated date before its deposit."""
    return _evolve(
        State(
            code="RUR",
            name="Ruritania",
            un_member=True,
            un_member_since=_D(2004, 7, 20),
            status=TreatyStatus.PARTY,
            deposited=_D(2005, 2, 10),
            deposit_method=DepositMethod.SUCCESSION,
            entry_into_force=_D(2004, 7, 9),
            sources=(source("ruritania"),),
        ),
        overrides,
    )


def sylvania(**overrides: Any) -> State:
    """Signatory, and not a UN member: it has no vote at all."""
    return _evolve(
        State(
            code="SYL",
            name="Sylvania",
            un_member=False,
            status=TreatyStatus.SIGNATORY,
            signed=_D(1998, 1, 15),
            sources=(source("sylvania"),),
        ),
        overrides,
    )


def states() -> tuple[State, ...]:
    """The eight States, in code order."""
    return (
        borduria(),
        elbonia(),
        freedonia(),
        grand_fenwick(),
        genovia(),
        latveria(),
        ruritania(),
        sylvania(),
    )


# -- meetings -------------------------------------------------------------------------------


def first_msp(**overrides: Any) -> Meeting:
    """``1MSP``: every optional field set, and a second source's participation figures."""
    return _evolve(
        Meeting(
            code="1MSP",
            kind=MeetingKind.MSP,
            name="First Meeting of the States Parties",
            number=1,
            other_names=("1st MSP",),
            start=_D(1999, 5, 3),
            end=_D(1999, 5, 7),
            city="Fredville",
            country="FRD",
            venue="Hall of the Republic",
            format=MeetingFormat.IN_PERSON,
            president=President(
                person="Rufus T. Firefly",
                title="Minister of Foreign Affairs",
                state="FRD",
                confidence="high",
                sources=(source("1msp-report"),),
            ),
            participation=Participation(
                states_parties=1,
                not_yet_in_force=1,
                observer_states=2,
                total_states=4,
                basis="final report",
                sources=(source("1msp-report"),),
            ),
            participation_alternatives=(
                Participation(
                    states_parties=1,
                    observer_states=3,
                    basis="press release",
                    sources=(source("1msp-press"),),
                ),
            ),
            sources=(source("1msp"),),
            notes=("held in the Hall of the Republic",),
        ),
        overrides,
    )


def first_rc(**overrides: Any) -> Meeting:
    """``1RC``: a Review Conference with no president recorded."""
    return _evolve(
        Meeting(
            code="1RC",
            kind=MeetingKind.REVIEW_CONFERENCE,
            name="First Review Conference",
            number=1,
            start=_D(2004, 11, 29),
            end=_D(2004, 12, 3),
            city="Strelsau",
            country="RUR",
            format=MeetingFormat.IN_PERSON,
            sources=(source("1rc"),),
        ),
        overrides,
    )


def intersessional(**overrides: Any) -> Meeting:
    """``IM-2005``: intersessional meetings, held online, city unknown."""
    return _evolve(
        Meeting(
            code="IM-2005",
            kind=MeetingKind.INTERSESSIONAL,
            name="Intersessional Meetings 2005",
            start=_D(2005, 6, 13),
            end=_D(2005, 6, 17),
            format=MeetingFormat.VIRTUAL,
            sources=(source("im-2005"),),
        ),
        overrides,
    )


def second_rc(**overrides: Any) -> Meeting:
    """``2RC``: the second Review Conference, five years after the first."""
    return _evolve(
        Meeting(
            code="2RC",
            kind=MeetingKind.REVIEW_CONFERENCE,
            name="Second Review Conference",
            number=2,
            start=_D(2009, 11, 30),
            end=_D(2009, 12, 4),
            city="Pyrus",
            country="GNV",
            format=MeetingFormat.HYBRID,
            sources=(source("2rc"),),
        ),
        overrides,
    )


def meetings() -> tuple[Meeting, ...]:
    """The four meetings, in date order."""
    return (first_msp(), first_rc(), intersessional(), second_rc())


# -- the UN General Assembly ----------------------------------------------------------------


def resolutions() -> tuple[Resolution, ...]:
    """Sessions 54 and 60, each in plenary and in the First Committee."""
    return (
        Resolution(
            session=54,
            forum=_PLENARY,
            symbol="A/RES/54/54 B",
            date=_D(1999, 12, 1),
            title="Factory resolution on the Convention (54th session)",
            tally=Tally(yes=3, no=1, abstain=1, absent=1),
            sources=(source("res-54"),),
        ),
        Resolution(
            session=54,
            forum=_FIRST,
            notes=("nothing is known of this vote but that it was held",),
            sources=(source("res-54-c1"),),
        ),
        Resolution(
            session=60,
            forum=_PLENARY,
            symbol="A/RES/60/80",
            date=_D(2005, 12, 8),
            title="Factory resolution on the Convention (60th session)",
            tally=Tally(yes=5, no=0, abstain=2, absent=0),
            sources=(source("res-60"),),
        ),
        Resolution(
            session=60,
            forum=_FIRST,
            symbol="A/C.1/60/L.30",
            date=_D(2005, 11, 1),
            tally=Tally(yes=150),
            sources=(source("res-60-c1"),),
        ),
    )


_POSITIONS: dict[tuple[int, Forum], dict[str, VotePosition]] = {
    (54, _PLENARY): {
        "BRD": VotePosition.YES,
        "ELB": VotePosition.ABSTAIN,
        "FRD": VotePosition.YES,
        "GFW": VotePosition.NO,
        "GNV": VotePosition.YES,
        "LAT": VotePosition.ABSENT,
    },
    (54, _FIRST): {"ELB": VotePosition.ABSTAIN},
    (60, _PLENARY): {
        "BRD": VotePosition.YES,
        "ELB": VotePosition.ABSTAIN,
        "FRD": VotePosition.YES,
        "GFW": VotePosition.ABSTAIN,
        "GNV": VotePosition.YES,
        "LAT": VotePosition.YES,
        "RUR": VotePosition.YES,
    },
}
_SYMBOLS = {(54, _PLENARY): "A/RES/54/54 B", (60, _PLENARY): "A/RES/60/80"}


def vote(state: str, session: int, forum: Forum, position: VotePosition, **overrides: Any) -> Vote:
    """One State's vote, on the symbol of its session's resolution, with a source."""
    return _evolve(
        Vote(
            state=state,
            session=session,
            forum=forum,
            position=position,
            resolution=_SYMBOLS.get((session, forum)),
            sources=(source(f"votes-{session}-{forum.value}"),),
        ),
        overrides,
    )


def votes() -> tuple[Vote, ...]:
    """Every per-State vote: sessions 54 and 60 in plenary, Elbonia's in the First Committee.

    Elbonia's 54th-session vote is recorded under a former name, as the UN printed it then.
    """
    out = []
    for (session, forum), positions in _POSITIONS.items():
        for state, position in positions.items():
            extra: dict[str, Any] = {}
            if (state, session, forum) == ("ELB", 54, _PLENARY):
                extra["recorded_name"] = "LOWER ELBONIA"
            out.append(vote(state, session, forum, position, **extra))
    return tuple(out)


# -- meetings attended, and what was said -------------------------------------------------------


def attendance(state: str, meeting: str, attended: bool = True, **overrides: Any) -> Attendance:
    """One attendance fact, as an observer unless ``role`` is overridden."""
    return _evolve(
        Attendance(
            state=state,
            meeting=meeting,
            attended=attended,
            role=AttendanceRole.OBSERVER if attended else None,
            evidence=f"listed as {'present' if attended else 'absent'}",
            sources=(source(f"{meeting.lower()}-participants"),),
        ),
        overrides,
    )


def attendances() -> tuple[Attendance, ...]:
    """The attendance facts (see the module's description)."""
    return (
        attendance("ELB", "1MSP"),
        attendance(
            "ELB", "1MSP", False, evidence="not in the press list", sources=(source("1msp-press"),)
        ),
        attendance("ELB", "1RC"),
        attendance("ELB", "IM-2005", role=None),
        attendance(
            "ELB",
            "2RC",
            role=None,
            inferred=True,
            evidence="a later statement names 2RC as its most recent attendance",
        ),
        attendance("FRD", "1MSP", role=AttendanceRole.STATE_PARTY),
        attendance("GFW", "1RC", False),
        attendance("SYL", "1MSP"),
        attendance("SYL", "1RC", False),
        attendance("SYL", "2RC", False),
    )


def statements() -> tuple[Statement, ...]:
    """Elbonia's two statements and Grand Fenwick's long one."""
    return (
        Statement(
            state="ELB",
            text="Elbonia abstained because the Convention does not address its security needs.",
            context=StatementContext.EXPLANATION_OF_VOTE,
            verbatim=False,
            session=60,
            forum=_FIRST,
            sources=(source("res-60-c1-explanations"),),
        ),
        Statement(
            state="ELB",
            text="We share the goal of a world free of mines.",
            context=StatementContext.MEETING_STATEMENT,
            attribution="(1RC, 2004)",
            speaker="Ambassador of Elbonia",
            meeting="1RC",
            year=2004,
            sources=(source("1rc-statements"),),
        ),
        Statement(
            state="GFW",
            text=(
                "Grand Fenwick has decided to join the Convention, after long consultation of "
                "its parliament and of the communities living along its border with its "
                "neighbours."
            ),
            date=_D(2026, 3, 20),
            sources=(Source(citation="Grand Fenwick Gazette, 20 March 2026"),),
        ),
    )


# -- the whole world ------------------------------------------------------------------------


def document(**tables: Any) -> Document:
    """The world as a :class:`~apmbc.models.Document`; ``tables`` replace whole tables."""
    base: dict[str, Any] = {
        "metadata": metadata(),
        "states": states(),
        "meetings": meetings(),
        "resolutions": resolutions(),
        "votes": votes(),
        "attendances": attendances(),
        "statements": statements(),
    }
    unknown = set(tables) - set(base)
    if unknown:
        raise TypeError(f"document() got unknown table(s): {', '.join(sorted(unknown))}")
    base.update({k: tuple(v) if k != "metadata" else v for k, v in tables.items()})
    return Document(**base)


def world(**tables: Any) -> apmbc.Dataset:
    """The world as a :class:`~apmbc.Dataset`; ``tables`` replace whole tables or the metadata
    (``world(states=[freedonia()])`` is a world of one State)."""
    return apmbc.Dataset.from_document(document(**tables))


def write_world(path: Path, **tables: Any) -> Path:
    """Write the world (with ``tables`` replaced) as a dataset JSON file; return ``path``."""
    apmbc.dump_json(world(**tables), path)
    return path
