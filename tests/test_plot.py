"""Figures (optional extra ``apmbc[plot]``): rendered to PNG, with title, labels and legend."""

from __future__ import annotations

import itertools
import pickle
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from test_periods import small

import apmbc
from apmbc import MissingExtraError
from apmbc.plot import POSITION_COLOURS, parties_over_time, voting_record

pytest.importorskip("matplotlib", reason="matplotlib is not installed (optional extra apmbc[plot])")

PNG = b"\x89PNG\r\n\x1a\n"


def _legend_texts(ax: object) -> list[str]:
    legend = ax.get_legend()  # type: ignore[attr-defined]
    assert legend is not None
    return [t.get_text() for t in legend.get_texts()]


def test_parties_over_time_renders_with_title_labels_and_legend(tmp_path: Path) -> None:
    fig = parties_over_time(apmbc.load())
    path = tmp_path / "parties.png"
    fig.savefig(path, dpi=60)
    data = path.read_bytes()
    assert len(data) > 10_000 and data.startswith(PNG)
    ax = fig.axes[0]
    assert "States Parties" in ax.get_title()
    assert "161 bound on 2026-11-27" in ax.get_title()
    assert ax.get_xlabel() == "Date"
    assert ax.get_ylabel() == "Number of States"
    assert _legend_texts(ax) == [
        "Deposited, not yet in force (joining)",
        "Of which withdrawal notified, not yet effective",
        "States Parties (Convention in force)",
        "Withdrawal took effect",
    ]


def test_parties_over_time_counts_and_withdrawals() -> None:
    fig = parties_over_time(apmbc.load())
    ax = fig.axes[0]
    step = next(line for line in ax.get_lines() if line.get_label().startswith("States Parties"))
    counts = list(step.get_ydata())
    assert counts[0] == 0  # nothing in force before 1 March 1999
    assert max(counts) == 166
    assert counts[-1] == 161
    marks = next(line for line in ax.get_lines() if line.get_label() == "Withdrawal took effect")
    assert len(marks.get_xdata()) == 3  # three dates: 27 Dec 2025, 10 Jan 2026, 20 Feb 2026
    inset_text = " ".join(t.get_text() for a in fig.axes[0].child_axes for t in a.texts)
    assert "27 Dec 2025: EST, LTU, LVA" in inset_text
    assert "10 Jan 2026: FIN" in inset_text
    assert "20 Feb 2026: POL" in inset_text


def test_voting_record_renders_with_title_labels_and_legend(tmp_path: Path) -> None:
    fig = voting_record(apmbc.load(), ["CUB", "China", "USA"])
    path = tmp_path / "votes.png"
    fig.savefig(path, dpi=60)
    assert path.stat().st_size > 5_000 and path.read_bytes().startswith(PNG)
    ax = fig.axes[0]
    assert "plenary" in ax.get_title()
    assert ax.get_xlabel() == "UN General Assembly session"
    assert ax.get_ylabel() == "State"
    assert _legend_texts(ax) == ["yes", "no", "abstain", "absent", "no record"]
    assert [t.get_text() for t in ax.get_yticklabels()] == [
        "Cuba (CUB)",
        "China (CHN)",
        "United States (USA)",
    ]


def test_voting_record_cells_follow_the_votes() -> None:
    ds = apmbc.load()
    fig = voting_record(ds, ["CUB", "CHN", "SSD"])
    grid = fig.axes[0].images[0].get_array()
    order = list(POSITION_COLOURS)
    sessions = [int(t.get_text()) for t in fig.axes[0].get_xticklabels()]
    assert sessions == list(range(52, 81))
    assert {int(v) for v in grid[0]} == {order.index("abstain")}
    assert int(grid[1][sessions.index(59)]) == order.index("abstain")
    assert int(grid[1][sessions.index(60)]) == order.index("yes")
    assert int(grid[2][sessions.index(65)]) == order.index("no record")  # before UN membership
    assert int(grid[2][sessions.index(67)]) == order.index("yes")


def test_voting_record_first_committee_has_no_records() -> None:
    fig = voting_record(apmbc.load(), ["CHN", "CUB"], forum="first_committee")
    grid = fig.axes[0].images[0].get_array()
    no_record = list(POSITION_COLOURS).index("no record")
    abstain = list(POSITION_COLOURS).index("abstain")
    assert {int(v) for v in grid[0]} == {no_record}
    # Cuba's profile page gives its First Committee abstentions of sessions 73 and 76.
    assert sorted(int(v) for v in grid[1]).count(abstain) == 2
    assert "First Committee" in fig.axes[0].get_title()


def test_voting_record_needs_known_states() -> None:
    with pytest.raises(apmbc.UnknownStateError):
        voting_record(apmbc.load(), ["Cubaa"])
    with pytest.raises(ValueError, match="at least one State"):
        voting_record(apmbc.load(), [])


def test_missing_matplotlib_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    with pytest.raises(MissingExtraError) as info:
        parties_over_time(apmbc.load())
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
