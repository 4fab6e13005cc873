"""The title filter every UN reader shares: which recorded votes to keep, by their title.

``title_filter`` is the same argument wherever a reader takes it (:func:`apmbc.load_undl_csv`,
:func:`apmbc.io.recorded_vote.parse_recorded_vote`): the Convention's annual resolutions by
default (:func:`~apmbc.domain.titles.is_convention_title`), ``None`` for every vote, a string
for the titles that contain it (case, spaces, hyphens and punctuation ignored), or a function of
the title.
"""

from __future__ import annotations

from collections.abc import Callable

from apmbc.domain.names import fold
from apmbc.domain.titles import CONVENTION_MARKER, is_convention_title

__all__ = ["DEFAULT", "TitleFilter", "title_predicate"]

DEFAULT: Callable[[str], bool] = is_convention_title
"""The default title filter: the Convention's annual resolutions."""

TitleFilter = str | Callable[[str], bool] | None


def _keep_all(title: str) -> bool:
    return True


def title_predicate(
    title_filter: TitleFilter,
) -> tuple[Callable[[str], bool], str, str | None]:
    """The predicate, a label for the notes, and the marker word its titles contain (if any)."""
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
    raise TypeError(
        f"title_filter must be a string, None or a function of the title, "
        f"not {type(title_filter).__name__}"
    )
