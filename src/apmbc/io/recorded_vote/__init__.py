"""The UN's accounts of recorded votes (press releases, meeting records) read into roll calls.

>>> text = '''GA/DIS/9901
... 2 November 2015
... The draft resolution on Implementation of the Convention on the Prohibition of the Use,
... Stockpiling, Production and Transfer of Anti-Personnel Mines and on Their Destruction
... (document A/C.1/70/L.99) was approved by a recorded vote of 2 in favour to 1 against,
... with 1 abstention, as follows:
... In favour: Canada, Norway.
... Against: Cuba.
... Abstain: Egypt.
... '''
>>> read = parse_recorded_vote(text)
>>> (call,) = read.roll_calls
>>> call.resolution.session, call.resolution.forum.value, call.resolution.symbol
(70, 'first_committee', 'A/C.1/70/L.99')
>>> [(v.state, v.position.value) for v in call.votes]
[('CAN', 'yes'), ('NOR', 'yes'), ('CUB', 'no'), ('EGY', 'abstain')]

The text is plain text or HTML (detected; read as the profile pages are, nothing fetched). Two
shapes are read: a press release, whose sentence gives the tally ("approved by a recorded vote
of 159 in favour to none against, with 19 abstentions, as follows:") before the lists, and a
meeting record (``A/C.1/70/PV.24``, ``A/70/PV.67``), whose lists ("In favour:", "Against:",
"Abstaining:") come before the sentence ("Draft resolution XI was adopted by 168 votes to none,
with 17 abstentions (resolution 70/55)"). See ``docs/primary-records-votes.md``.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable

from apmbc.dataset import Dataset
from apmbc.errors import ArgumentTypeError, ParseError
from apmbc.io._files import (
    MAX_PAGE_BYTES,
    check_max_bytes,
    check_path,
    no_lone_surrogate,
    read_text,
)
from apmbc.io._titles import DEFAULT, title_predicate
from apmbc.io.recorded_vote._lines import MAX_LINE, split_lines
from apmbc.io.recorded_vote._model import ISSUE_CODES, RecordedVotes, RollCall, VoteIssue
from apmbc.io.recorded_vote._reader import read_lines
from apmbc.models import Source

__all__ = [
    "DEFAULT",
    "ISSUE_CODES",
    "MAX_LINE",
    "RecordedVotes",
    "RollCall",
    "VoteIssue",
    "looks_like_recorded_vote",
    "parse_recorded_vote",
    "read_recorded_vote",
]

_URL = re.compile(r"https?://\S+", re.IGNORECASE)
_SNIFF = re.compile(
    r"(?:^|[>\n])[ \t]*(?:<[^<>\n]{0,200}>[ \t]*){0,4}in\s+favou?r\s*(?:<[^<>\n]{0,200}>\s*){0,4}:"
    r"|\brecorded\s+vote\s+of\s+\d{1,3}\b|\badopted\s+by\s+\d{1,3}\s+votes\s+to\b"
    r"|\bby\s+\d{1,3}\s+votes?\s+to\s+(?:\d{1,3}|none)\b",
    re.IGNORECASE,
)


def looks_like_recorded_vote(head: str) -> bool:
    """Whether the start of a text reads like a recorded vote: a list headed "In favour:" (in
    text or HTML), or a tally such as "recorded vote of 159" or "adopted by 168 votes to"."""
    return _SNIFF.search(head) is not None


def _as_source(source: str | Source | None) -> Source | None:
    if source is None or isinstance(source, Source):
        return source
    if not isinstance(source, str):
        raise ArgumentTypeError(f"source must be a str or a Source, not {type(source).__name__}")
    text = source.strip()
    if _URL.fullmatch(text):
        return Source(url=text)
    return Source(citation=text) if text else None


def _label(source: Source | None) -> str | None:
    if source is None:
        return None
    return source.citation or source.url or source.title


def _dataset_provider(dataset: object) -> Callable[[], Dataset]:
    if dataset is None:

        def bundled() -> Dataset:
            from apmbc.io._bundled import bundled  # the bundled data, read only when needed

            return bundled()

        return bundled
    if isinstance(dataset, Dataset):
        return lambda: dataset
    raise ArgumentTypeError(f"dataset must be a Dataset or None, not {type(dataset).__name__}")


def _read(
    text: object,
    *,
    label: str | None,
    source: Source | None,
    title_filter: object,
    dataset: object,
) -> RecordedVotes:
    if not isinstance(text, str):
        raise ArgumentTypeError(
            f"expected the text as a str, got {type(text).__name__}; decode bytes first or use "
            "read_recorded_vote()"
        )
    if not (title_filter is None or isinstance(title_filter, str) or callable(title_filter)):
        raise ArgumentTypeError(
            "title_filter must be a string, None or a function of the title, "
            f"not {type(title_filter).__name__}"
        )
    keep, filter_label, _ = title_predicate(title_filter)
    provider = _dataset_provider(dataset)
    no_lone_surrogate(text, label, "recorded vote")
    lines, _ = split_lines(text, label)
    return read_lines(
        lines,
        label=label,
        source=source,
        keep=keep,
        filter_label=filter_label,
        keep_untitled=title_filter is None,
        dataset=provider,
    )


def parse_recorded_vote(
    text: str,
    *,
    source: str | Source | None = None,
    title_filter: str | Callable[[str], bool] | None = DEFAULT,
    dataset: Dataset | None = None,
) -> RecordedVotes:
    """Read the UN's account of one or more recorded votes into :class:`RecordedVotes`.

    ``text`` is a press release of the meeting (its body, its annex or both) or a meeting record,
    as plain text or HTML. Each roll call becomes a :class:`~apmbc.models.Resolution` (session
    and forum from the draft's or the document's symbol: ``A/C.1/...`` is the First Committee;
    else from the text's date) with the tally the text gives, and one
    :class:`~apmbc.models.Vote` per State listed ("Absent:" gives ``absent``). A correction
    printed after the vote ("Subsequently, the delegation of X advised the Secretariat that it
    had intended to vote in favour") is kept as the vote's ``intended`` position beside the one
    recorded.

    - ``source``: a URL, a citation or a :class:`~apmbc.models.Source`, cited by every record
      (with ``kind=SourceKind.UN``); by default the text's own symbol (``GA/DIS/3540``,
      ``A/70/PV.67``) where it gives one.
    - ``title_filter``: as for :func:`apmbc.load_undl_csv`; by default the Convention's drafts
      only (:func:`~apmbc.domain.titles.is_convention_title` on the title the text gives each
      draft); ``None`` keeps every vote, a string the titles containing it, a function gets the
      title. A vote left out is listed in :attr:`RecordedVotes.skipped`.
    - ``dataset``: whose States resolve the names (``"Iran (Islamic Republic of)"``, former
      names); by default the bundled data. :attr:`RecordedVotes.data_version` says which.

    Every list is checked against the tally; a name that is no State (or fits several), a State
    in two lists, a correction naming a State in no list, and parts of the text not read are
    reported with their line (:attr:`~RecordedVotes.problems`, :attr:`~RecordedVotes.unread`),
    never guessed. Raises :class:`~apmbc.errors.ParseError` for a text that holds no recorded
    vote at all (empty, binary, or without a tally or a list), and
    :class:`~apmbc.errors.ArgumentTypeError` for arguments of the wrong type.
    """
    src = _as_source(source)
    return _read(text, label=_label(src), source=src, title_filter=title_filter, dataset=dataset)


def read_recorded_vote(
    path: str | os.PathLike[str],
    *,
    source: str | Source | None = None,
    title_filter: str | Callable[[str], bool] | None = DEFAULT,
    dataset: Dataset | None = None,
    max_bytes: int = MAX_PAGE_BYTES,
) -> RecordedVotes:
    """Read a recorded vote (a press release or meeting record as text or HTML) from a UTF-8
    file; the other arguments are those of :func:`parse_recorded_vote`.

    Raises :class:`~apmbc.errors.ParseError` naming the file (and the line) when it cannot be
    read, is not UTF-8, is larger than ``max_bytes`` (64 MiB by default: no web page is;
    ``/dev/zero`` and endless streams end there too), or holds no recorded vote. Without
    ``source`` and without a symbol of its own, the records cite the file.
    """
    name = check_path(path)
    text = read_text(name, max_bytes=check_max_bytes(max_bytes), what="recorded vote")
    if not text:
        raise ParseError("the file is empty: expected the text of a recorded vote", source=name)
    return _read(
        text, label=name, source=_as_source(source), title_filter=title_filter, dataset=dataset
    )
