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
fetched). Every content line that is not understood is kept in :attr:`Profile.unparsed` with
its line number and the reason; recognised page furniture ("Skip to main content", "Back to
list", the standard paragraphs) is skipped.
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
