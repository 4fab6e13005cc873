"""Section headings of a profile page, recognised by what they are about, not by one sentence.

A heading is one line made of:

- a subject: "The State not party", "This State", "It", "A number of States not party", or a
  State-like name ("Grand Fenwick", "Bolivia (Plurinational State of)", "The Government of
  Freedonia"; not "The President" or "The Convention");
- optionally "most recently", "also", ... and "has", "have" or "had";
- a verb that names the topic: taking part in meetings ("participated", "took part",
  "attended"), voting ("voted", "cast its votes"), saying ("indicated", "stated", "declared",
  "said", "expressed", "noted", ...), or putting a national policy in place ("put in place",
  "established", "adopted", ...);
- the words of that topic: "as Observer in the following formal meetings of the Convention",
  "in 8 of the 27 formal Meetings of the States Parties or Review Conferences to date as
  follows", "on the annual resolution as follows", "on its abstentions", "that it has put in
  place a moratorium on the export of anti-personnel mines";
- an ending (":", ",", ".", ";", a dash, or nothing), possibly followed on the same line by the
  first items of the section ("...: 1MSP, 2MSP", "... as follows, Abstained - 2021").

Every word between the verb and the ending must belong to the topic's vocabulary (counts, years,
the free topic of "on its ..." and the clause of "that ..." aside), and the subject must be the
State or read like a name; prose that merely contains a heading's verb ("Our records show that
the State not party has voted ...") is not a heading. Every pattern here is bounded, and a line
is looked at only up to :data:`MAX_HEADING` characters.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

import attrs

from apmbc.domain.dates import find_years
from apmbc.domain.meetings import meeting_at
from apmbc.domain.numbers import cardinal
from apmbc.io.profile._statements import QUOTES
from apmbc.io.profile._votes import starts_with_position
from apmbc.models import StatementContext

__all__ = ["MAX_HEADING", "OBSERVER", "STATEMENTS", "VOTES", "Heading", "classify"]

OBSERVER = "observer"
"""The section listing the meetings the State took part in."""
VOTES = "votes"
"""The section listing the State's votes on the General Assembly's resolution."""
STATEMENTS = "statements"
"""The section quoting what the State said (on its votes, at meetings, on its policy)."""

MAX_HEADING = 600
"""Characters in the longest line read as a heading; real headings hold about a hundred."""
_VERB_WITHIN = 200
"""The verb of a heading starts within this many characters of the line's start."""
_MAX_ENDINGS = 16
"""Punctuation marks looked at where a heading may end and its list begin."""
_MAX_SPLITS = 24
"""Words looked at where a list may begin without a punctuation mark before it."""
_MAX_TRIES = 8
"""Places (of those) whose words are checked against the topic's vocabulary."""
_MAX_VERBS = 2
"""Verbs after a State-like subject tried on one line."""


@attrs.frozen(kw_only=True)
class Heading:
    """What a heading line says: the section it opens, about whom, and what it adds."""

    section: str
    """:data:`OBSERVER`, :data:`VOTES` or :data:`STATEMENTS`."""
    who: str
    """The subject as printed ("The State not party", "Grand Fenwick")."""
    state: str | None = None
    """The State's name, when the subject is one ("Freedonia", also for "The Government of
    Freedonia"); ``None`` for "The State not party", "It", "States not party"."""
    context: StatementContext | None = None
    """For a statements section: what its statements are (explanations of vote, national
    policy), or ``None`` when the heading does not say."""
    count: int | None = None
    """The number of meetings a heading such as "in 8 of the 27 formal Meetings" states."""
    total: int | None = None
    """The number of meetings held, as the same heading states it (the 27)."""
    rest: str | None = None
    """What follows the heading on the same line: the first items of the section."""
    summary: bool = False
    """Whether the heading is itself a statement about the State's policy (a complete
    sentence: "The State not party has indicated that it has put in place a moratorium ...")."""


# -- the subject and the verb -------------------------------------------------------------------

# The verb names the topic: taking part in meetings, voting, saying, or a national policy.
_VERB = re.compile(
    r"\b(?:(?P<observer>participated|taken\s+part|took\s+part|attended"
    r"|been\s+(?:present|represented))"
    r"|(?P<votes>voted|cast\s+(?:its|their|the\s+following)\s+votes?)"
    r"|(?P<said>indicated|stated|declared|said|expressed|noted|explained|affirmed|reaffirmed"
    r"|announced|reported|confirmed|commented|remarked|provided|shared|communicated"
    r"|made\s+the\s+following\s+(?:statements?|remarks|declarations?))"
    r"|(?P<policy>put\s+in\s+place|established|adopted|introduced|imposed|enacted|maintained"
    r"|instituted|destroyed|observed|observes|maintains|applies|applied))\b",
    re.IGNORECASE,
)
_VERB_WORDS = frozenset(
    str.split(
        """participated taken took attended been voted cast indicated stated declared said
        expressed noted explained affirmed reaffirmed announced reported confirmed commented
        remarked provided shared communicated made put established adopted introduced imposed
        enacted maintained instituted destroyed observed observes maintains applies applied"""
    )
)
"""The first word of every verb :data:`_VERB` reads: a line without one is not a heading."""
_ASCII_WORD = re.compile(r"[A-Za-z]+")
_LOWER_WORD = re.compile(r"[a-z]+")
_BEFORE_VERB_WORDS = frozenset(
    str.split(
        """has have had also recently most so far to date thus since then previously consistently
        repeatedly further publicly officially formally regularly in the past"""
    )
)
"""Words between a heading's subject and its verb: "has", "most recently", "so far", ..."""
_LEADING = re.compile(
    r"(?:(?:most\s+)?recently|to\s+date|so\s+far|thus\s+far|in\s+recent\s+years|also"
    r"|further(?:more)?|moreover|in\s+addition|in\s+the\s+past)\s*,\s*",
    re.IGNORECASE,
)
"""Words that may open a heading before its subject: "Most recently, the State not party ..."."""
_NOT_IN_SUBJECT = re.compile(rf"[\d:;!?<>{QUOTES}]")
_QUOTE = re.compile(f"[{QUOTES}]")
_MAX_SUBJECT = 120
"""Characters in the longest subject of a heading ("The State not party", a State's name)."""
_NOT_PARTY = (
    r"(?:\s+not\s+(?:yet\s+)?(?:a\s+)?part(?:y|ies)(?:\s+to\s+the\s+(?:convention|treaty))?)"
)
_ONE_STATE = re.compile(
    rf"it|its\s+government|the\s+government|(?:the|this)\s+state(?:\s+(?:concerned|in\s+question))?"
    rf"{_NOT_PARTY}?",
    re.IGNORECASE,
)
"""Subjects that are the page's State without naming it."""
_STATES = re.compile(
    r"(?:(?:a\s+number\s+of|a\s+few|some|several|many|certain|other|most|all)\s+)?(?:the\s+)?"
    rf"states(?:\s+parties|(?:\s+(?:which|that)\s+are)?{_NOT_PARTY}?)",
    re.IGNORECASE,
)
_OFFICE = re.compile(
    r"(?:the\s+)?(?:government|delegation|representative|permanent\s+mission)\s+of\s+",
    re.IGNORECASE,
)
"""What may stand before a State's name in a heading's subject: "The Government of"."""
_NOT_STATES = frozenset(
    str.split(
        """ambassador assembly chair chairperson committee conference convention council
        delegate delegates delegation envoy government icbl isu meeting minister monitor nations
        president representative secretariat secretary spokesperson treaty"""
    )
)
"""Words of a capitalised subject that is not a State ("The President", "The Convention")."""
_NAME_CONNECTORS = frozenset(
    ("of", "the", "and", "da", "de", "del", "des", "di", "do", "du", "la", "le", "y")
)
_ELIDED_ARTICLES = ("d'", "d’", "l'", "l’")


def _subject_before(prefix: str) -> str | None:
    """The subject of a heading whose verb follows ``prefix``: the prefix without the "has",
    "have", "had" and adverbs ("most recently", "so far") that end it."""
    end = len(prefix.rstrip(" ,"))
    for _ in range(8):
        start = prefix.rfind(" ", 0, end) + 1
        if prefix[start:end].lower() not in _BEFORE_VERB_WORDS:
            break
        end = len(prefix[:start].rstrip(" ,"))
    leading = _LEADING.match(prefix, 0, end)
    who = prefix[leading.end() if leading is not None else 0 : end]
    if not who or len(who) > _MAX_SUBJECT or _NOT_IN_SUBJECT.search(who):
        return None
    return who


def _subject(who: str) -> tuple[str, str | None] | None:
    """What a heading's subject is: ``("state", None)`` for "The State not party" or "It",
    ``("states", None)`` for "A number of States not party", ``("name", name)`` for a State's
    name (after "The Government of", ...); ``None`` for anything else (a clause, a sentence,
    "The President")."""
    if _ONE_STATE.fullmatch(who):
        return "state", None
    if _STATES.fullmatch(who):
        return "states", None
    office = _OFFICE.match(who)
    name = who[office.end() :] if office is not None else who
    words = name.replace("(", " ").replace(")", " ").replace(",", " ").split()
    if not words or len(words) > 8:
        return None
    if any(w.lower() in _NOT_STATES for w in words):
        return None
    if all(
        w[0].isupper() or w.lower() in _NAME_CONNECTORS or w.lower().startswith(_ELIDED_ARTICLES)
        for w in words
    ):
        return "name", name
    return None


# -- what follows the verb ----------------------------------------------------------------------

_DIGIT = re.compile(r"\d")
_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")
"""A word or a number; "1MSP" is one token, so a meeting code is never read as a count."""
_ENDING = re.compile(r"[:;,.–—-]")

_OBSERVER_WORDS = frozenset(
    str.split(
        """a all an and annual anti apmbc as at been both capacity committee committees
        conference conferences convention date delegation far follows following formal held in
        including informal intersessional its listed meeting meetings mine mines msp msps not
        now observer observers of official or ottawa parties party personnel programme rc rcs review
        since so standing state states status such the their these thus to total treaty until
        which with work"""
    )
)
_OBSERVER_TOPIC = frozenset(("meeting", "meetings", "conference", "conferences", "observer"))
_OBSERVER_TOPIC |= frozenset(("observers",))
_VOTE_WORDS = frozenset(
    str.split(
        """a adopted all also an and annual anti apm apmbc as assembly at ban below committee in
        convention date destruction draft each far first follows following for ga general its
        implementation landmine landmines last latest manner mine mines most nations of on
        ottawa over past personnel plenary production prohibition recent recently record
        recorded resolution resolutions session sessions since so stockpiling the their these
        to transfer treaty un unga united use vote votes voting way which year years"""
    )
)
_VOTE_TOPIC = frozenset(("follows", "following", "below", "resolution", "resolutions"))
_SAY_WORDS = frozenset(
    str.split(
        """a also as at comments convention following follows formally further in information
        its many meeting meetings number occasions of officially on position positions
        previously publicly recently remarks repeatedly several statement statements the their
        various view views"""
    )
)
_FOLLOWS = frozenset(("follows", "following"))

_TOPIC = re.compile(
    r"\b(?:on|about|regarding|concerning|with\s+regard\s+to)\s+(?:its|the|their|this)\s+",
    re.IGNORECASE,
)
_TOPIC_TAIL = re.compile(r"(?:\s*,)?\s+(?:as\s+follows|the\s+following)\s*$", re.IGNORECASE)
_TOPIC_TEXT = re.compile(r"[^,:;.]{1,80}")
_THAT = re.compile(
    r"\s*(?:(?:also|publicly|repeatedly|officially|formally|previously|recently)\s+)?"
    r"(?:to\s+the\s+[^\W\d_]{1,20}(?:\s+[^\W\d_]{1,20}){0,2}\s+)?that\s+",
    re.IGNORECASE,
)
_EXPLANATION_TOPIC = re.compile(r"abstention|vote|voting", re.IGNORECASE)
_POLICY_WORD = re.compile(
    r"moratori(?:um|a|ums)\b|\bstockpil\w{0,6}|\bpolic(?:y|ies)\b"
    r"|\b(?:export|transfer|production|import)\s+bans?\b"
    r"|\bbans?\s+on\s+(?:the\s+)?(?:export|transfer|production|import|use|sale)"
    r"|\b(?:not|never|no\s+longer)\s+(?:[^\W\d_]{1,20}\s+){0,2}?"
    r"(?:produc|export|import|transfer|manufactur|sell|sold)",
    re.IGNORECASE,
)
_POLICY_OBJECT = re.compile(
    r"\s*(?:(?:a|an|its|the|their)\s+)?"
    r"(?:(?:national|unilateral|formal|comprehensive|permanent|temporary|new|own)\s+){0,2}"
    r"(?:moratori(?:um|a|ums)|stockpiles?|polic(?:y|ies)|(?:export|transfer|production|import)"
    r"\s+bans?|bans?\s+on)\b",
    re.IGNORECASE,
)
_MAX_ABOUT = 240
"""Characters in the longest "on <the resolution> as follows" of a vote heading."""
_MAX_HEAD = 250
"""Characters between the verb and the end of a meeting or vote heading, at most."""
_MAX_CLAUSE = 300
"""Characters in the longest "that ..." clause of a policy heading."""


def _words(text: str) -> list[str]:
    """The lowercased words and numbers of ``text``, years left out."""
    years = find_years(text, limit=10) if _DIGIT.search(text) else []
    if years:
        pieces, last = [], 0
        for found in years:
            pieces.append(text[last : found.start])
            pieces.append(" ")
            last = found.end
        pieces.append(text[last:])
        text = "".join(pieces)
    return [w.lower() for w in _TOKEN.findall(text)]


def _number_at(words: list[str], i: int) -> tuple[int, int] | None:
    """The count written at ``words[i]`` ("27", "eight", "twenty seven") and the index after."""
    single = cardinal(words[i])
    if single is None:
        return None
    if i + 1 < len(words) and cardinal(words[i + 1]) is not None:
        pair = cardinal(f"{words[i]} {words[i + 1]}")
        if pair is not None:
            return pair, i + 2
    return single, i + 1


def _read_words(
    words: list[str], vocabulary: frozenset[str]
) -> tuple[int | None, int | None, set[str]] | None:
    """``(count, total, words)`` of a heading's words when each is a word of ``vocabulary`` or
    a count: "8 of the 27", "eight out of twenty-seven", a lone "8", or lone counts that add up
    ("in 20 Meetings of the States Parties and 4 Review Conferences": 24). ``None`` at the
    first word that is neither, or at a second "of the N"."""
    counts: list[int] = []
    total: int | None = None
    seen: set[str] = set()
    i = 0
    while i < len(words):
        if words[i] in vocabulary:
            seen.add(words[i])
            i += 1
            continue
        number = _number_at(words, i)
        if number is None:
            return None
        value, i = number
        counts.append(value)
        j = i + 1 if i < len(words) and words[i] == "out" else i
        if j < len(words) and words[j] == "of":
            k = j + 1
            if k < len(words) and words[k] == "all":
                k += 1
            if k < len(words) and words[k] == "the":
                k += 1
            of = _number_at(words, k) if k < len(words) else None
            if of is not None:
                if total is not None or len(counts) > 1:
                    return None
                total, i = of
    if total is not None and len(counts) > 1:
        return None
    return (sum(counts) if counts else None), total, seen


def _observer(head: str, listed: bool) -> tuple[int | None, int | None] | None:
    """``(count, total)`` when ``head`` is the heading of a meeting list (``listed``: the list
    follows it after a colon, which tells the topic when its words do not)."""
    read = _read_words(_words(head), _OBSERVER_WORDS)
    if read is None:
        return None
    count, total, words = read
    if not listed and _OBSERVER_TOPIC.isdisjoint(words):
        return None
    return count, total


def _votes(head: str, listed: bool) -> bool:
    """Whether ``head`` is the heading of a vote list (``listed`` as for :func:`_observer`)."""
    words = _words(head)
    if len(head) <= _MAX_ABOUT and words[:1] == ["on"] and words[-2:] == ["as", "follows"]:
        return True  # "voted on <the resolution, however named> as follows"
    read = _read_words(words, _VOTE_WORDS)
    return read is not None and (listed or not _VOTE_TOPIC.isdisjoint(read[2]))


def _content_at(section: str, text: str, pos: int) -> bool:
    """Whether a meeting (or, for votes, a position) is written at ``text[pos:]``."""
    if section == OBSERVER:
        return meeting_at(text, pos) is not None
    return starts_with_position(text, pos)


def _endings(tail: str) -> Iterator[tuple[int, int, str]]:
    """``(start, end, mark)`` of each place where a heading may end: a colon, a semicolon, a
    comma, a full stop (not in "U.N."), a dash between spaces or an en or em dash."""
    for match in _ENDING.finditer(tail):
        mark, at = match.group(), match.start()
        after = tail[at + 1 : at + 2]
        if mark == "." and (after.isalnum() or after == "."):
            continue
        if mark == "-" and not (after.isspace() and tail[at - 1 : at].isspace()):
            continue
        yield len(tail[:at].rstrip()), len(tail) - len(tail[at + 1 :].lstrip()), mark


def _listing(section: str, tail: str) -> tuple[str, int | None, int | None] | None:
    """``(rest, count, total)``: where the heading of a meeting or vote list ends, what follows
    it on the line, and the count it states.

    The heading ends at a punctuation mark ("...: 1MSP", "... as follows, Abstained - 2021") or
    at the end of the line; failing these, where the list starts without one ("... meetings
    1MSP, 2MSP").
    """
    places = list(itertools.islice(_endings(tail), _MAX_ENDINGS))
    places.append((len(tail), len(tail), ""))
    words = (m.start() for m in _TOKEN.finditer(tail) if m.start() > 0)
    starts = itertools.islice(words, _MAX_SPLITS)
    tries = 0
    for start, end, ending in itertools.chain(places, ((p, p, "") for p in starts)):
        if start > _MAX_HEAD:
            continue  # far too long for a heading: only the list may start this late
        empty = end >= len(tail)
        opens = not empty and _content_at(section, tail, end)
        if not empty and ending != ":" and not opens:
            continue
        tries += 1
        if tries > _MAX_TRIES:
            return None
        listed = opens and ending == ":"  # "Freedonia has voted: Against - 2019"
        head = tail[:start]
        if section == OBSERVER:
            counted = _observer(head, listed)
            if counted is not None:
                return tail[end:].strip(), *counted
        elif _votes(head, listed):
            return tail[end:].strip(), None, None
    return None


def _said(tail: str, policy_verb: bool) -> tuple[StatementContext | None, str, str, bool] | None:
    """``(context, ending, rest, policy_clause)`` of a statements heading's words."""
    colon = tail.find(":")
    head, rest = (tail[:colon], tail[colon + 1 :].strip()) if colon >= 0 else (tail, "")
    if _QUOTE.search(head):
        return None
    core = head.rstrip(" .,;")
    ending = ":" if colon >= 0 else head[len(core) :].strip()[:1]
    if policy_verb:
        clear = "(" not in core and len(core) <= _MAX_CLAUSE
        if clear and _POLICY_OBJECT.match(core):
            return StatementContext.NATIONAL_POLICY, ending, rest, True
        return None
    that = _THAT.match(core)
    if that is not None:
        clause = core[that.end() :]
        if "(" in clause or len(clause) > _MAX_CLAUSE or not _POLICY_WORD.search(clause):
            return None
        return StatementContext.NATIONAL_POLICY, ending, rest, True
    if _POLICY_OBJECT.match(core) and "(" not in core and len(core) <= _MAX_CLAUSE:
        return StatementContext.NATIONAL_POLICY, ending, rest, True  # "declared a moratorium"
    topic = _TOPIC.search(core)
    before = core if topic is None else core[: topic.start()]
    if not all(w in _SAY_WORDS for w in _words(before)):
        return None
    if topic is None:
        return None, ending, rest, False
    about = _TOPIC_TAIL.sub("", core[topic.end() :])
    if _TOPIC_TEXT.fullmatch(about) is None:
        return None
    if _EXPLANATION_TOPIC.search(about):
        return StatementContext.EXPLANATION_OF_VOTE, ending, rest, False
    if _POLICY_WORD.search(about):
        return StatementContext.NATIONAL_POLICY, ending, rest, False
    return None, ending, rest, False


_KNOWN: dict[str, Heading] = {}
"""Headings already recognised: the site's pages share their headings word for word."""
_KNOWN_SIZE = 512


def classify(text: str) -> Heading | None:
    """The heading ``text`` is (a cleaned line of a page), or ``None`` when it is not one."""
    known = _KNOWN.get(text)
    if known is not None:
        return known
    found = _classify(text)
    if found is not None and len(_KNOWN) < _KNOWN_SIZE:
        _KNOWN[text] = found
    return found


def _classify(text: str) -> Heading | None:
    if len(text) > MAX_HEADING:
        return None
    if _VERB_WORDS.isdisjoint(_LOWER_WORD.findall(text[:_VERB_WITHIN].lower())):
        return None  # most lines hold no verb of a heading at all
    tries = 0
    for word in _ASCII_WORD.finditer(text, 0, _VERB_WITHIN):
        if word.group().lower() not in _VERB_WORDS:
            continue
        verb = _VERB.match(text, word.start())
        if verb is None:
            continue
        who = _subject_before(text[: verb.start()])
        if who is None:
            continue
        subject = _subject(who)
        if subject is None:
            continue
        found = _heading(verb, text[verb.end() :], who, *subject)
        tries += 1
        if found is not None or tries >= _MAX_VERBS:
            return found
    return None


def _heading(
    verb: re.Match[str], tail: str, who: str, subject: str, state: str | None
) -> Heading | None:
    if verb.group("observer") or verb.group("votes"):
        section = OBSERVER if verb.group("observer") else VOTES
        if _QUOTE.search(tail):
            return None
        listing = _listing(section, tail)
        if listing is None:
            return None
        rest, count, total = listing
        return Heading(
            section=section,
            who=who,
            state=state,
            count=count,
            total=total,
            rest=rest or None,
        )
    said = _said(tail, policy_verb=verb.group("policy") is not None)
    if said is None:
        return None
    context, ending, rest, clause = said
    summary = (
        clause
        and subject != "states"
        and ending not in (":", ",")
        and not _FOLLOWS.intersection(_words(tail))
    )
    return Heading(
        section=STATEMENTS,
        who=who,
        state=state,
        context=context,
        rest=rest or None,
        summary=summary,
    )
