"""Profile pages as lines: plain text or HTML in, numbered and normalised lines out.

HTML is read with the standard library's ``html.parser`` only. Before it sees the page, a linear
pre-pass keeps only well-formed tags (anything else that starts with ``<`` becomes text), and
replaces comments, declarations and the content of ``<script>``/``<style>`` by the newlines they
held, so that line numbers stay those of the input and the parser's slow paths on malformed
markup are never reached.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

import attrs

from apmbc.errors import ParseError

__all__ = ["MAX_LINE", "Line", "looks_like_html", "split_lines"]

MAX_LINE = 20_000
"""Characters in the longest line that is read; real profile lines hold a few thousand."""
MAX_LINES = 20_000
"""Non-empty lines in the largest page that is read; a profile page holds a few hundred."""
MAX_TAGS = 100_000
"""Tags in the largest HTML page that is read; a profile page holds a few thousand."""
HTML_PROBE = 200_000
"""HTML is recognised by a common tag within this many leading characters."""

_BULLETS = "•·◦▪▫‣⁃●○■□►▸-–—*"
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad"


@attrs.frozen(kw_only=True)
class Line:
    """One line of a page: its 1-based number in the input, the text as printed, and cleaned."""

    number: int
    raw: str
    """The line as in the input (HTML: its text, entities decoded), without outer whitespace."""
    text: str
    """Whitespace folded to single spaces, invisible characters and a leading bullet removed."""
    bullet: bool


def clean(text: str) -> str:
    """Fold every run of whitespace (non-breaking spaces included) to one space; drop invisibles."""
    for mark in _INVISIBLE:
        if mark in text:
            text = text.replace(mark, "")
    return " ".join(text.split())


def _make_line(number: int, raw: str, bullet: bool) -> Line | None:
    stripped = raw.strip()
    if len(stripped) > MAX_LINE:  # not read: kept as it is, without the cost of cleaning
        return Line(number=number, raw=stripped, text=stripped, bullet=bullet)
    text = clean(stripped)
    for _ in range(3):
        if not text or text[0] not in _BULLETS:
            break
        if text[0] in "-–—*" and len(text) > 1 and text[1] != " ":
            break  # "-5" or "*note": not a bullet
        text = text[1:].lstrip()
        bullet = True
    if not text and not bullet:
        return None
    return Line(number=number, raw=stripped, text=text, bullet=bullet)


# -- HTML ---------------------------------------------------------------------------------------

_HTML_HINT = re.compile(
    r"<(?:!doctype\s+html|html|head|body|p|div|ul|ol|li|h[1-6]|br|span|a|section|article|main"
    r"|nav|header|footer|table|tr|td|script|style|meta|link|title|strong|em|b|i|blockquote)"
    r"(?:\s[^<>]{0,2000})?/?>",
    re.IGNORECASE,
)
_START_TAG = re.compile(
    r"""<([A-Za-z][A-Za-z0-9:_-]{0,40})"""
    r"""(?:\s+[^\s"'<>/=]{1,100}(?:\s*=\s*(?:"[^"<]{0,4000}"|'[^'<]{0,4000}'|[^\s"'<>=`]{1,4000}))?)"""
    r"""{0,200}\s*/?>"""
)
_END_TAG = re.compile(r"</([A-Za-z][A-Za-z0-9:_-]{0,40})\s*>")
_DECLARATION = re.compile(r"<[!?][^<>]{0,2000}>")
_RAW_TEXT = ("script", "style")
_RAW_END = {name: re.compile(rf"</{name}\s*>", re.IGNORECASE) for name in _RAW_TEXT}

_BLOCK = frozenset(
    str.split(
        "address article aside blockquote body br dd details dialog div dl dt fieldset figcaption "
        "figure footer form h1 h2 h3 h4 h5 h6 header hr html li main nav ol p pre section summary "
        "table tbody td tfoot th thead tr ul"
    )
)
_SKIPPED = frozenset({"script", "style", "noscript", "template", "title"})


def looks_like_html(text: str) -> bool:
    """Whether ``text`` holds at least one common HTML tag."""
    return _HTML_HINT.search(text, 0, HTML_PROBE) is not None


def _newlines(text: str) -> str:
    return "\n" * text.count("\n")


def _sanitize(html: str, label: str | None) -> str:
    """Keep well-formed tags; everything else that starts with ``<`` becomes ``&lt;``. Linear."""
    out: list[str] = []
    tags = 0
    i = 0
    comments_closed = True  # becomes False once a search for "-->" has failed
    raw_closed = dict.fromkeys(_RAW_TEXT, True)
    while True:
        j = html.find("<", i)
        if j < 0:
            out.append(html[i:])
            break
        out.append(html[i:j])
        tags += 1
        if tags > MAX_TAGS:
            raise ParseError(
                f"more than {MAX_TAGS:,} tags or '<' characters: far larger than the HTML of a "
                "State profile page",
                source=label,
                line=html.count("\n", 0, j) + 1,
            )
        if html.startswith("<!--", j):
            k = html.find("-->", j + 4) if comments_closed else -1
            if k < 0:
                comments_closed = False
                out.append("&lt;")
                i = j + 1
            else:
                out.append(_newlines(html[j : k + 3]))
                i = k + 3
            continue
        match = _START_TAG.match(html, j) or _END_TAG.match(html, j)
        if match is None:
            declaration = _DECLARATION.match(html, j)
            if declaration is not None:
                out.append(_newlines(declaration.group()))
                i = declaration.end()
            else:
                out.append("&lt;")
                i = j + 1
            continue
        out.append(match.group())
        i = match.end()
        name = match.group(1).lower()
        if name in raw_closed and not match.group().startswith("</"):
            end = _RAW_END[name].search(html, i) if raw_closed[name] else None
            if end is None:
                raw_closed[name] = False
                out.append(_newlines(html[i:]))
                break
            out.append(_newlines(html[i : end.start()]))
            out.append(end.group())
            i = end.end()
    return "".join(out)


class _Collector(HTMLParser):
    """Visible text of a page, one entry per block, with the input line it starts on."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[Line] = []
        self._parts: list[str] = []
        self._number: int | None = None
        self._bullet = False
        self._skip = 0

    def flush(self) -> None:
        raw = "".join(self._parts)
        if self._number is not None:
            line = _make_line(self._number, raw, self._bullet)
            if line is not None:
                self.lines.append(line)
        self._parts = []
        self._number = None
        self._bullet = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED:
            self._skip += 1
        elif tag in _BLOCK:
            self.flush()
            if tag == "li":
                self._bullet = True
        elif tag in ("img", "input", "wbr"):
            self._parts.append(" ")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK:
            self.flush()

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED:
            self._skip = max(0, self._skip - 1)
        elif tag in _BLOCK:
            self.flush()

    def handle_data(self, data: str) -> None:
        if self._skip:
            return
        if self._number is None:
            stripped = data.lstrip()
            if not stripped:
                return
            line, _ = self.getpos()
            self._number = line + data.count("\n", 0, len(data) - len(stripped))
        self._parts.append(data)


def _html_lines(html: str, label: str | None) -> list[Line]:
    collector = _Collector()
    try:
        collector.feed(_sanitize(html, label))
        collector.close()
    except ParseError:
        raise
    except Exception as exc:  # html.parser has raised AssertionError on odd markup in the past
        raise ParseError(f"cannot read the HTML: {exc}", source=label) from None
    collector.flush()
    return collector.lines


# -- plain text ---------------------------------------------------------------------------------


_CONTENT_LINE = re.compile(r"^[^\S\n]*\S[^\n]*", re.MULTILINE)


def _text_lines(text: str, label: str | None) -> list[Line]:
    lines: list[Line] = []
    number, counted = 1, 0
    for match in _CONTENT_LINE.finditer(text):
        number += text.count("\n", counted, match.start())
        counted = match.start()
        line = _make_line(number, match.group(), False)
        if line is not None:
            lines.append(line)
            _check_count(lines, label)
    return lines


def _check_count(lines: list[Line], label: str | None) -> None:
    if len(lines) > MAX_LINES:
        raise ParseError(
            f"more than {MAX_LINES:,} lines of text: far longer than a State profile page",
            source=label,
            line=lines[MAX_LINES].number,
        )


def split_lines(text: str, label: str | None) -> list[Line]:
    """The non-empty lines of ``text`` (plain text or HTML, detected), numbered from 1.

    Raises :class:`ParseError` for empty input, whitespace only, or a NUL character.
    """
    if not text:
        raise ParseError("empty input: expected a State profile page", source=label)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    nul = text.find("\x00")
    if nul >= 0:
        raise ParseError(
            "NUL character: binary data or UTF-16 text, expected the text of a profile page",
            source=label,
            line=text.count("\n", 0, nul) + 1,
        )
    if not text.strip():
        raise ParseError("only whitespace: expected a State profile page", source=label)
    if looks_like_html(text):
        lines = _html_lines(text, label)
        _check_count(lines, label)
        return lines
    return _text_lines(text, label)
