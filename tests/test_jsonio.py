"""Lossless, canonical JSON for datasets and records."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

import apmbc
from apmbc import Document, Metadata, State, TreatyStatus


def test_bundled_dataset_round_trips_byte_for_byte(tmp_path: Path) -> None:
    ds = apmbc.load()
    first = tmp_path / "a.json"
    apmbc.dump_json(ds, first)
    again = apmbc.load_json(first)
    second = tmp_path / "b.json"
    apmbc.dump_json(again, second)
    assert first.read_bytes() == second.read_bytes()
    assert again.to_document() == ds.to_document()
    text = first.read_text(encoding="utf-8")
    assert text.endswith("}\n") and '\n  "attendances": [' in text
    assert "Türkiye" in text  # UTF-8, not \\u escapes


def test_canonical_form_is_sorted_and_indented() -> None:
    doc = Document(metadata=Metadata(data_version="1"), states=(State(code="CUB", name="Cuba"),))
    text = apmbc.dumps_json(doc)
    data = json.loads(text)
    assert list(data) == sorted(data)
    assert text.startswith('{\n  "attendances": []')
    assert apmbc.dumps_json(apmbc.loads_json(text)) == text


def test_dump_to_open_files() -> None:
    doc = Document(metadata=Metadata(data_version="1"))
    text_io = io.StringIO()
    apmbc.dump_json(doc, text_io)
    bytes_io = io.BytesIO()
    apmbc.dump_json(doc, bytes_io)
    assert bytes_io.getvalue().decode("utf-8") == text_io.getvalue()
    assert apmbc.load_json(io.BytesIO(bytes_io.getvalue())).metadata.data_version == "1"


def test_records_round_trip_through_dicts() -> None:
    state = apmbc.load().state("Finland")
    assert apmbc.from_dict(apmbc.to_dict(state), State) == state
    data = apmbc.to_dict(state)
    assert data["status"] == "withdrawn" and data["withdrawal_effective"] == "2026-01-10"


def test_bad_value_names_its_path(tmp_path: Path) -> None:
    doc = apmbc.to_dict(
        Document(metadata=Metadata(data_version="1"), states=(State(code="CUB", name="Cuba"),) * 4)
    )
    doc["states"][3]["signed"] = "2022-13-01"
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(apmbc.DataValidationError) as info:
        apmbc.load_json(path)
    assert str(path) in str(info.value)
    assert "states[3].signed: invalid date '2022-13-01'" in str(info.value)
    assert info.value.problems[0].path == "states[3].signed"


def test_dates_in_words_are_accepted() -> None:
    data = apmbc.to_dict(State(code="CUB", name="Cuba", status=TreatyStatus.SIGNATORY))
    data["signed"] = "4 December 1997"
    assert apmbc.from_dict(data, State).signed.isoformat() == "1997-12-04"  # type: ignore[union-attr]
