"""Output: the record as tidy tables, CSV and JSON exports, notebook views and coverage reports.

- :func:`to_records` and :data:`COLUMNS`: one flat row per record, keyed by codes;
- :func:`export` and :func:`export_text`: a table as CSV or JSON, to a file or a stream;
- :func:`export_all` and :func:`datapackage`: every table in a folder, with the Frictionless
  Data Package ``datapackage.json`` that describes them (read back with
  :func:`apmbc.pandas.read_export`);
- :func:`summary`, :func:`coverage_summary` and :func:`coverage_markdown`: what the data knows
  and does not know, and the kinds of source it rests on, for review, ``apmbc coverage`` and the
  docs;
- :func:`citation` and :func:`citation_data`: how to cite the package and the data in use.

pandas frames and figures live in :mod:`apmbc.pandas` and :mod:`apmbc.plot` (optional extras).
"""

from __future__ import annotations

from apmbc.output._citation import CITATION_FORMATS, DATA_LICENSE, citation, citation_data
from apmbc.output._coverage import coverage_markdown, coverage_summary, summary
from apmbc.output._export import FORMATS, export, export_text
from apmbc.output._package import datapackage, export_all
from apmbc.output._tables import (
    COLUMNS,
    LIST_TABLES,
    RECORD_TABLES,
    TABLES,
    Column,
    NameKind,
    OwnerTable,
    columns,
    to_records,
)

__all__ = [
    "CITATION_FORMATS",
    "COLUMNS",
    "DATA_LICENSE",
    "FORMATS",
    "LIST_TABLES",
    "RECORD_TABLES",
    "TABLES",
    "Column",
    "NameKind",
    "OwnerTable",
    "citation",
    "citation_data",
    "columns",
    "coverage_markdown",
    "coverage_summary",
    "datapackage",
    "export",
    "export_all",
    "export_text",
    "summary",
    "to_records",
]
