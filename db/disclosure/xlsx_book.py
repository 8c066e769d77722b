"""The three lists as one workbook, a sheet per list.

openpyxl took 12 s for a scale-10 demo's lists (its write-only mode serialises every cell in
Python objects); ``db.excel.export_rows`` writes a one-sheet table in a fraction of that but
knows one sheet only. So each list is written with ``export_rows`` to a temporary workbook and
the three are joined: the sheets' shared-string indexes are shifted past the strings of the
sheets before them, and the package parts are written for three sheets.
"""

from __future__ import annotations

import re
import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path
from xml.sax.saxutils import quoteattr

from db.disclosure.lists import PublicLists
from db.excel.export import export_rows

_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml"
_SI = re.compile(rb"<si>.*?</si>", re.S)
_SHARED_REF = re.compile(rb'(t="s"><v>)(\d+)(</v>)')


def write_xlsx(lists: PublicLists, path: Path) -> None:
    path = Path(path)
    sheets: list[tuple[str, bytes]] = []
    strings: list[bytes] = []
    styles = b""
    with tempfile.TemporaryDirectory() as tmp:
        for i, (title, headers, rows) in enumerate(lists.sections()):
            part = Path(tmp) / f"{i}.xlsx"
            export_rows(part, list(headers), rows, sheet_name=title)
            with zipfile.ZipFile(part) as zf:
                sheet = zf.read("xl/worksheets/sheet1.xml")
                own = _SI.findall(zf.read("xl/sharedStrings.xml"))
                styles = zf.read("xl/styles.xml")
            offset = len(strings)
            if offset:
                sheet = _SHARED_REF.sub(_shifter(offset), sheet)
            strings.extend(own)
            sheets.append((title, sheet))
    tmp_path = path.with_name(path.name + ".part")
    try:
        _write_package(tmp_path, sheets, strings, styles)
    except BaseException:
        tmp_path.unlink(missing_ok=True)
        raise
    tmp_path.replace(path)  # a half-written workbook never replaces a good one


def _shifter(offset: int) -> Callable[[re.Match[bytes]], bytes]:
    def shift(m: re.Match[bytes]) -> bytes:
        return m.group(1) + str(int(m.group(2)) + offset).encode() + m.group(3)
    return shift


def _write_package(path: Path, sheets: list[tuple[str, bytes]], strings: list[bytes],
                   styles: bytes) -> None:
    n = len(sheets)
    head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    overrides = "".join(
        f'<Override PartName="/xl/worksheets/sheet{i + 1}.xml" '
        f'ContentType="{_CT}.worksheet+xml"/>' for i in range(n))
    content_types = (
        f'{head}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        f'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
        f'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/xl/workbook.xml" ContentType="{_CT}.sheet.main+xml"/>'
        f'{overrides}<Override PartName="/xl/styles.xml" ContentType="{_CT}.styles+xml"/>'
        f'<Override PartName="/xl/sharedStrings.xml" ContentType="{_CT}.sharedStrings+xml"/>'
        "</Types>")
    rels = (f'{head}<Relationships xmlns="{_PKG}"><Relationship Id="rId1" '
            f'Type="{_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>')
    sheet_list = "".join(f'<sheet name={quoteattr(title)} sheetId="{i + 1}" '
                         f'r:id="rId{i + 1}"/>' for i, (title, _) in enumerate(sheets))
    workbook = (f'{head}<workbook xmlns="{_NS}" xmlns:r="{_REL}"><sheets>{sheet_list}'
                "</sheets></workbook>")
    sheet_rels = "".join(f'<Relationship Id="rId{i + 1}" Type="{_REL}/worksheet" '
                         f'Target="worksheets/sheet{i + 1}.xml"/>' for i in range(n))
    workbook_rels = (
        f'{head}<Relationships xmlns="{_PKG}">{sheet_rels}'
        f'<Relationship Id="rId{n + 1}" Type="{_REL}/styles" Target="styles.xml"/>'
        f'<Relationship Id="rId{n + 2}" Type="{_REL}/sharedStrings" '
        'Target="sharedStrings.xml"/></Relationships>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
        for i, (_, sheet) in enumerate(sheets):
            zf.writestr(f"xl/worksheets/sheet{i + 1}.xml", sheet)
        with zf.open("xl/sharedStrings.xml", "w") as raw:
            raw.write(f'{head}<sst xmlns="{_NS}" count="{len(strings)}" '
                      f'uniqueCount="{len(strings)}">'.encode())
            raw.write(b"".join(strings))
            raw.write(b"</sst>")
        zf.writestr("[Content_Types].xml", content_types)
        zf.writestr("_rels/.rels", rels)
        zf.writestr("xl/workbook.xml", workbook)
        zf.writestr("xl/_rels/workbook.xml.rels", workbook_rels)
        zf.writestr("xl/styles.xml", styles)
