"""Everything public is safe to call from several threads, and caches stay small in memory.

The thread test runs in a fresh interpreter, so that the threads meet the lazy first uses (the
bundled data read once, the converter and the structuring hooks built once, patterns compiled on
first use) at the same moment, and checks that each thread gets exactly what one thread alone
gets.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import apmbc
from apmbc.domain import names, symbols

TESTS = Path(__file__).resolve().parent
SRC = str(Path(apmbc.__file__).resolve().parent.parent)

_SCRIPT = textwrap.dedent(
    """
    import sys, threading
    from pathlib import Path

    tests = Path(sys.argv[1])
    sys.path.insert(0, str(tests))
    workdir = Path(sys.argv[2])
    THREADS = 8

    def jobs():
        import apmbc
        from apmbc.io.recorded_vote import parse_recorded_vote

        vote_text = (tests / "recorded_votes" / "press-release-three-votes.txt").read_text("utf-8")
        page = tests / "profiles" / "ruritania-older-template.txt"
        return {
            "load": lambda: apmbc.dumps_json(apmbc.load()),
            # The converter's hooks are met by the dumps above; the rest compare documents
            # (attrs equality, field by field), which is as exact and much cheaper.
            "load_json": lambda: apmbc.load_json(workdir / "data.json").to_document(),
            "read_profile": lambda: repr(apmbc.read_profile(page)),
            "voeten": lambda: apmbc.load_voeten_csv(workdir / "voeten.csv").to_document(),
            "recorded_vote": lambda: repr(parse_recorded_vote(vote_text)),
            "validate": lambda: [str(f) for f in apmbc.validate(apmbc.load())],
            "lookups": lambda: [apmbc.load().state(k).code for k in ("cuba", "USA", "COW 2")],
            "records": lambda: apmbc.to_records(apmbc.load(), "votes")[:50],
        }

    def prepare():
        # Written by a child of this one, so that this interpreter has used nothing yet.
        import subprocess
        code = (
            "import sys; sys.path.insert(0, sys.argv[1]); import apmbc; "
            "from rollcall_files import write_voeten; from pathlib import Path; "
            "d = Path(sys.argv[2]); ds = apmbc.load(); apmbc.dump_json(ds, d / 'data.json'); "
            "write_voeten(ds, d / 'voeten.csv')"
        )
        subprocess.run([sys.executable, "-c", code, str(tests), str(workdir)], check=True)

    prepare()
    barrier = threading.Barrier(THREADS)
    results = [dict() for _ in range(THREADS)]
    errors = []

    def work(i):
        barrier.wait()
        try:
            for name, job in jobs().items():
                results[i][name] = job()
        except BaseException as exc:
            errors.append(f"thread {i}: {type(exc).__name__}: {exc}")

    threads = [threading.Thread(target=work, args=(i,)) for i in range(THREADS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if errors:
        sys.exit("\\n".join(errors))
    alone = {name: job() for name, job in jobs().items()}
    for i, got in enumerate(results):
        for name in alone:
            if got[name] != alone[name]:
                sys.exit(f"thread {i}: {name} differs from the single-threaded result")
    print("same")
    """
)


def test_the_loaders_in_threads_give_what_one_thread_gives(tmp_path: Path) -> None:
    env = dict(os.environ, PYTHONPATH=SRC + os.pathsep + os.environ.get("PYTHONPATH", ""))
    result = subprocess.run(
        [sys.executable, "-c", _SCRIPT, str(TESTS), str(tmp_path)],
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == "same\n"


def test_the_name_cache_keeps_no_long_key() -> None:
    names.fold("short name")
    before = names._fold.cache_info().currsize  # type: ignore[attr-defined]
    for i in range(20):
        assert names.fold(f"{i}" + "x" * 1_000_000) == f"{i}" + "x" * 1_000_000
    assert names._fold.cache_info().currsize == before  # type: ignore[attr-defined]


def test_the_symbol_cache_keeps_no_long_key() -> None:
    before = symbols._parse.cache_info().currsize  # type: ignore[attr-defined]
    assert symbols.parse_symbol("A/RES/77/63 " + "x" * 1_000_000) is None
    assert symbols._parse.cache_info().currsize == before  # type: ignore[attr-defined]


def test_the_recorded_vote_name_cache_keeps_no_long_key() -> None:
    from apmbc.io.recorded_vote._names import Resolver

    resolver = Resolver(apmbc.load())
    resolver.resolve("Canada")
    long_name = "Canada" + " x" * 500_000
    assert resolver.resolve(long_name).code is None
    assert list(resolver._cache) == ["Canada"]
