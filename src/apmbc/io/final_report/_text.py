"""A final report as paragraphs: lines of text or HTML in, page furniture and footnotes set aside,
words broken across lines joined, paragraphs out.

Text extracted from a PDF carries the pages' furniture into the running text: the symbol and the
page number at the head of each page, the UN job number (``GE.23-12345``) and a barcode at its
foot, and the footnotes above the foot. A list of participants that runs over a page break has
all of that in its middle. Furniture lines are recognised one by one and dropped; footnote lines
(after a ``_____`` rule, or a line that starts with a footnote mark and ends the page) are set
aside with the paragraph they interrupt, so that a reader can report them. Everything here is one
pass over the lines, and every pattern is bounded.
"""

from __future__ import annotations

import bisect
import re

import attrs

from apmbc.domain.dates import month_of
from apmbc.domain.meetings import CONVENTION_SYMBOL_PATTERN
from apmbc.errors import ParseError
from apmbc.io._files import MAX_PAGE_BYTES
from apmbc.io.profile._lines import Line, clean, looks_like_html, split_lines

__all__ = ["MAX_LINE", "MAX_LINES", "Document", "Paragraph", "TextLine", "read_document"]

MAX_LINE = 100_000
"""Characters in the longest line that is read; a whole participation list in one line of HTML
holds a few thousand."""
MAX_LINES = 50_000
"""Lines in the longest text that is read; a final report of a hundred pages holds a few
thousand, a list of every State one name per line some two hundred."""
MAX_CHARS = MAX_PAGE_BYTES
"""Characters in the longest text that is read (as many as a file may hold bytes)."""
FOOTNOTE_REACH = 6
"""Lines a footnote may run over before the foot of its page."""

_BULLETS = "•·◦▪▫‣⁃●○■□►▸"
_FURNITURE = re.compile(
    r"(?:page\s{0,2})?\d{1,3}(?:\s{0,2}(?:/|of)\s{0,2}\d{1,3})?"
    r"|[-–—]\s{0,2}\d{1,3}\s{0,2}[-–—]"
    r"|GE\.\s?\d{2}\s?-\s?\d{4,6}\s?(?:\(\s?[A-Z]\s?\))?(?:\s{1,3}\d{6}){0,2}"
    r"|\*\s?\d{7,8}\s?\*"
    r"|please\s+recycle"
    rf"|(?:page\s{{0,2}}\d{{1,3}}\s{{1,3}})?{CONVENTION_SYMBOL_PATTERN}"
    r"(?:\s{1,3}(?:page\s{0,2})?\d{1,3})?",
    re.IGNORECASE,
)
_SYMBOL_LINE = re.compile(
    rf"(?:page\s{{0,2}}\d{{1,3}}\s{{1,3}})?(?P<symbol>{CONVENTION_SYMBOL_PATTERN})"
    r"(?:\s{1,3}(?:page\s{0,2})?\d{1,3})?",
    re.IGNORECASE,
)
_RULE = re.compile(r"[_‗\-–—]{5,}")
_FOOTNOTE_MARK = re.compile(r"(?:\d{1,2}|[*†‡]{1,3}|[¹²³⁴⁵⁶⁷⁸⁹⁰]{1,3})\s?(?=[A-Z\"“(])")
_WORD = re.compile(r"[A-Za-z]{3,9}\.?")
_PARAGRAPH_START = re.compile(
    r"\(?\d{1,3}[.)](?:\s|$)|[IVXL]{1,6}\.\s{1,3}[A-Z]|[A-H]\.\s{1,3}[A-Z]"
)
_NUMBERED = re.compile(r"\(?\d{1,3}[.)](?:\s|$)")
_TRAILING_MARKS = re.compile(r"[\s\d*†‡¹²³⁴⁵⁶⁷⁸⁹⁰\"”’)\]]{0,8}$")


@attrs.frozen(kw_only=True)
class TextLine:
    """A line of the report set aside from the running text (a footnote), or not read."""

    line: int
    text: str


@attrs.define
class Paragraph:
    """Lines joined into one text; each line's start in the text is kept, to name lines."""

    text: str = ""
    offsets: list[int] = attrs.Factory(list)
    lines: list[int] = attrs.Factory(list)
    footnotes: list[TextLine] = attrs.Factory(list)
    last_bullet: bool = False
    numbered: bool = False
    """Whether the paragraph starts with a paragraph number ("15.")."""
    last: bool = False
    """Whether this is the last paragraph of the document (a list that ends here unfinished
    may have been cut off)."""

    def line_at(self, offset: int) -> int:
        """The input line holding ``offset`` of :attr:`text`."""
        i = bisect.bisect_right(self.offsets, offset) - 1
        return self.lines[max(i, 0)]

    @property
    def first_line(self) -> int:
        return self.lines[0]

    def closed(self) -> bool:
        """Whether the text ends a sentence (a full stop, question or exclamation mark)."""
        tail = self.text[-12:]
        tail = tail[: _TRAILING_MARKS.search(tail).start()]  # type: ignore[union-attr]
        return tail.endswith((".", "!", "?"))


@attrs.define
class Document:
    """A report's paragraphs, and the lines that were not read at all."""

    paragraphs: list[Paragraph]
    unread: list[tuple[TextLine, str]]
    header_symbols: list[TextLine]
    """Lines that hold only a Convention symbol (with a page number): the running head."""
    html: bool


@attrs.define
class _Prepared:
    number: int
    text: str
    gap: bool
    bullet: bool
    page_break: bool
    kind: str = "text"
    """``text``, ``furniture``, ``rule`` (a footnote rule), or ``footnote``."""


def _open_hyphen(text: str) -> bool:
    """Whether ``text`` ends with a letter and a hyphen: a word broken across lines."""
    return len(text) >= 2 and text[-1] == "-" and text[-2].isalpha()


def _bullet(text: str) -> tuple[str, bool]:
    if text and text[0] in _BULLETS:
        return text[1:].lstrip(), True
    if len(text) > 2 and text[0] in "-–—" and text[1] == " ":
        return text[2:].lstrip(), True
    return text, False


def _text_lines(text: str, label: str | None, unread: list[tuple[TextLine, str]]) -> list[Line]:
    lines: list[Line] = []
    number = 0
    start = 0
    length = len(text)
    while start <= length:
        end = text.find("\n", start)
        if end < 0:
            end = length
        number += 1
        raw = text[start:end]
        start = end + 1
        if number > MAX_LINES:
            raise ParseError(
                f"more than {MAX_LINES:,} lines: far longer than the final report of a meeting",
                source=label,
                line=number,
            )
        if len(raw) > MAX_LINE:
            unread.append(
                (
                    TextLine(line=number, text=raw[:200]),
                    f"a line of {len(raw):,} characters, longer than any line of a final "
                    f"report ({MAX_LINE:,}): not read",
                )
            )
            lines.append(Line(number=number, raw="", text="", bullet=False))
            continue
        page_break = "\f" in raw
        cleaned = clean(raw)
        if page_break:  # kept as an empty marker line, so that the break is seen
            lines.append(Line(number=number, raw="\f", text="", bullet=False))
        if not cleaned:
            if not page_break:
                lines.append(Line(number=number, raw="", text="", bullet=False))
            continue
        cleaned, bullet = _bullet(cleaned)
        lines.append(Line(number=number, raw=raw.strip(), text=cleaned, bullet=bullet))
    return lines


def _html_lines(text: str, label: str | None) -> list[Line]:
    try:
        return split_lines(text, label)
    except ParseError as exc:
        if exc.message.startswith("more than"):
            raise ParseError(
                "more than 20,000 blocks of text or 100,000 tags in the HTML: far larger than "
                "the final report of a meeting",
                source=label,
                line=exc.line,
            ) from None
        raise ParseError(
            f"cannot read the HTML of the final report: {exc.message}", source=label, line=exc.line
        ) from None


def _prepare(lines: list[Line], html: bool, symbols: list[TextLine]) -> list[_Prepared]:
    prepared: list[_Prepared] = []
    gap = True
    page_break = False
    for line in lines:
        if not line.text:
            gap = True
            page_break = page_break or line.raw == "\f"
            continue
        item = _Prepared(
            number=line.number,
            text=line.text,
            gap=gap or html,
            bullet=line.bullet,
            page_break=page_break,
        )
        if len(line.text) <= 200 and _FURNITURE.fullmatch(line.text):
            item.kind = "furniture"
            symbol = _SYMBOL_LINE.fullmatch(line.text)
            if symbol is not None:
                symbols.append(TextLine(line=line.number, text=symbol.group("symbol")))
        elif len(line.text) <= 200 and _RULE.fullmatch(line.text):
            item.kind = "rule"
        prepared.append(item)
        gap = item.kind != "text"  # furniture stands between pages: the text after it
        page_break = False
    return prepared


def _footnote_start(text: str) -> bool:
    match = _FOOTNOTE_MARK.match(text)
    if match is None:
        return False
    if text[0].isdigit():
        word = _WORD.match(text, match.end())
        if word is not None and month_of(word.group()) is not None:
            return False  # "2 December 2005 ...": a date wrapped onto a new line
    return True


def _mark_footnotes(prepared: list[_Prepared]) -> None:
    """Mark footnote lines: after a rule, or from a marked line to the foot of its page."""
    i, n = 0, len(prepared)
    while i < n:
        item = prepared[i]
        if item.kind == "rule":
            j = i + 1
            while j < n and prepared[j].kind == "text" and not prepared[j].page_break:
                prepared[j].kind = "footnote"
                j += 1
            i = j
            continue
        if item.kind == "text" and _footnote_start(item.text):
            j = i + 1
            while j < n and j - i <= FOOTNOTE_REACH and prepared[j].kind == "text":
                if prepared[j].page_break:
                    break
                j += 1
            ends_page = j < n and (prepared[j].kind == "furniture" or prepared[j].page_break)
            if ends_page and j - i <= FOOTNOTE_REACH:
                for k in range(i, j):
                    prepared[k].kind = "footnote"
                i = j
                continue
        i += 1


def _paragraphs(prepared: list[_Prepared], html: bool) -> list[Paragraph]:
    paragraphs: list[Paragraph] = []
    current: Paragraph | None = None
    parts: list[str] = []
    length = 0

    def finish() -> None:
        nonlocal current, parts, length
        if current is not None:
            current.text = "".join(parts)
            paragraphs.append(current)
        current, parts, length = None, [], 0

    for item in prepared:
        if item.kind == "furniture" or item.kind == "rule":
            continue
        if item.kind == "footnote":
            if current is not None:
                current.footnotes.append(TextLine(line=item.number, text=item.text))
            continue
        if current is not None:
            current.text = "".join(parts[-2:])  # enough of the text for closed()
            starts = _PARAGRAPH_START.match(item.text) is not None
            after_list = item.gap and current.last_bullet and not item.bullet
            if starts or after_list or (item.gap and current.closed()):
                finish()
        if current is None:
            current = Paragraph(numbered=_NUMBERED.match(item.text) is not None)
            parts, length = [item.text], 0
            current.offsets.append(0)
        else:
            previous = parts[-1]
            if _open_hyphen(previous) and item.text[:1].isalpha():
                if item.text[0].islower():  # "Herze-" / "govina": one word broken in two
                    parts[-1] = previous[:-1]
                    length -= 1
                separator = ""
            else:
                separator = "\n"
            parts.append(separator + item.text)
            current.offsets.append(length + len(separator))
        current.lines.append(item.number)
        current.last_bullet = item.bullet
        length = current.offsets[-1] + len(item.text)
    finish()
    if paragraphs:
        paragraphs[-1].last = True
    return paragraphs


def read_document(text: str, label: str | None) -> Document:
    """The paragraphs of a report given as text or HTML (detected).

    Raises :class:`~apmbc.errors.ParseError` for an empty text, whitespace only, a NUL
    character, or a text far longer than any report.
    """
    if not text:
        raise ParseError("empty input: expected the text of a final report", source=label)
    if len(text) > MAX_CHARS:
        raise ParseError(
            f"more than {MAX_CHARS:,} characters: far larger than the final report of a meeting",
            source=label,
        )
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    nul = text.find("\x00")
    if nul >= 0:
        raise ParseError(
            "NUL character: binary data or UTF-16 text, expected the text of a final report",
            source=label,
            line=text.count("\n", 0, nul) + 1,
        )
    if not text.strip():
        raise ParseError("only whitespace: expected the text of a final report", source=label)
    unread: list[tuple[TextLine, str]] = []
    html = looks_like_html(text)
    lines = _html_lines(text, label) if html else _text_lines(text, label, unread)
    if html:
        for line in lines:
            if len(line.text) > MAX_LINE:
                unread.append(
                    (
                        TextLine(line=line.number, text=line.text[:200]),
                        f"a block of {len(line.text):,} characters, longer than any paragraph "
                        f"of a final report ({MAX_LINE:,}): not read",
                    )
                )
        lines = [
            line if len(line.text) <= MAX_LINE else attrs.evolve(line, raw="", text="")
            for line in lines
        ]
    symbols: list[TextLine] = []
    prepared = _prepare(lines, html, symbols)
    _mark_footnotes(prepared)
    return Document(
        paragraphs=_paragraphs(prepared, html),
        unread=unread,
        header_symbols=symbols,
        html=html,
    )
