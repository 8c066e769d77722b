"""The exchange dialogs between two offices: identity → pair → export → import preview →
apply; re-import and tampered packages; the conflicts list; refusals in Chinese with the
receiving database unchanged."""

from __future__ import annotations

import os
import zipfile
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from db.exchange import local_identity
from db.models import Problem, Visit
from desktop.ui.exchange.feature import ExchangeFeature
from desktop.ui.exchange.packages import ExportPackageDialog, PackageReportDialog
from desktop.ui.exchange.sites import IdentityDialog, PairDialog, PeersDialog
from desktop.ui.exchange.text_table import TextTableModel
from desktop.ui.main_window import MainWindow
from tests.exchange.conftest import SiteEnv, add_unit_and_cadre, add_visit, digest, edit_problem

# Set MQ_SHOTS to a folder to keep pictures of the dialogs for a look.
SHOTS = os.environ.get("MQ_SHOTS")


def feature(window: MainWindow) -> ExchangeFeature:
    return window.exchange  # type: ignore[attr-defined, no-any-return]


def shot(widget: object, name: str) -> None:
    if SHOTS:
        widget.grab().save(str(Path(SHOTS) / f"{name}.png"))  # type: ignore[attr-defined]


def count(env: SiteEnv, model: type) -> int:
    with env.db.session() as s:
        return s.execute(select(func.count()).select_from(model)).scalar_one()


def save_identity(window: MainWindow, path: Path) -> IdentityDialog:
    feature(window).show_identity()
    dialog = feature(window).dialog
    assert isinstance(dialog, IdentityDialog)
    dialog.save(path)
    return dialog


def pair_with(window: MainWindow, path: Path, heard: str, qtbot: QtBot) -> PairDialog:
    feature(window).pair_site()
    dialog = feature(window).dialog
    assert isinstance(dialog, PairDialog)
    assert not dialog.pair_button.isEnabled()  # nothing to trust before a file is loaded
    assert dialog.load(path)
    dialog.heard.setText(heard)
    qtbot.mouseClick(dialog.pair_button, Qt.MouseButton.LeftButton)
    return dialog


@pytest.fixture
def paired(window: MainWindow, county_window: MainWindow, city: SiteEnv, county: SiteEnv,
           tmp_path: Path, qtbot: QtBot) -> None:
    """Both offices save their identity files and pair with each other through the dialogs."""
    city_file, county_file = tmp_path / "SZ.mqid", tmp_path / "SX.mqid"
    shown = save_identity(window, city_file)
    assert shown.saved_to == city_file
    city_print = local_identity(city.db).fingerprint
    label = shown.findChild(QLabel, "fingerprint")
    assert label is not None and label.text() == city_print
    shot(shown, "identity")
    save_identity(county_window, county_file)
    county_print = local_identity(county.db).fingerprint

    dialog = pair_with(window, county_file, county_print.lower().replace(" ", ""), qtbot)
    assert dialog.fingerprint.text() == county_print and dialog.code.text() == "SX"
    assert dialog.result() == dialog.DialogCode.Accepted
    assert "SX" in feature(window).message.text()  # type: ignore[union-attr]
    pair_with(county_window, city_file, city_print, qtbot)


def export_from(window: MainWindow, receiver: str, out: Path, qtbot: QtBot, *,
                full: bool = False) -> Path:
    feature(window).export_package()
    dialog = feature(window).dialog
    assert isinstance(dialog, ExportPackageDialog)
    dialog.receiver.setCurrentIndex(dialog.receiver.findData(receiver))
    (dialog.everything if full else dialog.since_last).setChecked(True)
    dialog.folder.setText(str(out))
    with qtbot.waitSignal(feature(window).exported) as done:
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    path: Path = done.args[0].path
    assert path.parent == out and path.is_file()
    return path


def preview(window: MainWindow, package: Path) -> PackageReportDialog:
    feature(window).preview_package(package)
    dialog = feature(window).dialog
    assert isinstance(dialog, PackageReportDialog) and not dialog.report.applied
    return dialog


def counts_of(dialog: PackageReportDialog) -> dict[str, list[object]]:
    model = dialog.counts
    return {model.cell(r, 0): [model.cell(r, c) for c in range(1, 6)]
            for r in range(model.rowCount())}


def test_exchange_between_two_offices(window: MainWindow, county_window: MainWindow,
                                      city: SiteEnv, county: SiteEnv, paired: None,
                                      tmp_path: Path, qtbot: QtBot) -> None:
    unit_id, cadre_id = add_unit_and_cadre(county)
    add_visit(county, unit_id, cadre_id)
    package = export_from(county_window, "SZ", tmp_path / "out", qtbot)
    message = feature(county_window).message
    assert message is not None and package.name in message.text()

    before = digest(city.db)
    dialog = preview(window, package)
    assert counts_of(dialog)["走访记录"] == [1, 0, 0, 0, 0]  # new, changed, here, conflicts
    assert counts_of(dialog)["问题清单"][0] == 1
    assert dialog.import_button is not None and dialog.import_button.isEnabled()
    assert "随县教育局" in dialog.sender_label.text()
    assert digest(city.db) == before  # the preview wrote nothing
    shot(dialog, "package_preview")
    with qtbot.waitSignal(feature(window).imported):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert count(city, Visit) == 1 and count(city, Problem) == 1
    report = feature(window).dialog
    assert isinstance(report, PackageReportDialog) and report.report.applied
    assert "写入" in report.verdict.text()
    shot(report, "package_report")

    # The same package again: everything is already here, nothing to import.
    after = digest(city.db)
    again = preview(window, package)
    assert again.import_button is not None and not again.import_button.isEnabled()
    assert counts_of(again)["走访记录"][2] == 1
    again.reject()
    assert digest(city.db) == after

    feature(window).show_peers()
    peers = feature(window).dialog
    assert isinstance(peers, PeersDialog)
    assert peers.model.rowCount() == 1 and peers.model.cell(0, 0) == "SX"
    assert peers.model.cell(0, 5) != "从未"  # a package was received


def test_a_tampered_package_is_refused_and_nothing_changes(
        window: MainWindow, county_window: MainWindow, city: SiteEnv, county: SiteEnv,
        paired: None, tmp_path: Path, qtbot: QtBot) -> None:
    unit_id, cadre_id = add_unit_and_cadre(county)
    add_visit(county, unit_id, cadre_id)
    package = export_from(county_window, "SZ", tmp_path / "out", qtbot)
    tampered = tmp_path / "tampered.mqpkg"
    with zipfile.ZipFile(package) as src, zipfile.ZipFile(tampered, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "data/visit.jsonl":
                data = data.replace("走访宿舍".encode(), "篡改内容".encode())
            dst.writestr(info, data)
    before = digest(city.db)
    with qtbot.waitSignal(feature(window).refused) as refused:
        feature(window).preview_package(tampered)
    box = feature(window).message
    assert isinstance(box, QMessageBox) and box.text() == refused.args[0]
    assert "没有任何改动" in box.text() and box.isVisible()
    shot(box, "refused")
    assert not isinstance(feature(window).dialog, PackageReportDialog)
    assert digest(city.db) == before


def test_an_unpaired_sender_is_refused(window: MainWindow, county_window: MainWindow,
                                       city: SiteEnv, county: SiteEnv, tmp_path: Path,
                                       qtbot: QtBot) -> None:
    # Only the county trusts the city; the city never paired with the county.
    save_identity(window, tmp_path / "SZ.mqid")
    pair_with(county_window, tmp_path / "SZ.mqid", "", qtbot)
    package = export_from(county_window, "SZ", tmp_path / "out", qtbot)
    before = digest(city.db)
    with qtbot.waitSignal(feature(window).refused) as refused:
        feature(window).preview_package(package)
    assert "SX" in refused.args[0] and "配对" in refused.args[0]
    assert digest(city.db) == before


def test_a_wrong_fingerprint_is_not_paired(window: MainWindow, county_window: MainWindow,
                                           tmp_path: Path, qtbot: QtBot) -> None:
    save_identity(county_window, tmp_path / "SX.mqid")
    dialog = pair_with(window, tmp_path / "SX.mqid", "0000 0000 0000 0000", qtbot)
    assert dialog.isVisible() and dialog.result() != dialog.DialogCode.Accepted
    box = dialog.message
    assert box is not None and "指纹" in box.text() and "未配对" in box.text()
    from db.exchange import list_peers

    assert list_peers(window.database) == []  # type: ignore[arg-type]


def test_export_without_peers_says_to_pair_first(window: MainWindow) -> None:
    feature(window).export_package()
    box = feature(window).message
    assert box is not None and "配对" in box.text()
    assert feature(window).dialog is None


def test_conflicts_are_listed_for_review(window: MainWindow, county_window: MainWindow,
                                         city: SiteEnv, county: SiteEnv, paired: None,
                                         tmp_path: Path, qtbot: QtBot) -> None:
    unit_id, cadre_id = add_unit_and_cadre(county)
    _visit, problem_id = add_visit(county, unit_id, cadre_id)
    first = export_from(county_window, "SZ", tmp_path / "out", qtbot)
    feature(window).apply_package(first)
    # Both offices change the same problem before they exchange again.
    edit_problem(city, problem_id, description="市局改过的描述")
    edit_problem(county, problem_id, description="县局改过的描述")
    second = export_from(county_window, "SZ", tmp_path / "out2", qtbot)
    dialog = preview(window, second)
    assert counts_of(dialog)["问题清单"][3] == 1
    assert dialog.conflicts.rowCount() == 1 and dialog.conflicts_view.isVisibleTo(dialog)
    assert dialog.conflicts.cell(0, 0) == "问题清单"
    assert "审计日志" in dialog.conflicts.cell(0, 5)
    shot(dialog, "conflicts")


def test_text_table_model_passes_the_model_tester(qtmodeltester: Any) -> None:
    model = TextTableModel(lambda: ["代码", "数量"], [["SX", 3], ["SZ", None]])
    qtmodeltester.check(model)
    assert model.index(1, 1).data() == "" and model.index(0, 1).data() == "3"
    model.set_rows([["X", 1]])
    qtmodeltester.check(model)


def test_peers_list_updates_after_pairing_from_it(window: MainWindow,
                                                  county_window: MainWindow, tmp_path: Path,
                                                  qtbot: QtBot) -> None:
    save_identity(county_window, tmp_path / "SX.mqid")
    feature(window).show_peers()
    peers = feature(window).dialog
    assert isinstance(peers, PeersDialog)
    assert peers.model.rowCount() == 0 and peers.empty.isVisibleTo(peers)
    shot(peers, "peers_empty")
    qtbot.mouseClick(peers.pair_button, Qt.MouseButton.LeftButton)
    pairing = feature(window).dialog
    assert isinstance(pairing, PairDialog) and pairing.load(tmp_path / "SX.mqid")
    pairing.confirm()
    assert peers.model.rowCount() == 1 and peers.model.cell(0, 1) == "随县教育局"
    assert peers.model.cell(0, 4) == "从未"
