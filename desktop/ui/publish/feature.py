"""The menu entry 数据交换 → 公示三个清单…: the publish dialog over the open database.

Imports nothing from db at module level (the window imports feature modules only after its
first paint, but keeps them light anyway)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow


def install(window: MainWindow) -> None:
    def publish() -> None:
        from desktop.ui.publish.dialog import open_publish_dialog

        open_publish_dialog(window.database, window.actor, window)

    window.add_action(
        "exchange", "publish_lists",
        lambda: QCoreApplication.translate("PublishMenu", "&Publish the three lists…"), publish)
