"""党员干部个人月度情况表: what each cadre reports at the branch's theme party day (支部主题党日),
one page per cadre, the cadres of a branch together, branch after branch.

A sheet holds the month's visits and the problems the cadre collected, and the nine "ones" as
they stand at the month's end (counted over the campaign so far).
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlmodel import Session

from db.engine import Database
from db.errors import NotFoundError
from db.models import Cadre, PartyBranch, Problem, Unit, Visit, VisitCadre
from db.queries.checklist import Checklist, checklists
from db.queries.refs import CadreRef, cadre_refs
from db.vocab import METHODS, NINE_ONES, TIERS
from desktop.progress import Progress
from desktop.reports.catalog import REPORTS
from desktop.reports.kinds.common import (
    DASH,
    Month,
    org_name,
    parse_uuid,
    require_campaign,
    resolve_month,
    write_document,
)
from desktop.reports.layout import FormalDocument
from desktop.reports.table import Column

if TYPE_CHECKING:
    from desktop.reports.catalog import ReportParams

TITLE = REPORTS["cadre-sheets"].title
VISITS_SHOWN = 5  # visit rows on a sheet; more are summed up in one line (one page per cadre)


@dataclass(frozen=True)
class VisitLine:
    visit_date: date
    unit: str
    method: str


@dataclass(frozen=True)
class Sheet:
    branch: str
    cadre: CadreRef
    visits: tuple[VisitLine, ...]  # the month's visits, by date
    problems: int  # problems the cadre collected in the month
    checklist: Checklist | None


def resolve_branches(s: Session, text: str | None) -> list[tuple[uuid.UUID, str]]:
    rows = [(r[0], r[1]) for r in s.execute(
        select(PartyBranch.id, PartyBranch.name)
        .join(Unit, Unit.id == PartyBranch.unit_id)  # type: ignore[arg-type]
        .where(PartyBranch.deleted_at.is_(None))  # type: ignore[union-attr]
        .order_by(Unit.sort_order, Unit.name, PartyBranch.name))]
    if not text or not text.strip():
        if not rows:
            raise NotFoundError("数据库中还没有党支部，无法生成党员干部月度情况表。"
                                "请先录入党支部。")
        return rows
    raw = text.strip()
    wanted = parse_uuid(raw)
    found = [r for r in rows if r[0] == wanted or r[1] == raw]
    if not found:
        found = [r for r in rows if raw in r[1]]
    if len(found) != 1:
        what = "找不到" if not found else f"有{len(found)}个党支部符合"
        raise NotFoundError(f"{what}党支部“{raw}”。请用 --branch 给出党支部的完整名称或编号。")
    return found


def sheets(s: Session, params: ReportParams) -> tuple[Month, list[Sheet]]:
    month = resolve_month(s, params.month)
    branches = resolve_branches(s, params.branch_id)
    campaign = require_campaign(s)
    as_of = month.as_of()
    branch_ids = [b[0] for b in branches]
    cadres = cadre_refs(s, Cadre.branch_id.in_(branch_ids),  # type: ignore[union-attr]
                        Cadre.active.is_(True))  # type: ignore[attr-defined]
    branch_of = dict(s.execute(select(Cadre.id, Cadre.branch_id).where(
        Cadre.branch_id.in_(branch_ids))).all())  # type: ignore[union-attr]
    ids = [c.id for c in cadres]
    visits: dict[uuid.UUID, list[VisitLine]] = defaultdict(list)
    for cid, on, unit, method in s.execute(
            select(VisitCadre.cadre_id, Visit.visit_date, Unit.name, Visit.method)
            .join(Visit, Visit.id == VisitCadre.visit_id)  # type: ignore[arg-type]
            .join(Unit, Unit.id == Visit.unit_id)  # type: ignore[arg-type]
            .where(Visit.deleted_at.is_(None),  # type: ignore[union-attr]
                   Visit.visit_date >= month.first,  # type: ignore[arg-type]
                   Visit.visit_date <= as_of,  # type: ignore[arg-type]
                   VisitCadre.cadre_id.in_(ids))  # type: ignore[attr-defined]
            .order_by(Visit.visit_date, Visit.sort_key)):
        visits[cid].append(VisitLine(on, unit or "", METHODS.label(method)))
    problems = {k: int(v) for k, v in s.execute(
        select(Problem.collected_by_id, func.count())
        .where(Problem.deleted_at.is_(None), Problem.status != "merged",  # type: ignore[union-attr]
               Problem.reported_on >= month.first,  # type: ignore[arg-type]
               Problem.reported_on <= as_of,  # type: ignore[arg-type]
               Problem.collected_by_id.in_(ids))  # type: ignore[union-attr]
        .group_by(Problem.collected_by_id))}
    lists = {c.cadre.id: c for c in checklists(s, ids, date_from=campaign.starts_on,
                                                date_to=as_of, today=as_of)}
    names = dict(branches)
    order = {b: i for i, b in enumerate(branch_ids)}
    cadres.sort(key=lambda c: order[branch_of[c.id]])  # stable: unit and name within a branch
    return month, [Sheet(names[branch_of[c.id]], c, tuple(visits.get(c.id, ())),
                         problems.get(c.id, 0), lists.get(c.id)) for c in cadres]


def _nine_rows(checklist: Checklist | None) -> list[list[object]]:
    if checklist is None:
        return [[NINE_ONES.label(code), "未完成", DASH] for code in NINE_ONES.codes()]
    rows: list[list[object]] = []
    for item in checklist.items:
        if item.unit_name:
            basis = item.unit_name
        elif item.visits:
            basis = f"{item.count}次，最近一次{item.visits[0].visit_date.isoformat()}"
        else:
            basis = DASH
        rows.append([item.label, "已完成" if item.done else "未完成", basis])
    return rows


def write(doc: FormalDocument, month: Month, pages: list[Sheet]) -> None:
    for i, sheet in enumerate(pages):
        if i:
            doc.page_break()
        c = sheet.cadre
        doc.heading1(f"{c.name}（{sheet.branch}）")
        done = sheet.checklist.done_count if sheet.checklist else 0
        missing = ("、".join(NINE_ONES.label(m) for m in sheet.checklist.missing)
                   if sheet.checklist else "全部")
        # One paragraph, so that the first sheet fits under the document's title too.
        doc.paragraph(
            f"单位：{c.unit_name}；职务：{c.position or TIERS.label(c.tier)}。"
            f"{month.text}走访{len(sheet.visits)}次，收集问题{sheet.problems}个；"
            f"“九个一”已完成{done}项" + (f"，尚缺{missing}。" if done < 9 else "，全部完成。"))
        rows: list[list[object]] = [[v.visit_date, v.unit, v.method]
                                    for v in sheet.visits[:VISITS_SHOWN]]
        extra = len(sheet.visits) - VISITS_SHOWN
        if extra > 0:
            rows.append([DASH, f"另有{extra}次走访（略）", DASH])
        if not rows:
            rows.append([DASH, "本月没有走访记录", DASH])
        doc.table([Column("日期", fit=True), Column("走访单位", 3), Column("方式", fit=True)],
                  rows, title=f"{month.text}走访情况", orientation="portrait", keep_together=True)
        doc.table([Column("“九个一”", 1.6), Column("完成情况", fit=True), Column("依据", 2.4)],
                  _nine_rows(sheet.checklist), title="“九个一”完成情况",
                  orientation="portrait", keep_together=True)


def build(database: Database, out: Path, params: ReportParams, progress: Progress) -> None:
    progress.update("正在汇总党员干部月度情况", None)
    with database.session() as s:
        month, pages = sheets(s, params)
        org = org_name(s)
    if not pages:
        raise NotFoundError("所选党支部没有在职的党员干部，无法生成月度情况表。")
    progress.check()
    one = pages[0].branch if len({p.branch for p in pages}) == 1 else ""
    title = f"{month.text}{one}党员干部个人月度情况表"
    doc = FormalDocument(out, title, org, month.as_of(), subject=TITLE)
    write(doc, month, pages)
    write_document(doc, out, progress)
