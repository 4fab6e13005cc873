"""Every public function and method, given an argument of the wrong type or a bad value, raises
an ``ApmbcError`` (one that is also the matching built-in: ``ValueError``, ``TypeError``,
``LookupError``) or works; never another exception.

The calls are generated: for each function, a call with good arguments, then the same call with
one argument at a time replaced by each of :data:`WRONG` (``None``, numbers, bytes, a dict, a
binary stream where a text stream is due, strings that are no key...).
"""

from __future__ import annotations

import inspect
import io
import math
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs
import pytest

import apmbc
from apmbc.io.recorded_vote import parse_recorded_vote, read_recorded_vote

DS = apmbc.load()
PAGE = """Cubalia
The State not party has participated as Observer in the following meetings of the Convention
• 1MSP, 2MSP
The State not party most recently has voted as follows,
• Abstained - 2021, 2022
"""
PROFILE = apmbc.parse_profile(PAGE, state="Cuba")
MISSING = "/nonexistent/apmbc/file.csv"

WRONG: dict[str, Any] = {
    "None": None,
    "int": 3,
    "negative": -1,
    "huge": 10**400,
    "bool": True,
    "float-nan": math.nan,
    "bytes": b"bytes.json",
    "dict": {"a": 1},
    "list": [1, 2],
    "binary-stream": io.BytesIO(b"{}"),
    "text-stream": io.StringIO("{}"),
    "empty": "",
    "nul": "a\x00b",
    "surrogate": "\udcff",
    "long": "x" * 100_000,
    "object": object(),
}
"""The wrong values tried in each argument's place."""


class Call:
    """A public callable with arguments that work; ``skip`` names the arguments not varied."""

    def __init__(
        self,
        name: str,
        func: Callable[..., object],
        *args: object,
        skip: tuple[str, ...] = (),
        **kwargs: object,
    ) -> None:
        self.name = name
        self.func = func
        self.args = args
        self.kwargs = kwargs
        self.skip = skip

    def variants(self) -> list[tuple[str, tuple[object, ...], dict[str, object]]]:
        out: list[tuple[str, tuple[object, ...], dict[str, object]]] = []
        for i in range(len(self.args)):
            for label, value in WRONG.items():
                args = list(self.args)
                args[i] = value
                out.append((f"{self.name}[arg{i}={label}]", tuple(args), self.kwargs))
        for key in self.kwargs:
            if key in self.skip:
                continue
            for label, value in WRONG.items():
                out.append((f"{self.name}[{key}={label}]", self.args, {**self.kwargs, key: value}))
        return out


def _calls(tmp: str) -> list[Call]:
    out = f"{tmp}/out"
    return [
        # apmbc.__all__, functions
        Call("citation", apmbc.citation, DS, format="text"),
        Call("diff", apmbc.diff, DS, DS),
        Call("dump_json", apmbc.dump_json, DS, out + ".json"),
        Call("dumps_json", apmbc.dumps_json, DS),
        Call("export", apmbc.export, DS, "resolutions", out + ".csv", format="csv"),
        Call("from_dict", apmbc.from_dict, {"data_version": "x"}, apmbc.Metadata),
        Call("load_json", apmbc.load_json, MISSING),
        Call("load_undl_csv", apmbc.load_undl_csv, MISSING, title_filter=None, states=None),
        Call(
            "load_unvotes_csv",
            apmbc.load_unvotes_csv,
            MISSING,
            MISSING,
            title_filter=None,
            states=None,
            strict=False,
        ),
        Call("load_voeten_csv", apmbc.load_voeten_csv, MISSING, title_filter=None, states=DS),
        Call("loads_json", apmbc.loads_json, "{}", source="<here>"),
        Call("make_converter", apmbc.make_converter, skip=("detailed",), detailed=True),
        Call("merge", apmbc.merge, DS, PROFILE, state="Cuba"),
        Call("next_data_version", apmbc.next_data_version, "2026.12.01"),
        Call("parse_profile", apmbc.parse_profile, PAGE, state="Cuba", source="a page"),
        Call("read_profile", apmbc.read_profile, MISSING, state=None, meetings=DS),
        Call("to_dict", apmbc.to_dict, DS.states[0]),
        Call("to_records", apmbc.to_records, DS, "meetings"),
        Call("validate", apmbc.validate, DS),
        Call("write_undl_csv", apmbc.write_undl_csv, DS, out + ".csv", layout="long"),
        Call("parse_recorded_vote", parse_recorded_vote, "text", title_filter=None),
        Call("read_recorded_vote", read_recorded_vote, MISSING, dataset=DS),
        Call("parse_final_report", apmbc.parse_final_report, "text", meeting="1MSP", dataset=DS),
        Call("read_final_report", apmbc.read_final_report, MISSING, source="a report", dataset=DS),
        # Dataset and its tables
        Call("Dataset", lambda **kw: apmbc.Dataset(**kw), metadata=DS.metadata, states=()),
        Call("Dataset.replace", DS.replace, states=DS.states),
        Call("Dataset.from_document", apmbc.Dataset.from_document, DS.to_document()),
        Call("Dataset.state", DS.state, "Cuba"),
        Call("Dataset.meeting", DS.meeting, "13MSP"),
        Call("Dataset.resolution", DS.resolution, 77, "plenary"),
        Call("Dataset.votes_by_session", DS.votes_by_session, "Cuba", "plenary"),
        Call("Dataset.attendance", DS.attendance, "Cuba"),
        Call("Dataset.observer_meetings", DS.observer_meetings, "Cuba"),
        Call("Dataset.has_attended_review_conference", DS.has_attended_review_conference, "IRN"),
        Call("Dataset.has_attended_as_observer", DS.has_attended_as_observer, "IRN"),
        Call("Dataset.meeting_attendance", DS.meeting_attendance, "5RC"),
        Call("Dataset.with_source_kinds", DS.with_source_kinds, "un", only=False, tables=None),
        Call("Dataset.status_on", DS.status_on, "Cuba", "1999-03-01"),
        Call("Dataset.parties_on", DS.parties_on, "1999-03-01"),
        Call("Dataset.positions", DS.positions, 77, "plenary"),
        Call("Dataset.agreement", DS.agreement, "Cuba", "USA", "plenary"),
        Call("Dataset.agreement_details", DS.agreement_details, "Cuba", "USA", "plenary"),
        Call("Dataset.timeline", DS.timeline, "Finland"),
        Call("states.get", DS.states.get, "Cuba", skip=("default",), default=None),
        Call("states.lookup", DS.states.lookup, "Cuba"),
        Call("states.search", DS.states.search, "cu", limit=5),
        Call("meetings.get", DS.meetings.get, "1RC"),
        Call("meetings.lookup", DS.meetings.lookup, "1RC"),
        Call("meetings.search", DS.meetings.search, "review", limit=5),
        Call("resolutions.get", DS.resolutions.get, 77),
        Call("resolutions.lookup", DS.resolutions.lookup, "A/RES/77/63"),
        Call("resolutions.search", DS.resolutions.search, "77", limit=5),
    ]


def _all_variants() -> list[Any]:
    return [
        pytest.param(call.name, args, kwargs, id=label)
        for call in _calls("{tmp}")
        for label, args, kwargs in call.variants()
    ]


def _bind(value: object, tmp: Path) -> object:
    if isinstance(value, str) and "{tmp}" in value:
        return value.replace("{tmp}", str(tmp))
    return value


def _check(name: str, args: tuple[object, ...], kwargs: dict[str, object], tmp_path: Path) -> None:
    func = next(c.func for c in _calls(str(tmp_path)) if c.name == name)
    args = tuple(_bind(a, tmp_path) for a in args)
    kwargs = {k: _bind(v, tmp_path) for k, v in kwargs.items()}
    for stream in (*args, *kwargs.values()):
        if isinstance(stream, io.IOBase):
            stream.seek(0)
    error: apmbc.ApmbcError | None = None
    try:
        func(*args, **kwargs)
    except apmbc.ApmbcError as exc:
        error = exc
    if error is not None:
        builtins = (ValueError, TypeError, LookupError, OSError, OverflowError, ImportError)
        assert isinstance(error, builtins), f"{type(error).__name__} derives from no built-in"
        assert len(str(error)) < 2000, "the message shows the whole bad value"


@pytest.mark.parametrize(("name", "args", "kwargs"), _all_variants())
def test_a_bad_argument_raises_an_apmbc_error(
    name: str,
    args: tuple[object, ...],
    kwargs: dict[str, object],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)  # a wrong value that is still a path is written here
    _check(name, args, kwargs, tmp_path)


def test_every_public_function_is_audited() -> None:
    audited = {c.name for c in _calls("x")}
    functions = {
        name
        for name in apmbc.__all__
        if inspect.isfunction(getattr(apmbc, name)) and name != "load"
    }
    assert functions <= audited, sorted(functions - audited)
    methods = {
        f"Dataset.{name}"
        for name, member in vars(apmbc.Dataset).items()
        if not name.startswith("_")
        and (inspect.isfunction(member) or isinstance(member, classmethod))
        and name != "to_document"
    }
    assert methods <= audited, sorted(methods - audited)


@pytest.mark.parametrize(
    ("call", "error", "words"),
    [
        (lambda: DS.status_on("Cuba", "1999-02-29"), apmbc.ArgumentError, "no such day"),
        (lambda: DS.status_on("Cuba", None), apmbc.ArgumentTypeError, "date"),
        (lambda: DS.resolution("77"), apmbc.ArgumentTypeError, "whole number"),
        (lambda: DS.resolution(77, "plenum"), apmbc.ArgumentError, "invalid forum"),
        (lambda: DS.state(None), apmbc.ArgumentTypeError, "State key"),
        (lambda: DS.state(3), apmbc.ArgumentTypeError, "State key"),
        (lambda: DS.meeting(None), apmbc.ArgumentTypeError, "meeting key"),
        (lambda: apmbc.load_json(None), apmbc.ArgumentTypeError, "path"),
        (lambda: apmbc.validate(None), apmbc.ArgumentTypeError, "Dataset"),
        (lambda: apmbc.validate(3), apmbc.ArgumentTypeError, "Dataset"),
        (lambda: apmbc.to_records(None, "votes"), apmbc.ArgumentTypeError, "Dataset"),
        (lambda: apmbc.export(None, "votes", io.StringIO()), apmbc.ArgumentTypeError, "Dataset"),
        (lambda: apmbc.diff(None, DS), apmbc.ArgumentTypeError, "Dataset"),
        (lambda: apmbc.merge(DS, None), apmbc.ArgumentTypeError, "Profile"),
        (lambda: apmbc.loads_json(None), apmbc.ArgumentTypeError, "str or bytes"),
        (lambda: apmbc.dump_json(DS, None), apmbc.ArgumentTypeError, "path or an open file"),
        (lambda: apmbc.dumps_json(object()), apmbc.ArgumentTypeError, "cannot write object"),
        (lambda: apmbc.to_dict(object()), apmbc.ArgumentTypeError, "not a model"),
        (lambda: apmbc.Dataset(metadata=None), apmbc.ArgumentTypeError, "Metadata"),
        (lambda: apmbc.Dataset(metadata=DS.metadata, states=3), apmbc.ArgumentTypeError, "states"),
        (lambda: DS.states.search("cu", limit="x"), apmbc.ArgumentTypeError, "limit"),
        (lambda: DS.states.search("cu", limit=-1), apmbc.ArgumentError, "limit"),
    ],
)
def test_the_error_says_what_was_expected(
    call: Callable[[], object], error: type[Exception], words: str
) -> None:
    with pytest.raises(error, match=words):
        call()


def test_a_long_key_is_shown_shortened() -> None:
    with pytest.raises(apmbc.UnknownStateError) as caught:
        DS.state("x" * 1_000_000)
    assert len(str(caught.value)) < 300
    with pytest.raises(apmbc.UnknownResolutionError) as res:
        DS.resolution(10**400)
    assert len(str(res.value)) < 300


def test_a_lone_surrogate_in_the_data_is_not_written(tmp_path: Path) -> None:
    from factory import elbonia, world

    from apmbc.io.undl import write_undl_csv

    bad = world(states=[elbonia(name="Elbonia \udcff")])
    target = tmp_path / "states.csv"
    target.write_text("old\n", encoding="utf-8")
    with pytest.raises(apmbc.DataValidationError, match="lone surrogate U\\+DCFF"):
        apmbc.export(bad, "states", target)
    assert target.read_text(encoding="utf-8") == "old\n"  # nothing half-written
    votes = tmp_path / "votes.csv"
    with_bad_name = world(votes=[attrs.evolve(v, recorded_name="X\udcff") for v in world().votes])
    with pytest.raises(apmbc.DataValidationError, match="lone surrogate"):
        write_undl_csv(with_bad_name, votes)
    assert not votes.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["states.csv"]  # no temporary left
