"""Test helpers: Voeten- and unvotes-shaped CSV files written from a Dataset, and the facts two
datasets are compared on.

The roll call ids (``9000 + session``), the ``short`` descriptions and the COW abbreviations
written here are made up for the tests; the votes, symbols, dates and titles are the dataset's.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable
from pathlib import Path

import attrs

from apmbc import Dataset, Forum, Metadata, Resolution, State, Vote, VotePosition
from apmbc.domain.titles import CONVENTION_TITLE
from apmbc.io.rollcalls import UNVOTES_ROLL_CALLS_COLUMNS, UNVOTES_VOTES_COLUMNS, VOETEN_COLUMNS

VOETEN_CODES = {
    VotePosition.YES: "1",
    VotePosition.ABSTAIN: "2",
    VotePosition.NO: "3",
    VotePosition.ABSENT: "8",
}
"""Voeten's vote codes by position (9, not a member, is written for States with no vote)."""

Edit = Callable[[Resolution, State, str], str]
"""Given a roll call, a State and the vote code written for it, the code to write instead."""


def rcid_of(resolution: Resolution) -> int:
    """The made-up roll call id of a resolution in the files written here."""
    return 9000 + resolution.session


def shorthand(symbol: str | None) -> str:
    """``A/RES/52/38 A`` as Voeten writes it, ``R/52/38A``."""
    if not symbol:
        return ""
    return "R/" + symbol.removeprefix("A/RES/").replace(" ", "")


def _plenary(ds: Dataset) -> list[tuple[Resolution, dict[str, Vote]]]:
    by_session: dict[int, dict[str, Vote]] = {}
    for vote in ds.votes:
        if vote.forum is Forum.PLENARY:
            by_session.setdefault(vote.session, {})[vote.state] = vote
    return [
        (r, by_session.get(r.session, {}))
        for r in sorted(ds.resolutions, key=lambda r: r.session)
        if r.forum is Forum.PLENARY
    ]


def _title(resolution: Resolution) -> str:
    return resolution.title or CONVENTION_TITLE


def write_voeten(ds: Dataset, path: Path, *, edit: Edit | None = None) -> Path:
    """Voeten's votes table of ``ds``'s plenary votes: one row per State with a COW code and
    roll call, ``9`` (not a member) for a State without a vote in that session."""
    states = [s for s in ds.states if s.cow_code is not None]
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow([*VOETEN_COLUMNS, "me", "di"])
        for resolution, votes in _plenary(ds):
            counted = {p: sum(1 for v in votes.values() if v.position is p) for p in VOETEN_CODES}
            for state in states:
                code = VOETEN_CODES[votes[state.code].position] if state.code in votes else "9"
                if edit is not None:
                    code = edit(resolution, state, code)
                writer.writerow(
                    [
                        rcid_of(resolution),
                        state.cow_code,
                        "0" if code == "9" else "1",
                        code,
                        state.code,
                        state.name,
                        resolution.date.year if resolution.date else "NA",
                        resolution.session,
                        counted[VotePosition.ABSTAIN],
                        counted[VotePosition.YES],
                        counted[VotePosition.NO],
                        "0",
                        resolution.date.isoformat() if resolution.date else "NA",
                        shorthand(resolution.symbol),
                        "0",
                        "0",
                        "ANTI-PERSONNEL MINES",
                        _title(resolution),
                        "0",
                        "1",
                    ]
                )
    return path


def write_unvotes(
    ds: Dataset, votes_path: Path, roll_calls_path: Path, *, edit: Edit | None = None
) -> tuple[Path, Path]:
    """unvotes' two tables of ``ds``'s plenary votes (yes, no and abstain only, as unvotes)."""
    names = {VotePosition.YES: "yes", VotePosition.NO: "no", VotePosition.ABSTAIN: "abstain"}
    states = {s.code: s for s in ds.states}
    plenary = _plenary(ds)
    with roll_calls_path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(UNVOTES_ROLL_CALLS_COLUMNS)
        for resolution, _ in plenary:
            writer.writerow(
                [
                    rcid_of(resolution),
                    resolution.session,
                    "FALSE",
                    resolution.date.isoformat() if resolution.date else "NA",
                    resolution.symbol or "NA",
                    "FALSE",
                    "FALSE",
                    "ANTI-PERSONNEL MINES",
                    _title(resolution),
                ]
            )
    with votes_path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(UNVOTES_VOTES_COLUMNS)
        for resolution, votes in plenary:
            for code, vote in sorted(votes.items()):
                state = states[code]
                written = names.get(vote.position, "")
                if edit is not None:
                    written = edit(resolution, state, written)
                if not written:
                    continue  # unvotes leaves absences out
                writer.writerow([rcid_of(resolution), state.name, state.alpha2, written])
    return votes_path, roll_calls_path


def facts(ds: Dataset, *, absences: bool = True) -> Dataset:
    """The plenary resolutions and votes of ``ds`` without their provenance (sources, notes,
    recorded names, the record id of the Convention's resolution in its source) or titles, which
    differ between sources by nature; without absences (and with the absent figure of each tally
    unknown) for comparing with unvotes."""
    resolutions: Iterable[Resolution] = (
        attrs.evolve(
            r,
            title=None,
            record=r.record if not r.convention else None,
            sources=(),
            notes=(),
            tally=r.tally if absences else attrs.evolve(r.tally, absent=None),
        )
        for r in ds.resolutions
        if r.forum is Forum.PLENARY
    )
    votes = (
        attrs.evolve(v, sources=(), recorded_name=None)
        for v in ds.votes
        if v.forum is Forum.PLENARY and (absences or v.position is not VotePosition.ABSENT)
    )
    return Dataset(
        metadata=Metadata(data_version="facts"),
        resolutions=tuple(sorted(resolutions, key=lambda r: (r.session, r.record or ""))),
        votes=tuple(sorted(votes, key=lambda v: (v.session, v.record or "", v.state))),
    )
