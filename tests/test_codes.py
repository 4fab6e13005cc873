"""Correlates of War, Gleditsch-Ward and UN M49 codes: the data, the build, lookups, the table."""

from __future__ import annotations

import csv
import importlib.util
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

import apmbc
from apmbc import State, StateTable, UnknownStateError
from apmbc.output import columns, to_records

ROOT = Path(__file__).resolve().parents[1]
CODES = ROOT / "data-raw" / "codes.csv"
BUILD = ROOT / "scripts" / "build_data.py"
needs_checkout = pytest.mark.skipif(
    not BUILD.exists(), reason="not in a source checkout (the tests run against an installed wheel)"
)


@pytest.fixture(scope="module")
def ds() -> apmbc.Dataset:
    return apmbc.load()


def _build_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("_scripts_build_data", BUILD)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# -- the bundled data ---------------------------------------------------------------------------


@needs_checkout
def test_every_state_carries_the_codes_of_data_raw(ds: apmbc.Dataset) -> None:
    with CODES.open(encoding="utf-8", newline="") as handle:
        rows = {row["iso3"]: row for row in csv.DictReader(handle)}
    assert set(rows) == {s.code for s in ds.states}
    for state in ds.states:
        row = rows[state.code]
        expected = tuple(int(row[c]) if row[c] else None for c in ("cow_code", "gw_code", "m49"))
        assert (state.cow_code, state.gw_code, state.m49) == expected, state.code
        cited = [s for s in state.sources if s.citation == row["source"]]
        assert len(cited) == 1 and cited[0].kind is apmbc.SourceKind.DATASET, state.code


def test_known_codes(ds: apmbc.Dataset) -> None:
    usa = ds.state("USA")
    assert (usa.cow_code, usa.gw_code, usa.m49) == (2, 2, 840)
    serbia = ds.state("SRB")
    assert (serbia.cow_code, serbia.gw_code, serbia.m49) == (345, 340, 688)
    assert any("COW 345" in note for note in serbia.notes)


@pytest.mark.parametrize("code", ["PSE", "COK", "NIU"])
def test_states_outside_the_cow_system_have_no_cow_or_gw_code(ds: apmbc.Dataset, code: str) -> None:
    state = ds.state(code)
    assert state.cow_code is None and state.gw_code is None
    assert state.m49 is not None
    assert any("not in the COW state system" in note for note in state.notes)


def test_codes_are_unique_per_scheme(ds: apmbc.Dataset) -> None:
    for field in ("cow_code", "gw_code", "m49"):
        values = [getattr(s, field) for s in ds.states if getattr(s, field) is not None]
        assert len(values) == len(set(values)), field


# -- lookups ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("key", "code"),
    [
        ("COW 2", "USA"),
        ("cow:2", "USA"),
        ("cow 2", "USA"),
        ("GW 2", "USA"),
        ("gw:2", "USA"),
        ("M49 840", "USA"),
        ("m49:840", "USA"),
        ("COW 345", "SRB"),
        ("GW 340", "SRB"),
        ("M49 688", "SRB"),
        ("COW 20", "CAN"),
        ("M49 20", "AND"),
        ("M49 4", "AFG"),
    ],
)
def test_codes_are_lookup_keys(ds: apmbc.Dataset, key: str, code: str) -> None:
    assert ds.state(key).code == code
    assert ds.states.get(key) is ds.state(code)


@pytest.mark.parametrize(
    "key",
    [
        "2",  # a bare number: COW 2 and GW 2 are the United States, M49 2 is nothing
        "840",
        "20",  # COW 20 is Canada, M49 20 Andorra
        "GW 345",  # Serbia is GW 340; 345 is the GW code of the former Yugoslavia
        "COW 25",  # not a prefix of COW 255 (Germany): a code is given whole
        "M49 13",  # nor of M49 132
        "COW 999",
        "COW",
    ],
)
def test_what_is_not_a_code_key(ds: apmbc.Dataset, key: str) -> None:
    assert ds.states.get(key) is None
    with pytest.raises(UnknownStateError):
        ds.state(key)


def test_prefixes_of_names_still_resolve(ds: apmbc.Dataset) -> None:
    assert ds.states.get("Afghan") is ds.state("AFG")
    table = StateTable((State(code="XIM", name="Island 2023"), State(code="XAB", name="Abc")))
    assert table.get("Island 202") is None  # ends inside the number 2023
    assert table.get("Island 2023") is table[0]
    assert table.get("Islan") is table[0]


def test_states_without_codes_answer_to_no_code_key() -> None:
    table = StateTable((State(code="XFR", name="Freedonia"),))
    assert table.get("COW 2") is None
    assert table.get("Freedonia") is table[0]


# -- the states table ------------------------------------------------------------------------------


def test_states_table_has_the_code_columns(ds: apmbc.Dataset) -> None:
    by_name = {c.name: c for c in columns("states")}
    for name in ("cow_code", "gw_code", "m49"):
        assert by_name[name].kind == "int"
    names = [c.name for c in columns("states")]
    assert names.index("cow_code") == names.index("alpha2") + 1
    rows = {r["code"]: r for r in to_records(ds, "states")}
    assert (rows["USA"]["cow_code"], rows["USA"]["gw_code"], rows["USA"]["m49"]) == (2, 2, 840)
    assert (rows["PSE"]["cow_code"], rows["PSE"]["gw_code"], rows["PSE"]["m49"]) == (
        None,
        None,
        275,
    )
    assert all(list(r) == names for r in rows.values())


# -- the build ---------------------------------------------------------------------------------


def _write_codes(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


_HEADER = "iso3,cow_code,gw_code,m49,source,note"
_STATES = (State(code="XFR", name="Freedonia"), State(code="XSY", name="Sylvania"))


@needs_checkout
def test_build_joins_the_codes(tmp_path: Path) -> None:
    build: Any = _build_module()
    path = _write_codes(
        tmp_path / "codes.csv",
        [_HEADER, "XFR,7,,8,made-up list,a made-up note", "XSY,,9,10,made-up list,"],
    )
    freedonia, sylvania = build._join_codes(_STATES, path)
    assert (freedonia.cow_code, freedonia.gw_code, freedonia.m49) == (7, None, 8)
    assert freedonia.notes == ("Country codes: a made-up note.",)
    assert freedonia.sources[-1].citation == "made-up list"
    assert (sylvania.cow_code, sylvania.gw_code, sylvania.m49) == (None, 9, 10)
    assert sylvania.notes == ()


@needs_checkout
@pytest.mark.parametrize(
    ("lines", "message"),
    [
        (["iso3,cow,gw,m49,source,note", "XFR,1,1,1,s,"], r"codes.csv:1: expected the header"),
        ([_HEADER, "XFR,1,1,1,s,", "XXX,2,2,2,s,"], r"codes.csv:3: unknown State code 'XXX'"),
        ([_HEADER, "XFR,1,1,1,s,", "XSY,2a,2,2,s,"], r"codes.csv:3: cow_code '2a' is not a code"),
        ([_HEADER, "XFR,1,1,-1,s,", "XSY,2,2,2,s,"], r"codes.csv:2: m49 '-1' is not a code"),
        ([_HEADER, "XFR,1,0,1,s,", "XSY,2,2,2,s,"], r"codes.csv:2: gw_code '0' is not a code"),
        ([_HEADER, "XFR,1,1,1,s,", "XFR,2,2,2,s,"], r"codes.csv:3: a second row for XFR"),
        ([_HEADER, "XFR,1,1,1,s,", "XSY,1,2,2,s,"], r"codes.csv:3: cow_code 1 is also XFR's"),
        ([_HEADER, "XFR,1,1,1,s,"], r"codes.csv: no row for XSY"),
        ([_HEADER, "XFR,1,1,1,,", "XSY,2,2,2,s,"], r"codes.csv:2: no source"),
        ([_HEADER, "XFR,1,1,1,s", "XSY,2,2,2,s,"], r"codes.csv:2: 5 fields, expected 6"),
    ],
)
def test_build_stops_naming_the_line(tmp_path: Path, lines: list[str], message: str) -> None:
    build: Any = _build_module()
    path = _write_codes(tmp_path / "codes.csv", lines)
    with pytest.raises(SystemExit, match=message):
        build._join_codes(_STATES, path)
