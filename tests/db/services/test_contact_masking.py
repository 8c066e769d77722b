"""Complainants' names and contacts are masked for roles that do not need them
(db.services.permissions.masked_contacts), in the lists' problem details too."""

from __future__ import annotations

import uuid

import pytest

from db.audit import Actor
from db.engine import Database
from db.services import FindingInput, record_visit
from db.services.permissions import mask_contact, masked_contacts, sees_contacts
from desktop.ui.lists.queries import problem_detail
from tests.db.services.conftest import CLERK, Org, visit_input

SCHOOL = uuid.uuid4()
OTHER = uuid.uuid4()
CONTACTS = {"reporter_name": "欧阳娜娜", "reporter_phone": "138 1234 5678", "area": "canteen"}


@pytest.mark.parametrize("actor, unit, sees", [
    (Actor("a", "admin"), OTHER, True), (Actor("l", "leader"), OTHER, True),
    (Actor("c", "clerk"), None, True), (Actor("v", "viewer"), SCHOOL, False),
    (Actor("s", "school", unit_id=SCHOOL), SCHOOL, True),
    (Actor("s", "school", unit_id=SCHOOL), OTHER, False),
    (Actor("s", "school", unit_id=SCHOOL), None, False),
])
def test_who_sees_contacts(actor: Actor, unit: uuid.UUID | None, sees: bool) -> None:
    assert sees_contacts(actor, unit) is sees
    shown = masked_contacts(actor, unit, "problem", CONTACTS)
    if sees:
        assert shown == CONTACTS
    else:
        assert shown == {"reporter_name": "欧阳**", "reporter_phone": "138****5678",
                         "area": "canteen"}


def test_masks() -> None:
    assert mask_contact("name", "张伟") == "张*"
    assert mask_contact("phone", "0722-3456789") == "072****6789"
    assert mask_contact("phone", "12345") == "*****"
    assert mask_contact("name", "  ") == ""
    viewer = Actor("v", "viewer")
    assert masked_contacts(viewer, None, "evaluation", {"respondent": "李明"}) == {
        "respondent": "李*"}
    assert masked_contacts(viewer, None, "visit", {"talked_with": "李明"}) == {
        "talked_with": "李明"}


def test_problem_detail_masks_for_the_viewer_and_other_schools(db: Database, org: Org) -> None:
    saved = record_visit(db, CLERK, visit_input(org, problems=(FindingInput(
        "canteen", "management_service", "食堂饭菜价格偏高", False, "parent", "王建国",
        "13912345678"),)))
    pid = saved.problems[0].id
    with db.session() as s:
        full = problem_detail(s, pid, CLERK)
        own = problem_detail(s, pid, org.school_actor())
        other = problem_detail(s, pid, org.school_actor(org.other_school))
        viewer = problem_detail(s, pid, Actor("v", "viewer"))
        plain = problem_detail(s, pid)
    assert full is not None and own is not None and other is not None and viewer is not None
    assert (full.reporter_name, full.reporter_phone) == ("王建国", "13912345678")
    assert (own.reporter_name, own.reporter_phone) == ("王建国", "13912345678")
    for masked in (other, viewer):
        assert (masked.reporter_name, masked.reporter_phone) == ("王**", "139****5678")
        assert masked.description == full.description  # only the personal fields change
    assert plain is not None and plain.reporter_name == "王建国"
