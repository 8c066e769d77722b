"""What the Windows build derives from the repository: the pinned requirements and the icon."""

from __future__ import annotations

import subprocess
from pathlib import Path

from PIL import Image

from installer.make_icon import SIZES, write_icon
from installer.windows_requirements import windows_pins

ROOT = Path(__file__).resolve().parents[2]


def test_markers_are_evaluated_for_windows_not_for_this_machine() -> None:
    exported = [
        "# a comment from uv",
        "numpy==2.4.6 ; python_full_version < '3.12'",
        "numpy==2.5.5 ; python_full_version >= '3.12'",
        "colorama==0.4.6 ; sys_platform == 'win32'",
        "uvloop==0.21.0 ; sys_platform != 'win32'",
        "pywin32==311 ; platform_system == 'Windows'",
        "psycopg-binary==3.3.9 ; implementation_name != 'pypy'",
        "",
        "reportlab==5.1.0",
    ]
    assert windows_pins(exported) == [
        "numpy==2.4.6", "colorama==0.4.6", "pywin32==311", "psycopg-binary==3.3.9",
        "reportlab==5.1.0",
    ]


def test_the_lock_file_gives_one_pin_per_package_with_the_qt_the_app_needs() -> None:
    exported = subprocess.run(
        ["uv", "export", "--no-dev", "--no-hashes", "--frozen", "--no-emit-project"],
        cwd=ROOT, capture_output=True, text=True, check=True,
    ).stdout
    pins = windows_pins(exported.splitlines())
    names = [pin.split("==")[0].lower() for pin in pins]
    assert len(names) == len(set(names)), "a package pinned twice"
    assert "pyside6-essentials==6.11.3" in pins
    assert {"numpy", "matplotlib", "reportlab", "sqlmodel", "alembic"} <= set(names)
    assert not {"pytest", "ruff", "mypy", "pypdf"} & set(names)  # dev tools never ship


def test_icon_has_every_size_windows_asks_for(tmp_path: Path) -> None:
    path = write_icon(tmp_path / "icon" / "minqing.ico")
    with Image.open(path) as icon:
        assert set(icon.info["sizes"]) == {(s, s) for s in SIZES}
        icon.size = (256, 256)
        big = icon.convert("RGBA")
        colours = {big.getpixel((x, y)) for x in range(0, 256, 4) for y in range(0, 256, 4)}
    # Red seal and white character, with a transparent margin.
    assert (196, 30, 36, 255) in colours and (255, 255, 255, 255) in colours
    assert big.getpixel((0, 0))[3] == 0
