"""Sphinx configuration of the apmbc documentation (Markdown pages read by MyST).

Build: ``python -m sphinx -W -b html docs docs/_build/html``. The machine the docs are built on
may be offline, so no intersphinx inventories are fetched.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sphinx.application import Sphinx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))  # document the source tree, installed or not

project = "apmbc"
author = "The apmbc developers"
copyright = "The apmbc developers"

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.intersphinx",
]

source_suffix = {".md": "markdown"}
root_doc = "index"
exclude_patterns = ["_build", "Thumbs.db", ".DS_Store"]

# sphinx.ext.intersphinx is on, but no intersphinx_mapping is set: the docs build offline, so no
# inventory is ever downloaded.

myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

autodoc_member_order = "bysource"
autodoc_typehints = "signature"
autodoc_default_options = {"members": True, "undoc-members": True, "show-inheritance": True}

nitpicky = False

html_theme = "alabaster"
html_title = "apmbc"
html_theme_options = {
    "description": "The Mine Ban Convention's participation record as data",
    "fixed_sidebar": True,
}

# Several records have a field called ``date``, so a bare ``date`` in a type annotation (written
# ``from datetime import date`` in a module) is an ambiguous cross-reference: Sphinx warns. Such
# annotations are shown as ``datetime.date`` instead, as is the ``_dt.date`` of modules that
# ``import datetime as _dt``.
_PRIVATE_DATETIME = re.compile(r"(?<![\w.])_dt\.")
_BARE_DATE = re.compile(r"(?:^|(?<=: )|(?<=\| )|(?<=\[)|(?<=, ))date(?=\s*(?:[|,)\]]|$))")


def _qualify_dates(
    app: Sphinx,
    what: str,
    name: str,
    obj: object,
    options: object,
    signature: str | None,
    return_annotation: str | None,
) -> tuple[str | None, str | None]:
    def fix(text: str | None) -> str | None:
        if not text:
            return text
        return _BARE_DATE.sub("datetime.date", _PRIVATE_DATETIME.sub("datetime.", text))

    return fix(signature), fix(return_annotation)


def setup(app: Sphinx) -> None:
    """Connect the signature fix above."""
    app.connect("autodoc-process-signature", _qualify_dates)
