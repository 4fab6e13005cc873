"""Every date the model accepts is usable everywhere: a deposit or withdrawal whose Article 17 or
20 consequence falls after 9999-12-31 is "beyond the calendar" (``None``, and a validation
finding), never a crash; an as-of date in year 1 or in 9999 draws a figure."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import pytest

import apmbc
from apmbc.cli import main
from apmbc.domain.treaty import (
    article17_entry_into_force,
    article17_of,
    article20_of,
    article20_withdrawal_effective,
    entry_into_force,
    status_on,
    withdrawal_effective,
)

LATE = dt.date(9999, 7, 1)
"""The first day whose Article 17 and Article 20 consequences fall after 9999-12-31."""
LAST = dt.date(9999, 6, 30)
"""The last deposit or notification whose consequence the calendar holds."""


def _dataset(**dates: dt.date) -> apmbc.Dataset:
    state = apmbc.State(code="AAA", name="Alpha", **dates)  # type: ignore[arg-type]
    meta = apmbc.Metadata(data_version="t", as_of=dt.date(9999, 12, 31))
    return apmbc.Dataset(metadata=meta, states=[state])


CASES = {
    "deposit": {"deposited": LATE},
    "withdrawal": {"deposited": dt.date(2000, 1, 1), "withdrawal_notified": LATE},
    "both on the last day": {"deposited": dt.date.max, "withdrawal_notified": dt.date.max},
}


def test_both_ends_of_the_arithmetic() -> None:
    assert article17_entry_into_force(LAST) == dt.date(9999, 12, 1)
    assert article20_withdrawal_effective(LAST) == dt.date(9999, 12, 30)
    for rule in (article17_entry_into_force, article20_withdrawal_effective):
        with pytest.raises(apmbc.BeyondCalendarError, match="beyond the calendar"):
            rule(LATE)
    state = apmbc.State(code="A", name="A", deposited=LATE, withdrawal_notified=LATE)
    assert article17_of(state) is None and entry_into_force(state) is None
    assert article20_of(state) is None and withdrawal_effective(state) is None
    assert status_on(state, dt.date.max) is apmbc.TreatyStatus.WITHDRAWING
    early = apmbc.State(code="A", name="A", deposited=dt.date.min)
    assert article17_of(early) == dt.date(1999, 3, 1)
    assert status_on(early, dt.date.min) is apmbc.TreatyStatus.JOINING


@pytest.mark.parametrize("dates", CASES.values(), ids=CASES)
def test_validate_reports_a_consequence_beyond_the_calendar(dates: dict[str, dt.date]) -> None:
    found = [f for f in apmbc.validate(_dataset(**dates)) if f.code == "APMBC-BEYOND-CALENDAR"]
    assert found, "no finding for a date whose consequence is beyond 9999-12-31"
    for item in found:
        assert item.severity is apmbc.Severity.ERROR
        assert "after 9999-12-31" in item.message
        assert item.path.startswith("states[0].")


def test_a_date_the_calendar_holds_is_no_finding() -> None:
    found = apmbc.validate(_dataset(deposited=LAST, withdrawal_notified=LAST))
    assert "APMBC-BEYOND-CALENDAR" not in {f.code for f in found}


@pytest.mark.parametrize("dates", CASES.values(), ids=CASES)
def test_every_path_copes(dates: dict[str, dt.date], tmp_path: Path) -> None:
    ds = _dataset(**dates)
    assert ds.status_on("AAA", dt.date.max) in apmbc.TreatyStatus
    assert ds.status_on("AAA", dt.date.min) is apmbc.TreatyStatus.NOT_PARTY
    assert ds.parties_on(dt.date.max) is not None
    assert ds.timeline("AAA")
    for table in apmbc.TABLES:
        apmbc.export(ds, table, io.StringIO(), format="csv")
        apmbc.export(ds, table, io.StringIO(), format="json")
    path = tmp_path / "late.json"
    apmbc.dump_json(ds, path)
    for argv in (
        ["state", "AAA"],
        ["state", "AAA", "--json"],
        ["status-on", "9999-12-31"],
        ["status-on", "0001-01-01"],
        ["export", "states"],
    ):
        assert main(["--data", str(path), *argv]) == 0, argv
    assert main(["validate", str(path)]) == 1
    assert main(["validate", str(path), "--json"]) == 1


def test_state_shows_beyond_the_calendar(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "late.json"
    apmbc.dump_json(_dataset(**CASES["withdrawal"]), path)
    assert main(["--data", str(path), "state", "AAA", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["withdrawal_effective"] == {"stated": None, "article20": None}


@pytest.mark.parametrize(
    "as_of", [dt.date(1, 1, 1), dt.date(1, 6, 1), dt.date(9999, 12, 31)], ids=str
)
@pytest.mark.parametrize("data", ["bundled", "late"])
def test_plot_parties_at_the_ends_of_the_calendar(
    as_of: dt.date, data: str, tmp_path: Path
) -> None:
    pytest.importorskip("matplotlib", reason="matplotlib is not installed (apmbc[plot])")
    from apmbc.plot import parties_over_time, save

    ds = apmbc.load() if data == "bundled" else _dataset(**CASES["both on the last day"])
    ds = ds.replace(metadata=apmbc.Metadata(data_version="t", as_of=as_of))
    written = save(parties_over_time(ds), tmp_path / "p.png", dpi=20)
    assert Path(written).read_bytes().startswith(b"\x89PNG")


def test_plot_a_withdrawal_effective_in_year_1(tmp_path: Path) -> None:
    pytest.importorskip("matplotlib", reason="matplotlib is not installed (apmbc[plot])")
    from apmbc.plot import parties_over_time, save

    state = apmbc.State(
        code="AAA",
        name="Alpha",
        deposited=dt.date(1, 1, 1),
        withdrawal_notified=dt.date(1, 1, 2),
        withdrawal_effective=dt.date(1, 1, 3),
    )
    for as_of in (dt.date(1, 1, 3), dt.date(1, 2, 1), dt.date(2, 1, 1)):
        meta = apmbc.Metadata(data_version="t", as_of=as_of)
        ds = apmbc.Dataset(metadata=meta, states=[state])
        save(parties_over_time(ds), tmp_path / "p.png", dpi=20)
