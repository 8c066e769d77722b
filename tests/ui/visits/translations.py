"""Compile resources/i18n/pending/visits.json into a .qm, so the tests (and screenshots) see
the visit log in Chinese before the lead merges the strings into the main catalogue."""

from __future__ import annotations

import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
PENDING = ROOT / "resources" / "i18n" / "pending" / "visits.json"


def pending() -> dict[str, dict[str, str]]:
    return json.loads(PENDING.read_text(encoding="utf-8"))


def write_ts(path: Path) -> None:
    root = ET.Element("TS", version="2.1", language="zh_CN", sourcelanguage="en")
    for context, messages in pending().items():
        node = ET.SubElement(root, "context")
        ET.SubElement(node, "name").text = context
        for source, translation in messages.items():
            message = ET.SubElement(node, "message")
            ET.SubElement(message, "source").text = source
            ET.SubElement(message, "translation").text = translation
    ET.ElementTree(root).write(path, encoding="utf-8", xml_declaration=True)


def compile_qm(folder: Path) -> Path:
    ts, qm = folder / "visits_zh_CN.ts", folder / "visits_zh_CN.qm"
    write_ts(ts)
    tool = Path(sys.executable).parent / "pyside6-lrelease"
    subprocess.run([str(tool), str(ts), "-qm", str(qm)], check=True,
                   stdout=subprocess.DEVNULL)
    return qm


def sources_in_code(folder: Path) -> dict[str, set[str]]:
    """(context → source texts) that pyside6-lupdate finds in desktop/ui/visits."""
    ts = folder / "extracted.ts"
    files = sorted(str(p) for p in (ROOT / "desktop" / "ui" / "visits").glob("*.py"))
    tool = Path(sys.executable).parent / "pyside6-lupdate"
    subprocess.run([str(tool), *files, "-no-obsolete", "-locations", "none",
                    "-source-language", "en", "-target-language", "zh_CN", "-ts", str(ts)],
                   check=True, stdout=subprocess.DEVNULL, cwd=ROOT)
    out: dict[str, set[str]] = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name", "")
        out[name] = {m.findtext("source", "") for m in context.iter("message")}
    return out
