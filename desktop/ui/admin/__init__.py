"""The 管理 (administration) menu: audit log, user management, backup and restore.

``install`` adds the entries; each one is also refused by the service it calls for a role that
may not use it, so hiding an entry is only a courtesy. Nothing from ``db`` is imported here at
module level (the window imports this module before the first paint is not slowed by it).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow


translate = QCoreApplication.translate


def install(window: MainWindow) -> None:
    from db.services.permissions import allowed

    def audit_log() -> None:
        from desktop.ui.admin.audit_viewer import open_audit_log

        if window.database is not None and window.actor is not None:
            open_audit_log(window, window.database, window.actor)

    def users() -> None:
        from desktop.ui.admin.users import open_user_manager

        if window.database is not None and window.actor is not None:
            open_user_manager(window, window.database, window.actor)

    def backup() -> None:
        from desktop.ui.admin.backups import backup_now

        backup_now(window)

    def restore() -> None:
        from desktop.ui.admin.backups import restore_from_backup

        restore_from_backup(window)

    actor = window.actor
    entries = [
        ("audit_log", lambda: translate("AdminMenu", "&Audit log…"), audit_log, "audit.view"),
        ("users", lambda: translate("AdminMenu", "&User management…"), users, "users.manage"),
        ("backup_now", lambda: translate("AdminMenu", "&Back up now…"), backup, "backup"),
        (
            "restore_backup",
            lambda: translate("AdminMenu", "&Restore from a backup…"),
            restore,
            "backup",
        ),
    ]
    for key, text, slot, action in entries:
        entry = window.add_action("admin", key, text, slot)
        entry.setVisible(actor is not None and allowed(actor, action))
    # The menu itself only when something in it may be used.
    window.menus["admin"].menuAction().setVisible(
        any(a.isVisible() for a in window.menus["admin"].actions())
    )
