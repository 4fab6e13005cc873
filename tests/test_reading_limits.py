"""Hostile input to the readers: endless streams, devices, FIFOs, huge files, lone surrogates,
integers beyond 64 bits. Each ends in an ``ApmbcError`` naming where, in bounded time and
memory (guarded by a thread, never timed)."""

from __future__ import annotations

import contextlib
import json
import os
import socket
import threading
import tracemalloc
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from test_bad_inputs import call_with_guard

import apmbc
from apmbc.io.recorded_vote import parse_recorded_vote, read_recorded_vote
from apmbc.validation import check_paths

READERS: dict[str, Callable[..., object]] = {
    "load_json": apmbc.load_json,
    "read_profile": apmbc.read_profile,
    "read_recorded_vote": read_recorded_vote,
    "load_voeten_csv": apmbc.load_voeten_csv,
    "load_unvotes_csv": lambda path, **kw: apmbc.load_unvotes_csv(path, path, **kw),
    "load_undl_csv": apmbc.load_undl_csv,
}
CAPPED = [name for name in READERS if name != "load_undl_csv"]
"""The readers with a ``max_bytes`` argument (the UN CSV reader is being rewritten)."""


def _refused(func: Callable[[], object]) -> apmbc.ApmbcError:
    error = call_with_guard(func)
    assert isinstance(error, apmbc.ApmbcError), repr(error)
    return error


# -- devices, endless streams, huge files ------------------------------------------------------


@pytest.mark.parametrize("reader", READERS)
def test_dev_zero_ends_at_once_in_a_parse_error(reader: str) -> None:
    tracemalloc.start()
    try:
        error = _refused(lambda: READERS[reader]("/dev/zero"))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert isinstance(error, apmbc.ParseError)
    assert "/dev/zero" in str(error)
    assert peak < 64 * 1024 * 1024, f"{peak:,} bytes held for /dev/zero"


@pytest.fixture
def endless_fifo(tmp_path: Path) -> Iterator[Path]:
    """A FIFO that a thread fills with valid text ('[' after '[') until the reader goes away."""
    fifo = tmp_path / "endless.json"
    os.mkfifo(fifo)
    stop = threading.Event()

    def feed() -> None:
        with open(fifo, "wb") as handle:
            try:
                while not stop.is_set():
                    handle.write(b"[" * 65536)
            except (BrokenPipeError, ValueError):
                pass

    writer = threading.Thread(target=feed, daemon=True)
    writer.start()
    yield fifo
    stop.set()
    with contextlib.suppress(OSError):  # release a writer still waiting for a reader
        os.close(os.open(fifo, os.O_RDONLY | os.O_NONBLOCK))
    writer.join(10)


@pytest.mark.parametrize("reader", CAPPED)
def test_an_endless_stream_of_text_ends_at_the_cap(reader: str, endless_fifo: Path) -> None:
    error = _refused(lambda: READERS[reader](str(endless_fifo), max_bytes=200_000))
    assert isinstance(error, apmbc.ParseError)
    assert "200,000 bytes" in str(error) or "a line longer than" in str(error)


def test_a_file_over_the_cap_is_refused_before_it_is_read(tmp_path: Path) -> None:
    huge = tmp_path / "huge.json"
    with huge.open("wb") as handle:  # sparse: 5 GiB of nothing, over the 4 GiB cap
        handle.truncate(5 * 1024**3)
    tracemalloc.start()
    try:
        error = _refused(lambda: apmbc.load_json(huge))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert "larger than 4,294,967,296 bytes" in str(error)
    assert peak < 16 * 1024 * 1024


@pytest.mark.parametrize("reader", CAPPED)
def test_max_bytes_is_an_argument(reader: str, tmp_path: Path) -> None:
    path = tmp_path / "small.txt"
    path.write_text("x" * 1000, encoding="utf-8")
    with pytest.raises(apmbc.ParseError, match="larger than 100 bytes"):
        READERS[reader](str(path), max_bytes=100)
    with pytest.raises(apmbc.ArgumentTypeError, match="max_bytes"):
        READERS[reader](str(path), max_bytes="100")
    with pytest.raises(apmbc.ArgumentError, match="max_bytes"):
        READERS[reader](str(path), max_bytes=0)


def test_load_json_of_a_binary_stream_has_the_cap_too() -> None:
    import io

    with pytest.raises(apmbc.ParseError, match="larger than 10 bytes"):
        apmbc.load_json(io.BytesIO(b"{" + b" " * 100 + b"}"), max_bytes=10)


# -- lone surrogates ---------------------------------------------------------------------------

META = '{"metadata": {"data_version": "x"}, '


@pytest.mark.parametrize(
    ("text", "path"),
    [
        ('{"metadata": {"data_version": "\\udcff"}}', "metadata.data_version"),
        (META + '"states": [{"code": "AAA", "name": "A\\ud800"}]}', "states[0].name"),
        (
            META + '"states": [{"code": "AAA", "name": "A", "aliases": ["\\uDFFF"]}]}',
            "states[0].aliases[0]",
        ),
        (META + '"states": [{"code": "AAA", "name": "A", "\\udcff": 1}]}', "states[0].'\\udcff'"),
    ],
)
def test_an_escaped_lone_surrogate_is_refused_with_its_path(text: str, path: str) -> None:
    with pytest.raises(apmbc.DataValidationError) as caught:
        apmbc.loads_json(text, source="in.json")
    (problem,) = caught.value.problems
    assert path in problem.path
    assert "lone surrogate" in problem.message


def test_an_escaped_surrogate_pair_is_a_character() -> None:
    ds = apmbc.loads_json('{"metadata": {"data_version": "\\ud83d\\ude00"}}')
    assert ds.metadata.data_version == "\U0001f600"


def test_a_lone_surrogate_in_text_is_refused_with_its_line() -> None:
    text = '{\n  "metadata": {"data_version": "a\udcffb"}}'
    with pytest.raises(apmbc.ParseError) as caught:
        apmbc.loads_json(text, source="in.json")
    assert (caught.value.line, caught.value.column) == (2, 34)
    assert "lone surrogate U+DCFF" in str(caught.value)


@pytest.mark.parametrize(
    "parse", [apmbc.parse_profile, parse_recorded_vote], ids=["profile", "recorded_vote"]
)
def test_a_parsed_page_with_a_lone_surrogate_is_refused_with_its_line(
    parse: Callable[[str], object],
) -> None:
    page = (
        "Cubalia\nThe State not party most recently has voted as follows,\n"
        "• Abstained - 2021 \udcff\n"
    )
    with pytest.raises(apmbc.ParseError) as caught:
        parse(page)
    assert caught.value.line == 3
    assert "lone surrogate" in str(caught.value)


def test_a_record_with_a_lone_surrogate_is_not_written(tmp_path: Path) -> None:
    ds = apmbc.Dataset(
        metadata=apmbc.Metadata(data_version="t"),
        states=[apmbc.State(code="AAA", name="ok"), apmbc.State(code="BBB", name="B\udcff")],
    )
    target = tmp_path / "out.json"
    with pytest.raises(apmbc.DataValidationError) as caught:
        apmbc.dump_json(ds, target)
    assert [p.path for p in caught.value.problems] == ["states[1].name"]
    assert list(tmp_path.iterdir()) == []
    with pytest.raises(apmbc.DataValidationError, match=r"states\[1\]\.name"):
        apmbc.dumps_json(ds)


# -- integers beyond 64 bits -------------------------------------------------------------------


@pytest.mark.parametrize("value", [2**63, -(2**63) - 1, 10**30])
def test_an_integer_beyond_64_bits_is_refused_with_its_path(value: int) -> None:
    text = META + json.dumps({"resolutions": [{"session": value, "forum": "plenary"}]})[1:]
    with pytest.raises(apmbc.DataValidationError) as caught:
        apmbc.loads_json(text)
    (problem,) = caught.value.problems
    assert problem.path == "resolutions[0].session"
    assert "out of range" in problem.message
    with pytest.raises(apmbc.DataValidationError, match="out of range"):
        apmbc.from_dict({"code": "AAA", "name": "A", "m49": value}, apmbc.State)


def test_the_edges_of_64_bits_are_accepted() -> None:
    for value in (2**63 - 1, -(2**63)):
        assert apmbc.from_dict({"code": "A", "name": "A", "m49": value}, apmbc.State).m49 == value


# -- apmbc validate PATH... --------------------------------------------------------------------


def test_validate_refuses_what_is_not_a_regular_file(tmp_path: Path) -> None:
    good = tmp_path / "good.json"
    apmbc.dump_json(apmbc.Dataset(metadata=apmbc.Metadata(data_version="t")), good)
    fifo = tmp_path / "fifo.json"
    os.mkfifo(fifo)  # nobody writes: opening it to read would wait for ever
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    sock = tmp_path / "s.sock"
    server.bind(str(sock))
    (tmp_path / "folder").mkdir()
    (tmp_path / "to-zero").symlink_to("/dev/zero")
    (tmp_path / "dangling").symlink_to(tmp_path / "nowhere")
    (tmp_path / "loop").symlink_to(tmp_path / "loop")
    try:
        paths = sorted(str(p) for p in tmp_path.iterdir())  # what `apmbc validate *` is given
        result = call_with_guard(lambda: check_paths(paths))
        assert result is None
        report = check_paths(paths)
    finally:
        server.close()
    assert report.exit_code == 2
    unreadable = {os.path.basename(f.path): f.message for f in report.unreadable}
    assert set(unreadable) == {"fifo.json", "s.sock", "folder", "to-zero", "dangling", "loop"}
    assert "not a regular file (a FIFO)" in unreadable["fifo.json"]
    assert "not a regular file (a socket)" in unreadable["s.sock"]
    assert "not a regular file (a device)" in unreadable["to-zero"]
    assert "a folder" in unreadable["folder"]
    assert good.name not in unreadable


def test_check_paths_wants_a_list_of_paths() -> None:
    with pytest.raises(apmbc.ArgumentTypeError, match=r"for one file, \[path\]"):
        check_paths("data.json")  # type: ignore[arg-type]
    with pytest.raises(apmbc.ArgumentTypeError, match="must be a path"):
        check_paths([None])  # type: ignore[list-item]
