"""Figures (optional extra ``apmbc[plot]``): rendered to PNG, with title, labels and legend.

On the factory world (tests/factory.py); the figure of the real record is checked in
tests/test_bundled.py.
"""

from __future__ import annotations

import itertools
import pickle
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from factory import borduria, states, world
from test_periods import small

import apmbc
from apmbc import MissingExtraError
from apmbc.plot import POSITION_COLOURS, parties_over_time, voting_record

pytest.importorskip("matplotlib", reason="matplotlib is not installed (optional extra apmbc[plot])")

PNG = b"\x89PNG\r\n\x1a\n"
ORDER = list(POSITION_COLOURS)


def _line(ax: Any, label: str) -> tuple[list[float], list[float]]:
    """The x and y values of the line of ``ax`` whose label starts with ``label``."""
    line = next(x for x in ax.get_lines() if str(x.get_label()).startswith(label))
    return [float(v) for v in line.get_xdata()], [float(v) for v in line.get_ydata()]


def _cells(fig: Any) -> list[list[str]]:
    """The positions the cells of a voting record show, row by row."""
    grid = fig.axes[0].images[0].get_array()
    return [[ORDER[int(v)] for v in row] for row in grid]


def _legend_texts(ax: object) -> list[str]:
    legend = ax.get_legend()  # type: ignore[attr-defined]
    assert legend is not None
    return [t.get_text() for t in legend.get_texts()]


def test_parties_over_time_renders_with_title_labels_and_legend(tmp_path: Path) -> None:
    fig = parties_over_time(world())
    path = tmp_path / "parties.png"
    fig.savefig(path, dpi=60)
    data = path.read_bytes()
    assert len(data) > 10_000 and data.startswith(PNG)
    ax = fig.axes[0]
    assert ax.get_title() == (
        "States Parties to the Anti-Personnel Mine Ban Convention, 1997-2026"
        "\n3 bound on 2026-06-30 (data factory)"  # Freedonia, Ruritania and Latveria
    )
    assert ax.get_xlabel() == "Date"
    assert ax.get_ylabel() == "Number of States"
    assert _legend_texts(ax) == [
        "Deposited, not yet in force (joining)",
        "Of which withdrawal notified, not yet effective",
        "States Parties (Convention in force)",
        "Withdrawal took effect",
    ]


def test_parties_over_time_counts_and_withdrawals() -> None:
    fig = parties_over_time(world())
    ax = fig.axes[0]
    _, counts = _line(ax, "States Parties")
    assert counts[0] == 0  # nothing in force before 1 March 1999
    # FRD 1999-03, GNV 1999-06, LAT 1999-11, BRD 2000-08, RUR (stated) 2004-07; then BRD and
    # GNV withdraw; Latveria's notified withdrawal still binds it.
    assert max(counts) == 5
    assert counts[-1] == 3
    days, marks = _line(ax, "Withdrawal took effect")
    assert len(days) == 2  # 27 Dec 2025 (Borduria) and 10 Jan 2026 (Genovia)
    assert marks == [4, 3]
    inset_text = " ".join(t.get_text() for a in ax.child_axes for t in a.texts)
    assert "27 Dec 2025: BRD" in inset_text
    assert "10 Jan 2026: GNV" in inset_text
    assert "LAT" not in inset_text  # effective only in September


def test_withdrawals_on_one_day_are_listed_together() -> None:
    twin = borduria(code="BRZ", name="Bordurian Twin")
    fig = parties_over_time(world(states=[*states(), twin]))
    inset_text = " ".join(t.get_text() for a in fig.axes[0].child_axes for t in a.texts)
    assert "27 Dec 2025: BRD, BRZ" in inset_text


def test_parties_over_time_without_withdrawals_has_no_inset() -> None:
    stayed = [s for s in states() if s.withdrawal_notified is None]
    fig = parties_over_time(world(states=stayed))
    ax = fig.axes[0]
    assert ax.child_axes == []
    assert "Withdrawal took effect" not in _legend_texts(ax)


def test_voting_record_renders_with_title_labels_and_legend(tmp_path: Path) -> None:
    fig = voting_record(world(), ["ELB", "Freedonia", "Republic of Freedonia", "Sylvania"])
    path = tmp_path / "votes.png"
    fig.savefig(path, dpi=60)
    assert path.stat().st_size > 5_000 and path.read_bytes().startswith(PNG)
    ax = fig.axes[0]
    assert ax.get_title() == "Votes on the UNGA resolution on the Mine Ban Convention (plenary)"
    assert ax.get_xlabel() == "UN General Assembly session"
    assert ax.get_ylabel() == "State"
    assert _legend_texts(ax) == ["yes", "no", "abstain", "absent", "no record"]
    assert [t.get_text() for t in ax.get_yticklabels()] == [
        "Elbonia (ELB)",
        "Freedonia (FRD)",
        "Freedonia (FRD)",  # a State named twice is shown twice, in the order given
        "Sylvania (SYL)",
    ]


def test_voting_record_cells_follow_the_votes() -> None:
    fig = voting_record(world(), ["ELB", "GFW", "RUR", "LAT", "SYL"])
    sessions = [int(t.get_text()) for t in fig.axes[0].get_xticklabels()]
    assert sessions == [54, 60]
    assert _cells(fig) == [
        ["abstain", "abstain"],  # Elbonia
        ["no", "abstain"],  # Grand Fenwick
        ["no record", "yes"],  # Ruritania, before its UN membership
        ["absent", "yes"],  # Latveria
        ["no record", "no record"],  # Sylvania, not a UN member
    ]


def test_voting_record_first_committee_has_few_records() -> None:
    fig = voting_record(world(), ["FRD", "ELB"], forum="first_committee")
    assert _cells(fig) == [
        ["no record", "no record"],
        ["abstain", "no record"],  # Elbonia's one recorded First Committee vote, session 54
    ]
    assert "First Committee" in fig.axes[0].get_title()


def test_voting_record_needs_known_states() -> None:
    with pytest.raises(apmbc.UnknownStateError):
        voting_record(world(), ["Elbonai"])
    with pytest.raises(ValueError, match="at least one State"):
        voting_record(world(), [])


def test_missing_matplotlib_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    with pytest.raises(MissingExtraError) as info:
        parties_over_time(world())
    assert isinstance(info.value, ImportError)
    assert 'pip install "apmbc[plot]"' in str(info.value)


# -- one computation behind the plot and the table; notebook display; tick labels ---------------


def _step(fig: Any) -> Any:
    ax = fig.axes[0]
    return next(line for line in ax.get_lines() if line.get_label().startswith("States Parties"))


@pytest.mark.parametrize("which", ["bundled", "small"])
def test_parties_plot_draws_the_numbers_of_the_table(which: str) -> None:
    pd = pytest.importorskip("pandas")
    from matplotlib.dates import date2num

    from apmbc.pandas import parties_over_time as parties_table

    ds = apmbc.load() if which == "bundled" else small()
    step = _step(parties_over_time(ds))
    table = parties_table(ds, freq=None)
    assert list(step.get_ydata()) == table["states_parties"].tolist()
    days = [d.date() for d in table.index]
    assert list(step.get_xdata()) == [float(x) for x in date2num(days)]
    if (
        which == "small"
    ):  # hand-computed: AAA bound from 1999-03-01 until 2025-01-01, BBB 2001-08-01
        assert table["states_parties"].tolist() == [0, 0, 0, 1, 1, 2, 2, 1, 1]
    assert isinstance(table.index, pd.DatetimeIndex)


def test_voting_record_shows_only_the_conventions_votes() -> None:
    ds = small()  # in session 65 AAA abstained; in another roll call of session 65 it voted no
    fig = voting_record(ds, ["AAA", "DDD"])
    sessions = [int(t.get_text()) for t in fig.axes[0].get_xticklabels()]
    assert sessions == [52, 54, 64, 65, 74, 75]
    grid = fig.axes[0].images[0].get_array()
    order = list(POSITION_COLOURS)
    assert [order[int(v)] for v in grid[0]] == ["yes", "yes", "yes", "abstain", "yes", "no"]
    dell = ["absent", "no record", "yes", "absent", "abstain", "yes"]
    assert [order[int(v)] for v in grid[1]] == dell
    with pytest.raises(apmbc.ArgumentError, match="at least one State"):
        voting_record(ds, [])


@pytest.mark.parametrize("make", ["parties", "votes"])
def test_figures_show_themselves_as_png(make: str) -> None:
    from matplotlib.figure import Figure

    ds = apmbc.load()
    fig = parties_over_time(ds) if make == "parties" else voting_record(ds, ["CUB"])
    assert isinstance(fig, Figure)
    png = fig._repr_png_()  # type: ignore[attr-defined]  # what IPython calls to show it
    assert isinstance(png, bytes) and png.startswith(PNG) and len(png) > 5_000
    again = pickle.loads(pickle.dumps(fig))
    assert type(again) is type(fig) and again._repr_png_().startswith(PNG)


def test_figures_show_without_pyplot() -> None:
    """Building and showing a figure never imports pyplot (so no backend or window is set up)."""
    code = (
        "import sys, apmbc, apmbc.plot\n"
        "fig = apmbc.plot.parties_over_time(apmbc.load())\n"
        "assert fig._repr_png_().startswith(b'\\x89PNG')\n"
        "print('matplotlib.pyplot' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def _drawn_tick_labels(fig: Any, axes: Any) -> list[Any]:
    renderer = fig.canvas.get_renderer()
    low, high = sorted(axes.get_xlim())
    return [
        (tick.label1.get_text(), tick.label1.get_window_extent(renderer))
        for tick in axes.xaxis.get_major_ticks()
        if low <= tick.get_loc() <= high and tick.label1.get_visible()
    ]


@pytest.mark.parametrize("size", [(10, 6), (6.4, 4.8)])
@pytest.mark.parametrize("which", ["bundled", "small"])
def test_the_inset_keeps_all_its_tick_labels(which: str, size: tuple[float, float]) -> None:
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    fig = parties_over_time(apmbc.load() if which == "bundled" else small())
    fig.set_size_inches(*size)
    FigureCanvasAgg(fig)
    fig.canvas.draw()
    (inset,) = fig.axes[0].child_axes
    for axes in (fig.axes[0], inset):
        labels = _drawn_tick_labels(fig, axes)
        assert len(labels) >= 3
        for text, box in labels:
            assert text, "a tick without its label"
            assert fig.bbox.x0 <= box.x0 and box.x1 <= fig.bbox.x1, f"{text!r} cut at the side"
            assert fig.bbox.y0 <= box.y0 and box.y1 <= fig.bbox.y1, f"{text!r} cut at the bottom"
        for (left, a), (right, b) in itertools.pairwise(labels):
            assert a.x1 <= b.x0, f"tick labels {left!r} and {right!r} overlap"
