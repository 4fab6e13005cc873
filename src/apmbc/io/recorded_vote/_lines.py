"""A recorded-vote text as numbered lines: plain text or HTML in, cleaned lines out.

HTML goes through the same linear pre-pass and ``html.parser`` collector as the profile pages
(:mod:`apmbc.io.profile._lines`): only well-formed tags are kept, scripts and styles dropped,
entities decoded, one line per block (``<p>``, ``<br>``, ``<li>``, ``<td>``...), each numbered by
the input line its text starts on.
"""

from __future__ import annotations

import attrs

from apmbc.errors import ParseError
from apmbc.io.profile._lines import (
    MAX_TAGS,
    _html_lines as profile_html_lines,
    clean,
    looks_like_html,
)

__all__ = ["MAX_LINE", "MAX_LINES", "Line", "split_lines"]

MAX_LINE = 1_000_000
"""Characters in the longest line that is read. A roll call of every Member State on one line
holds about 3,000; a list of 10,000 names about 150,000. Longer lines are reported, not read."""
MAX_LINES = 500_000
"""Lines in the largest text that is read; a meeting record holds a few thousand."""


@attrs.frozen(kw_only=True)
class Line:
    """One line: its 1-based number in the input and its text, whitespace folded."""

    number: int
    text: str
    """Every run of whitespace (non-breaking spaces included) as one space, invisible characters
    dropped; ``""`` for a blank line. A line longer than :data:`MAX_LINE` is kept as it is."""
    gap: bool = False
    """A blank line comes before this one: a new paragraph."""

    @property
    def too_long(self) -> bool:
        return len(self.text) > MAX_LINE


def _text_lines(text: str, label: str | None) -> list[Line]:
    lines: list[Line] = []
    gap = False
    for number, raw in enumerate(text.split("\n"), 1):
        if len(raw) > MAX_LINE:
            lines.append(Line(number=number, text=raw, gap=gap))
            gap = False
            continue
        cleaned = clean(raw)
        if not cleaned:
            gap = True
            continue
        lines.append(Line(number=number, text=cleaned, gap=gap))
        gap = False
        if len(lines) > MAX_LINES:
            raise ParseError(
                f"more than {MAX_LINES:,} lines of text: far longer than any press release or "
                "meeting record",
                source=label,
                line=number,
            )
    return lines


def _html_lines(html: str, label: str | None) -> list[Line]:
    tags = html.count("<")
    if tags > MAX_TAGS:
        at = 0
        for _ in range(MAX_TAGS + 1):
            at = html.index("<", at) + 1
        raise ParseError(
            f"more than {MAX_TAGS:,} tags or '<' characters: far larger than the HTML of a press "
            "release or a meeting record",
            source=label,
            line=html.count("\n", 0, at) + 1,
        )
    out: list[Line] = []
    for line in profile_html_lines(html, label):
        text = line.raw if len(line.raw) > MAX_LINE else clean(line.raw)
        if text:
            out.append(Line(number=line.number, text=text))
    if len(out) > MAX_LINES:
        raise ParseError(
            f"more than {MAX_LINES:,} blocks of text: far longer than any press release or "
            "meeting record",
            source=label,
            line=out[MAX_LINES].number,
        )
    return out


def split_lines(text: str, label: str | None) -> tuple[list[Line], bool]:
    """The lines of ``text`` (plain text or HTML, detected) and whether it was HTML.

    Raises :class:`~apmbc.errors.ParseError` for empty input, whitespace only or a NUL character.
    """
    if not text:
        raise ParseError("empty input: expected the text of a recorded vote", source=label)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    nul = text.find("\x00")
    if nul >= 0:
        raise ParseError(
            "NUL character: binary data or UTF-16 text, expected the text of a press release or "
            "a meeting record",
            source=label,
            line=text.count("\n", 0, nul) + 1,
        )
    if not text.strip():
        raise ParseError("only whitespace: expected the text of a recorded vote", source=label)
    if looks_like_html(text):
        return _html_lines(text, label), True
    return _text_lines(text, label), False
