"""What the publish dialog shows before anything is saved (runs on a worker: no widgets).

The lists are collected once, as the public will see them; the same collected lists are then
written to every chosen format, so what the clerk previewed is exactly what goes out. Beside
them: every published free text that masking changes, before and after, with what was found.
"""

from __future__ import annotations

import contextlib
import os
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from db.disclosure.lists import PublicLists, collect, free_texts, masker_for
from db.disclosure.masking import Span
from db.disclosure.publish import FORMATS
from db.engine import Database
from desktop.progress import Progress

# What the masking finds, grouped as the clerk thinks of it (masking.Span.kind → group).
KIND_GROUPS = {
    "mobile": "phone", "landline": "phone", "literal": "phone",
    "id_card": "id_card", "student_no": "student_no", "digits": "student_no",
    "email": "email", "name": "name",
}
GROUPS = ("phone", "id_card", "student_no", "email", "name")
# The side-by-side shows this many changed fields; the counts always cover all of them.
MAX_ROWS = 5000
EXTENSIONS = {"html": ".html", "xlsx": ".xlsx", "pdf": ".pdf"}


def _tr(text: str) -> str:
    return QCoreApplication.translate("PublishProgress", text)


@dataclass(frozen=True, slots=True)
class MaskRow:
    id: int
    field: str  # e.g. "问题 SZ-P2022-00012 问题描述"
    original: str
    masked: str
    spans: tuple[Span, ...]  # where in the original, and what replaces it

    @property
    def kinds(self) -> tuple[str, ...]:
        return tuple(sorted({KIND_GROUPS.get(s.kind, s.kind) for s in self.spans}))


@dataclass
class PublishPreview:
    lists: PublicLists
    rows: list[MaskRow] = field(default_factory=list)
    changed: int = 0  # fields masking changes (may exceed len(rows))
    counts: Counter[str] = field(default_factory=Counter)  # pieces masked, by group


def build_preview(db: Database, progress: Progress) -> PublishPreview:
    progress.update(_tr("Collecting the three lists as the public will see them…"), None)
    with db.session() as s:
        masker = masker_for(s)
        lists = collect(s, masker=masker)
        progress.check()
        progress.update(_tr("Looking for personal data in the texts…"), None)
        result = PublishPreview(lists)
        for n, (name, text) in enumerate(free_texts(s)):
            if n % 2000 == 0:
                progress.check()
            if not text:
                continue
            masked = masker.mask(text)
            if masked == text:
                continue
            # The spans of the first pass, for the highlight; the masked text is the final one.
            spans = tuple(masker.spans(text))
            result.changed += 1
            for sp in spans:
                result.counts[KIND_GROUPS.get(sp.kind, sp.kind)] += 1
            if len(result.rows) < MAX_ROWS:
                result.rows.append(MaskRow(len(result.rows), name, text, masked, spans))
    return result


def output_paths(base: Path, formats: list[str]) -> list[Path]:
    """One file per chosen format, beside each other: 公示.html, 公示.xlsx, 公示.pdf."""
    stem = base.with_suffix("") if base.suffix.lower() in FORMATS else base
    return [stem.with_name(stem.name + EXTENSIONS[f]) for f in formats]


def write_all(lists: PublicLists, paths: list[Path], progress: Progress) -> list[Path]:
    """Write *lists* to every path (format by extension). Each file is written beside its
    place under a temporary name and moved there only when complete: a failed or cancelled
    save leaves no half-written file, and an older file of the same name stays until then."""
    done: list[Path] = []
    for n, path in enumerate(paths):
        progress.check()
        _label, writer = FORMATS[path.suffix.lower()]
        progress.update(_tr("Writing {file}…").format(file=path.name), n / len(paths))
        scratch = path.with_name(f".~{path.stem}.part{path.suffix}")
        try:
            writer(lists, scratch)
            os.replace(scratch, path)
        except BaseException:
            with contextlib.suppress(OSError):
                scratch.unlink()
            raise
        done.append(path)
    progress.update(_tr("Done"), 1.0)
    return done
