"""Who may do what: one table of rules that every service (and so the CLI and the importers,
which call the services) obeys.

A role grants a set of actions. The ``school`` role is additionally confined to records of its
own unit (``Actor.unit_id``): every unit a record touches must be that unit.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable

from db.audit import Actor
from db.errors import PermissionDenied
from db.vocab import ROLES

# Actions, by what they touch. The labels are how a refusal names the action.
ACTIONS: dict[str, str] = {
    "org.edit": "维护单位、党支部和结对共建",
    "people.edit": "维护干部和联系点",
    "visit.create": "登记走访",
    "visit.edit": "修改走访",
    "visit.delete": "删除走访",
    "problem.create": "登记问题",
    "problem.edit": "修改问题",
    "problem.merge": "合并重复问题",
    "problem.delete": "删除问题",
    "task.open": "立项任务",
    "task.edit": "修改任务",
    "task.progress": "登记任务进展",
    "effect.record": "登记效果",
    "evaluation.record": "登记群众评价",
    "close_out": "销号",
    "reopen": "重新打开已销号事项",
    "approve": "审批",
    "audit.view": "查看审计日志",
    "users.manage": "管理用户账号",
    "backup": "备份和恢复数据库",
    "exchange": "与其他站点交换数据（配对、导出和导入交换包）",
}

_VISITS = {"visit.create", "visit.edit", "visit.delete"}
_LISTS = {
    "problem.create", "problem.edit", "problem.merge", "problem.delete", "task.open", "task.edit",
    "task.progress", "effect.record", "evaluation.record",
}
_SIGN_OFF = {"close_out", "reopen", "approve"}
_ORG = {"org.edit", "people.edit"}
# Administration: accounts and backups are the administrator's; leaders may read the audit log
# (they answer for what was done), nobody else may.
_AUDIT = {"audit.view"}
# Packages carry every unit's records and reference data: the office clerk's job, not a
# school user's (confined to one unit) nor a leader's or viewer's.
_EXCHANGE = {"exchange"}

# role → the actions it may perform. Leaders run the lists and sign close-outs; clerks enter
# everything but sign nothing; school users enter their own unit's visits and lists.
RULES: dict[str, frozenset[str]] = {
    "admin": frozenset(ACTIONS),
    "leader": frozenset(_VISITS | _LISTS | _SIGN_OFF | _AUDIT),
    "clerk": frozenset(_ORG | _VISITS | _LISTS | _EXCHANGE),
    "school": frozenset(_VISITS | _LISTS),
    "viewer": frozenset(),
}

# Roles confined to their own unit's records.
OWN_UNIT_ROLES = frozenset({"school"})

assert set(RULES) == set(ROLES.codes()), "every role needs a rule"


def allowed(actor: Actor, action: str) -> bool:
    if action not in ACTIONS:
        raise ValueError(f"unknown action {action!r}")
    return action in RULES.get(actor.role, frozenset())


def require(actor: Actor, action: str, *, unit_id: uuid.UUID | None = None,
            unit_ids: Iterable[uuid.UUID | None] = ()) -> None:
    """Raise PermissionDenied unless *actor* may perform *action* on a record of *unit_id*
    (and of every unit in *unit_ids*: a record moving between units is checked on both)."""
    what = ACTIONS.get(action)
    if what is None:
        raise ValueError(f"unknown action {action!r}")
    role_label = ROLES.label(actor.role)
    if not allowed(actor, action):
        raise PermissionDenied(
            f"您的角色（{role_label}）无权{what}。如需办理，请联系管理员调整权限或请有权限的同事办理。"
        )
    if actor.role in OWN_UNIT_ROLES:
        units = set(unit_ids)
        if unit_id is not None or not units:
            units.add(unit_id)  # nothing given means "a record of no unit": not the school's
        if actor.unit_id is None:
            raise PermissionDenied(
                f"您的账号（{role_label}）没有设置所属单位，无法{what}。请联系管理员设置所属单位。"
            )
        if any(u != actor.unit_id for u in units):
            raise PermissionDenied(
                f"学校用户只能{what}本单位的记录，该记录属于其他单位（或未指定单位）。"
                "请由市、县教育局的录入员办理。"
            )


# -- personal data in tables -----------------------------------------------------------------

# Roles that work with complainants directly (call them back, enter what they said): they see
# names and contacts of every record. A school user sees those of its own unit's records only;
# a viewer sees none.
CONTACT_ROLES = frozenset({"admin", "leader", "clerk"})

# Fields holding a complainant's (or respondent's) name or contact, by table, with how to mask
# each: a name keeps its surname (张*), a phone its first three and last four digits.
PERSONAL_FIELDS: dict[str, dict[str, str]] = {
    "problem": {"reporter_name": "name", "reporter_phone": "phone"},
    "evaluation": {"respondent": "name"},
}


def sees_contacts(actor: Actor, unit_id: uuid.UUID | None) -> bool:
    """Whether *actor* may read complainants' names and contacts on a record of *unit_id*."""
    if actor.role in CONTACT_ROLES:
        return True
    return actor.role in OWN_UNIT_ROLES and unit_id is not None and unit_id == actor.unit_id


def mask_contact(kind: str, value: str) -> str:
    """*value* with its personal part starred out ("name": 张*, "phone": 138****5678)."""
    from db.disclosure.masking import mask_name

    value = (value or "").strip()
    if not value:
        return ""
    if kind == "name":
        return mask_name(value)
    digits = [ch for ch in value if ch.isdigit()]
    if len(digits) >= 7:
        return "".join(digits[:3]) + "****" + "".join(digits[-4:])
    return "*" * len(value)


def masked_contacts(actor: Actor, unit_id: uuid.UUID | None, table: str,
                    values: dict[str, str]) -> dict[str, str]:
    """*values* (field → text) as *actor* may see them on a *table* record of *unit_id*: the
    personal fields masked unless ``sees_contacts``; every other field as given. The one
    function every table, detail panel and the audit viewer use, so the rule lives here."""
    fields = PERSONAL_FIELDS.get(table, {})
    if not fields or sees_contacts(actor, unit_id):
        return dict(values)
    return {k: mask_contact(fields[k], v) if k in fields and isinstance(v, str) else v
            for k, v in values.items()}
