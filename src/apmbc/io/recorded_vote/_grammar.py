"""The phrases of a UN recorded vote: list headings, tallies, corrections and drafts' titles.

Every pattern here is bounded (no unbounded repeat inside another) and is only tried in a window
of fixed size around a cheap keyword ("abstention", "intended", "draft"), so that reading a
text takes time linear in its length whatever it holds. Numbers, symbols and names are read by
the domain layer (:func:`~apmbc.domain.numbers.cardinal`,
:func:`~apmbc.domain.symbols.find_symbols`, :func:`~apmbc.domain.names.collapse_spaces`); this
module only finds where they are written.
"""

from __future__ import annotations

import re
import unicodedata

import attrs

from apmbc.domain.names import collapse_spaces
from apmbc.domain.numbers import cardinal
from apmbc.models import VotePosition

__all__ = [
    "Correction",
    "DraftMention",
    "Heading",
    "Tally",
    "convention_title_in",
    "find_corrections",
    "find_drafts",
    "find_tallies",
    "heading_at",
    "label_in",
    "mentions_vote",
    "names_like",
    "next_heading",
    "part_vote",
    "sentences",
    "split_delegations",
    "split_names",
    "vote_talk",
]

# -- list headings ---------------------------------------------------------------------------

_HEADING = re.compile(
    r"[•·▪*\-–—]?\s*(?P<head>in\s+favou?r|against|abstain(?:ing|ed)?|abstentions?|absent"
    r"|(?:absent\s+or\s+)?(?:present\s+and\s+)?not\s+voting|non-voting|did\s+not\s+vote)"
    r"\s*[:：]\s*",
    re.IGNORECASE,
)
_AS_FOLLOWS = re.compile(r"as\s+follows\s*[:：]\s*", re.IGNORECASE)


@attrs.frozen
class Heading:
    """A list heading found in a line: the position it opens and where the names start."""

    position: VotePosition
    start: int
    end: int
    written: str


def _position_of(head: str) -> VotePosition:
    word = head.lower()
    if word.startswith("in"):
        return VotePosition.YES
    if word.startswith("against"):
        return VotePosition.NO
    if word.startswith("abst"):
        return VotePosition.ABSTAIN
    return VotePosition.ABSENT


_NEXT_HEADING = re.compile(
    r"(?<=[.;])\s+(?=(?:in\s+favou?r|against|abstain(?:ing|ed)?|abstentions?|absent"
    r"|(?:absent\s+or\s+)?(?:present\s+and\s+)?not\s+voting|non-voting|did\s+not\s+vote)"
    r"\s*[:：])",
    re.IGNORECASE,
)


def next_heading(text: str) -> int | None:
    """Where a list heading starts inside a list's text, after the period that ends the list
    before it ("In favour: A, B. Against: None."), else ``None``."""
    if ":" not in text and "：" not in text:
        return None
    match = _NEXT_HEADING.search(text)
    return None if match is None else match.end()


def heading_at(text: str) -> Heading | None:
    """The list heading ("In favour:", "Against:", "Abstain:", "Abstaining:", "Absent:") that
    opens ``text``, or that follows "as follows:" in it; else ``None``."""
    match = _HEADING.match(text)
    if match is None:
        follows = _AS_FOLLOWS.search(text, 0, 2000) if "follows" in text[:2000] else None
        if follows is None:
            return None
        match = _HEADING.match(text, follows.end())
        if match is None:
            return None
    return Heading(
        _position_of(match.group("head")), match.start(), match.end(), match.group().strip()
    )


# -- names in a list ---------------------------------------------------------------------------

_NONE = frozenset(("none", "nil", "no", "-", "—", "–"))
_MARKS = " \t.*†‡·•;"
_NAME_LIKE = re.compile(r"(?:[^\W\d_]|\()(?:[^\W\d_]|['’.()\- ]){0,79}")


def split_names(text: str, by_line: bool) -> list[tuple[int, int, str]]:
    """The names of a list's text as ``(start, end, name)``, footnote marks and the final period
    removed; "None" (an empty list) gives none. Commas and semicolons separate names; with
    ``by_line`` (a list without commas) so do newlines."""
    if collapse_spaces(text).strip(_MARKS).lower() in _NONE:
        return []
    names: list[tuple[int, int, str]] = []
    start = 0
    separators = ",;\n" if by_line else ",;"
    length = len(text)
    while start <= length:
        end = start
        while end < length and text[end] not in separators:
            end += 1
        piece = text[start:end]
        name = collapse_spaces(piece).strip(_MARKS + " ")
        if name and name.lower() not in _NONE:
            offset = start + (len(piece) - len(piece.lstrip()))
            names.append((offset, end, name))
        start = end + 1
    return names


def names_like(text: str) -> bool:
    """Whether a line reads as part of a list of names: comma-separated pieces of at most eight
    words each, without figures, colons or sentence ends inside (a piece may be the end of a name
    begun on the line before: "(Federated States of)", "and the Grenadines")."""
    if len(text) > 200_000 or ":" in text:
        return False
    pieces = [p.strip() for p in text.split(",")]
    if pieces and not pieces[-1]:
        pieces.pop()
    if not pieces:
        return False
    for i, piece in enumerate(pieces):
        if i == len(pieces) - 1:
            piece = piece.rstrip(". *")
        piece = piece.strip("* ")
        if any(unicodedata.combining(ch) for ch in piece):  # "Türki̇ye": a dot as a mark
            piece = "".join(ch for ch in piece if not unicodedata.combining(ch))
        if not piece or len(piece.split()) > 8 or _NAME_LIKE.fullmatch(piece) is None:
            return False
        if ". " in piece and not piece.startswith("St. "):
            return False
    return True


# -- sentences ---------------------------------------------------------------------------------

_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)\]]{0,2}\s+(?=[\[(\"“‘]{0,2}[A-Z0-9])")
_ABBREVIATIONS = ("St.", "Mr.", "Ms.", "Mrs.", "Dr.", "No.", "Nos.", "p.m.", "a.m.", "para.")
MAX_SENTENCE = 5_000
"""A sentence longer than this is cut into pieces of this length for reading (a phrase never
spans more than a few hundred characters)."""


def sentences(text: str) -> list[tuple[int, int]]:
    """The spans of the sentences of a paragraph, in order; linear in its length."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        end = match.start()
        if text.endswith(_ABBREVIATIONS, max(0, end - 5), end):
            continue
        spans.append((start, end))
        start = match.end()
    spans.append((start, len(text)))
    out: list[tuple[int, int]] = []
    for a, b in spans:
        while b - a > MAX_SENTENCE:
            cut = text.rfind(" ", a + MAX_SENTENCE // 2, a + MAX_SENTENCE)
            cut = cut if cut > a else a + MAX_SENTENCE
            out.append((a, cut))
            a = cut
        if text[a:b].strip():
            out.append((a, b))
    return out


# -- tallies -----------------------------------------------------------------------------------

_NUMBER_WORDS = (
    "none|nil|zero|no|a|and|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
    "|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty"
    "|sixty|seventy|eighty|ninety|hundred"
)
_NUM = rf"(?:\d{{1,4}}|(?:{_NUMBER_WORDS})(?:[-‐‑ ](?:{_NUMBER_WORDS})){{0,5}})"
_TALLY = re.compile(
    rf"(?<![\w-])(?P<yes>{_NUM})\s+(?:votes?\s+)?(?:(?:cast\s+)?in\s+favou?r\s*)?"
    rf"(?:(?:,\s*)?(?:to|and|against)\s+|,\s*)(?P<no>{_NUM})"
    rf"(?:\s+(?:votes?\s+)?(?:against|opposed))?(?:\s*[,;]\s*|\s+)(?:(?:with|and)\s+)?"
    rf"(?P<abs>{_NUM})\s+(?:abstentions?|abstaining|abstained|abstain)\b",
    re.IGNORECASE,
)
_ABSTENTION = re.compile(r"\babst(?:entions?|aining|ained|ain)\b", re.IGNORECASE)
_WINDOW = 300


@attrs.frozen
class Tally:
    """A tally written in a text: its span and its three figures."""

    start: int
    end: int
    yes: int
    no: int
    abstain: int
    as_follows: bool
    """The tally's sentence ends with "as follows:": the lists come next."""


def find_tallies(text: str) -> list[Tally]:
    """Every tally in a sentence: "159 in favour to none against, with 19 abstentions", "168
    votes to none, with 17 abstentions", "by 120 to 5, with no abstentions"."""
    found: list[Tally] = []
    floor = 0
    for keyword in _ABSTENTION.finditer(text):
        start = max(floor, keyword.start() - _WINDOW)
        floor = window_end = keyword.end()  # windows never overlap: linear in the text
        best: re.Match[str] | None = None
        for match in _TALLY.finditer(text, start, window_end):
            if match.end() == window_end:
                best = match
                break
        if best is None:
            continue
        figures = [cardinal(best.group(g)) for g in ("yes", "no", "abs")]
        if any(f is None for f in figures):
            continue
        yes, no, abstain = (f for f in figures if f is not None)
        rest = text[best.end() : best.end() + 40].lstrip(" ,;")
        as_follows = rest.startswith((":", "：")) or _AS_FOLLOWS.match(rest) is not None
        found.append(Tally(best.start(), best.end(), yes, no, abstain, as_follows))
    return found


_VOTE_TALK = re.compile(
    r"\b(?:abstentions?|abstaining|recorded\s+vote\s+of\s+\d|\d{1,3}\s+in\s+favou?r)\b",
    re.IGNORECASE,
)


_MENTION = re.compile(r"\brecorded\s+vote\b|\bvoted?\s+in\s+favou?r\b", re.IGNORECASE)


def mentions_vote(text: str) -> bool:
    """Whether a sentence speaks of a recorded vote at all ("a recorded vote was taken")."""
    return _MENTION.search(text, 0, 20_000) is not None


def vote_talk(text: str) -> bool:
    """Whether a sentence speaks of a vote's figures (so that one not read must be reported)."""
    return _VOTE_TALK.search(text, 0, 20_000) is not None and any(ch.isdigit() for ch in text)


_PART = re.compile(
    r"\b(?:paragraphs?|sub-?paragraphs?|amendments?|motion|the\s+words|the\s+phrase)\b",
    re.IGNORECASE,
)
_WHOLE = re.compile(r"\bas\s+a\s+whole\b", re.IGNORECASE)


def part_vote(subject: str) -> str | None:
    """The words naming a part of a text ("operative paragraph 5", "an amendment") when the
    subject of a vote is that part and not a whole draft; ``None`` for a whole draft."""
    if _WHOLE.search(subject) is not None:
        return None
    match = _PART.search(subject)
    return None if match is None else match.group()


# -- drafts and their titles -------------------------------------------------------------------

_DRAFT = re.compile(r"\bdraft\s+(?P<what>resolution|decision)s?\b|\bdraft\b|\btext\b", re.I)
_LABEL = re.compile(
    r"\bdraft\s+(?:resolution|decision)\s+(?-i:(?P<label>[IVXLC]{1,7}|[A-Z]))(?![\w/.'’-])",
    re.IGNORECASE,
)
# What may stand between "draft resolution" and its title: a label, a symbol, a parenthesis.
_BETWEEN = re.compile(
    r"(?:\s+(?-i:[IVXLC]{1,7}|[A-Z])(?![\w/.'’-])"
    r"|\s*\(?\s*(?:contained\s+in\s+)?(?:documents?\s+)?A/[\w./-]{3,40}\)?"
    r"|\s*\([^()]{0,100}\)"
    r"|\s+as\s+(?:a\s+whole|orally\s+(?:revised|amended)|amended|revised)\b){0,3}"
    r"\s*,?\s*(?P<word>(?:(?:which\s+)?(?:is|was)\s+)?(?:entitled|titled)|on|concerning|regarding"
    r"|relating\s+to)?"
    r"\s*",
    re.IGNORECASE,
)
_QUOTED = re.compile(r"[“\"](?P<title>[^“”\"]{3,600})[”\"]")
_UNQUOTED = re.compile(r"[^(“\";:]{3,400}")
_TITLE_END = re.compile(
    r"\s*\(|\s+(?:was|were|is|are|has\s+been|had\s+been|by\s+a|by\s+\d|by\s+(?:the|its)\b"
    r"|as\s+(?:a\s+whole|orally|amended|revised)|without\s+a\s+vote|and\s+(?:then|also)\b)"
    r"|,\s+(?:by|as|which|with|the\s+Committee|the\s+Assembly|and\s+(?:then|also))\b"
    r"|\.\s|\.$",
    re.IGNORECASE,
)
_CONVENTION_TITLE = re.compile(
    r"(?:implementation\s+of\s+(?:the\s+)?)?convention\s+on\s+the\s+prohibition\s+of\s+the\s+use,"
    r"[^();:“”\"]{0,200}?\bdestruction\b",
    re.IGNORECASE,
)


@attrs.frozen
class DraftMention:
    """A draft named in a text, with its title where the text gives it."""

    start: int
    end: int
    """The end of the title (or of the mention when there is no title)."""
    title: str | None
    label: str | None
    """``XI`` for "draft resolution XI", ``A`` for "draft resolution A"."""


def _clean_title(text: str) -> str | None:
    title = collapse_spaces(text).strip(" ,.;:'\"“”‘’")
    for article in ("the ", "The "):
        if title.startswith(article) and len(title) > len(article):
            title = title[len(article) :]
    return title if len(title) >= 3 else None


def find_drafts(text: str, limit: int = 50) -> list[DraftMention]:
    """The drafts a sentence names: "draft resolution A/C.1/70/L.41 on the Implementation of
    ...", "draft resolution XI, entitled “...”", "the draft resolution “...” (A/70/L.5)"; at
    most ``limit``. An unquoted title needs a word that introduces it ("on", "entitled")."""
    found: list[DraftMention] = []
    for match in _DRAFT.finditer(text):
        if len(found) >= limit:
            break
        label_match = _LABEL.match(text, match.start())
        label = label_match.group("label") if label_match is not None else None
        title: str | None = None
        end = match.end()
        between = _BETWEEN.match(text, match.end())
        if between is not None:
            at = between.end()
            quoted = _QUOTED.match(text, at)
            if quoted is not None:
                title = _clean_title(quoted.group("title"))
                end = quoted.end()
            elif between.group("word"):
                unquoted = _UNQUOTED.match(text, at)
                if unquoted is not None:
                    stop = _TITLE_END.search(text, at, unquoted.end())
                    title_end = stop.start() if stop is not None else unquoted.end()
                    title = _clean_title(text[at:title_end])
                    end = title_end
        if title is None and label is None and match.group("what") is None:
            continue  # "the draft" or "the text" without a title says nothing
        found.append(
            DraftMention(match.start(), max(end, between.end() if between else end), title, label)
        )
    return found


def label_in(text: str) -> tuple[int, str] | None:
    """The last "draft resolution XI" label in ``text`` and where it is, else ``None``."""
    last: tuple[int, str] | None = None
    for match in _LABEL.finditer(text):
        last = (match.start(), match.group("label"))
    return last


def convention_title_in(text: str) -> str | None:
    """The Convention's title where ``text`` writes it out (for a sentence that names it without
    a "draft resolution ... on" phrase), else ``None``. Whether it is the title is for
    :func:`~apmbc.domain.titles.is_convention_title` to say."""
    if "stockpiling" not in text.lower():
        return None
    match = _CONVENTION_TITLE.search(text)
    return None if match is None else _clean_title(match.group())


# -- corrections -------------------------------------------------------------------------------

_INTENDED = re.compile(
    r"\b(?:it|they)\s+(?:had\s+)?(?:intended|meant|wished)\s+(?P<what>"
    r"to\s+vote\s+(?:in\s+favou?r|for|yes|against|no)\b|to\s+abstain\b"
    r"|not\s+to\s+(?:vote|participate)\b|to\s+not\s+(?:vote|participate)\b)",
    re.IGNORECASE,
)
_TOLD = re.compile(
    r"\s+(?:had\s+)?(?:subsequently\s+|later\s+)?(?:advised|informed|notified|told|said"
    r"|stated|indicated|clarified)(?:\s+the\s+Secretariat)?(?:\s+that)?\s*,?\s*$",
    re.IGNORECASE,
)
_DELEGATION = re.compile(r"\b(?:delegations?|representatives?)\s+of\s+", re.IGNORECASE)
_AFTER_VOTE = re.compile(
    r"\b(?:subsequently|later|thereafter|after\s+the\s+vot(?:e|ing))\s*,\s*", re.IGNORECASE
)
_INTENDED_WORD = re.compile(r"\b(?:intended|meant|wished)\b", re.IGNORECASE)
_CORRECTION_TALK = re.compile(
    r"secretariat|had\s+(?:intended|meant)|intended\s+to\s+(?:vote|abstain)", re.IGNORECASE
)


@attrs.frozen
class Correction:
    """A correction printed after a vote: who said they had intended what."""

    start: int
    end: int
    who: str
    """The delegation(s) as written ("Bahrain", "Egypt and Yemen")."""
    intended: VotePosition


def _intended(what: str) -> VotePosition:
    words = what.lower()
    if words.startswith("not") or " not " in words:
        return VotePosition.ABSENT
    if "abstain" in words:
        return VotePosition.ABSTAIN
    if "against" in words or words.endswith(" no"):
        return VotePosition.NO
    return VotePosition.YES


def find_corrections(text: str) -> tuple[list[Correction], list[tuple[int, int]]]:
    """The corrections in a sentence ("Subsequently, the delegation of X advised the Secretariat
    that it had intended to vote in favour"), and the spans of those it speaks of but that could
    not be read (a delegation's intention without a recognised shape)."""
    found: list[Correction] = []
    unread: list[tuple[int, int]] = []
    floor = 0
    for keyword in _INTENDED_WORD.finditer(text):
        window_start = max(floor, keyword.start() - 400)
        window_end = min(len(text), keyword.end() + 60)
        floor = keyword.end()
        intended = _INTENDED.search(text, max(window_start, keyword.start() - 12), window_end)
        if intended is None or intended.start() > keyword.start():
            if _CORRECTION_TALK.search(text, window_start, window_end) is not None:
                unread.append((window_start, window_end))
            continue
        told = _TOLD.search(text, window_start, intended.start())
        if told is None:
            unread.append((window_start, intended.end()))
            continue
        who_start = window_start
        for marker in (_DELEGATION, _AFTER_VOTE):
            ends = [m.end() for m in marker.finditer(text, window_start, told.start())]
            if ends:
                who_start = ends[-1]
                break
        else:
            cut = max(
                text.rfind(". ", window_start, told.start()),
                text.rfind("[", window_start, told.start()),
                text.rfind("(", window_start, told.start()),
            )
            if cut >= 0:
                who_start = cut + 1
        who = collapse_spaces(text[who_start : told.start()]).strip(" ,.;[]()")
        if not who or len(who) > 300:
            unread.append((window_start, intended.end()))
            continue
        found.append(Correction(who_start, intended.end(), who, _intended(intended.group("what"))))
    return found, unread


def split_delegations(who: str) -> list[str]:
    """The pieces of "Bahrain, Egypt and Yemen": commas first; "and" is split by the caller only
    where the whole does not name a State ("Antigua and Barbuda" does)."""
    return [p.strip() for p in who.split(",") if p.strip()]
