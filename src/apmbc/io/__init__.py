"""Files in and out: every reader and writer of apmbc, over one file layer.

- ``apmbc.io._files`` (internal): reading text (encodings, size caps, located errors) and writing
  atomically; every reader and writer below goes through it;
- ``apmbc.io._bundled`` (internal): the dataset in use (``apmbc.load()``): the bundled data, or
  a dataset JSON file given or named by ``APMBC_DATA``;
- :mod:`apmbc.io.jsonfile`: dataset JSON files (``load_json``, ``dump_json``);
- :mod:`apmbc.io.profile`: the Convention's State profile pages (``parse_profile``);
- :mod:`apmbc.io.undl`: the UN Digital Library's voting CSVs (``load_undl_csv``);
- :mod:`apmbc.io.recorded_vote`: the UN's press releases and meeting records of recorded votes
  (``parse_recorded_vote``, ``read_recorded_vote``);
- ``apmbc.io._titles`` (internal): the title filter the UN readers share (``title_predicate``).
"""
