"""Reports in the app: the menu, the dialog, generation with progress and Cancel, the preview,
Save as… and printing through a QPrinter — on a real demo database, real PDFs."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QTimer
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from db.engine import Database
from db.queries.studies import list_studies
from desktop.reports.catalog import REPORTS, ReportKind, ReportParams
from desktop.ui.main_window import MainWindow
from desktop.ui.reports import ReportsFeature
from desktop.ui.reports.choices import load_choices
from desktop.ui.reports.dialog import PARAM_ORDER, ReportDialog
from desktop.ui.reports.preview import ReportPreview

QUICK_KIND = "chase-notice"  # one page per overdue task: quick at any scale


def plain(text: str) -> str:
    """A menu text without its mnemonic: "生成报表(&M)…" → "生成报表…"."""
    return re.sub(r"\(&\w\)|&", "", text)


def feature_of(window: MainWindow) -> ReportsFeature:
    feature = window.reports_feature  # type: ignore[attr-defined]
    assert isinstance(feature, ReportsFeature)
    return feature


def when_modal(act: Callable[[ReportDialog], None]) -> None:
    """Run *act* on the report dialog as soon as its exec() shows it."""

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, ReportDialog):
            act(dialog)
        else:
            QTimer.singleShot(10, poll)

    QTimer.singleShot(0, poll)


def test_reports_menu_lists_every_kind_and_enables_the_toolbar_action(
        sync_worker: None, report_window: MainWindow) -> None:
    menu = report_window.menus["reports"]
    texts = [plain(a.text()) for a in menu.actions() if not a.isSeparator()]
    assert texts[0] == "生成报表…"
    assert texts[1:] == [f"{kind.title}…" for kind in REPORTS.values()]
    assert list(REPORTS)[-1] == "manual"
    assert report_window.actions_["reports"].isEnabled()
    assert "后续版本" not in report_window.actions_["reports"].toolTip()


def test_dialog_shows_only_the_parameters_of_the_kind_with_defaults(
        qtbot: QtBot, demo_db: Database) -> None:
    with demo_db.session() as session:
        choices = load_choices(session)
        studies = list_studies(session)
    assert studies, "the demo holds stored studies"
    dialog = ReportDialog(choices)
    qtbot.addWidget(dialog)
    dialog.show()
    for index, kind in enumerate(REPORTS.values()):
        dialog.kind.setCurrentIndex(index)
        shown = {name for name in PARAM_ORDER
                 if dialog.form.isRowVisible(dialog.combos[name])}
        assert shown == set(kind.params), kind.key
    # Defaults: the newest month and study, the current phase, "all" for the rest.
    assert dialog.combos["month"].currentData() == choices.months[0].value
    assert choices.months == sorted(choices.months, key=lambda c: c.value, reverse=True)
    assert dialog.combos["study_id"].currentData() == str(studies[0].id)
    assert dialog.combos["phase"].currentData() == choices.current_phase
    assert dialog.combos["region"].currentData() is None
    assert dialog.combos["region"].currentText() == "全部区域"
    assert dialog.combos["task_id"].currentText() == "全部逾期任务"
    assert dialog.combos["branch_id"].currentText() == "全部党支部"
    assert dialog.combos["task_id"].count() == len(choices.tasks) + 1 > 1
    # A stored study fixes the month: the month box rests and is not passed on.
    dialog.kind.setCurrentIndex(dialog.kind.findData("monthly-study"))
    assert not dialog.combos["month"].isEnabled()
    assert dialog.params() == ReportParams(study_id=str(studies[0].id))
    # Parameters the kind does not use are never passed, whatever they show.
    dialog.kind.setCurrentIndex(dialog.kind.findData("work-meeting"))
    dialog.set_param("region", choices.regions[1].value)
    assert dialog.params() == ReportParams(month=choices.months[0].value,
                                           region=choices.regions[1].value)
    dialog.kind.setCurrentIndex(dialog.kind.findData("three-lists"))
    assert dialog.params() == ReportParams(region=choices.regions[1].value)


def test_pick_generate_preview_save_and_print(
        qtbot: QtBot, sync_worker: None, report_window: MainWindow, report_tmp: Path,
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    feature = feature_of(report_window)
    with report_window.database.session() as session:  # type: ignore[union-attr]
        task = load_choices(session).tasks[0]

    def pick(dialog: ReportDialog) -> None:
        dialog.kind.setCurrentIndex(dialog.kind.findData(QUICK_KIND))
        dialog.set_param("task_id", task.value)
        dialog.generate_button.click()

    when_modal(pick)
    report_window.actions_["reports"].trigger()

    assert len(feature.previews) == 1
    preview = feature.previews[0]
    qtbot.waitExposed(preview)
    generated = preview.pdf
    assert generated.is_file() and generated.parent.parent == report_tmp
    pages = len(PdfReader(generated).pages)
    assert preview.page_count() == pages >= 1
    assert preview.page_label.text() == f"第 1 / {pages} 页"
    assert REPORTS[QUICK_KIND].title in preview.windowTitle()

    # Save as…: the very bytes that were generated.
    target = tmp_path / "saved" / "催办通知"
    target.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *args, **kwargs: (str(target), "PDF 文件 (*.pdf)"))
    preview.save_button.click()
    saved = target.with_name("催办通知.pdf")
    assert saved.read_bytes() == generated.read_bytes()

    # Printing: the pages rendered at the printer's resolution into a PDF printer.
    printed = tmp_path / "printed.pdf"
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(printed))
    preview.print_to(printer)
    assert preview.last_printed == pages
    reader = PdfReader(printed)
    assert len(reader.pages) == pages
    box = reader.pages[0].mediabox
    assert abs(float(box.width) - 595.3) < 2 and abs(float(box.height) - 841.9) < 2  # A4

    # Print…: the system print dialog (answered here as a user would) and the pages printed.
    through_dialog = tmp_path / "dialog.pdf"

    def answer(dialog: QPrintDialog) -> int:
        dialog.printer().setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        dialog.printer().setOutputFileName(str(through_dialog))
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(QPrintDialog, "exec", answer)
    preview.print_button.click()
    assert len(PdfReader(through_dialog).pages) == pages

    # Closing the preview removes the temporary file (the saved copy stays).
    preview.close()
    assert not generated.exists() and list(report_tmp.iterdir()) == []
    assert saved.exists()

    # The toolbar's "make a report" starts at the kind made last time.
    def look(dialog: ReportDialog) -> None:
        assert dialog.current_kind() == REPORTS[QUICK_KIND]
        dialog.reject()

    when_modal(look)
    report_window.actions_["reports"].trigger()
    assert len(feature.previews) == 0


def test_a_page_range_prints_those_pages_and_turned_pages_come_back_portrait(
        qtbot: QtBot, sync_worker: None, report_window: MainWindow, report_tmp: Path,
        tmp_path: Path) -> None:
    feature = feature_of(report_window)
    feature.generate("three-lists", ReportParams())  # landscape tables
    preview = feature.previews[-1]
    pages = preview.page_count()
    assert pages >= 3
    turned = [i for i in range(pages) if PdfReader(preview.pdf).pages[i].get("/Rotate") == 90]
    assert turned, "the three lists print on turned (landscape) pages"
    printed = tmp_path / "range.pdf"
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(printed))
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setFromTo(turned[0] + 1, turned[0] + 2)
    preview.print_to(printer)
    reader = PdfReader(printed)
    assert len(reader.pages) == 2 == preview.last_printed
    for page in reader.pages:  # the sheet as drawn: A4 portrait, not squeezed landscape
        assert float(page.mediabox.height) > float(page.mediabox.width)
    preview.close()


def test_cancelling_leaves_no_file(qtbot: QtBot, report_window: MainWindow,
                                   report_tmp: Path) -> None:
    feature = feature_of(report_window)
    feature.generate("three-lists", ReportParams())  # on the thread pool, not inline
    progress = feature.progress
    assert progress.isVisible()
    progress.cancel_button.click()
    qtbot.waitUntil(lambda: progress.task is not None and progress.task.done, timeout=60_000)
    assert feature.previews == []
    assert list(report_tmp.iterdir()) == []
    assert "已取消" in report_window.statusBar().currentMessage()
    assert not progress.isVisible()


def test_a_refused_report_says_why_in_chinese(
        qtbot: QtBot, sync_worker: None, window: MainWindow, report_tmp: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    # The plain test database holds no stored study: the monthly report is refused.
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning",
                        lambda parent, title, text: shown.append(f"{title}\n{text}"))
    feature_of(window).generate("monthly-study", ReportParams())
    assert len(shown) == 1
    assert "报表未生成" in shown[0]
    assert "还没有登记任何局党组专题研究" in shown[0]
    assert "没有生成任何文件" in shown[0]
    assert "Traceback" not in shown[0]
    assert feature_of(window).previews == []
    assert list(report_tmp.iterdir()) == []


def test_an_unexpected_error_is_logged_not_shown_as_a_traceback(
        qtbot: QtBot, sync_worker: None, window: MainWindow, report_tmp: Path,
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    def broken(database: Database, out: Path, params: ReportParams, progress: object) -> None:
        out.write_bytes(b"%PDF-1.4 half")  # a half-written file must not survive
        raise ZeroDivisionError("division by zero in a report")

    monkeypatch.setitem(REPORTS, "broken", ReportKind("broken", "出错的报表", (), broken))
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning",
                        lambda parent, title, text: shown.append(text))
    feature_of(window).generate("broken", ReportParams())
    assert len(shown) == 1
    text = shown[0]
    assert "报表“出错的报表”未能生成" in text and "意外的错误" in text
    assert "ZeroDivisionError" in text and "日志文件" in text
    assert "Traceback" not in text and 'File "' not in text
    assert list(report_tmp.iterdir()) == []
    log = tmp_path / "data" / "logs" / "minqing.log"
    root = logging.getLogger()
    for handler in list(root.handlers):  # the file handler the failure set up: this test's
        if getattr(handler, "baseFilename", "").startswith(str(tmp_path)):
            handler.close()
            root.removeHandler(handler)
    logged = log.read_text(encoding="utf-8")
    assert "Traceback" in logged and "division by zero in a report" in logged


def test_preview_pages_and_zoom(qtbot: QtBot, sync_worker: None, report_window: MainWindow,
                                report_tmp: Path) -> None:
    feature = feature_of(report_window)
    feature.generate("three-lists", ReportParams())
    preview: ReportPreview = feature.previews[-1]
    qtbot.waitExposed(preview)
    count = preview.page_count()
    preview.next_button.click()
    qtbot.waitUntil(lambda: preview.current_page() == 1)
    assert preview.page_label.text() == f"第 2 / {count} 页"
    preview.go_to_page(count + 5)
    assert preview.current_page() == count - 1 and not preview.next_button.isEnabled()
    preview.zoom_in_button.click()
    assert preview.zoom_label.text().endswith("%")
    before = preview.view.zoomFactor()
    preview.zoom_in_button.click()
    assert preview.view.zoomFactor() == pytest.approx(before * 1.25)
    preview.fit_page_button.click()
    assert preview.zoom_label.text() == "整页"
    preview.close()


def test_closing_the_window_closes_the_previews_and_their_files(
        qtbot: QtBot, sync_worker: None, report_window: MainWindow, report_tmp: Path) -> None:
    feature = feature_of(report_window)
    feature.generate("five-batches", ReportParams())
    pdf = feature.previews[-1].pdf
    assert pdf.is_file()
    report_window.close()
    assert not pdf.exists() and list(report_tmp.iterdir()) == []


def test_stale_report_folders_are_swept(report_tmp: Path) -> None:
    import os

    from desktop.ui.reports.generate import STALE_SECONDS, TEMP_PREFIX, sweep_stale

    old, new, other = (report_tmp / f"{TEMP_PREFIX}old", report_tmp / f"{TEMP_PREFIX}new",
                       report_tmp / "someone-else")
    for folder in (old, new, other):
        folder.mkdir()
        (folder / "x.pdf").write_bytes(b"%PDF")
    long_ago = old.stat().st_mtime - STALE_SECONDS - 60
    os.utime(old, (long_ago, long_ago))
    os.utime(other, (long_ago, long_ago))
    assert sweep_stale() == 1
    assert sorted(p.name for p in report_tmp.iterdir()) == [new.name, other.name]
