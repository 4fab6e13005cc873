"""The figure :mod:`apmbc.plot` returns: a matplotlib ``Figure`` that shows itself in Jupyter.

Imported only by :mod:`apmbc.plot`, once matplotlib is known to be installed.
"""

from __future__ import annotations

import io

from matplotlib.figure import Figure as _MatplotlibFigure

__all__ = ["Figure"]


class Figure(_MatplotlibFigure):
    """A ``matplotlib.figure.Figure`` with a PNG view for IPython and Jupyter.

    A figure built without ``pyplot`` (as apmbc builds them: no global state, no window) has no
    display of its own: IPython shows a plain figure as a picture only after ``pyplot`` was
    imported or ``%matplotlib inline`` was run, which register a hook for every figure, and as
    the text ``<Figure size 1000x600 with 2 Axes>`` before. This figure answers IPython's
    ``_repr_png_`` itself, so it shows as a picture when it is the value of a cell's last line
    (or is passed to ``IPython.display.display``). Where the hook is registered, IPython uses
    the hook instead, which draws the same picture. Everything else is matplotlib's ``Figure``.
    """

    def _repr_png_(self) -> bytes:
        """The figure as PNG bytes, cut to what it draws (``bbox_inches="tight"``, like the
        hook of ``%matplotlib inline``)."""
        buffer = io.BytesIO()
        self.savefig(buffer, format="png", bbox_inches="tight")
        return buffer.getvalue()
