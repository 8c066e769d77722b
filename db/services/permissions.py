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
}

_VISITS = {"visit.create", "visit.edit", "visit.delete"}
_LISTS = {
    "problem.create", "problem.edit", "problem.merge", "problem.delete", "task.open", "task.edit",
    "task.progress", "effect.record", "evaluation.record",
}
_SIGN_OFF = {"close_out", "reopen", "approve"}
_ORG = {"org.edit", "people.edit"}

# role → the actions it may perform. Leaders run the lists and sign close-outs; clerks enter
# everything but sign nothing; school users enter their own unit's visits and lists.
RULES: dict[str, frozenset[str]] = {
    "admin": frozenset(ACTIONS),
    "leader": frozenset(_VISITS | _LISTS | _SIGN_OFF),
    "clerk": frozenset(_ORG | _VISITS | _LISTS),
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
