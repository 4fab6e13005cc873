"""State profile pages of the Convention's website, read into a :class:`Profile`.

>>> page = '''Cubalia
... The State not party has participated as Observer in the following meetings of the Convention
... • 1MSP, 2MSP, First Review Conference
... The State not party most recently has voted as follows,
... • Abstained - 2021, 2022
... '''
>>> profile = parse_profile(page)
>>> profile.state, profile.observer_meetings
('Cubalia', ('1MSP', '2MSP', '1RC'))
>>> [(v.position.value, v.session, v.forum.value) for v in profile.votes]
[('abstain', 76, 'plenary'), ('abstain', 77, 'plenary')]

A page is plain text (what a browser's "save as text" gives) or HTML (detected; read with the
standard library's ``html.parser``, scripts and styles dropped, entities decoded; nothing is
fetched). Sections are found by what their headings are about (taking part in meetings, votes,
what the State said, its national policy), whatever their wording: "The State not party" or the
State's name, "has participated as Observer in the following meetings" or "has taken part in 8
of the 27 formal Meetings ... to date as follows", "most recently has voted as follows",
"has indicated on its abstentions", "A number of States not party have indicated that they have
put in place moratoria ...". A year written after a meeting code ("19MSP - 2021") is checked
against the meeting's dates (``meetings=``, by default the bundled data).

Every content line that is not understood is kept in :attr:`Profile.unparsed` with its line
number and the reason; recognised page furniture ("Skip to main content", "Back to list", the
standard paragraphs, empty bullets) is skipped.
"""

from __future__ import annotations

from apmbc.io.profile._reader import (
    Profile,
    ProfileVote,
    UnparsedLine,
    parse_profile,
    read_profile,
)

__all__ = ["Profile", "ProfileVote", "UnparsedLine", "parse_profile", "read_profile"]
