"""Publishing the three lists: nothing personal reaches the HTML, the workbook or the PDF.

THE KEY TEST plants personal data in every free-text field of a small demo database (problems,
tasks, progress notes, effects, evaluations) and in the private fields themselves, publishes all
three formats, and searches what a reader of each file would see for every planted string and
for every reporter's name and phone in the database.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from sqlalchemy import func, select, text, update
from sqlmodel import col

from db.demo import generate
from db.disclosure import UnsupportedFormat, collect, preview, publish
from db.disclosure.lists import SECTION_TITLES
from db.engine import Database, open_database
from db.models import (
    Cadre,
    CareEntry,
    CareRecord,
    Effect,
    Evaluation,
    Problem,
    Region,
    Task,
    TaskProgress,
    Unit,
)
from db.vocab import ALL

PHONES = ("13912345678", "158 8765 4321", "186-2233-4455", "0722-3216549", "02787654321")
IDS = ("42130219800101123X", "421302199912319876")
EMAILS = ("wang.fang1980@qq.com", "parent_li@163.com")
STUDENT_NOS = ("20220917", "2021030405")
NEW_NAMES = ("司马晓明", "上官婉儿", "欧阳修远")  # a reporter, a respondent, a care pupil
SECRET_CARE = "关爱机密情况甲乙丙"
SECRET_EVAL_NOTE = "回访备注机密丁戊己"


@dataclass
class Planted:
    path: Path
    strings: list[str]  # every planted piece of personal data
    reporter_names: list[str]
    reporter_phones: list[str]
    deleted_number: str


def _sentence(i: int, names: list[str]) -> str:
    n = names[i % len(names)]
    return (f"{n}反映，联系电话{PHONES[i % len(PHONES)]}，身份证{IDS[i % len(IDS)]}，"
            f"邮箱{EMAILS[i % len(EMAILS)]}，学号{STUDENT_NOS[i % len(STUDENT_NOS)]}，"
            f"另有{names[(i + 1) % len(names)]}同学。")


@pytest.fixture(scope="module")
def planted(tmp_path_factory: pytest.TempPathFactory) -> Planted:
    path = tmp_path_factory.mktemp("disclosure") / "demo.db"
    generate(path, scale=0.05, seed=7)
    db = open_database(path)
    with db.transaction() as s:
        # Protected names: the new ones, set on private fields, plus every reporter and care
        # person already in the demo.
        first = s.execute(select(Problem).order_by(col(Problem.sort_key))).scalars().first()
        assert first is not None
        first.reporter_name, first.reporter_phone = NEW_NAMES[0], "0722 321 6549"
        ev = s.execute(select(Evaluation)).scalars().first()
        assert ev is not None
        ev.respondent = NEW_NAMES[1]
        care = s.execute(select(CareRecord)).scalars().first()
        assert care is not None
        care.person_name = NEW_NAMES[2]
        s.flush()
        reporters = sorted(set(s.execute(select(col(Problem.reporter_name))).scalars()) - {""})
        care_names = sorted(set(s.execute(select(col(CareRecord.person_name))).scalars()))
        names = [*NEW_NAMES, *reporters[:20], *care_names[:10]]

        def plant(model: type, *cols: str) -> None:
            ids = list(s.execute(select(model.id)).scalars())  # type: ignore[attr-defined]
            for i, rid in enumerate(ids):
                values = {c: _sentence(i + k, names) for k, c in enumerate(cols)}
                s.execute(update(model).where(model.id == rid)  # type: ignore[attr-defined]
                          .values(**values).execution_options(synchronize_session=False))

        plant(Problem, "description")
        plant(Task, "measures", "responsible_person", "approved_by")
        s.execute(update(Task).values(title=Task.title + "（" + names[3] + "13900001111）")
                  .execution_options(synchronize_session=False))
        plant(TaskProgress, "note", "author")
        plant(Effect, "result")
        # evidence_note has 500 characters at most: a short sentence.
        s.execute(update(Effect).values(evidence_note=f"照片由{names[4]}提供，电话{PHONES[0]}")
                  .execution_options(synchronize_session=False))
        s.execute(update(Evaluation).values(note=SECRET_EVAL_NOTE + EMAILS[0])
                  .execution_options(synchronize_session=False))
        s.execute(update(CareRecord).values(situation=SECRET_CARE)
                  .execution_options(synchronize_session=False))
        s.execute(update(CareEntry).values(help_given=SECRET_CARE)
                  .execution_options(synchronize_session=False))
        s.execute(update(Cadre).values(phone="13700009999")
                  .execution_options(synchronize_session=False))
        # A tombstoned problem is not on the list at all.
        last = s.execute(select(Problem).order_by(col(Problem.sort_key).desc())
                         ).scalars().first()
        assert last is not None
        s.execute(text("UPDATE problem SET deleted_at = CURRENT_TIMESTAMP WHERE id = :i"),
                  {"i": last.id.hex})
        deleted = last.number
        all_reporters = sorted(set(s.execute(select(col(Problem.reporter_name))).scalars()) - {""})
        phones = sorted(set(s.execute(select(col(Problem.reporter_phone))).scalars()) - {""})
    db.dispose()
    strings = [*PHONES, *IDS, *EMAILS, *STUDENT_NOS, *names, "0722 321 6549", "13700009999",
               "13900001111", SECRET_CARE, SECRET_EVAL_NOTE]
    return Planted(path, strings, all_reporters, phones, deleted)


def _public_words(path: Path) -> list[str]:
    """Public strings that may by chance contain a person's name: unit and region names and
    vocabulary labels (a name such as 洪山 inside 大洪山风景区 is not a leak)."""
    db = open_database(path)
    with db.session() as s:
        words = [*s.execute(select(col(Unit.name))).scalars(),
                 *s.execute(select(col(Region.name))).scalars()]
    db.dispose()
    words += [t.zh for v in ALL for t in v]
    return sorted(words, key=len, reverse=True)


def _html_text(path: Path) -> str:
    raw = path.read_text(encoding="utf-8")
    return html.unescape(re.sub(r"<[^>]+>", "\n", raw))


def _xlsx_text(path: Path) -> str:
    wb = load_workbook(path, read_only=True)
    return "\n".join("\n".join("" if v is None else str(v) for v in row)
                     for ws in wb.worksheets for row in ws.iter_rows(values_only=True))


def _pdf_text(path: Path) -> str:
    return "\n".join(p.extract_text() for p in PdfReader(path).pages)


def _leaks(haystack: str, needles: list[str], public: list[str]) -> list[str]:
    # Table cells wrap in the PDF: look with the whitespace taken out as well.
    for w in public:
        haystack = haystack.replace(w, "\n")
    squeezed = re.sub(r"\s+", "", haystack)
    return [n for n in needles if n in haystack or re.sub(r"\s+", "", n) in squeezed]


@pytest.fixture(scope="module")
def published(planted: Planted, tmp_path_factory: pytest.TempPathFactory
              ) -> dict[str, tuple[Path, str]]:
    out_dir = tmp_path_factory.mktemp("published")
    db = open_database(planted.path)
    try:
        files = {}
        for ext, read in (("html", _html_text), ("xlsx", _xlsx_text), ("pdf", _pdf_text)):
            target = out_dir / f"公示.{ext}"
            summary = publish(db, target)
            assert summary.path == target and target.exists()
            files[ext] = (target, read(target))
    finally:
        db.dispose()
    return files


@pytest.mark.parametrize("ext", ["html", "xlsx", "pdf"])
def test_no_planted_personal_data_in_any_format(planted: Planted,
                                                published: dict[str, tuple[Path, str]],
                                                ext: str) -> None:
    _, content = published[ext]
    public = _public_words(planted.path)
    assert _leaks(content, planted.strings, public) == []
    assert _leaks(content, planted.reporter_names, public) == []
    assert _leaks(content, planted.reporter_phones, public) == []
    # The masks are there, so the texts were published, not dropped.
    assert "138****5678" not in content  # (not planted: a sanity check of the probe)
    assert "139****5678" in re.sub(r"\s+", "", content)
    assert "421***********123X" in re.sub(r"\s+", "", content)
    assert "****@qq.com" in re.sub(r"\s+", "", content)


def _live_count(path: Path, model: type) -> int:
    db = open_database(path)
    with db.session() as s:
        n = s.execute(select(func.count()).select_from(model)
                      .where(model.deleted_at.is_(None))).scalar_one()  # type: ignore[attr-defined]
    db.dispose()
    return int(n)


def test_published_counts_match_the_database(planted: Planted,
                                             published: dict[str, tuple[Path, str]]) -> None:
    problems = _live_count(planted.path, Problem)
    tasks = _live_count(planted.path, Task)
    effects = _live_count(planted.path, Effect)
    assert problems > 50 and tasks > 30 and effects > 20
    wb = load_workbook(published["xlsx"][0], read_only=True)
    assert wb.sheetnames == list(SECTION_TITLES)
    rows = [sum(1 for _ in ws.iter_rows()) - 1 for ws in wb.worksheets]
    assert rows == [problems, tasks, effects]
    raw = published["html"][0].read_text(encoding="utf-8")
    for title, n in zip(SECTION_TITLES, (problems, tasks, effects), strict=True):
        assert f"{title}（共 {n} 条）" in raw
    pdf = re.sub(r"\s+", "", published["pdf"][1])
    assert f"问题清单（共{problems}条）" in pdf
    assert planted.deleted_number not in raw


def test_html_is_self_contained(published: dict[str, tuple[Path, str]]) -> None:
    raw = published["html"][0].read_text(encoding="utf-8")
    assert raw.startswith("<!DOCTYPE html>") and '<meta charset="utf-8">' in raw
    assert "随州市教育局" in raw and "<style>" in raw
    assert not re.search(r"(src|href)\s*=|@import|url\(|<script", raw, re.I)
    assert raw.count("<section") == 3


def test_publish_refuses_other_formats(planted: Planted, tmp_path: Path) -> None:
    db = open_database(planted.path)
    try:
        with pytest.raises(UnsupportedFormat, match="不支持"):
            publish(db, tmp_path / "公示.docx")
        assert not (tmp_path / "公示.docx").exists()
    finally:
        db.dispose()


def test_preview_shows_original_and_masked(planted: Planted) -> None:
    db = open_database(planted.path)
    with db.session() as s:
        rows = preview(s, limit=10)
        lists = collect(s)
    db.dispose()
    assert len(rows) == 10
    field, original, masked = rows[0]
    assert field.startswith("问题 ") and original != masked
    assert PHONES[0] in original or PHONES[1] in original or "电话" in original
    assert "*" in masked and masked in {p.description for p in lists.problems}


def test_an_empty_database_publishes_empty_lists(db: Database, tmp_path: Path) -> None:
    """A new database publishes three empty lists under the organisation's name."""
    summary = publish(db, tmp_path / "empty.html")
    assert (summary.problems, summary.tasks, summary.effects) == (0, 0, 0)
    assert "随州市教育局" in (tmp_path / "empty.html").read_text(encoding="utf-8")


def test_workbook_dates_and_pdf_landscape_tables(published: dict[str, tuple[Path, str]]) -> None:
    wb = load_workbook(published["xlsx"][0], read_only=True)
    first = next(wb.worksheets[0].iter_rows(min_row=2, max_row=2, values_only=True))
    assert isinstance(first[1], datetime)  # 反映日期 is a date cell, not text
    pages = PdfReader(published["pdf"][0]).pages
    assert any(p.get("/Rotate") == 90 for p in pages)  # the tables are on turned pages
