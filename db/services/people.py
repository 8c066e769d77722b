"""People: cadres (干部) and their assignments to grassroots units (联系点)."""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from datetime import date

from sqlmodel import Session

from db.audit import Actor, snapshot
from db.engine import Database
from db.models import Assignment, Cadre, PartyBranch, Unit
from db.services._common import (
    Errors,
    audit_change,
    audit_create,
    check_version,
    find_live,
    get_live,
    site_code,
    touch,
)
from db.services.permissions import require
from db.vocab import ASSIGNMENT_KINDS, TIERS, UNIT_KINDS


@dataclass(frozen=True)
class CadreInput:
    name: str
    tier: str  # vocab.TIERS
    unit_id: uuid.UUID | None
    branch_id: uuid.UUID | None = None
    position: str = ""
    phone: str = ""
    gender: str = ""
    active: bool = True


@dataclass(frozen=True)
class AssignmentInput:
    cadre_id: uuid.UUID | None
    unit_id: uuid.UUID | None
    kind: str  # vocab.ASSIGNMENT_KINDS
    started_on: date | None
    ended_on: date | None = None
    note: str = ""


# -- names and phones ----------------------------------------------------------------------

# Surnames whose reading differs from the character's common reading; pypinyin reads names as
# ordinary words (曾 → ceng, 单 → dan), which is wrong for type-ahead on a person's name.
_COMPOUND_SURNAMES = {
    "尉迟": "yc", "万俟": "mq", "长孙": "zs", "单于": "cy", "澹台": "tt", "令狐": "lh",
    "欧阳": "oy", "司马": "sm", "上官": "sg", "诸葛": "zg", "皇甫": "hf", "公孙": "gs",
}
_SURNAMES = {
    "曾": "z", "单": "s", "解": "x", "仇": "q", "区": "o", "朴": "p", "查": "z", "覃": "q",
    "翟": "z", "缪": "m", "盖": "g", "秘": "b", "柏": "b", "尉": "w", "员": "y", "种": "c",
    "繁": "p", "宓": "f", "眭": "s", "乐": "y", "洗": "x", "冼": "x", "阚": "k", "句": "g",
}

_NOT_LETTER = re.compile(r"[^a-z0-9]")


def name_initials(name: str) -> str:
    """Lower-case pinyin initials of a Chinese name for type-ahead: 张三 → "zs", 曾国藩 → "zgf".

    Latin letters in a name are kept; punctuation such as the middle dot is dropped.
    """
    name = name.strip()
    head = ""
    for surname, letters in _COMPOUND_SURNAMES.items():
        if name.startswith(surname):
            head, name = letters, name[len(surname):]
            break
    else:
        if name[:1] in _SURNAMES:
            head, name = _SURNAMES[name[0]], name[1:]
    # Imported here: pypinyin's tables take 0.8 s to load, and only saving a cadre needs them
    # (the window imports this module while the clerk waits for the first rows).
    from pypinyin import Style, lazy_pinyin

    rest = "".join(lazy_pinyin(name, style=Style.FIRST_LETTER, errors="default"))
    return _NOT_LETTER.sub("", (head + rest).lower())[:50]


_MOBILE = re.compile(r"1[3-9]\d{9}")
_LANDLINE = re.compile(r"0\d{2,3}-?\d{7,8}")


def normalize_phone(phone: str) -> str | None:
    """The phone without spaces, or None if it is neither a mainland mobile nor a landline."""
    phone = re.sub(r"\s+", "", phone or "")
    if not phone:
        return ""
    if _MOBILE.fullmatch(phone) or _LANDLINE.fullmatch(phone):
        return phone
    return None


def check_phone(e: Errors, field: str, phone: str, label: str) -> str:
    normalized = normalize_phone(phone)
    if normalized is None:
        e.add(field, f"{label}格式不对：请填写 11 位手机号（如 13912345678）"
                     "或带区号的座机号（如 0722-1234567），没有可留空")
        return ""
    return normalized


# -- cadres --------------------------------------------------------------------------------


def _validate_cadre(s: Session, data: CadreInput) -> tuple[str, str]:
    e = Errors()
    name = e.text("name", data.name, "姓名", max_len=50)
    e.code("tier", data.tier, TIERS)
    if data.unit_id is None:
        e.add("unit_id", "请选择所在单位")
    elif find_live(s, Unit, data.unit_id) is None:
        e.add("unit_id", "所选单位不存在，请重新选择所在单位")
    if data.branch_id is not None and find_live(s, PartyBranch, data.branch_id) is None:
        e.add("branch_id", "所选党支部不存在，请重新选择所在党支部")
    e.text("position", data.position, "职务", max_len=100, required=False)
    phone = check_phone(e, "phone", data.phone, "联系电话")
    if data.gender.strip() not in ("", "男", "女"):
        e.add("gender", "性别请填写“男”或“女”，不清楚可留空")
    e.raise_if_any()
    return name, phone


def create_cadre(db: Database, actor: Actor, data: CadreInput) -> Cadre:
    with db.transaction() as s:
        name, phone = _validate_cadre(s, data)
        require(actor, "people.edit")
        cadre = Cadre(name=name, name_initials=name_initials(name), gender=data.gender.strip(),
                      tier=data.tier, unit_id=data.unit_id,  # type: ignore[arg-type]
                      branch_id=data.branch_id, position=data.position.strip(), phone=phone,
                      active=data.active, site=site_code(s))
        s.add(cadre)
        audit_create(s, actor, cadre, f"新增干部 {name}")
        return cadre


def update_cadre(db: Database, actor: Actor, cadre_id: uuid.UUID, data: CadreInput,
                 expected_version: int) -> Cadre:
    with db.transaction() as s:
        cadre = get_live(s, Cadre, cadre_id, "干部")
        name, phone = _validate_cadre(s, data)
        require(actor, "people.edit")
        check_version(cadre, expected_version, "干部信息")
        before = snapshot(cadre)
        cadre.name, cadre.name_initials = name, name_initials(name)
        cadre.gender, cadre.tier = data.gender.strip(), data.tier
        cadre.unit_id, cadre.branch_id = data.unit_id, data.branch_id  # type: ignore[assignment]
        cadre.position, cadre.phone, cadre.active = data.position.strip(), phone, data.active
        touch(cadre)
        audit_change(s, actor, cadre, before, f"修改干部 {name}")
        return cadre


# -- assignments ---------------------------------------------------------------------------

# The kind of unit each kind of assignment must point at; absent kinds take any unit.
UNIT_KINDS_FOR_ASSIGNMENT: dict[str, frozenset[str]] = {
    "community": frozenset({"community"}),
    "village": frozenset({"village"}),
    "weak_school": frozenset({"school", "kindergarten"}),
    "enterprise": frozenset({"enterprise"}),
}


def _validate_assignment(s: Session, data: AssignmentInput) -> None:
    e = Errors()
    if data.cadre_id is None:
        e.add("cadre_id", "请选择干部")
    elif find_live(s, Cadre, data.cadre_id) is None:
        e.add("cadre_id", "所选干部不存在，请重新选择干部")
    e.code("kind", data.kind, ASSIGNMENT_KINDS)
    if data.unit_id is None:
        e.add("unit_id", "请选择联系单位")
    else:
        unit = find_live(s, Unit, data.unit_id)
        if unit is None:
            e.add("unit_id", "所选联系单位不存在，请重新选择联系单位")
        elif data.kind in UNIT_KINDS_FOR_ASSIGNMENT and \
                unit.kind not in UNIT_KINDS_FOR_ASSIGNMENT[data.kind]:
            wanted = "或".join(f"“{UNIT_KINDS.label(k)}”"
                              for k in UNIT_KINDS.codes()
                              if k in UNIT_KINDS_FOR_ASSIGNMENT[data.kind])
            e.add("unit_id", f"“{ASSIGNMENT_KINDS.label(data.kind)}”的联系单位必须是{wanted}，"
                             f"所选的“{unit.name}”是“{UNIT_KINDS.label(unit.kind)}”")
    check_assignment_dates(e, data.started_on, data.ended_on)
    e.text("note", data.note, "备注", max_len=500, required=False)
    e.raise_if_any()


def check_assignment_dates(e: Errors, started_on: date | None, ended_on: date | None) -> None:
    e.day("started_on", started_on, "开始日期", not_future=False)
    if ended_on is not None:
        e.day("ended_on", ended_on, "结束日期", not_future=False)
        if started_on is not None and not e.has("started_on") and not e.has("ended_on") \
                and ended_on < started_on:
            e.add("ended_on", "结束日期不能早于开始日期")


def add_assignment(db: Database, actor: Actor, data: AssignmentInput) -> Assignment:
    with db.transaction() as s:
        _validate_assignment(s, data)
        require(actor, "people.edit")
        a = Assignment(cadre_id=data.cadre_id, unit_id=data.unit_id,  # type: ignore[arg-type]
                       kind=data.kind, started_on=data.started_on,  # type: ignore[arg-type]
                       ended_on=data.ended_on, note=data.note.strip(), site=site_code(s))
        s.add(a)
        audit_create(s, actor, a, f"新增联系点（{ASSIGNMENT_KINDS.label(data.kind)}）")
        return a


def change_assignment(db: Database, actor: Actor, assignment_id: uuid.UUID,
                      data: AssignmentInput, expected_version: int) -> Assignment:
    with db.transaction() as s:
        a = get_live(s, Assignment, assignment_id, "联系点")
        _validate_assignment(s, data)
        require(actor, "people.edit")
        check_version(a, expected_version, "联系点")
        before = snapshot(a)
        a.cadre_id, a.unit_id, a.kind = data.cadre_id, data.unit_id, data.kind  # type: ignore[assignment]
        a.started_on, a.ended_on = data.started_on, data.ended_on  # type: ignore[assignment]
        a.note = data.note.strip()
        touch(a)
        audit_change(s, actor, a, before, f"修改联系点（{ASSIGNMENT_KINDS.label(data.kind)}）")
        return a


def end_assignment(db: Database, actor: Actor, assignment_id: uuid.UUID, ended_on: date | None,
                   expected_version: int) -> Assignment:
    """Close a standing link; the row stays so the record of who was linked when survives."""
    with db.transaction() as s:
        a = get_live(s, Assignment, assignment_id, "联系点")
        e = Errors()
        e.day("ended_on", ended_on, "结束日期", not_future=False)
        if not e.has("ended_on") and ended_on is not None and ended_on < a.started_on:
            e.add("ended_on", f"结束日期不能早于开始日期（{a.started_on.isoformat()}）")
        e.raise_if_any()
        require(actor, "people.edit")
        check_version(a, expected_version, "联系点")
        before = snapshot(a)
        a.ended_on = ended_on
        touch(a)
        audit_change(s, actor, a, before, f"结束联系点（{ASSIGNMENT_KINDS.label(a.kind)}）")
        return a
