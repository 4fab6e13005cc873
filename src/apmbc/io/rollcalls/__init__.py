"""Roll-call data researchers already have: Erik Voeten's UN General Assembly voting data and the
tables of the unvotes R package, read into a :class:`~apmbc.dataset.Dataset`.

- :func:`load_voeten_csv` reads Voeten's votes table (Harvard Dataverse, "United Nations General
  Assembly Voting Data"): one row per State and roll call, ``rcid, ccode, member, vote, Country,
  Countryname, year, session, abstain, yes, no, importantvote, date, unres, amend, para, short,
  descr, ...``. ``vote`` is 1 yes, 2 abstain, 3 no, 8 absent, 9 not a member; ``ccode`` is the
  State's Correlates of War code.
- :func:`load_unvotes_csv` reads unvotes' ``un_votes`` (``rcid, country, country_code, vote``;
  ``country_code`` is ISO 3166-1 alpha-2, ``vote`` yes, no or abstain) with its
  ``un_roll_calls`` (``rcid, session, importantvote, date, unres, amend, para, short, descr``).

Which table a file holds is recognised from its header line (column names folded, with aliases
such as ``Country``/``country`` or ``unres``/``resolution``); a file of another kind is a
:class:`~apmbc.errors.ParseError` saying what it is. Files may be comma-separated or
tab-separated (the ``.tab`` files Harvard Dataverse serves). Both readers share the title filter
of :func:`apmbc.load_undl_csv`.

Identity: the Convention's annual resolution is known by its session (``convention=True``,
``record=None``). Any other roll call, read with ``title_filter=None`` or another filter, is
known by its roll call id: ``record="voeten:<rcid>"`` or ``"unvotes:<rcid>"``, on the
:class:`~apmbc.models.Resolution` and on each of its :class:`~apmbc.models.Vote` records, since
several roll calls of one session can share a symbol (votes on a paragraph, ``para``, or on an
amendment, ``amend``, and the vote on the whole text).
"""

from __future__ import annotations

import os
from collections.abc import Callable

from apmbc.dataset import Dataset, StateTable
from apmbc.domain.titles import is_convention_title
from apmbc.io._files import MAX_CSV_BYTES, check_max_bytes
from apmbc.io._titles import title_predicate
from apmbc.io.rollcalls._columns import (
    UNVOTES_ROLL_CALLS_COLUMNS,
    UNVOTES_VOTES_COLUMNS,
    VOETEN_COLUMNS,
    Table,
    table_of,
)
from apmbc.io.rollcalls._read import Options, read_unvotes, read_voeten
from apmbc.io.rollcalls._rows import MAX_LINE_CHARS
from apmbc.io.rollcalls._values import VOETEN_VOTE_CODES

__all__ = [
    "DEFAULT",
    "MAX_LINE_CHARS",
    "UNVOTES_ROLL_CALLS_COLUMNS",
    "UNVOTES_VOTES_COLUMNS",
    "VOETEN_COLUMNS",
    "VOETEN_VOTE_CODES",
    "Table",
    "load_unvotes_csv",
    "load_voeten_csv",
    "table_of",
]

DEFAULT: Callable[[str], bool] = is_convention_title
"""The default title filter: the Convention's annual resolutions."""


def _options(
    title_filter: str | Callable[[str], bool] | None,
    states: StateTable | Dataset | None,
    strict: bool,
    max_bytes: int,
) -> Options:
    keep, label, _ = title_predicate(title_filter)
    return Options(
        keep=keep,
        filter_label=label,
        filtered=title_filter is not None,
        states=states,
        strict=bool(strict),
        max_bytes=check_max_bytes(max_bytes),
    )


def load_voeten_csv(
    path: str | os.PathLike[str],
    *,
    title_filter: str | Callable[[str], bool] | None = DEFAULT,
    states: StateTable | Dataset | None = None,
    strict: bool = False,
    max_bytes: int = MAX_CSV_BYTES,
) -> Dataset:
    """Read Erik Voeten's UN General Assembly votes table (a CSV file) into a :class:`Dataset`.

    The file is streamed row by row; only the roll calls the title filter keeps are remembered.
    The result holds one plenary :class:`~apmbc.models.Resolution` per roll call kept (symbol
    from ``unres``, normalised; date; title; the tally counted from the votes), its
    :class:`~apmbc.models.Vote` records and the :class:`~apmbc.models.State` records they refer
    to. Each record cites the file and the roll call as its source.

    - ``title_filter``: as in :func:`apmbc.load_undl_csv`; by default the Convention's annual
      resolutions (:func:`~apmbc.domain.titles.is_convention_title`). The filter is given
      ``descr`` and then ``short``; the roll call is kept if it accepts either, and the first it
      accepts becomes the title (with ``title_filter=None``, ``descr``, else ``short``).
    - ``states``: whose States the ``ccode`` values are looked up in (by
      :attr:`~apmbc.models.State.cow_code`; where no State has the code, by ``Countryname``);
      by default the bundled data, and ``metadata.notes`` says which data mapped them. A code
      that matches no State is not dropped: its votes keep the code as ``state`` and the notes
      say so with the line.
    - ``strict``: a row with a cell that cannot be read (an unknown vote code, a session that is
      not a number, an impossible date, a row with more or fewer fields than the header) is by
      default skipped and named in ``metadata.notes`` (the first 20, then counted); with
      ``strict=True`` it is a :class:`~apmbc.errors.ParseError`.
    - ``max_bytes``: the largest file read (8 GiB by default, ten times Voeten's whole file); a
      larger one, ``/dev/zero`` or an endless stream ends in a ``ParseError``.

    Vote codes 1, 2, 3 and 8 are yes, abstain, no and absent; 9 (not a member then) gives no
    record at all, and the notes count those rows. A date in figures that reads both ways
    (``12/9/1997``: 12 September or December 9) is left unknown and noted; ``YYYY-MM-DD``, as
    Voeten and R write dates, is read as it is. The roll call's own ``yes``, ``no`` and
    ``abstain`` columns are checked against the votes, and a difference is noted. The roll call
    of a session that carries the Convention's title, and is not a vote on an amendment or a
    paragraph, is the Convention's resolution (``convention=True``); every other roll call kept
    is ``convention=False`` with ``record="voeten:<rcid>"``.

    Raises :class:`~apmbc.errors.ParseError`, naming the file and the line, for a file that
    cannot be read or is not UTF-8, an empty file, a header of another kind of file (unvotes'
    tables, a UN Digital Library CSV) or of none, a missing required column (``rcid``,
    ``ccode``, ``vote``, and ``session``, ``unres`` or ``date``), no title column while a title
    filter is set, a quote left open, a line longer than :data:`MAX_LINE_CHARS` or a cell longer
    than ``csv.field_size_limit()``.
    """
    return read_voeten(path, _options(title_filter, states, strict, max_bytes))


def load_unvotes_csv(
    votes_path: str | os.PathLike[str],
    roll_calls_path: str | os.PathLike[str],
    *,
    title_filter: str | Callable[[str], bool] | None = DEFAULT,
    states: StateTable | Dataset | None = None,
    strict: bool = False,
    max_bytes: int = MAX_CSV_BYTES,
) -> Dataset:
    """Read the unvotes package's ``un_votes`` and ``un_roll_calls`` tables (two CSV files, as
    R's ``write.csv`` or ``readr::write_csv`` writes them) into a :class:`Dataset`.

    The roll calls are read first and the title filter applied to them (as in
    :func:`load_voeten_csv`: ``descr``, then ``short``); then the votes are streamed and only
    those of the roll calls kept are remembered. States are looked up by ``country_code`` (ISO
    3166-1 alpha-2), then by ``country`` where no State has the code. ``NA`` is read as
    Namibia's code only beside the name Namibia (or no name): R also writes a missing code as
    ``NA``. ``states``, ``strict`` and ``max_bytes`` (for each file) are as in
    :func:`load_voeten_csv`.

    unvotes records only yes, no and abstain: it leaves out absent States and States that were
    not members. So no :class:`~apmbc.models.Vote` is ``absent``, every tally's ``absent`` is
    ``None`` (unknown), and ``metadata.notes`` says so. A vote row whose roll call the roll calls
    table does not list is not read, and the notes count such rows. Other roll calls than the
    Convention's are ``convention=False`` with ``record="unvotes:<rcid>"``.

    Raises :class:`~apmbc.errors.ParseError`, naming the file and the line, as
    :func:`load_voeten_csv` does; a roll calls table given as the votes table (or the reverse)
    is named as such, and a roll call id that appears twice in the roll calls table is a bad
    row.
    """
    return read_unvotes(
        votes_path, roll_calls_path, _options(title_filter, states, strict, max_bytes)
    )
