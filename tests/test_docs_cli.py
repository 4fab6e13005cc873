"""The documentation's command-line examples run, and print what the pages show.

Every fenced block of ``docs/**/*.md`` and ``README.md`` (other than a Python one) that holds a
line starting with ``$ `` is a terminal session. Its ``$`` lines are commands; the lines after a
command, up to the next ``$`` line or the end of the block, are what the terminal shows: standard
output and standard error together, in the order they were written. The rules (docs/cli.md,
"How the examples are checked", says the same for the people who write the pages):

- A command is ``apmbc ...``, optionally after ``NAME=value`` settings of the environment
  (``APMBC_DATA=full.json apmbc info``), and with a ``# comment`` at the end if need be. It runs
  in this process through :func:`apmbc.cli.main`; a command that needs a shell (a pipe such as
  ``| head -n 2``, a redirection, ``$VAR``, a wildcard) runs with ``sh -c``, where ``apmbc`` is
  this Python's ``python -m apmbc`` on the source tree under test.
- ``$ echo $?`` shows the exit status of the command before it; any other command that is not
  ``apmbc`` makes the block an error (put it in a block of its own, marked as not run).
- The output is compared line by line, exactly, but for trailing spaces and trailing blank
  lines. A line ``...`` (alone, indented or not) stands for any number of lines, so that a long
  output can be shown cut.
- A last line ``[exit N]`` says the command exits with status ``N``; without it (and without an
  ``echo $?`` after it) the status must be 0.
- The blocks of one page run in order, in one temporary folder of their own: a file one example
  writes (``apmbc export all -o apmbc-data``) is there for the next.
- HTML comments on the lines just before a block, invisible on the rendered page, say more:
  ``<!-- cli-test: skip REASON -->`` (the block is not run; the reason is required),
  ``<!-- cli-test: needs MODULE -->`` (not run, and the test skipped, when the module is not
  installed), ``<!-- cli-test: without MODULE -->`` (run as if the module were not installed),
  and ``<!-- cli-test: setup`` followed by lines of Python and ``-->`` (run in the page's folder
  before the block, in one namespace per page, to make the files the example reads).
- A line of a page that starts with ``$ apmbc`` (or ``$ NAME=value apmbc``) anywhere else, where
  these rules would not find it (an indented code block, a block of another kind), fails the
  page: every example is run or marked with the reason it is not.
"""

from __future__ import annotations

import contextlib
import difflib
import importlib.util
import io
import os
import re
import shlex
import subprocess
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import attrs
import pytest

import apmbc
from apmbc.cli import main

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
if not DOCS.is_dir():
    pytest.skip(
        "not in a source checkout: docs/ is absent (the tests run against an installed wheel)",
        allow_module_level=True,
    )
PAGES = sorted(p for p in DOCS.rglob("*.md") if "_build" not in p.relative_to(DOCS).parts)
PAGES.append(ROOT / "README.md")

_FENCE = re.compile(r"^(?P<indent> {0,3})(?P<fence>`{3,}|~{3,})(?P<info>[^`\n]*)$")
_PYTHON = frozenset({"python", "py", "pycon", "python3", "ipython"})
_PROMPT = re.compile(r"^\$(?: (?P<command>.*))?$")
_ELISION = "..."
_EXIT = re.compile(r"^\[exit (?P<status>\d{1,3})\]$")
_ASSIGNMENT = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,63}=")
_MARKER = "cli-test"
_DIRECTIVE = re.compile(
    r"^cli-test(?::\s*|\s+)(?P<verb>skip|needs|without|setup)\b(?P<rest>.*)$", re.S
)
_APMBC_LINE = re.compile(
    r"^\s{0,40}\$\s{1,10}(?:[A-Za-z_][A-Za-z0-9_]{0,63}=\S{0,300}\s{1,10}){0,8}apmbc\b"
)
"""A line that looks like an ``apmbc`` command at a prompt, wherever it stands in a page."""
_SHELL_CHARS = frozenset("|&;<>()$`*?[{~\\")
_STATUS_ECHO = "echo $?"
_TIMEOUT = 300


class PageError(Exception):
    """A page whose examples cannot be read as the rules say (names the page and line)."""


@attrs.frozen
class Command:
    """One ``$`` line of a block and the terminal output the page shows after it."""

    line: int
    """The line of the page (1-based) holding the command."""
    text: str
    expected: tuple[str, ...]
    status: int
    """The exit status the page shows (``[exit N]`` or a following ``echo $?``), else 0."""


@attrs.frozen
class Example:
    """One terminal-session block of a page, with its markers."""

    path: Path
    line: int
    """The line of the page (1-based) of the block's opening fence."""
    commands: tuple[Command, ...]
    skip: str | None = None
    needs: tuple[str, ...] = ()
    without: tuple[str, ...] = ()
    setup: str | None = None
    setup_line: int = 0

    @property
    def where(self) -> str:
        return f"{_shown(self.path)}:{self.line}"


def _shown(path: Path) -> str:
    try:
        return str(path.relative_to(ROOT))
    except ValueError:
        return path.name


@attrs.frozen
class _Comment:
    first: int
    last: int
    text: str


def _comments(lines: Sequence[str]) -> dict[int, _Comment]:
    """The HTML comments of a page that stand on lines of their own, by their last line."""
    found: dict[int, _Comment] = {}
    i = 0
    while i < len(lines):
        stripped = lines[i].strip()
        if not stripped.startswith("<!--"):
            i += 1
            continue
        first, body = i, [stripped[4:]]
        while "-->" not in body[-1] and i + 1 < len(lines):
            i += 1
            body.append(lines[i])
        text = "\n".join(body)
        end = text.find("-->")
        if end >= 0 and not text[end + 3 :].strip():
            found[i] = _Comment(first, i, text[:end])
        i += 1
    return found


def _markers(comments: dict[int, _Comment]) -> dict[int, _Comment]:
    """The comments that speak to this test (``<!-- cli-test ...``), by their last line."""
    return {at: c for at, c in comments.items() if c.text.strip().startswith(_MARKER)}


def _directives(
    path: Path, comments: dict[int, _Comment], fence: int, used: set[int]
) -> tuple[dict[str, str], int]:
    """The ``cli-test`` comments on the lines just before the fence at index ``fence`` (their
    last lines are added to ``used``)."""
    out: dict[str, str] = {}
    setup_line = 0
    at = fence - 1
    while at in comments:
        comment = comments[at]
        match = _DIRECTIVE.match(comment.text.strip())
        if comment.text.strip().startswith(_MARKER):
            used.add(at)
            if match is None:
                raise PageError(
                    f"{_shown(path)}:{comment.first + 1}: not a cli-test marker (skip REASON, "
                    "needs MODULE, without MODULE, or setup and lines of Python)"
                )
        if match is not None:
            verb, rest = match["verb"], match["rest"]
            if verb in out:
                raise PageError(f"{_shown(path)}:{comment.first + 1}: a second cli-test {verb}")
            if verb == "setup":
                # The code starts on the line after "<!-- cli-test: setup".
                code = rest.split("\n", 1)[1] if "\n" in rest else ""
                if rest.split("\n", 1)[0].strip():
                    raise PageError(
                        f"{_shown(path)}:{comment.first + 1}: the code of cli-test setup starts "
                        "on the line after it"
                    )
                out[verb] = code
                setup_line = comment.first + 2
            else:
                out[verb] = " ".join(rest.split())
        at = comment.first - 1
    return out, setup_line


def _commands(path: Path, body: Sequence[str], first: int) -> list[Command]:
    """The commands of a block's lines (``first``: the page line of ``body[0]``)."""
    commands: list[tuple[int, str, list[str]]] = []
    for offset, line in enumerate(body):
        prompt = _PROMPT.match(line)
        if prompt is not None:
            commands.append((first + offset, (prompt["command"] or "").strip(), []))
        elif commands:
            commands[-1][2].append(line.rstrip())
        elif line.strip():
            raise PageError(f"{_shown(path)}:{first + offset}: text before the first $ command")
    out: list[Command] = []
    for index, (line, text, shown) in enumerate(commands):
        if text == _STATUS_ECHO:
            continue
        while shown and not shown[-1]:
            shown.pop()
        status = 0
        if shown and (found := _EXIT.match(shown[-1].strip())) is not None:
            status = int(found["status"])
            shown.pop()
            while shown and not shown[-1]:
                shown.pop()
        elif index + 1 < len(commands) and commands[index + 1][1] == _STATUS_ECHO:
            echoed = [x for x in commands[index + 1][2] if x.strip()]
            if len(echoed) != 1 or not echoed[0].strip().isdigit():
                raise PageError(f"{_shown(path)}:{commands[index + 1][0]}: echo $? shows no status")
            status = int(echoed[0])
        out.append(Command(line, text, tuple(shown), status))
    return out


def _program(text: str) -> str | None:
    """The program a command runs (after any ``NAME=value``), or ``None`` for an empty one."""
    try:
        words = shlex.split(text, comments=True)
    except ValueError:
        return None
    for word in words:
        if not _ASSIGNMENT.match(word):
            return word
    return None


def read_page(path: Path) -> list[Example]:
    """The terminal-session blocks of a page that run ``apmbc``, in order, with their markers.

    Raises :class:`PageError` for a block that breaks the rules (text before its first command,
    a command other than ``apmbc`` and ``echo $?`` in a block to run, a skip without a reason).
    """
    lines = path.read_text(encoding="utf-8").splitlines()
    comments = _comments(lines)
    used: set[int] = set()
    found: list[Example] = []
    i = 0
    while i < len(lines):
        match = _FENCE.match(lines[i])
        if match is None:
            i += 1
            continue
        fence = match["fence"]
        words = match["info"].split()
        language = words[0].strip("{}").lower() if words else ""
        end = i + 1
        while end < len(lines) and not (
            lines[end].strip().startswith(fence) and set(lines[end].strip()) == {fence[0]}
        ):
            end += 1
        body = lines[i + 1 : end]
        start, i = i, end + 1
        if language in _PYTHON or not any(_PROMPT.match(line) for line in body):
            continue
        commands = _commands(path, body, start + 2)
        if not any(_program(c.text) == "apmbc" for c in commands):
            continue  # a session of other tools: not an apmbc example
        marks, setup_line = _directives(path, comments, start, used)
        where = f"{_shown(path)}:{start + 1}"
        if "skip" in marks and not marks["skip"]:
            raise PageError(f"{where}: cli-test skip must say why the block is not run")
        if "skip" not in marks:
            for command in commands:
                if _program(command.text) != "apmbc":
                    raise PageError(
                        f"{_shown(path)}:{command.line}: {command.text!r} is not an apmbc "
                        "command: show it in a block of its own marked <!-- cli-test: skip "
                        "REASON -->"
                    )
        found.append(
            Example(
                path=path,
                line=start + 1,
                commands=tuple(commands),
                skip=marks.get("skip"),
                needs=tuple(marks.get("needs", "").replace(",", " ").split()),
                without=tuple(marks.get("without", "").replace(",", " ").split()),
                setup=marks.get("setup"),
                setup_line=setup_line,
            )
        )
    stray = sorted(c.first + 1 for at, c in _markers(comments).items() if at not in used)
    if stray:
        raise PageError(
            f"{_shown(path)}:{stray[0]}: a cli-test marker that is not on the lines just before "
            "a block of apmbc commands"
        )
    return found


def unclaimed(path: Path, examples: Sequence[Example]) -> list[int]:
    """The lines of a page that look like ``$ apmbc ...`` and are not a command of an example
    (run or marked): examples the rules do not find, which must not go unchecked."""
    claimed = {c.line for example in examples for c in example.commands}
    lines = path.read_text(encoding="utf-8").splitlines()
    return [n for n, line in enumerate(lines, 1) if _APMBC_LINE.match(line) and n not in claimed]


# -- running -----------------------------------------------------------------------------------


def needs_shell(text: str) -> bool:
    """Whether a command needs a shell: an operator, expansion or wildcard outside quotes (or
    an expansion inside double quotes)."""
    quote = ""
    word_start = True
    for char in text:
        if quote == "'":
            quote = "" if char == "'" else quote
        elif quote == '"':
            if char == '"':
                quote = ""
            elif char in "$`\\":
                return True
        elif char in "'\"":
            quote = char
        elif char == "#" and word_start:
            return False  # the rest is a comment
        elif char in _SHELL_CHARS:
            return True
        word_start = char.isspace()
    return False


@attrs.frozen
class Outcome:
    """What a command printed (stdout and stderr as a terminal shows them) and its status."""

    output: str
    status: int


class _Terminal(io.StringIO):
    """Standard output and standard error in one, in the order written."""

    encoding = "utf-8"

    def isatty(self) -> bool:
        return False


_BASE_ENV = {"COLUMNS": "80", "LINES": "24", "MPLBACKEND": "Agg", "PYTHONIOENCODING": "utf-8"}
_UNSET = ("APMBC_DATA",)


@contextlib.contextmanager
def _environment(settings: dict[str, str]) -> Iterator[None]:
    saved = dict(os.environ)
    try:
        for name in _UNSET:
            os.environ.pop(name, None)
        os.environ.update(_BASE_ENV)
        os.environ.update(settings)
        yield
    finally:
        os.environ.clear()
        os.environ.update(saved)


@contextlib.contextmanager
def _folder(path: Path) -> Iterator[None]:
    before = os.getcwd()
    os.chdir(path)
    try:
        yield
    finally:
        os.chdir(before)


@contextlib.contextmanager
def _hidden(modules: Sequence[str]) -> Iterator[None]:
    """``import MODULE`` fails (an ``ImportError``) while the block runs."""
    saved = {name: sys.modules.get(name) for name in modules}
    try:
        for name in modules:
            sys.modules[name] = None  # type: ignore[assignment]
        yield
    finally:
        for name, module in saved.items():
            if module is None:
                sys.modules.pop(name, None)
            else:
                sys.modules[name] = module


def _in_process(argv: list[str], settings: dict[str, str], folder: Path) -> Outcome:
    terminal = _Terminal()
    with _folder(folder), _environment(settings):
        old = sys.stdout, sys.stderr, sys.stdin
        sys.stdout = sys.stderr = terminal
        sys.stdin = io.StringIO("")
        try:
            status = main(argv)
        finally:
            sys.stdout, sys.stderr, sys.stdin = old
    return Outcome(terminal.getvalue(), status)


def _wrapper(bin_dir: Path) -> Path:
    """``bin_dir``, holding an ``apmbc`` program that runs this Python's apmbc, for ``sh -c``."""
    program = bin_dir / "apmbc"
    if not program.exists():
        bin_dir.mkdir(parents=True, exist_ok=True)
        program.write_text(
            f'#!/bin/sh\nexec {shlex.quote(sys.executable)} -m apmbc "$@"\n', encoding="utf-8"
        )
        program.chmod(0o755)
    return bin_dir


def _in_shell(text: str, folder: Path, bin_dir: Path) -> Outcome:
    source = str(Path(apmbc.__file__).resolve().parents[1])
    env = {k: v for k, v in os.environ.items() if k not in _UNSET}
    env.update(_BASE_ENV)
    env["PYTHONUNBUFFERED"] = "1"  # stdout and stderr reach the pipe in the order written
    env["PYTHONPATH"] = os.pathsep.join(p for p in (source, env.get("PYTHONPATH")) if p)
    env["PATH"] = os.pathsep.join((str(_wrapper(bin_dir)), env.get("PATH", os.defpath)))
    done = subprocess.run(
        ["sh", "-c", text],
        cwd=folder,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        timeout=_TIMEOUT,
        check=False,
    )
    return Outcome(done.stdout.decode("utf-8", "backslashreplace"), done.returncode)


def run_command(text: str, folder: Path, bin_dir: Path, without: Sequence[str] = ()) -> Outcome:
    """Run one command of an example in ``folder`` (``bin_dir``: where the shell's ``apmbc``
    program is written, if the command needs a shell)."""
    if needs_shell(text):
        if without:
            raise PageError(f"{text!r}: cli-test without works only for commands run in-process")
        return _in_shell(text, folder, bin_dir)
    words = shlex.split(text, comments=True)
    settings: dict[str, str] = {}
    while words and _ASSIGNMENT.match(words[0]):
        name, value = words.pop(0).split("=", 1)
        settings[name] = value
    assert words and words[0] == "apmbc", text
    with _hidden(without):
        return _in_process(words[1:], settings, folder)


def _lines(text: str) -> list[str]:
    out = [line.rstrip() for line in text.splitlines()]
    while out and not out[-1]:
        out.pop()
    return out


def matches(expected: Sequence[str], actual: Sequence[str]) -> bool:
    """Whether ``actual`` is ``expected``, where a line ``...`` stands for any lines."""
    parts: list[list[str]] = [[]]
    for line in expected:
        if line.strip() == _ELISION:
            parts.append([])
        else:
            parts[-1].append(line.rstrip())
    got = [line.rstrip() for line in actual]
    if len(parts) == 1:
        return parts[0] == got
    head, tail = parts[0], parts[-1]
    if len(head) + len(tail) > len(got) or got[: len(head)] != head:
        return False
    if tail and got[len(got) - len(tail) :] != tail:
        return False
    at, stop = len(head), len(got) - len(tail)
    for part in parts[1:-1]:
        if not part:
            continue
        while at + len(part) <= stop and got[at : at + len(part)] != part:
            at += 1
        if at + len(part) > stop:
            return False
        at += len(part)
    return True


def difference(command: Command, outcome: Outcome, where: str) -> str | None:
    """What is wrong with a command's outcome, as a message; ``None`` when it is as shown."""
    got = _lines(outcome.output)
    problems = []
    if outcome.status != command.status:
        problems.append(f"exit status {outcome.status}, the page shows {command.status}")
    if not matches(command.expected, got):
        diff = difflib.unified_diff(
            list(command.expected), got, "shown on the page", "printed", lineterm="", n=2
        )
        shown = list(diff)
        cut = shown[:80] + ([f"... ({len(shown) - 80} more lines)"] if len(shown) > 80 else [])
        problems.append("the output differs:\n" + "\n".join(cut))
    if not problems:
        return None
    return f"{where}: $ {command.text}\n" + "\n".join(problems)


def run_example(
    example: Example, folder: Path, bin_dir: Path, namespace: dict[str, Any]
) -> list[str]:
    """Run a block's setup and commands in ``folder``; the differences from the page."""
    if example.setup is not None:
        source = "\n" * (example.setup_line - 1) + example.setup
        with _folder(folder), _environment({}):
            exec(compile(source, str(example.path), "exec"), namespace)
    problems = []
    for command in example.commands:
        outcome = run_command(command.text, folder, bin_dir, example.without)
        where = f"{_shown(example.path)}:{command.line}"
        problem = difference(command, outcome, where)
        if problem is not None:
            problems.append(problem)
    return problems


def missing_modules(example: Example) -> list[str]:
    return [name for name in example.needs if importlib.util.find_spec(name) is None]


def check_page(path: Path, folder: Path, bin_dir: Path) -> list[str]:
    """Every difference between a page's examples and what they print, run in ``folder``; the
    unmarked lines that look like examples, and the blocks that break the rules, too."""
    try:
        examples = read_page(path)
    except PageError as exc:
        return [str(exc)]
    problems = [
        f"{_shown(path)}:{n}: an apmbc command that is neither run nor marked not run"
        for n in unclaimed(path, examples)
    ]
    namespace: dict[str, Any] = {"__name__": "__docs_cli__"}
    for example in examples:
        if example.skip is None and not missing_modules(example):
            problems += run_example(example, folder, bin_dir, namespace)
    return problems


# -- the pages ---------------------------------------------------------------------------------


class _PageRun:
    """The examples of one page, run in order in one folder, each once."""

    def __init__(self, path: Path, folder: Path, bin_dir: Path) -> None:
        self.path = path
        self.folder = folder
        self.bin_dir = bin_dir
        self.examples = read_page(path)
        self.namespace: dict[str, Any] = {"__name__": "__docs_cli__"}
        self.results: list[list[str]] = []

    def result(self, index: int) -> list[str]:
        while len(self.results) <= index:
            example = self.examples[len(self.results)]
            if example.skip is not None or missing_modules(example):
                self.results.append([])
            else:
                found = run_example(example, self.folder, self.bin_dir, self.namespace)
                self.results.append(found)
        return self.results[index]


_RUNS: dict[Path, _PageRun] = {}


def _page_run(path: Path, factory: pytest.TempPathFactory) -> _PageRun:
    if path not in _RUNS:
        _RUNS[path] = _PageRun(path, factory.mktemp(path.stem), factory.mktemp("bin"))
    return _RUNS[path]


def _cases() -> list[Any]:
    cases = []
    for page in PAGES:
        try:
            examples = read_page(page)
        except PageError:
            continue  # test_pages_follow_the_rules reports it
        for index, example in enumerate(examples):
            cases.append(pytest.param(page, index, id=example.where))
    return cases


@pytest.mark.parametrize(("page", "index"), _cases())
def test_example_prints_what_the_page_shows(
    page: Path, index: int, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """A block's commands print what the page shows, with the exit status it shows."""
    run = _page_run(page, tmp_path_factory)
    example = run.examples[index]
    if example.skip is not None:
        pytest.skip(f"marked not run: {example.skip}")
    missing = missing_modules(example)
    if missing:
        pytest.skip(f"needs {', '.join(missing)}, which is not installed")
    problems = run.result(index)
    if problems:
        pytest.fail("\n\n".join(problems), pytrace=False)


@pytest.mark.parametrize("page", PAGES, ids=lambda p: _shown(p))
def test_pages_follow_the_rules(page: Path) -> None:
    """A page's blocks can be read, and every ``$ apmbc`` line is a command of an example."""
    try:
        examples = read_page(page)
    except PageError as exc:
        broken = str(exc)
    else:
        broken = ""
    if broken:
        pytest.fail(broken, pytrace=False)
    lines = unclaimed(page, examples)
    assert not lines, f"{_shown(page)}: lines {lines} show apmbc commands that are not checked"


def test_the_pages_have_examples_that_run() -> None:
    """The pages hold examples that run: docs/cli.md most of them, and none is skipped there."""
    cli = read_page(DOCS / "cli.md")
    assert sum(len(e.commands) for e in cli) >= 30
    assert [e.where for e in cli if e.skip is not None] == []
    for name in ("citing.md", "exports.md", "validation.md"):
        assert read_page(DOCS / name), name


# -- the checker itself, on made-up pages ------------------------------------------------------


def _page(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "page.md"
    path.write_text(text, encoding="utf-8")
    return path


def _check(tmp_path: Path, text: str) -> list[str]:
    folder = tmp_path / "run"
    folder.mkdir()
    return check_page(_page(tmp_path, text), folder, tmp_path / "bin")


def _version() -> str:
    ds = apmbc.load()
    as_of = ds.metadata.as_of.isoformat() if ds.metadata.as_of else "an unknown date"
    return f"apmbc {apmbc.__version__} (data {ds.metadata.data_version}, bundled, as of {as_of})"


def test_a_page_shown_right_passes(tmp_path: Path) -> None:
    text = f"# T\n\n```console\n$ apmbc --version\n{_version()}\n```\n"
    assert _check(tmp_path, text) == []


def test_a_wrong_output_is_reported_with_its_line(tmp_path: Path) -> None:
    text = "# T\n\n```console\n$ apmbc --version\napmbc 0.0.0 (data 1999.01.01)\n```\n"
    problems = _check(tmp_path, text)
    assert len(problems) == 1
    assert problems[0].startswith("page.md:4: $ apmbc --version\nthe output differs:")
    assert "-apmbc 0.0.0 (data 1999.01.01)" in problems[0]
    assert f"+{_version()}" in problems[0]


def test_a_wrong_exit_status_is_reported(tmp_path: Path) -> None:
    error = "apmbc: session 500 opens in 2445: none of its votes can be recorded yet"
    command = f"```text\n$ apmbc votes --session 500\n{error}\n"
    for name, shown, problem in (
        ("right", "[exit 2]\n", None),
        ("unshown", "", "exit status 2, the page shows 0"),
        ("echoed", "$ echo $?\n1\n", "exit status 2, the page shows 1"),
    ):
        (tmp_path / name).mkdir()
        problems = _check(tmp_path / name, command + shown + "```\n")
        if problem is None:
            assert problems == [], name
        else:
            assert len(problems) == 1 and problem in problems[0], name


def test_elision_stands_for_any_lines() -> None:
    got = ["a", "b", "c", "d", "e"]
    assert matches(["a", "...", "e"], got)
    assert matches(["...", "c", "..."], got)
    assert matches(["a", "...", "c", "  ...", "e"], got)
    assert matches(["a", "b", "c", "d", "e", "..."], got)
    assert matches(["...", "a", "b", "c", "d", "e"], got)
    assert not matches(["a", "...", "c"], got)
    assert not matches(["b", "..."], got)
    assert not matches(["...", "d", "c", "..."], got)
    assert not matches(["a", "b", "...", "b", "c", "d", "e"], got)
    assert not matches(["a", "b"], got)
    assert matches(["x  "], ["x"])


def test_an_elided_output_must_still_match_its_shown_lines(tmp_path: Path) -> None:
    text = (
        "```text\n$ apmbc status-on 1999-03-01 --status party\n"
        "45 States with status party on 1999-03-01\nAND  Andorra\n...\nFRA  Freedonia\n...\n```\n"
    )
    problems = _check(tmp_path, text)
    assert len(problems) == 1 and "+AUT  Austria" in problems[0]


def test_files_and_settings_carry_from_block_to_block(tmp_path: Path) -> None:
    header = io.StringIO()
    apmbc.export(apmbc.load(), "states", header)
    text = (
        "<!-- cli-test: setup\nimport apmbc\napmbc.dump_json(apmbc.load(), 'full.json')\n-->\n"
        "```console\n$ APMBC_DATA=full.json apmbc --version  # the file's data\n"
        f"{_version().replace('bundled', 'from full.json')}\n```\n\n"
        "```console\n$ apmbc export states -o states.csv\n"
        "apmbc: wrote states (csv) to states.csv\n```\n\n"
        "```console\n$ apmbc export states -o - | head -n 1\n"
        f"{header.getvalue().splitlines()[0]}\n```\n"
    )
    assert _check(tmp_path, text) == []
    assert (tmp_path / "run" / "full.json").is_file()
    assert (tmp_path / "run" / "states.csv").is_file()
    (tmp_path / "other").mkdir()
    mixed = text + "```console\n$ apmbc --version\n$ cat states.csv | head -c 4\n```\n"
    problems = _check(tmp_path / "other", mixed)
    assert len(problems) == 1 and "'cat states.csv | head -c 4' is not an apmbc" in problems[0]


def test_a_pipe_runs_in_a_shell_on_the_source_under_test(tmp_path: Path) -> None:
    assert needs_shell("apmbc export votes -o - | head -n 2")
    assert needs_shell("apmbc state Cuba > out.txt")
    assert needs_shell('apmbc state "$NAME"')
    assert not needs_shell("apmbc status-on '1 March 1999' --status party  # a comment | x")
    assert not needs_shell("APMBC_DATA=full.json apmbc info")
    folder = tmp_path / "run"
    folder.mkdir()
    outcome = run_command("apmbc --version | head -n 1", folder, tmp_path / "bin")
    assert (outcome.output, outcome.status) == (_version() + "\n", 0)
    python = shlex.quote(sys.executable)
    imported = _in_shell(f"{python} -c 'import apmbc; print(apmbc.__file__)'", folder, folder)
    assert imported.output.strip() == str(Path(apmbc.__file__).resolve())
    program = _in_shell("command -v apmbc", folder, tmp_path / "bin")
    assert program.output.strip() == str(tmp_path / "bin" / "apmbc")


def test_markers_skip_need_and_hide(tmp_path: Path) -> None:
    wrong = "```text\n$ apmbc --version\nnot this\n```\n"
    assert _check(tmp_path, "<!-- cli-test: skip shown only -->\n" + wrong) == []
    (tmp_path / "b").mkdir()
    assert "must say why" in _check(tmp_path / "b", "<!-- cli-test: skip -->\n" + wrong)[0]
    (tmp_path / "c").mkdir()
    needs = "<!-- cli-test: needs no_such_module_apmbc -->\n" + wrong
    assert _check(tmp_path / "c", needs) == []
    (tmp_path / "d").mkdir()
    hidden = (
        "<!-- cli-test: without matplotlib -->\n```text\n$ apmbc plot parties -o p.png\n"
        "apmbc: apmbc.plot.parties_over_time needs matplotlib, which is not installed: pip "
        'install "apmbc[plot]"\n[exit 2]\n```\n'
    )
    assert _check(tmp_path / "d", hidden) == []
    (tmp_path / "e").mkdir()
    misspelt = _check(tmp_path / "e", "<!-- cli-test: skp shown only -->\n" + wrong)
    assert misspelt == [
        "page.md:1: not a cli-test marker (skip REASON, needs MODULE, without "
        "MODULE, or setup and lines of Python)"
    ]
    (tmp_path / "f").mkdir()
    apart = _check(tmp_path / "f", "<!-- cli-test: skip shown only -->\n\n" + wrong)
    assert apart == [
        "page.md:1: a cli-test marker that is not on the lines just before a "
        "block of apmbc commands"
    ]


def test_an_unmarked_unrun_example_fails_the_page(tmp_path: Path) -> None:
    text = (
        "Run this:\n\n    $ apmbc state Cuba\n\n```python\n$ apmbc --version\n```\n"
        "```console\n$ pip install apmbc\n```\n"
    )
    path = _page(tmp_path, text)
    assert read_page(path) == []
    assert unclaimed(path, []) == [3, 6]
    problems = _check(tmp_path, text)
    assert [p.split(": ")[0] for p in problems] == ["page.md:3", "page.md:6"]


def test_text_before_the_first_command_is_refused(tmp_path: Path) -> None:
    problems = _check(tmp_path, "```text\noutput\n$ apmbc --version\n```\n")
    assert problems == ["page.md:2: text before the first $ command"]
