"""局党组每月专题研究: studies freeze the three lists as of their date, compare with the previous
study from the two snapshots only, and never change afterwards."""

from __future__ import annotations

import os
import time
import uuid
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from db.audit import Actor
from db.engine import Database, open_database
from db.errors import NotFoundError, PermissionDenied, RuleError, ValidationError
from db.models import AuditEntry, Problem, StudySession, Task
from db.queries import problem_stats, task_deadlines
from db.queries.studies import (
    Snapshot,
    dump_snapshot,
    list_studies,
    load_study,
    parse_snapshot,
    study_changes,
)
from db.services import (
    EffectInput,
    EvaluationInput,
    ProgressInput,
    TaskChanges,
    add_progress,
    close_out,
    delete_problem,
    record_effect,
    record_evaluation,
    reopen,
    update_task,
)
from db.services.studies import StudyInput, create_study, delete_study, freeze_lists
from tests.db.queries.conftest import World, make_world

ADMIN = Actor("admin", "admin", "管理员")
LEADER = Actor("leader", "leader", "李局长")
CLERK = Actor("clerk", "clerk", "录入员小王")
VIEWER = Actor("viewer", "viewer", "查看者")

A_DAY = date(2022, 7, 15)  # Friday
B_DAY = date(2022, 8, 15)  # Monday


@dataclass
class Lists:
    p1: uuid.UUID  # strongly reported; task t1 (a 民生实事 led by 李局长), closed between A and B
    p2: uuid.UUID  # task t2, deadline 2022-08-10: overdue by B
    p3: uuid.UUID  # no task
    p4: uuid.UUID  # task t3, closed before A, reopened between A and B
    t1: uuid.UUID
    t2: uuid.UUID
    t3: uuid.UUID
    world: World


def _make_lists(db: Database) -> Lists:
    with db.transaction() as s:
        w = make_world(s)
        w.cadre(s, "李局长", "bureau_leader")
        p1 = w.problem(s, date(2022, 6, 1), "食堂饭菜价格偏高", unit="曾都一中", strongly=True,
                       status="in_progress")
        p2 = w.problem(s, date(2022, 6, 5), "校车接送时间不合理", unit="随县实验小学",
                       status="in_progress", area="safety", category="risk")
        p3 = w.problem(s, date(2022, 6, 10), "宿舍热水供应不足", unit="广水市幼儿园")
        p4 = w.problem(s, date(2022, 6, 12), "课后服务收费不透明", region="zengdu",
                       status="in_progress")
        t1 = w.task(s, "规范食堂价格", deadline=date(2022, 7, 29), problems=[p1],
                    leader="李局长", project=True, opened_on=date(2022, 6, 2))
        t2 = w.task(s, "调整校车时刻", deadline=date(2022, 8, 10), problems=[p2],
                    opened_on=date(2022, 6, 6))
        t3 = w.task(s, "公开课后服务收费", deadline=date(2022, 9, 30), problems=[p4],
                    opened_on=date(2022, 6, 13))
        ids = Lists(p1.id, p2.id, p3.id, p4.id, t1.id, t2.id, t3.id, w)
    _close(db, ids.t3, date(2022, 6, 20))
    add_progress(db, ADMIN, ids.t2, ProgressInput(30, "已与公交公司对接", date(2022, 7, 1)))
    return ids


def _close(db: Database, task_id: uuid.UUID, completed: date) -> None:
    record_effect(db, ADMIN, task_id, EffectInput(completed, "已整改到位"))
    record_evaluation(db, ADMIN, task_id,
                      EvaluationInput("satisfied", 3, evaluated_on=completed + timedelta(1)))
    close_out(db, LEADER, task_id, "李局长", completed + timedelta(2))


def _version(db: Database, model: type[Problem] | type[Task], record_id: uuid.UUID) -> int:
    with db.session() as s:
        record = s.get(model, record_id)
        assert record is not None
        return record.version


def _stored(db: Database, study_id: uuid.UUID) -> str:
    with db.session() as s:
        return s.execute(select(StudySession.snapshot)
                         .where(StudySession.id == study_id)).scalar_one()


def _by_id(items: tuple[Any, ...]) -> dict[uuid.UUID, Any]:
    return {i.id: i for i in items}


# ---- the main story --------------------------------------------------------------------------

def test_two_studies_changes_and_frozen_snapshots(db: Database) -> None:
    ids = _make_lists(db)
    study_a = create_study(db, CLERK, StudyInput(A_DAY, "7月专题研究", "研究校车问题"))

    # Between the two studies: t1 closed out, a new problem, more progress, t3 reopened;
    # t2's deadline (08-10) passes before B.
    _close(db, ids.t1, date(2022, 7, 20))
    with db.transaction() as s:
        p5 = ids.world.problem(s, date(2022, 8, 1), "操场照明不足", region="suixian").id
    add_progress(db, ADMIN, ids.t2, ProgressInput(60, "", date(2022, 8, 1)))
    reopen(db, LEADER, ids.t3, "群众反映收费仍未公开")
    study_b = create_study(db, LEADER, StudyInput(B_DAY, ""))

    with db.session() as s:
        a = load_study(s, study_a.id).snapshot
        b = load_study(s, study_b.id)
        changes = study_changes(s, study_b.id)
        first = study_changes(s, study_a.id)
        rows = list_studies(s)
    assert b.row.title == "2022年8月局党组专题研究“三个清单”"  # the default title
    assert [r.id for r in rows] == [study_b.id, study_a.id]  # newest first

    # Study A as it stood on 07-15.
    pa, ta = _by_id(a.problems), _by_id(a.tasks)
    assert set(pa) == {ids.p1, ids.p2, ids.p3, ids.p4}
    assert [pa[i].status for i in (ids.p1, ids.p2, ids.p3, ids.p4)] == \
        ["in_progress", "in_progress", "open", "closed"]
    assert [ta[i].status for i in (ids.t1, ids.t2, ids.t3)] == ["open", "open", "closed"]
    assert ta[ids.t2].progress_pct == 30 and not ta[ids.t2].overdue
    assert ta[ids.t1].lead_leader == "李局长" and ta[ids.t1].is_livelihood_project
    assert ta[ids.t3].closed_on == date(2022, 6, 22)
    assert (a.totals.total, a.totals.with_task, a.totals.closed, a.totals.resolved) == \
        (4, 3, 1, 1)
    assert a.totals.response_rate == 0.75 and a.totals.resolution_rate == 0.25
    assert a.totals.satisfaction_rate == 1.0
    assert [(g.label, g.total) for g in a.by_region][:3] == \
        [("曾都区", 2), ("随县", 1), ("广水市", 1)]
    assert [(g.name, g.code, g.count) for g in a.quota_gaps] == \
        [("李局长", "strong_problems", 0)]
    assert [e.task_id for e in a.effects] == [ids.t3]
    assert a.effects[0].approved_by == "李局长" and a.effects[0].satisfied == 1

    # Study B, and what changed since A.
    tb = _by_id(b.snapshot.tasks)
    assert tb[ids.t2].overdue and tb[ids.t2].workdays_overdue == 3  # Thu, Fri, Mon
    assert tb[ids.t2].progress_pct == 60
    assert changes.previous is not None and changes.previous.id == study_a.id
    assert [p.id for p in changes.new_problems] == [p5]
    assert changes.new_tasks == ()
    assert [p.id for p in changes.closed_problems] == [ids.p1]
    assert [t.id for t in changes.closed_tasks] == [ids.t1]
    assert [t.id for t in changes.newly_overdue] == [ids.t2]
    assert [t.id for t in changes.overdue] == [ids.t2]
    assert [t.id for t in changes.reopened_tasks] == [ids.t3]
    assert [p.id for p in changes.reopened_problems] == [ids.p4]
    assert changes.removed_problems == () and changes.removed_tasks == ()
    assert {(c.kind, c.id, c.before, c.after) for c in changes.status_changes} == {
        ("problem", ids.p1, "in_progress", "closed"), ("task", ids.t1, "open", "closed"),
        ("problem", ids.p4, "closed", "in_progress"), ("task", ids.t3, "closed", "open"),
    }
    assert changes.rates_then == a.totals
    now = changes.rates_now
    assert (now.total, now.with_task, now.closed, now.overdue) == (5, 3, 1, 1)
    assert now.response_rate == 0.6 and now.resolution_rate == 0.2
    assert changes.quota_gaps_now == ()  # 李局长 closed a strongly reported problem
    assert [(g.name, g.code) for g in changes.quota_gaps_met] == [("李局长", "strong_problems")]
    # The first study has nothing before it: everything is new.
    assert first.previous is None and first.rates_then is None
    assert len(first.new_problems) == 4 and len(first.new_tasks) == 3

    # After the studies: close t2, delete two problems, rename t3.
    json_a, json_b = _stored(db, study_a.id), _stored(db, study_b.id)
    with db.session() as s:
        parsed_a, parsed_b = load_study(s, study_a.id), load_study(s, study_b.id)
    _close(db, ids.t2, date(2022, 8, 20))
    delete_problem(db, ADMIN, ids.p3, _version(db, Problem, ids.p3))
    delete_problem(db, ADMIN, p5, _version(db, Problem, p5))
    update_task(db, ADMIN, ids.t3, TaskChanges("公开课后服务收费标准", "systemic",
                                               date(2022, 9, 30)),
                _version(db, Task, ids.t3))

    assert _stored(db, study_a.id) == json_a
    assert _stored(db, study_b.id) == json_b
    with db.session() as s:
        assert load_study(s, study_a.id) == parsed_a
        assert load_study(s, study_b.id) == parsed_b
        assert study_changes(s, study_b.id) == changes
        # ...while the same day frozen afresh is different: the snapshot was not recomputed.
        assert ids.p3 not in _by_id(freeze_lists(s, A_DAY).problems)


def test_snapshot_round_trips_and_matches_the_stored_text(db: Database) -> None:
    _make_lists(db)
    study = create_study(db, ADMIN, StudyInput(A_DAY, "专题研究"))
    with db.session() as s:
        loaded = load_study(s, study.id)
    assert loaded.snapshot_json == study.snapshot
    assert dump_snapshot(loaded.snapshot) == study.snapshot  # exactly as stored
    assert isinstance(parse_snapshot(study.snapshot), Snapshot)
    assert loaded.snapshot.schema == 1 and loaded.snapshot.held_on == A_DAY
    assert loaded.snapshot.campaign_year == 2022


# ---- as of the study day ---------------------------------------------------------------------

def test_freeze_rolls_records_back_to_the_study_day(db: Database) -> None:
    ids = _make_lists(db)
    _close(db, ids.t1, date(2022, 7, 20))  # effect 07-20, evaluation 07-21, closed 07-22
    with db.session() as s:
        def state(day: date) -> tuple[str, str, int]:
            snap = freeze_lists(s, day)
            t1 = _by_id(snap.tasks)[ids.t1]
            return t1.status, _by_id(snap.problems)[ids.p1].status, snap.totals.satisfied

        assert state(date(2022, 7, 19)) == ("open", "in_progress", 1)  # t3's evaluation only
        assert state(date(2022, 7, 20)) == ("done", "resolved", 1)
        assert state(date(2022, 7, 21)) == ("done", "resolved", 2)
        assert state(date(2022, 7, 22)) == ("closed", "closed", 2)
        early = freeze_lists(s, date(2022, 6, 5))  # p3, p4 not reported; t2 not opened
        assert {p.id for p in early.problems} == {ids.p1, ids.p2}
        assert {t.id for t in early.tasks} == {ids.t1}
        assert _by_id(early.tasks)[ids.t1].progress_pct == 0
        late = freeze_lists(s, date(2022, 6, 30))  # t2 opened, its first note comes 07-01
        assert _by_id(late.tasks)[ids.t2].progress_pct == 0


def test_today_agrees_with_the_live_statistics_and_deadlines(db: Database) -> None:
    _make_lists(db)
    today = date.today()
    with db.session() as s:
        snap = freeze_lists(s, today)
        live = problem_stats(s, "region", today=today)
        total = problem_stats(s, "total", today=today)[0]
        late = {t.id: t for t in task_deadlines(s, today=today) if t.overdue}
    fields = ("total", "with_task", "resolved", "closed", "overdue", "strongly_reported",
              "satisfied", "basic", "unsatisfied", "response_rate", "resolution_rate",
              "satisfaction_rate")
    assert [getattr(snap.totals, f) for f in fields] == [getattr(total, f) for f in fields]
    assert [(g.key, g.label, *(getattr(g, f) for f in fields)) for g in snap.by_region] == \
        [(g.key, g.label, *(getattr(g, f) for f in fields)) for g in live]
    assert {t.id: t.workdays_overdue for t in snap.overdue_tasks} == \
        {i: -t.workdays_left for i, t in late.items()}


# ---- refusals and deletion -------------------------------------------------------------------

def _count(db: Database) -> int:
    with db.session() as s:
        return s.execute(select(func.count()).select_from(StudySession)).scalar_one()


def test_refusals_write_nothing(db: Database) -> None:
    _make_lists(db)
    create_study(db, CLERK, StudyInput(A_DAY, "7月"))
    with pytest.raises(ValidationError) as same_day:
        create_study(db, LEADER, StudyInput(A_DAY, "又一次"))
    assert "同一天只能登记一次" in same_day.value.for_field("held_on")[0]
    with pytest.raises(ValidationError) as future:
        create_study(db, LEADER, StudyInput(date.today() + timedelta(days=1), "明天"))
    assert future.value.for_field("held_on") == ["研究日期不能晚于今天"]
    with pytest.raises(ValidationError) as long_title:
        create_study(db, LEADER, StudyInput(B_DAY, "长" * 201))
    assert long_title.value.for_field("title")
    with pytest.raises(PermissionDenied, match=r"（查看）无权登记局党组专题研究"):
        create_study(db, VIEWER, StudyInput(B_DAY, "查看者"))
    school = Actor("school1", "school", "一中", unit_id=uuid.uuid4())
    with pytest.raises(PermissionDenied, match="无权登记局党组专题研究"):
        create_study(db, school, StudyInput(B_DAY, "学校"))
    assert _count(db) == 1


def test_delete_is_a_tombstone_and_frees_the_date(db: Database) -> None:
    _make_lists(db)
    study = create_study(db, CLERK, StudyInput(A_DAY, "7月"))
    later = create_study(db, CLERK, StudyInput(B_DAY, "8月"))
    with pytest.raises(PermissionDenied):
        delete_study(db, VIEWER, study.id, study.version)
    delete_study(db, LEADER, study.id, study.version)
    assert _stored(db, study.id) == study.snapshot  # kept on record, unchanged
    with db.session() as s:
        assert [r.id for r in list_studies(s)] == [later.id]
        with pytest.raises(NotFoundError):
            load_study(s, study.id)
        assert study_changes(s, later.id).previous is None  # A no longer counts
        entries = s.execute(
            select(AuditEntry).where(AuditEntry.table_name == "study_session")  # type: ignore[arg-type]
            .order_by(AuditEntry.seq)).scalars().all()  # type: ignore[arg-type]
    assert [e.action for e in entries] == ["create", "create", "delete"]
    assert "snapshot_sha256" in entries[0].after and '"snapshot"' not in entries[0].after
    create_study(db, CLERK, StudyInput(A_DAY, "7月（重新登记）"))  # the date is free again


# ---- performance -----------------------------------------------------------------------------

@pytest.mark.benchmark
def test_create_study_on_a_demo_database(tmp_path: Path) -> None:
    """``uv run pytest tests/db/test_studies.py -m benchmark -s``; MQ_BENCH_STUDY_SCALE
    (default 10: about 20,000 problems) sets the demo database's size. Target: < 5 s."""
    from db.demo import generate

    scale = float(os.environ.get("MQ_BENCH_STUDY_SCALE", "10"))
    path = tmp_path / "demo.db"
    generate(path, scale=scale)
    database = open_database(path)
    try:
        t0 = time.perf_counter()
        study = create_study(database, LEADER, StudyInput(date.today(), ""))
        took = time.perf_counter() - t0
        with database.session() as s:
            t1 = time.perf_counter()
            loaded = load_study(s, study.id)
            load_took = time.perf_counter() - t1
        print(f"\ncreate_study at scale {scale:g}: {took:.2f} s, "
              f"{len(loaded.snapshot.problems)} problems, {len(loaded.snapshot.tasks)} tasks, "
              f"snapshot {len(study.snapshot.encode()) / 1e6:.1f} MB; load {load_took:.2f} s")
        assert took < 5.0
    finally:
        database.dispose()


def test_other_sites_studies_do_not_count(db: Database) -> None:
    """A county's study arrives by exchange: it neither blocks this site's date nor becomes
    the "previous" study of this site's next one."""
    _make_lists(db)
    county = create_study(db, CLERK, StudyInput(A_DAY, "随县教育局专题研究"))
    with db.transaction() as s:
        record = s.get(StudySession, county.id)
        assert record is not None
        record.site = "SX"
    ours = create_study(db, CLERK, StudyInput(A_DAY, "7月"))
    later = create_study(db, CLERK, StudyInput(B_DAY, "8月"))
    with db.session() as s:
        changes = study_changes(s, later.id)
        assert changes.previous is not None and changes.previous.id == ours.id
        assert study_changes(s, ours.id).previous is None
        assert len(list_studies(s)) == 3


def test_unreadable_or_newer_snapshots_are_refused_in_words(db: Database) -> None:
    with pytest.raises(RuleError, match="更新版本"):
        parse_snapshot('{"schema": 99}')
    with pytest.raises(RuleError, match="无法读取"):
        parse_snapshot('{"schema": 1, "held_on": "2022-07-15"}')
    with pytest.raises(RuleError, match="无法读取"):
        parse_snapshot("not json")


# ---- the escalation ladder -------------------------------------------------------------------

C_DAY = date(2022, 8, 26)  # Friday


def _escalate_t2(db: Database, ids: Lists) -> None:
    """t2 (deadline 08-10): chased 08-11; supervised 08-16 and criticised 08-23, each after
    the waiting working days the campaign sets (3 and 5)."""
    from db.services.escalation import EscalationInput, escalate

    escalate(db, CLERK, ids.t2, EscalationInput("chase", date(2022, 8, 11)))
    leader = ids.world.cadres["李局长"]
    escalate(db, LEADER, ids.t2, EscalationInput("supervision", date(2022, 8, 16), "久拖不办",
                                                 supervisor_id=leader))
    escalate(db, LEADER, ids.t2, EscalationInput("criticism", date(2022, 8, 23),
                                                 "督办后仍未办结，在专题研究中通报"))


def test_studies_freeze_the_escalation_ladder(db: Database) -> None:
    ids = _make_lists(db)
    study_a = create_study(db, CLERK, StudyInput(A_DAY, "7月"))
    from db.services.escalation import EscalationInput, escalate

    escalate(db, CLERK, ids.t2, EscalationInput("chase", date(2022, 8, 11)))
    study_b = create_study(db, CLERK, StudyInput(B_DAY, "8月中"))
    leader = ids.world.cadres["李局长"]
    escalate(db, LEADER, ids.t2, EscalationInput("supervision", date(2022, 8, 16), "久拖不办",
                                                 supervisor_id=leader))
    escalate(db, LEADER, ids.t2, EscalationInput("criticism", date(2022, 8, 23),
                                                 "督办后仍未办结，在专题研究中通报"))
    study_c = create_study(db, CLERK, StudyInput(C_DAY, "8月底"))

    with db.session() as s:
        a, b, c = (load_study(s, x.id).snapshot for x in (study_a, study_b, study_c))
        first, since_a, since_b = (study_changes(s, x.id) for x in (study_a, study_b, study_c))
        # Frozen afresh for B's day with every step recorded: the later steps do not count.
        assert _by_id(freeze_lists(s, B_DAY).tasks)[ids.t2].escalation == "chase"

    assert a.escalations == () and first.escalations == () and first.criticised == ()
    assert {t.escalation for t in a.tasks} == {""}
    t2_b = _by_id(b.tasks)[ids.t2]
    assert (t2_b.escalation, t2_b.escalated_on) == ("chase", date(2022, 8, 11))
    assert [(g.kind, g.taken_on, g.by_name) for g in since_a.escalations or ()] == \
        [("chase", date(2022, 8, 11), "录入员小王")]
    assert since_a.criticised == ()

    t2_c = _by_id(c.tasks)[ids.t2]
    assert (t2_c.escalation, t2_c.escalated_on) == ("criticism", date(2022, 8, 23))
    assert [t.id for t in c.criticised_tasks] == [ids.t2]
    steps = since_b.escalations or ()
    assert [(g.kind, g.taken_on) for g in steps] == \
        [("supervision", date(2022, 8, 16)), ("criticism", date(2022, 8, 23))]
    assert steps[0].supervisor == "李局长" and steps[0].reason == "久拖不办"
    assert all(g.task_number == t2_c.number and g.task_title == "调整校车时刻" for g in steps)
    assert [t.id for t in since_b.criticised] == [ids.t2]
    assert {t.id for t in since_b.overdue} == {ids.t1, ids.t2}  # t1 (07-29) is late too

    # Closing t2 afterwards changes no stored study, and takes it off the criticism list of
    # a later one (its stage stays on record).
    stored_c = _stored(db, study_c.id)
    _close(db, ids.t2, date(2022, 8, 29))
    assert _stored(db, study_c.id) == stored_c
    with db.session() as s:
        assert study_changes(s, study_c.id) == since_b
        later = freeze_lists(s, date(2022, 9, 2))
    assert _by_id(later.tasks)[ids.t2].escalation == "criticism"
    assert later.criticised_tasks == ()


def _without_ladder(text: str) -> str:
    """A snapshot as studies stored it before the escalation ladder was frozen with them."""
    import json

    data = json.loads(text)
    del data["escalations"]
    table = data["tasks"]
    keep = [i for i, name in enumerate(table["fields"])
            if name not in ("escalation", "escalated_on")]
    table["fields"] = [table["fields"][i] for i in keep]
    table["rows"] = [[row[i] for i in keep] for row in table["rows"]]
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def test_a_snapshot_from_before_the_ladder_opens_as_before(db: Database) -> None:
    ids = _make_lists(db)
    _escalate_t2(db, ids)
    old_a = create_study(db, CLERK, StudyInput(A_DAY, "7月"))
    old_b = create_study(db, CLERK, StudyInput(B_DAY, "8月"))
    with db.transaction() as s:
        for study in (old_a, old_b):
            record = s.get(StudySession, study.id)
            assert record is not None
            record.snapshot = _without_ladder(record.snapshot)
    new_c = create_study(db, CLERK, StudyInput(C_DAY, "8月底"))
    with db.session() as s:
        b = load_study(s, old_b.id)
        changes_b = study_changes(s, old_b.id)
        changes_c = study_changes(s, new_c.id)
    assert '"escalation' not in b.snapshot_json
    snap = b.snapshot
    assert snap.escalations is None and not snap.has_ladder
    assert {t.escalation for t in snap.tasks} == {""}
    assert {t.escalated_on for t in snap.tasks} == {None}
    assert dump_snapshot(snap) == b.snapshot_json  # written back in its own shape
    assert {t.id for t in snap.overdue_tasks} == {ids.t1, ids.t2}  # the rest as it was
    assert changes_b.escalations is None and changes_b.criticised == ()
    # The next study has the ladder; its predecessor does not: steps after B's day count.
    assert [(g.kind, g.taken_on) for g in changes_c.escalations or ()] == \
        [("supervision", date(2022, 8, 16)), ("criticism", date(2022, 8, 23))]
    # A field without a default is still required: a damaged table is refused in words.
    with pytest.raises(RuleError, match="无法读取"):
        parse_snapshot(b.snapshot_json.replace('"deadline"', '"due"'))
