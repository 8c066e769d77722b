"""The Windows version resource of the frozen app, from the one version in pyproject.toml.

PyInstaller's ``--version-file`` takes a Python expression built from its ``VSVersionInfo``
classes; Explorer shows it under the exe's Properties → Details, and the NSIS installer script
reads the same version. Usage (from the build scripts):

    uv run python -m installer.version_info OUT.txt
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from desktop.version import read_version

ROOT = Path(__file__).resolve().parent.parent
PRODUCT_NAME = "民情台账"
COMPANY_NAME = "民情台账开发组"
DESCRIPTION = "党员干部下基层察民情解民忧暖民心实践活动台账"
EXE_NAME = "MinqingTaizhang.exe"


def windows_version(version: str) -> tuple[int, int, int, int]:
    """``0.1.0`` → (0, 1, 0, 0): Windows wants four numbers; a pre-release suffix is dropped."""
    numbers = [int(n) for n in re.findall(r"\d+", version.split("+")[0].split("-")[0])[:4]]
    if not numbers:
        raise ValueError(f"not a version number: {version!r}")
    return tuple([*numbers, 0, 0, 0][:4])  # type: ignore[return-value]


def version_file_text(version: str) -> str:
    four = windows_version(version)
    dotted = ".".join(map(str, four))
    strings = {
        "CompanyName": COMPANY_NAME,
        "FileDescription": DESCRIPTION,
        "FileVersion": dotted,
        "InternalName": "MinqingTaizhang",
        "OriginalFilename": EXE_NAME,
        "ProductName": PRODUCT_NAME,
        "ProductVersion": version,
    }
    entries = ",\n".join(f"          StringStruct({k!r}, {v!r})" for k, v in strings.items())
    # 0x0804 = Simplified Chinese (PRC), 1200 = Unicode.
    return f"""VSVersionInfo(
  ffi=FixedFileInfo(filevers={four}, prodvers={four}, mask=0x3f, flags=0x0, OS=0x40004,
                    fileType=0x1, subtype=0x0, date=(0, 0)),
  kids=[
    StringFileInfo([
      StringTable('080404b0', [
{entries}
      ])
    ]),
    VarFileInfo([VarStruct('Translation', [0x0804, 1200])])
  ]
)
"""


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python -m installer.version_info OUT.txt", file=sys.stderr)
        return 2
    version = read_version(ROOT / "pyproject.toml")
    if version is None:
        print("pyproject.toml has no [project] version", file=sys.stderr)
        return 1
    Path(argv[0]).write_text(version_file_text(version), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
