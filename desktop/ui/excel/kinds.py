"""The five kinds an Excel import knows, as the GUI names them, and recognising a file's kind
from its header row."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

# Literal contexts: lupdate reads no variables.
KIND_NAMES: dict[str, str] = {
    "units": str(QT_TRANSLATE_NOOP("ExcelKinds", "Units")),
    "cadres": str(QT_TRANSLATE_NOOP("ExcelKinds", "Cadres")),
    "assignments": str(QT_TRANSLATE_NOOP("ExcelKinds", "Contact points of cadres")),
    "visits": str(QT_TRANSLATE_NOOP("ExcelKinds", "Visits")),
    "problems": str(QT_TRANSLATE_NOOP("ExcelKinds", "Problems")),
}


def is_sheet(path: Path) -> bool:
    """Whether *path* is a file the importer reads (by its name; db.excel.reader decides)."""
    from db.excel.reader import SUFFIXES  # imported late: not needed for the first paint

    return path.suffix.lower() in SUFFIXES


def kind_name(kind: str) -> str:
    return QCoreApplication.translate("ExcelKinds", KIND_NAMES[kind])


def guess_kind(path: Path) -> str | None:
    """The kind whose headers the file's sheets match best (most required columns found,
    then most columns found); None when no sheet has a header of any kind. Reads only the
    first rows of each sheet."""
    from python_calamine import CalamineWorkbook

    from db.excel.columns import KINDS
    from db.excel.reader import HEADER_SCAN_ROWS, INSTRUCTION_SHEETS, find_header

    best: tuple[int, int] = (0, 0)
    found: str | None = None
    try:
        with CalamineWorkbook.from_path(str(path)) as wb:
            heads = [wb.get_sheet_by_name(name).to_python(nrows=HEADER_SCAN_ROWS)
                     for name in wb.sheet_names if name.strip() not in INSTRUCTION_SHEETS]
    except Exception:  # unreadable: the import's own reading says why, in Chinese
        return None
    for kind, spec in KINDS.items():
        for rows in heads:
            index, columns = find_header(rows, spec)
            if index < 0:
                continue
            required = sum(1 for c in spec.import_columns if c.required and c.key in columns)
            score = (required, len(columns))
            if score > best:
                best, found = score, kind
    return found
