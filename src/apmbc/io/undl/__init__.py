"""UN Digital Library "General Assembly Voting Data" CSVs: read them into a Dataset, write them.

The UN Digital Library publishes every recorded vote of the General Assembly as a CSV
(digitallibrary.un.org record 4060887 and later editions). Two layouts exist, recognised from
the header line:

- *long*: one row per Member State and resolution (``undl_id, ms_code, ms_name, ms_vote, date,
  session, resolution, ..., title, ..., total_yes, total_no, total_abstentions,
  total_non_voting, total_ms, undl_link``; some editions spell them in the plural or with
  hyphens);
- *wide*: one row per resolution (``Council, Date, Title, Resolution, TOTAL VOTES, NO-VOTE
  COUNT, ABSENT COUNT, NO COUNT, YES COUNT, Link, token``) followed by one column per Member
  State name. ``ABSENT COUNT`` holds the abstentions and ``NO-VOTE COUNT`` the States present
  but not voting or absent. An empty cell means the State has no vote in that row (it was not a
  Member State then, or it voted under another of its names), so it is not read as an absence.

>>> from apmbc.domain.symbols import normalize_symbol
>>> normalize_symbol("A/RES/55/33[V]")
'A/RES/55/33 V'
"""

from __future__ import annotations

import os
from collections.abc import Callable

from apmbc.dataset import Dataset, StateTable
from apmbc.domain.titles import is_convention_title
from apmbc.io._titles import title_predicate
from apmbc.io.undl._columns import LONG_COLUMNS, WIDE_LEADING_COLUMNS
from apmbc.io.undl._read import FIELD_SIZE_LIMIT, read_undl
from apmbc.io.undl._values import HISTORICAL_CODES
from apmbc.io.undl._write import write_undl

__all__ = [
    "DEFAULT",
    "FIELD_SIZE_LIMIT",
    "HISTORICAL_CODES",
    "LONG_COLUMNS",
    "WIDE_LEADING_COLUMNS",
    "load_undl_csv",
    "write_undl_csv",
]

DEFAULT: Callable[[str], bool] = is_convention_title
"""The default title filter of :func:`load_undl_csv`: the Convention's annual resolutions."""


def _state_provider(states: StateTable | Dataset | None) -> Callable[[], StateTable]:
    if states is None:

        def bundled() -> StateTable:
            from apmbc.io._bundled import load  # the bundled data, read only when needed

            return load().states

        return bundled
    if isinstance(states, Dataset):
        return lambda: states.states
    if isinstance(states, StateTable):
        return lambda: states
    raise TypeError(f"states must be a StateTable, a Dataset or None, not {type(states).__name__}")


def load_undl_csv(
    path: str | os.PathLike[str],
    *,
    title_filter: str | Callable[[str], bool] | None = DEFAULT,
    states: StateTable | Dataset | None = None,
) -> Dataset:
    """Read a UN Digital Library General Assembly voting CSV into a :class:`Dataset`.

    The file is streamed row by row and only the rows the title filter keeps are remembered, so
    memory stays flat however large the file. The result holds one
    :class:`~apmbc.models.Resolution` per resolution kept, its :class:`~apmbc.models.Vote`
    records (absences included) and the :class:`~apmbc.models.State` records they refer to.

    - ``title_filter``: by default the Convention's annual resolutions (see
      :func:`is_convention_title`); ``None`` keeps every resolution; a string keeps the titles
      that contain it (case, spaces, hyphens and punctuation ignored); a function gets the title.
    - ``states``: where Member State names (and ``ms_code`` values) are looked up; by default the
      bundled data (``apmbc.load().states``). A name that matches no State is not dropped: its
      votes keep the name as ``state`` and ``metadata.notes`` says so with the line.

    Symbols are normalised (``A/RES/55/33[V]`` -> ``A/RES/55/33 V``); the session is read from
    the symbol when there is no session column; the forum is plenary unless a committee column
    says First Committee. Vote codes ``Y``, ``N``, ``A`` are yes, no, abstain; ``X``, ``NV`` and
    (in the long layout) an empty cell are absent. The tally is the file's totals where given,
    else the count of the votes; totals that contradict the votes are noted on the resolution and
    in ``metadata.notes`` with the lines. Only the rows kept are checked beyond their shape:
    a row the filter drops is checked for its number of fields and balanced quotes (with the
    default filter, a line without the word "stockpiling" is not parsed further).

    Raises :class:`~apmbc.errors.ParseError`, naming the file, the line and (where it applies)
    the column, for a file that is not UTF-8, an empty file, an unknown header, missing
    required columns, a row with more or fewer fields than the header, a quote left open, a cell
    longer than :data:`FIELD_SIZE_LIMIT`, an unknown vote code, an impossible date or a count that
    is not a whole number.
    """
    keep, label, marker = title_predicate(title_filter)
    provider = _state_provider(states)
    return read_undl(path, keep=keep, filter_label=label, states=provider, marker=marker)


def write_undl_csv(ds: Dataset, path: str | os.PathLike[str], *, layout: str = "long") -> None:
    """Write ``ds``'s plenary votes as a UN voting CSV in the ``"long"`` or ``"wide"`` layout.

    One resolution per (session, symbol) of the votes; its date, title, link and tally come from
    the matching :class:`~apmbc.models.Resolution` (tally figures it lacks are counted). States
    are named as recorded (``Vote.recorded_name``), else by the State's name upper-cased. Absent
    is written as an empty cell in the long layout and ``X`` in the wide one. The file is
    replaced atomically. Reading it back with :func:`load_undl_csv` gives the same votes.
    """
    write_undl(ds, path, layout=layout)
