"""The bundled fonts and the role each plays; Qt-free so reportlab and matplotlib reuse it.

Official documents (GB/T 9704-2012) use four typefaces: 宋 (body), 仿宋 (formal body), 黑
(first-level headings; also our interface), 楷 (second-level headings), plus a 小标宋-style title.
Every file here has TrueType outlines (reportlab cannot read CFF). FandolFang, LXGW WenKai and
the title font lack rare name characters (堃 喆 昇 祎 ...): text set in them must fall back to
Noto Serif SC, which has them (``FALLBACK_ROLE``).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from desktop.resources import resources_dir


class FontRole(StrEnum):
    SONG = "song"  # 宋
    FANGSONG = "fangsong"  # 仿宋
    HEI = "hei"  # 黑
    KAI = "kai"  # 楷
    TITLE = "title"  # 小标宋 substitute


@dataclass(frozen=True)
class BundledFont:
    role: FontRole
    filename: str
    family: str  # the family name inside the file (what Qt and matplotlib call it)
    label: str  # Chinese name of the role, for the About box
    licence: str  # short licence name
    licence_files: tuple[str, ...]  # under fonts/licenses/


_OFL_NOTO = ("SIL OFL 1.1", ("OFL-Noto.txt",))

FONTS: dict[FontRole, BundledFont] = {
    FontRole.SONG: BundledFont(
        FontRole.SONG, "NotoSerifSC-Regular.ttf", "Noto Serif SC", "宋体", *_OFL_NOTO
    ),
    FontRole.FANGSONG: BundledFont(
        FontRole.FANGSONG, "FandolFang-Regular.ttf", "FandolFang", "仿宋",
        "GPL-3.0 with font exception", ("GPL-3-Fandol.txt", "README-Fandol.txt"),
    ),
    FontRole.HEI: BundledFont(
        FontRole.HEI, "NotoSansSC-Regular.ttf", "Noto Sans SC", "黑体", *_OFL_NOTO
    ),
    FontRole.KAI: BundledFont(
        FontRole.KAI, "LXGWWenKai-Regular-GB2312.ttf", "LXGW WenKai", "楷体",
        "SIL OFL 1.1", ("OFL-LXGWWenKai.txt",),
    ),
    FontRole.TITLE: BundledFont(
        FontRole.TITLE, "NotoSerifSC-Bold-GB2312.ttf", "Noto Serif CJK SC", "标题宋体",
        *_OFL_NOTO,
    ),
}

# The role whose font has the rare characters the others lack.
FALLBACK_ROLE = FontRole.SONG
# The interface font: a sans face, as Chinese desktop software uses.
UI_ROLE = FontRole.HEI


def fonts_dir() -> Path:
    return resources_dir() / "fonts"


def licences_dir() -> Path:
    return fonts_dir() / "licenses"


def font_path(role: FontRole) -> Path:
    return fonts_dir() / FONTS[role].filename


def font_family(role: FontRole) -> str:
    return FONTS[role].family


def licence_paths(role: FontRole) -> list[Path]:
    return [licences_dir() / name for name in FONTS[role].licence_files]


# The fonts of printed reports may be Windows' own 宋体/仿宋/黑体/楷体 instead of the bundled
# ones (the settings dialog's choice, QSettings "fonts/source"; applied at start). The title
# role stays bundled; 宋体 (SimSun, all of GBK) then also serves as the rare-character fallback.
FONT_SOURCES = ("bundled", "system")
SYSTEM_FONT_FILES: dict[FontRole, str] = {
    FontRole.SONG: "simsun.ttc",
    FontRole.FANGSONG: "simfang.ttf",
    FontRole.HEI: "simhei.ttf",
    FontRole.KAI: "simkai.ttf",
}
_report_source = "bundled"


def system_fonts_dir() -> Path:
    import os

    return Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"


def system_font_path(role: FontRole) -> Path | None:
    """Windows' own font file for *role*, when it has one and the file is there."""
    name = SYSTEM_FONT_FILES.get(role)
    if name is None:
        return None
    path = system_fonts_dir() / name
    return path if path.is_file() else None


def set_report_font_source(source: str) -> None:
    global _report_source
    _report_source = source if source in FONT_SOURCES else "bundled"


def report_font_path(role: FontRole) -> Path:
    """The file a report uses for *role*: the system font when chosen and present."""
    if _report_source == "system":
        found = system_font_path(role)
        if found is not None:
            return found
    return font_path(role)

