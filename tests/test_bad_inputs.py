"""Every file under tests/bad_inputs/<loader>/ is refused with an ApmbcError naming where and why.

Each call runs in a worker thread with a timeout, so that a loader that hangs (or takes
quadratic time on a long line) fails the test instead of blocking the run. Success is never
timed; only a call that does not return within the guard fails.
"""

from __future__ import annotations

import importlib
import importlib.util
import re
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import apmbc

BAD_INPUTS = Path(__file__).resolve().parent / "bad_inputs"
GUARD_SECONDS = 10.0
"""Generous for a shared two-core machine: a correct loader answers in well under a second."""
MIN_CORPUS = 60


def _load_json(path: str) -> object:
    return apmbc.load_json(path)


def _read_profile(path: str) -> object:
    module: Any = importlib.import_module("apmbc.io.profile")
    return module.read_profile(path)


def _load_undl(path: str) -> object:
    module: Any = importlib.import_module("apmbc.io.undl")
    return module.load_undl_csv(path, strict=True)  # a bad value is an error, not a note


def _load_voeten(path: str) -> object:
    module: Any = importlib.import_module("apmbc.io.rollcalls")
    return module.load_voeten_csv(path, strict=True)  # a bad row is an error, not a note


def _read_recorded_vote(path: str) -> object:
    module: Any = importlib.import_module("apmbc.io.recorded_vote")
    return module.read_recorded_vote(path)


def _read_final_report(path: str) -> object:
    module: Any = importlib.import_module("apmbc.io.final_report")
    return module.read_final_report(path)


LOADERS: dict[str, tuple[Callable[[str], object], str]] = {
    "json": (_load_json, "apmbc.io.jsonfile"),
    "profile": (_read_profile, "apmbc.io.profile"),
    "recorded_vote": (_read_recorded_vote, "apmbc.io.recorded_vote"),
    "undl": (_load_undl, "apmbc.io.undl"),
    "final_report": (_read_final_report, "apmbc.io.final_report"),
    "voeten": (_load_voeten, "apmbc.io.rollcalls"),
}


def _module_exists(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except ModuleNotFoundError:
        return False


def _inputs(folder: str) -> list[Path]:
    root = BAD_INPUTS / folder
    if not root.is_dir():
        return []
    return sorted(p for p in root.rglob("*") if p.is_file() and p.name != "README.md")


def _cases() -> list[Any]:
    cases: list[Any] = []
    for folder, (_, module) in LOADERS.items():
        files = _inputs(folder)
        if not files:
            reason = (
                f"tests/bad_inputs/{folder}/ does not exist yet (written by its loader's author)"
            )
            cases.append(
                pytest.param(folder, None, marks=pytest.mark.skip(reason=reason), id=folder)
            )
            continue
        if not _module_exists(module):
            reason = f"{module} does not exist yet (another author is writing it)"
            cases.extend(
                pytest.param(
                    folder, p, marks=pytest.mark.skip(reason=reason), id=f"{folder}/{p.name}"
                )
                for p in files
            )
            continue
        cases.extend(
            pytest.param(folder, p, id=f"{folder}/{p.relative_to(BAD_INPUTS / folder)}")
            for p in files
        )
    return cases


def call_with_guard(
    func: Callable[[], object], seconds: float = GUARD_SECONDS
) -> BaseException | None:
    """Run ``func`` in a daemon thread; the exception it raised, ``None`` if it returned.

    Fails the calling test if ``func`` does not finish within ``seconds``.
    """
    outcome: dict[str, BaseException | None] = {}

    def run() -> None:
        try:
            func()
        except BaseException as exc:  # re-raised or inspected by the caller
            outcome["error"] = exc
        else:
            outcome["error"] = None

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(seconds)
    if worker.is_alive():
        pytest.fail(f"did not finish within {seconds} s (the input may make the loader hang)")
    return outcome["error"]


_FIELD_PATH = re.compile(r"^[A-Za-z_][\w]*(\[\d+\])?(\.[A-Za-z_]\w*(\[\d+\])?)*: ")


def assert_refused(path: Path, error: BaseException | None) -> apmbc.ApmbcError:
    """The error is an ApmbcError naming ``path`` and a line, a field path or a reason."""
    assert error is not None, f"{path} was accepted; a bad input must be refused"
    if not isinstance(error, apmbc.ApmbcError):
        raise AssertionError(f"{path}: raised {type(error).__name__}, not an ApmbcError") from error
    message = str(error)
    name = str(path)
    assert name in message, f"the message does not name the file: {message!r}"
    after = message.split(name, 1)[1]
    names_line = re.match(r":\d+", after) is not None
    rest = after.lstrip(":0123456789").lstrip()
    names_field = _FIELD_PATH.match(rest) is not None or bool(
        isinstance(error, apmbc.DataValidationError) and any(p.path for p in error.problems)
    )
    assert names_line or names_field or len(rest) >= 5, f"no line, field or reason: {message!r}"
    return error


@pytest.mark.parametrize(("folder", "path"), _cases())
def test_bad_input_is_refused(folder: str, path: Path) -> None:
    load = LOADERS[folder][0]
    error = call_with_guard(lambda: load(str(path)))
    assert_refused(path, error)


def test_json_corpus_covers_the_listed_faults() -> None:
    names = {p.name for p in _inputs("json")}
    assert len(names) >= 25
    for required in (
        "truncated.json",
        "empty.json",
        "whitespace-only.json",
        "top-level-list.json",
        "unknown-nested-key.json",
        "impossible-date-iso.json",
        "impossible-date-words.json",
        "duplicate-top-level-key.json",
        "binary-junk.json",
        "utf16.json",
        "latin1.json",
        "bom-then-garbage.json",
        "nan.json",
        "deeply-nested-arrays.json",
        "html-instead-of-json.json",
        "csv-instead-of-json.json",
    ):
        assert required in names


@pytest.mark.parametrize(
    ("name", "line", "where"),
    [
        ("duplicate-nested-key.json", 3, "states[0].code"),
        ("duplicate-key-on-line-5.json", 5, "states[0].name"),
        ("deep-nesting-on-line-3.json", 3, "states[0]"),
        ("deeply-nested-objects.json", 1, "a.a.a"),
        ("integer-of-5000-digits-on-line-3.json", 3, "resolutions[0].session"),
    ],
)
def test_json_faults_the_parser_does_not_place_are_located(
    name: str, line: int, where: str
) -> None:
    path = BAD_INPUTS / "json" / name
    error = assert_refused(path, call_with_guard(lambda: apmbc.load_json(path)))
    assert isinstance(error, apmbc.ParseError)
    assert error.line == line
    assert f"(at {where}" in error.message


@pytest.mark.parametrize(
    ("name", "where", "words"),
    [
        ("lone-surrogate.json", "states[0].name", "lone surrogate U+DCFF"),
        ("lone-surrogate-in-key.json", "metadata.'\\ud800'", "lone surrogate U+D800"),
        ("integer-beyond-64-bits.json", "states[0].m49", "out of range"),
    ],
)
def test_json_values_no_file_can_hold_are_refused_with_their_path(
    name: str, where: str, words: str
) -> None:
    path = BAD_INPUTS / "json" / name
    error = assert_refused(path, call_with_guard(lambda: apmbc.load_json(path)))
    assert isinstance(error, apmbc.DataValidationError)
    assert [(p.path, words in p.message) for p in error.problems] == [(where, True)]


def test_corpus_has_at_least_60_files() -> None:
    missing = [f for f in LOADERS if not _inputs(f)]
    assert not missing, f"bad_inputs folder(s) empty or missing: {', '.join(missing)}"
    total = sum(len(_inputs(f)) for f in LOADERS)
    assert total >= MIN_CORPUS, f"only {total} bad inputs"


def test_ten_megabyte_line_is_refused_in_bounded_time(tmp_path: Path) -> None:
    path = tmp_path / "long-line.json"
    filler = "x" * (10 * 1024 * 1024)
    path.write_text('{"metadata": {"data_version": "x"}, "padding": "' + filler + '"', "utf-8")
    error = assert_refused(path, call_with_guard(lambda: apmbc.load_json(str(path))))
    assert isinstance(error, apmbc.ParseError)
    assert error.line == 1
    assert len(str(error)) < 1000  # the offending line is shown shortened, not in full


def test_ten_megabyte_line_of_valid_json_names_the_unknown_key(tmp_path: Path) -> None:
    path = tmp_path / "long-value.json"
    filler = "x" * (10 * 1024 * 1024)
    path.write_text('{"metadata": {"data_version": "x"}, "padding": "' + filler + '"}', "utf-8")
    error = assert_refused(path, call_with_guard(lambda: apmbc.load_json(str(path))))
    assert isinstance(error, apmbc.DataValidationError)
    assert "'padding'" in str(error)
    assert len(str(error)) < 1000


def test_guard_fails_a_call_that_hangs() -> None:
    release = threading.Event()
    with pytest.raises(pytest.fail.Exception, match="did not finish"):
        call_with_guard(lambda: release.wait(30), seconds=0.2)
    release.set()


def test_assert_refused_rejects_other_exceptions(tmp_path: Path) -> None:
    path = tmp_path / "x.json"
    with pytest.raises(AssertionError, match="not an ApmbcError"):
        assert_refused(path, KeyError("x"))
    with pytest.raises(AssertionError, match="does not name the file"):
        assert_refused(path, apmbc.ParseError("bad", source="other.json", line=3))
    with pytest.raises(AssertionError, match="was accepted"):
        assert_refused(path, None)
