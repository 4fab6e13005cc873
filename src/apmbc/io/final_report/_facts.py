"""The facts of a final report's prose: stated counts, the President, the dates and the place.

Each reader looks for an anchor word ("States", "elected", "held") and then reads a bounded
window around it, so that the time stays linear in the length of the text.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Callable

import attrs

from apmbc.domain.dates import find_date_ranges, month_of
from apmbc.domain.names import collapse_spaces
from apmbc.domain.numbers import cardinal
from apmbc.io.final_report._lists import ReportSection, classify
from apmbc.models import State

__all__ = ["Count", "Held", "PresidentText", "read_counts", "read_held", "read_president"]

Resolve = Callable[[str], State | None]

_STATES = re.compile(r"\bStates?\b")
_PARTICIPATION = re.compile(
    r"participat(?:ed|ing)|took\s+part|taking\s+part|attended|were\s+represented|registered",
    re.IGNORECASE,
)
_CLAUSE_END = re.compile(r"[.;:,(\d]")
_SENTENCE_END = re.compile(r"[.;]\s")
_WORD = re.compile(r"[A-Za-z]+(?:[-‐‑][A-Za-z]+)*|\d{1,3}(?:,\d{3})*")
MAX_COUNT = 300
"""No meeting has had more participating States than there are States."""
MAX_TRIES = 200
"""Mentions of "elected" or "held" (and thousands of "States") looked at, at most: a report
has a handful, and a text with thousands is no report."""


@attrs.frozen(kw_only=True)
class Count:
    """A number of States the prose states: "Ninety-four States Parties participated"."""

    section: ReportSection | None
    """The list the number is about; ``None`` for all the States that participated."""
    number: int
    offset: int
    text: str


def _sentence_has_participation(text: str, pos: int) -> bool:
    before = text[max(0, pos - 300) : pos]
    ends = list(_SENTENCE_END.finditer(before))
    start = pos - len(before) + (ends[-1].end() if ends else 0)
    after = _SENTENCE_END.search(text, pos, pos + 300)
    stop = after.start() if after is not None else min(len(text), pos + 300)
    return _PARTICIPATION.search(text, start, stop) is not None


def _number_before(text: str, pos: int) -> tuple[int, int] | None:
    """The number written just before ``text[pos:]`` and where it starts, if any."""
    words = list(_WORD.finditer(text, max(0, pos - 60), pos))
    if not words or text[words[-1].end() : pos].strip():
        return None
    last = words[-1].group().lower()
    if last not in _SCALES and cardinal(last) is None:
        return None  # every number ends with a number word ("twelve", "hundred") or figures
    for k in range(min(6, len(words)), 0, -1):
        number = cardinal(" ".join(w.group() for w in words[-k:]))
        if number is not None:
            return number, words[-k].start()
    return None


_SCALES = frozenset({"hundred", "thousand"})
MAX_COUNTS = 100
"""Counts read from one report; a report states a handful."""
_CLAUSE_TAIL = re.compile(r"(?:\s+(?:and|or)|\s*,)?\s*$", re.IGNORECASE)


def read_counts(text: str, skip: Callable[[int], bool]) -> list[Count]:
    """The counts of participating States in ``text``; ``skip(offset)`` is true inside lists."""
    numbered: list[tuple[int, int, int]] = []
    for tries, match in enumerate(_STATES.finditer(text)):
        if tries > 100 * MAX_TRIES:
            break
        pos = match.start()
        if skip(pos):
            continue
        found = _number_before(text, pos)
        if found is not None and found[0] <= MAX_COUNT:
            numbered.append((pos, found[0], found[1]))
            if len(numbered) > MAX_COUNTS:
                break
    counts: list[Count] = []
    for i, (pos, number, first) in enumerate(numbered):
        if not _sentence_has_participation(text, pos):
            continue
        stop = numbered[i + 1][2] if i + 1 < len(numbered) else len(text)
        stop = min(stop, pos + 200)
        end = _CLAUSE_END.search(text, pos + 1, stop)
        clause = text[pos : end.start() if end is not None else stop]
        tail = _CLAUSE_TAIL.search(clause)
        clause = clause[: tail.start()] if tail is not None else clause
        counts.append(
            Count(
                section=classify(clause),
                number=number,
                offset=first,
                text=collapse_spaces(text[first : pos + len(clause)]),
            )
        )
    return counts


# -- the President ------------------------------------------------------------------------------

_ELECTED = re.compile(r"\belected\b", re.IGNORECASE)
_AS_PRESIDENT = re.compile(r"\s+as\s+(?:its\s+|the\s+)?President\b(?!-)", re.IGNORECASE)
_WAS_ELECTED = re.compile(
    r"\s*,?\s+(?:was|were)\s+elected\s+(?:by\s+acclamation\s+)?(?:as\s+)?(?:the\s+|its\s+)?"
    r"President\b(?!-)",
    re.IGNORECASE,
)
_BY_ACCLAMATION = re.compile(r"^(?:,\s*)?(?:by\s+acclamation|unanimously)\s*,?\s*", re.IGNORECASE)
_HONORIFICS = re.compile(
    r"^(?:(?:H\.\s?E\.|His\s+Excellency|Her\s+Excellency|Mr\.?|Ms\.?|Mrs\.?|Madam|Dr\.?)\s+)+",
    re.IGNORECASE,
)
_AMBASSADOR = re.compile(r"^Ambassador\s+", re.IGNORECASE)
_ABBREVIATED = re.compile(r"(?:\b(?:Mr|Ms|Mrs|Dr|St|H\.E|Amb|Prof)|\b[A-Z])$")
_STATE_CUT = re.compile(r"\s+(?:to|at|in|and|for)\s+|,")
_NAME_CONNECTORS = frozenset(
    str.split("al bin da das de del der di do dos du el la le van von y of the")
)


@attrs.frozen(kw_only=True)
class PresidentText:
    """Who the report says was elected President."""

    person: str | None
    title: str | None
    state: State | None
    state_name: str | None
    """The State's name as written, also when it names no State the data knows."""
    offset: int
    text: str


def _crosses_sentence(text: str) -> bool:
    """Whether ``text`` holds the end of a sentence (not the full stop of "Mr." or "H.E.")."""
    if ";" in text or ":" in text:
        return True
    return any(
        _ABBREVIATED.search(text, 0, match.start()) is None
        for match in re.finditer(r"\.\s+(?=[A-Z])", text)
    )


def _sentence_start(before: str) -> int:
    start = 0
    for match in re.finditer(r"[.;:]\s+", before):
        if _ABBREVIATED.search(before, 0, match.start()) is None:
            start = match.end()
    return start


def _person_like(text: str) -> bool:
    words = text.split()
    return 0 < len(words) <= 8 and all(
        w[0].isupper() or w.lower() in _NAME_CONNECTORS or not w[0].isalpha() for w in words
    )


def _split_state(text: str, resolve: Resolve) -> tuple[str, State | None, str | None]:
    """``text`` without its "of Germany" / "(Germany)", the State, and its name as written."""
    paren = re.search(r"\(([^()]{2,60})\)\s*$", text)
    if paren is not None:
        state = resolve(paren.group(1))
        if state is not None:
            return text[: paren.start()].strip(), state, paren.group(1).strip()
    for match in re.finditer(r"\s+(?:of|from)\s+", text):
        tail = text[match.end() :]
        cut = _STATE_CUT.search(tail)
        name = tail[: cut.start()] if cut is not None else tail
        state = resolve(name)
        if state is not None:
            rest = (
                text[: match.start()] + (tail[cut.start() :] if cut is not None else "")
            ).strip()
            return rest, state, name.strip()
    return text, None, None


def _read_who(
    who: str, resolve: Resolve
) -> tuple[str | None, str | None, State | None, str | None]:
    text = _BY_ACCLAMATION.sub("", collapse_spaces(who)).strip(" ,")
    segments = [s.strip() for s in text.split(",") if s.strip()]
    person_at = next(
        (
            i
            for i, s in enumerate(segments)
            if _person_like(_AMBASSADOR.sub("", _HONORIFICS.sub("", s)))
            or _person_like(_split_state(_HONORIFICS.sub("", s), resolve)[0])
        ),
        None,
    )
    if person_at is None:
        return None, None, None, None
    person = _HONORIFICS.sub("", segments[person_at])
    title: str | None = None
    if _AMBASSADOR.match(person):
        title = "Ambassador"
        person = _AMBASSADOR.sub("", person)
    person, state, state_name = _split_state(person, resolve)
    role = ", ".join(segments[person_at + 1 :]).strip() or None
    if role is not None:
        role_text, role_state, role_name = _split_state(role, resolve)
        if state is None:
            state, state_name = role_state, role_name
        title = role_text if role_state is not None or title is None else f"{title}, {role}"
    return person.strip() or None, title, state, state_name


def read_president(text: str, resolve: Resolve) -> PresidentText | None:
    """The President the text says was elected, or ``None``."""
    for tries, match in enumerate(_ELECTED.finditer(text)):
        if tries > MAX_TRIES:
            break
        pos = match.end()
        window = text[pos : pos + 400]
        after = _AS_PRESIDENT.search(window)
        if after is not None and not _crosses_sentence(window[: after.start()]):
            who = window[: after.start()]
            if _BY_ACCLAMATION.sub("", who.strip()).strip():
                person, title, state, name = _read_who(who, resolve)
                if person is not None:
                    return PresidentText(
                        person=person,
                        title=title,
                        state=state,
                        state_name=name,
                        offset=match.start(),
                        text=collapse_spaces(text[match.start() : pos + after.end()]),
                    )
        was = _WAS_ELECTED.match(text, _was_start(text, match.start()))
        if was is not None:
            before = text[max(0, was.start() - 300) : was.start()]
            who = before[_sentence_start(before) :]
            person, title, state, name = _read_who(who, resolve)
            if person is not None:
                start = was.start() - len(who)
                return PresidentText(
                    person=person,
                    title=title,
                    state=state,
                    state_name=name,
                    offset=start,
                    text=collapse_spaces(text[start : was.end()]),
                )
    return None


def _was_start(text: str, elected_at: int) -> int:
    """Where ", was elected" begins before the word "elected" at ``elected_at``."""
    head = text[max(0, elected_at - 12) : elected_at]
    found = re.search(r"\s*,?\s+(?:was|were)\s+$", head, re.IGNORECASE)
    return elected_at - len(head) + found.start() if found is not None else elected_at


# -- dates and place ----------------------------------------------------------------------------

_HELD = re.compile(r"\b(?:was\s+held|were\s+held|took\s+place|convened|met)\b", re.IGNORECASE)
_CAPITAL_WORDS = r"(?:The\s+)?[A-Z][\w'’.-]{1,30}(?:\s+[A-Z][\w'’-]{1,30}){0,3}"
_IN_PLACE = re.compile(
    rf"\bin\s+(?P<place>{_CAPITAL_WORDS})(?:\s*,\s*(?P<country>{_CAPITAL_WORDS}))?"
)
_DATELINE = re.compile(rf"(?P<place>{_CAPITAL_WORDS})\s*,\s*$")
_NOT_PLACES = frozenset({"accordance", "addition", "particular", "total", "which", "order"})


@attrs.frozen(kw_only=True)
class Held:
    """When and where the report says the meeting was held."""

    first: _dt.date | None
    last: _dt.date | None
    city: str | None
    country: State | None
    country_name: str | None
    offset: int
    text: str
    subject: str = ""
    """The words before "was held": "The Twenty-first Meeting of the States Parties"."""


def _place(match: re.Match[str] | None) -> str | None:
    if match is None:
        return None
    place = match.group("place")
    word = place.split()[-1].lower() if place.split() else ""
    if month_of(word) is not None or word in _NOT_PLACES:
        return None
    return place.rstrip(".")


def read_held(text: str, resolve: Resolve, limit: int = 10) -> list[Held]:
    """The dates (and place) of each sentence saying a meeting "was held" or "took place", with
    the words before the verb (:attr:`Held.subject`: which meeting it speaks of)."""
    found: list[Held] = []
    for tries, match in enumerate(_HELD.finditer(text)):
        if tries > MAX_TRIES or len(found) >= limit:
            break
        window = text[match.end() : match.end() + 300]
        end = re.search(r"\.\s+[A-Z]", window)
        if end is not None:
            window = window[: end.start()]
        ranges = [r for r in find_date_ranges(window, limit=1) if r.first is not None]
        if not ranges:
            continue
        place_match = _IN_PLACE.search(window)
        city = _place(place_match)
        country_name = place_match.group("country") if place_match and city else None
        country = resolve(country_name) if country_name else None
        before = text[max(0, match.start() - 200) : match.start()]
        found.append(
            Held(
                first=ranges[0].first,
                last=ranges[0].last,
                city=city,
                country=country,
                country_name=country_name if country is not None else None,
                offset=match.start(),
                text=collapse_spaces(text[match.start() : match.end() + len(window)]),
                subject=before[_sentence_start(before) :],
            )
        )
    return found


def read_dateline(text: str, resolve: Resolve) -> Held | None:
    """The dates of a title line such as "Geneva, 20-24 November 2023" (or "Siem Reap,
    Cambodia, 25-29 November 2024"), with its place."""
    for found in find_date_ranges(text, limit=3):
        if found.first is None:
            continue
        line_start = text.rfind("\n", 0, found.start) + 1
        parts = [p.strip() for p in text[line_start : found.start].split(",")]
        parts = [p for p in parts if p][-2:]
        country = resolve(parts[-1]) if len(parts) == 2 else None
        city_text = parts[0] if country is not None else parts[-1] if parts else ""
        city = _place(_DATELINE.fullmatch(city_text + ","))
        return Held(
            first=found.first,
            last=found.last,
            city=city,
            country=country if city is not None else None,
            country_name=parts[-1] if country is not None and city is not None else None,
            offset=found.start,
            text=collapse_spaces(text[line_start : found.end]),
        )
    return None
