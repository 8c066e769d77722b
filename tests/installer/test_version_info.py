"""The Windows version resource carries the one version of pyproject.toml."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from desktop.version import read_version
from installer.version_info import ROOT, main, version_file_text, windows_version


class _Node:
    """Stands in for PyInstaller's version classes: records what it was built with."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.args, self.kwargs = args, kwargs


def evaluate(text: str) -> _Node:
    names = ["VSVersionInfo", "FixedFileInfo", "StringFileInfo", "StringTable",
             "StringStruct", "VarFileInfo", "VarStruct"]
    return eval(text, {name: _Node for name in names})  # the file is a Python expression


@pytest.mark.parametrize(("version", "four"), [
    ("0.1.0", (0, 1, 0, 0)), ("1.2", (1, 2, 0, 0)), ("2.0.1.7", (2, 0, 1, 7)),
    ("1.3.0-rc1", (1, 3, 0, 0)), ("0.9.0+local", (0, 9, 0, 0)),
])
def test_windows_version_has_four_numbers(version: str, four: tuple[int, ...]) -> None:
    assert windows_version(version) == four


def test_version_file_from_pyproject(tmp_path: Path) -> None:
    out = tmp_path / "version.txt"
    assert main([str(out)]) == 0
    version = read_version(ROOT / "pyproject.toml")
    assert version is not None
    info = evaluate(out.read_text(encoding="utf-8"))
    fixed = info.kwargs["ffi"]
    assert fixed.kwargs["filevers"] == windows_version(version)
    table = info.kwargs["kids"][0].args[0][0]
    strings = {s.args[0]: s.args[1] for s in table.args[1]}
    assert strings["ProductVersion"] == version
    assert strings["ProductName"] == "民情台账"
    assert table.args[0] == "080404b0"


def test_bad_version_is_refused() -> None:
    with pytest.raises(ValueError):
        version_file_text("latest")
