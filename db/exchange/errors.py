"""The one error the exchange raises for anything a clerk can act on.

It belongs in ``db.errors`` next to the other AppErrors; it lives here until the lead moves it
(``db/errors.py`` is a shared file this package must not edit).
"""

from __future__ import annotations

from db.errors import AppError


class ExchangeError(AppError):
    """A package was refused or could not be made; nothing was written."""


class ExchangeCancelled(ExchangeError):
    def __init__(self) -> None:
        super().__init__("操作已取消，数据库没有任何改动。")
