"""Figures (optional extra ``apmbc[plot]``): rendered to PNG, with title, labels and legend.

On the factory world (tests/factory.py); the figure of the real record is checked in
tests/test_bundled.py.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest
from factory import borduria, states, world

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
