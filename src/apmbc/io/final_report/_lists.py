"""The lists of a final report's organisation section: where each starts, what it lists, where
it ends, and its items.

A list opens with a sentence such as "The following States Parties participated in the work of
the Meeting:" (the subject and the verb vary; what the subject says decides the section) and
runs either as one sentence of names separated by commas, "and" before the last, a full stop at
the end (the common shape, over as many lines and pages as it needs), or as one name per line
(HTML lists, some text extractions). Every scan here moves forward only, so that the time stays
linear in the length of the text.
"""

from __future__ import annotations

import enum
import re

import attrs

from apmbc.domain.names import collapse_spaces

__all__ = [
    "MAX_ITEMS",
    "Item",
    "ListBody",
    "Opening",
    "ReportSection",
    "classify",
    "clean_item",
    "find_openings",
    "read_body",
]

MAX_ITEMS = 1_000
"""Names in the longest list that is read: there are fewer than 200 States."""
MAX_ITEM = 120
"""Characters in the longest name that is read; the longest State name holds about 50."""
_WINDOW = 700
"""Characters an opening sentence may take from its first word to its colon."""


class ReportSection(str, enum.Enum):
    """The lists of participants a final report holds."""

    STATES_PARTIES = "states_parties"
    """The States Parties that participated."""
    NOT_YET_IN_FORCE = "not_yet_in_force"
    """States that had ratified or acceded, the Convention not yet in force for them."""
    SIGNATORIES = "signatories"
    """Signatory States not yet bound, participating as observers (early reports)."""
    OBSERVERS = "observers"
    """(Other) States not parties, participating as observers."""
    ORGANISATIONS = "organisations"
    """International organisations, institutions and non-governmental organisations."""

    def __str__(self) -> str:
        return self.value


_VERB = r"(?:participated|took\s+part|attended|were\s+represented|was\s+represented|registered)"
_OPENING_AFTER = re.compile(
    rf"following\s+(?P<who>[^:;.]{{1,300}}?)\s+{_VERB}\b(?P<rest>[^:;.]{{0,300}}?)\s*:",
    re.IGNORECASE,
)
_OPENING_BEFORE = re.compile(
    r"(?:participating|taking\s+part|attending|represented|present)\b(?P<rest>[^:;.]{0,200}?)"
    r"\bthe\s+following\s+(?P<who>[^:;.]{1,200}?)\s*:",
    re.IGNORECASE,
)
_STARTS = re.compile(
    r"\bfollowing\b|\b(?:participating|taking\s+part|attending|represented|present)\b",
    re.IGNORECASE,
)
_PUNCT = re.compile(r"[:;.]")

_ORGANISATIONS = re.compile(
    r"organi[sz]ations?|institutions?|agenc(?:y|ies)|\bngos?\b|non-?governmental|entities"
    r"|\bbodies\b|\bcommittees?\b|\bcampaigns?\b|\bunited\s+nations\b",
    re.IGNORECASE,
)
_STATES_WORD = re.compile(r"\bstates?\b|\bcountries\b|\bsignator", re.IGNORECASE)
_SIGNATORIES = re.compile(
    r"signator|(?<!not\s)(?<!never\s)\b(?:had|have|has)\s+signed|\bsigned\s+(?:but|the)",
    re.IGNORECASE,
)
_NOT_YET_IN_FORCE = re.compile(
    r"(?<!not\s)(?<!yet\s)\b(?:ratified|acceded|accession|ratification)"
    r"|not\s+(?:yet\s+)?(?:entered\s+into\s+force|in\s+force|bound)",
    re.IGNORECASE,
)
_OBSERVERS = re.compile(
    r"\bnot\s+(?:yet\s+)?part(?:y|ies)\b|non-?part(?:y|ies)|observers?\b|\bother\s+states\b",
    re.IGNORECASE,
)
_PARTIES = re.compile(r"\bstates?[\s-]+part(?:y|ies)\b", re.IGNORECASE)


def classify(phrase: str) -> ReportSection | None:
    """The list a subject such as "States not parties to the Convention ... as observers" opens,
    or ``None`` when the words say none of them."""
    text = collapse_spaces(phrase)
    if _ORGANISATIONS.search(text) and not _STATES_WORD.search(text):
        return ReportSection.ORGANISATIONS
    if _SIGNATORIES.search(text):
        return ReportSection.SIGNATORIES
    if _NOT_YET_IN_FORCE.search(text):
        return ReportSection.NOT_YET_IN_FORCE
    if _OBSERVERS.search(text):
        return ReportSection.OBSERVERS
    if _PARTIES.search(text):
        return ReportSection.STATES_PARTIES
    return None


@attrs.frozen(kw_only=True)
class Opening:
    """The sentence that opens a list: where it starts, where its list starts, what it says."""

    start: int
    body: int
    """The offset just after the colon."""
    who: str
    """The subject: "States Parties", "States not parties to the Convention", ..."""
    heading: str
    """The whole opening sentence as written."""
    section: ReportSection | None


def find_openings(text: str, limit: int = 100) -> list[Opening]:
    """The list-opening sentences of a paragraph (at most ``limit``), in order, none inside
    another's heading."""
    found: list[Opening] = []
    punct_at = -1
    after = 0
    for start in _STARTS.finditer(text):
        pos = start.start()
        if pos < after:
            continue
        if punct_at < pos:
            punct = _PUNCT.search(text, pos)
            punct_at = punct.start() if punct is not None else len(text)
        if punct_at - pos > _WINDOW or punct_at >= len(text) or text[punct_at] != ":":
            continue
        window = text[pos : punct_at + 1]
        pattern = _OPENING_AFTER if start.group().lower() == "following" else _OPENING_BEFORE
        match = pattern.match(window)
        if match is None:
            continue
        who = collapse_spaces(match.group("who"))
        rest = collapse_spaces(match.group("rest"))
        lead = _lead_in(text, pos)
        found.append(
            Opening(
                start=lead,
                body=punct_at + 1,
                who=who,
                heading=collapse_spaces(text[lead : punct_at + 1]),
                section=classify(f"{who} {rest}"),
            )
        )
        after = punct_at + 1
        if len(found) >= limit:
            break
    return found


_LEAD_IN = 200
_LEAD_END = re.compile(r"[.:;\n]")


def _lead_in(text: str, pos: int) -> int:
    """Where the sentence holding ``text[pos]`` starts: after the last full stop, colon,
    semicolon or line break in the :data:`_LEAD_IN` characters before it, else ``pos``."""
    start = max(0, pos - _LEAD_IN)
    last = 0 if start == 0 else -1
    for match in _LEAD_END.finditer(text, start, pos):
        last = match.end()
    if last < 0:
        return pos
    number = re.match(r"\s*\(?\d{1,3}[.)]\s", text[last:pos])
    return last + (len(text[last:pos]) - len(text[last:pos].lstrip())) if number is None else last


@attrs.frozen(kw_only=True)
class Item:
    """One entry of a list as written, and where it starts in the paragraph."""

    offset: int
    text: str


def _sentence_like(line: str) -> bool:
    """Whether a line that is no name reads as prose (a sentence after the list) rather than as
    an odd entry of the list."""
    return ":" in line or len(line.split(None, 10)) > 9 or line.rstrip().endswith((".", "!", "?"))


@attrs.frozen(kw_only=True)
class ListBody:
    """What follows an opening: its items, where the list ends, and how."""

    items: tuple[Item, ...]
    end: int
    """The offset where the text after the list starts."""
    terminated: bool
    """The list ends with a full stop."""
    overflow: bool = False
    """More than :data:`MAX_ITEMS` entries: the list is not read."""
    unfinished: bool = False
    """The list ends with a separator ("," or "and") or inside a name: text is missing."""


_ABBREVIATION = re.compile(r"(?:\b(?:St|Ste|Mt|Sto)|\b[A-Z])$")
_NAME_LIKE_WORDS = 9
_CONNECTORS = frozenset(
    str.split("and of the da de del der des di do dos du el la le van von y al bin et")
)


def _name_like(line: str) -> bool:
    """Whether a line can be one entry of a list: a few words, each capitalised but for the
    words that join names ("of", "and", "the", ...)."""
    words = line.split(None, _NAME_LIKE_WORDS)
    if len(words) > _NAME_LIKE_WORDS - 1 or ":" in line or len(line) > MAX_ITEM * 2:
        return False
    stripped = [w.strip("()[],.;'’\"“”") for w in words]
    return all(
        not w or not w[0].isalpha() or w[0].isupper() or w.lower() in _CONNECTORS for w in stripped
    )


def _first_lines(text: str, start: int, stop: int, count: int = 2) -> list[str]:
    """The first non-empty lines of ``text[start:stop]`` (each cut at a few hundred
    characters)."""
    lines: list[str] = []
    pos = start
    while pos < stop and len(lines) < count:
        end = text.find("\n", pos, stop)
        if end < 0:
            end = stop
        line = text[pos : min(end, pos + 400)].strip()
        if line:
            lines.append(line)
        pos = end + 1
    return lines


_CONTINUED = re.compile(r"(?:\b(?:and|of|the|de|du|des)|[&(\-‐‑])$", re.IGNORECASE)


def _one_per_line(lines: list[str]) -> bool:
    """Whether a list's first lines hold one name each (not a sentence wrapped over lines)."""
    first = lines[0]
    if _has_separator(first) or _CONTINUED.search(first) or first.count("(") > first.count(")"):
        return False
    return len(lines) < 2 or not _has_separator(lines[1])


def _has_separator(line: str) -> bool:
    depth = 0
    for ch in line:
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        elif ch in ",;" and depth == 0:
            return True
    return False


def read_body(text: str, start: int, stop: int) -> ListBody:
    """The list in ``text[start:stop]`` (``stop`` is the next opening or the paragraph's end)."""
    lines = _first_lines(text, start, stop)
    if not lines:
        return ListBody(items=(), end=start, terminated=False)
    if _one_per_line(lines):
        return _line_list(text, start, stop)
    return _comma_list(text, start, stop)


def _comma_list(text: str, start: int, stop: int) -> ListBody:
    items: list[Item] = []
    depth = 0
    opened = -1
    item_start = start
    pos = start
    while pos < stop:
        ch = text[pos]
        if ch == "(":
            if depth == 0:
                opened = pos
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        elif depth and pos - opened > MAX_ITEM:
            depth = 0  # a parenthesis never closed: do not let it swallow the list
        if depth == 0 and ch in ",;":
            items.append(Item(offset=item_start, text=text[item_start:pos]))
            item_start = pos + 1
            if len(items) > MAX_ITEMS:
                return _overflow(text, pos, stop, items)
        elif (
            depth == 0
            and ch == "."
            and (pos + 1 >= len(text) or text[pos + 1].isspace())
            and _ABBREVIATION.search(text, max(start, pos - 4), pos) is None
        ):
            items.append(Item(offset=item_start, text=text[item_start:pos]))
            return ListBody(items=_kept(items), end=pos + 1, terminated=True)
        pos += 1
    items.append(Item(offset=item_start, text=text[item_start:stop]))
    tail = text[item_start:stop].strip()
    unfinished = not tail or tail.endswith(("-", "and", "&")) or tail.count("(") > tail.count(")")
    return ListBody(items=_kept(items), end=stop, terminated=False, unfinished=unfinished)


def _kept(items: list[Item]) -> tuple[Item, ...]:
    """The entries that hold text, each starting at its first character (so that its line is
    the line its name starts on)."""
    return tuple(
        Item(offset=item.offset + len(item.text) - len(item.text.lstrip()), text=item.text)
        for item in items
        if item.text.strip()
    )


def _overflow(text: str, pos: int, stop: int, items: list[Item]) -> ListBody:
    end = text.find(".", pos, stop)
    return ListBody(
        items=tuple(items[:1]), end=stop if end < 0 else end + 1, terminated=end >= 0, overflow=True
    )


def _line_list(text: str, start: int, stop: int) -> ListBody:
    items: list[Item] = []
    pos = start
    while pos < stop:
        end = text.find("\n", pos, stop)
        if end < 0:
            end = stop
        line = text[pos:end]
        stripped = line.strip()
        if stripped:
            none = stripped.rstrip(".").lower() in ("none", "nil")
            if not none and not _name_like(stripped) and _sentence_like(stripped):
                return ListBody(items=tuple(items), end=pos, terminated=False)
            offset = pos + (len(line) - len(line.lstrip()))
            if stripped.endswith(".") and _ABBREVIATION.search(stripped[:-1]) is None:
                items.append(Item(offset=offset, text=stripped[:-1]))
                return ListBody(items=tuple(items), end=end, terminated=True)
            items.append(Item(offset=offset, text=stripped))
            if len(items) > MAX_ITEMS:
                return _overflow(text, pos, stop, items)
        pos = end + 1
    unfinished = bool(items) and items[-1].text.rstrip().endswith((",", "-", " and", "&"))
    return ListBody(items=tuple(items), end=stop, terminated=False, unfinished=unfinished)


_LEADING = re.compile(r"^(?:and|&|as\s+well\s+as)\s+", re.IGNORECASE)
_MARKS = re.compile(r"(?<=[^\W\d_)])(?:\s?(?:\d{1,2}|[*†‡]{1,3}|[¹²³⁴⁵⁶⁷⁸⁹⁰]{1,3})){1,3}$")
_EDGES = " \t\n.,;:\"'“”‘’"


def clean_item(raw: str) -> str:
    """An entry as a name: spaces collapsed, a leading "and", footnote marks ("Canada1",
    "Canada*", "Canada¹") and surrounding punctuation removed."""
    text = collapse_spaces(raw).strip(_EDGES)
    text = _LEADING.sub("", text)
    text = _MARKS.sub("", text).strip(_EDGES)
    return text
