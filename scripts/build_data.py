"""Build the package data (src/apmbc/data/) from data-raw/ alone.

    python scripts/build_data.py [--out DIR] [--check]

Every record is read through apmbc's converter (so a wrong type, an unknown key or an impossible
date in data-raw/ stops the build with its path), sorted into a stable order and written as
canonical JSON or CSV. Each State's Correlates of War, Gleditsch-Ward and UN M49 codes are joined
on from data-raw/codes.csv (one row per State, keyed by ISO alpha-3). The facts read from State
profile pages (data-raw/profiles.json) and the records of each additions folder
(``data-raw/additions-<date>/``: facts collected later, in the same format as the files beside
it; see :func:`add_folder`) are then folded in with ``apmbc.merge``, the merge every update goes
through (``apmbc update``), which must find no conflict: a release is an update like any other.
The release's metadata stays that of data-raw/metadata.json (the build's merges make the release,
they are not updates of it), with ``newest_source`` computed by ``apmbc.queries.newest_date``.
Every source in an additions folder is dated by that folder's retrieval rule. Votes are stored
compactly (one CSV row per State and resolution, each source once) and become ``Vote`` records
only when asked for. Every source then gets a kind and a retrieval date from the rules of
data-raw/provenance.json (see :func:`with_provenance`). ``--check`` builds into a temporary folder
and fails if the committed package data differs.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import filecmp
import io
import json
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import attrs

from apmbc import (
    Attendance,
    Dataset,
    Meeting,
    Metadata,
    Profile,
    Resolution,
    Source,
    SourceKind,
    State,
    Statement,
    Vote,
    VotePosition,
    merge,
    to_dict,
)
from apmbc.changes._keys import key_of
from apmbc.convert import structure
from apmbc.queries import newest_date

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT / "data-raw"
PROVENANCE = RAW / "provenance.json"
OUT = ROOT / "src" / "apmbc" / "data"
FILES = (
    "metadata.json",
    "states.json",
    "meetings.json",
    "resolutions.json",
    "attendances.json",
    "statements.json",
    "votes.csv",
    "vote-sources.json",
)
POSITIONS = {"yes", "no", "abstain", "absent"}


def _read(name: str, cls: Any, folder: Path = RAW) -> Any:
    path = folder / name
    data = json.loads(path.read_text(encoding="utf-8"))
    shown = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
    return structure(data, cls, source=str(shown))


def _dump(records: Any) -> str:
    return json.dumps(to_dict(records), sort_keys=True, indent=2, ensure_ascii=False) + "\n"


def _meeting_order(m: Meeting) -> tuple[Any, ...]:
    kind_order = ["msp", "review_conference", "special", "intersessional", "preparatory"]
    start = m.start.isoformat() if m.start else "9999"
    return (kind_order.index(m.kind.value), m.number or 0, start, m.code)


def build(out: Path) -> None:
    """Write every package data file into ``out``."""
    metadata = _read("metadata.json", Metadata)
    states = _join_codes(_read("states.json", tuple[State, ...]), RAW / "codes.csv")
    resolutions = _read("resolutions.json", tuple[Resolution, ...])
    vote_sources = _read("vote-sources.json", tuple[Source, ...])
    ds = Dataset(
        metadata=metadata,
        states=states,
        meetings=_read("meetings.json", tuple[Meeting, ...]),
        resolutions=resolutions,
        votes=_read_votes(RAW / "votes.csv", states, resolutions, vote_sources),
        attendances=_read("attendances.json", tuple[Attendance, ...]),
        statements=_read("statements.json", tuple[Statement, ...]),
    )
    ds = _merge_profiles(ds)
    rules = load_rules()
    for folder in additions_folders():
        ds = add_folder(ds, folder, rules)
    ds = with_provenance(ds, rules)
    ds = ds.replace(metadata=attrs.evolve(ds.metadata, newest_source=newest_date(ds)))

    states_out = sorted(ds.states, key=lambda s: s.code)
    meetings = sorted(ds.meetings, key=_meeting_order)
    resolutions_out = sorted(ds.resolutions, key=lambda r: (r.session, r.forum.value))
    attendances = sorted(
        ds.attendances, key=lambda a: (a.state, a.meeting, a.attended, str(a.sources[:1]))
    )
    statements = sorted(
        ds.statements, key=lambda s: (s.state, s.session or 0, s.year or 0, s.meeting or "", s.text)
    )
    votes = sorted(ds.votes, key=lambda v: (v.session, v.forum.value, v.state))

    out.mkdir(parents=True, exist_ok=True)
    (out / "metadata.json").write_text(_dump(ds.metadata), encoding="utf-8")
    (out / "states.json").write_text(_dump(tuple(states_out)), encoding="utf-8")
    (out / "meetings.json").write_text(_dump(tuple(meetings)), encoding="utf-8")
    (out / "resolutions.json").write_text(_dump(tuple(resolutions_out)), encoding="utf-8")
    (out / "attendances.json").write_text(_dump(tuple(attendances)), encoding="utf-8")
    (out / "statements.json").write_text(_dump(tuple(statements)), encoding="utf-8")
    sources: dict[tuple[Source, ...], int] = {}
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["session", "forum", "state", "position", "recorded_name", "sources"])
    for v in votes:
        index = sources.setdefault(v.sources, len(sources))
        row = [v.session, v.forum.value, v.state, v.position.value, v.recorded_name or "", index]
        writer.writerow(row)
    (out / "votes.csv").write_text(buffer.getvalue(), encoding="utf-8")
    (out / "vote-sources.json").write_text(_dump(tuple(sources)), encoding="utf-8")


def merged(ds: Dataset, other: Dataset | Profile, where: str, state: str | None = None) -> Dataset:
    """``ds`` with ``other`` folded in by ``apmbc.merge``; the build stops, naming ``where``, on a
    conflict, a disagreement or a fact that could not be placed. The metadata stays ``ds``'s."""
    result = merge(ds, other, state=state)
    problems = [*result.conflicts, *result.disagreements]
    if problems or result.skipped:
        lines = [str(p) for p in problems] + list(result.skipped)
        raise SystemExit(f"{where}: " + "; ".join(lines))
    return result.dataset.replace(metadata=ds.metadata)


def _merge_profiles(ds: Dataset) -> Dataset:
    """Add the facts read from State profile pages (data-raw/profiles.json) with apmbc.merge."""
    path = RAW / "profiles.json"
    entries = json.loads(path.read_text(encoding="utf-8"))
    for i, entry in enumerate(entries):
        where = f"{path.relative_to(ROOT)}[{i}]"
        profile = structure(entry["profile"], Profile, source=where)
        ds = merged(ds, profile, where, state=entry["state"])
    return ds


# -- additions folders (data-raw/additions-<date>/) --------------------------------------------

ADDITION_FILES = ("votes.csv", "vote-sources.json", "attendances.json", "statements.json")
"""What an additions folder may hold: new records only, in the format of the base files."""


def additions_folders(raw: Path = RAW) -> list[Path]:
    """The additions folders of data-raw/, oldest first (their names end with their date)."""
    return sorted(p for p in raw.iterdir() if p.is_dir() and p.name.startswith("additions-"))


def add_folder(ds: Dataset, folder: Path, rules: Rules) -> Dataset:
    """``ds`` with the new records of one additions folder added.

    The folder holds records the base files do not: per-State votes (``votes.csv`` with its
    ``vote-sources.json``), attendance facts and statements, in the format of the base files.
    Every source read from it is dated by the folder's retrieval rule in data-raw/provenance.json
    (its kind still comes from the kind rules). The build stops on an unknown file, on a folder
    without a retrieval rule, on a second vote of a State in a roll call, on an attendance fact
    that the base files already state (its sources belong in that fact) and on a statement
    already held; changes to records of the base files are made in those files.
    """
    name = folder.relative_to(ROOT) if folder.is_relative_to(ROOT) else folder
    unknown = sorted(p.name for p in folder.iterdir() if p.name not in ADDITION_FILES)
    if unknown:
        raise SystemExit(f"{name}: unexpected file(s) {', '.join(unknown)}")
    dated = rules.folders.get(folder.name)
    if dated is None:
        raise SystemExit(f"{name}: no retrieval rule for this folder in {PROVENANCE.name}")
    votes: tuple[Vote, ...] = ()
    if (folder / "votes.csv").exists():
        sources = _read("vote-sources.json", tuple[Source, ...], folder)
        votes = _read_votes(folder / "votes.csv", tuple(ds.states), tuple(ds.resolutions), sources)
    attendances: tuple[Attendance, ...] = ()
    if (folder / "attendances.json").exists():
        attendances = _read("attendances.json", tuple[Attendance, ...], folder)
    statements: tuple[Statement, ...] = ()
    if (folder / "statements.json").exists():
        statements = _read("statements.json", tuple[Statement, ...], folder)
    held_votes = {key_of("votes", v) for v in ds.votes}
    for vote in votes:
        if key_of("votes", vote) in held_votes:
            raise SystemExit(
                f"{name}/votes.csv: {vote.state} already has a vote in session {vote.session} "
                f"{vote.forum.value}"
            )
    held_facts = {key_of("attendances", a) for a in ds.attendances}
    for fact in attendances:
        if key_of("attendances", fact) in held_facts:
            raise SystemExit(
                f"{name}/attendances.json: {fact.state} at {fact.meeting} attended="
                f"{fact.attended} is already a fact of data-raw/attendances.json; add the sources "
                "there instead"
            )
    held_texts = {key_of("statements", s) for s in ds.statements}
    for stmt in statements:
        if key_of("statements", stmt) in held_texts:
            raise SystemExit(f"{name}/statements.json: {stmt.state} statement already held")
    walk = _filler(rules, retrieved=dated)
    additions = Dataset(
        metadata=Metadata(data_version=f"additions:{folder.name}"),
        votes=walk(votes),
        attendances=walk(attendances),
        statements=walk(statements),
    )
    return merged(ds, additions, str(name))


# -- provenance: every source's kind and retrieval date (data-raw/provenance.json) ------------


@attrs.frozen
class Rule:
    """One rule of data-raw/provenance.json: which sources it matches, and what it gives them."""

    where: str
    """The rule's place in the file, e.g. ``kinds[3]``, for messages."""
    host: str | None
    path: str | None
    citation: str | None
    value: Any
    """A :class:`SourceKind` (a kind rule) or a ``datetime.date`` (a retrieval rule)."""
    url: str | None = None
    """An exact address (one of a retrieval rule's ``urls``): the rule matches it alone."""

    def specificity(self, source: Source) -> tuple[int, int, int] | None:
        """How closely the rule matches ``source`` (more is closer), or ``None`` if it does not.

        An exact address is closer than any host; then the longer host, then the longer path
        (or the longer citation)."""
        if source.url:
            if self.url is not None:
                return (1, 0, 0) if source.url == self.url else None
            if self.host is None:
                return None
            parts = urlsplit(source.url)
            host = (parts.hostname or "").lower().rstrip(".").removeprefix("www.")
            if host != self.host and not host.endswith("." + self.host):
                return None
            if self.path is not None and not parts.path.startswith(self.path):
                return None
            return (0, len(self.host), len(self.path or ""))
        if self.citation is None or not (source.citation or "").startswith(self.citation):
            return None
        return (0, len(self.citation), 0)


@attrs.frozen
class Rules:
    """The kind rules and the retrieval rules, with the default retrieval date and the dates of
    the additions folders."""

    kinds: tuple[Rule, ...]
    retrieved: tuple[Rule, ...]
    default_retrieved: dt.date
    folders: dict[str, dt.date] = attrs.field(factory=dict)
    """An additions folder's name -> the retrieval date of every source read from it."""


def _rule(entry: Any, where: str, field: str) -> list[Rule]:
    if not isinstance(entry, dict):
        raise SystemExit(f"{where}: a rule is an object")
    allowed = {"host", "path", "citation", field, "why"} | ({"urls"} if field == "date" else set())
    extra = set(entry) - allowed
    if extra:
        raise SystemExit(f"{where}: unknown key(s) {', '.join(sorted(extra))}")
    if sum(key in entry for key in ("host", "citation", "urls")) != 1:
        lists = ", or lists urls" if field == "date" else ""
        raise SystemExit(f"{where}: a rule matches either a host or a citation{lists}")
    if "path" in entry and "host" not in entry:
        raise SystemExit(f"{where}: a path needs a host")
    if not str(entry.get("why") or "").strip():
        raise SystemExit(f"{where}: every rule says why")
    try:
        value: Any = (
            SourceKind(entry["kind"]) if field == "kind" else dt.date.fromisoformat(entry["date"])
        )
    except (KeyError, ValueError, TypeError):
        raise SystemExit(f"{where}: missing or invalid {field!r}") from None
    if "urls" in entry:
        urls = entry["urls"]
        if not isinstance(urls, list) or not urls or not all(isinstance(u, str) for u in urls):
            raise SystemExit(f"{where}: urls is a non-empty list of addresses")
        return [
            Rule(
                where=f"{where}.urls[{i}]", host=None, path=None, citation=None, value=value, url=u
            )
            for i, u in enumerate(urls)
        ]
    host = entry.get("host")
    return [
        Rule(
            where=where,
            host=host.lower().removeprefix("www.") if host else None,
            path=entry.get("path"),
            citation=entry.get("citation"),
            value=value,
        )
    ]


def load_rules(path: Path = PROVENANCE) -> Rules:
    """The rules of data-raw/provenance.json; a malformed or repeated rule stops the build."""
    where = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
    data = json.loads(path.read_text(encoding="utf-8"))
    kinds = tuple(
        rule
        for i, e in enumerate(data["kinds"])
        for rule in _rule(e, f"{where}: kinds[{i}]", "kind")
    )
    retrieved = data["retrieved"]
    dates = tuple(
        rule
        for i, e in enumerate(retrieved["rules"])
        for rule in _rule(e, f"{where}: retrieved.rules[{i}]", "date")
    )
    for rules in (kinds, dates):
        seen: dict[tuple[Any, ...], str] = {}
        for rule in rules:
            key = (rule.host, rule.path, rule.citation, rule.url)
            if key in seen:
                raise SystemExit(f"{rule.where}: matches the same sources as {seen[key]}")
            seen[key] = rule.where
    folders: dict[str, dt.date] = {}
    for i, entry in enumerate(retrieved.get("folders", [])):
        at = f"{where}: retrieved.folders[{i}]"
        if not isinstance(entry, dict) or set(entry) != {"folder", "date", "why"}:
            raise SystemExit(f"{at}: a folder rule has exactly a folder, a date and why")
        if not str(entry["why"]).strip():
            raise SystemExit(f"{at}: every rule says why")
        if entry["folder"] in folders:
            raise SystemExit(f"{at}: a second rule for the folder {entry['folder']!r}")
        try:
            folders[entry["folder"]] = dt.date.fromisoformat(entry["date"])
        except (ValueError, TypeError):
            raise SystemExit(f"{at}: missing or invalid 'date'") from None
    return Rules(
        kinds=kinds,
        retrieved=dates,
        default_retrieved=dt.date.fromisoformat(retrieved["default"]["date"]),
        folders=folders,
    )


def best_rule(rules: Sequence[Rule], source: Source) -> Rule | None:
    """The most specific of ``rules`` that matches ``source``, or ``None``."""
    scored = [(s, r) for r in rules if (s := r.specificity(source)) is not None]
    return max(scored, key=lambda item: item[0])[1] if scored else None


def fill_source(source: Source, rules: Rules) -> Source:
    """``source`` with its kind and retrieval date from the rules, where it gives none."""
    kind = source.kind
    if kind is None:
        rule = best_rule(rules.kinds, source)
        if rule is None:
            raise SystemExit(
                f"{PROVENANCE.relative_to(ROOT)}: no kind rule matches the source {source}; add one"
            )
        kind = rule.value
    retrieved = source.retrieved
    if retrieved is None:
        dated = best_rule(rules.retrieved, source)
        retrieved = dated.value if dated is not None else rules.default_retrieved
    return attrs.evolve(source, kind=kind, retrieved=retrieved)


def with_provenance(ds: Dataset, rules: Rules) -> Dataset:
    """``ds`` with every :class:`Source` of every record (nested ones too) given a kind and a
    retrieval date by :func:`fill_source`."""
    walk = _filler(rules)
    tables = ("states", "meetings", "resolutions", "votes", "attendances", "statements")
    return ds.replace(
        metadata=walk(ds.metadata), **{name: walk(tuple(getattr(ds, name))) for name in tables}
    )


def _filler(rules: Rules, retrieved: dt.date | None = None) -> Any:
    """A function that fills every :class:`Source` inside a value (records, tuples of records)
    by :func:`fill_source`; with ``retrieved``, every source without a date of its own gets that
    date instead of the retrieval rules' (an additions folder's sources)."""
    filled: dict[Source, Source] = {}

    def walk(value: Any) -> Any:
        if isinstance(value, Source):
            if value not in filled:
                source = value
                if retrieved is not None and source.retrieved is None:
                    source = attrs.evolve(source, retrieved=retrieved)
                filled[value] = fill_source(source, rules) if retrieved is None else source
            return filled[value]
        if isinstance(value, tuple):
            return tuple(walk(v) for v in value)
        if attrs.has(type(value)):
            changes = {f.name: walk(getattr(value, f.name)) for f in attrs.fields(type(value))}
            return attrs.evolve(value, **changes)
        return value

    return walk


# -- country codes (data-raw/codes.csv) -------------------------------------------------------


CODE_COLUMNS = ("iso3", "cow_code", "gw_code", "m49", "source", "note")
CODE_FIELDS = {"cow_code": "cow_code", "gw_code": "gw_code", "m49": "m49"}
"""data-raw/codes.csv column -> State field."""


def _code_number(text: str, where: str, column: str) -> int | None:
    if not text:
        return None
    if not (text.isascii() and text.isdigit()) or not 1 <= int(text) <= 999:
        raise SystemExit(f"{where}: {column} {text!r} is not a code (a whole number 1-999)")
    return int(text)


def _join_codes(states: tuple[State, ...], path: Path) -> tuple[State, ...]:
    """The States with their COW, GW and M49 codes from ``path``; the build stops, naming the
    line, on an unknown or repeated ISO code, a bad number, a code two States share, or a State
    without a row."""
    by_code = {s.code: s for s in states}
    rows: dict[str, tuple[dict[str, int | None], str, str]] = {}
    owners: dict[tuple[str, int], str] = {}
    name = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle, strict=True)
        header = next(reader, None)
        if header is None or tuple(header) != CODE_COLUMNS:
            raise SystemExit(f"{name}:1: expected the header {','.join(CODE_COLUMNS)}")
        for line, row in enumerate(reader, start=2):
            where = f"{name}:{line}"
            if len(row) != len(CODE_COLUMNS):
                raise SystemExit(f"{where}: {len(row)} fields, expected {len(CODE_COLUMNS)}")
            cells = dict(zip(CODE_COLUMNS, row, strict=True))
            iso3 = cells["iso3"]
            if iso3 not in by_code:
                raise SystemExit(f"{where}: unknown State code {iso3!r}")
            if iso3 in rows:
                raise SystemExit(f"{where}: a second row for {iso3}")
            if not cells["source"]:
                raise SystemExit(f"{where}: no source for the codes of {iso3}")
            numbers: dict[str, int | None] = {}
            for column in CODE_FIELDS:
                number = _code_number(cells[column], where, column)
                if number is not None:
                    other = owners.setdefault((column, number), iso3)
                    if other != iso3:
                        raise SystemExit(f"{where}: {column} {number} is also {other}'s")
                numbers[column] = number
            rows[iso3] = (numbers, cells["source"], cells["note"])
    missing = sorted(set(by_code) - set(rows))
    if missing:
        raise SystemExit(f"{name}: no row for {', '.join(missing)}")
    joined: list[State] = []
    for state in states:
        numbers, source, note = rows[state.code]
        changes: dict[str, Any] = {}
        for column, field in CODE_FIELDS.items():
            before = getattr(state, field)
            if before is not None and before != numbers[column]:
                raise SystemExit(
                    f"{name}: {state.code} has {field} {before} in data-raw/states.json but "
                    f"{numbers[column]} here"
                )
            changes[field] = numbers[column]
        cited = Source(citation=source, note="Correlates of War, Gleditsch-Ward and UN M49 codes")
        changes["sources"] = (*state.sources, cited)
        if note:
            changes["notes"] = (*state.notes, f"Country codes: {note}.")
        joined.append(attrs.evolve(state, **changes))
    return tuple(joined)


def _read_votes(
    path: Path,
    states: tuple[State, ...],
    resolutions: tuple[Resolution, ...],
    sources: tuple[Source, ...],
) -> tuple[Vote, ...]:
    codes = {s.code for s in states}
    by_key = {(r.session, r.forum.value): r for r in resolutions}
    votes: list[Vote] = []
    seen: set[tuple[str, str, str]] = set()
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        for line, row in enumerate(reader, start=2):
            where = f"{path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}:{line}"
            key = (row["session"], row["forum"])
            resolution = by_key.get((int(row["session"]), row["forum"]))
            if resolution is None:
                raise SystemExit(f"{where}: no resolution for session {key[0]} {key[1]}")
            if row["resolution"] != (resolution.symbol or ""):
                raise SystemExit(f"{where}: symbol {row['resolution']!r} != {resolution.symbol!r}")
            if row["state"] not in codes:
                raise SystemExit(f"{where}: unknown State code {row['state']!r}")
            if row["position"] not in POSITIONS:
                raise SystemExit(f"{where}: unknown position {row['position']!r}")
            if (*key, row["state"]) in seen:
                raise SystemExit(f"{where}: second vote of {row['state']} in session {key[0]}")
            seen.add((*key, row["state"]))
            votes.append(
                Vote(
                    state=row["state"],
                    session=resolution.session,
                    forum=resolution.forum,
                    position=VotePosition(row["position"]),
                    resolution=resolution.symbol,
                    recorded_name=row["recorded_name"] or None,
                    sources=(sources[int(row["source"])],),
                )
            )
    return tuple(votes)


def check() -> list[str]:
    """Rebuild into a temporary folder; return the package data files that differ."""
    with tempfile.TemporaryDirectory() as tmp:
        build(Path(tmp))
        return [
            name
            for name in FILES
            if not (OUT / name).exists() or not filecmp.cmp(Path(tmp) / name, OUT / name, False)
        ]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build src/apmbc/data/ from data-raw/.")
    parser.add_argument("--out", type=Path, default=OUT, help="output folder")
    parser.add_argument("--check", action="store_true", help="fail if the package data is stale")
    args = parser.parse_args(argv)
    if args.check:
        stale = check()
        if stale:
            print("stale package data: " + ", ".join(stale), file=sys.stderr)
            print("run: python scripts/build_data.py", file=sys.stderr)
            return 1
        print("package data is up to date")
        return 0
    build(args.out)
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
