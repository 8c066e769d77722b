"""管理 → 用户管理: the accounts, for administrators.

List, add (role, the school of a school user, the care-register grant), change role, disable
and enable, reset a password (the administrator types a temporary one), unlock. Every check,
refusal and audit entry is ``db.services.accounts``'s: it refuses anyone but an administrator,
a duplicate username, a weak password and removing the last administrator, in Chinese; this
module shows those messages.
"""

from __future__ import annotations

import uuid

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import select

from db.audit import Actor
from db.engine import Database
from db.errors import AppError, ValidationError
from db.models import Unit
from db.services.accounts import (
    UserChanges,
    UserInput,
    UserRow,
    create_user,
    deactivate_user,
    list_users,
    password_problem,
    reactivate_user,
    reset_password,
    unlock_user,
    update_user,
)
from db.vocab import ROLES
from desktop.ui.i18n import current_language
from desktop.ui.login import MessageLabel
from desktop.ui.table_model import Column, PagedTableModel
from desktop.ui.widgets import apply_column_widths, setup_record_table

CTX = "UserColumns"


def _role(code: str) -> str:
    return ROLES.label(code, current_language())


def _state(row: UserRow) -> str:
    if not row.active:
        return QCoreApplication.translate("UserColumns", "disabled")
    if row.locked_until is not None:
        return QCoreApplication.translate("UserColumns", "locked until {time}").format(
            time=row.locked_until.astimezone().strftime("%m-%d %H:%M")
        )
    if not row.has_password:
        return QCoreApplication.translate("UserColumns", "no password yet")
    return QCoreApplication.translate("UserColumns", "active")


COLUMNS: list[Column[UserRow]] = [
    Column(QT_TRANSLATE_NOOP("UserColumns", "Username"), lambda r: r.username, CTX, width=120),
    Column(QT_TRANSLATE_NOOP("UserColumns", "Name"), lambda r: r.display_name, CTX, width=110),
    Column(QT_TRANSLATE_NOOP("UserColumns", "Role"), lambda r: _role(r.role), CTX, width=90),
    Column(QT_TRANSLATE_NOOP("UserColumns", "Unit"), lambda r: r.unit_name, CTX, width=200),
    Column(
        QT_TRANSLATE_NOOP("UserColumns", "Care register"),
        lambda r: r.can_view_care,
        CTX,
        width=90,
        alignment=Qt.AlignmentFlag.AlignCenter,
    ),
    Column(QT_TRANSLATE_NOOP("UserColumns", "State"), _state, CTX, width=150),
]


def _units(database: Database) -> list[tuple[uuid.UUID, str]]:
    with database.session() as s:
        rows = s.execute(
            select(Unit.id, Unit.name).where(Unit.deleted_at.is_(None)).order_by(Unit.name)
        ).all()  # type: ignore[union-attr]
    return [(r[0], r[1]) for r in rows]


class UserFormDialog(QDialog):
    """A new account (username and password too) or the changes to one (``row`` given)."""

    def __init__(
        self,
        database: Database,
        actor: Actor,
        row: UserRow | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.database, self.actor, self.row = database, actor, row
        self.saved = False
        self.setObjectName("UserFormDialog")
        self.setWindowTitle(self.tr("New user") if row is None else self.tr("Change user"))
        self.setMinimumWidth(460)
        self.username = QLineEdit(row.username if row else "")
        self.username.setObjectName("username")
        self.username.setReadOnly(row is not None)
        self.display_name = QLineEdit(row.display_name if row else "")
        self.display_name.setObjectName("displayName")
        self.role = QComboBox()
        self.role.setObjectName("role")
        for term in ROLES:
            self.role.addItem(term.label(current_language()), term.code)
        self.role.setCurrentIndex(self.role.findData(row.role if row else "clerk"))
        self.unit = QComboBox()
        self.unit.setObjectName("unit")
        self.unit.setEditable(True)
        self.unit.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.unit.addItem(self.tr("(none)"), None)
        for unit_id, name in _units(database):
            self.unit.addItem(name, unit_id)
        completer = self.unit.completer()
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self._select_unit(row.unit_id if row else None)
        self.care = QCheckBox(self.tr("May see the care register (records about minors)"))
        self.care.setObjectName("care")
        self.care.setChecked(bool(row and row.can_view_care))
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("at least 8 characters, not only digits"))
        self.error = MessageLabel()
        self.error.setObjectName("formError")

        form = QFormLayout()
        form.addRow(self.tr("Username"), self.username)
        form.addRow(self.tr("Name"), self.display_name)
        form.addRow(self.tr("Role"), self.role)
        form.addRow(self.tr("Unit"), self.unit)
        form.addRow("", self.care)
        if row is None:
            form.addRow(self.tr("Temporary password"), self.password)
        hint = QLabel(
            self.tr(
                "A school user sees and enters only the records of its own unit; choose its school."
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555555;")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.role.currentIndexChanged.connect(self._role_changed)
        self._role_changed()

    def _select_unit(self, unit_id: uuid.UUID | None) -> None:
        for i in range(self.unit.count()):
            if self.unit.itemData(i) == unit_id:
                self.unit.setCurrentIndex(i)
                return

    def _unit_id(self) -> uuid.UUID | None:
        # The typed text must name a unit: a half-typed name is no choice.
        index = self.unit.findText(self.unit.currentText())
        data = self.unit.itemData(index) if index >= 0 else None
        return data if isinstance(data, uuid.UUID) else None

    @Slot()
    def _role_changed(self) -> None:
        school = self.role.currentData() == "school"
        self.unit.setToolTip(self.tr("Required for a school user") if school else "")

    @Slot()
    def save(self) -> None:
        role = str(self.role.currentData())
        try:
            if self.row is None:
                create_user(
                    self.database,
                    self.actor,
                    UserInput(
                        username=self.username.text(),
                        display_name=self.display_name.text(),
                        role=role,
                        password=self.password.text(),
                        unit_id=self._unit_id(),
                        can_view_care=self.care.isChecked(),
                    ),
                )
            else:
                update_user(
                    self.database,
                    self.actor,
                    self.row.id,
                    UserChanges(
                        display_name=self.display_name.text(),
                        role=role,
                        unit_id=self._unit_id(),
                        cadre_id=self.row.cadre_id,
                        can_view_care=self.care.isChecked(),
                    ),
                    expected_version=self.row.version,
                )
        except ValidationError as exc:
            self.error.set_message("；".join(e.message for e in exc.errors))
            return
        except AppError as exc:
            self.error.set_message(exc.message)
            return
        self.saved = True
        self.accept()


class PasswordDialog(QDialog):
    """The administrator sets a temporary password for a user who forgot theirs."""

    def __init__(
        self, database: Database, actor: Actor, row: UserRow, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.database, self.actor, self.row = database, actor, row
        self.setObjectName("PasswordDialog")
        self.setWindowTitle(self.tr("Reset password"))
        self.setMinimumWidth(420)
        intro = QLabel(
            self.tr(
                "Set a temporary password for {name} ({user}) and tell it to them in person; they "
                "should change it after signing in. This also unlocks the account."
            ).format(name=row.display_name, user=row.username)
        )
        intro.setWordWrap(True)
        self.password = QLineEdit()
        self.password.setObjectName("newPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat = QLineEdit()
        self.repeat.setObjectName("repeatPassword")
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = MessageLabel()
        self.error.setObjectName("passwordError")
        form = QFormLayout()
        form.addRow(self.tr("New password"), self.password)
        form.addRow(self.tr("Repeat it"), self.repeat)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    @Slot()
    def save(self) -> None:
        password = self.password.text()
        problem = password_problem(password, self.row.username)
        if problem:
            self.error.set_message(problem)
            return
        if password != self.repeat.text():
            self.error.set_message(self.tr("The two passwords differ; type the same one twice."))
            return
        try:
            reset_password(self.database, self.actor, self.row.id, password)
        except AppError as exc:
            self.error.set_message(exc.message)
            return
        self.accept()


class UserManagerDialog(QDialog):
    """The accounts table with its actions. The constructor lists the users through the
    service, so it raises PermissionDenied for anyone but an administrator."""

    def __init__(self, database: Database, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database, self.actor = database, actor
        self._rows = list_users(database, actor)  # refuses non-administrators
        self.setObjectName("UserManagerDialog")
        self.setWindowTitle(self.tr("User management"))
        self.resize(900, 520)
        self.model: PagedTableModel[UserRow] = PagedTableModel(
            COLUMNS, lambda _cursor, _limit: (self._rows, None), parent=self
        )
        self.table = QTableView()
        setup_record_table(
            self.table, "usersTable", QAbstractItemView.SelectionMode.SingleSelection
        )
        self.table.setModel(self.model)
        apply_column_widths(self.table)
        self.table.doubleClicked.connect(self.edit_user)

        self.add_button = QPushButton(self.tr("&New user…"))
        self.edit_button = QPushButton(self.tr("&Change…"))
        self.toggle_button = QPushButton(self.tr("&Disable"))
        self.password_button = QPushButton(self.tr("&Reset password…"))
        self.unlock_button = QPushButton(self.tr("&Unlock"))
        for name, button, slot in (
            ("addUser", self.add_button, self.add_user),
            ("editUser", self.edit_button, self.edit_user),
            ("toggleUser", self.toggle_button, self.toggle_active),
            ("resetPassword", self.password_button, self.reset_password),
            ("unlockUser", self.unlock_button, self.unlock),
        ):
            button.setObjectName(name)
            button.clicked.connect(slot)
        side = QVBoxLayout()
        for button in (
            self.add_button,
            self.edit_button,
            self.toggle_button,
            self.password_button,
            self.unlock_button,
        ):
            side.addWidget(button)
        side.addStretch(1)
        self.message = QLabel()
        self.message.setObjectName("usersMessage")
        self.message.setWordWrap(True)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        body = QHBoxLayout()
        body.addWidget(self.table, 1)
        body.addLayout(side)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(self.message)
        layout.addWidget(close)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.reload()

    # -- rows ---------------------------------------------------------------------------------

    def reload(self, select_id: uuid.UUID | None = None) -> None:
        self._rows = list_users(self.database, self.actor)
        self.model.reset()
        if self.model.canFetchMore():
            self.model.fetchMore()
        if select_id is not None:
            number = self.model.find_row(select_id)
            if number is not None:
                self.table.selectRow(number)
        self._update_buttons()

    def selected(self) -> UserRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row(rows[0].row()) if rows else None

    def select_username(self, username: str) -> None:
        for number in range(self.model.rowCount()):
            if self.model.row(number).username == username:
                self.table.selectRow(number)
                return

    @Slot()
    def _update_buttons(self) -> None:
        row = self.selected()
        for button in (self.edit_button, self.toggle_button, self.password_button):
            button.setEnabled(row is not None)
        self.unlock_button.setEnabled(
            row is not None and (row.locked_until is not None or row.failed_logins > 0)
        )
        self.toggle_button.setText(
            self.tr("&Enable") if row is not None and not row.active else self.tr("&Disable")
        )

    def _say(self, text: str) -> None:
        self.message.setText(text)

    def _refused(self, exc: AppError) -> None:
        QMessageBox.warning(self, self.tr("Not done"), exc.message)

    # -- actions ------------------------------------------------------------------------------

    @Slot()
    def add_user(self) -> None:
        form = UserFormDialog(self.database, self.actor, None, self)
        if form.exec() == QDialog.DialogCode.Accepted:
            self.reload()
            self.select_username(form.username.text().strip().lower())
            self._say(
                self.tr("Created user {user}.").format(user=form.username.text().strip().lower())
            )

    @Slot()
    def edit_user(self) -> None:
        row = self.selected()
        if row is None:
            return
        form = UserFormDialog(self.database, self.actor, row, self)
        if form.exec() == QDialog.DialogCode.Accepted:
            self.reload(row.id)
            self._say(self.tr("Saved the changes to {user}.").format(user=row.username))

    @Slot()
    def toggle_active(self) -> None:
        row = self.selected()
        if row is None:
            return
        try:
            if row.active:
                answer = QMessageBox.question(
                    self,
                    self.tr("Disable user"),
                    self.tr(
                        "Disable {user}? They can no longer sign in; their records and history "
                        "stay."
                    ).format(user=row.username),
                )
                if answer != QMessageBox.StandardButton.Yes:
                    return
                deactivate_user(self.database, self.actor, row.id)
                self._say(self.tr("Disabled {user}.").format(user=row.username))
            else:
                reactivate_user(self.database, self.actor, row.id)
                self._say(self.tr("Enabled {user}.").format(user=row.username))
        except AppError as exc:
            self._refused(exc)
            return
        self.reload(row.id)

    @Slot()
    def reset_password(self) -> None:
        row = self.selected()
        if row is None:
            return
        if (
            PasswordDialog(self.database, self.actor, row, self).exec()
            == QDialog.DialogCode.Accepted
        ):
            self.reload(row.id)
            self._say(self.tr("Set a new password for {user}.").format(user=row.username))

    @Slot()
    def unlock(self) -> None:
        row = self.selected()
        if row is None:
            return
        try:
            unlock_user(self.database, self.actor, row.id)
        except AppError as exc:
            self._refused(exc)
            return
        self.reload(row.id)
        self._say(self.tr("Unlocked {user}.").format(user=row.username))


def open_user_manager(
    parent: QWidget, database: Database, actor: Actor
) -> UserManagerDialog | None:
    try:
        dialog = UserManagerDialog(database, actor, parent)
    except AppError as exc:
        QMessageBox.warning(
            parent, QCoreApplication.translate("UserManagerDialog", "Not permitted"), exc.message
        )
        return None
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
