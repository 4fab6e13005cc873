"""Bring the facts collected on 2026-12-01 (../shared/reference/additions-2026-12-01.json) into
data-raw/.

This is a one-off conversion, kept so that the provenance of every fact it added is
reproducible; the package data is built from data-raw/ alone (scripts/build_data.py), so
rebuilding needs neither this script nor ../shared. Run from the repository root:

    python scripts/import_additions.py [--reference DIR]

It writes two kinds of change (data-raw/README.md says why):

- ``data-raw/additions-2026-12-01/``: the new records, in the format of the base files: the
  per-State votes of the session-70 First Committee roll call (``votes.csv`` and
  ``vote-sources.json``), 13 explanations of vote (``statements.json``) and 40 attendance facts
  (``attendances.json``). The build adds them and dates every source in the folder 2026-12-01.
- in place, in the base files of data-raw/: the changes to records they already hold (the First
  Committee records, participation figures of meetings, the corrections to States and to two
  attendance facts, four statements). Every source added there has an address that the base
  files did not cite before (the script stops otherwise), so the retrieval rule it writes into
  data-raw/provenance.json (those addresses, dated 2026-12-01) dates these sources alone.

Values (symbols, dates, tallies, votes, names, paraphrases) are read from the reference file;
a value already in data-raw that differs stops the script. The notes are the project's own words.
Running the script again on its own output changes nothing.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import json
import re
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, NoReturn

import apmbc
from apmbc import (
    Attendance,
    AttendanceRole,
    Forum,
    Source,
    Statement,
    StatementContext,
    to_dict,
)
from apmbc.domain.names import un_name_variants

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT / "data-raw"
FOLDER = RAW / "additions-2026-12-01"
DATE = "2026-12-01"
URL_RULE_WHY = (
    "sources added on 2026-12-01 to records of the base files by scripts/import_additions.py, "
    "from the facts collected that day (../shared/reference/additions-2026-12-01.json); no base "
    "file cited these addresses before"
)
CITATION_RULE = "github:visionscarto/un-session-70"
FOLDER_WHY = (
    "the facts of ../shared/reference/additions-2026-12-01.json, collected on 2026-12-01, "
    "converted into this folder by scripts/import_additions.py"
)

VISIONSCARTO = Source(
    citation="github:visionscarto/un-session-70:un-session-70-votes.csv",
    note=(
        "column L50, with the data set's README.md and country-codes.csv, commit "
        "99c14cce75bd53ac74208a981acf0aac31e2af55; compiled by Philippe Riviere (VisionsCarto) "
        "from un.org/en/ga/70/meetings and reachingcriticalwill.org/disarmament-fora/unga/2015/"
        "resolutions"
    ),
)
PROFILE_PAGES = [
    f"https://www.apminebanconvention.org/en/membership/states-not-party/{name}"
    for name in ("cuba", "china", "egypt")
]
POSITIONS = {
    "in_favour_states": "yes",
    "against_states": "no",
    "abstain_states": "abstain",
    "absent_states": "absent",
}


_SOURCE = re.compile(r"^(?P<ref>\S+)(?:\s+(?:\((?P<paren>.*)\)|(?P<rest>.*)))?$", re.S)


def parse_source(text: str, note: str | None = None) -> Source:
    """A reference source string ("URL (comment)" or "github:... comment") as a Source, split as
    scripts/import_reference.py split them."""
    match = _SOURCE.match(text.strip())
    if match is None:
        fail(f"not a source: {text!r}")
    ref = match["ref"]
    comment = match["paren"] or match["rest"] or None
    if comment and note:
        comment = f"{comment}; {note}"
    elif note:
        comment = note
    if ref.startswith(("http://", "https://")):
        return Source(url=ref, note=comment)
    return Source(citation=ref, note=comment)


def fail(message: str) -> NoReturn:
    raise SystemExit(f"import_additions: {message}")


def src(text: str, note: str | None = None) -> dict[str, Any]:
    """A source of the reference ("URL" or "github:... comment") as a data-raw source object."""
    visionscarto = text.startswith("github:visionscarto/")
    source = VISIONSCARTO if visionscarto else parse_source(text, note)
    data: dict[str, Any] = to_dict(source)
    del data["kind"]  # data-raw/ gives no kinds: provenance.json does
    return data


# -- the notes, in the project's words, and what each change does -------------------------------

# First Committee records: for each session, the reference's sources that are added (None: all
# of them; addresses the record already cites are not added twice), the notes added, and edits
# of notes that the new facts make untrue (old text -> new text). Values (symbol, date, tally)
# are read from the reference.
NOT_FOUND = "First Committee vote on the draft not found in any source read."
FIRST_COMMITTEE: dict[int, dict[str, Any]] = {
    52: {
        "notes": [
            "Read on 2026-12-01: GA/DIS/3096 (11 Nov 1997) says action on two related texts was "
            "put off, without naming them, and GA/DIS/3101 says the Committee ended its work on "
            "17 Nov 1997. The vote thus fell between 6 and 17 November 1997, most likely on "
            "12 November, but no source read states the day, the symbol or the tally."
        ]
    },
    53: {
        "notes": [
            "GA/DIS/3136 (13 Nov 1998) reports the Committee closing its session that afternoon.",
            "Not used as a tally: Landmine Monitor 1999 counts Syria and Libya each as 'one of "
            "nineteen' States abstaining on 'the 1998 resolution', without naming the forum; the "
            "plenary record of 53/77 N has 21 abstentions (while LM 1999's 18 abstainers for "
            "1997 match that year's plenary). No source read says the nineteen are the "
            "Committee's figure.",
        ]
    },
    54: {
        "notes": [
            "Acronym's Disarmament Diplomacy report has the Chair summing up the session on "
            "9 November 1999."
        ]
    },
    55: {
        "notes": [
            "GA/DIS/3189 sums up the text: it would urge States that had not yet done so to "
            "ratify without delay, and renew the call for victim care, mine awareness and "
            "clearance. The abstainers, absentees and symbol are in its annex, beyond the part "
            "read.",
            "The ICRC's customary-IHL practice pages cite two general-debate statements of this "
            "session, not explanations of vote and so not recorded as statements: Egypt "
            "(3 Oct 2000, A/C.1/55/PV.4), for which the Convention lacks a comprehensive vision, "
            "and Pakistan (13 Oct 2000, A/C.1/55/PV.13), for which its security environment rules "
            "out a full ban while it abides by CCW Amended Protocol II.",
        ]
    },
    56: {
        "notes": [
            "Acronym (Disarmament Diplomacy 61) has the 2001 session closing on 6 November, three "
            "days early. The plenary 56/24 M also had 19 abstentions; the Committee's abstainers "
            "are not assumed to be the same States."
        ]
    },
    57: {
        "notes": [
            "Read on 2026-12-01: the UNISPAL extract of the verbatim record of the 20th meeting "
            "(A/C.1/57/PV.20, 23 Oct 2002, afternoon) has Lebanon, speaking after action on "
            "A/C.1/57/L.31, regret its abstention on the mine-ban Convention text, whose sponsor "
            "it names as Belgium (see Lebanon's statement): the Committee had voted on the text "
            "by that meeting, after its introduction on 16 Oct 2002.",
            "The draft is not one of A/C.1/57/L.1-L.6, the only drafts in the readable part of "
            "the Reaching Critical Will page on the 2002 resolutions; GA/DIS/3238 (22 Oct 2002) "
            "and GA/DIS/3241 (28 Oct 2002) do not mention the text in the parts read. Symbol, "
            "date and tally not found.",
        ]
    },
    58: {"notes": []},
    59: {
        # Chapter III7 of the Disarmament Yearbook 2004 is a source of the 1RC already; the
        # chapter cited here is the one on the General Assembly's conventional-weapons texts.
        "skip": [
            "http://www.un.org/disarmament/HomePage/ODAPublications/Yearbook/2004/Html/Ch%20III7.html"
        ],
        "notes": [
            "Read on 2026-12-01, nothing found: the draft is not one of A/C.1/59/L.1-L.8 (the "
            "drafts in the readable part of the Reaching Critical Will 2004 index); the "
            "Disarmament Yearbook 2004 chapter on the General Assembly's conventional-weapons "
            "texts stops, as far as it could be read, before the entry for 59/84; GA/DIS/3289 "
            "(1 Nov 2004, 20th meeting) does not mention mines in the part read."
        ],
    },
    60: {
        "notes": [
            "Acronym (Disarmament Diplomacy 81) places the Committee's votes of 2005 between "
            "24 October and 1 November; GA/DIS/3312 (28 Oct 2005, 21st meeting) does not mention "
            "mines in the part read."
        ]
    },
    61: {
        "notes": [
            "Acronym (Disarmament Diplomacy 83) places the Committee's votes of 2006 between "
            "23 and 30 October."
        ]
    },
    62: {
        "notes": [
            "Acronym's summary of the 2007 First Committee resolutions places the votes between "
            "30 October and 2 November 2007 (its landmine entry was not reached); GA/DIS/3355 "
            "(30 Oct 2007) and GA/DIS/3357 (1 Nov 2007) do not mention the text in the parts read."
        ]
    },
    63: {
        "skip": ["http://the-monitor.org/index.php/cp/display/region_profiles/theme/2707"],
        "notes": [
            "The action-day press releases of 2008 (GA/DIS/3378, 3379 and 3380, 29-31 Oct 2008) "
            "do not mention the mine text in the parts read. Iran's explanation of its vote on "
            "the 2008 resolution is recorded as a statement whose forum is unknown (Landmine "
            "Monitor's Iran profile, its source, does not say)."
        ],
    },
    64: {
        "skip": ["http://archives.the-monitor.org/index.php/cp/display/region_profiles/theme/254"],
        "notes": [
            "A US diplomatic cable (09USUNNEWYORK1070, as published by WikiLeaks) gives the "
            "2009 session as 5 Oct to 2 Nov 2009 and holds a tally of all its actions, of which "
            "only the opening could be read; GA/DIS/3400, 3401 and 3403 do not mention the text "
            "in the parts read. Libya's explanation, dated October 2009 by Landmine Monitor's "
            "Libya profile, is recorded as a statement."
        ],
    },
    65: {
        "skip": ["http://archives.the-monitor.org/index.php/cp/display/region_profiles/theme/3383"],
        "notes": [
            "GA/DIS/3424 (28 Oct 2010, 21st meeting) does not mention the text in the part read. "
            "Landmine Monitor's Cuba profile (updated 31 Oct 2011, http://archives.the-monitor.org"
            "/index.php/cp/display/region_profiles/theme/3383) reports Cuba saying in October "
            "2010 that it could not give up mines while facing hostility from 'the military "
            "superpower'; the profile does not say whether this was an explanation of vote, nor "
            "where, so it is not recorded as a statement."
        ],
    },
    66: {
        "drop": [NOT_FOUND],
        "notes": [
            "The Yearbook's next page (printed page 292) has the Committee's explanations of "
            "vote: Singapore first, then seven abstaining States, of which only India and Egypt "
            "are on that page (all three are recorded as statements); the other five are on a "
            "page not found. Symbol and lists of abstainers and absentees not found."
        ],
    },
    67: {
        "sources": ["https://disarmament.unoda.org/update/20121109/"],
        "notes": [
            "Read on 2026-12-01, nothing found: no source gives the draft symbol, date or tally. "
            "The UNODA Update of 9 Nov 2012 has the session running from 8 Oct to 7 Nov 2012 and "
            "losing three days to hurricane Sandy; the press releases of that period found "
            "(GA/DIS/3465, 24 Oct 2012; GA/DIS/3471, 7 Nov 2012) do not mention the draft in the "
            "parts read."
        ],
    },
    68: {
        "drop": [NOT_FOUND],
        "notes": [
            "Date from GA/DIS/3492 (1 Nov 2013, 23rd meeting, afternoon): at that meeting the "
            "Committee acted on 18 drafts, five of them, the text on the Mine-Ban Treaty among "
            "them, by recorded vote (21 recorded votes in all). The symbol and the tally are "
            "further down the release, beyond the part read."
        ],
    },
    69: {
        "notes": [
            "Symbol A/C.1/69/L.5/Rev.1 from Singapore's explanation of vote, given after the vote "
            "on it; that page's date line (4 Nov 2014) may be the day it was posted. ICBL dates "
            "the vote 3 November 2014 and names only the United States among the abstainers."
        ]
    },
    70: {
        "drop": [NOT_FOUND],
        "edit": {
            "the tally was not found. abstain_states left null because only one abstainer is "
            "known.": (
                "the tally and the per-State votes come from GA/DIS/3540 and the VisionsCarto "
                "data set (next notes)."
            )
        },
        "notes": [
            "GA/DIS/3540 (24th meeting, morning) reports 'L.50' approved by a recorded vote of 159 "
            "in favour, none against and 19 abstentions, after debate in the conventional-weapons "
            "cluster (the explanations are beyond the part read).",
            "Per-State votes from the VisionsCarto data set of the 70th session (column L50), "
            "compiled by Philippe Riviere from the UN's meeting pages and Reaching Critical Will "
            "and checked by him against the reported totals: 159 yes, 19 abstaining and 15 not "
            "voting (recorded as absent), as GA/DIS/3540 says; the same file's column for "
            "A/RES/70/55 agrees with this data's plenary votes for all 193 States. Names are as "
            "the data set prints them, with two of its spellings corrected by the collectors "
            "(COSTARICA, SAINTLUCIA).",
            "Kept as recorded: the data set has two States Parties, Bolivia and Tajikistan, "
            "abstaining in the Committee, though both voted yes on 70/55 in plenary. This was not "
            "checked against the UN's own record (the Committee's verbatim record or its report "
            "A/70/460); it may be a recording error or a vote changed afterwards.",
        ],
    },
    71: {"notes": []},
    72: {"notes": []},
    73: {"notes": []},
    74: {
        "edit": {
            "Date and tally of the Committee vote not found in any source read.": (
                "The tally of the Committee vote was not found."
            ),
            "and its vote, could not be read. Not found.": "and its vote, could not be read.",
        },
        "notes": [
            "Date from Singapore's explanation of its votes on L.45 and the cluster-munitions "
            "draft L.46, 'that have just been adopted', headed 6 November 2019. The Convention "
            "on Cluster Munitions' support unit says L.46 was approved on 5 November 2019; as "
            "one statement covers both drafts, one of the two dates may be wrong (only "
            "Singapore's page dates L.45)."
        ],
    },
    75: {"notes": []},
    76: {
        "edit": {
            "Date and tally of the Committee vote not found in any source read.": (
                "The tally of the Committee vote was not found."
            ),
            "not visible in the portion read. Not found.": "not visible in the portion read.",
        },
        "notes": [
            "Date from Singapore's explanation of its yes votes on L.5 and the cluster-munitions "
            "draft L.41, 'that have just been adopted', headed 2 November 2021; Cuba's profile "
            "page dates its Committee abstention of the 76th session to the same day."
        ],
    },
    77: {
        "notes": [
            "GA/DIS/3705 (30th meeting, morning; 15 texts approved) may cover the "
            "conventional-weapons cluster, but whether L.40 was acted on there is not in the "
            "part read."
        ]
    },
    78: {
        "edit": {
            "The date and tally of the vote were not in the parts of these pages that could be "
            "read.": "The tally was not found."
        },
        "notes": [
            "Date from Singapore's explanation of its vote for L.39, which had 'just been "
            "adopted', headed 1 November 2023; dig.watch dates the approval of the "
            "autonomous-weapons draft L.56, at the same meeting, to that day. Singapore names "
            "the cluster-munitions draft of that session L.20.",
            "Committee positions known from explanations (recorded as statements): Cuba and India "
            "abstained, Singapore voted yes; the list of abstainers is not known.",
        ],
    },
    79: {
        "drop": [NOT_FOUND],
        "edit": {
            "Date and tally of the Committee vote not found in any source read.": (
                "The tally of the Committee vote was not found."
            )
        },
        "notes": [
            "Date from Singapore's explanation of its yes votes on L.30 and the cluster-munitions "
            "draft L.71, 'that have just been adopted', whose page carries the date line "
            "6 Nov 2024 (the heading with the meeting's date was not in the part read)."
        ],
    },
    80: {
        "first": ["https://www.mofa.go.jp/mofaj/press/release/pressit_000001_02921.html"],
        "drop": [
            "LOW CONFIDENCE: secondary news rewrite says the draft submitted by Japan (22MSP "
            "Presidency), Cambodia and Zambia was adopted by the First Committee on 5 November "
            "2025; the figure 154 appears only in its headline ('154 countries unite') and is "
            "taken to be the number voting in favour. 'Against' and 'abstain' not given. Not "
            "verified against a UN or Japanese MOFA document."
        ],
        "edit": {
            "A secondary news rewrite (djplayea.com) says the Japan/Cambodia/Zambia draft was "
            "adopted by the First Committee 'on November 5, 2025' (probably Japan time, as "
            "Japanese government releases give Tokyo dates) and its headline says '154 countries "
            "unite'. yes=154 is LOW CONFIDENCE (headline of a secondary source only, not checked "
            "against a UN document); no and abstain not found.": (
                "A secondary news rewrite (djplayea.com) dates the adoption 5 November 2025, the "
                "day in Japan, and its headline has '154 countries unite'; no and abstain not "
                "found."
            )
        },
        "notes": [
            "yes = 154 rests on Japan's Foreign Ministry (press release of 5 Nov 2025, in "
            "Japanese): the draft Japan, Cambodia and Zambia submitted was adopted by the First "
            "Committee with the support of 154 countries at 11:30 on 4 November in New York "
            "(01:30 on 5 November in Japan), so in the morning meeting. The release gives no "
            "figures against or abstaining. The news rewrite is kept as a source, no longer the "
            "only one for the figure.",
            "The Russian mission's explanation of position on drafts L.9, L.19, L.30 and L.52 "
            "could be read only as far as L.9, so Russia's vote on L.30 is not known; no "
            "Committee statement by Finland, Latvia, Lithuania, Poland or Ukraine was found.",
        ],
    },
}

STATEMENT_NOTES: dict[tuple[str, int], list[str]] = {
    ("LBN", 57): [
        "From the UNISPAL extract of the Committee's verbatim record of its 20th meeting "
        "(23 Oct 2002, afternoon). Lebanon spoke in Arabic, after action on A/C.1/57/L.31, so the "
        "vote on the mine-ban text was taken at that meeting or before. Lebanon abstained."
    ],
    ("IRN", 63): [
        "Landmine Monitor's Iran profile (updated 21 Oct 2011) gives this as Iran's explanation "
        "of its vote on the 2008 resolution, naming neither the forum nor the day (its footnote "
        "could not be seen): the forum is unknown. Iran abstained, by the profile and the "
        "plenary record of 63/42."
    ],
    ("LBY", 64): [
        "Landmine Monitor's Libya profile (updated 19 June 2010) dates the explanation to October "
        "2009 and ties it to the annual resolution without naming the forum. The forum is "
        "inferred: the First Committee acted on the resolution in October 2009, the plenary on "
        "2 Dec 2009 (64/56). Libya abstained."
    ],
    ("LBN", 64): [
        "Landmine Monitor's Lebanon profile (updated 29 Sep 2010) gives this right after "
        "Lebanon's abstention on 64/56 in plenary (2 Dec 2009), hence the forum; the footnote "
        "naming its source could not be seen, so it may come from the First Committee."
    ],
    ("SGP", 66): [
        "From the Disarmament Yearbook 2011 (Part II), the First Committee's explanations on the "
        "draft that became 66/29 (voted 28 Oct 2011). The page read starts mid-sentence; it does "
        "not give Singapore's vote, and lists Singapore apart from the seven abstaining States "
        "that spoke next."
    ],
    ("IND", 66): [
        "One of the seven abstaining States whose explanations of vote on the draft that became "
        "66/29 the Disarmament Yearbook 2011 gives."
    ],
    ("EGY", 66): [
        "One of the seven abstaining States whose explanations of vote the Disarmament Yearbook "
        "2011 gives; the page read ends in mid-sentence."
    ],
    ("SGP", 69): [
        "Singapore voted yes. The date is the page's date line; the page does not give the day "
        "of the meeting, which ICBL gives as 3 Nov 2014."
    ],
    ("SGP", 74): ["Singapore voted yes on both drafts; the part read ends in the sixth paragraph."],
    ("SGP", 76): ["Singapore voted yes; the part read ends in the fourth paragraph."],
    ("SGP", 78): ["Singapore voted yes; the part read ends in the fourth paragraph."],
    ("SGP", 79): [
        "Singapore voted yes. The date is the page's date line (the heading with the meeting's "
        "date was not in the part read)."
    ],
    ("IND", 78): [
        "Given before the vote, on which India abstained. The page's heading dates it only to "
        "October 2023 (the vote was on 1 Nov 2023, by Singapore's statement), so no day is "
        "recorded."
    ],
}

# Participation figures: to the meeting's ``participation`` where the meeting has none and the
# source is the Convention's or the conference's own (an official figure); otherwise to
# ``participation_alternatives``. A figure the meeting already holds from the same source is
# not added again; notes go to the meeting.
PARTICIPATION: dict[str, dict[str, Any]] = {
    "21MSP": {
        "edit": {
            "its President. Participation counts not found.": "its President.",
        },
        "main": {
            "basis": "official news release (23 Nov 2023; not the final report)",
            "summary": (
                "over 500 delegates from 104 States (91 States Parties, 13 not party) and more "
                "than 30 organisations"
            ),
            "total_states": 104,
        },
    },
    "22MSP": {
        "held": True,
        "notes": [
            "The Anadolu Agency report (via TRANSCEND) gives no split of the 126 States; its "
            "'93 States Parties' counts the States that aligned with statements on the "
            "withdrawals, not those attending. Tonga (in force from 1 Dec 2025) and the Marshall "
            "Islands were welcomed at the opening as States Parties (the Convention's summary of "
            "the meeting), so neither attended as an observer."
        ],
    },
    "5RC": {
        "edit": {
            "Participation counts not found.": (
                "No count of the States taking part was found in an official source; the "
                "figures kept are estimates and secondary reports."
            ),
        },
        "alternative": {
            "basis": "secondary, machine-written summary of a JICA item (low confidence)",
            "summary": (
                "134 countries and about 700 participants, per the title of the JICA item it "
                "summarises (States in total; no split)"
            ),
        },
        "notes": [
            "Opening-day press figures for the 5RC differ again: delegates from more than 150 "
            "countries (VietnamPlus, Xinhua) and about 700 delegates from 150 countries (Phnom "
            "Penh Post), as the collectors noted them on 2026-12-01 without recording the "
            "addresses; none splits States Parties from observers."
        ],
    },
    "2RC": {
        "drop": ["Participation counts not found."],
        "main": {
            "basis": "Cartagena Summit press release (4 Dec 2009)",
            "summary": (
                "127 States took part, over 40 of them at a high political level; no split "
                "into States Parties and observers"
            ),
            "total_states": 127,
        },
        "notes": [
            "An ICBL release of 4 Dec 2009, noted by the collectors on 2026-12-01 without its "
            "address, says 'more than 120 governments' took part at the 2RC."
        ],
    },
    "4MSP": {
        "alternative": {
            "basis": "ICBL assessment (8 Nov 2002)",
            "summary": (
                "131 countries: 94 States Parties and 37 not party (11 of them signatories; the "
                "rest of the breakdown is cut off in the copy read)"
            ),
        },
        "notes": [
            "ICBL's count for the 4MSP (131: 94 States Parties and 37 others) differs slightly "
            "from the Convention's (132: 89 States Parties, 5 not yet in force, 38 others); both "
            "are kept."
        ],
    },
    "12MSP": {
        "edit": {
            "Participation figures not found.": (
                "No official participation figures found; ICBL counts the States not party present."
            ),
        },
        "alternative": {
            "basis": "ICBL release (7 Dec 2012)",
            "summary": (
                "17 States not party present; Palestine, attending for the first time by ICBL's "
                "account, is mentioned apart and may not be among the 17"
            ),
        },
    },
    "15MSP": {"held": True},
    "1RC": {
        "edit": {
            "Participation counts not found (final report section C not retrieved).": (
                "Official participation counts not found (final report section C not "
                "retrieved); a Xinhua report gives an approximate total."
            ),
        },
        "alternative": {
            "basis": "Xinhua (via Sina, 3 Dec 2004)",
            "summary": "more than 1,000 delegates from over 140 countries (approximate; no split)",
        },
    },
}


# -- reading and writing data-raw --------------------------------------------------------------


def read_json(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def write_json(path: Path, data: Any) -> None:
    # Sources in data-raw/ give no kind (provenance.json gives it): the key is left out, as in
    # the files scripts/import_reference.py wrote.
    for found in sources_in(data):
        if found.get("kind", "") is None:
            del found["kind"]
    text = json.dumps(data, sort_keys=True, indent=2, ensure_ascii=False) + "\n"
    path.write_text(text, encoding="utf-8")


def sources_in(value: Any) -> Iterator[dict[str, Any]]:
    """Every source object inside a data-raw value."""
    if isinstance(value, dict):
        if "url" in value and "citation" in value:
            yield value
        for item in value.values():
            yield from sources_in(item)
    elif isinstance(value, list):
        for item in value:
            yield from sources_in(item)


def key(source: dict[str, Any]) -> tuple[Any, ...]:
    return tuple(source.get(k) for k in ("url", "citation", "title", "note"))


class Changes:
    """The in-place changes to the base files, applied once however often the script runs."""

    def __init__(self, cited_before: str) -> None:
        self.cited_before = cited_before
        """The text of the reference collection's first files: an address in it was cited
        before 2026-12-01."""
        self.added: list[dict[str, Any]] = []
        """Every source with a new address these changes put in the base files."""

    def is_new(self, source: dict[str, Any]) -> bool:
        """Whether the source's address (or citation) is new to the first collection."""
        return (source["url"] or source["citation"]) not in self.cited_before

    def cite(self, sources: list[dict[str, Any]], new: dict[str, Any], first: bool = False) -> None:
        """Add ``new`` to ``sources``. A source at an address cited before 2026-12-01 is only
        accepted as one the record already cites (it could not be dated by its address)."""
        present = any(key(s) == key(new) for s in sources)
        if not self.is_new(new):
            if not present:
                fail(f"{new['url'] or new['citation']} was cited before 2026-12-01; skip it")
            return
        self.added.append(new)
        if present:
            return
        if first:
            sources.insert(0, new)
        else:
            sources.append(new)

    @staticmethod
    def fill(record: dict[str, Any], field: str, value: Any, where: str) -> None:
        if value is None:
            return
        if record.get(field) is None:
            record[field] = value
        elif record[field] != value:
            fail(f"{where}.{field} is {record[field]!r} in data-raw, {value!r} in the reference")

    @staticmethod
    def add_note(notes: list[str], note: str) -> None:
        if note not in notes:
            notes.append(note)

    @staticmethod
    def drop_note(notes: list[str], note: str) -> None:
        if note in notes:
            notes.remove(note)

    @staticmethod
    def edit_note(notes: list[str], old: str, new: str, where: str) -> None:
        for i, text in enumerate(notes):
            if old in text:
                notes[i] = text.replace(old, new)
                return
            if new in text:
                return
        fail(f"{where}: no note holds {old[:50]!r}")


def first_committee(ref: dict[str, Any], resolutions: list[dict[str, Any]], ch: Changes) -> None:
    by_key = {(r["session"], r["forum"]): r for r in resolutions}
    for entry in ref["first_committee"]:
        session = entry["session"]
        record = by_key[(session, "first_committee")]
        where = f"resolutions.json[{session} first_committee]"
        spec = FIRST_COMMITTEE[session]
        ch.fill(record, "symbol", entry["draft_symbol"], where)
        ch.fill(record, "date", entry["date"], where)
        tally = record["tally"]
        for field in ("yes", "no", "abstain"):
            ch.fill(tally, field, entry[field], f"{where}.tally")
        if entry["absent_states"] is not None:
            ch.fill(tally, "absent", len(entry["absent_states"]), f"{where}.tally")
        skip = set(spec.get("skip", ()))
        first = set(spec.get("first", ()))
        listed = [*entry["sources"], *spec.get("sources", ())]
        for text in listed:
            if text in skip:
                continue
            ch.cite(record["sources"], src(text), first=text in first)
        for note in spec.get("drop", ()):
            ch.drop_note(record["notes"], note)
        for old, new_text in spec.get("edit", {}).items():
            ch.edit_note(record["notes"], old, new_text, where)
        for note in spec["notes"]:
            # New notes go before the closing note on the title, which every record ends with.
            if note in record["notes"]:
                continue
            at = len(record["notes"])
            if record["notes"] and record["notes"][-1].startswith("Title:"):
                at -= 1
            record["notes"].insert(at, note)


def meetings(ref: dict[str, Any], records: list[dict[str, Any]], ch: Changes) -> None:
    by_code = {m["code"]: m for m in records}
    for entry in ref["participation_counts"]:
        code = entry["meeting"]
        meeting = by_code[code]
        spec = PARTICIPATION[code]
        where = f"meetings.json[{code}]"
        cited = src(entry["source"])
        if spec.get("held"):
            held = [meeting["participation"], *meeting["participation_alternatives"]]
            if not any(p and any(key(s) == key(cited) for s in p["sources"]) for p in held):
                fail(f"{where}: no participation figure from {entry['source']}")
        for name in ("main", "alternative"):
            if name not in spec:
                continue
            figure = {
                "basis": None,
                "not_yet_in_force": None,
                "observer_states": entry["observer_states"],
                "sources": [cited],
                "states_parties": entry["states_parties"],
                "summary": None,
                "total_states": None,
                **spec[name],
            }
            if not ch.is_new(cited):
                fail(f"{where}: {entry['source']} was cited before 2026-12-01")
            ch.added.append(cited)
            if name == "main":
                if meeting["participation"] is None:
                    meeting["participation"] = figure
                elif meeting["participation"] != figure:
                    fail(f"{where}.participation is already set")
            elif figure not in meeting["participation_alternatives"]:
                meeting["participation_alternatives"].append(figure)
        for note in spec.get("drop", ()):
            ch.drop_note(meeting["notes"], note)
        for old, new_text in spec.get("edit", {}).items():
            ch.edit_note(meeting["notes"], old, new_text, where)
        for note in spec.get("notes", ()):
            ch.add_note(meeting["notes"], note)


def states(ref: dict[str, Any], records: list[dict[str, Any]], ch: Changes) -> None:
    by_code = {s["code"]: s for s in records}
    corrections = {c["what"].split(":")[0]: c for c in ref["corrections"]}

    ukraine = corrections["Ukraine"]
    ukr = by_code["UKR"]
    hrw = src(ukraine["sources"][0])
    action = next(a for a in ukr["other_actions"] if "notification" in a["description"].lower())
    ch.fill(action, "date", ukraine["value"], "states.json[UKR].other_actions")
    action["description"] = (
        "Notification to the UN Secretary-General (the depositary) of the 'suspension' of its "
        "obligations under the Convention, invoking VCLT Art. 62"
    )
    ch.cite(action["sources"], hrw, first=True)
    ch.cite(ukr["sources"], hrw)
    ch.edit_note(
        ukr["notes"],
        "The date of that notification was not found.",
        "Human Rights Watch (24 Jul 2025) dates that notification 18 July 2025, as does an ICBL "
        "statement of 9 Oct 2025 (one commentary says 17 July).",
        "states.json[UKR]",
    )

    baltic = corrections["Estonia, Latvia, Lithuania"]
    convention = src(
        baltic["sources"][0],
        "the 22MSP President's statement: confirms the withdrawal notices of Estonia, Latvia and "
        "Lithuania, effective six months after the depositary received them",
    )
    for code in ("EST", "LVA", "LTU"):
        state = by_code[code]
        ch.cite(state["sources"], convention)
        ch.cite(state["sources"], src(baltic["sources"][1], "effective 27 Dec"))
        ch.add_note(
            state["notes"],
            "Sources of the withdrawal: the Convention's own page (the 22MSP President's "
            "statement) confirms the notice and its effect six months after the depositary "
            "received it, and MAG marks 27 Dec 2025 as the day it took effect; the news reports "
            "among the sources only corroborate them.",
        )
    ch.add_note(
        by_code["EST"]["notes"],
        "Estonia's own explanation of vote (4 Nov 2025) gives 28 December 2025 as the day the "
        "withdrawal takes effect; 27 December (notification of 27 June plus six months, Article "
        "20(2)) is kept.",
    )
    ch.add_note(
        by_code["CHN"]["notes"],
        "The Convention's China page ends its list of meetings attended as observer at the 18MSP, "
        "though it lists votes up to 2024, while a China News Service report puts China's "
        "ambassador to Cambodia at the opening of the 5RC (Nov 2024): the list is not kept "
        "current, so no absence of China after the 18MSP is read from it.",
    )


def attendances(ref: dict[str, Any], records: list[dict[str, Any]], ch: Changes) -> None:
    by_key = {(a["state"], a["meeting"], a["attended"]): a for a in records}
    corrections = {c["what"].split(" at ")[0]: c for c in ref["corrections"]}
    syria = by_key[("SYR", "19MSP", True)]
    syria["evidence"] = (
        "LM (updated Sept 2022): Syria most recently attended the 19MSP (Nov 2021) as an "
        "observer. SANA reports a statement to the meeting by Syria's Permanent Representative "
        "in Geneva on 19 Nov 2021."
    )
    sana = corrections["Syria"]["sources"][0]
    ch.cite(
        syria["sources"],
        src(sana, "SANA: a statement by Syria's Permanent Representative in Geneva, 19 Nov 2021"),
    )
    libya = by_key[("LBY", "13MSP", True)]
    profile = corrections["Libya"]["sources"][0]
    ch.cite(
        libya["sources"],
        src(
            profile,
            "the Landmine Monitor profile of 29 Nov 2014, where the content of this fact was "
            "found; print_theme/3622 is the address first cited",
        ),
    )


def statements_in_place(
    base: list[dict[str, Any]], profiles: list[dict[str, Any]], ch: Changes
) -> None:
    """The four statements a careful reader found wrong, fixed where they live, with a note."""
    usa = next(s for s in base if s["state"] == "USA" and s["session"] == 70)
    fix_speaker(
        usa,
        "Ambassador Robert A. Wood, Permanent Representative to the Conference on Disarmament",
        "2015-11-04",
        "The date, delivered in New York on 4 November 2015, was first written into the speaker "
        "field; it is the statement's date.",
    )
    estonia = next(s for s in base if s["state"] == "EST" and s["session"] == 80)
    fix_speaker(
        estonia,
        "Mr Ott Laido, Counsellor, Permanent Mission of Estonia",
        "2025-11-04",
        "The date and place (New York, 4 November 2025) were first written into the speaker "
        "field; the date is the statement's date.",
    )

    def profile_statement(code: str, test: Callable[[dict[str, Any]], bool]) -> dict[str, Any]:
        entry = next(e for e in profiles if e["state"] == code)
        found: list[dict[str, Any]] = [s for s in entry["profile"]["statements"] if test(s)]
        if len(found) != 1:
            fail(f"profiles.json[{code}]: {len(found)} statements match")
        return found[0]

    egypt = profile_statement("EGY", lambda s: "A/C.1/78/L.20" in (s["attribution"] or ""))
    ch.add_note(
        egypt["notes"],
        "The page refers to document A/C.1/78/L.20, which in the 78th session was the draft on "
        "cluster munitions (Singapore's explanation of vote of 1 Nov 2023 names L.39 and the "
        "cluster-munitions draft L.20); the Convention's draft that session was A/C.1/78/L.39. "
        "The page's words are kept as printed.",
    )
    china = profile_statement("CHN", lambda s: s["year"] == 2013)
    china["verbatim"] = False
    ch.add_note(
        china["notes"],
        "Not China's own words: the page puts them in quotation marks, but they report China's "
        "view in the third person ('expressed that it attaches ...'), a paraphrase.",
    )
    cuba = profile_statement("CUB", lambda s: "countries.Our" in s["text"])
    ch.add_note(
        cuba["notes"],
        "'countries.Our', without a space, is as printed on the page; kept.",
    )


def fix_speaker(stmt: dict[str, Any], speaker: str, date: str, note: str) -> None:
    if stmt["speaker"] != speaker:
        if not stmt["speaker"].startswith(speaker + " ("):
            fail(f"statements.json[{stmt['state']}]: unexpected speaker {stmt['speaker']!r}")
        stmt["speaker"] = speaker
    Changes.fill(stmt, "date", date, f"statements.json[{stmt['state']}]")
    Changes.add_note(stmt["notes"], note)


# -- the new records: data-raw/additions-2026-12-01/ -------------------------------------------


def state_code(name: str) -> str:
    """The State a UN-style name names, through the bundled lookups; stops on a name that names
    none (never a guess)."""
    states = apmbc.load().states
    for variant in un_name_variants(name):
        found = states.get(variant)
        if found is not None:
            return found.code
    fail(f"no State is named {name!r}")


def write_votes(ref: dict[str, Any]) -> int:
    entries = [e for e in ref["first_committee"] if e["in_favour_states"] is not None]
    rows: list[list[Any]] = []
    for entry in entries:
        if entry["draft_symbol"] is None:
            fail(f"session {entry['session']}: a roll call without its draft symbol")
        seen: set[str] = set()
        for field, position in POSITIONS.items():
            for name in entry[field] or ():
                code = state_code(name)
                if code in seen:
                    fail(f"session {entry['session']}: {name} ({code}) is listed twice")
                seen.add(code)
                row = [entry["session"], "first_committee", entry["draft_symbol"], code, name]
                rows.append([*row, position, 0])
    rows.sort(key=lambda r: (r[0], r[1], r[3]))
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    header = ["session", "forum", "resolution", "state", "recorded_name", "position", "source"]
    writer.writerow(header)
    writer.writerows(rows)
    (FOLDER / "votes.csv").write_text(buffer.getvalue(), encoding="utf-8")
    write_json(FOLDER / "vote-sources.json", [to_dict(VISIONSCARTO)])
    return len(rows)


def write_statements(ref: dict[str, Any]) -> int:
    out = []
    for e in ref["statements"]:
        code = state_code(e["state"])
        notes = STATEMENT_NOTES[(code, e["session"])]
        out.append(
            Statement(
                state=code,
                text=e["paraphrase"],
                context=StatementContext.EXPLANATION_OF_VOTE,
                verbatim=False,
                speaker=e["speaker"],
                session=e["session"],
                forum=Forum(e["forum"]) if e["forum"] else None,
                year=1945 + e["session"],
                date=dt.date.fromisoformat(e["date"]) if e["date"] else None,
                sources=(parse_source(e["source"]),),
                notes=tuple(notes),
            )
        )
    write_json(FOLDER / "statements.json", to_dict(tuple(out)))
    return len(out)


def write_attendances(ref: dict[str, Any]) -> int:
    out = []
    for a in ref["attendance_facts"]:
        if state_code(a["state"]) != a["iso3"]:
            fail(f"attendance: {a['state']!r} is not {a['iso3']}")
        cited = [parse_source(a["source"])]
        if a.get("also_source"):
            cited.append(parse_source(a["also_source"]))
        # Attended as what, where the source does not say: the China News Service report puts
        # China's ambassador at the 5RC's opening ceremony only (see the evidence).
        stated_role = a["attended"] and a.get("confidence") != "medium"
        out.append(
            Attendance(
                state=a["iso3"],
                meeting=a["meeting"],
                attended=a["attended"],
                role=AttendanceRole.OBSERVER if stated_role else None,
                evidence=a["evidence"],
                inferred=bool(a.get("inferred")),
                sources=tuple(cited),
            )
        )
    write_json(FOLDER / "attendances.json", to_dict(tuple(out)))
    return len(out)


# -- provenance --------------------------------------------------------------------------------


def check_addresses(base: dict[str, Any], ch: Changes) -> list[str]:
    """The addresses of the sources added in place; no other source of the base files may cite
    one of them (its date would change with them)."""
    mine = {key(s) for s in ch.added}
    urls = sorted({s["url"] for s in ch.added if s["url"]})
    for name, data in base.items():
        for found in sources_in(data):
            if found["url"] in urls and key(found) not in mine:
                fail(f"{name} also cites {found['url']} in another source")
    return urls


def write_provenance(urls: list[str]) -> None:
    path = RAW / "provenance.json"
    data = read_json(path)
    retrieved = data["retrieved"]
    rules = [r for r in retrieved["rules"] if r.get("why") != URL_RULE_WHY]
    rules = [r for r in rules if r.get("citation") != CITATION_RULE]
    rules.append({"urls": urls, "date": DATE, "why": URL_RULE_WHY})
    rules.append(
        {
            "citation": CITATION_RULE,
            "date": DATE,
            "why": "the VisionsCarto data set of the 70th session, read on 2026-12-01 for the "
            "First Committee roll call",
        }
    )
    retrieved["rules"] = rules
    retrieved["folders"] = [{"folder": FOLDER.name, "date": DATE, "why": FOLDER_WHY}]
    # The kind rules stay as written by hand (one a line, in groups); the retrieval part is
    # written again, one rule a line.
    text = path.read_text(encoding="utf-8")
    head = text[: text.index('  "retrieved": {')]
    path.write_text(head + _retrieved(retrieved) + "}\n", encoding="utf-8")


def _retrieved(r: dict[str, Any]) -> str:
    def one(value: Any) -> str:
        return json.dumps(value, ensure_ascii=False)

    items = []
    for rule in r["rules"]:
        if "urls" in rule:
            urls = ",\n".join(f"        {one(u)}" for u in rule["urls"])
            rest = f'"date": {one(rule["date"])}, "why": {one(rule["why"])}'
            items.append(f'      {{"urls": [\n{urls}\n      ], {rest}}}')
        else:
            items.append(f"      {one(rule)}")
    folders = ",\n".join(f"      {one(f)}" for f in r["folders"])
    return (
        '  "retrieved": {\n'
        f'    "default": {one(r["default"])},\n'
        '    "rules": [\n' + ",\n".join(items) + "\n    ],\n"
        '    "folders": [\n' + folders + "\n    ]\n"
        "  }\n"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reference", type=Path, default=ROOT.parent / "shared" / "reference")
    args = parser.parse_args(argv)
    ref = read_json(args.reference / "additions-2026-12-01.json")
    names = ("resolutions", "meetings", "states", "attendances", "statements", "profiles")
    base = {f"{n}.json": read_json(RAW / f"{n}.json") for n in names}
    base["vote-sources.json"] = read_json(RAW / "vote-sources.json")
    first_files = ("states.json", "meetings.json", "resolutions.json", "attendance.json")
    cited_before = "\n".join(
        (args.reference / name).read_text(encoding="utf-8")
        for name in (*first_files, "explanations.json", "votes.csv", "codes.csv")
    )
    # The addresses scripts/import_reference.py added itself, and the profile pages' addresses.
    cited_before += "\n".join(["https://www.un.org/en/about-us/member-states", *PROFILE_PAGES])
    ch = Changes(cited_before)
    first_committee(ref, base["resolutions.json"], ch)
    meetings(ref, base["meetings.json"], ch)
    states(ref, base["states.json"], ch)
    attendances(ref, base["attendances.json"], ch)
    statements_in_place(base["statements.json"], base["profiles.json"], ch)
    urls = check_addresses(base, ch)
    for name in names:
        write_json(RAW / f"{name}.json", base[f"{name}.json"])
    FOLDER.mkdir(exist_ok=True)
    counts = (write_votes(ref), write_statements(ref), write_attendances(ref))
    write_provenance(urls)
    print(
        f"wrote {FOLDER.relative_to(ROOT)} ({counts[0]} votes, {counts[1]} statements, "
        f"{counts[2]} attendance facts) and the changes to data-raw/ ({len(urls)} new addresses)",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
