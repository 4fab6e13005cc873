"""The title filter every reader of roll calls shares: which recorded votes to keep, by title.

``title_filter`` is the same argument wherever a reader takes it (:func:`apmbc.load_undl_csv`,
:func:`apmbc.load_voeten_csv`, :func:`apmbc.load_unvotes_csv`,
:func:`apmbc.io.recorded_vote.parse_recorded_vote`): the Convention's annual resolutions by
default (:func:`~apmbc.domain.titles.is_convention_title`), ``None`` for every vote, a string for
the titles that contain it (case, spaces, hyphens and punctuation ignored), or a function of the
title.
"""

from __future__ import annotations

from collections.abc import Callable

from apmbc.domain.names import fold
from apmbc.domain.titles import CONVENTION_MARKER, is_convention_title
from apmbc.errors import ArgumentTypeError

__all__ = ["DEFAULT", "TitleFilter", "title_predicate"]

DEFAULT: Callable[[str], bool] = is_convention_title
"""The default title filter: the Convention's annual resolutions."""

TitleFilter = str | Callable[[str], bool] | None
"""What ``title_filter=`` accepts: a piece of the title, a function of the title, or ``None``."""


def _keep_all(title: str) -> bool:
    return True


def title_predicate(
    title_filter: TitleFilter,
) -> tuple[Callable[[str], bool], str, str | None]:
    """The predicate, a label for the notes, and the marker word its titles contain (if any).

    ``None`` keeps every title; a string keeps the titles that contain it (both folded by
    :func:`~apmbc.domain.names.fold`: case, accents, spaces and punctuation ignored); a function
    is called with the title. :func:`~apmbc.domain.titles.is_convention_title` comes with its
    marker word (``"stockpiling"``), which every title it keeps contains in ``lower()`` case.
    Anything else raises :class:`~apmbc.errors.ArgumentTypeError` (a ``TypeError``).
    """
    if title_filter is None:
        return _keep_all, "none, every resolution kept", None
    if isinstance(title_filter, str):
        wanted = fold(title_filter)

        def contains(title: str) -> bool:
            return wanted in fold(title)

        return contains, f"titles containing {title_filter!r}", None
    if title_filter is is_convention_title:
        return is_convention_title, "the Convention's resolutions", CONVENTION_MARKER
    if callable(title_filter):
        label = getattr(title_filter, "__name__", None) or repr(title_filter)
        return title_filter, f"{label}()", None
    raise ArgumentTypeError(
        f"title_filter must be a string, None or a function of the title, "
        f"not {type(title_filter).__name__}"
    )
