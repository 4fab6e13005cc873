"""What :func:`~apmbc.io.recorded_vote.parse_recorded_vote` returns: roll calls and issues."""

from __future__ import annotations

import attrs

from apmbc.dataset import Dataset
from apmbc.models import Metadata, Resolution, Source, State, Vote

__all__ = ["ISSUE_CODES", "RecordedVotes", "RollCall", "VoteIssue"]

ISSUE_CODES: dict[str, str] = {
    # problems: what the text says does not add up
    "count-mismatch": "a list holds more or fewer names than the tally's figure for it",
    "two-lists": "a State is in two lists of one vote (it gets no vote)",
    "listed-twice": "a State is twice in one list (it gets one vote)",
    "unknown-name": "a name that is no State of the dataset (it gets no vote)",
    "ambiguous-name": "a name that fits several States of the dataset (it gets no vote)",
    "correction-not-listed": "a correction names a State that is in no list of the vote",
    "tally-conflict": "two passages give different figures for one vote (the first is kept)",
    "empty-list": "a list heading without names and without 'None'",
    "truncated": "the text ends inside a list: the list may be cut off",
    "duplicate-roll-call": "two roll calls for the same draft",
    # unread: parts of the text that were not read
    "long-line": "a line too long to be read",
    "inside-list": "a line inside a list that is not names (a page's header or footer)",
    "tally-not-read": "a sentence that speaks of a vote's figures in a shape not read",
    "correction-not-read": "a delegation's intended vote in a shape not read",
    "correction-unplaced": "a correction with no roll call to belong to",
    "unplaced": "a vote whose session or forum the text does not give",
    # skipped: votes read but not returned
    "title-filter": "a vote on a draft the title filter does not keep",
    "no-title": "a vote whose draft's title the text does not give (no title filter keeps it)",
    "part-vote": "a separate vote on a part of a draft (a paragraph, an amendment)",
}
"""Every ``VoteIssue.code`` and what it means."""


@attrs.frozen(kw_only=True)
class VoteIssue:
    """Something a reader of a recorded-vote text must know, with the line it is on."""

    line: int
    """The 1-based line of the text it is about."""
    code: str
    """One of :data:`ISSUE_CODES`."""
    message: str
    text: str | None = None
    """The words concerned, as written (shortened to 200 characters)."""

    def __str__(self) -> str:
        shown = ""
        if self.text is not None:
            snippet = self.text if len(self.text) <= 80 else self.text[:77] + "..."
            shown = f" [{snippet!r}]"
        return f"line {self.line}: {self.code}: {self.message}{shown}"


@attrs.frozen(kw_only=True)
class RollCall:
    """One recorded vote read from the text: its resolution, its votes, and where it was read."""

    resolution: Resolution
    votes: tuple[Vote, ...] = ()
    """One per State listed (none where the text gives only the tally)."""
    first_line: int
    last_line: int
    draft: str | None = None
    """How the text names the draft: its symbol, or "draft resolution XI"; ``None`` if it does
    not."""


@attrs.frozen(kw_only=True)
class RecordedVotes:
    """The recorded votes of one text, and everything the reader noticed about it.

    Nothing is silently lost: a vote the title filter leaves out is in :attr:`skipped`, a part of
    the text that could not be read is in :attr:`unread`, and every check that failed (a list
    longer than its tally, a State in two lists, a name that is no State) is in
    :attr:`problems`, each with its line.
    """

    roll_calls: tuple[RollCall, ...] = ()
    problems: tuple[VoteIssue, ...] = ()
    unread: tuple[VoteIssue, ...] = ()
    skipped: tuple[VoteIssue, ...] = ()
    states: tuple[State, ...] = ()
    """The States the votes refer to, from the dataset used to resolve names."""
    notes: tuple[str, ...] = ()
    source: Source | None = None
    """The text's source: its press release or meeting record symbol, or the file."""
    data_version: str
    """The data version of the dataset whose States resolved the names."""

    @property
    def resolutions(self) -> tuple[Resolution, ...]:
        """The :class:`~apmbc.models.Resolution` of every roll call, in text order."""
        return tuple(r.resolution for r in self.roll_calls)

    @property
    def votes(self) -> tuple[Vote, ...]:
        """Every :class:`~apmbc.models.Vote` of every roll call."""
        return tuple(v for r in self.roll_calls for v in r.votes)

    def to_dataset(self) -> Dataset:
        """A :class:`~apmbc.dataset.Dataset` of the resolutions, their votes and the States they
        refer to; its notes carry the problems, unread parts and skipped votes.

        With the default title filter it holds at most the Convention's vote of each session and
        forum, as the bundled data does. Roll calls on other drafts (``title_filter=None``) have
        no UN Digital Library record id here (``Resolution.record`` is ``None``), so
        :func:`apmbc.validate` sees a second one in a session and forum as a duplicate key.
        """
        label = (self.source.citation or self.source.url) if self.source else None
        label = label or "a recorded-vote text"
        notes = [
            *self.notes,
            *(f"problem: {issue}" for issue in self.problems),
            *(f"unread: {issue}" for issue in self.unread),
            *(f"skipped: {issue}" for issue in self.skipped),
        ]
        return Dataset(
            metadata=Metadata(
                data_version=f"recorded-vote:{label}",
                title=f"UN recorded votes read from {label}",
                sources=(self.source,) if self.source is not None else (),
                notes=tuple(notes),
            ),
            states=self.states,
            resolutions=self.resolutions,
            votes=self.votes,
        )
