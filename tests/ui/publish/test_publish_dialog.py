"""The publish dialog: personal data planted in every published free text shows on the left of
the side-by-side and never on the right; the saved HTML, workbook and PDF hold none of it (nor
anything of the care register), while the masked forms are there."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from db.audit import Actor
from db.engine import Database
from db.services import (
    CareRecordInput,
    EffectInput,
    EvaluationInput,
    ProblemInput,
    ProgressInput,
    TaskInput,
    UnitInput,
    add_progress,
    create_care_record,
    create_problem,
    create_unit,
    open_task,
    record_effect,
    record_evaluation,
)
from desktop.ui.main_window import MainWindow
from desktop.ui.publish.dialog import PublishDialog, open_publish_dialog
from tests.conftest import region_id

ADMIN = Actor("admin", "admin", "管理员", can_view_care=True)
REPORTER = "司马晓明"
RESPONDENT = "上官婉儿"
PUPIL = "欧阳修远"
PHONE = "13912345678"
LANDLINE = "0722-3216549"
ID_NO = "42130219800101123X"
STUDENT_NO = "20220917"
EMAIL = "wang.fang1980@qq.com"
CARE_SECRET = "关爱机密情况甲乙丙"
PLANTED = (REPORTER, RESPONDENT, PUPIL, PHONE, LANDLINE, ID_NO, STUDENT_NO, EMAIL)


@dataclass
class Planted:
    problem: uuid.UUID
    task: uuid.UUID


@pytest.fixture
def planted(db: Database) -> Planted:
    """Personal data in every free text that is published, and in the private fields."""
    school = create_unit(db, ADMIN, UnitInput(name="第一中学", kind="school",
                                              region_id=region_id(db, "zengdu"))).id
    p = create_problem(db, ADMIN, ProblemInput(
        reported_on=date(2022, 6, 10), source_channel="petition", reporter_type="parent",
        area="canteen", category="management_service", unit_id=school,
        reporter_name=REPORTER, reporter_phone="15887654321",
        description=f"{REPORTER}家长反映食堂饭菜偏咸，电话{PHONE}，学号{STUDENT_NO}。")).id
    create_problem(db, ADMIN, ProblemInput(
        reported_on=date(2022, 6, 11), source_channel="online", reporter_type="public",
        area="safety", category="risk", unit_id=school,
        description="校门口交通拥堵，无个人信息。"))
    t = open_task(db, ADMIN, TaskInput(
        (p,), f"回复{REPORTER}家长的食堂问题", "supervised",
        measures=f"联系{PUPIL}同学家长，座机{LANDLINE}", opened_on=date(2022, 6, 12),
        deadline=date(2022, 7, 12))).id
    add_progress(db, ADMIN, t, ProgressInput(50, f"已电话联系，邮箱{EMAIL}",
                                             date(2022, 6, 20)))
    record_effect(db, ADMIN, t, EffectInput(date(2022, 7, 1), f"已整改，身份证{ID_NO}已核实",
                                            evidence_note=f"{PUPIL}家长签字"))
    record_evaluation(db, ADMIN, t, EvaluationInput("satisfied", 2, respondent=RESPONDENT,
                                                    evaluated_on=date(2022, 7, 2),
                                                    note="回访备注"))
    create_care_record(db, ADMIN, CareRecordInput("hardship", PUPIL, school,
                                                  situation=CARE_SECRET))
    return Planted(p, t)


@pytest.fixture
def informed(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    shown: list[tuple[str, str]] = []

    def fake(_parent: object, title: str, text: str, *_a: object, **_k: object) -> int:
        shown.append((title, text))
        return int(QMessageBox.StandardButton.Ok.value)

    monkeypatch.setattr(QMessageBox, "information", fake)
    monkeypatch.setattr(QMessageBox, "warning", fake)
    return shown


def open_dialog(qtbot: QtBot, db: Database) -> PublishDialog:
    dialog = open_publish_dialog(db, ADMIN)
    assert dialog is not None
    qtbot.addWidget(dialog)
    qtbot.waitExposed(dialog)
    return dialog


def cells(view: object) -> list[list[str]]:
    model = view.model()  # type: ignore[attr-defined]
    while model.canFetchMore():
        model.fetchMore()
    return [[str(model.index(r, c).data(0x0003) or model.index(r, c).data())  # tooltip: full
             for c in range(model.columnCount())] for r in range(model.rowCount())]


def test_side_by_side_shows_personal_data_left_and_never_right(
        qtbot: QtBot, db: Database, planted: Planted, sync_worker: None,
        qtmodeltester: object) -> None:
    dialog = open_dialog(qtbot, db)
    assert dialog.preview is not None
    rows = cells(dialog.mask_view)
    fields = [r[0] for r in rows]
    assert any("问题描述" in f for f in fields) and any("办理措施" in f for f in fields)
    assert any("进展" in f for f in fields) and any("取得成效" in f for f in fields)
    left = "\n".join(r[2] for r in rows)
    right = "\n".join(r[3] for r in rows)
    for secret in (REPORTER, PUPIL, PHONE, LANDLINE, ID_NO, STUDENT_NO, EMAIL):
        assert secret in left, secret
        assert secret not in right, secret
    assert "139****5678" in right and "司马**" in right
    assert CARE_SECRET not in left + right
    # The counts say what was found, by kind.
    summary = dialog.summary.text()
    assert "将公示问题 2 个、任务 1 项、效果 1 项" in summary
    for kind in ("电话号码", "身份证号", "学号", "电子邮箱", "反映人和学生姓名"):
        assert kind in summary, kind
    assert dialog.preview.counts["phone"] == 2 and dialog.preview.counts["id_card"] == 1
    # The chosen field in full: the original highlighted left, the masked text right.
    dialog.mask_view.selectRow(0)
    dialog.show_row(0)
    assert PHONE in dialog.original.toPlainText()
    assert PHONE not in dialog.masked.toPlainText()
    assert dialog.masked.toPlainText() == dialog.preview.rows[0].masked
    # What will be published, list by list: the reporter's name is nowhere.
    published = "\n".join("\t".join(r) for v in dialog.list_views for r in cells(v))
    assert "校门口交通拥堵" in published
    for secret in PLANTED:
        assert secret not in published, secret
    for view in (dialog.mask_view, *dialog.list_views):
        qtmodeltester.check(view.model())  # type: ignore[attr-defined]


def test_saved_files_hold_no_personal_data(
        qtbot: QtBot, db: Database, planted: Planted, sync_worker: None, tmp_path: Path,
        informed: list[tuple[str, str]]) -> None:
    dialog = open_dialog(qtbot, db)
    assert dialog.save_button.isEnabled()
    dialog.save_to(tmp_path / "公示")
    html_file, xlsx_file, pdf_file = (tmp_path / f"公示.{ext}" for ext in ("html", "xlsx", "pdf"))
    assert dialog.saved_paths == [html_file, xlsx_file, pdf_file]
    assert informed and informed[0][0] == "已生成公示文件"
    html_text = html_file.read_text(encoding="utf-8")
    book = load_workbook(xlsx_file, read_only=True)
    xlsx_text = "\n".join(str(v) for ws in book.worksheets for row in ws.iter_rows(values_only=True)
                          for v in row if v is not None)
    pdf_text = "\n".join(page.extract_text() for page in PdfReader(pdf_file).pages)
    for name, text in (("html", html_text), ("xlsx", xlsx_text), ("pdf", pdf_text)):
        flat = "".join(text.split())  # a PDF cell wraps its text: search across the breaks
        assert "校门口交通拥堵" in flat, name  # the lists are there...
        assert "139****5678" in flat, name  # ...masked...
        for secret in (*PLANTED, "15887654321", CARE_SECRET, "回访备注"):
            assert secret not in flat, (name, secret)  # ...and nothing else
    assert not list(tmp_path.glob(".~*"))  # no scratch file left


def test_formats_and_a_folder_that_cannot_be_written(
        qtbot: QtBot, db: Database, planted: Planted, sync_worker: None, tmp_path: Path,
        informed: list[tuple[str, str]]) -> None:
    dialog = open_dialog(qtbot, db)
    for box in dialog.format_boxes.values():
        box.setChecked(False)
    assert not dialog.save_button.isEnabled()
    assert dialog.save_button.toolTip() == "请至少勾选一种格式。"
    dialog.format_boxes["xlsx"].setChecked(True)
    assert dialog.save_button.isEnabled()
    out = tmp_path / "out"
    out.mkdir()
    blocked = out / "a-file"
    blocked.write_text("not a folder")
    dialog.save_to(blocked / "公示")
    assert informed[-1][0] == "无法保存"
    assert "无法写入文件" in informed[-1][1]
    assert dialog.saved_paths == []
    dialog.save_to(out / "只要表格")
    assert dialog.saved_paths == [out / "只要表格.xlsx"]
    assert sorted(p.name for p in out.iterdir()) == ["a-file", "只要表格.xlsx"]


def test_menu_entry_and_lists_tab_button_open_the_dialog(
        qtbot: QtBot, window: MainWindow, planted: Planted) -> None:
    action = window.actions_["publish_lists"]
    assert action in window.menus["exchange"].actions()
    assert action.text() == "公示三个清单(&P)…"
    action.trigger()
    dialogs = [w for w in window.findChildren(PublishDialog)]
    assert len(dialogs) == 1 and dialogs[0].preview is not None
    assert dialogs[0].preview.lists.problems
    dialogs[0].close()
    lists = window.pages["lists"]
    lists.publish_button.click()  # type: ignore[attr-defined]
    assert any(d.isVisible() for d in lists.findChildren(PublishDialog))


def test_collecting_runs_off_the_gui_thread(qtbot: QtBot, db: Database,
                                            planted: Planted) -> None:
    dialog = open_publish_dialog(db, ADMIN)
    assert dialog is not None
    qtbot.addWidget(dialog)
    assert not dialog.save_button.isEnabled()  # nothing to save until the preview is there
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=20_000)
    assert dialog.save_button.isEnabled()
    assert dialog.tabs.tabText(0).startswith("遮挡对照")
