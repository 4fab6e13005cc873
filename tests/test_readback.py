"""Reading exports back: exactly the rows of to_records, and with pandas the frames of to_frame."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

import apmbc
from apmbc import MissingExtraError, ParseError
from apmbc.models import (
    Action,
    Attendance,
    Forum,
    Meeting,
    MeetingKind,
    Metadata,
    Resolution,
    Source,
    SourceKind,
    State,
    Statement,
    Vote,
    VotePosition,
)
from apmbc.output import TABLES, export, export_all, to_records
from apmbc.output._readback import read_package, read_table

FORMATS = ("csv", "json")


@pytest.fixture(scope="module")
def exports(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, bool], Path]:
    """The bundled data exported in each format, excel-safe and raw."""
    found = {}
    for fmt in FORMATS:
        for safe in (True, False):
            folder = tmp_path_factory.mktemp(f"{fmt}-{safe}")
            export_all(apmbc.load(), folder, fmt, excel_safe=safe)
            found[(fmt, safe)] = folder
    return found


# -- without pandas: the rows ---------------------------------------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("safe", [True, False])
def test_a_package_reads_back_to_the_rows_of_to_records(
    exports: dict[tuple[str, bool], Path], fmt: str, safe: bool
) -> None:
    ds = apmbc.load()
    package = read_package(exports[(fmt, safe)] / "datapackage.json")
    assert list(package.tables) == list(TABLES)
    for table in TABLES:
        assert list(package.tables[table].rows) == to_records(ds, table), table


@pytest.mark.parametrize("table", TABLES)
def test_one_file_reads_back_by_its_header_alone(tmp_path: Path, table: str) -> None:
    path = tmp_path / "some-name.csv"  # no datapackage.json beside it, no telling name
    export(apmbc.load(), table, path)
    found = read_table(path)
    assert found.table == table
    assert list(found.rows) == to_records(apmbc.load(), table)


def test_namibia_na_is_a_code_not_a_missing_value(exports: dict[tuple[str, bool], Path]) -> None:
    for fmt in FORMATS:
        rows = read_table(exports[(fmt, True)] / f"states.{fmt}").rows
        assert next(r for r in rows if r["code"] == "NAM")["alpha2"] == "NA"


def test_formula_cells_come_back_without_their_apostrophe(
    exports: dict[tuple[str, bool], Path],
) -> None:
    safe = (exports[("csv", True)] / "sources.csv").read_text(encoding="utf-8")
    raw = (exports[("csv", False)] / "sources.csv").read_text(encoding="utf-8")
    assert safe.count("\"'+ data/") == 23 and raw.count("\"'+ data/") == 0
    notes = [r["note"] for r in read_table(exports[("csv", True)] / "sources.csv").rows]
    assert sum(1 for n in notes if n and n.startswith("+ data/")) == 23
    # A raw file read as if it were excel-safe would lose the apostrophe of "'+x": the
    # datapackage.json beside it says it is raw, so it is read as it is.
    assert read_table(exports[("csv", False)] / "sources.csv").rows == tuple(
        to_records(apmbc.load(), "sources")
    )


def _dataset(text: str) -> apmbc.Dataset:
    return apmbc.Dataset(
        metadata=Metadata(data_version="t"),
        states=(State(code="AAA", name=text, aliases=(text,), notes=(text,)),),
    )


@pytest.mark.parametrize("text", ["'=x", "''+x", "=x", "'plain", "-5", "\t5", "a\r\nb", '"q"'])
def test_excel_safe_and_raw_files_both_read_back_exactly(tmp_path: Path, text: str) -> None:
    ds = _dataset(text)
    for safe in (True, False):
        folder = tmp_path / str(safe)
        export_all(ds, folder, excel_safe=safe)
        package = read_package(folder / "datapackage.json")
        assert package.tables["states"].rows[0]["name"] == text
        assert package.tables["names"].rows[0]["name"] == text
        assert package.tables["notes"].rows[0]["note"] == text
    path = tmp_path / "raw.csv"
    export(ds, "states", path, excel_safe=False)
    assert read_table(path, excel_safe=False).rows[0]["name"] == text


def test_the_datapackage_beside_a_file_names_its_table(tmp_path: Path) -> None:
    export_all(apmbc.load(), tmp_path)
    (tmp_path / "states.csv").rename(tmp_path / "countries.csv")
    package = json.loads((tmp_path / "datapackage.json").read_text(encoding="utf-8"))
    package["resources"][0]["path"] = "countries.csv"
    (tmp_path / "datapackage.json").write_text(json.dumps(package), encoding="utf-8")
    assert read_table(tmp_path / "countries.csv").table == "states"


def test_an_empty_json_table_is_known_by_its_file_name(tmp_path: Path) -> None:
    empty = apmbc.Dataset(metadata=Metadata(data_version="empty"))
    export(empty, "votes", tmp_path / "votes.json", format="json")
    assert read_table(tmp_path / "votes.json").table == "votes"
    export(empty, "votes", tmp_path / "x.json", format="json")
    with pytest.raises(ParseError, match="an empty list: say which table it is"):
        read_table(tmp_path / "x.json")


# -- what is not an export --------------------------------------------------------------------


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_an_unknown_header_is_named(tmp_path: Path) -> None:
    path = _write(tmp_path / "t.csv", "code,name\nAAA,Alpha\n")
    with pytest.raises(ParseError) as info:
        read_table(path)
    assert info.value.line == 1 and "the header is that of no apmbc table" in str(info.value)


def test_a_bad_cell_is_named_by_line_and_column(tmp_path: Path) -> None:
    text = apmbc.output.export_text(apmbc.load(), "votes", "csv")
    lines = text.splitlines(keepends=True)
    lines[3] = lines[3].replace(",52,", ",fifty-two,", 1)
    with pytest.raises(ParseError) as info:
        read_table(_write(tmp_path / "votes.csv", "".join(lines)))
    assert info.value.line == 4
    assert "column session: expected a whole number, not 'fifty-two'" in str(info.value)


def test_a_multi_line_cell_does_not_shift_the_line_numbers(tmp_path: Path) -> None:
    ds = _dataset("two\nlines")
    path = tmp_path / "names.csv"
    export(ds, "names", path)
    with path.open("a", encoding="utf-8") as handle:
        handle.write("states,0,alias,1,fine\nstates,0,nickname,2,bad\n")
    with pytest.raises(ParseError) as info:
        read_table(path)
    assert info.value.line == 5  # header 1, "two\nlines" 2-3, fine 4, bad 5
    assert "'nickname' is not one of alias, former_name, other_name" in str(info.value)


def test_a_row_with_too_few_cells(tmp_path: Path) -> None:
    path = _write(tmp_path / "n.csv", "table,row,position,note\nstates,0,0\n")
    with pytest.raises(ParseError, match=r"n.csv:2: 3 cells, expected 4"):
        read_table(path)


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        ({"a": 1}, "expected a JSON list of objects"),
        ([{"table": "states", "row": 0, "position": 0}], "keys of its first object"),
        (
            [{"table": "states", "row": "0", "position": 0, "note": "x"}],
            "[0].row: expected a whole number or null, not '0'",
        ),
        (
            [{"table": "states", "row": True, "position": 0, "note": "x"}],
            "[0].row: expected a whole number or null, not True",
        ),
        (
            [
                {"table": "states", "row": 0, "position": 0, "note": "x"},
                {"table": "states", "row": 0, "position": 1},
            ],
            "[1]: not a row of the notes table (missing: note; unknown: none)",
        ),
    ],
)
def test_json_that_is_no_table(tmp_path: Path, rows: object, message: str) -> None:
    path = _write(tmp_path / "notes.json", json.dumps(rows))
    with pytest.raises(ParseError) as info:
        read_table(path)
    assert message in str(info.value)


def test_json_list_fields_are_checked(tmp_path: Path) -> None:
    (row,) = json.loads(apmbc.output.export_text(_dataset("x"), "states", "json"))
    row["sources"] = [{"url": "u"}]
    with pytest.raises(ParseError, match=r"\[0\]\.sources: expected sources with the keys"):
        read_table(_write(tmp_path / "states.json", json.dumps([row])))
    row["sources"] = []
    row["aliases"] = "x"
    with pytest.raises(ParseError, match=r"\[0\]\.aliases: expected a list"):
        read_table(_write(tmp_path / "states.json", json.dumps([row])))


def _package(tmp_path: Path, change: Any) -> Path:
    export_all(_dataset("x"), tmp_path)
    path = tmp_path / "datapackage.json"
    package = json.loads(path.read_text(encoding="utf-8"))
    change(package)
    path.write_text(json.dumps(package), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda p: p.pop("resources"), "not a Data Package"),
        (lambda p: p["resources"][0].update(name="people"), "resources[0].name: 'people'"),
        (lambda p: p["resources"][1].update(name="states"), "'states' is listed twice"),
        (lambda p: p["resources"][0].update(path="../states.csv"), "not a file inside"),
        (lambda p: p["resources"][0].update(path="/etc/passwd"), "not a file inside"),
        (lambda p: p["resources"][0].update(path="https://x.org/s.csv"), "not a file inside"),
        (lambda p: p["resources"][0].update(format="xlsx"), "format: 'xlsx'"),
        (
            lambda p: p["resources"][0]["schema"]["fields"].pop(),
            "schema.fields: not the fields of apmbc's states table (csv)",
        ),
        (lambda p: p["resources"][0].update({"apmbc:excel_safe": "yes"}), "true or false"),
    ],
)
def test_a_package_apmbc_did_not_write_is_named(tmp_path: Path, change: Any, message: str) -> None:
    with pytest.raises(ParseError) as info:
        read_package(_package(tmp_path, change))
    assert message in str(info.value) and "datapackage.json" in str(info.value)


def test_a_missing_table_file_is_named(tmp_path: Path) -> None:
    export_all(_dataset("x"), tmp_path)
    (tmp_path / "votes.csv").unlink()
    with pytest.raises(ParseError, match=r"votes\.csv: cannot read the CSV file"):
        read_package(tmp_path / "datapackage.json")


# -- with pandas: the frames ----------------------------------------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("safe", [True, False])
def test_read_export_equals_to_frame_for_every_table(
    exports: dict[tuple[str, bool], Path], fmt: str, safe: bool
) -> None:
    pd = pytest.importorskip("pandas", reason="pandas is not installed (extra apmbc[pandas])")
    from apmbc.pandas import read_export, to_frame

    ds = apmbc.load()
    folder = exports[(fmt, safe)]
    frames = read_export(folder / "datapackage.json")
    assert list(frames) == list(TABLES)
    for table in TABLES:
        expected = to_frame(ds, table)
        pd.testing.assert_frame_equal(frames[table], expected, check_exact=True)
        pd.testing.assert_frame_equal(read_export(folder / f"{table}.{fmt}"), expected)


def test_read_export_types_and_namibia(exports: dict[tuple[str, bool], Path]) -> None:
    pd = pytest.importorskip("pandas", reason="pandas is not installed (extra apmbc[pandas])")
    from apmbc.pandas import read_export

    states = read_export(exports[("csv", True)] / "states.csv")
    assert states.loc[states["code"] == "NAM", "alpha2"].item() == "NA"
    assert str(states["cow_code"].dtype) == "Int64"
    assert str(states["un_member"].dtype) == "boolean"
    assert pd.api.types.is_datetime64_any_dtype(states["deposited"])
    assert states["status"].cat.ordered
    sources = read_export(exports[("csv", True)] / "sources.csv")
    assert list(sources["table"].cat.categories) == [
        "states",
        "meetings",
        "resolutions",
        "votes",
        "attendances",
        "statements",
        "actions",
    ]


def test_read_export_without_pandas_names_the_extra(
    exports: dict[tuple[str, bool], Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    from apmbc.pandas import read_export

    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(MissingExtraError, match=r'pip install "apmbc\[pandas\]"'):
        read_export(exports[("csv", True)] / "datapackage.json")


# -- any dataset --------------------------------------------------------------------------------

# Texts of the characters that matter to CSV and spreadsheets; never empty, since an empty cell
# is an unknown value (an empty text cannot come back, see the test after this one).
texts = st.text(alphabet=st.sampled_from("'=+-@\t\r\n,;\"' NAéA1"), min_size=1, max_size=6)
maybe = st.none() | texts
dates = st.none() | st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 1, 1))
sources = st.builds(
    Source,
    url=maybe,
    citation=maybe,
    title=maybe,
    note=maybe,
    retrieved=dates,
    kind=st.none() | st.sampled_from(SourceKind),
)
few = {"max_size": 2}
records = st.fixed_dictionaries(
    {
        "states": st.lists(
            st.builds(
                State,
                code=texts,
                name=texts,
                alpha2=maybe,
                aliases=st.lists(texts, **few).map(tuple),
                former_names=st.lists(texts, **few).map(tuple),
                other_actions=st.lists(
                    st.builds(
                        Action,
                        date=dates,
                        description=texts,
                        sources=st.lists(sources, **few).map(tuple),
                    ),
                    **few,
                ).map(tuple),
                notes=st.lists(texts, **few).map(tuple),
                sources=st.lists(sources, **few).map(tuple),
            ),
            **few,
        ),
        "meetings": st.lists(
            st.builds(
                Meeting,
                code=texts,
                kind=st.sampled_from(MeetingKind),
                name=texts,
                other_names=st.lists(texts, **few).map(tuple),
                notes=st.lists(texts, **few).map(tuple),
            ),
            **few,
        ),
        "resolutions": st.lists(
            st.builds(Resolution, session=st.integers(1, 99), forum=st.sampled_from(Forum)), **few
        ),
        "votes": st.lists(
            st.builds(
                Vote,
                state=texts,
                session=st.integers(1, 99),
                forum=st.sampled_from(Forum),
                position=st.sampled_from(VotePosition),
                recorded_name=maybe,
                sources=st.lists(sources, **few).map(tuple),
            ),
            **few,
        ),
        "attendances": st.lists(
            st.builds(Attendance, state=texts, meeting=texts, attended=st.booleans()), **few
        ),
        "statements": st.lists(
            st.builds(Statement, state=texts, text=texts, notes=st.lists(texts, **few).map(tuple)),
            **few,
        ),
    }
)


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(records=records, fmt=st.sampled_from(FORMATS), safe=st.booleans())
def test_any_dataset_reads_back_exactly(
    tmp_path: Path, records: dict[str, Any], fmt: str, safe: bool
) -> None:
    ds = apmbc.Dataset(metadata=Metadata(data_version="any"), **records)
    folder = tmp_path / f"{fmt}-{safe}"
    export_all(ds, folder, fmt, excel_safe=safe)
    package = read_package(folder / "datapackage.json")
    for table in TABLES:
        assert list(package.tables[table].rows) == to_records(ds, table), table


def test_an_empty_text_comes_back_unknown_in_csv_and_empty_in_json(tmp_path: Path) -> None:
    """The one thing CSV cannot say: an empty cell is unknown, so "" and None are one cell."""
    ds = apmbc.Dataset(
        metadata=Metadata(data_version="t"),
        attendances=(Attendance(state="AAA", meeting="1MSP", attended=True, evidence=""),),
    )
    export_all(ds, tmp_path / "csv")
    export_all(ds, tmp_path / "json", "json")
    assert read_table(tmp_path / "csv" / "attendances.csv").rows[0]["evidence"] is None
    assert read_table(tmp_path / "json" / "attendances.json").rows[0]["evidence"] == ""
