"""The command line used carelessly or with hostility: closed streams, readers that go away,
signals, huge option values, files that are not files, text with terminal controls. No
traceback, ever; exit 0, 1, 2, 130 (Ctrl-C), 141 (a closed pipe) or 143 (SIGTERM).

Processes are waited for with generous deadlines (a guard, never a timing): a command that
hangs fails the test.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import stat
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest
from test_bad_inputs import call_with_guard

import apmbc
from apmbc.cli import main

SRC = str(Path(apmbc.__file__).resolve().parent.parent)  # the tree under test
DEADLINE = 120.0
"""Seconds a subprocess may take before the test calls it hung (a correct one takes one)."""


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
    env["PYTHONPATH"] = SRC + os.pathsep + env.get("PYTHONPATH", "")
    env.update(extra)
    return env


def _sh(command: str, **extra: str) -> subprocess.CompletedProcess[bytes]:
    """Run ``command`` in sh with ``$APMBC`` the command line."""
    env = _env(APMBC=f"{sys.executable} -m apmbc", **extra)
    return subprocess.run(
        ["sh", "-c", command], capture_output=True, env=env, timeout=DEADLINE, check=False
    )


def _no_traceback(result: subprocess.CompletedProcess[bytes]) -> None:
    assert b"Traceback" not in result.stderr, result.stderr.decode(errors="replace")
    assert b"Traceback" not in result.stdout


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


# -- closed streams ------------------------------------------------------------------------------


def test_a_closed_stdout_is_an_error_of_one_line() -> None:
    result = _sh("exec $APMBC state Cuba >&-")
    _no_traceback(result)
    assert result.returncode == 2
    assert result.stderr.decode() == "apmbc: cannot write the output: standard output is closed\n"


def test_a_closed_stdout_does_not_stop_a_command_that_writes_a_file(tmp_path: Path) -> None:
    target = tmp_path / "votes.csv"
    result = _sh(f"exec $APMBC export votes -o '{target}' >&-")
    _no_traceback(result)
    assert result.returncode == 0
    assert target.read_text(encoding="utf-8").startswith("state,")


@pytest.mark.parametrize(
    ("argv", "status"),
    [("state Cubaa", 1), ("state", 2), ("--data /nonexistent.json state Cuba", 2)],
)
def test_a_closed_stderr_keeps_the_exit_status(argv: str, status: int) -> None:
    result = _sh(f"exec $APMBC {argv} 2>&-")
    assert result.returncode == status
    assert result.stdout == b""  # not even the usage message


# -- readers that go away ------------------------------------------------------------------------


@pytest.mark.parametrize("unbuffered", ["", "1"], ids=["buffered", "unbuffered"])
@pytest.mark.parametrize("argv", [["export", "votes"], ["export", "votes", "--json"]])
def test_a_reader_gone_mid_table_gives_141(argv: list[str], unbuffered: str) -> None:
    env = _env(PYTHONUNBUFFERED=unbuffered) if unbuffered else _env()
    proc = subprocess.Popen(
        [sys.executable, "-m", "apmbc", *argv],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    assert proc.stdout is not None and proc.stderr is not None
    head = proc.stdout.read(100)  # like `| head -c 100`: the table is far longer
    proc.stdout.close()
    err = proc.stderr.read()
    proc.stderr.close()
    assert proc.wait(DEADLINE) == 141
    assert head.startswith((b"state,", b"["))
    assert err == b""


# -- signals -------------------------------------------------------------------------------------

_SLOW_WRITE = textwrap.dedent(
    """
    import os, sys, time
    import apmbc.io._files as files

    def slow_fsync(fd):
        sys.stderr.write("writing\\n")
        sys.stderr.flush()
        time.sleep(300)

    files.os.fsync = slow_fsync
    from apmbc.cli import main
    sys.exit(main(sys.argv[1:]))
    """
)


def test_sigterm_during_a_write_leaves_the_old_file_and_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "votes.csv"
    target.write_text("old\n", encoding="utf-8")
    proc = subprocess.Popen(
        [sys.executable, "-c", _SLOW_WRITE, "export", "votes", "-o", str(target)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=_env(),
    )
    assert proc.stderr is not None
    line = call_with_guard(lambda: proc.stderr.readline(), DEADLINE)  # type: ignore[union-attr]
    assert line is None
    assert any(p.name.startswith(".apmbc-") for p in tmp_path.iterdir())  # mid-write
    proc.send_signal(signal.SIGTERM)
    assert proc.wait(DEADLINE) == 143
    err = proc.stderr.read().decode()
    assert "Traceback" not in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["votes.csv"]
    assert target.read_text(encoding="utf-8") == "old\n"


_INTERRUPTED_IMPORT = textwrap.dedent(
    """
    import sys

    class Interrupt:
        def find_spec(self, name, path=None, target=None):
            if name == "apmbc.cli._main":
                raise KeyboardInterrupt
            return None

    sys.meta_path.insert(0, Interrupt())
    {start}
    """
)


@pytest.mark.parametrize(
    "start",
    [
        "import runpy; runpy.run_module('apmbc', run_name='__main__')",
        "from apmbc.cli import main; sys.exit(main())",  # what the console script does
    ],
    ids=["python -m apmbc", "console script"],
)
def test_ctrl_c_during_start_up_imports_gives_130(start: str) -> None:
    code = _INTERRUPTED_IMPORT.format(start=start)
    result = subprocess.run(
        [sys.executable, "-c", code, "state", "Cuba"],
        capture_output=True,
        env=_env(),
        timeout=DEADLINE,
        check=False,
    )
    _no_traceback(result)
    assert result.returncode == 130
    assert result.stderr == b""


def test_ctrl_c_and_sigterm_in_process(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from apmbc.cli import _commands

    def interrupted(*args: object) -> int:
        raise KeyboardInterrupt

    def terminated(*args: object) -> int:
        os.kill(os.getpid(), signal.SIGTERM)
        return 0

    def survive(signum: int, frame: object) -> None:  # without main's handler: not killed
        pass

    monkeypatch.setattr(_commands, "state", interrupted)
    assert run(capsys, "state", "Cuba") == (130, "", "")
    monkeypatch.setattr(_commands, "state", terminated)
    before = signal.signal(signal.SIGTERM, survive)
    try:
        assert run(capsys, "state", "Cuba") == (143, "", "")
        assert signal.getsignal(signal.SIGTERM) is survive  # main() puts the handler back
    finally:
        signal.signal(signal.SIGTERM, before)


# -- option values -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["plot", "parties", "-o", "p.png", "--dpi", "100000"], "--dpi: 100000 is not"),
        (["plot", "parties", "-o", "p.png", "--dpi", "9" * 400], "--dpi: 99999"),
        (["plot", "parties", "-o", "p.png", "--dpi", "9" * 5000], "--dpi: 99999"),
        (["plot", "parties", "-o", "p.png", "--dpi", "1e3"], "--dpi: '1e3' is not"),
        (["votes", "--session", "9" * 5000], "--session: 99999"),
        (["votes", "--session", "0"], "there is no General Assembly session 0"),
        (["votes", "--session", "-1945"], "there is no General Assembly session -1945"),
        (["status-on", "9" * 5000], "invalid date '99999"),
        (["status-on", "2022-13-01"], "invalid date '2022-13-01'"),
        (["state", "x" * 100_000], "unknown State 'xxxx"),
    ],
)
def test_option_values_are_bounded_with_a_short_message(
    argv: list[str], words: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    argv = [str(tmp_path / a) if a == "p.png" else a for a in argv]
    status, out, err = run(capsys, *argv)
    assert status in (1, 2)
    assert out == ""
    last = err.strip().splitlines()[-1]
    assert words in last
    assert len(last) < 300
    assert "Traceback" not in err


@pytest.mark.parametrize(
    "error",
    [MemoryError(), OverflowError("date value out of range"), RuntimeError("a bug"), KeyError("x")],
    ids=lambda e: type(e).__name__,
)
def test_an_unexpected_error_is_one_line(
    error: BaseException, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from apmbc.cli import _commands

    def fail(*args: object) -> int:
        raise error

    monkeypatch.setattr(_commands, "state", fail)
    status, out, err = run(capsys, "state", "Cuba")
    assert status == 2
    assert out == ""
    assert err.startswith("apmbc: ") and err.count("\n") == 1


# -- files that are not files --------------------------------------------------------------------


class FifoReader:
    """A FIFO with a thread reading everything written to it."""

    def __init__(self, path: Path) -> None:
        self.path = path
        os.mkfifo(path)
        self._got: list[bytes] = []
        self._thread = threading.Thread(target=self._read, daemon=True)
        self._thread.start()

    def _read(self) -> None:
        with open(self.path, "rb") as handle:
            self._got.append(handle.read())

    def data(self) -> bytes:
        self._thread.join(DEADLINE)
        assert not self._thread.is_alive(), "the writer never closed the FIFO"
        return b"".join(self._got)


def test_export_writes_into_a_fifo(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    fifo = FifoReader(tmp_path / "pipe")
    assert call_with_guard(lambda: main(["export", "resolutions", "-o", str(fifo.path)])) is None
    assert fifo.data().startswith(b"session,forum,")
    assert stat.S_ISFIFO(fifo.path.stat().st_mode)
    capsys.readouterr()


def test_plot_into_a_fifo_without_a_suffix_is_not_redirected(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pytest.importorskip("matplotlib", reason="matplotlib is not installed (apmbc[plot])")
    fifo = FifoReader(tmp_path / "pipe")
    status, out, _ = run(capsys, "plot", "parties", "-o", str(fifo.path), "--dpi", "20")
    if status != 0 or Path(f"{fifo.path}.png").exists():  # release the reader, then fail
        with open(fifo.path, "wb"):
            pass
    assert (status, out) == (0, f"wrote {fifo.path}\n")
    assert fifo.data().startswith(b"\x89PNG")
    assert not Path(f"{fifo.path}.png").exists()


def test_a_socket_target_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "s.sock"
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(str(path))
    try:
        status, _, err = run(capsys, "export", "votes", "-o", str(path))
    finally:
        server.close()
    assert status == 2
    assert err.startswith(f"apmbc: cannot write {path}: ") and err.count("\n") == 1
    assert stat.S_ISSOCK(path.stat().st_mode)


def test_a_symlink_is_written_through_by_every_writer(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    writers = [["export", "votes"], ["export", "votes", "--json"]]
    try:
        import matplotlib  # noqa: F401
    except ImportError:
        pass
    else:
        writers.append(["plot", "parties", "--dpi", "20"])
    for i, argv in enumerate(writers):
        real = tmp_path / f"real{i}.png"
        real.write_text("old")
        link = tmp_path / f"link{i}.png"
        link.symlink_to(real)
        status, _, _ = run(capsys, *argv, "-o", str(link))
        assert status == 0, argv
        assert link.is_symlink() and real.read_bytes() != b"old", argv
    apmbc.dump_json(apmbc.load(), tmp_path / "link0.png")
    assert (tmp_path / "link0.png").is_symlink()
    apmbc.write_undl_csv(apmbc.load(), tmp_path / "link1.png")
    assert (tmp_path / "link1.png").is_symlink()


def test_modes_through_the_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    old = os.umask(0o027)
    try:
        new = tmp_path / "new.csv"
        assert run(capsys, "export", "states", "-o", str(new))[0] == 0
        assert stat.S_IMODE(new.stat().st_mode) == 0o640
        shared = tmp_path / "shared.csv"
        shared.write_text("old")
        shared.chmod(0o664)
        assert run(capsys, "export", "states", "-o", str(shared))[0] == 0
        assert stat.S_IMODE(shared.stat().st_mode) == 0o664
    finally:
        os.umask(old)


def test_long_names_folders_and_failures_name_the_target(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    long_name = tmp_path / ("v" * 246 + ".csv")  # 250 characters
    assert run(capsys, "export", "votes", "-o", str(long_name))[0] == 0
    assert long_name.read_text(encoding="utf-8").startswith("state,")
    status, _, err = run(capsys, "export", "votes", "-o", f"{tmp_path}/")
    assert status == 2 and "is a folder or ends with /" in err
    status, _, err = run(capsys, "export", "votes", "-o", str(tmp_path))
    assert status == 2 and "is a folder or ends with /" in err

    def no_space(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", no_space)
    target = tmp_path / "full.csv"
    status, _, err = run(capsys, "export", "votes", "-o", str(target))
    assert status == 2
    assert err == f"apmbc: cannot write {target}: No space left on device\n"
    assert ".tmp" not in err and not list(tmp_path.glob(".apmbc-*"))


def test_plot_reports_the_path_it_wrote(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("matplotlib", reason="matplotlib is not installed (apmbc[plot])")
    monkeypatch.chdir(tmp_path)
    status, out, _ = run(capsys, "plot", "parties", "-o", "nosuffix", "--dpi", "20")
    assert (status, out) == (0, "wrote nosuffix.png\n")
    assert (tmp_path / "nosuffix.png").read_bytes().startswith(b"\x89PNG")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["nosuffix.png"]


def test_the_un_csv_writer_syncs_to_disk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import apmbc.io._files as files

    synced: list[int] = []
    real = os.fsync
    monkeypatch.setattr(files.os, "fsync", lambda fd: synced.append(fd) or real(fd))
    apmbc.write_undl_csv(apmbc.load(), tmp_path / "votes.csv")
    assert len(synced) == 1


def test_validate_of_a_fifo_does_not_wait(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    error = call_with_guard(lambda: main(["validate", str(fifo)]))
    assert error is None
    out, _ = capsys.readouterr()
    assert "not a regular file (a FIFO)" in out


def test_data_from_standard_input_still_works(tmp_path: Path) -> None:
    state = apmbc.State(code="AAA", name="Alpha")
    text = apmbc.dumps_json(
        apmbc.Dataset(metadata=apmbc.Metadata(data_version="t"), states=[state])
    )
    result = subprocess.run(
        [sys.executable, "-m", "apmbc", "--data", "/dev/stdin", "state", "AAA", "--json"],
        input=text.encode("utf-8"),
        capture_output=True,
        env=_env(),
        timeout=DEADLINE,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["code"] == "AAA"


# -- text from data files ------------------------------------------------------------------------

EVIL = "Evil\x1b[2J\x1b]0;owned\x07Land\x9b31m\x7f\u202eeno"


def _evil_data(tmp_path: Path) -> Path:
    state = apmbc.State(code="EVL", name=EVIL, aliases=(f"alias {EVIL}",))
    statement = apmbc.Statement(
        state="EVL", context=apmbc.StatementContext.EXPLANATION_OF_VOTE, text=f"We {EVIL} said"
    )
    meeting = apmbc.Meeting(code="1MSP", kind=apmbc.MeetingKind.MSP, name=f"Meeting {EVIL}")
    ds = apmbc.Dataset(
        metadata=apmbc.Metadata(data_version="t"),
        states=[state],
        statements=[statement],
        meetings=[meeting],
    )
    path = tmp_path / "evil.json"
    apmbc.dump_json(ds, path)
    return path


@pytest.mark.parametrize(
    "argv",
    [["state", "EVL"], ["meetings"], ["meeting", "1MSP"], ["status-on", "2000-01-01"]],
    ids=lambda a: a[0],
)
def test_control_characters_are_shown_escaped(
    argv: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _evil_data(tmp_path)
    status, out, _ = run(capsys, "--data", str(path), *argv)
    assert status == 0
    controls = [ch for ch in out if ch != "\n" and (ord(ch) < 32 or 0x7F <= ord(ch) < 0xA0)]
    assert controls == []
    assert "\u202e" not in out
    assert "Evil\\x1b[2J" in out


def test_json_output_escapes_c1_controls_and_stays_the_same_data(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _evil_data(tmp_path)
    status, out, _ = run(capsys, "--data", str(path), "state", "EVL", "--json")
    assert status == 0
    assert not any(0x7F <= ord(ch) < 0xA0 or ch == "\u202e" for ch in out)
    assert json.loads(out)["name"] == EVIL


def test_an_unknown_key_with_controls_is_shown_escaped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _evil_data(tmp_path)
    status, _, err = run(capsys, "--data", str(path), "state", "Nowhere\x1b[2J\x9b")
    assert status == 1
    assert "\x1b" not in err and "\x9b" not in err


def test_a_file_name_that_is_not_utf8_is_shown_escaped(tmp_path: Path) -> None:
    folder = os.fsencode(tmp_path)
    name = folder + b"/caf\xe9.json"  # Latin-1 bytes: a legal POSIX name, not UTF-8
    with open(name, "wb") as handle:
        handle.write(
            apmbc.dumps_json(apmbc.Dataset(metadata=apmbc.Metadata(data_version="t"))).encode()
        )
    for extra in ([], ["--json"]):
        result = subprocess.run(
            [
                os.fsencode(sys.executable),
                b"-m",
                b"apmbc",
                b"validate",
                name,
                b"missing\xff",
                *extra,
            ],
            capture_output=True,
            env=_env(LC_ALL="C.UTF-8"),
            timeout=DEADLINE,
            check=False,
        )
        _no_traceback(result)
        assert result.returncode == 2  # the missing file
        shown = result.stdout.decode("utf-8")  # the output is UTF-8, whatever the names
        assert "missing\\udcff" in shown
        if extra:
            assert json.loads(shown)["unreadable"][0]["path"] == "missing\udcff"


def test_an_output_file_that_fills_up_is_an_error_of_one_line(tmp_path: Path) -> None:
    out = tmp_path / "out.csv"
    for unbuffered in ("", "1"):
        # ulimit -f: the shell's output file may not grow past 50 KiB (File too large, EFBIG)
        result = _sh(
            f"ulimit -f 100; exec $APMBC export votes > '{out}'",
            **({"PYTHONUNBUFFERED": unbuffered} if unbuffered else {}),
        )
        _no_traceback(result)
        assert result.returncode == 2
        assert result.stderr.decode() == "apmbc: cannot write the output: File too large\n"
