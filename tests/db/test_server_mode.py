"""Server mode: the whole workflow and the table queries on every back end (PostgreSQL when
MQ_TEST_PG_URL is set), two clerks saving the same task, a connection lost mid-session, and
the audit chain under concurrent writers.
"""

from __future__ import annotations

import os
import threading
import uuid
from collections.abc import Iterator
from datetime import date

import pytest
from argon2 import PasswordHasher
from sqlalchemy import create_engine, select, text

from db.audit import SYSTEM, Actor, AuditFilter, audit_count, audit_page, verify_chain, write_audit
from db.engine import CONNECTION_LOST, Database, translate_errors
from db.errors import ConflictError, DatabaseUnavailableError
from db.models import Region, Task
from db.queries.care import care_count, care_page, care_record_detail
from db.queries.problems import problem_count, problem_page
from db.queries.stats import problem_stats
from db.queries.visits import visit_count, visit_page
from db.services import (
    CareEntryInput,
    CareRecordInput,
    ProgressInput,
    TaskChanges,
    UserChanges,
    UserInput,
    accounts,
    add_care_entry,
    add_progress,
    authenticate,
    change_password,
    close_out,
    create_care_record,
    create_first_admin,
    create_user,
    deactivate_user,
    delete_problem,
    delete_visit,
    end_care_record,
    mark_strongly_reported,
    merge_problem,
    open_task,
    record_visit,
    reopen,
    reset_password,
    update_care_record,
    update_task,
    update_user,
    update_visit,
)
from db.services.accounts import reactivate_user, unlock_user
from db.services.studies import StudyInput, create_study, delete_study
from desktop.ui.lists.queries import (
    effect_count,
    effect_page,
    record_history,
    task_count,
    task_detail,
    task_page,
)
from tests.conftest import PG_URL, _fresh_pg_database, needs_pg
from tests.db.services.conftest import ADMIN, CLERK, LEADER, _build_org, visit_input
from tests.db.services.test_closeout import done_task
from tests.db.services.test_tasks import problems_of_visit, task_input

FAST = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
CARE_ADMIN = Actor("admin", "admin", "管理员", can_view_care=True)



def test_whole_workflow_and_table_queries(any_db: Database,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(accounts, "HASHER", FAST)
    org = _build_org(any_db)  # units, branches, cadres, assignments through the services
    task, _ = done_task(any_db, org)  # a visit with problems, a task, effect, evaluation
    closed = close_out(any_db, LEADER, task.id, "李局长", date.today())
    assert closed.status == "closed"
    more = problems_of_visit(any_db, org, n=2)
    merge_problem(any_db, CLERK, more[1], more[0], expected_version=1)
    record = create_care_record(any_db, CARE_ADMIN, CareRecordInput(
        "left_behind", "张小明", org.school, situation="父母在外务工"))
    detail = care_record_detail(any_db, CARE_ADMIN, record.id)
    assert detail.person_name == "张小明"
    admin = accounts.actor_for(create_first_admin(any_db, "boss", "局办管理员", "Boss-pass-2026"))
    clerk = create_user(any_db, admin, UserInput("wang", "王录入", "clerk", "wang-pass-2026"))
    assert authenticate(any_db, "wang", "wang-pass-2026").role == "clerk"
    deactivate_user(any_db, admin, clerk.id)

    with any_db.session() as s:
        visits = visit_page(s)
        assert visit_count(s) == len(visits) == 2
        problems = problem_page(s)
        assert problem_count(s) == len(problems) == 4
        tasks = task_page(s)
        assert task_count(s) == len(tasks) == 1 and tasks[0].status == "closed"
        assert care_count(s, CARE_ADMIN) == 1
        assert len(care_page(s, CARE_ADMIN)) == 1
        assert problem_stats(s) is not None
        viewed = audit_page(s, ADMIN, AuditFilter(action="view"))[0]
        assert [r.table_name for r in viewed] == ["care_record"]
        assert audit_count(s, ADMIN) > 20
        assert verify_chain(s) == []


def test_the_other_services_on_every_backend(any_db: Database,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """Edits, deletions, reopening, care entries, studies, accounts: every remaining service
    once, then the record history, the effect list and the audit chain."""
    monkeypatch.setattr(accounts, "HASHER", FAST)
    org = _build_org(any_db)
    saved = record_visit(any_db, CLERK, visit_input(org))
    visit = update_visit(any_db, CLERK, saved.visit.id, visit_input(org, content="复查食堂"),
                         saved.visit.version)
    pid = saved.problems[0].id
    problem = mark_strongly_reported(any_db, CLERK, pid, saved.problems[0].version, True)
    extra = record_visit(any_db, CLERK, visit_input(org, problems=()))
    delete_visit(any_db, CLERK, extra.visit.id, extra.visit.version)
    task, _ = done_task(any_db, org)
    add_progress(any_db, CLERK, task.id, ProgressInput(100, "已完成"))
    closed = close_out(any_db, LEADER, task.id, "李局长", date.today())
    reopened = reopen(any_db, LEADER, task.id, "群众又有反映", expected_version=closed.version)
    assert reopened.status != "closed"
    loose = problems_of_visit(any_db, org, n=1)[0]
    delete_problem(any_db, CLERK, loose, 1)
    record = create_care_record(any_db, CARE_ADMIN, CareRecordInput(
        "left_behind", "王小明", org.school, situation="父母在外务工"))
    record = update_care_record(any_db, CARE_ADMIN, record.id, CareRecordInput(
        "left_behind", "王小明", org.school, situation="祖父生病住院"),
        expected_version=record.version)
    add_care_entry(any_db, CARE_ADMIN, CareEntryInput(record.id, date.today(), "送去学习用品"))
    end_care_record(any_db, CARE_ADMIN, record.id, expected_version=record.version)
    study = create_study(any_db, CLERK, StudyInput(date(2022, 7, 15), "7月专题研究"))
    delete_study(any_db, CLERK, study.id, study.version)
    admin = accounts.actor_for(create_first_admin(any_db, "boss", "局办管理员", "Boss-pass-2026"))
    user = create_user(any_db, admin, UserInput("wang", "王录入", "clerk", "wang-pass-2026"))
    user = update_user(any_db, admin, user.id, UserChanges("王录入", "viewer"), user.version)
    deactivate_user(any_db, admin, user.id)
    reactivate_user(any_db, admin, user.id)
    reset_password(any_db, admin, user.id, "temp-pass-2026")
    wang = authenticate(any_db, "wang", "temp-pass-2026")
    change_password(any_db, wang, "temp-pass-2026", "own-pass-2026")
    token = accounts.issue_remember_token(any_db, wang)
    assert accounts.authenticate_token(any_db, "wang", token).username == "wang"
    unlock_user(any_db, admin, user.id)

    with any_db.session() as s:
        assert visit.visit.content == "复查食堂" and problem.strongly_reported
        assert effect_count(s) == len(effect_page(s)) == 1
        assert [h.action for h in record_history(s, task.id)][:2] == ["reopen", "close_out"]
        assert audit_count(s, ADMIN, AuditFilter(table_name="care_entry")) == 1
        assert verify_chain(s) == []


def test_two_clerks_saving_the_same_task(any_db: Database) -> None:
    org = _build_org(any_db)
    ids = problems_of_visit(any_db, org)
    task = open_task(any_db, CLERK, task_input(ids))
    with any_db.session() as s:
        mine, theirs = task_detail(s, task.id), task_detail(s, task.id)
    assert mine is not None and theirs is not None and mine.version == theirs.version

    def changes(title: str) -> TaskChanges:
        return TaskChanges(title, "supervised", mine.deadline)

    update_task(any_db, CLERK, task.id, changes("整改食堂（甲）"), mine.version)
    with pytest.raises(ConflictError) as conflict:
        update_task(any_db, Actor("li", "clerk", "李录入"), task.id, changes("整改食堂（乙）"),
                    theirs.version)
    assert "已被其他用户修改" in conflict.value.message and "重新加载" in conflict.value.message
    with any_db.session() as s:
        stored = s.get(Task, task.id)
        assert stored is not None and stored.title == "整改食堂（甲）"

    # The same race below the services: both sessions loaded version n, the slower commit
    # is refused by the version column (StaleDataError → ConflictError), never overwritten.
    first, second = any_db.session(), any_db.session()
    try:
        a, b = first.get(Task, task.id), second.get(Task, task.id)
        assert a is not None and b is not None
        a.title, b.title = "甲", "乙"
        first.commit()
        with pytest.raises(ConflictError):
            second.commit()
    finally:
        first.close()
        second.close()
    with any_db.session() as s:
        assert s.get(Task, task.id).title == "甲"  # type: ignore[union-attr]


def _terminate_others(url: str) -> int:
    """Cut every other connection to the test database, as a server restart or a dropped
    network would; returns how many were cut."""
    killer = create_engine(url, isolation_level="AUTOCOMMIT")
    try:
        with killer.connect() as conn:
            return int(conn.execute(text(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                "WHERE datname = current_database() AND pid <> pg_backend_pid()")).scalar_one())
    finally:
        killer.dispose()


@pytest.fixture
def pg_db() -> Iterator[Database]:
    database = _fresh_pg_database()
    yield database
    database.dispose()


@needs_pg
def test_connection_lost_mid_session_gives_a_message_and_retry_works(pg_db: Database) -> None:
    any_db = pg_db
    assert PG_URL is not None
    # A read in progress: the session holds its connection when the server drops it.
    with any_db.session() as s:
        assert s.execute(select(Region.code)).first() is not None
        assert _terminate_others(PG_URL) >= 1
        with pytest.raises(DatabaseUnavailableError) as lost:
            s.execute(select(Region.code)).all()
    assert lost.value.message == CONNECTION_LOST and "重试" in lost.value.message
    # A write in progress: nothing of it is stored.
    with pytest.raises(DatabaseUnavailableError), any_db.transaction() as s:
        s.add(Region(code="lost", name="断线区", site="SZ"))
        s.flush()
        _terminate_others(PG_URL)
        s.add(Region(code="lost2", name="断线区二", site="SZ"))
        s.flush()
    # Retrying works: the pool replaces the dead connections.
    with any_db.transaction() as s:
        s.add(Region(code="again", name="重试区", site="SZ"))
    with any_db.session() as s:
        codes = set(s.execute(select(Region.code)).scalars())
    assert "again" in codes and not codes & {"lost", "lost2"}
    # Idle pooled connections cut meanwhile are replaced without anyone noticing.
    _terminate_others(PG_URL)
    with any_db.session() as s:
        assert s.execute(select(Region.code).where(Region.code == "again")).scalar() == "again"


def test_connection_loss_is_translated_whatever_the_driver_says() -> None:
    from sqlalchemy.exc import OperationalError

    for text_ in ("terminating connection due to administrator command",
                  "server closed the connection unexpectedly",
                  "could not connect to server: Connection refused"):
        with pytest.raises(DatabaseUnavailableError, match="连接中断"), translate_errors():
            raise OperationalError("SELECT 1", {}, Exception(text_))


def test_concurrent_writers_keep_the_audit_chain_whole(any_db: Database) -> None:
    """Several PCs appending at once: every entry chains to the one before it."""
    if any_db.is_sqlite:
        writers, each = 2, 10  # SQLite lets one writer in at a time; busy_timeout queues them
    else:
        writers, each = 4, 15
    errors: list[BaseException] = []

    def write(n: int) -> None:
        try:
            for i in range(each):
                with any_db.transaction() as s:
                    write_audit(s, SYSTEM, "update", "visit", uuid.uuid4(), f"写入 {n}-{i}")
        except BaseException as exc:  # reported below, in the test's thread
            errors.append(exc)

    threads = [threading.Thread(target=write, args=(n,)) for n in range(writers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    with any_db.session() as s:
        assert verify_chain(s) == []
        assert audit_count(s, ADMIN, AuditFilter(table_name="visit")) == writers * each


def test_pg_url_comes_from_the_environment() -> None:
    assert os.environ.get("MQ_TEST_PG_URL") == PG_URL
