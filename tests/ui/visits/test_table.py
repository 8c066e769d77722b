"""The visit table: search (including one- and two-character Chinese terms), combined
filters, the model checked by qtmodeltester, copying as TSV, editing, deleting."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from db.engine import Database
from db.models import Problem, Visit
from db.services import TaskInput, open_task, update_visit
from desktop.ui.visits import VisitLogWidget
from desktop.ui.visits.form import VisitForm
from desktop.ui.visits.lookups import visit_detail
from tests.ui.visits.conftest import ADMIN, TODAY, Sample
from tests.ui.visits.keys import focus_on, press, type_text


def shown(widget: VisitLogWidget) -> list[str]:
    model = widget.model
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    return [model.row(n).number for n in range(model.rowCount())]


def wait_for(qtbot: QtBot, widget: VisitLogWidget, numbers: list[str]) -> None:
    qtbot.waitUntil(lambda: shown(widget) == numbers, timeout=3000)


def test_newest_first_with_the_count(widget: VisitLogWidget, sample: Sample) -> None:
    v = sample.visits
    assert shown(widget) == [v["forum"], v["parents"], v["dorm"], v["canteen"]]
    assert widget.count_label.text() == "共 4 条"
    model = widget.model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers == ["编号", "日期", "单位", "所属区域", "干部", "方式", "活动", "学生/教师/家长",
                       "内容摘要"]
    canteen = [model.index(3, c).data() for c in range(model.columnCount())]
    day = (TODAY - timedelta(days=10)).isoformat()  # the day the sample was made from
    assert canteen[1:] == [day, "第一中学", "曾都区", "张三", "明察暗访", "暗访食堂餐饮", "5/2/1",
                           "暗访学校食堂，查看后厨卫生"]


@pytest.mark.parametrize(("term", "keys"), [
    ("食堂", ["dorm", "canteen"]),  # 食堂 in a visit's content, and in another's problem
    ("食", ["forum", "dorm", "canteen"]),  # one character: 食材 too
    ("家长", ["parents"]),
    ("宿舍 热水", ["dorm"]),  # every word must occur
    ("没有这个词", []),
])
def test_search_as_you_type(qtbot: QtBot, widget: VisitLogWidget, sample: Sample, term: str,
                            keys: list[str]) -> None:
    widget.focus_search()
    assert QApplication.focusWidget() is widget.filters.search
    type_text(qtbot, term)
    expected = [sample.visits[k] for k in keys]
    wait_for(qtbot, widget, expected)
    assert widget.count_label.text() == f"共 {len(expected)} 条"


def test_a_common_term_is_counted_about_first_then_exactly(
        qtbot: QtBot, widget: VisitLogWidget, sample: Sample,
        monkeypatch: pytest.MonkeyPatch) -> None:
    # Below the limit the count is exact at once; a limit of 1 stands in for a term with
    # hundreds of thousands of matches, so the table shows "about N" with its first rows and
    # the exact figure replaces it.
    widget.confirm_limit = 1
    texts: list[str] = []
    original = widget.count_label.setText
    monkeypatch.setattr(widget.count_label, "setText",
                        lambda text: (texts.append(text), original(text)))
    widget.filters.search.setText("食")
    wait_for(qtbot, widget, [sample.visits[k] for k in ("forum", "dorm", "canteen")])
    qtbot.waitUntil(lambda: widget.count_label.text() == "共 3 条", timeout=3000)
    assert any(text.startswith("约") for text in texts)  # shown first, then replaced
    assert texts.index("共 3 条") > max(i for i, t in enumerate(texts) if t.startswith("约"))


def test_typing_fast_makes_one_query(qtbot: QtBot, widget: VisitLogWidget,
                                     monkeypatch: pytest.MonkeyPatch, sample: Sample) -> None:
    reloads: list[str] = []
    original = widget.reload_table

    def counting(select_id: object = None) -> None:
        reloads.append(widget.filters.search.text())
        original()

    widget.filters.changed.disconnect()
    widget.filters.changed.connect(counting)
    widget.focus_search()
    type_text(qtbot, "座谈会")
    assert reloads == []  # nothing yet: the filters wait for a pause in the typing
    wait_for(qtbot, widget, [sample.visits["forum"]])
    assert reloads == ["座谈会"]


def test_filters_combine(qtbot: QtBot, widget: VisitLogWidget, sample: Sample) -> None:
    f, v = widget.filters, sample.visits
    f.select_region(sample.zengdu)
    wait_for(qtbot, widget, [v["forum"], v["parents"], v["canteen"]])
    f.method.setCurrentIndex(f.method.findData("inspection"))
    wait_for(qtbot, widget, [v["canteen"]])
    f.method.setCurrentIndex(0)
    focus_on(qtbot, f.cadre)
    type_text(qtbot, "ls")  # 李四 by initials
    press(qtbot, Qt.Key.Key_Return)
    wait_for(qtbot, widget, [v["forum"], v["parents"]])
    focus_on(qtbot, f.unit)
    type_text(qtbot, "一中")
    press(qtbot, Qt.Key.Key_Return)
    wait_for(qtbot, widget, [v["forum"]])
    f.reset()
    wait_for(qtbot, widget, [v["forum"], v["parents"], v["dorm"], v["canteen"]])
    f.date_from.setDate(TODAY - timedelta(days=8))
    f.date_to.setDate(TODAY - timedelta(days=6))
    wait_for(qtbot, widget, [v["parents"], v["dorm"]])
    f.search.setText("宿舍")
    wait_for(qtbot, widget, [v["dorm"]])
    assert widget.count_label.text() == "共 1 条"


def test_model_passes_the_model_tester(qtmodeltester: ModelTester, widget: VisitLogWidget,
                                       qtbot: QtBot, sample: Sample) -> None:
    """Checked after a filter change, then watched while further pages arrive. (The tester
    cannot watch a reset of a lazy model: its modelReset slot fetches more before it marks
    the reset as finished, and then reports the insert as overlapping the reset.)"""
    widget.model.page_size = 2  # several pages from four visits
    widget.filters.search.setText("食")
    widget.filters.apply_now()
    qtmodeltester.check(widget.model, force_py=True)
    assert shown(widget) == [sample.visits[k] for k in ("forum", "dorm", "canteen")]
    assert widget.model.pages_fetched >= 2
    assert widget.model.total() == 3


def select_rows(widget: VisitLogWidget, *rows: int) -> None:
    selection = widget.table.selectionModel()
    selection.clearSelection()
    for row in rows:
        selection.select(widget.model.index(row, 0),
                         QItemSelectionModel.SelectionFlag.Select
                         | QItemSelectionModel.SelectionFlag.Rows)


def test_copy_puts_tsv_with_a_header_on_the_clipboard(widget: VisitLogWidget,
                                                       sample: Sample) -> None:
    select_rows(widget, 0, 3)
    text = widget.copy_selected()
    assert QApplication.clipboard().text() == text
    lines = text.split("\r\n")
    assert lines[0] == "编号\t日期\t单位\t所属区域\t干部\t方式\t活动\t学生/教师/家长\t内容摘要"
    assert lines[1].startswith(sample.visits["forum"] + "\t")
    assert lines[2].startswith(sample.visits["canteen"] + "\t")
    assert lines[2].split("\t")[2:6] == ["第一中学", "曾都区", "张三", "明察暗访"]
    assert lines[3:] == [""]
    assert widget.form.status.text() == "已复制 2 行。"


def test_selecting_shows_the_details_with_the_problems(widget: VisitLogWidget, db: Database,
                                                       sample: Sample) -> None:
    select_rows(widget, 3)
    text = widget.details.toPlainText()
    with db.session() as s:
        number = s.execute(select(Problem.number).where(
            Problem.description == "食堂饭菜价格偏高")).scalar_one()
    assert sample.visits["canteen"] in text
    assert number in text and "食堂饭菜价格偏高" in text
    assert "第一中学（曾都区）" in text


def open_in_form(qtbot: QtBot, widget: VisitLogWidget, row: int) -> VisitForm:
    select_rows(widget, row)
    rect = widget.table.visualRect(widget.model.index(row, 2))
    # A double click is a click and then a double-click event, as Qt gets it from the system.
    qtbot.mouseClick(widget.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(widget.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    return widget.form


def test_double_click_edits_and_saves_with_the_version(qtbot: QtBot, widget: VisitLogWidget,
                                                       db: Database, sample: Sample) -> None:
    form = open_in_form(qtbot, widget, 3)
    assert form.editing is not None and form.editing.number == sample.visits["canteen"]
    assert form.unit.text() == "第一中学（曾都区）"
    assert form.cadres.names() == ["张三"]
    assert form.activity_boxes["canteen"].isChecked()
    assert "食堂饭菜价格偏高" in form.existing.text()
    focus_on(qtbot, form.talked_with)
    type_text(qtbot, "食堂员工")
    press(qtbot, Qt.Key.Key_Return)
    with db.session() as s:
        visit = s.execute(select(Visit).where(Visit.number == sample.visits["canteen"])
                          ).scalar_one()
        assert visit.talked_with == "食堂员工" and visit.version == 2
    assert form.editing is None
    assert form.status.text() == f"已保存对走访 {visit.number} 的修改，新增问题 0 个"
    assert widget.selected_ids() == [visit.id]


@pytest.mark.parametrize("reload", [False, True])
def test_conflict_never_overwrites(qtbot: QtBot, widget: VisitLogWidget, db: Database,
                                   sample: Sample, monkeypatch: pytest.MonkeyPatch,
                                   reload: bool) -> None:
    form = open_in_form(qtbot, widget, 0)
    assert form.editing is not None
    # Another clerk saves the same visit meanwhile.
    with db.session() as s:
        theirs = visit_detail(s, form.editing.id)
    assert theirs is not None
    update_visit(db, ADMIN, theirs.id, widget.form.collect().__class__(
        visit_date=theirs.visit_date, cadre_ids=tuple(c.id for c in theirs.cadres),
        unit_id=theirs.unit.id, method=theirs.method, content="他人的修改"),
        expected_version=theirs.version)
    focus_on(qtbot, form.content)
    form.content.selectAll()
    type_text(qtbot, "我的修改")
    warned: list[str] = []

    def warning(_parent: object, _title: str, text: str, *_args: object) -> object:
        warned.append(text)
        return QMessageBox.StandardButton.Yes if reload else QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "warning", warning)
    assert not widget.save()
    assert warned and warned[0].startswith("该走访记录已被其他用户修改")
    with db.session() as s:
        stored = s.execute(select(Visit.content).where(Visit.id == theirs.id)).scalar_one()
    assert stored == "他人的修改"
    if reload:
        assert form.content.toPlainText() == "他人的修改"
        assert form.editing is not None and form.editing.version == theirs.version + 1
        assert not widget.has_unsaved_changes()
    else:
        assert form.content.toPlainText() == "我的修改"
        assert widget.has_unsaved_changes()


def test_delete_asks_and_goes_through_the_service(qtbot: QtBot, widget: VisitLogWidget,
                                                  db: Database, sample: Sample,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]
    asked: list[str] = []

    def question(_parent: object, _title: str, text: str, *_args: object) -> object:
        asked.append(text)
        return answers.pop(0)

    monkeypatch.setattr(QMessageBox, "question", question)
    changed: list[bool] = []
    widget.data_changed.connect(lambda: changed.append(True))
    select_rows(widget, 3)
    focus_on(qtbot, widget.table)
    press(qtbot, Qt.Key.Key_Delete)  # answered No
    assert len(shown(widget)) == 4 and not changed
    select_rows(widget, 3)
    press(qtbot, Qt.Key.Key_Delete)
    assert asked[1] == (f"删除 1 条走访记录（{sample.visits['canteen']}）吗？"
                        "这些走访发现的问题将一并删除。")
    v = sample.visits
    assert shown(widget) == [v["forum"], v["parents"], v["dorm"]]
    assert changed == [True]
    with db.session() as s:
        visit = s.execute(select(Visit).where(Visit.number == v["canteen"])).scalar_one()
        assert visit.deleted_at is not None
        problem = s.execute(select(Problem).where(Problem.visit_id == visit.id)).scalar_one()
        assert problem.deleted_at is not None


def test_a_refused_delete_says_why_and_keeps_the_visit(
        widget: VisitLogWidget, db: Database, sample: Sample,
        monkeypatch: pytest.MonkeyPatch) -> None:
    with db.session() as s:
        problem_id = s.execute(select(Problem.id).where(
            Problem.description == "食堂饭菜价格偏高")).scalar_one()
    open_task(db, ADMIN, TaskInput((problem_id,), "降低食堂饭菜价格", "supervised"))
    monkeypatch.setattr(QMessageBox, "question", lambda *_a: QMessageBox.StandardButton.Yes)
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *_a: warned.append(text))
    select_rows(widget, 3)
    assert not widget.delete_selected()
    assert len(warned) == 1 and "已立项办理，不能删除该走访记录" in warned[0]
    assert len(shown(widget)) == 4
    with db.session() as s:
        assert s.execute(select(Visit.deleted_at).where(
            Visit.number == sample.visits["canteen"])).scalar_one() is None


def test_count_and_first_page_are_read_off_the_gui_thread(qtbot: QtBot, db: Database,
                                                          sample: Sample) -> None:
    widget = VisitLogWidget(db, ADMIN)  # no sync_worker: the real thread pool
    qtbot.addWidget(widget)
    assert widget.count_label.text() == "正在查询…"  # the constructor did not wait
    qtbot.waitUntil(lambda: widget.count_label.text() == "共 4 条")
    assert widget.model.rowCount() == 4
    # Two requests in a row: only the newer one's answer is shown.
    widget.filters.search.setText("宿舍")
    widget.filters.apply_now()
    widget.filters.search.setText("家长")
    widget.filters.apply_now()
    qtbot.waitUntil(lambda: not widget.loading)
    qtbot.wait(100)  # let the older answer arrive too
    assert shown(widget) == [sample.visits["parents"]]
    assert widget.count_label.text() == "共 1 条"
