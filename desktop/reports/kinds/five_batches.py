"""“五个一批”成果汇编: the compendium of the campaign's results, batch by batch.

The first two batches (practical projects done, problems solved) come from the lists as well:
besides the write-ups, each lists the closed-out 民生实事 projects / strongly reported problems.
The last three (practices, mechanisms, stories) are the write-ups alone.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlmodel import Session

from db.engine import Database
from db.models import Cadre, Outcome, Problem, Task, TaskProblem, Unit
from db.vocab import OUTCOME_BATCHES
from desktop.progress import Progress
from desktop.reports.catalog import REPORTS
from desktop.reports.kinds.common import DASH, org_name, today, write_document
from desktop.reports.layout import FormalDocument
from desktop.reports.table import Column

if TYPE_CHECKING:
    from desktop.reports.catalog import ReportParams

TITLE = REPORTS["five-batches"].title
NUMERALS = "一二三四五六七八九十"


@dataclass(frozen=True)
class Piece:
    batch: str
    title: str
    body: str
    written_on: date
    unit: str
    author: str


@dataclass(frozen=True)
class Compendium:
    pieces: list[Piece]
    projects: list[list[object]]  # closed-out 民生实事: number, title, leader, unit, closed on
    strong: list[list[object]]  # strongly reported problems closed out: number, unit, text


def read_compendium(s: Session) -> Compendium:
    pieces = [Piece(b, t, body, w, u or "", a) for b, t, body, w, u, a in s.execute(
        select(Outcome.batch, Outcome.title, Outcome.body, Outcome.written_on, Unit.name,
               Outcome.author)
        .outerjoin(Unit, Unit.id == Outcome.unit_id)  # type: ignore[arg-type]
        .where(Outcome.deleted_at.is_(None))  # type: ignore[union-attr]
        .order_by(Outcome.written_on, Outcome.title))]
    projects = [[n, t, leader or DASH, unit or DASH, closed] for n, t, leader, unit, closed in
                s.execute(
        select(Task.number, Task.title, Cadre.name, Unit.name, Task.closed_on)
        .outerjoin(Cadre, Cadre.id == Task.lead_leader_id)  # type: ignore[arg-type]
        .outerjoin(Unit, Unit.id == Task.responsible_unit_id)  # type: ignore[arg-type]
        .where(Task.deleted_at.is_(None), Task.status == "closed",  # type: ignore[union-attr]
               Task.is_livelihood_project.is_(True))  # type: ignore[attr-defined]
        .order_by(Task.number))]
    strong = [[n, unit or DASH, desc, closed] for n, unit, desc, closed in s.execute(
        select(Problem.number, Unit.name, Problem.description, Problem.closed_on)
        .outerjoin(Unit, Unit.id == Problem.unit_id)  # type: ignore[arg-type]
        .where(Problem.deleted_at.is_(None), Problem.status == "closed",  # type: ignore[union-attr]
               Problem.strongly_reported.is_(True),  # type: ignore[attr-defined]
               Problem.id.in_(select(TaskProblem.problem_id)))  # type: ignore[attr-defined]
        .order_by(Problem.sort_key))]
    return Compendium(pieces, projects, strong)


def write(doc: FormalDocument, c: Compendium) -> None:
    doc.heading1("编者按")
    doc.paragraph(
        f"本汇编收录实践活动中形成的“五个一批”材料{len(c.pieces)}篇，并附已销号的民生实事项目"
        f"{len(c.projects)}个、已解决的群众反映强烈问题{len(c.strong)}个。")
    for i, code in enumerate(OUTCOME_BATCHES.codes()):
        doc.heading1(f"{NUMERALS[i]}、{OUTCOME_BATCHES.label(code)}")
        mine = [p for p in c.pieces if p.batch == code]
        if code == "projects" and c.projects:
            doc.table([Column("任务编号", fit=True), Column("民生实事项目", 3),
                       Column("领办领导", fit=True), Column("责任单位", 2),
                       Column("销号日期", fit=True)], c.projects,
                      title=f"已销号的民生实事项目（{len(c.projects)}个）")
        if code == "problems" and c.strong:
            doc.table([Column("问题编号", fit=True), Column("单位", 2), Column("问题", 4),
                       Column("销号日期", fit=True)], c.strong,
                      title=f"已解决的群众反映强烈问题（{len(c.strong)}个）")
        if not mine:
            doc.paragraph("本类暂无材料。")
        for j, p in enumerate(mine):
            doc.heading2(f"（{NUMERALS[j] if j < len(NUMERALS) else j + 1}）{p.title}")
            doc.paragraph(p.body or DASH)
            by = "，".join(x for x in (p.unit, p.author, p.written_on.isoformat()) if x)
            doc.paragraph(f"（{by}）")


def build(database: Database, out: Path, params: ReportParams, progress: Progress) -> None:
    progress.update("正在汇编“五个一批”材料", None)
    with database.session() as s:
        data = read_compendium(s)
        org = org_name(s)
    progress.check()
    doc = FormalDocument(out, "党员干部下基层察民情解民忧暖民心实践活动“五个一批”成果汇编", org,
                         today(), subject=TITLE)
    write(doc, data)
    write_document(doc, out, progress)
