"""五个一批: the two batches that come from the lists (read-only, counted), and the write-ups
with attachments entered, edited, refused and deleted through the widgets."""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from db.audit import Actor
from db.engine import Database
from db.errors import PermissionDenied, ValidationError
from db.models import Attachment, AuditEntry, Outcome, Problem
from db.paths import attachments_dir
from db.services.outcomes import OutcomeInput, create_outcome, update_outcome
from desktop.ui.outcomes.dialog import OutcomeDialog
from desktop.ui.outcomes.widget import REPORT_KEY, OutcomesWidget
from desktop.ui.studies.printing import report_kind
from tests.added_terms import AREA, add_terms
from tests.db.queries.conftest import make_world
from tests.ui.conftest import OFFSCREEN_NOTES

ADMIN = Actor("admin", "admin", "管理员")
VIEWER = Actor("viewer", "viewer", "查看者")


@dataclass
class Org:
    school: uuid.UUID
    other: uuid.UUID


@pytest.fixture
def org(db: Database) -> Org:
    with db.transaction() as s:
        w = make_world(s)
        w.cadre(s, "李局长", "bureau_leader")
        closed = w.problem(s, date(2022, 6, 1), "食堂饭菜价格偏高", unit="曾都一中",
                           status="closed")
        w.problem(s, date(2022, 6, 2), "校车接送时间不合理", unit="曾都一中")
        w.task(s, "规范食堂价格", deadline=date(2022, 7, 29), problems=[closed],
               leader="李局长", project=True, status="closed")
        w.task(s, "一般任务", deadline=date(2022, 7, 29), status="closed")  # not a 实事
        w.task(s, "未办结的实事", deadline=date(2022, 7, 29), project=True)
        return Org(w.units["曾都一中"], w.units["随县实验小学"])


def make_widget(qtbot: QtBot, db: Database, actor: Actor) -> OutcomesWidget:
    w = OutcomesWidget(db, actor)
    qtbot.addWidget(w)
    w.resize(1300, 800)
    w.show()
    qtbot.waitExposed(w)
    return w


def table(view: object) -> list[list[str]]:
    model = view.model()  # type: ignore[attr-defined]
    while model.canFetchMore():
        model.fetchMore()
    return [[model.index(r, c).data() for c in range(model.columnCount())]
            for r in range(model.rowCount())]


def photo(tmp_path: Path, name: str, content: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(content)
    return path


def test_batches_from_the_lists_are_counted_and_shown(
        qtbot: QtBot, db: Database, org: Org, qtmodeltester: object) -> None:
    widget = make_widget(qtbot, db, ADMIN)
    assert widget.figures["projects"].value.text() == "1"  # closed-out 实事 only
    assert widget.figures["problems"].value.text() == "1"  # closed-out problems only
    assert widget.tabs.tabText(0) == "办成一批教育民生实事 (1)"
    assert [r[1] for r in table(widget.projects_view)] == ["规范食堂价格"]
    assert [r[5] for r in table(widget.solved_view)] == ["食堂饭菜价格偏高"]
    for view in (widget.projects_view, widget.solved_view, widget.pages["stories"].view):
        qtmodeltester.check(view.model())  # type: ignore[attr-defined]


def test_add_edit_and_delete_a_write_up_with_attachments(
        qtbot: QtBot, db: Database, org: Org, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    widget = make_widget(qtbot, db, ADMIN)
    page = widget.pages["stories"]
    widget.tabs.setCurrentWidget(page)
    page.buttons["newWriteup"].click()
    dialog = widget.current_dialog
    assert isinstance(dialog, OutcomeDialog)
    assert dialog.batch.currentData() == "stories"  # the page's batch
    dialog.title.setText("送教上门暖人心")
    dialog.body.setPlainText("教师每周两次为残疾学生送教上门。")
    dialog.unit.set_value(org.school)
    dialog.written_on.setDate(QDate(2022, 9, 1))
    first = photo(tmp_path, "送教.jpg", b"jpeg-bytes-1" * 100)
    dialog.add_files([first])
    dialog.save_button.click()
    assert not dialog.isVisible()

    assert widget.figures["stories"].value.text() == "1"
    assert table(page.view) == [["2022-09-01", "送教上门暖人心", "曾都一中", "管理员", "1"]]
    assert page.selected() is not None  # the saved one is chosen and shown
    assert page.text.toPlainText() == "教师每周两次为残疾学生送教上门。"
    assert page.files.count() == 1 and "送教.jpg" in page.files.item(0).text()
    stored = page.selected().attachments[0]  # type: ignore[union-attr]
    # Copied (not linked) into the data folder, under its hash.
    assert stored.path.is_file() and attachments_dir() in stored.path.parents
    assert stored.sha256 == hashlib.sha256(first.read_bytes()).hexdigest()
    first.unlink()
    assert stored.path.read_bytes() == b"jpeg-bytes-1" * 100

    # Edit: new title, the first file replaced by another.
    page.buttons["editWriteup"].click()
    dialog = widget.current_dialog
    assert isinstance(dialog, OutcomeDialog)
    assert dialog.title.text() == "送教上门暖人心"
    dialog.title.setText("送教上门 温暖童心")
    dialog.files.setCurrentRow(0)
    dialog.remove_selected()
    dialog.add_files([photo(tmp_path, "合影.png", b"png-bytes")])
    dialog.save_button.click()
    assert not dialog.isVisible()
    row = page.selected()
    assert row is not None and row.title == "送教上门 温暖童心"
    assert [a.file_name for a in row.attachments] == ["合影.png"]
    with db.session() as s:
        entries = s.execute(select(AuditEntry.action, AuditEntry.summary)
                            .where(AuditEntry.table_name == "outcome")
                            .order_by(AuditEntry.seq)).all()  # type: ignore[arg-type]
    assert [e[0] for e in entries] == ["create", "update"]
    assert "送教上门 温暖童心" in entries[1][1]

    # Delete, after confirming.
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *_a, **_k: QMessageBox.StandardButton.Yes)
    page.buttons["deleteWriteup"].click()
    assert table(page.view) == []
    assert widget.figures["stories"].value.text() == "0"
    with db.session() as s:
        outcome = s.get(Outcome, row.id)
        assert outcome is not None and outcome.deleted_at is not None  # a tombstone
        live = s.execute(select(Attachment).where(Attachment.owner_id == row.id,
                                                  Attachment.deleted_at.is_(None))).all()  # type: ignore[union-attr]
        assert live == []


def test_an_empty_title_is_refused_next_to_the_field(
        qtbot: QtBot, db: Database, org: Org, tmp_path: Path) -> None:
    widget = make_widget(qtbot, db, ADMIN)
    widget.tabs.setCurrentWidget(widget.pages["experiences"])
    widget.new_writeup()
    dialog = widget.current_dialog
    assert isinstance(dialog, OutcomeDialog)
    dialog.body.setPlainText("正文已写好")
    dialog.add_files([tmp_path / "不存在.doc"])
    dialog.save_button.click()
    assert dialog.isVisible()  # nothing typed is lost
    assert dialog.errors["title"].text() == "请填写标题"
    assert "不存在或不是文件" in dialog.errors["attachments"].text()
    assert dialog.body.toPlainText() == "正文已写好"
    with db.session() as s:
        assert s.execute(select(Outcome)).all() == []
    assert not attachments_dir().exists() or not any(attachments_dir().rglob("*.doc"))


def test_a_viewer_is_refused_by_the_service_too(
        qtbot: QtBot, db: Database, org: Org, warnings: list[tuple[str, str]]) -> None:
    widget = make_widget(qtbot, db, VIEWER)
    page = widget.pages["mechanisms"]
    assert not page.buttons["newWriteup"].isEnabled()
    assert page.buttons["newWriteup"].toolTip()
    # Reaching the dialog anyway (Ctrl+N): the service refuses, the dialog keeps the text.
    dialog = OutcomeDialog(db, VIEWER, widget.units, "mechanisms", parent=widget)
    qtbot.addWidget(dialog)
    dialog.title.setText("建立校长接待日制度")
    dialog.body.setPlainText("每月第一个周一校长接待家长。")
    dialog.save()
    assert len(warnings) == 1
    assert "无权登记或修改“五个一批”材料" in warnings[0][1]
    assert dialog.title.text() == "建立校长接待日制度"
    with db.session() as s:
        assert s.execute(select(Outcome)).all() == []


def test_a_school_user_writes_up_its_own_unit_only(db: Database, org: Org) -> None:
    school = Actor("school1", "school", "曾都一中", unit_id=org.school)
    data = OutcomeInput("experiences", "课后服务经验", "做法如下", date(2022, 9, 1),
                        unit_id=org.other)
    with pytest.raises(PermissionDenied, match="本单位"):
        create_outcome(db, school, data)
    mine = create_outcome(db, school, OutcomeInput("experiences", "课后服务经验", "做法如下",
                                                   date(2022, 9, 1), unit_id=org.school))
    # Nor may it move its own write-up to another unit.
    with pytest.raises(PermissionDenied):
        update_outcome(db, school, mine.id, mine.version, data)


def test_service_checks_batch_dates_and_leaves_no_file_behind(
        db: Database, org: Org, tmp_path: Path) -> None:
    file = photo(tmp_path, "a.pdf", b"%PDF-1.4 test")
    with pytest.raises(ValidationError) as caught:
        create_outcome(db, ADMIN, OutcomeInput("projects", "x", "y", date(2099, 1, 1)), [file])
    fields = {e.field: e.message for e in caught.value.errors}
    assert "来自三个清单" in fields["batch"]
    assert "不能晚于今天" in fields["written_on"]
    # A refused save (a stale version) leaves no copy of the file behind.
    saved = create_outcome(db, ADMIN, OutcomeInput("stories", "t", "b", date(2022, 9, 1)))
    other = photo(tmp_path, "b.pdf", b"%PDF-1.4 another")
    digest = hashlib.sha256(other.read_bytes()).hexdigest()
    with pytest.raises(Exception, match="已被其他用户修改"):
        update_outcome(db, ADMIN, saved.id, saved.version + 5,
                       OutcomeInput("stories", "t2", "b", date(2022, 9, 1)), add_files=[other])
    assert not list(attachments_dir().rglob(f"{digest}*"))


def test_a_file_over_the_evidence_size_limit_is_refused(
        db: Database, org: Org, tmp_path: Path) -> None:
    big = tmp_path / "录像.mp4"
    with big.open("wb") as f:
        f.truncate(21 * 1024 * 1024)  # the setting attachment.max_mb is 20 by default
    with pytest.raises(ValidationError) as caught:
        create_outcome(db, ADMIN, OutcomeInput("stories", "t", "b", date(2022, 9, 1)), [big])
    assert "超过上限 20.0 MB" in caught.value.for_field("attachments")[0]
    assert not attachments_dir().exists() or not any(attachments_dir().rglob("*.mp4"))


@pytest.mark.qt_log_ignore(r"QObject::connect\(QPdfDocument, QPdfLinkModel\)", *OFFSCREEN_NOTES)
def test_print_the_compendium(qtbot: QtBot, db: Database, org: Org, sync_worker: None) -> None:
    """The compendium report (desktop.reports) from the screen, with the write-up in it."""
    create_outcome(db, ADMIN, OutcomeInput("mechanisms", "建立校长接待日制度",
                                           "每月第一个周一校长接待家长。", date(2022, 9, 1)))
    widget = make_widget(qtbot, db, ADMIN)
    if report_kind(REPORT_KEY) is None:  # a build without the report: the button says why
        assert not widget.print_button.isEnabled() and widget.print_button.toolTip()
        return
    widget.print_button.click()
    from desktop.ui.reports.preview import ReportPreview

    preview = widget.current_dialog
    assert isinstance(preview, ReportPreview) and preview.page_count() > 0
    from pypdf import PdfReader

    text = "".join("".join(p.extract_text() for p in PdfReader(preview.pdf).pages).split())
    assert "建立校长接待日制度" in text
    preview.close()


def test_a_solved_problem_in_an_added_area_shows_its_label(
        qtbot: QtBot, db: Database, org: Org) -> None:
    add_terms(db)
    with db.transaction() as s:
        problem = s.execute(select(Problem).where(
            Problem.description == "食堂饭菜价格偏高")).scalar_one()
        problem.area = AREA.code
    widget = make_widget(qtbot, db, ADMIN)
    assert [r[4] for r in table(widget.solved_view)] == [AREA.zh]
