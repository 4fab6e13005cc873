"""Output: the record as tidy tables, CSV and JSON exports, notebook views and coverage reports.

- :func:`to_records` and :data:`COLUMNS`: one flat row per record, keyed by codes;
- :func:`export` and :func:`export_text`: a table as CSV or JSON, to a file or a stream;
- :func:`summary` and :func:`coverage_markdown`: what the data knows, for review and the docs.

pandas frames and figures live in :mod:`apmbc.pandas` and :mod:`apmbc.plot` (optional extras).
"""

from __future__ import annotations

from apmbc.output._coverage import coverage_markdown, summary
from apmbc.output._export import FORMATS, export, export_text
from apmbc.output._tables import COLUMNS, TABLES, Column, columns, to_records

__all__ = [
    "COLUMNS",
    "FORMATS",
    "TABLES",
    "Column",
    "columns",
    "coverage_markdown",
    "export",
    "export_text",
    "summary",
    "to_records",
]
