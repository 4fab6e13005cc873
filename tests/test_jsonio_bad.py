"""Bad input to load_json / loads_json / from_dict: exact error types and paths; round trips."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st
from strategies import MODEL_STRATEGIES, all_models, documents, json_values, small_json_values

import apmbc
from apmbc import (
    ApmbcError,
    Dataset,
    DataValidationError,
    Document,
    Meeting,
    Metadata,
    ParseError,
    Resolution,
    State,
    Tally,
    Vote,
    dump_json,
    dumps_json,
    from_dict,
    load_json,
    loads_json,
    to_dict,
)

MODELS: list[type] = list(MODEL_STRATEGIES)
BASE: dict[str, Any] = {"metadata": {"data_version": "x"}}
CUBA: dict[str, Any] = {"code": "CUB", "name": "Cuba"}
VOTE: dict[str, Any] = {"state": "CUB", "session": 77, "forum": "plenary", "position": "abstain"}
MEETING: dict[str, Any] = {"code": "1MSP", "kind": "msp", "name": "First Meeting"}


def doc(**tables: Any) -> str:
    """JSON text of a dataset with the given tables next to a valid metadata."""
    return json.dumps({**BASE, **tables})


# (id, text, expected problem path, words the message must contain)
INVALID_DATA: list[tuple[str, str, str, str]] = [
    (
        "month-13",
        doc(states=[{**CUBA, "signed": "2022-13-01"}]),
        "states[0].signed",
        "invalid date '2022-13-01'",
    ),
    (
        "feb-31-in-words",
        doc(states=[CUBA, {**CUBA, "code": "EGY", "deposited": "31 February 2020"}]),
        "states[1].deposited",
        "invalid date '31 February 2020'",
    ),
    (
        "as-of-nov-31",
        json.dumps({"metadata": {"data_version": "x", "as_of": "2026-11-31"}}),
        "metadata.as_of",
        "no such day",
    ),
    (
        "vote-position",
        doc(votes=[{**VOTE, "position": "maybe"}]),
        "votes[0].position",
        "invalid VotePosition",
    ),
    (
        "vote-forum",
        doc(votes=[VOTE, {**VOTE, "forum": "security_council"}]),
        "votes[1].forum",
        "invalid Forum",
    ),
    (
        "session-string",
        doc(votes=[{**VOTE, "session": "77"}]),
        "votes[0].session",
        "expected an integer, got a string",
    ),
    ("session-bool", doc(votes=[{**VOTE, "session": True}]), "votes[0].session", "got a boolean"),
    (
        "tally-string",
        doc(resolutions=[{"session": 77, "forum": "plenary", "tally": {"yes": "158"}}]),
        "resolutions[0].tally.yes",
        "expected an integer",
    ),
    (
        "tally-list",
        doc(resolutions=[{"session": 77, "forum": "plenary", "tally": [158, 1, 16]}]),
        "resolutions[0].tally",
        "expected an object, got a list",
    ),
    (
        "president-state-number",
        doc(meetings=[{**MEETING, "president": {"state": 508}}]),
        "meetings[0].president.state",
        "expected a string, got a number",
    ),
    (
        "participation-alternative",
        doc(meetings=[{**MEETING, "participation_alternatives": [{}, {"total_states": True}]}]),
        "meetings[0].participation_alternatives[1].total_states",
        "got a boolean",
    ),
    (
        "meeting-kind",
        doc(meetings=[{**MEETING, "kind": "summit"}]),
        "meetings[0].kind",
        "invalid MeetingKind 'summit'",
    ),
    (
        "action-date",
        doc(states=[{**CUBA, "other_actions": [{"date": "2022-02-30", "description": "d"}]}]),
        "states[0].other_actions[0].date",
        "no such day",
    ),
    (
        "source-retrieved",
        doc(states=[{**CUBA, "sources": [{"url": "u", "retrieved": "yesterday"}]}]),
        "states[0].sources[0].retrieved",
        "invalid date 'yesterday'",
    ),
    (
        "attended-string",
        doc(attendances=[{"state": "CUB", "meeting": "1MSP", "attended": "yes"}]),
        "attendances[0].attended",
        "expected true or false",
    ),
    (
        "attendance-role",
        doc(attendances=[{"state": "CUB", "meeting": "1MSP", "attended": True, "role": "guest"}]),
        "attendances[0].role",
        "invalid AttendanceRole",
    ),
    (
        "verbatim-int",
        doc(statements=[{"state": "CUB", "text": "t", "verbatim": 1}]),
        "statements[0].verbatim",
        "expected true or false, got a number",
    ),
    (
        "statement-context",
        doc(statements=[{"state": "CUB", "text": "t", "context": "speech"}]),
        "statements[0].context",
        "invalid StatementContext",
    ),
    (
        "unknown-nested-key",
        doc(states=[{**CUBA, "capital": "Havana"}]),
        "states[0]",
        "unknown key(s) 'capital'",
    ),
    ("unknown-top-key", doc(countries=[]), "", "unknown key(s) 'countries'"),
    ("missing-metadata", json.dumps({"states": []}), "metadata", "required field missing"),
    ("missing-name", doc(states=[{"code": "CUB"}]), "states[0].name", "required field missing"),
    (
        "aliases-string",
        doc(states=[{**CUBA, "aliases": "Republic of Cuba"}]),
        "states[0].aliases",
        "expected a list, got a string",
    ),
    ("states-object", doc(states={"CUB": CUBA}), "states", "expected a list, got an object"),
    (
        "datetime",
        doc(resolutions=[{"session": 77, "forum": "plenary", "date": "2022-12-07T10:30"}]),
        "resolutions[0].date",
        "without a time",
    ),
    ("top-level-list", "[]", "", "expected a JSON object, got a list"),
]


@pytest.mark.parametrize(
    ("text", "path", "words"),
    [case[1:] for case in INVALID_DATA],
    ids=[case[0] for case in INVALID_DATA],
)
def test_loads_json_names_the_field(text: str, path: str, words: str) -> None:
    with pytest.raises(DataValidationError) as info:
        loads_json(text, source="input.json")
    assert type(info.value) is DataValidationError
    assert [(p.path, words in p.message) for p in info.value.problems] == [(path, True)]
    message = str(info.value)
    assert message.startswith("input.json: ")
    assert (f"{path}: " in message) if path else (words in message)


# (id, text or bytes, line, words)
INVALID_TEXT: list[tuple[str, str | bytes, int | None, str]] = [
    ("empty", "", 1, "empty file"),
    ("blank", "  \n ", 1, "empty file"),
    ("trailing-comma", '{\n  "metadata": {"data_version": "x"},\n}', 3, "invalid JSON"),
    ("truncated", '{\n  "metadata": {"data_ver', 2, "invalid JSON: Unterminated string"),
    ("single-quotes", "{'metadata': {}}", 1, "double quotes"),
    ("two-documents", '{"metadata": {"data_version": "x"}}\n{}', 2, "Extra data"),
    ("latin-1", '{"metadata": {"data_version": "Côte"}}'.encode("latin-1"), 1, "not UTF-8"),
    ("utf-16", '{"metadata": {}}'.encode("utf-16"), 1, "is UTF-16 text"),
    (
        "duplicate-key",
        '{"metadata": {"data_version": "a", "data_version": "b"}}',
        1,
        "duplicate key 'data_version' in a JSON object (at metadata.data_version)",
    ),
    (
        "duplicate-nested-key",
        '{\n "metadata": {"data_version": "a"},\n "states": [\n  {"code": "A", "name": "A"},\n'
        '  {"code": "B",\n   "code": "C"}]}',
        6,
        "duplicate key 'code' in a JSON object (at states[1].code)",
    ),
    ("nested-too-deep", "[" * 100_000 + "]" * 100_000, 1, "nested too deeply (more than 100"),
    (
        "nested-too-deep-in-a-field",
        '{"metadata": {"data_version": "x"},\n"states": ' + "[" * 5000 + "]" * 5000 + "}",
        2,
        "nested too deeply (more than 100 levels) (at states" + "[0]" * 99 + ")",
    ),
    (
        "long-number",
        '{"metadata": {"data_version": "x"},\n "resolutions": [{"session": ' + "9" * 5000 + "}]}",
        2,
        "an integer of 5,000 digits (Python reads at most 4,300) (at resolutions[0].session)",
    ),
]


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [case[1:] for case in INVALID_TEXT],
    ids=[case[0] for case in INVALID_TEXT],
)
def test_loads_json_refuses_text_with_line(text: str | bytes, line: int | None, words: str) -> None:
    with pytest.raises(ParseError) as info:
        loads_json(text, source="input.json")
    assert type(info.value) is ParseError
    assert info.value.line == line
    assert info.value.source == "input.json"
    where = "input.json" if line is None else f"input.json:{line}"
    assert str(info.value).startswith(where + (":" if line is not None else ": "))
    assert words in str(info.value)


# (id, data, model, path, words)
FROM_DICT: list[tuple[str, object, type, str, str]] = [
    ("state-missing-name", {"code": "CUB"}, State, "name", "required field missing"),
    ("state-list", [], State, "", "expected an object, got a list"),
    ("tally-float", {"yes": 1.5}, Tally, "yes", "expected an integer, got a number"),
    ("resolution-forum", {"session": 1, "forum": "x"}, Resolution, "forum", "invalid Forum 'x'"),
    ("vote-position-null", {**VOTE, "position": None}, Vote, "position", "invalid VotePosition"),
    ("meeting-start", {**MEETING, "start": "2004-02-30"}, Meeting, "start", "no such day"),
    ("document-string", "dataset", Document, "", "expected an object, got a string"),
]


@pytest.mark.parametrize(
    ("data", "model", "path", "words"),
    [case[1:] for case in FROM_DICT],
    ids=[case[0] for case in FROM_DICT],
)
def test_from_dict_names_the_field(data: object, model: type, path: str, words: str) -> None:
    with pytest.raises(DataValidationError) as info:
        from_dict(data, model)
    assert type(info.value) is DataValidationError
    assert [(p.path, words in p.message) for p in info.value.problems] == [(path, True)]


def test_several_problems_are_all_listed() -> None:
    text = doc(
        states=[{**CUBA, "signed": "2022-13-01"}, {"code": 1, "name": "Egypt"}],
        votes=[{**VOTE, "position": "maybe"}],
    )
    with pytest.raises(DataValidationError) as info:
        loads_json(text, source="input.json")
    assert sorted(p.path for p in info.value.problems) == [
        "states[0].signed",
        "states[1].code",
        "votes[0].position",
    ]
    assert str(info.value).startswith("input.json: 3 problems:\n  ")


def test_load_json_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text(doc(states=[{**CUBA, "signed": "2022-13-01"}]), "utf-8")
    with pytest.raises(DataValidationError, match=r"bad\.json: states\[0\]\.signed: invalid date"):
        load_json(path)
    with pytest.raises(ParseError, match=r"missing\.json: cannot read the dataset JSON file"):
        load_json(tmp_path / "missing.json")


# -- properties ------------------------------------------------------------------------------

_FIELDS = st.sampled_from(sorted({f for m in all_models() for f in m.__annotations__}))
dataset_like = st.fixed_dictionaries(
    {"metadata": st.dictionaries(_FIELDS, small_json_values, max_size=3)},
    optional={
        table: st.lists(st.dictionaries(_FIELDS, small_json_values, max_size=6), max_size=3)
        for table in ("states", "meetings", "resolutions", "votes", "attendances", "statements")
    },
)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(json_values, dataset_like))
def test_any_json_value_loads_or_raises_an_apmbc_error(value: Any) -> None:
    text = json.dumps(value)
    try:
        result = loads_json(text)
    except (DataValidationError, ParseError) as exc:
        message = str(exc)
    else:
        assert isinstance(result, Dataset)
        return
    assert message.startswith("<string>")


@settings(max_examples=300)
@given(st.text())
def test_any_text_raises_only_apmbc_errors(text: str) -> None:
    try:
        result = loads_json(text)
    except ApmbcError:
        pass
    else:
        assert isinstance(result, Dataset)


@settings(max_examples=200)
@given(st.binary())
def test_any_bytes_raise_only_apmbc_errors(data: bytes) -> None:
    try:
        result = loads_json(data)
    except ApmbcError:
        pass
    else:
        assert isinstance(result, Dataset)


@pytest.mark.parametrize("model", MODELS, ids=[m.__name__ for m in MODELS])
@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_model_round_trip(model: type, data: st.DataObject) -> None:
    value = data.draw(MODEL_STRATEGIES[model])
    assert from_dict(to_dict(value), type(value)) == value


def test_every_model_has_a_strategy() -> None:
    assert set(MODEL_STRATEGIES) == all_models()


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(documents)
def test_canonical_json_is_a_fixed_point(document: Document) -> None:
    text = dumps_json(document)
    assert dumps_json(loads_json(text)) == text
    assert dumps_json(loads_json(text.encode("utf-8"))).encode("utf-8") == text.encode("utf-8")


@settings(max_examples=200)
@given(st.sampled_from(MODELS), json_values)
def test_from_dict_raises_only_data_validation_error(model: type, value: Any) -> None:
    try:
        from_dict(value, model)
    except DataValidationError as exc:
        problems = exc.problems
    else:
        return  # a value that happens to fit the model is fine too
    assert problems


# -- failed writes leave the previous file -------------------------------------------------


def _previous(tmp_path: Path) -> tuple[Path, bytes]:
    path = tmp_path / "data.json"
    dump_json(Dataset(metadata=Metadata(data_version="old")), path)
    return path, path.read_bytes()


def test_unserializable_object_leaves_the_file(tmp_path: Path) -> None:
    path, before = _previous(tmp_path)
    with pytest.raises(TypeError, match="cannot write object as JSON"):
        dump_json(object(), path)
    assert path.read_bytes() == before
    assert os.listdir(tmp_path) == ["data.json"]


def test_failed_replace_leaves_the_file_and_no_temp_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path, before = _previous(tmp_path)
    calls: list[tuple[str, str]] = []

    def refuse(src: str, dst: str) -> None:
        calls.append((os.fspath(src), os.fspath(dst)))
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(OSError, match="No space left"):
        dump_json(Dataset(metadata=Metadata(data_version="new")), path)
    monkeypatch.undo()
    assert len(calls) == 1
    assert calls[0][1] == str(path)
    assert path.read_bytes() == before
    assert os.listdir(tmp_path) == ["data.json"]
    assert apmbc.load_json(path).metadata.data_version == "old"


def test_failed_write_of_new_file_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(fd: int) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, "fsync", refuse)
    with pytest.raises(OSError, match="Input/output error"):
        dump_json(Dataset(metadata=Metadata(data_version="new")), tmp_path / "new.json")
    monkeypatch.undo()
    assert os.listdir(tmp_path) == []
