"""Compile resources/i18n/pending/care.json into a .qm, so the tests (and screenshots) see the
care register in Chinese before the lead merges the strings into the main catalogue."""

from __future__ import annotations

import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
PENDING = ROOT / "resources" / "i18n" / "pending" / "care.json"


def pending() -> dict[str, dict[str, str]]:
    return json.loads(PENDING.read_text(encoding="utf-8"))


def compile_qm(folder: Path) -> Path:
    ts, qm = folder / "care_zh_CN.ts", folder / "care_zh_CN.qm"
    root = ET.Element("TS", version="2.1", language="zh_CN", sourcelanguage="en")
    for context, messages in pending().items():
        node = ET.SubElement(root, "context")
        ET.SubElement(node, "name").text = context
        for source, translation in messages.items():
            message = ET.SubElement(node, "message")
            ET.SubElement(message, "source").text = source
            ET.SubElement(message, "translation").text = translation
    ET.ElementTree(root).write(ts, encoding="utf-8", xml_declaration=True)
    tool = Path(sys.executable).parent / "pyside6-lrelease"
    subprocess.run([str(tool), str(ts), "-qm", str(qm)], check=True, stdout=subprocess.DEVNULL)
    return qm
