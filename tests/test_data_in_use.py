"""The dataset in use (issue 12, sections 3 and 4): ``load(path)``, ``APMBC_DATA``, and the
warning for a question after the data's as-of date.

Every test starts with ``APMBC_DATA`` unset (tests/conftest.py). The datasets are the factory
world (tests/factory.py, as of 2026-06-30) written to a temporary folder.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import threading
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from factory import AS_OF, metadata, world, write_world

import apmbc
from apmbc import queries
from apmbc.errors import StaleDataWarning
from apmbc.io._bundled import DATA_ENV, bundled, data_path
from apmbc.output import citation_data
from apmbc.queries import reset_stale_warnings, stale_message

# -- load(path) and APMBC_DATA --------------------------------------------------------------


def test_load_without_a_file_is_the_bundled_data() -> None:
    assert data_path() is None
    assert apmbc.load() is bundled() is apmbc.load()
    assert apmbc.load().metadata.data_version == apmbc.DATA_VERSION


def test_load_a_path(tmp_path: Path) -> None:
    path = write_world(tmp_path / "world.json")
    ds = apmbc.load(path)
    assert ds.to_document() == world().to_document()
    assert apmbc.load(str(path)) is ds  # the file read last is kept while it is unchanged
    assert apmbc.load() is bundled()  # a path given once does not change what load() reads


def test_a_changed_file_is_read_again(tmp_path: Path) -> None:
    path = write_world(tmp_path / "world.json")
    first = apmbc.load(path)
    write_world(path, metadata=metadata(data_version="factory-2"))  # replaced atomically
    second = apmbc.load(path)
    assert second is not first and second.metadata.data_version == "factory-2"
    other = write_world(tmp_path / "other.json")
    apmbc.load(other)
    assert apmbc.load(path) is not second  # only the file read last is kept
    assert apmbc.load(path).to_document() == second.to_document()


def test_load_refuses_what_is_not_a_path() -> None:
    for bad in (3, b"world.json", ["world.json"]):
        with pytest.raises(apmbc.ArgumentTypeError, match="must be a path"):
            apmbc.load(bad)  # type: ignore[arg-type]


def test_load_of_a_bad_file_says_what_load_json_says(tmp_path: Path) -> None:
    with pytest.raises(apmbc.ParseError, match="cannot read the dataset JSON file") as missing:
        apmbc.load(tmp_path / "nothere.json")
    assert missing.value.source == str(tmp_path / "nothere.json")
    (tmp_path / "bad.json").write_text('{"metadata": 3}', encoding="utf-8")
    with pytest.raises(apmbc.DataValidationError, match="metadata: expected an object"):
        apmbc.load(tmp_path / "bad.json")


def test_apmbc_data_is_read_at_each_call(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write_world(tmp_path / "world.json")
    monkeypatch.setenv(DATA_ENV, str(path))
    assert data_path() == str(path)
    ds = apmbc.load()
    assert ds.metadata.data_version == "factory" and ds.state("Elbonia").code == "ELB"
    assert apmbc.load() is ds
    assert bundled().metadata.data_version == apmbc.DATA_VERSION  # the bundled data stays
    assert apmbc.DATA_VERSION != "factory"
    monkeypatch.setenv(DATA_ENV, "")  # empty is unset
    assert data_path() is None and apmbc.load() is bundled()
    monkeypatch.delenv(DATA_ENV)
    assert apmbc.load() is bundled()


def test_a_path_given_wins_over_apmbc_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write_world(tmp_path / "world.json")
    monkeypatch.setenv(DATA_ENV, str(tmp_path / "nothere.json"))
    assert apmbc.load(path).metadata.data_version == "factory"


def _bad_files(folder: Path) -> Iterator[tuple[str, type[Exception], str]]:
    yield str(folder / "nothere.json"), apmbc.ParseError, "cannot read the dataset JSON file"
    (folder / "broken.json").write_text("{not json", encoding="utf-8")
    yield str(folder / "broken.json"), apmbc.ParseError, ":1:2: invalid JSON"
    (folder / "bad.json").write_text('{"metadata": 3}', encoding="utf-8")
    yield str(folder / "bad.json"), apmbc.DataValidationError, "metadata: expected an object"
    yield str(folder), apmbc.ParseError, "is a folder"


def test_a_bad_file_named_by_apmbc_data_names_the_variable_and_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name, error, message in _bad_files(tmp_path):
        monkeypatch.setenv(DATA_ENV, name)
        with pytest.raises(error) as raised:
            apmbc.load()
        text = str(raised.value)
        assert text.startswith(f"APMBC_DATA={name}"), text
        assert message in text, text
        assert isinstance(raised.value, apmbc.ApmbcError)
        assert isinstance(raised.value.__cause__, error)  # load_json's own error, kept


def test_the_data_in_use_is_cited(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert citation_data()["data"]["bundled"] is True
    monkeypatch.setenv(DATA_ENV, str(write_world(tmp_path / "world.json")))
    data = citation_data()["data"]
    assert (data["version"], data["bundled"]) == ("factory", False)
    assert "not the data bundled with it" in apmbc.citation()


def test_readers_keep_the_bundled_data_as_their_default(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Their documentation says "the bundled data": APMBC_DATA changes load(), not them.
    monkeypatch.setenv(DATA_ENV, str(write_world(tmp_path / "world.json")))
    page = (
        "Freedonia\n\nThe State not party has participated as Observer in the following "
        "meetings of the Convention\n\n  • 1MSP - 1999, 21MSP - 2023\n"
    )  # made up; the world has no 21MSP, the bundled data has
    profile = apmbc.parse_profile(page)
    assert profile.checked_with == apmbc.DATA_VERSION and profile.unparsed == ()
    assert profile.observer_meetings == ("1MSP", "21MSP")


def test_load_from_several_threads(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(DATA_ENV, str(write_world(tmp_path / "world.json")))
    results: list[apmbc.Dataset] = []
    threads = [threading.Thread(target=lambda: results.append(apmbc.load())) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(results) == 8 and all(ds is results[0] for ds in results)


# -- where the data ends: StaleDataWarning --------------------------------------------------

AFTER = AS_OF + dt.timedelta(days=1)


@pytest.fixture
def caught() -> Iterator[list[warnings.WarningMessage]]:
    """The warnings raised in the test, every one recorded; no dataset has warned before."""
    reset_stale_warnings()
    with warnings.catch_warnings(record=True) as found:
        warnings.simplefilter("always")
        yield found
    reset_stale_warnings()


def _stale(found: list[warnings.WarningMessage]) -> list[str]:
    return [str(w.message) for w in found if issubclass(w.category, StaleDataWarning)]


MESSAGE = (
    "2026-07-01 is after 2026-06-30, the as-of date of data factory: the answer assumes that "
    "nothing changed after it"
)

QUESTIONS: dict[str, Callable[[apmbc.Dataset, Any], object]] = {
    "Dataset.status_on": lambda ds, day: ds.status_on("Latveria", day),
    "Dataset.parties_on": lambda ds, day: ds.parties_on(day),
    "queries.state_status_on": lambda ds, day: queries.state_status_on(ds, "LAT", day),
    "queries.parties_on": lambda ds, day: queries.parties_on(ds, day),
    "queries.status_counts": lambda ds, day: queries.status_counts(ds, [AS_OF, day]),
}


@pytest.mark.parametrize("question", sorted(QUESTIONS))
def test_a_question_after_the_as_of_date_warns_once(
    question: str, caught: list[warnings.WarningMessage]
) -> None:
    ask = QUESTIONS[question]
    ds = world()
    within = ask(ds, AS_OF)
    assert _stale(caught) == []  # the as-of date itself is within the record
    after = ask(ds, AFTER.isoformat())
    assert _stale(caught) == [MESSAGE]
    stale = next(w for w in caught if issubclass(w.category, StaleDataWarning))
    assert stale.filename == __file__  # it points at the caller, not at apmbc
    assert ask(ds, dt.date(2040, 1, 1)) is not None
    assert ask(world(), "1 January 2050") is not None  # the same data: no second warning
    assert _stale(caught) == [MESSAGE]
    if question != "queries.status_counts":
        assert after == within  # still answered, from the facts known on the as-of date
    reset_stale_warnings()
    ask(ds, AFTER)
    assert _stale(caught) == [MESSAGE, MESSAGE]


def test_the_answer_after_the_as_of_date_is_the_rule_applied(
    caught: list[warnings.WarningMessage],
) -> None:
    ds = world()
    # Latveria's withdrawal takes effect on 2026-09-01, after the as-of date: Article 20 says so.
    assert ds.status_on("LAT", "2026-08-31") is apmbc.TreatyStatus.WITHDRAWING
    assert ds.status_on("LAT", "2026-09-01") is apmbc.TreatyStatus.WITHDRAWN
    assert len(_stale(caught)) == 1


def test_each_dataset_warns_once(caught: list[warnings.WarningMessage]) -> None:
    world().status_on("ELB", AFTER)
    world(metadata=metadata(data_version="factory-2")).status_on("ELB", AFTER)
    world(metadata=metadata(as_of=dt.date(2026, 6, 1))).status_on("ELB", AFTER)
    world().status_on("ELB", AFTER)
    assert len(_stale(caught)) == 3
    assert "data factory-2" in _stale(caught)[1]
    assert "after 2026-06-01" in _stale(caught)[2]


def test_no_warning_within_the_record_or_without_an_as_of_date(
    caught: list[warnings.WarningMessage],
) -> None:
    ds = world()
    for day in ("1997-12-03", "2026-06-30", dt.date(1999, 3, 1)):
        ds.status_on("FRD", day)
        ds.parties_on(day)
    undated = world(metadata=metadata(as_of=None))
    undated.status_on("FRD", "2100-01-01")
    undated.parties_on("2100-01-01")
    queries.status_counts(undated, ["2100-01-01"])
    assert _stale(caught) == []


def test_the_warning_is_a_user_warning() -> None:
    assert issubclass(StaleDataWarning, UserWarning)
    assert not issubclass(StaleDataWarning, apmbc.ApmbcError)
    reset_stale_warnings()
    with warnings.catch_warnings():
        warnings.simplefilter("error", StaleDataWarning)
        with pytest.raises(StaleDataWarning, match="the as-of date of data factory"):
            world().parties_on(AFTER)
    reset_stale_warnings()


@pytest.mark.parametrize(
    ("as_of", "day", "expected"),
    [
        (None, dt.date(2100, 1, 1), None),
        (AS_OF, AS_OF, None),
        (AS_OF, dt.date(1990, 1, 1), None),
        (AS_OF, AFTER, MESSAGE),
    ],
)
def test_stale_message(as_of: dt.date | None, day: dt.date, expected: str | None) -> None:
    assert stale_message(metadata(as_of=as_of), day) == expected


def test_bundled_data_warns_after_its_as_of_date(caught: list[warnings.WarningMessage]) -> None:
    as_of = apmbc.load().metadata.as_of
    assert as_of is not None
    apmbc.load().parties_on(as_of)
    assert _stale(caught) == []
    apmbc.load().parties_on(as_of + dt.timedelta(days=1))
    assert len(_stale(caught)) == 1 and f"after {as_of.isoformat()}," in _stale(caught)[0]


def test_apmbc_data_is_not_read_at_import(tmp_path: Path) -> None:
    # A process that sets the variable after importing apmbc still reads the file.
    path = write_world(tmp_path / "world.json")
    code = (
        "import os, apmbc; os.environ['APMBC_DATA'] = os.environ.pop('LATER'); "
        "print(apmbc.load().metadata.data_version)"
    )
    env = {**os.environ, "LATER": str(path)}
    env.pop(DATA_ENV, None)
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == "factory\n"
