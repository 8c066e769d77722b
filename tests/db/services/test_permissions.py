"""The rule table itself: what each role may do, and the school user's own-unit fence."""

from __future__ import annotations

import uuid

import pytest

from db.audit import Actor
from db.errors import PermissionDenied
from db.services.permissions import ACTIONS, RULES, allowed, require
from db.vocab import ROLES

UNIT = uuid.uuid4()
OTHER = uuid.uuid4()


def actor(role: str, unit: uuid.UUID | None = None) -> Actor:
    return Actor(role, role, unit_id=unit)


def test_every_role_has_a_rule_and_every_action_a_label() -> None:
    assert set(RULES) == set(ROLES.codes())
    for actions in RULES.values():
        assert actions <= set(ACTIONS)


@pytest.mark.parametrize("role, action, expected", [
    ("viewer", "visit.create", False), ("viewer", "problem.edit", False),
    ("clerk", "visit.create", True), ("clerk", "task.open", True), ("clerk", "org.edit", True),
    ("clerk", "close_out", False), ("clerk", "reopen", False), ("clerk", "approve", False),
    ("leader", "close_out", True), ("leader", "reopen", True), ("leader", "task.open", True),
    ("leader", "org.edit", False), ("admin", "close_out", True), ("admin", "org.edit", True),
    ("school", "visit.create", True), ("school", "close_out", False),
    ("school", "people.edit", False), ("nobody", "visit.create", False),
])
def test_allowed(role: str, action: str, expected: bool) -> None:
    assert allowed(actor(role, UNIT), action) is expected


def test_unknown_action_is_a_bug_not_a_refusal() -> None:
    with pytest.raises(ValueError):
        require(actor("admin"), "launch_rockets")


def test_refusal_names_role_and_action_in_chinese() -> None:
    with pytest.raises(PermissionDenied) as exc:
        require(actor("clerk"), "close_out")
    assert "录入员" in exc.value.message and "销号" in exc.value.message


def test_school_user_fenced_to_own_unit() -> None:
    school = actor("school", UNIT)
    require(school, "visit.create", unit_id=UNIT)
    require(school, "problem.edit", unit_ids=[UNIT, UNIT])
    for kwargs in ({"unit_id": OTHER}, {"unit_ids": [UNIT, OTHER]}, {"unit_id": None},
                   {"unit_ids": [None]}, {"unit_id": UNIT, "unit_ids": [OTHER]}):
        with pytest.raises(PermissionDenied) as exc:
            require(school, "visit.create", **kwargs)  # type: ignore[arg-type]
        assert "本单位" in exc.value.message
    with pytest.raises(PermissionDenied) as exc:
        require(actor("school"), "visit.create", unit_id=UNIT)
    assert "所属单位" in exc.value.message


def test_other_roles_are_not_fenced_by_unit() -> None:
    for role in ("clerk", "leader", "admin"):
        require(actor(role), "visit.create", unit_id=OTHER)
