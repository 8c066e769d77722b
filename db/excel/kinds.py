"""Per kind: the checks of one row (the services' rules), the values stored, the key by which a
row is recognised as already there, and which fields an import may update.

Duplicate keys (a row whose key is already stored, or appears earlier in the file, is skipped):
- units: (region, name);
- cadres: (name, unit), or the phone of a cadre with the same name;
- assignments: (cadre, unit, kind, start);
- visits: (date, unit, method, the cadres — resolved from their names —, content);
- problems: (date, unit or region, description).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from db.excel.cells import cell_text, is_blank, name_key, phone_text
from db.excel.columns import ASSIGNMENTS, CADRES, PROBLEMS, UNITS, VISITS, KindSpec
from db.excel.reader import SheetRow
from db.excel.rowcheck import (
    RowCheck,
    SheetContext,
    cadres_cell,
    code_cell,
    codes_cell,
    count_cell,
    day_cell,
    flag_cell,
    region_cell,
)
from db.services.people import UNIT_KINDS_FOR_ASSIGNMENT, check_assignment_dates
from db.services.problems import check_problem_fields
from db.vocab import (
    ACTIVITIES,
    ASSIGNMENT_KINDS,
    METHODS,
    REPORTER_TYPES,
    TIERS,
    UNIT_KINDS,
)

Values = dict[str, Any]
Key = tuple[Any, ...]

# Lengths the services allow (the model columns' sizes and the services' text limits).
NAME_MAX, ADDRESS_MAX, POSITION_MAX, NOTE_MAX = 100, 200, 100, 500
CONTENT_MAX, TALKED_WITH_MAX, FINDINGS_MAX = 5000, 500, 5000


@dataclass(frozen=True)
class KindRules:
    spec: KindSpec
    table: str  # the main table written
    action: str  # the permission (db.services.permissions) the import needs
    check: Callable[[RowCheck], Values | None]
    key: Callable[[Values], Key]
    # Fields an import may update on a record already stored (blank cells never clear them).
    updatable: tuple[str, ...] = ()
    # ``check`` and ``key`` of a whole sheet at once, for the kinds imported by the hundred
    # thousand: each row's values and key, or None for a row ``check`` must look at alone.
    check_sheet: Callable[[SheetContext, list[SheetRow]],
                          list[tuple[Values, Key] | None]] | None = None


# -- units ---------------------------------------------------------------------------------


def _check_unit(r: RowCheck) -> Values | None:
    name = r.text("name", max_len=NAME_MAX, required=True)
    kind = r.code("kind", UNIT_KINDS)
    region_id = r.region_id()
    if region_id is None and not r.failed("region"):
        r.fail("region", f"请填写所属区域，可填：{'、'.join(r.ctx.lookups.region_names())}")
    address = r.text("address", max_len=ADDRESS_MAX)
    if not r.ok:
        return None
    return {"name": name, "kind": kind, "region_id": region_id, "address": address}


def _unit_key(v: Values) -> Key:
    return (v["region_id"], name_key(v["name"]))


# -- cadres --------------------------------------------------------------------------------


def _check_cadre(r: RowCheck) -> Values | None:
    name = r.text("name", max_len=50, required=True)
    unit = r.unit()
    tier = r.code("tier", TIERS)
    position = r.text("position", max_len=POSITION_MAX)
    phone = r.phone("phone")
    gender = r.text("gender", max_len=4)
    if gender not in ("", "男", "女"):
        r.fail("gender", "性别请填写“男”或“女”，不清楚可留空")
    branch_id = None
    branch_text = r.text("branch", max_len=NAME_MAX)
    if branch_text:
        branch_id, message = r.ctx.lookups.branch(branch_text)
        if message:
            r.fail("branch", message)
    if not r.ok or unit is None:
        return None
    return {"name": name, "unit_id": unit.id, "tier": tier, "position": position,
            "phone": phone, "gender": gender, "branch_id": branch_id}


def _cadre_key(v: Values) -> Key:
    return (name_key(v["name"]), v["unit_id"])


# -- assignments ---------------------------------------------------------------------------


def _check_assignment(r: RowCheck) -> Values | None:
    cadre = r.cadre("cadre")
    unit = r.unit()
    kind = r.code("kind", ASSIGNMENT_KINDS)
    started = r.day("started_on", required=True, not_future=False)
    ended = r.day("ended_on", not_future=False)
    if not r.failed("started_on") and not r.failed("ended_on"):
        check_assignment_dates(r.e, started, ended)  # the service's rule: end ≥ start
    note = r.text("note", max_len=NOTE_MAX)
    if unit is not None and kind in UNIT_KINDS_FOR_ASSIGNMENT \
            and unit.kind not in UNIT_KINDS_FOR_ASSIGNMENT[kind]:
        wanted = "或".join(f"“{UNIT_KINDS.label(k)}”" for k in UNIT_KINDS.codes()
                          if k in UNIT_KINDS_FOR_ASSIGNMENT[kind])
        r.fail("unit", f"“{ASSIGNMENT_KINDS.label(kind)}”的联系单位必须是{wanted}，"
                       f"“{unit.name}”是“{UNIT_KINDS.label(unit.kind)}”")
    if not r.ok or cadre is None or unit is None:
        return None
    return {"cadre_id": cadre.id, "unit_id": unit.id, "kind": kind, "started_on": started,
            "ended_on": ended, "note": note}


def _assignment_key(v: Values) -> Key:
    return (v["cadre_id"], v["unit_id"], v["kind"], v["started_on"])


# -- visits --------------------------------------------------------------------------------


def _check_visit(r: RowCheck) -> Values | None:
    visit_date = r.day("visit_date", required=True)
    cadres = r.cadres("cadres")
    unit = r.unit()
    method = r.code("method", METHODS)
    activities = r.codes("activities", ACTIVITIES)
    students = r.count("students_met")
    teachers = r.count("teachers_met")
    parents = r.count("parents_met")
    content = r.text("content", max_len=CONTENT_MAX)
    talked_with = r.text("talked_with", max_len=TALKED_WITH_MAX)
    findings = r.text("findings", max_len=FINDINGS_MAX)
    reported = r.flag("reported_to_branch")
    if not r.ok or unit is None:
        return None
    return {"visit_date": visit_date, "cadre_ids": tuple(c.id for c in cadres),
            "unit_id": unit.id, "method": method, "activities": activities,
            "students_met": students, "teachers_met": teachers, "parents_met": parents,
            "content": content, "talked_with": talked_with, "findings": findings,
            "reported_to_branch": reported}


_COUNTS = ("students_met", "teachers_met", "parents_met")
_TEXTS = (("content", CONTENT_MAX), ("talked_with", TALKED_WITH_MAX), ("findings", FINDINGS_MAX))


def _check_visits(ctx: SheetContext, rows: list[SheetRow]) -> list[tuple[Values, Key] | None]:
    """``_check_visit`` and ``_visit_key`` of every row, a column at a time: the same cell
    parsers, each distinct value of a column parsed once, and the rows put together by list
    comprehension, without the per-cell method calls of ``RowCheck``, which cost more than the
    parsing at 100,000 rows. A row with a message in any column (or a cell that is unusual:
    text that is not text, a blank unit) gets None: ``_check_visit`` then checks it alone and
    says what is wrong.
    """
    cells = ctx.cells(rows)
    bad: set[int] = set()  # the rows left to ``_check_visit``

    def column(key: str, parse: Any, *args: Any) -> list[Any]:
        values, failed = ctx.parsed(key, cells[key], parse, *args)
        bad.update(failed)
        return values

    def text(key: str, max_len: int) -> list[str | None]:
        values = _plain_texts(cells[key], max_len)
        if None in values:
            bad.update(i for i, value in enumerate(values) if value is None)
        return values

    dates = column("visit_date", day_cell, True, True)
    cadres = column("cadres", cadres_cell)
    region_ids = column("region", region_cell)
    methods = column("method", code_cell, METHODS, True)
    activities = column("activities", codes_cell, ACTIVITIES)
    students, teachers, parents = (column(k, count_cell) for k in _COUNTS)
    reported = [value is True for value in column("reported_to_branch", flag_cell)]
    content, talked_with, findings = (text(k, n) for k, n in _TEXTS)
    units = _unit_ids(ctx, cells["unit"], cells["region"], region_ids, bad)
    # Each distinct list of cadres (a parsed cell's tuple) as ids and as a key, made once.
    cadre_ids: dict[int, tuple[tuple[uuid.UUID, ...], tuple[int, ...]]] = {}
    for c in cadres:
        if id(c) not in cadre_ids:
            ids = tuple(x.id for x in c)
            cadre_ids[id(c)] = ids, _cadres_key(ids)
    out: list[tuple[Values, Key] | None] = [
        ({"visit_date": d, "cadre_ids": ck[0], "unit_id": u[0], "method": m, "activities": a,
          "students_met": st, "teachers_met": te, "parents_met": pa, "content": co,
          "talked_with": tw, "findings": fi, "reported_to_branch": f},
         (d, u[1], m, ck[1], co))
        for d, ck, u, m, a, st, te, pa, co, tw, fi, f in zip(
            dates, [cadre_ids[id(c)] for c in cadres], units, methods, activities, students,
            teachers, parents, content, talked_with, findings, reported, strict=True)]
    for i in bad:
        out[i] = None
    return out


def _unit_ids(ctx: SheetContext, unit_cells: tuple[Any, ...], region_cells: tuple[Any, ...],
              region_ids: list[Any], bad: set[int]) -> list[tuple[Any, Any]]:
    """Each row's unit as (id, id as an integer), from its unit and region cells; (None, None)
    for a row added to *bad* (a blank unit, or one not found)."""
    found: dict[tuple[Any, ...], tuple[Any, Any]] = {}
    out = []
    for i, (raw, region_raw, region_id) in enumerate(zip(unit_cells, region_cells, region_ids,
                                                         strict=True)):
        key = (type(raw), raw, type(region_raw), region_raw)  # 1 and True are different cells
        hit = found.get(key)
        if hit is None:
            unit = None
            if not is_blank(raw):
                unit, message = ctx.unit_of("unit", raw, region_raw, region_id)
                unit = None if message else unit
            hit = found[key] = (None, None) if unit is None else (unit.id, unit.id.int)
        if hit[0] is None:
            bad.add(i)
        out.append(hit)
    return out


def _plain_texts(cells: tuple[Any, ...], max_len: int) -> list[str | None]:
    """``RowCheck.text`` of an optional text column, where it is plain: text cells within
    *max_len* trimmed, blank cells as ""; None for anything else."""
    out: list[str | None] = []
    append = out.append
    for raw in cells:
        if type(raw) is str:
            value = raw.strip()
            append(value if len(value) <= max_len else None)
        else:
            append("" if raw is None else None)
    return out


def visit_key(visit_date: Any, unit_id: uuid.UUID, method: str,
              cadre_ids: Any, content: str) -> Key:
    return (visit_date, unit_id.int, method, _cadres_key(cadre_ids), content.strip())


def _cadres_key(cadre_ids: Iterable[uuid.UUID]) -> tuple[int, ...]:
    # The ids as their integers: hashed and sorted in C (a UUID's hash and order run in
    # Python, and the keys of 100,000 rows are hashed twice).
    return tuple(sorted([c.int for c in cadre_ids]))


def _visit_key(v: Values) -> Key:
    return visit_key(v["visit_date"], v["unit_id"], v["method"], v["cadre_ids"], v["content"])


# -- problems ------------------------------------------------------------------------------


def _check_problem(r: RowCheck) -> Values | None:
    reported_on = r.day("reported_on", required=True)
    # Areas, categories and channels with the bureau's additions, matched by label too.
    vocabs = r.ctx.lookups.vocabs
    channel = r.code("source_channel", vocabs.source_channel)
    reporter_type = r.code("reporter_type", REPORTER_TYPES)
    area = r.code("area", vocabs.area)
    category = r.code("category", vocabs.category)
    reporter_name = cell_text(r.raw("reporter_name"))
    # The service's own checks of a problem's fields (vocabularies, description, name, phone).
    description, phone = check_problem_fields(
        r.e, prefix="", area=area, category=category, description=cell_text(r.raw("description")),
        reporter_type=reporter_type, reporter_name=reporter_name,
        reporter_phone=phone_text(r.raw("reporter_phone")), vocabs=vocabs)
    reporter_name = reporter_name.strip()
    unit = r.unit(required=False)
    region_id = r.region_id()
    if unit is not None:
        region_id = unit.region_id
    elif region_id is None and not r.failed("region") and not r.failed("unit"):
        r.fail("region", "没有涉及单位时请填写所属区域")
    collected = r.cadre("collected_by", required=False)
    strongly = r.flag("strongly_reported")
    if not r.ok:
        return None
    return {"reported_on": reported_on, "source_channel": channel,
            "reporter_type": reporter_type, "reporter_name": reporter_name,
            "reporter_phone": phone, "unit_id": unit.id if unit else None,
            "region_id": region_id, "area": area, "category": category,
            "description": description, "strongly_reported": strongly,
            "collected_by_id": collected.id if collected else None}


def problem_key(reported_on: Any, unit_id: Any, region_id: Any, description: str) -> Key:
    return (reported_on, unit_id, None if unit_id else region_id, description.strip())


def _problem_key(v: Values) -> Key:
    return problem_key(v["reported_on"], v["unit_id"], v["region_id"], v["description"])


RULES: dict[str, KindRules] = {
    "units": KindRules(UNITS, "unit", "org.edit", _check_unit, _unit_key,
                       updatable=("kind", "address")),
    "cadres": KindRules(CADRES, "cadre", "people.edit", _check_cadre, _cadre_key,
                        updatable=("tier", "position", "phone", "gender", "branch_id")),
    "assignments": KindRules(ASSIGNMENTS, "assignment", "people.edit", _check_assignment,
                             _assignment_key, updatable=("ended_on", "note")),
    "visits": KindRules(VISITS, "visit", "visit.create", _check_visit, _visit_key,
                        check_sheet=_check_visits),
    "problems": KindRules(PROBLEMS, "problem", "problem.create", _check_problem, _problem_key),
}
