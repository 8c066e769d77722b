"""Formal PDF reports (reportlab, no Qt): the shared GB/T 9704 page layout, and one module per
report built on it.

``FormalDocument`` (``layout``) is the builder; ``Column`` and ``TableStyle`` (``table``) shape
its tables; ``split_runs`` (``fonts``) and ``break_lines`` (``linebreak``) are the text rules
every drawn string follows.
"""

from desktop.reports.fonts import register_fonts, split_runs
from desktop.reports.layout import FormalDocument
from desktop.reports.linebreak import break_lines
from desktop.reports.table import Column, TableStyle

__all__ = ["Column", "FormalDocument", "TableStyle", "break_lines", "register_fonts",
           "split_runs"]
