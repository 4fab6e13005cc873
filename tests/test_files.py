"""The one file layer (apmbc.io._files): reading with located errors, writing atomically."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

import apmbc
from apmbc.errors import ArgumentTypeError, ParseError, WriteError
from apmbc.io._files import atomic_writer, open_text, read_text, write_atomic


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def umask_022() -> object:
    old = os.umask(0o022)
    yield
    os.umask(old)


# -- reading -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "line", "column", "words"),
    [
        ("ok\nfine ÿ\n".encode("latin-1"), 2, 6, "not UTF-8: byte 0xff"),
        (b"ab\ncd\x00ef", 2, 3, "NUL byte"),
        ("hello".encode("utf-16"), 1, None, "is UTF-16 text"),
        ("hello".encode("utf-32"), 1, None, "is UTF-32 text"),
    ],
)
def test_bad_text_is_located(
    tmp_path: Path, data: bytes, line: int, column: int | None, words: str
) -> None:
    path = tmp_path / "page.txt"
    path.write_bytes(data)
    with pytest.raises(ParseError) as caught:
        read_text(path, max_bytes=1000, what="page")
    assert (caught.value.source, caught.value.line, caught.value.column) == (
        str(path),
        line,
        column,
    )
    assert words in caught.value.message


def test_a_utf8_byte_order_mark_is_not_text(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_bytes(b"\xef\xbb\xbfhello")
    assert read_text(path, max_bytes=100) == "hello"
    with open_text(path, max_bytes=100) as handle:
        assert handle.read() == "hello"


def test_the_size_cap_holds_for_files_and_endless_streams(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"x" * 101)
    with pytest.raises(ParseError, match="larger than 100 bytes"):
        read_text(path, max_bytes=100)
    with pytest.raises(ParseError, match="larger than 1,000 bytes"):
        read_text("/dev/zero", max_bytes=1000)
    with (
        pytest.raises(ParseError, match="larger than 100 bytes"),
        open_text(path, max_bytes=100) as h,
    ):
        h.read()


def test_open_text_locates_a_bad_byte_met_while_streaming(tmp_path: Path) -> None:
    path = tmp_path / "votes.csv"
    path.write_bytes(b"a,b\n" * 50_000 + b"c,\xe9\n")
    with pytest.raises(ParseError) as caught, open_text(path, max_bytes=10**7, what="CSV") as h:
        for _ in h:
            pass
    assert (caught.value.line, caught.value.column) == (50_001, 3)


def test_unreadable_paths_are_parse_errors_and_wrong_types_type_errors(tmp_path: Path) -> None:
    with pytest.raises(ParseError, match="cannot read the page: No such file"):
        read_text(tmp_path / "missing", max_bytes=10, what="page")
    with pytest.raises(ParseError, match="is a folder, not a page"):
        read_text(tmp_path, max_bytes=10, what="page")
    for wrong in (None, 3, b"bytes.txt"):
        with pytest.raises(ArgumentTypeError, match="must be a path"):
            read_text(wrong, max_bytes=10)


# -- writing -------------------------------------------------------------------------------------


def test_a_new_file_gets_the_umask_mode(tmp_path: Path, umask_022: object) -> None:
    target = tmp_path / "votes.csv"
    apmbc.export(apmbc.load(), "resolutions", target)
    assert _mode(target) == 0o644


def test_an_overwritten_file_keeps_its_mode(tmp_path: Path, umask_022: object) -> None:
    target = tmp_path / "shared.csv"
    target.write_text("old")
    target.chmod(0o664)
    apmbc.export(apmbc.load(), "resolutions", target)
    assert _mode(target) == 0o664
    assert target.read_text().startswith("session,")


def test_a_failed_write_keeps_the_old_file_and_leaves_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    target.write_text("old")

    class Boom(Exception):
        pass

    def half_write() -> None:
        with atomic_writer(target) as handle:
            handle.write(b"half")
            raise Boom

    with pytest.raises(Boom):
        half_write()
    assert target.read_text() == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.txt"]


def test_a_symlink_is_written_through(tmp_path: Path) -> None:
    real = tmp_path / "real.txt"
    real.write_text("old")
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    write_atomic(link, "new")
    assert link.is_symlink()
    assert real.read_text() == "new"


def test_a_device_is_written_to_never_replaced(tmp_path: Path) -> None:
    before = os.stat("/dev/null")
    write_atomic("/dev/null", "nothing")
    after = os.stat("/dev/null")
    assert stat.S_ISCHR(after.st_mode)
    assert (before.st_ino, before.st_mode) == (after.st_ino, after.st_mode)


def test_a_fifo_gets_the_data(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
    try:
        write_atomic(fifo, "through the pipe")
        assert os.read(reader, 100) == b"through the pipe"
    finally:
        os.close(reader)
    assert stat.S_ISFIFO(fifo.stat().st_mode)


def test_folders_and_missing_folders_are_named(tmp_path: Path) -> None:
    with pytest.raises(WriteError, match="is a folder or ends with /"):
        write_atomic(tmp_path, "x")
    with pytest.raises(WriteError, match="is a folder or ends with /"):
        write_atomic(f"{tmp_path}/new/", "x")
    missing = tmp_path / "no" / "such" / "file.csv"
    with pytest.raises(WriteError) as caught:
        write_atomic(missing, "x")
    assert (
        str(caught.value) == f"cannot write {missing}: the folder {missing.parent} does not exist"
    )
    assert isinstance(caught.value, OSError)
    assert ".tmp" not in str(caught.value)


def test_a_long_legal_file_name_can_be_written(tmp_path: Path) -> None:
    target = tmp_path / ("v" * 246 + ".csv")  # 250 characters: within NAME_MAX (255)
    write_atomic(target, "x")
    assert target.read_text() == "x"
