"""Signing in: ``LoginDialog`` (username, password, "remember me") and ``FirstAdminDialog``
(creating the administrator of a new database), plus the remembered sign-in of this PC.

The checks and messages come from ``db.services.accounts``; these dialogs only show them. A
sign-in takes about a third of a second (the argon2 check), so it runs inline under a busy
cursor rather than on a worker thread.

A remembered sign-in is kept in the application's QSettings per database (a hash of its
location), so a PC that opens two databases keeps two remembered accounts apart.
"""

from __future__ import annotations

import hashlib

from PySide6.QtCore import QEvent, QSettings, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from db.audit import Actor
from db.engine import Database
from db.errors import AppError, ValidationError
from db.services.accounts import (
    REMEMBER_ROLES,
    LoginRefused,
    actor_for,
    authenticate,
    authenticate_token,
    create_first_admin,
    issue_remember_token,
    normalise_username,
    password_problem,
    revoke_remember_token,
)
from desktop.ui.settings import app_settings
from desktop.ui.widgets import NOTE_COLOUR

ERROR_COLOUR = "#b3261e"  # contrast above 4.5:1 on white; always with a sign and words


class MessageLabel(QLabel):
    """A message in words under a field or the form, hidden when empty."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setStyleSheet(f"color: {ERROR_COLOUR};")
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hide()

    def set_message(self, message: str | None) -> None:
        self.setText(f"⚠ {message}" if message else "")
        self.setVisible(bool(message))
        window = self.window()
        if window is not self and window.isVisible():
            # A dialog keeps its size when a message appears: grow it so nothing is clipped.
            window.adjustSize()

    def message(self) -> str:
        return self.text().removeprefix("⚠ ")


def add_field_row(form: QFormLayout, messages: dict[str, MessageLabel], label: str, field: str,
                  widget: QWidget | None = None,
                  layout: QHBoxLayout | QVBoxLayout | None = None) -> MessageLabel:
    """A row of *form*: the field (a widget, a layout or both) with its message under it,
    registered in *messages* under *field* (the wizard's and the settings dialog's pages)."""
    message = MessageLabel()
    message.setObjectName(f"message_{field}")
    box = QVBoxLayout()
    box.setContentsMargins(0, 0, 0, 0)
    box.setSpacing(2)
    if widget is not None:
        box.addWidget(widget)
    if layout is not None:
        box.addLayout(layout)
    box.addWidget(message)
    form.addRow(label, box)
    messages[field] = message
    return message


class _BusyCursor:
    def __enter__(self) -> None:
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)

    def __exit__(self, *_exc: object) -> None:
        QGuiApplication.restoreOverrideCursor()


# -- the remembered sign-in of this PC -------------------------------------------------------


def _remember_group(database: Database) -> str:
    where = hashlib.sha256(database.location.encode("utf-8")).hexdigest()[:16]
    return f"login/{where}"


def last_username(database: Database, settings: QSettings | None = None) -> str:
    settings = settings if settings is not None else app_settings()
    return str(settings.value(f"{_remember_group(database)}/username", "") or "")


def remembered_actor(database: Database, settings: QSettings | None = None) -> Actor | None:
    """Sign in with this PC's remembered token for *database*, if there is a valid one.
    A token that no longer works (expired, password changed) is forgotten."""
    settings = settings if settings is not None else app_settings()
    group = _remember_group(database)
    username = str(settings.value(f"{group}/username", "") or "")
    token = str(settings.value(f"{group}/token", "") or "")
    if not username or not token:
        return None
    try:
        return authenticate_token(database, username, token)
    except LoginRefused:
        settings.remove(f"{group}/token")
        return None


def forget_this_pc(database: Database, settings: QSettings | None = None) -> None:
    """Sign out for good: forget the token here and revoke it in the database."""
    settings = settings if settings is not None else app_settings()
    group = _remember_group(database)
    username = str(settings.value(f"{group}/username", "") or "")
    settings.remove(f"{group}/token")
    if username:
        revoke_remember_token(database, username)


# -- signing in ------------------------------------------------------------------------------


class LoginDialog(QDialog):
    """Username and password; Enter signs in, Esc cancels. ``actor`` is set when accepted.

    A refusal is shown in words inside the dialog (attempts left, or until when the account is
    locked); the username stays and the password is cleared for the next try.
    """

    def __init__(self, database: Database, parent: QWidget | None = None, *,
                 settings: QSettings | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("LoginDialog")
        self.setModal(True)
        self.database = database
        self.settings = settings if settings is not None else app_settings()
        self.actor: Actor | None = None

        self.username = QLineEdit()
        self.username.setObjectName("username")
        self.username.setMaxLength(50)
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.remember = QCheckBox()
        self.remember.setObjectName("remember")
        # The role is not known before signing in (asking would tell a stranger which accounts
        # exist), so the box is always there and the note says who it is for.
        self.remember_note = QLabel()
        self.remember_note.setWordWrap(True)
        self.remember_note.setStyleSheet(f"color: {NOTE_COLOUR};")
        self.message = MessageLabel()
        self.message.setObjectName("message")

        self.username_label = QLabel()
        self.username_label.setBuddy(self.username)
        self.password_label = QLabel()
        self.password_label.setBuddy(self.password)
        form = QFormLayout()
        form.addRow(self.username_label, self.username)
        form.addRow(self.password_label, self.password)
        # Outside the form: a word-wrapped label in a form row is given one line's height.
        remember_box = QVBoxLayout()
        remember_box.setSpacing(2)
        remember_box.addWidget(self.remember)
        remember_box.addWidget(self.remember_note)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.login_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.login_button.setDefault(True)
        self.buttons.accepted.connect(self.try_login)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(remember_box)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(420)

        remembered = last_username(database, self.settings)
        self.username.setText(remembered)
        self.remember.setChecked(bool(self.settings.value(
            f"{_remember_group(database)}/token", "")))
        (self.password if remembered else self.username).setFocus()
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Sign in"))
        self.username_label.setText(self.tr("&User name"))
        self.password_label.setText(self.tr("&Password"))
        self.remember.setText(self.tr("&Remember me on this computer for 30 days"))
        self.remember_note.setText(self.tr(
            "Not for administrator and leader accounts: they always type the password."))
        self.login_button.setText(self.tr("Sign in"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def try_login(self) -> None:
        username, password = self.username.text(), self.password.text()
        try:
            with _BusyCursor():
                actor = authenticate(self.database, username, password)
        except ValidationError as exc:
            self.message.set_message("；".join(e.message for e in exc.errors))
            (self.username if exc.for_field("username") else self.password).setFocus()
            return
        except AppError as exc:
            self.message.set_message(exc.message)
            self.password.clear()
            self.password.setFocus()
            return
        try:
            self._remember(actor)
        except AppError:
            # Signed in all the same; remembering is a convenience and is tried next time.
            self.settings.remove(f"{_remember_group(self.database)}/token")
        self.actor = actor
        self.message.set_message(None)
        self.accept()

    def _remember(self, actor: Actor) -> None:
        group = _remember_group(self.database)
        self.settings.setValue(f"{group}/username", actor.username)
        if self.remember.isChecked() and actor.role in REMEMBER_ROLES:
            token = issue_remember_token(self.database, actor)
            self.settings.setValue(f"{group}/token", token)
        else:
            # Unticked (or a role that may not be remembered): this PC forgets the account.
            if self.settings.value(f"{group}/token", ""):
                revoke_remember_token(self.database, actor.username)
            self.settings.remove(f"{group}/token")
        self.settings.sync()

    @classmethod
    def login(cls, database: Database, parent: QWidget | None = None) -> Actor | None:
        """Show the dialog; the signed-in Actor, or None when cancelled."""
        dialog = cls(database, parent)
        return dialog.actor if dialog.exec() == QDialog.DialogCode.Accepted else None


# -- the first administrator -----------------------------------------------------------------


class FirstAdminDialog(QDialog):
    """Create the administrator of a database nobody can sign in to yet. Each field says what
    is wrong as it is typed; the administrator is signed in (``actor``) when accepted."""

    FIELDS = ("username", "display_name", "password", "confirm")

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("FirstAdminDialog")
        self.setModal(True)
        self.database = database
        self.actor: Actor | None = None
        self._touched: set[str] = set()
        self._tried = False

        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.username = QLineEdit()
        self.username.setMaxLength(50)
        self.display_name = QLineEdit()
        self.display_name.setMaxLength(50)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirm = QLineEdit()
        self.confirm.setEchoMode(QLineEdit.EchoMode.Password)
        self.edits: dict[str, QLineEdit] = {
            "username": self.username, "display_name": self.display_name,
            "password": self.password, "confirm": self.confirm}
        self.errors: dict[str, MessageLabel] = {}
        self.labels: dict[str, QLabel] = {}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for name, edit in self.edits.items():
            edit.setObjectName(name)
            box = QWidget()
            column = QVBoxLayout(box)
            column.setContentsMargins(0, 0, 0, 0)
            column.setSpacing(2)
            column.addWidget(edit)
            error = MessageLabel()
            error.setObjectName(f"{name}_error")
            column.addWidget(error)
            caption = QLabel()
            caption.setBuddy(edit)
            form.addRow(caption, box)
            self.errors[name], self.labels[name] = error, caption
            edit.textChanged.connect(lambda _text, n=name: self._typed(n))
        self.general = MessageLabel()

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.create_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.create_button.setDefault(True)
        self.buttons.accepted.connect(self.try_create)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.general)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)
        self.username.setFocus()
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Create the administrator"))
        self.intro.setText(self.tr(
            "This database has no user yet. Create the administrator account: it manages the "
            "other accounts. Keep the password safe; nobody can recover it."))
        for name, text in (("username", self.tr("&User name")),
                           ("display_name", self.tr("&Name")),
                           ("password", self.tr("&Password")),
                           ("confirm", self.tr("&Repeat password"))):
            self.labels[name].setText(text)
        self.password.setPlaceholderText(self.tr(
            "At least 8 characters, not only digits, not the user name"))
        self.create_button.setText(self.tr("Create and sign in"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self.revalidate()
        super().changeEvent(event)

    def _typed(self, name: str) -> None:
        self._touched.add(name)
        if name == "password" and self.confirm.text():
            self._touched.add("confirm")  # a changed password re-checks the repeat
        self.revalidate()

    def check(self) -> dict[str, str]:
        """What is wrong, field → message; the service checks again when creating."""
        found: dict[str, str] = {}
        username = normalise_username(self.username.text())
        if not username:
            found["username"] = self.tr("Enter a user name, e.g. the pinyin of your name")
        elif any(c.isspace() for c in username):
            found["username"] = self.tr("A user name cannot contain spaces")
        if not self.display_name.text().strip():
            found["display_name"] = self.tr("Enter your name as colleagues know it")
        problem = password_problem(self.password.text(), username)
        if problem:
            found["password"] = problem
        if self.confirm.text() != self.password.text():
            found["confirm"] = self.tr("The two passwords differ: type the same password twice")
        return found

    def revalidate(self) -> dict[str, str]:
        found = self.check()
        for name, error in self.errors.items():
            shown = self._tried or name in self._touched
            error.set_message(found.get(name) if shown else None)
        return found

    def try_create(self) -> None:
        self._tried = True
        found = self.revalidate()
        if found:
            first = next(n for n in self.FIELDS if n in found)
            self.edits[first].setFocus()
            return
        try:
            with _BusyCursor():
                user = create_first_admin(self.database, self.username.text(),
                                          self.display_name.text(), self.password.text())
        except ValidationError as exc:
            for err in exc.errors:
                target = self.errors.get(err.field)
                if target is not None:
                    target.set_message(err.message)
                else:
                    self.general.set_message(err.message)
            return
        except AppError as exc:
            self.general.set_message(exc.message)
            return
        self.actor = actor_for(user)
        self.accept()

    @classmethod
    def create(cls, database: Database, parent: QWidget | None = None) -> Actor | None:
        dialog = cls(database, parent)
        return dialog.actor if dialog.exec() == QDialog.DialogCode.Accepted else None
