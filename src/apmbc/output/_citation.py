"""How to cite apmbc and the data in use: plain text or BibTeX, with both versions.

A result made with apmbc depends on two things that change separately: the package (its
version, ``apmbc.__version__``) and the data (its version and as-of date,
``ds.metadata.data_version`` and ``ds.metadata.as_of``). A citation names both. The repository's
``CITATION.cff`` says the same for tools that read the Citation File Format.

>>> import apmbc
>>> from apmbc.output import citation
>>> citation(apmbc.load(), "bibtex").splitlines()[0]
'@software{apmbc,'
"""

from __future__ import annotations

import datetime as _dt
import re
from typing import TYPE_CHECKING, Any

from apmbc.errors import ArgumentError, ArgumentTypeError, shown

if TYPE_CHECKING:
    from apmbc.dataset import Dataset

__all__ = [
    "AUTHORS",
    "CITATION_FORMATS",
    "CODE_LICENSE",
    "DATA_LICENSE",
    "PACKAGE_TITLE",
    "RELEASED",
    "citation",
    "citation_data",
]

AUTHORS = "The apmbc developers"
"""The authors, as the package metadata and ``CITATION.cff`` name them."""
PACKAGE_TITLE = "apmbc: the participation record of the 1997 Anti-Personnel Mine Ban Convention"
"""The title of the software, as ``CITATION.cff`` gives it."""
CODE_LICENSE = "MIT"
"""The licence of the code (SPDX)."""
DATA_LICENSE = "CC0-1.0"
"""The licence of the bundled data (SPDX): the facts and their sources as collected, dedicated
to the public domain (the docs' "Citing apmbc" page gives the reasons)."""
RELEASED = _dt.date(2026, 11, 28)
"""The release date of this version of the package; the tests hold it equal to
``date-released`` in ``CITATION.cff`` and to the CHANGELOG's date of ``apmbc.__version__``."""
CITATION_FORMATS: tuple[str, ...] = ("text", "bibtex")
"""The formats :func:`citation` writes."""


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("apmbc")
    except PackageNotFoundError:  # pragma: no cover - running from a bare source tree
        return "0+unknown"


def citation_data(ds: Dataset | None = None) -> dict[str, Any]:
    """The facts a citation is made of: the package's and the data's, as JSON-ready data.

    ``ds`` is the dataset in use (default: ``apmbc.load()``, the bundled data unless
    ``APMBC_DATA`` names a file). ``data.bundled`` says whether its metadata is that of the data
    shipped with this package; the data licence is stated only for the bundled data (``None``
    otherwise: a dataset read from a file has its own terms).
    """
    from apmbc.io._bundled import bundled as load_bundled, load

    bundled_meta = load_bundled().metadata
    meta = (load() if ds is None else ds).metadata
    bundled = meta == bundled_meta
    version = _version()
    return {
        "package": {
            "name": "apmbc",
            "title": PACKAGE_TITLE,
            "version": version,
            "released": RELEASED.isoformat(),
            "authors": AUTHORS,
            "license": CODE_LICENSE,
        },
        "data": {
            "title": meta.title,
            "version": meta.data_version,
            "as_of": meta.as_of.isoformat() if meta.as_of else None,
            "bundled": bundled,
            "authors": AUTHORS if bundled else None,
            "license": DATA_LICENSE if bundled else None,
        },
    }


def _text(data: dict[str, Any]) -> str:
    pkg, dat = data["package"], data["data"]
    year = pkg["released"][:4]
    software = (
        f"{pkg['authors']} ({year}). {pkg['title']}, version {pkg['version']} [software]. "
        f"Licence: {pkg['license']}."
    )
    as_of = f", facts as of {dat['as_of']}" if dat["as_of"] else ""
    title = dat["title"] or "apmbc dataset"
    body = f"{title}, data version {dat['version']}{as_of} [data set]."
    if dat["bundled"]:
        data_year = dat["as_of"][:4] if dat["as_of"] else "n.d."
        line = (
            f"{dat['authors']} ({data_year}). {body} Distributed with apmbc {pkg['version']}. "
            f"Licence: {dat['license']}."
        )
    else:
        line = f"{body} Read with apmbc {pkg['version']}; not the data bundled with it."
    return software + "\n" + line + "\n"


_BIB_SPECIAL = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}


def _bib(value: str) -> str:
    """``value`` with the characters BibTeX and LaTeX give a meaning escaped."""
    return "".join(_BIB_SPECIAL.get(ch, ch) for ch in value)


def _entry(kind: str, key: str, fields: list[tuple[str, str | None]]) -> str:
    shown = [(name, value) for name, value in fields if value]
    width = max(len(name) for name, _ in shown)
    body = "".join(f"  {name.ljust(width)} = {{{value}}},\n" for name, value in shown)
    return f"@{kind}{{{key},\n{body}}}\n"


def _bibtex(data: dict[str, Any]) -> str:
    pkg, dat = data["package"], data["data"]
    as_of = dat["as_of"]
    note = f"Data version {dat['version']}" + (f", facts as of {as_of}" if as_of else "")
    software = _entry(
        "software",
        "apmbc",
        [
            ("author", "{" + _bib(pkg["authors"]) + "}"),
            ("title", "{" + _bib(pkg["title"]) + "}"),
            ("version", _bib(pkg["version"])),
            ("date", pkg["released"]),
            ("year", pkg["released"][:4]),
            ("license", pkg["license"]),
            ("note", _bib(note)),
        ],
    )
    key = "apmbc_data_" + re.sub(r"[^0-9A-Za-z]+", "_", dat["version"]).strip("_")
    where = (
        f"distributed with apmbc {pkg['version']}"
        if dat["bundled"]
        else f"read with apmbc {pkg['version']}; not the data bundled with it"
    )
    dataset = _entry(
        "dataset",
        key,
        [
            ("author", "{" + _bib(dat["authors"]) + "}" if dat["authors"] else None),
            ("title", "{" + _bib(dat["title"] or "apmbc dataset") + "}"),
            ("version", _bib(dat["version"])),
            ("date", as_of),
            ("year", as_of[:4] if as_of else None),
            ("license", dat["license"]),
            ("note", _bib(f"Facts as of {as_of}; {where}" if as_of else where.capitalize())),
        ],
    )
    return software + "\n" + dataset


def citation(ds: Dataset | None = None, format: str = "text") -> str:
    """How to cite apmbc and the data in use, as ``text`` (two lines: the software, the data)
    or ``bibtex`` (a ``@software`` entry naming both versions and a ``@dataset`` entry).

    ``ds`` is the dataset in use (default: ``apmbc.load()``, the bundled data unless
    ``APMBC_DATA`` names a file). Raises :class:`~apmbc.errors.ArgumentError` for another
    format and :class:`~apmbc.errors.ArgumentTypeError` for a ``ds`` that is not a dataset.
    """
    if ds is not None:
        from apmbc.dataset import check_dataset

        check_dataset(ds)
    if not isinstance(format, str):
        raise ArgumentTypeError(f"format must be a string, not {type(format).__name__}")
    if format not in CITATION_FORMATS:
        raise ArgumentError(
            f"unknown citation format {shown(format)}; expected one of: "
            + ", ".join(CITATION_FORMATS)
        )
    data = citation_data(ds)
    return _text(data) if format == "text" else _bibtex(data)
