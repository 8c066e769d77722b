"""进度图表: progress charts, the same figures that go into the printed reports.

The chosen chart's query runs on a worker thread; the figure is drawn on the GUI thread
(matplotlib's settings are process-wide). Only the chart on screen is built, so a change of
filter costs one query and one drawing, not ten.
"""

from __future__ import annotations

import uuid
from datetime import date
from typing import TYPE_CHECKING, Any

from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from matplotlib.figure import Figure
from PySide6.QtCore import Qt, QTimer, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.charts.catalog import CHARTS, ChartSpec
from desktop.ui.i18n import current_language
from desktop.ui.tabs.base import TabPage
from desktop.ui.widgets import to_date, to_qdate
from desktop.ui.worker import Task, run_task

if TYPE_CHECKING:
    from db.audit import Actor
    from db.engine import Database
    from desktop.progress import Progress

EXPORT_FILTER = "PNG (*.png);;SVG (*.svg);;PDF (*.pdf)"




class ChartsTab(TabPage):
    def __init__(self, database: Database, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(database, actor, parent)
        self.figure: Figure | None = None
        self._task: Task[Any] | None = None
        self._generation = 0  # answers to superseded requests are dropped

        self.chart_list = QListWidget()
        self.chart_list.setObjectName("chartList")
        for _spec in CHARTS:
            self.chart_list.addItem("")
        self.chart_list.setMaximumWidth(220)

        self.region_label = QLabel()
        self.region = QComboBox()
        self.phase_label = QLabel()
        self.phase = QComboBox()
        self.from_label = QLabel()
        self.date_from = QDateEdit(calendarPopup=True)
        self.to_label = QLabel()
        self.date_to = QDateEdit(calendarPopup=True)
        for edit in (self.date_from, self.date_to):
            edit.setDisplayFormat("yyyy-MM-dd")
        self.export_button = QPushButton()
        self.status = QLabel()
        self.status.setObjectName("chartStatus")

        filters = QHBoxLayout()
        for widget in (self.region_label, self.region, self.phase_label, self.phase,
                       self.from_label, self.date_from, self.to_label, self.date_to):
            filters.addWidget(widget)
        filters.addStretch(1)
        filters.addWidget(self.export_button)

        self.canvas = FigureCanvasQTAgg(Figure())
        self.canvas.setMinimumSize(480, 320)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addLayout(filters)
        right_layout.addWidget(self.canvas, 1)
        right_layout.addWidget(self.status)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.chart_list)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        self.set_body(splitter)

        # Filters settle for a moment before the chart is rebuilt (typing a date fires often).
        self._debounce = QTimer(self, singleShot=True, interval=250)
        self._debounce.timeout.connect(self.redraw)
        self._load_choices()
        self.chart_list.currentRowChanged.connect(self.redraw)
        self.region.currentIndexChanged.connect(self._debounce.start)
        self.phase.currentIndexChanged.connect(self._phase_chosen)
        self.date_from.dateChanged.connect(self._debounce.start)
        self.date_to.dateChanged.connect(self._debounce.start)
        self.export_button.clicked.connect(self.export_chart)
        self.retranslate()
        self.chart_list.setCurrentRow(0)

    # -- choices ------------------------------------------------------------------------------

    def _load_choices(self) -> None:
        from sqlalchemy import select

        from db.campaign import campaign_phases, current_campaign
        from db.models import Region

        self._phases: list[tuple[str, date, date]] = []
        with self.database.session() as session:
            regions = session.execute(
                select(Region.id, Region.name).where(Region.deleted_at.is_(None))  # type: ignore[union-attr]
                .order_by(Region.sort_order)
            ).all()
            campaign = current_campaign(session)
            if campaign is not None:
                self._phases = [(p.code, p.starts_on, p.ends_on)
                                for p in campaign_phases(session, campaign)]
                start, end = campaign.starts_on, campaign.ends_on
            else:
                start, end = date(date.today().year, 1, 1), date.today()
        self.region.addItem("", None)
        for region_id, name in regions:
            self.region.addItem(name, region_id)
        self.phase.addItem("", None)
        for code, _start, _end in self._phases:
            self.phase.addItem("", code)
        self._campaign_span = (start, end)
        for edit, value in ((self.date_from, start), (self.date_to, end)):
            edit.blockSignals(True)
            edit.setDate(to_qdate(value))
            edit.blockSignals(False)

    @Slot(int)
    def _phase_chosen(self, index: int) -> None:
        code = self.phase.itemData(index)
        span = next(((s, e) for c, s, e in self._phases if c == code), self._campaign_span)
        for edit, value in ((self.date_from, span[0]), (self.date_to, span[1])):
            edit.blockSignals(True)
            edit.setDate(to_qdate(value))
            edit.blockSignals(False)
        self._debounce.start()

    def filters(self) -> Any:
        from db.queries.stats import StatsFilter

        region = self.region.currentData()
        return StatsFilter(date_from=to_date(self.date_from.date()),
                           date_to=to_date(self.date_to.date()),
                           region_id=region if isinstance(region, uuid.UUID) else None)

    def current_spec(self) -> ChartSpec:
        return CHARTS[max(self.chart_list.currentRow(), 0)]

    # -- drawing ------------------------------------------------------------------------------

    @Slot()
    def redraw(self) -> None:
        """Query the chosen chart's data off the GUI thread, then draw it here."""
        spec, filters, database = self.current_spec(), self.filters(), self.database
        self._generation += 1
        generation = self._generation
        self.status.setText(self.tr("Drawing “{name}”…").format(
            name=spec.title(current_language())))

        def query(_progress: Progress) -> Any:
            with database.session() as session:
                return spec.build(session, filters)

        self._task = run_task(query, lambda data: self._draw(generation, spec, data),
                              on_error=self._failed)

    def _draw(self, generation: int, spec: ChartSpec, data: Any) -> None:
        if generation != self._generation:
            return  # the user has since chosen another chart or filter
        lang = "zh" if current_language().startswith("zh") else "en"
        figure = spec.draw(data, lang=lang)
        self.figure = figure
        self.canvas.figure = figure
        figure.set_canvas(self.canvas)
        self.canvas.draw_idle()
        self.status.setText("")

    def _failed(self, exc: BaseException) -> None:
        from db.errors import AppError

        self.status.setText(exc.message if isinstance(exc, AppError) else
                            self.tr("The chart could not be drawn: {error}").format(error=exc))

    @Slot()
    def export_chart(self) -> None:
        if self.figure is None:
            return
        from desktop.charts.export import export_figure

        suggested = f"{self.current_spec().title(current_language())}.png"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export chart"), suggested,
                                              EXPORT_FILTER)
        if not path:
            return
        try:
            export_figure(self.figure, path)
        except (OSError, ValueError) as exc:
            QMessageBox.warning(self, self.tr("Export chart"), str(exc))
            return
        self.status_message.emit(self.tr("Chart saved to {path}").format(path=path))

    # -- TabPage ------------------------------------------------------------------------------

    def heading_text(self) -> str:
        return self.tr("Progress charts")

    def retranslate(self) -> None:
        super().retranslate()
        lang = current_language()
        for row, spec in enumerate(CHARTS):
            self.chart_list.item(row).setText(spec.title(lang))
        self.region_label.setText(self.tr("Region"))
        self.region.setItemText(0, self.tr("All regions"))
        self.phase_label.setText(self.tr("Phase"))
        self.phase.setItemText(0, self.tr("Whole campaign"))
        from db.vocab import PHASES

        for index in range(1, self.phase.count()):
            self.phase.setItemText(index, PHASES.label(self.phase.itemData(index), lang))
        self.from_label.setText(self.tr("From"))
        self.to_label.setText(self.tr("to"))
        self.export_button.setText(self.tr("Export chart…"))
        self.export_button.setToolTip(self.tr("Save the chart as PNG, SVG or PDF"))

    def refresh(self) -> None:
        self.redraw()
