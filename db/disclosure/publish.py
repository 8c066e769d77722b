"""Public disclosure of the three lists: collect them as the public may see them, write them
as a web page, a workbook or a PDF, and preview what the masking changes.

    collect(session) -> PublicLists
    write_html(lists, path) / write_xlsx(lists, path) / write_pdf(lists, path)
    publish(db, path) -> PublishSummary        (format from the extension)
    preview(session, limit) -> list[PreviewRow]   ((field, original, masked) for the GUI)
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import NamedTuple

from sqlmodel import Session

from db.disclosure.html_page import render_html, write_html
from db.disclosure.lists import PublicLists, collect, free_texts, masker_for
from db.disclosure.pdf_doc import write_pdf
from db.disclosure.xlsx_book import write_xlsx
from db.engine import Database
from db.errors import AppError

FORMATS: dict[str, tuple[str, Callable[[PublicLists, Path], object]]] = {
    ".html": ("网页", write_html),
    ".htm": ("网页", write_html),
    ".xlsx": ("Excel 表格", write_xlsx),
    ".pdf": ("PDF 文件", write_pdf),
}


class UnsupportedFormat(AppError):
    """The output file's extension is not one the lists can be published as."""


@dataclass(frozen=True)
class PublishSummary:
    path: Path
    format: str  # 网页 / Excel 表格 / PDF 文件
    problems: int
    tasks: int
    effects: int
    seconds: float

    def message(self) -> str:
        return (f"已生成公示{self.format}：{self.path}（问题 {self.problems} 个，"
                f"任务 {self.tasks} 项，效果 {self.effects} 项，用时 {self.seconds:.1f} 秒）。"
                "反映人姓名、电话等个人信息未公开，文中个人信息已遮挡。")


class PreviewRow(NamedTuple):
    field: str  # e.g. "问题 SZ-P2022-00012 问题描述"
    original: str
    masked: str


def format_for(path: Path) -> tuple[str, Callable[[PublicLists, Path], object]]:
    fmt = FORMATS.get(Path(path).suffix.lower())
    if fmt is None:
        raise UnsupportedFormat(
            f"不支持的公示文件类型“{Path(path).suffix or '（无扩展名）'}”。"
            "请使用 .html（网页）、.xlsx（Excel 表格）或 .pdf（PDF 文件）。")
    return fmt


def publish(db: Database, path: Path, *, as_of: date | None = None) -> PublishSummary:
    """Write the public lists to *path*; the format follows the extension."""
    path = Path(path)
    label, writer = format_for(path)  # refuse before doing any work
    started = time.perf_counter()
    with db.session() as s:
        lists = collect(s, as_of=as_of)
    writer(lists, path)
    return PublishSummary(path, label, len(lists.problems), len(lists.tasks),
                          len(lists.effects), round(time.perf_counter() - started, 2))


def preview(session: Session, limit: int = 200) -> list[PreviewRow]:
    """Up to *limit* published texts that masking changes, with the text before and after."""
    masker = masker_for(session)
    out: list[PreviewRow] = []
    for field, text in free_texts(session):
        if len(out) >= limit:
            break
        masked = masker.mask(text)
        if masked != text:
            out.append(PreviewRow(field, text, masked))
    return out


__all__ = ["FORMATS", "PreviewRow", "PublicLists", "PublishSummary", "UnsupportedFormat",
           "collect", "format_for", "preview", "publish", "render_html", "write_html",
           "write_pdf", "write_xlsx"]
