"""关爱帮扶: the register of help for special groups (身心障碍学生, 困难师生, 农村留守儿童).

Minors' and health data, the most sensitive records in the system. Besides the role rules of
``permissions`` (a viewer writes nothing, a school user only its own unit), reading or writing
care data needs a grant of its own: ``Actor.can_view_care``, or the site-wide setting
``care.visible_by_default``. Until accounts exist that flag is the whole grant.

Audit summaries name the group, never the person: the audit log is read by more people than
the register (the before/after images still hold the values, as for every record).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from sqlmodel import Session

from db.audit import Actor, snapshot
from db.campaign import get_setting
from db.engine import Database
from db.errors import PermissionDenied, RuleError
from db.models import Cadre, CareEntry, CareRecord, Unit
from db.services._common import (
    Errors,
    audit_change,
    audit_create,
    check_version,
    find_live,
    get_live,
    site_code,
    today,
    touch,
)
from db.services.permissions import OWN_UNIT_ROLES
from db.vocab import CARE_GROUPS, ROLES

# Who a care record can be about: the plan's groups are students and staff, nobody else.
PERSON_ROLES = ("student", "teacher")
GENDERS = ("", "男", "女")
EARLIEST_BIRTH_YEAR = 1930  # a retired teacher in hardship; older years are typing mistakes
CHILD_MAX_AGE = 18  # 农村留守儿童 are minors
NAME_MAX, SITUATION_MAX, HELP_MAX = 50, 2000, 2000

# Groups that are students by definition (身心障碍学生, 留守儿童); 困难师生 may be either.
STUDENT_GROUPS = frozenset({"disability", "left_behind"})

SETTING_VISIBLE = "care.visible_by_default"

# Roles that may write care records (with the care grant). permissions.ACTIONS has no care
# action yet; when it gets one ("care.edit"), this set becomes RULES' business.
WRITE_ROLES = frozenset({"admin", "clerk", "leader", "school"})

_NO_GRANT = ("关爱帮扶记录涉及未成年人和健康信息，仅授权人员可见。您的账号（{name}）未获授权，"
             "无法{what}。如需查看或录入，请联系管理员授权。")


@dataclass(frozen=True)
class CareRecordInput:
    group: str  # vocab.CARE_GROUPS
    person_name: str
    unit_id: uuid.UUID | None
    person_role: str = "student"  # "student" or "teacher" (vocab.REPORTER_TYPES codes)
    gender: str = ""  # "男", "女" or "" (not recorded)
    birth_year: int | None = None
    situation: str = ""
    responsible_cadre_id: uuid.UUID | None = None
    active: bool = True


@dataclass(frozen=True)
class CareEntryInput:
    record_id: uuid.UUID | None
    helped_on: date | None
    help_given: str
    cadre_id: uuid.UUID | None = None


# -- the grant -----------------------------------------------------------------------------


def care_visible(session: Session, actor: Actor) -> bool:
    """May *actor* see care records at all (own flag, or the site opens them to everyone)?"""
    return actor.can_view_care or bool(get_setting(session, SETTING_VISIBLE))


def require_care(session: Session, actor: Actor, what: str = "查看关爱帮扶记录") -> None:
    """PermissionDenied unless the actor holds the care grant; the message says whom to ask."""
    if not care_visible(session, actor):
        raise PermissionDenied(_NO_GRANT.format(name=actor.name, what=what))


def require_care_write(session: Session, actor: Actor, what: str,
                       unit_ids: tuple[uuid.UUID | None, ...]) -> None:
    """The care grant, plus the role rules: a viewer writes nothing; a school user only the
    records of its own unit (on both sides when a record moves between units)."""
    require_care(session, actor, what)
    role_label = ROLES.label(actor.role)
    if actor.role not in WRITE_ROLES:
        raise PermissionDenied(
            f"您的角色（{role_label}）只能查看，无权{what}。"
            "如需录入，请联系管理员调整权限或请有权限的同事办理。")
    if actor.role in OWN_UNIT_ROLES:
        if actor.unit_id is None:
            raise PermissionDenied(
                f"您的账号（{role_label}）没有设置所属单位，无法{what}。请联系管理员设置所属单位。")
        if any(u != actor.unit_id for u in unit_ids):
            raise PermissionDenied(
                f"学校用户只能{what}本单位的关爱对象，该记录属于其他单位。"
                "请由市、县教育局的录入员办理。")


# -- validation ----------------------------------------------------------------------------


def _validate_record(s: Session, data: CareRecordInput) -> tuple[str, str, str]:
    e = Errors()
    e.code("group", data.group, CARE_GROUPS)
    name = e.text("person_name", data.person_name, "姓名", max_len=NAME_MAX)
    if data.person_role not in PERSON_ROLES:
        e.add("person_role", "身份请选择“学生”或“教师”")
    elif data.group in STUDENT_GROUPS and data.person_role != "student":
        e.add("person_role", f"“{CARE_GROUPS.label(data.group)}”的关爱对象必须是学生")
    gender = (data.gender or "").strip()
    if gender not in GENDERS:
        e.add("gender", "性别请选择“男”或“女”，不清楚可留空")
    _check_birth_year(e, data)
    if data.unit_id is None:
        e.add("unit_id", "请选择所在单位（学校）")
    elif find_live(s, Unit, data.unit_id) is None:
        e.add("unit_id", "所选单位不存在，请重新选择所在单位")
    situation = e.text("situation", data.situation, "基本情况", max_len=SITUATION_MAX,
                       required=False)
    if data.responsible_cadre_id is not None and \
            find_live(s, Cadre, data.responsible_cadre_id) is None:
        e.add("responsible_cadre_id", "所选责任干部不存在，请重新选择")
    e.raise_if_any()
    return name, gender, situation


def _check_birth_year(e: Errors, data: CareRecordInput) -> None:
    year = data.birth_year
    if year is None:
        return
    this_year = today().year
    if isinstance(year, bool) or not isinstance(year, int):
        e.add("birth_year", "出生年份必须是四位数的年份，如 2012")
    elif year < EARLIEST_BIRTH_YEAR or year > this_year:
        e.add("birth_year", f"出生年份应在 {EARLIEST_BIRTH_YEAR} 年至 {this_year} 年之间，"
                            "请检查")
    elif data.group == "left_behind" and year < this_year - CHILD_MAX_AGE:
        e.add("birth_year", f"农村留守儿童应为未成年人（{this_year - CHILD_MAX_AGE} 年及以后"
                            "出生），请检查出生年份或关爱对象类别")


def _validate_entry(s: Session, data: CareEntryInput) -> str:
    e = Errors()
    if data.record_id is None:
        e.add("record_id", "请先选择关爱对象")
    e.day("helped_on", data.helped_on, "帮扶日期")
    help_given = e.text("help_given", data.help_given, "帮扶内容", max_len=HELP_MAX)
    if data.cadre_id is not None and find_live(s, Cadre, data.cadre_id) is None:
        e.add("cadre_id", "所选帮扶干部不存在，请重新选择")
    e.raise_if_any()
    return help_given


def _group(record: CareRecord | CareRecordInput) -> str:
    return CARE_GROUPS.label(record.group) if record.group in CARE_GROUPS else record.group


# -- records -------------------------------------------------------------------------------


def create_care_record(db: Database, actor: Actor, data: CareRecordInput) -> CareRecord:
    with db.transaction() as s:
        require_care(s, actor, "新增关爱对象")
        name, gender, situation = _validate_record(s, data)
        require_care_write(s, actor, "新增关爱对象", (data.unit_id,))
        record = CareRecord(
            group=data.group, person_name=name, person_role=data.person_role, gender=gender,
            birth_year=data.birth_year, unit_id=data.unit_id,  # type: ignore[arg-type]
            situation=situation, responsible_cadre_id=data.responsible_cadre_id,
            active=data.active, site=site_code(s))
        s.add(record)
        audit_create(s, actor, record, f"新增关爱对象（{_group(data)}）")
        return record


def update_care_record(db: Database, actor: Actor, record_id: uuid.UUID, data: CareRecordInput,
                       expected_version: int) -> CareRecord:
    with db.transaction() as s:
        require_care(s, actor, "修改关爱对象")
        record = get_live(s, CareRecord, record_id, "关爱对象")
        name, gender, situation = _validate_record(s, data)
        # A record moving to another unit is checked on both (a school cannot give one away).
        require_care_write(s, actor, "修改关爱对象", (record.unit_id, data.unit_id))
        check_version(record, expected_version, "关爱对象记录")
        before = snapshot(record)
        record.group, record.person_name, record.person_role = data.group, name, data.person_role
        record.gender, record.birth_year = gender, data.birth_year
        record.unit_id = data.unit_id  # type: ignore[assignment]
        record.situation, record.responsible_cadre_id = situation, data.responsible_cadre_id
        record.active = data.active
        touch(record)
        audit_change(s, actor, record, before, f"修改关爱对象（{_group(record)}）")
        return record


def end_care_record(db: Database, actor: Actor, record_id: uuid.UUID,
                    expected_version: int) -> CareRecord:
    """Stop the regular help (the child grew up, the hardship ended); the record and its help
    entries stay on file, and updating it with ``active=True`` resumes it."""
    with db.transaction() as s:
        require_care(s, actor, "结束帮扶")
        record = get_live(s, CareRecord, record_id, "关爱对象")
        require_care_write(s, actor, "结束帮扶", (record.unit_id,))
        check_version(record, expected_version, "关爱对象记录")
        if not record.active:
            raise RuleError("该关爱对象的帮扶已经结束，无需再次结束。")
        before = snapshot(record)
        record.active = False
        touch(record)
        audit_change(s, actor, record, before, f"结束帮扶（{_group(record)}）")
        return record


# -- help entries --------------------------------------------------------------------------


def add_care_entry(db: Database, actor: Actor, data: CareEntryInput) -> CareEntry:
    with db.transaction() as s:
        require_care(s, actor, "登记帮扶情况")
        help_given = _validate_entry(s, data)
        record = get_live(s, CareRecord, data.record_id, "关爱对象")
        require_care_write(s, actor, "登记帮扶情况", (record.unit_id,))
        if not record.active:
            raise RuleError("该关爱对象的帮扶已经结束，不能再登记帮扶情况。"
                            "如需继续帮扶，请先在记录中勾选“帮扶中”后保存。")
        entry = CareEntry(record_id=record.id, helped_on=data.helped_on,  # type: ignore[arg-type]
                          cadre_id=data.cadre_id, help_given=help_given, site=site_code(s))
        s.add(entry)
        audit_create(s, actor, entry, f"登记帮扶情况（{_group(record)}）")
        return entry
