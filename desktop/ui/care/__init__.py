"""关爱帮扶: the care register's widget (records of help for special groups)."""

from desktop.ui.care.widget import CareRegisterWidget

__all__ = ["CareRegisterWidget"]
