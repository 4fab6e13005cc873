"""From the API, every writer's failure is an ``ApmbcError`` (a ``WriteError``, which is also an
``OSError``) naming the target; and every value the converter accepts can be written and
turned into a frame."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable
from pathlib import Path

import pytest

import apmbc

DS = apmbc.load()


def _plot_save(path: Path) -> object:
    pytest.importorskip("matplotlib", reason="matplotlib is not installed (apmbc[plot])")
    from apmbc.plot import parties_over_time, save

    return save(parties_over_time(DS), path, dpi=20)


WRITERS: dict[str, Callable[[Path], object]] = {
    "dump_json": lambda path: apmbc.dump_json(DS, path),
    "export": lambda path: apmbc.export(DS, "votes", path),
    "write_undl_csv": lambda path: apmbc.write_undl_csv(DS, path),
    "plot.save": _plot_save,
}


@pytest.mark.parametrize("writer", WRITERS)
def test_a_missing_folder_is_a_write_error_naming_the_target(writer: str, tmp_path: Path) -> None:
    target = tmp_path / "no" / "such" / "out.png"
    with pytest.raises(apmbc.WriteError) as caught:
        WRITERS[writer](target)
    assert isinstance(caught.value, OSError)
    assert str(target) in str(caught.value) and ".tmp" not in str(caught.value)


@pytest.mark.parametrize("writer", WRITERS)
def test_a_failed_replace_is_a_write_error_and_leaves_nothing(
    writer: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import apmbc.io._files as files

    def full(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    target = tmp_path / "out.png"
    monkeypatch.setattr(files.os, "replace", full)
    with pytest.raises(apmbc.WriteError, match="No space left on device"):
        WRITERS[writer](target)
    assert list(tmp_path.iterdir()) == []


def test_dump_json_to_a_stream_that_cannot_be_written(tmp_path: Path) -> None:
    path = tmp_path / "read-only.json"
    path.write_text("{}")
    with path.open("rb") as handle, pytest.raises(apmbc.WriteError, match=r"read-only\.json"):
        apmbc.dump_json(DS, handle)
    closed = io.StringIO()
    closed.close()
    with pytest.raises(apmbc.WriteError, match="cannot write"):
        apmbc.dump_json(DS, closed)


EXTREMES = {
    "metadata": {"data_version": "t", "as_of": "9999-12-31"},
    "states": [
        {
            "code": "AAA",
            "name": "Alpha",
            "cow_code": 2**63 - 1,
            "m49": -(2**63),
            "signed": "0001-01-01",
            "deposited": "9999-12-31",
            "withdrawal_notified": "9999-12-31",
        }
    ],
    "resolutions": [{"session": 2**63 - 1, "forum": "plenary", "date": "0001-01-01"}],
    "votes": [{"state": "AAA", "session": 2**63 - 1, "forum": "plenary", "position": "yes"}],
}


def test_every_value_the_converter_accepts_can_be_written_and_framed(tmp_path: Path) -> None:
    ds = apmbc.Dataset.from_document(apmbc.from_dict(EXTREMES, apmbc.Document))
    apmbc.dump_json(ds, tmp_path / "x.json")
    assert apmbc.load_json(tmp_path / "x.json").to_document() == ds.to_document()
    for table in apmbc.TABLES:
        apmbc.export(ds, table, tmp_path / f"{table}.csv")
    pandas = pytest.importorskip("pandas", reason="pandas is not installed (apmbc[pandas])")
    from apmbc.pandas import to_frame

    for table in apmbc.TABLES:
        frame = to_frame(ds, table)
        assert isinstance(frame, pandas.DataFrame)
    states = to_frame(ds, "states")
    assert states["cow_code"][0] == 2**63 - 1
    assert states["signed"][0].date() == dt.date(1, 1, 1)


@pytest.mark.parametrize("value", [2**63, -(2**63) - 1, 10**30])
def test_an_integer_no_frame_holds_is_refused_by_the_converter(value: int) -> None:
    pytest.importorskip("pandas", reason="pandas is not installed (apmbc[pandas])")
    from apmbc.pandas import to_frame

    data = {"metadata": {"data_version": "t"}, "states": [{"code": "A", "name": "A", "m49": value}]}
    try:
        document = apmbc.from_dict(data, apmbc.Document)
    except apmbc.DataValidationError:
        return  # refused: nothing to frame
    to_frame(apmbc.Dataset.from_document(document), "states")  # accepted: it must frame
