"""One problem found in an import file: where it is (sheet, row, column as Excel shows them),
what is wrong and how to fix it (in Chinese), and the value found there."""

from __future__ import annotations

from dataclasses import dataclass

from db.errors import AppError


@dataclass(frozen=True)
class ImportIssue:
    sheet: str  # "" for a problem with the file as a whole
    row: int  # the row number Excel shows; 0 for the file or the whole sheet
    column: str  # the column's header as written in the file (or its template label); "" if none
    message: str
    value: str = ""  # the offending cell, as text

    def __str__(self) -> str:
        where = []
        if self.sheet:
            where.append(f"工作表“{self.sheet}”")
        if self.row:
            where.append(f"第 {self.row} 行")
        if self.column:
            where.append(f"“{self.column}”列")
        text = "".join(where)
        text = f"{text}：{self.message}" if text else self.message
        if self.value:
            shown = self.value if len(self.value) <= 40 else self.value[:40] + "…"
            text += f"（填写的是“{shown}”）"
        return text


class ImportRefused(AppError):
    """An import that was not written: the file has errors, or the data changed meanwhile."""

    def __init__(self, message: str, issues: list[ImportIssue] | None = None) -> None:
        super().__init__(message)
        self.issues = list(issues or [])
