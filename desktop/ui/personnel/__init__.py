"""人员与联系点: the personnel tab's content (``PersonnelWidget``) and its parts."""

from desktop.ui.personnel.widget import PersonnelWidget

__all__ = ["PersonnelWidget"]
