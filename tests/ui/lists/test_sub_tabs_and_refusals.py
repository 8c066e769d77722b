"""The lists widget beside sub-tabs that are not lists (the lists tab adds the monthly study
and the five batches), and refusal boxes titled in the interface language."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from db.audit import Actor
from db.engine import Database
from db.errors import AppError, ConflictError, NotFoundError, PermissionDenied, RuleError
from desktop.ui.lists import ThreeListsWidget
from desktop.ui.lists.common import show_app_error
from tests.ui.lists.conftest import Org, make_widget


def test_a_further_sub_tab_is_not_taken_for_a_list(qtbot: QtBot, widget: ThreeListsWidget,
                                                   org: Org) -> None:
    """ThreeListsWidget itself skips sub-tabs that are not among its pages: switching to one,
    F5 and Ctrl+F there look up no list page, and the rates panel is hidden."""
    extra = QLabel("别的页面")
    index = widget.tabs.addTab(extra, "其他")
    assert widget.rates.isVisible()
    widget.pages[0].select_row(0)
    chosen = widget.problem
    assert chosen is not None

    widget.tabs.setCurrentIndex(index)  # _selection_changed and update_rates both run
    assert widget.list_page() is None and not widget.rates.isVisible()
    widget.refresh()
    widget.update_rates()
    widget.focus_search()
    assert not widget.rates.isVisible()
    assert widget.problem == chosen  # the list's selection was left alone

    widget.tabs.setCurrentIndex(1)
    assert widget.list_page() is widget.pages[1]
    assert widget.rates.isVisible()
    assert widget.rates.response.text()  # the task list's rates are shown again


@pytest.mark.parametrize(("error", "title"), [
    (PermissionDenied("您的角色无权修改。"), "无权操作"),
    (ConflictError("已被修改。"), "已被他人先行保存"),
    (NotFoundError("找不到。"), "找不到该记录"),
    (RuleError("不符合规定。"), "不符合活动规定"),
    (AppError("无法保存。"), "无法保存"),
])
def test_refusal_box_titles_are_chinese(qtbot: QtBot, warnings: list[tuple[str, str]],
                                        error: AppError, title: str) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    show_app_error(parent, error)
    assert warnings[0][0] == title
    assert warnings[0][1].startswith(error.message)


def test_a_refusal_in_the_lists_has_a_chinese_title(qtbot: QtBot, db: Database, org: Org,
                                                    warnings: list[tuple[str, str]]) -> None:
    viewer = make_widget(qtbot, db, Actor("viewer", "viewer", "查看者"))
    viewer.pages[0].select_row(0)
    viewer.toggle_strong()  # the service refuses a viewer
    assert [t for t, _ in warnings] == ["无权操作"]
    assert "请由有相应权限的同事或管理员办理。" in warnings[0][1]
