"""Translations: the catalogue is complete, compiled, in step with the source, and installed."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialogButtonBox

from desktop.ui.i18n import current_language, install_translators, qm_path, qt_translations_dir

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "i18n" / "minqing_zh_CN.ts"
QM = ROOT / "resources" / "i18n" / "minqing_zh_CN.qm"
BIN = Path(sys.executable).parent


def messages() -> list[tuple[str, str, ET.Element]]:
    result = []
    for context in ET.parse(TS).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            result.append((name, message.findtext("source", ""), message))
    return result


def test_every_message_is_translated() -> None:
    problems = []
    for context, source, message in messages():
        translation = message.find("translation")
        assert translation is not None
        kind = translation.get("type")
        if kind in ("unfinished", "obsolete", "vanished") or not (translation.text or "").strip():
            problems.append(f"{context}: {source!r} ({kind or 'empty'})")
    assert not problems, "\n".join(problems)
    assert len(messages()) > 50


def test_translations_keep_placeholders_and_mnemonics() -> None:
    for context, source, message in messages():
        text = message.findtext("translation", "")
        assert re.findall(r"{\w+}", source) == re.findall(r"{\w+}", text), (context, source)
        if "&" in source:
            assert re.search(r"\(&[A-Z]\)", text), (context, source, text)


def test_tab_names_are_the_design_cards() -> None:
    install_translators("zh_CN")
    names = [QCoreApplication.translate("MainWindow", s) for s in
             ("Personnel and contact points", "Visit log", "Three lists", "Progress charts")]
    assert names == ["人员与联系点", "走访日志", "三个清单", "进度图表"]


def test_compiled_catalogue_matches_the_source(tmp_path: Path) -> None:
    """Recompiling the .ts gives the committed .qm byte for byte (nobody forgot lrelease)."""
    compiled = tmp_path / "check.qm"
    subprocess.run([str(BIN / "pyside6-lrelease"), str(TS), "-qm", str(compiled)], check=True,
                   capture_output=True)
    hint = "run: uv run python tools/update_translations.py"
    assert compiled.read_bytes() == QM.read_bytes(), hint
    assert qm_path("zh_CN") == QM


def test_catalogue_has_every_string_of_the_source(tmp_path: Path) -> None:
    """lupdate over the source finds nothing that the .ts lacks (no new, no vanished strings)."""
    copy = tmp_path / TS.name
    shutil.copyfile(TS, copy)
    sources = sorted(str(p) for p in (ROOT / "desktop").rglob("*.py"))
    subprocess.run([str(BIN / "pyside6-lupdate"), *sources, "-no-obsolete", "-locations", "none",
                    "-source-language", "en", "-target-language", "zh_CN", "-ts", str(copy)],
                   check=True, capture_output=True, cwd=ROOT)
    assert copy.read_text(encoding="utf-8") == TS.read_text(encoding="utf-8"), (
        "the source has new or removed strings: run tools/update_translations.py and translate"
    )


def test_qt_own_chinese_translation_ships_with_pyside6() -> None:
    assert (qt_translations_dir() / "qtbase_zh_CN.qm").is_file()


def test_installing_switches_our_strings_and_qts(qapp: object) -> None:
    install_translators("en")
    assert current_language() == "en"
    assert QCoreApplication.translate("MainWindow", "Visit log") == "Visit log"
    install_translators("zh_CN")
    assert current_language() == "zh_CN"
    assert QCoreApplication.translate("MainWindow", "Visit log") == "走访日志"
    cancel = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    assert cancel.buttons()[0].text() == "取消"  # Qt's own string, from qtbase_zh_CN


@pytest.mark.parametrize("unknown", ["fr", "", "zh_TW"])
def test_unknown_language_falls_back_to_chinese(unknown: str) -> None:
    assert install_translators(unknown) == "zh_CN"
