"""The domain layer: the rules of the Convention and of the UN, as pure functions (no I/O).

One home per rule; every other part of apmbc calls these and derives nothing itself:

- :mod:`apmbc.domain.treaty`: Articles 15, 17 and 20: entry into force, withdrawal, status on a day;
- :mod:`apmbc.domain.calendar`: the UN General Assembly's sessions and their windows;
- :mod:`apmbc.domain.symbols`: UN document symbols: their one spelling, session and forum (and a
  press release's forum);
- :mod:`apmbc.domain.titles`: the annual resolution's title;
- :mod:`apmbc.domain.meetings`: the Convention's meeting codes and names, the years a meeting sat
  in, and its documents' symbols (``APLC/MSP.21/2023/14``);
- :mod:`apmbc.domain.names`: the one fold of names for lookups and matching, and the variants of
  UN-style names (``Iran (Islamic Republic of)``);
- :mod:`apmbc.domain.dates`: forgiving date input, and dates, ranges of days and years in running
  text;
- :mod:`apmbc.domain.numbers`: ordinals, cardinals (counts and a tally's figures) and Roman
  numerals;
- :mod:`apmbc.domain.choices`: enum arguments given as strings (``forum="plenary"``).
"""
