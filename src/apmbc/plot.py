"""Figures of the record (needs the optional extra: ``pip install "apmbc[plot]"``).

Each function returns a ``matplotlib.figure.Figure`` built without ``pyplot`` (no global state,
no window): write it with :func:`save` (atomically, like every file apmbc writes), or let a
notebook display it. In Jupyter a figure shows itself when it is the value of a cell's last line,
with no ``%matplotlib inline`` or ``pyplot`` needed (it has a ``_repr_png_``); elsewhere in a
cell, ``IPython.display.display(figure)`` shows it. The numbers behind
:func:`parties_over_time` are :func:`apmbc.queries.status_counts`, as a table
:func:`apmbc.pandas.parties_over_time`.

>>> import apmbc
>>> from apmbc.plot import parties_over_time, save
>>> save(parties_over_time(apmbc.load()), "parties.png")  # doctest: +SKIP
'parties.png'
"""

from __future__ import annotations

import datetime as _dt
import importlib
import os
import stat
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from apmbc._extras import require
from apmbc.domain.choices import forum as as_forum
from apmbc.domain.treaty import withdrawal_effective
from apmbc.errors import ArgumentError
from apmbc.io._files import atomic_writer, check_path
from apmbc.models import Forum, State, TreatyStatus, VotePosition
from apmbc.queries import convention_votes, parties_days, resolution_sessions, status_counts

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from apmbc.dataset import Dataset

__all__ = ["DPI_RANGE", "POSITION_COLOURS", "parties_over_time", "save", "voting_record"]

POSITION_COLOURS: dict[str, str] = {
    VotePosition.YES.value: "#0072B2",
    VotePosition.NO.value: "#D55E00",
    VotePosition.ABSTAIN.value: "#F0E442",
    VotePosition.ABSENT.value: "#8C8C8C",
    "no record": "#FFFFFF",
}
"""Cell colours of :func:`voting_record` (Okabe-Ito, readable with colour-blindness)."""

DPI_RANGE = range(10, 2401)
"""The resolutions :func:`save` accepts, in dots per inch."""

_PARTY = "#0072B2"
_JOINING = "#56B4E9"
_WITHDRAWING = "#E69F00"
_WITHDRAWN = "#D55E00"


def _figure(feature: str, **kwargs: Any) -> Figure:
    require("matplotlib", "plot", feature)
    from apmbc._figure import Figure as ShownFigure  # a Figure that Jupyter displays

    return ShownFigure(**kwargs)


_MIN_SPAN = 365
"""The fewest days an axis of dates spans: a range of one day (an as-of date in year 1, before
the Convention) would make matplotlib widen it by itself, past year 1."""


def _days_before(day: _dt.date, days: int) -> _dt.date:
    """``day`` minus ``days`` days, or 0001-01-01 when that is before the calendar."""
    return _dt.date.fromordinal(max(1, day.toordinal() - days))


def _span(start: _dt.date, end: _dt.date) -> tuple[_dt.date, _dt.date]:
    """``(start, end)`` widened to :data:`_MIN_SPAN` days within the calendar."""
    if end.toordinal() - start.toordinal() >= _MIN_SPAN:
        return start, end
    last = min(start.toordinal() + _MIN_SPAN, _dt.date.max.toordinal())
    return _dt.date.fromordinal(last - _MIN_SPAN), _dt.date.fromordinal(last)


def parties_over_time(ds: Dataset) -> Figure:
    """The number of States Parties over time, from 1997 to the data's as-of date.

    A step line counts the States bound by the Convention (withdrawing States included until
    their withdrawal takes effect); a lighter band above it shows States that deposited an
    instrument not yet in force (Article 17), an orange band the States whose withdrawal is
    pending (Article 20), and a marker with the State codes each date a withdrawal took effect.
    An inset magnifies the last two years, where the withdrawals are.

    The counts are :func:`apmbc.queries.status_counts` on the days of
    :func:`apmbc.queries.parties_days` (the first day, the last and every day a status changes);
    ``apmbc.pandas.parties_over_time(ds, freq=None)`` gives the same numbers as a table.
    Any as-of date is drawn, from year 1 (an axis of at least a year) to 9999-12-31; a State
    whose Article 17 or 20 date falls beyond the calendar never changes status for it.
    """
    fig = _figure("apmbc.plot.parties_over_time", figsize=(10, 6), layout="constrained")
    dates: Any = importlib.import_module("matplotlib.dates")  # untyped module
    date2num = dates.date2num

    counts = status_counts(ds, parties_days(ds))
    days = list(counts)
    start, end = days[0], days[-1]
    x = [float(v) for v in date2num(days)]
    parties = [n[TreatyStatus.PARTY] for n in counts.values()]
    bound = [n[TreatyStatus.PARTY] + n[TreatyStatus.WITHDRAWING] for n in counts.values()]
    joining = [b + n[TreatyStatus.JOINING] for b, n in zip(bound, counts.values(), strict=True)]
    withdrawals: dict[_dt.date, list[str]] = {}
    for state in ds.states:
        effective = withdrawal_effective(state)
        if effective is not None and start <= effective <= end:
            withdrawals.setdefault(effective, []).append(state.code)
    left = [(x[days.index(day)], bound[days.index(day)]) for day in sorted(withdrawals)]

    ax = fig.add_subplot()
    inset = ax.inset_axes((0.42, 0.08, 0.55, 0.5)) if withdrawals else None
    for axes in (ax, inset):
        if axes is None:
            continue
        axes.fill_between(
            x,
            bound,
            joining,
            step="post",
            color=_JOINING,
            alpha=0.35,
            lw=0,
            label="Deposited, not yet in force (joining)",
        )
        axes.fill_between(
            x,
            parties,
            bound,
            step="post",
            color=_WITHDRAWING,
            alpha=0.8,
            lw=0,
            label="Of which withdrawal notified, not yet effective",
        )
        axes.step(
            x, bound, where="post", color=_PARTY, lw=2, label="States Parties (Convention in force)"
        )
        if left:
            axes.plot(
                [p[0] for p in left],
                [p[1] for p in left],
                marker="v",
                color=_WITHDRAWN,
                markersize=8 if axes is inset else 6,
                linestyle="none",
                label="Withdrawal took effect",
            )
        locator = dates.AutoDateLocator()
        axes.xaxis.set_major_locator(locator)
        axes.xaxis.set_major_formatter(dates.ConciseDateFormatter(locator))
        axes.grid(True, alpha=0.3)
    if inset is not None:
        zoom_from = _days_before(min(withdrawals), 540)
        lo = min(p for d, p in zip(days, parties, strict=True) if d >= zoom_from)
        hi = max(j for d, j in zip(days, joining, strict=True) if d >= zoom_from)
        zoom_left, zoom_right = _span(zoom_from, end)
        inset.set_xlim(float(date2num(zoom_left)), float(date2num(zoom_right)))
        inset.set_ylim(lo - 6, hi + 2)
        listing = "\n".join(
            f"{day:%d %b %Y}: {', '.join(sorted(codes))}"
            for day, codes in sorted(withdrawals.items())
        )
        inset.text(
            0.98,
            0.04,
            f"Withdrawals took effect\n{listing}",
            transform=inset.transAxes,
            ha="right",
            va="bottom",
            fontsize=8,
            color=_WITHDRAWN,
            bbox={"boxstyle": "round", "facecolor": "white", "edgecolor": _WITHDRAWN},
        )
        inset.set_title(f"Since {zoom_from:%B %Y}", fontsize=9)
        inset.tick_params(labelsize=7)
        ax.indicate_inset_zoom(inset, edgecolor="0.4")
    axis_from, axis_to = _span(start, end)
    ax.set_xlim(float(date2num(axis_from)), float(date2num(axis_to)))
    ax.set_ylim(0, max(joining) * 1.08 + 1)
    ax.set_title(
        f"States Parties to the Anti-Personnel Mine Ban Convention, {start.year}-{end:%Y}"
        f"\n{bound[-1]} bound on {end.isoformat()} (data {ds.metadata.data_version})"
    )
    ax.set_xlabel("Date")
    ax.set_ylabel("Number of States")
    ax.legend(loc="upper left", fontsize=9)
    return fig


def _position_codes(
    ds: Dataset, states: Sequence[State], sessions: Sequence[int], forum: Forum
) -> list[list[int]]:
    order = [*POSITION_COLOURS]
    wanted = {s.code: i for i, s in enumerate(states)}
    column = {session: i for i, session in enumerate(sessions)}
    grid = [[order.index("no record")] * len(sessions) for _ in states]
    for vote in convention_votes(ds, forum, sessions=sessions or None):
        row = wanted.get(vote.state)
        if row is not None and vote.session in column:
            grid[row][column[vote.session]] = order.index(vote.position.value)
    return grid


def voting_record(
    ds: Dataset, states: Sequence[State | str], forum: Forum | str = Forum.PLENARY
) -> Figure:
    """A grid of the States' votes on the annual resolution: sessions across, States down.

    The sessions are those in which the dataset holds the Convention's resolution in ``forum``;
    votes in other roll calls are not shown. Cells are coloured by position (yes, no, abstain,
    absent) and hatched white where there is no record (before the State joined the UN, or a
    vote whose per-State record is unknown).
    ``states`` are codes, names or :class:`~apmbc.models.State` records, shown in that order.
    """
    chosen = [s if isinstance(s, State) else ds.state(s) for s in states]
    if not chosen:
        raise ArgumentError("voting_record needs at least one State")
    wanted = as_forum(forum)
    sessions = list(resolution_sessions(ds, wanted))
    grid = _position_codes(ds, chosen, sessions, wanted)
    width = min(max(6.0, 0.32 * len(sessions) + 3.5), 24.0)
    height = max(2.6, 0.42 * len(chosen) + 2.0)
    fig = _figure("apmbc.plot.voting_record", figsize=(width, height), layout="constrained")
    from matplotlib.colors import BoundaryNorm, ListedColormap
    from matplotlib.patches import Patch, Rectangle

    colours = list(POSITION_COLOURS.values())
    cmap = ListedColormap(colours)
    norm = BoundaryNorm([i - 0.5 for i in range(len(colours) + 1)], cmap.N)
    ax = fig.add_subplot()
    ax.imshow(grid, cmap=cmap, norm=norm, aspect="auto", interpolation="nearest")
    missing = [*POSITION_COLOURS].index("no record")
    for y, row in enumerate(grid):
        for x, value in enumerate(row):
            if value == missing:
                ax.add_patch(
                    Rectangle(
                        (x - 0.5, y - 0.5), 1, 1, fill=False, hatch="///", edgecolor="#BBBBBB", lw=0
                    )
                )
    ax.set_xticks(range(len(sessions)), [str(s) for s in sessions], fontsize=8)
    ax.set_yticks(range(len(chosen)), [f"{s.name} ({s.code})" for s in chosen])
    ax.set_xticks([i - 0.5 for i in range(1, len(sessions))], minor=True)
    ax.set_yticks([i - 0.5 for i in range(1, len(chosen))], minor=True)
    ax.grid(which="minor", color="white", linewidth=1.5)
    ax.tick_params(which="minor", length=0)
    where = "plenary" if wanted is Forum.PLENARY else "First Committee"
    ax.set_title(f"Votes on the UNGA resolution on the Mine Ban Convention ({where})")
    ax.set_xlabel("UN General Assembly session")
    ax.set_ylabel("State")
    handles = [
        Patch(
            facecolor=colour,
            edgecolor="#555555",
            label=label,
            hatch="///" if label == "no record" else None,
        )
        for label, colour in POSITION_COLOURS.items()
    ]
    ax.legend(
        handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1.0), title="Position", fontsize=9
    )
    return fig


def _is_special(name: str) -> bool:
    """Whether ``name`` exists and is neither a regular file nor a folder (a device, a FIFO)."""
    try:
        mode = os.stat(name).st_mode
    except OSError:
        return False
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))


def save(figure: Figure, path: str | os.PathLike[str], *, dpi: int = 120) -> str:
    """Write ``figure`` to ``path`` atomically and return the path written.

    The format comes from the suffix (``.png``, ``.svg``, ``.pdf``...); a path without one gets
    ``.png`` added, and the path returned says so, unless it names something that is not a
    regular file (a FIFO, ``/dev/stdout``): PNG is then written to it as it is. ``dpi`` must lie
    in :data:`DPI_RANGE`. Raises
    :class:`~apmbc.errors.ArgumentError` for an unknown format or a resolution out of range, and
    :class:`~apmbc.errors.WriteError` when the file cannot be written (the old one is then kept).
    """
    name = check_path(path, "the output")
    if isinstance(dpi, bool) or not isinstance(dpi, int) or dpi not in DPI_RANGE:
        raise ArgumentError(
            f"dpi must be a whole number from {DPI_RANGE.start} to {DPI_RANGE.stop - 1}, "
            f"not {dpi!r}"[:200]
        )
    suffix = os.path.splitext(name)[1]
    if not suffix:
        if not _is_special(name):
            name += ".png"
        suffix = ".png"
    fmt = suffix[1:].lower()
    supported = figure.canvas.get_supported_filetypes()
    if fmt not in supported:
        raise ArgumentError(
            f"cannot write a figure as {suffix!r}: the formats are " + ", ".join(sorted(supported))
        )
    with atomic_writer(name) as handle:
        figure.savefig(handle, format=fmt, dpi=dpi)
    return name
