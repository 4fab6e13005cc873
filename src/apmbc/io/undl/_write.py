"""Writing a Dataset's plenary votes in the UN Digital Library's CSV layouts."""

from __future__ import annotations

import csv
import io
import os
import re
from collections import Counter
from collections.abc import Iterable
from typing import IO

from apmbc.dataset import Dataset, check_dataset
from apmbc.domain.titles import RESOLUTION_TITLE
from apmbc.errors import ArgumentError, DataValidationError, Problem, shown
from apmbc.io._files import atomic_writer, check_path
from apmbc.io.undl._columns import LONG_COLUMNS, WIDE_LEADING_COLUMNS
from apmbc.models import Forum, Resolution, Vote, VotePosition

__all__ = ["write_undl"]

_LONG_CODES = {
    VotePosition.YES: "Y",
    VotePosition.NO: "N",
    VotePosition.ABSTAIN: "A",
    VotePosition.ABSENT: "",
}
_WIDE_CODES = {**_LONG_CODES, VotePosition.ABSENT: "X"}
_RECORD = re.compile(r"digitallibrary\.un\.org/record/(\d+)")

_GroupKey = tuple[int, str]


class _Plan:
    """The plenary votes grouped per resolution, with what each row needs to say."""

    def __init__(self, ds: Dataset) -> None:
        self.ds = ds
        self.groups: dict[_GroupKey, list[Vote]] = {}
        for vote in ds.votes:
            if vote.forum is Forum.PLENARY:
                self.groups.setdefault((vote.session, vote.resolution or ""), []).append(vote)
        plenary = [r for r in ds.resolutions if r.forum is Forum.PLENARY]
        self._by_symbol = {r.symbol: r for r in plenary if r.symbol}
        per_session = Counter(r.session for r in plenary)
        self._by_session = {r.session: r for r in plenary if per_session[r.session] == 1}
        self._names: dict[str, str] = {}

    def ordered_keys(self) -> list[_GroupKey]:
        return sorted(self.groups)

    def resolution(self, key: _GroupKey) -> Resolution | None:
        session, symbol = key
        found = self._by_symbol.get(symbol) if symbol else None
        return found if found is not None else self._by_session.get(session)

    def name(self, vote: Vote) -> str:
        if vote.recorded_name:
            return vote.recorded_name
        found = self._names.get(vote.state)
        if found is None:
            state = self.ds.states.get(vote.state)
            found = state.name.upper() if state is not None else vote.state
            self._names[vote.state] = found
        return found

    def symbol(self, key: _GroupKey) -> str:
        resolution = self.resolution(key)
        return key[1] or (resolution.symbol if resolution and resolution.symbol else "")


def _counts(votes: Iterable[Vote], resolution: Resolution | None) -> list[int]:
    counted = Counter(v.position for v in votes)
    tally = resolution.tally if resolution is not None else None
    stated = (
        (tally.yes, tally.no, tally.abstain, tally.absent) if tally is not None else (None,) * 4
    )
    order = (VotePosition.YES, VotePosition.NO, VotePosition.ABSTAIN, VotePosition.ABSENT)
    return [s if s is not None else counted[p] for s, p in zip(stated, order, strict=True)]


def _record_id(resolution: Resolution | None) -> tuple[str, str]:
    if resolution is None:
        return "", ""
    for source in resolution.sources:
        if source.url:
            match = _RECORD.search(source.url)
            return (match.group(1) if match else ""), source.url
    return "", ""


def _write_long(plan: _Plan, out: IO[str]) -> None:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(LONG_COLUMNS)
    for key in plan.ordered_keys():
        votes = plan.groups[key]
        resolution = plan.resolution(key)
        yes, no, abstain, absent = _counts(votes, resolution)
        record, link = _record_id(resolution)
        date = resolution.date.isoformat() if resolution and resolution.date else ""
        title = resolution.title if resolution and resolution.title else RESOLUTION_TITLE
        symbol = plan.symbol(key)
        rows = sorted(((plan.name(v), v) for v in votes), key=lambda item: item[0])
        for name, vote in rows:
            writer.writerow(
                (
                    record,
                    vote.state,
                    name,
                    _LONG_CODES[vote.position],
                    date,
                    key[0],
                    symbol,
                    "",
                    "",
                    "",
                    title,
                    "",
                    "",
                    yes,
                    no,
                    abstain,
                    absent,
                    len(votes),
                    link,
                )
            )


def _write_wide(plan: _Plan, out: IO[str]) -> None:
    problems: list[Problem] = []
    cells: dict[_GroupKey, dict[str, str]] = {}
    names: set[str] = set()
    for key in plan.ordered_keys():
        row: dict[str, str] = {}
        for vote in plan.groups[key]:
            name = plan.name(vote)
            if name.upper() in row:
                problems.append(
                    Problem(
                        f"votes[state={vote.state!r}, session={key[0]}]",
                        f"a second vote under the column name {name!r} in one resolution",
                    )
                )
                continue
            row[name.upper()] = _WIDE_CODES[vote.position]
            names.add(name.upper())
        cells[key] = row
    if problems:
        raise DataValidationError(problems, source="write_undl_csv(layout='wide')")
    columns = sorted(names)
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([*WIDE_LEADING_COLUMNS, *columns])
    for key in plan.ordered_keys():
        votes = plan.groups[key]
        resolution = plan.resolution(key)
        yes, no, abstain, absent = _counts(votes, resolution)
        _, link = _record_id(resolution)
        date = resolution.date.isoformat() if resolution and resolution.date else ""
        title = resolution.title if resolution and resolution.title else RESOLUTION_TITLE
        row = cells[key]
        lead = [
            "General Assembly",
            date,
            title,
            plan.symbol(key),
            yes + no + abstain + absent,
            absent,
            abstain,
            no,
            yes,
            link,
            "",
        ]
        writer.writerow([*lead, *(row.get(name, "") for name in columns)])


def write_undl(ds: Dataset, path: str | os.PathLike[str], *, layout: str = "long") -> None:
    """Write ``ds``'s plenary votes as a UN voting CSV (see ``write_undl_csv``)."""
    check_dataset(ds)
    if layout not in ("long", "wide"):
        raise ArgumentError(f"unknown layout {shown(layout)}: expected 'long' or 'wide'")
    plan = _Plan(ds)
    with atomic_writer(check_path(path)) as raw:
        out = io.TextIOWrapper(raw, encoding="utf-8", newline="")
        try:
            if layout == "long":
                _write_long(plan, out)
            else:
                _write_wide(plan, out)
            out.flush()
        except UnicodeEncodeError as exc:  # the old file stays: atomic_writer removes the new
            bad = exc.object[exc.start : exc.end] if isinstance(exc.object, str) else ""
            point = f"U+{ord(bad[0]):04X}" if bad else "a character"
            raise DataValidationError(
                [Problem("votes", f"a lone surrogate {point} in a name or symbol: not Unicode")]
            ) from None
        out.detach()
