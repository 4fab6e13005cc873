"""Turn the collected reference facts (../shared/reference) into the project's own data-raw/ files.

This is the one-off import that created data-raw/; it is kept so that the provenance of every
file there is reproducible. The package data is built from data-raw/ alone by build_data.py, so
the project rebuilds without ../shared. Run from the repository root:

    python scripts/import_reference.py [--reference DIR] [--samples DIR]

It needs the development group ``data`` (pycountry, for ISO 3166-1 alpha-2 codes and ISO names).
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import json
import re
import sys
from pathlib import Path
from typing import Any

import attrs

from apmbc import (
    Action,
    Attendance,
    AttendanceRole,
    DepositMethod,
    Forum,
    Meeting,
    MeetingFormat,
    MeetingKind,
    Participation,
    President,
    Resolution,
    Source,
    State,
    Statement,
    StatementContext,
    Tally,
    TreatyStatus,
    to_dict,
)
from apmbc.domain.names import fold

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT / "data-raw"

# Lookup conveniences: short names people type. Not official names; see data-raw/README.md.
ALIASES: dict[str, list[str]] = {
    "USA": ["USA", "US", "United States of America", "America"],
    "GBR": ["UK", "Great Britain", "Britain"],
    "RUS": ["Russia"],
    "PRK": ["North Korea", "DPRK"],
    "KOR": ["South Korea", "ROK"],
    "IRN": ["Iran"],
    "LAO": ["Laos", "Lao PDR"],
    "VNM": ["Vietnam"],
    "SYR": ["Syria"],
    "TUR": ["Turkey", "Turkiye"],
    "CZE": ["Czech Republic"],
    "SWZ": ["Swaziland"],
    "MKD": ["Macedonia"],
    "CPV": ["Cape Verde"],
    "CIV": ["Ivory Coast"],
    "MMR": ["Burma"],
    "VAT": ["Vatican", "Vatican City"],
    "PSE": ["Palestine"],
    "FSM": ["Micronesia"],
    "BOL": ["Bolivia"],
    "VEN": ["Venezuela"],
    "TZA": ["Tanzania"],
    "MDA": ["Moldova"],
    "BRN": ["Brunei"],
    "TLS": ["East Timor"],
    "COD": ["DR Congo", "DRC", "Congo-Kinshasa"],
    "COG": ["Republic of the Congo", "Congo-Brazzaville"],
    "ARE": ["UAE"],
    "NLD": ["Holland"],
}

# UN admission dates that the validators need (votes only from membership on).
UN_MEMBER_SINCE: dict[str, tuple[str, str]] = {
    "MNE": ("2006-06-28", "https://www.un.org/en/about-us/member-states"),
    "SSD": ("2011-07-14", "https://www.un.org/en/about-us/member-states"),
}

# The UN's historical seats that votes.csv leaves without a code; see data-raw/README.md.
HISTORICAL_SEATS = {"YUGOSLAVIA": "SRB", "SERBIA AND MONTENEGRO": "SRB"}

ORDINALS = [
    "First", "Second", "Third", "Fourth", "Fifth", "Sixth", "Seventh", "Eighth", "Ninth", "Tenth",
    "Eleventh", "Twelfth", "Thirteenth", "Fourteenth", "Fifteenth", "Sixteenth", "Seventeenth",
    "Eighteenth", "Nineteenth", "Twentieth", "Twenty-first", "Twenty-second", "Twenty-third",
]  # fmt: skip

_SOURCE = re.compile(r"^(?P<ref>\S+)(?:\s+(?:\((?P<paren>.*)\)|(?P<rest>.*)))?$", re.S)


def source(text: str, note: str | None = None) -> Source:
    """Split a reference source string ("URL (comment)" or "github:... comment") into a Source."""
    match = _SOURCE.match(text.strip())
    assert match is not None, text
    ref = match["ref"]
    comment = match["paren"] or match["rest"] or None
    if comment and note:
        comment = f"{comment}; {note}"
    elif note:
        comment = note
    if ref.startswith(("http://", "https://")):
        return Source(url=ref, note=comment)
    return Source(citation=ref, note=comment)


def sources(items: list[str] | None) -> tuple[Source, ...]:
    return tuple(source(s) for s in items or [])


def notes(value: str | list[str] | None) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return tuple(part.strip() for part in value.split(" | ") if part.strip())
    return tuple(value)


def date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def write_json(name: str, records: Any) -> None:
    text = json.dumps(to_dict(records), sort_keys=True, indent=2, ensure_ascii=False) + "\n"
    (RAW / name).write_text(text, encoding="utf-8")


def import_states(ref: Path, vote_rows: list[dict[str, str]]) -> list[State]:
    import importlib.metadata

    import pycountry

    iso_source = Source(
        citation=f"ISO 3166-1, via pycountry {importlib.metadata.version('pycountry')}",
        note="alpha-2 code and ISO short, common and official names",
    )
    alias_source = Source(
        citation="apmbc lookup aliases (data-raw/README.md)",
        note="common English short names for lookups; not official names",
    )
    data = json.loads((ref / "states.json").read_text(encoding="utf-8"))
    recorded: dict[str, dict[str, int]] = {}
    for row in vote_rows:
        code = row["iso3"] or HISTORICAL_SEATS[row["state"]]
        recorded.setdefault(code, {})
        session = int(row["session"])
        recorded[code][row["state"]] = max(recorded[code].get(row["state"], 0), session)
    latest = max(int(r["session"]) for r in vote_rows)
    states = []
    for item in data["states"]:
        code = item["iso3"]
        name = item["name"]
        country = pycountry.countries.get(alpha_3=code)
        iso_names = []
        if country is not None:
            iso_names = [
                getattr(country, attr, None) for attr in ("name", "common_name", "official_name")
            ]
        aliases: list[str] = []
        former: list[str] = []

        known = {fold(name)}

        def add(target: list[str], value: str | None, known: set[str] = known) -> None:
            if value and fold(value) not in known:
                known.add(fold(value))
                target.append(value)

        # Names from the records first, so that a name the UN no longer uses is a former name.
        for recorded_name, last in sorted(recorded.get(code, {}).items()):
            add(aliases if last == latest else former, recorded_name)
        add(former, item.get("untc_name_2014"))
        for value in iso_names:
            add(aliases, value)
        for value in ALIASES.get(code, []):
            add(aliases, value)
        recs = list(sources(item["sources"]))
        if country is not None:
            recs.append(iso_source)
        if ALIASES.get(code):
            recs.append(alias_source)
        state_notes = list(item["notes"])
        eif_source = item.get("entry_into_force_source")
        if eif_source:
            state_notes.append(f"Entry into force as stated by {eif_source}.")
            if all(s.url != eif_source for s in recs):
                recs.append(source(eif_source, "states the entry into force"))
        since = UN_MEMBER_SINCE.get(code)
        if since:
            recs.append(Source(url=since[1], note="date of admission to the United Nations"))
        if code == "SRB":
            state_notes.append(
                "UN vote records of sessions 52-57 ('YUGOSLAVIA', the Federal Republic of "
                "Yugoslavia) and 58-60 ('SERBIA AND MONTENEGRO') are keyed to SRB: Serbia "
                "continued that UN membership in June 2006 (the UN's own files code them YUG "
                "and SCG). Montenegro (MNE) joined the UN as a new member on 28 June 2006."
            )
        actions = tuple(
            Action(
                date=date(a["date"]),
                description=a["action"],
                sources=(source(a["source"]),),
            )
            for a in item["other_actions"]
        )
        states.append(
            State(
                code=code,
                name=name,
                alpha2=country.alpha_2 if country is not None else None,
                aliases=tuple(aliases),
                former_names=tuple(former),
                un_member=item["un_member"],
                un_member_since=date(since[0]) if since else None,
                status=TreatyStatus(item["status"]),
                signed=date(item["signature_date"]),
                deposited=date(item["deposit_date"]),
                deposit_method=DepositMethod(item["method"]) if item["method"] else None,
                entry_into_force=date(item["entry_into_force_date"]),
                withdrawal_notified=date(item["withdrawal_notification_date"]),
                withdrawal_effective=date(item["withdrawal_effective_date"]),
                other_actions=actions,
                sources=tuple(recs),
                notes=tuple(state_notes),
            )
        )
    return sorted(states, key=lambda s: s.code)


def import_meetings(ref: Path, by_name: dict[str, str]) -> list[Meeting]:
    data = json.loads((ref / "meetings.json").read_text(encoding="utf-8"))

    def code_of(country: str | None) -> str | None:
        if country is None:
            return None
        return by_name[fold(country)]

    def participation(p: dict[str, Any] | None) -> Participation | None:
        if not p:
            return None
        return Participation(
            states_parties=p.get("states_parties"),
            not_yet_in_force=p.get("states_ratified_not_yet_in_force"),
            observer_states=p.get("observer_states"),
            total_states=p.get("total_states"),
            basis=p.get("basis"),
            summary=p.get("summary"),
            sources=(source(p["source"]),) if p.get("source") else (),
        )

    meetings: list[Meeting] = []
    for m in data["meetings"]:
        kind = MeetingKind.MSP if m["kind"] == "MSP" else MeetingKind(m["kind"])
        ordinal = ORDINALS[m["ordinal"] - 1]
        other = [m["also_known_as"]] if m["also_known_as"] else []
        if kind is MeetingKind.MSP:
            other.append(f"{ordinal} MSP")
        else:
            other.append(f"{ordinal} RevCon")
        meeting_notes = list(m["notes"])
        president = None
        if m["president"]:
            p = m["president"]
            if p.get("note"):
                meeting_notes.append(f"President: {p['note']}")
            president = President(
                person=p["person"],
                title=p["title"],
                state=code_of(p["state"]),
                confidence=p["confidence"],
                sources=(source(p["source"]),) if p.get("source") else (),
            )
        alternatives = tuple(
            Participation(
                basis=a.get("basis"), summary=a.get("summary"), sources=(source(a["source"]),)
            )
            for a in m["participation_alternatives"]
        )
        meetings.append(
            Meeting(
                code=m["code"],
                kind=kind,
                name=m["official_name"],
                number=m["ordinal"],
                other_names=tuple(other),
                start=date(m["start_date"]),
                end=date(m["end_date"]),
                city=m["city"],
                country=code_of(m["country"]),
                venue=m["venue"],
                format=MeetingFormat(m["format"]) if m["format"] else None,
                president=president,
                participation=participation(m["participation"]),
                participation_alternatives=alternatives,
                sources=sources(m["sources"]),
                notes=tuple(meeting_notes),
            )
        )
    for m in data["intersessional_meetings"]:
        extra = []
        if m.get("month") and not m.get("start_date"):
            extra.append(f"Held in {m['month']}; exact dates not retrieved.")
        part = m.get("participation")
        meetings.append(
            Meeting(
                code=m["code"],
                kind=MeetingKind.INTERSESSIONAL,
                name=m["name"],
                start=date(m["start_date"]),
                end=date(m["end_date"]),
                city=m["city"],
                country=code_of(m["country"]),
                venue=m.get("venue"),
                format=MeetingFormat(m["format"]) if m.get("format") else None,
                participation=Participation(summary=part, sources=sources(m["sources"][:1]))
                if isinstance(part, str)
                else None,
                sources=sources(m["sources"]),
                notes=(*extra, *notes(m["notes"])),
            )
        )
    by_code = {m.code: m for m in meetings}
    for prep in data["review_conference_preparatory_meetings"]:
        target = by_code[prep["for"]]
        for span in prep["dates"]:
            start, _, end = span.partition("/")
            month = dt.date.fromisoformat(start).strftime("%B %Y")
            meetings.append(
                Meeting(
                    code=f"{prep['for']}-PREP-{start[:7]}",
                    kind=MeetingKind.PREPARATORY,
                    name=f"Preparatory meeting for the {target.name} ({month})",
                    start=date(start),
                    end=date(end or start),
                    city=prep["city"],
                    country=code_of("Switzerland") if prep["city"] == "Geneva" else None,
                    for_meeting=prep["for"],
                    sources=(source(prep["source"]),),
                    notes=notes(prep.get("note")),
                )
            )
    return meetings


def import_resolutions(ref: Path, vote_rows: list[dict[str, str]]) -> list[Resolution]:
    data = json.loads((ref / "resolutions.json").read_text(encoding="utf-8"))
    absent: dict[tuple[int, str], int] = {}
    for row in vote_rows:
        key = (int(row["session"]), row["forum"])
        absent[key] = absent.get(key, 0) + (row["vote"] == "X")
    title_52 = (
        "Convention on the Prohibition of the Use, Stockpiling, Production and Transfer of "
        "Anti-personnel Mines and on Their Destruction"
    )
    title_54 = (
        "Implementation of the Convention on the Prohibition of the Use, Stockpiling, Production "
        "and Transfer of Anti-Personnel Mines and on Their Destruction"
    )
    out = []
    for r in data:
        session = r["session"]
        forum = Forum(r["forum"])
        title = None
        if session == 52 and forum is Forum.PLENARY:
            title = title_52
        elif session >= 54:
            title = title_54
        extra = []
        if r["no_states"] is not None or r["abstain_states"] is not None:
            named = r["no_states"] or []
            if forum is Forum.FIRST_COMMITTEE and named:
                extra.append("States voting no: " + ", ".join(named))
        if title is not None:
            extra.append(
                "Title: per the UN Digital Library record of 52/38 A, 'Implementation of...' is "
                "used from 54/54 B onward."
                if session >= 54
                else "Title as given by the UN Digital Library record."
            )
        key = (session, forum.value)
        out.append(
            Resolution(
                session=session,
                forum=forum,
                symbol=r["symbol"],
                date=date(r["date"]),
                title=title,
                tally=Tally(
                    yes=r["yes"],
                    no=r["no"],
                    abstain=r["abstain"],
                    absent=absent.get(key) if key in absent else None,
                ),
                sources=sources(r["sources"]),
                notes=(*notes(r["notes"]), *extra),
            )
        )
    # A First Committee record with no source of its own is known to exist only because the
    # plenary resolution was adopted on the Committee's report: cite the plenary's sources.
    plenary = {r.session: r for r in out if r.forum is Forum.PLENARY}
    for i, r in enumerate(out):
        if not r.sources:
            note = (
                "the plenary resolution of this session was adopted on the report of the First "
                "Committee; the Committee's own vote was not found"
            )
            cited = tuple(
                Source(url=s.url, citation=s.citation, title=s.title, note=note)
                for s in plenary[r.session].sources[:1]
            )
            out[i] = attrs.evolve(r, sources=cited)
    return sorted(out, key=lambda r: (r.session, r.forum.value))


def import_attendances(ref: Path) -> list[Attendance]:
    data = json.loads((ref / "attendance.json").read_text(encoding="utf-8"))
    return [
        Attendance(
            state=a["iso3"],
            meeting=a["meeting"],
            attended=a["attended"],
            role=AttendanceRole.OBSERVER if a["attended"] else None,
            evidence=a["evidence"],
            sources=(source(a["source"]),),
        )
        for a in data
    ]


def import_statements(ref: Path) -> list[Statement]:
    data = json.loads((ref / "explanations.json").read_text(encoding="utf-8"))
    out = []
    for e in data:
        out.append(
            Statement(
                state=e["iso3"],
                text=e["paraphrase"],
                context=StatementContext.EXPLANATION_OF_VOTE,
                verbatim=False,
                speaker=e.get("speaker"),
                session=e["session"],
                forum=Forum(e["forum"]),
                year=1945 + e["session"],
                sources=(source(e["source"]),),
                notes=notes(e.get("notes")),
            )
        )
    return out


def write_votes(vote_rows: list[dict[str, str]]) -> None:
    """data-raw/votes.csv (one row per vote, its source as an index) and vote-sources.json."""
    codes = {"Y": "yes", "N": "no", "A": "abstain", "X": "absent"}
    texts: list[str] = []
    index: dict[str, int] = {}
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    header = ["session", "forum", "resolution", "state", "recorded_name", "position", "source"]
    writer.writerow(header)
    for row in sorted(vote_rows, key=lambda r: (int(r["session"]), r["forum"], r["state"])):
        code = row["iso3"] or HISTORICAL_SEATS[row["state"]]
        if row["source"] not in index:
            index[row["source"]] = len(texts)
            texts.append(row["source"])
        writer.writerow(
            [row["session"], row["forum"], row["symbol"], code, row["state"], codes[row["vote"]],
             index[row["source"]]]
        )  # fmt: skip
    (RAW / "votes.csv").write_text(buffer.getvalue(), encoding="utf-8")
    write_json("vote-sources.json", tuple(source(t) for t in texts))


# The pages in ../shared/samples and where they were published (its README).
SAMPLE_PAGES = {
    "cuba-state-not-party.txt": (
        "CUB",
        "https://www.apminebanconvention.org/en/membership/states-not-party/cuba",
    ),
    "china-state-not-party.txt": (
        "CHN",
        "https://www.apminebanconvention.org/en/membership/states-not-party/china",
    ),
    "egypt-state-not-party.txt": (
        "EGY",
        "https://www.apminebanconvention.org/en/membership/states-not-party/egypt",
    ),
}


def import_profiles(samples: Path) -> None:
    """data-raw/profiles.json: the facts apmbc.read_profile reads from each sample page."""
    from apmbc import read_profile

    out = []
    for name, (code, url) in SAMPLE_PAGES.items():
        note = f"State profile page as saved on or before 2026-11-27 ({name} in the reference set)"
        profile = read_profile(samples / name, state=code, source=Source(url=url, note=note))
        if profile.unparsed:
            raise SystemExit(f"{name}: unparsed lines {profile.unparsed}")
        out.append({"state": code, "profile": to_dict(profile)})
    text = json.dumps(out, sort_keys=True, indent=2, ensure_ascii=False) + "\n"
    (RAW / "profiles.json").write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reference", type=Path, default=ROOT.parent / "shared" / "reference")
    parser.add_argument("--samples", type=Path, default=ROOT.parent / "shared" / "samples")
    args = parser.parse_args(argv)
    ref: Path = args.reference
    with (ref / "votes.csv").open(encoding="utf-8", newline="") as handle:
        vote_rows = list(csv.DictReader(handle))
    RAW.mkdir(exist_ok=True)
    states = import_states(ref, vote_rows)
    by_name = {fold(n): s.code for s in states for n in (s.name, *s.aliases)}
    write_json("states.json", tuple(states))
    write_json("meetings.json", tuple(import_meetings(ref, by_name)))
    write_json("resolutions.json", tuple(import_resolutions(ref, vote_rows)))
    write_json("attendances.json", tuple(import_attendances(ref)))
    write_json("statements.json", tuple(import_statements(ref)))
    write_votes(vote_rows)
    import_profiles(args.samples)
    print(f"wrote data-raw/ from {ref}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
