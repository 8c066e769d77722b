"""Choosing what a file holds (or which template to save): a small dialog with one list."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QWidget

from desktop.ui.excel.kinds import KIND_NAMES, kind_name


class KindDialog(QDialog):
    """Pick a kind; with *recognise*, the first entry is "recognise it from the headers"."""

    def __init__(self, title: str, prompt: str, *, recognise: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("excelKindDialog")
        self.setWindowTitle(title)
        self.setModal(True)
        self.prompt = QLabel(prompt)
        self.prompt.setWordWrap(True)
        self.combo = QComboBox()
        self.combo.setObjectName("kind")
        if recognise:
            self.combo.addItem(self.tr("Recognise it from the header row"), None)
        for kind in KIND_NAMES:
            self.combo.addItem(kind_name(kind), kind)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QFormLayout(self)
        layout.addRow(self.prompt)
        layout.addRow(self.tr("Kind of records:"), self.combo)
        layout.addRow(buttons)
        self.setMinimumWidth(380)

    def kind(self) -> str | None:
        data = self.combo.currentData()
        return str(data) if data else None

    def choose(self, kind: str | None) -> None:
        index = self.combo.findData(kind)
        self.combo.setCurrentIndex(max(index, 0))
