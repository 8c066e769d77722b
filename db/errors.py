"""Errors a user can act on. Each message says, in Chinese, what happened, where, and what to do.

Anything that is not one of these is a bug and is shown as such by the caller.
"""

from __future__ import annotations

from dataclasses import dataclass


class AppError(Exception):
    """An error whose message is meant for the clerk."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class FieldError:
    field: str  # the input attribute name, so a form can put the message next to the field
    message: str  # Chinese, names the field by its label


class ValidationError(AppError):
    """Bad input; nothing was written."""

    def __init__(self, errors: list[FieldError]) -> None:
        self.errors = list(errors)
        text = "；".join(e.message for e in self.errors)
        super().__init__(f"输入有误，未保存：{text}")

    def for_field(self, field: str) -> list[str]:
        return [e.message for e in self.errors if e.field == field]


class NotFoundError(AppError):
    pass


class PermissionDenied(AppError):
    pass


class RuleError(AppError):
    """A campaign rule forbids the action (e.g. closing out without an evaluation)."""


class ConflictError(AppError):
    """Someone else saved the same record first (optimistic concurrency)."""

    def __init__(self, what: str = "该记录") -> None:
        super().__init__(
            f"{what}已被其他用户修改，您的修改未保存。请重新加载后再修改（您输入的内容仍保留在表单中）。"
        )


class DatabaseError(AppError):
    """The database cannot be opened or written; see the subclasses."""


class NotADatabaseError(DatabaseError):
    pass


class CorruptDatabaseError(DatabaseError):
    pass


class NewerSchemaError(DatabaseError):
    pass


class DatabaseUnavailableError(DatabaseError):
    """Locked, disk full, read-only, or the server is unreachable: retrying may help."""
