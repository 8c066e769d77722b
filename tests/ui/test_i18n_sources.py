"""Every tr() call is where pyside6-lupdate can see it.

lupdate does not look inside f-strings: a ``f"{self.tr('…')}"`` is never extracted, so the
text stays English in the Chinese interface while the catalogue test still passes.
"""

from __future__ import annotations

import io
import re
import tokenize
from pathlib import Path

DESKTOP = Path(__file__).resolve().parents[2] / "desktop"
TR_CALL = re.compile(r"\btr\(")  # self.tr( and .tr(, not str( or getattr(


def test_no_tr_inside_f_strings() -> None:
    offenders = []
    for path in sorted(DESKTOP.rglob("*.py")):
        tokens = tokenize.generate_tokens(io.StringIO(path.read_text(encoding="utf-8")).readline)
        for token in tokens:
            prefix = token.string[:2].lower()
            if token.type == tokenize.STRING and "f" in prefix and TR_CALL.search(token.string):
                offenders.append(f"{path.relative_to(DESKTOP.parent)}:{token.start[0]}")
    assert offenders == [], f"tr() inside an f-string (lupdate cannot see it): {offenders}"
