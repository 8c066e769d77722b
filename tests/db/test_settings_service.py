"""Campaign settings: load, validated all-or-nothing save with audit, administrators only,
vocabulary additions that never break stored codes, and the bureau's setup file."""

from __future__ import annotations

import json
import zipfile
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from db.audit import SYSTEM, Actor
from db.campaign import SiteSetup, get_setting, initialize_site
from db.engine import Database, open_database
from db.errors import PermissionDenied, ValidationError
from db.exchange import ExchangeError, list_peers
from db.exchange.setup_file import apply_setup_file, read_setup_file, write_setup_file
from db.exchange.tables import exportable_setting
from db.models import AuditEntry, Phase, Problem, Unit
from db.services.accounts import UserChanges, create_first_admin, update_user
from db.services.problems import ProblemInput, create_problem
from db.services.settings import (
    BACKUP_FOLDER_KEY,
    CampaignSettings,
    PhaseDates,
    backup_folder_problem,
    backup_target,
    load_settings,
    save_settings,
)
from db.vocab import Term
from db.vocab_extra import label, vocabulary
from db.workdays import WorkCalendar
from tests.conftest import region_id
from tests.db.services.conftest import fingerprint

ADMIN = Actor("local", "admin", "本机用户")


def loaded(db: Database) -> CampaignSettings:
    with db.session() as s:
        return load_settings(s)


def audit_count(db: Database) -> int:
    with db.session() as s:
        return int(s.execute(select(func.count()).select_from(AuditEntry)).scalar_one())


def refused(db: Database, new: CampaignSettings, actor: Actor = ADMIN) -> ValidationError:
    before = fingerprint(db)
    with pytest.raises(ValidationError) as info:
        save_settings(db, actor, new)
    assert fingerprint(db) == before  # nothing written, not even an audit entry
    return info.value


def test_load_gives_the_plan_defaults(db: Database) -> None:
    s = loaded(db)
    assert s.org_name == "随州市教育局" and s.year == 2022
    assert [p.code for p in s.phases] == ["mobilisation", "rollout", "deepening",
                                          "consolidation"]
    assert s.phases[0].starts_on == date(2022, 5, 15)
    assert s.deadlines["deadline.on_site"] == 5
    assert s.quotas["quota.bureau_leader.strong_problems_max"] == 2
    assert s.backup_folder == "" and s.backup_keep == 30


def test_round_trip_is_stored_and_audited(db: Database, tmp_path: Path) -> None:
    old = loaded(db)
    phases = (PhaseDates("mobilisation", date(2022, 5, 10), date(2022, 5, 31)),
              *old.phases[1:])
    new = old.with_changes(
        org_name="随县教育局", phases=phases,
        quotas=dict(old.quotas, **{"quota.leadership.projects_min": 2}),
        deadlines=dict(old.deadlines, **{"deadline.supervised": 15}),
        extra_holidays=(date(2031, 10, 2),), extra_workdays=(date(2031, 10, 11),),
        vocab_extra=dict(old.vocab_extra, area=(Term("x_1", "心理健康", "Mental health"),)),
        backup_folder=str(tmp_path / "备份"), backup_keep=10)
    entries = audit_count(db)
    changed = save_settings(db, ADMIN, new)
    assert set(changed) >= {"org.name", "phase.mobilisation", "campaign",
                            "quota.leadership.projects_min", "deadline.supervised",
                            "calendar.extra_holidays", "vocab.extra.area", BACKUP_FOLDER_KEY}
    assert loaded(db) == new
    assert audit_count(db) == entries + len(changed)
    with db.session() as s:
        entry = s.execute(select(AuditEntry).where(AuditEntry.table_name == "phase")
                          .order_by(AuditEntry.seq.desc())).scalars().first()  # type: ignore[union-attr]
        assert entry is not None and entry.username == "local"
        assert json.loads(entry.before)["starts_on"] == "2022-05-15"
        assert json.loads(entry.after)["starts_on"] == "2022-05-10"
        assert get_setting(s, "org.name") == "随县教育局"
        assert backup_target(s, tmp_path / "default") == (tmp_path / "备份", 10)
        # The calendar and the vocabulary lookups read the new values.
        cal = WorkCalendar.from_session(s)
        assert not cal.is_workday(date(2031, 10, 2)) and cal.is_workday(date(2031, 10, 11))
        assert label(s, "area", "x_1") == "心理健康"
    # Saving the same again changes nothing and writes no audit entry.
    assert save_settings(db, ADMIN, new) == []
    assert audit_count(db) == entries + len(changed)


def test_a_phase_ending_before_it_starts_is_refused(db: Database) -> None:
    old = loaded(db)
    bad = (old.phases[0], PhaseDates("rollout", date(2022, 6, 1), date(2022, 5, 20)),
           *old.phases[2:])
    error = refused(db, old.with_changes(phases=bad, org_name="另一个名字"))
    [message] = error.for_field("phase.rollout")
    assert "早于开始日期" in message and "请把结束日期改到开始日期之后" in message
    assert loaded(db) == old  # the good change in the same save was not kept either


def test_overlapping_phases_are_refused(db: Database) -> None:
    old = loaded(db)
    bad = (old.phases[0], PhaseDates("rollout", date(2022, 5, 30), date(2022, 6, 30)),
           *old.phases[2:])
    assert "不能重叠" in refused(db, old.with_changes(phases=bad)).for_field("phase.rollout")[0]


@pytest.mark.parametrize("key", ["deadline.on_site", "deadline.due_soon_days"])
def test_a_deadline_of_zero_days_is_refused(db: Database, key: str) -> None:
    old = loaded(db)
    error = refused(db, old.with_changes(deadlines=dict(old.deadlines, **{key: 0})))
    [message] = error.for_field(key)
    assert "1 至 250 个工作日" in message and "请修改" in message


def test_quota_max_below_min_is_refused(db: Database) -> None:
    old = loaded(db)
    quotas = dict(old.quotas, **{"quota.bureau_leader.strong_problems_min": 3})
    error = refused(db, old.with_changes(quotas=quotas))
    assert "最多数量" in error.for_field("quota.bureau_leader.strong_problems_max")[0]


def test_a_backup_folder_that_cannot_be_written_is_refused(db: Database,
                                                           tmp_path: Path) -> None:
    blocker = tmp_path / "a-file.txt"
    blocker.write_text("x")
    error = refused(db, loaded(db).with_changes(backup_folder=str(blocker / "backups")))
    [message] = error.for_field("backup_folder")
    assert "是一个文件，不是文件夹" in message and "请另选一个文件夹" in message
    assert "完整路径" in (backup_folder_problem("relative/folder") or "")
    assert backup_folder_problem(str(tmp_path / "new" / "deeper")) is None
    assert not (tmp_path / "new").exists()  # checking creates no folder


def test_a_holiday_that_is_also_a_working_day_is_refused(db: Database) -> None:
    day = date(2031, 10, 3)
    error = refused(db, loaded(db).with_changes(extra_holidays=(day,), extra_workdays=(day,)))
    assert "2031-10-03" in error.for_field("calendar")[0]


def test_only_administrators_change_settings(db: Database) -> None:
    new = loaded(db).with_changes(org_name="改名")
    before = fingerprint(db)
    for actor in (Actor("clerk", "clerk", "录入员"), Actor("boss", "leader", "李局长")):
        with pytest.raises(PermissionDenied, match="只能由管理员修改"):
            save_settings(db, actor, new)
    assert fingerprint(db) == before
    # Once accounts exist, the stored account counts: a demoted administrator is refused
    # even if the window still holds an administrator's actor.
    admin = create_first_admin(db, "wangli", "王丽", "Suizhou2022")
    wangli = Actor("wangli", "admin", "王丽")
    assert save_settings(db, wangli, new) == ["org.name"]
    from db.services.accounts import UserInput, create_user

    other = create_user(db, wangli,
                        UserInput("zhao", "赵", "admin", "Suizhou2023"))
    update_user(db, Actor("zhao", "admin", "赵"), admin.id,
                UserChanges(display_name="王丽", role="clerk"), admin.version)
    with pytest.raises(PermissionDenied):
        save_settings(db, wangli, new.with_changes(org_name="再改"))
    assert save_settings(db, Actor(other.username, "admin", "赵"),
                         new.with_changes(org_name="再改")) == ["org.name"]


def test_vocabulary_additions_keep_stored_codes(db: Database) -> None:
    old = loaded(db)
    added = old.with_changes(vocab_extra={"area": (Term("x_1", "心理健康", "Mental health"),)})
    save_settings(db, ADMIN, added)
    # A problem may now use the new code; the lookup labels it.
    problem = create_problem(db, SYSTEM, ProblemInput(
        reported_on=date.today() - timedelta(days=1), source_channel="petition",
        reporter_type="parent", area="x_1", category="health", description="学生心理辅导不足",
        region_id=region_id(db, "zengdu")))
    with db.session() as s:
        assert s.get(Problem, problem.id).area == "x_1"  # type: ignore[union-attr]
        assert vocabulary(s, "area").codes()[-1] == "x_1"
    # Removing or renaming the stored term is refused; adding a second one is fine.
    error = refused(db, added.with_changes(vocab_extra={"area": ()}))
    assert "不能删除" in error.for_field("vocab.area")[0]
    error = refused(db, added.with_changes(
        vocab_extra={"area": (Term("x_1", "心理问题", "Psychology"),)}))
    assert "不能改名" in error.for_field("vocab.area")[0]
    error = refused(db, added.with_changes(vocab_extra={"area": (
        Term("x_1", "心理健康", "Mental health"), Term("enrolment", "招生", "Admissions"))}))
    assert "以 x_ 开头" in error.for_field("vocab.area")[0]
    error = refused(db, added.with_changes(vocab_extra={"area": (
        Term("x_1", "心理健康", "Mental health"), Term("x_1", "校车", "School bus"))}))
    assert "重复" in error.for_field("vocab.area")[0]
    error = refused(db, added.with_changes(vocab_extra={"area": (
        Term("x_1", "心理健康", "Mental health"), Term("x_2", "入学", "Enrolment 2"))}))
    assert "已经有了" in error.for_field("vocab.area")[0]
    # An unknown code is still refused by the problem service.
    with pytest.raises(ValidationError, match="问题领域“x_9”不在可选范围内"):
        create_problem(db, SYSTEM, ProblemInput(
            reported_on=date.today(), source_channel="petition", reporter_type="parent",
            area="x_9", category="health", description="未知领域",
            region_id=region_id(db, "zengdu")))


def test_backup_settings_stay_on_this_pc() -> None:
    assert not exportable_setting(BACKUP_FOLDER_KEY)
    assert exportable_setting("vocab.extra.area") and exportable_setting("deadline.on_site")


# -- the setup file from the bureau -----------------------------------------------------------


@pytest.fixture
def bureau(db: Database, tmp_path: Path) -> Database:
    """The city bureau (the suite's SZ) with a unit, a changed deadline and an added area."""
    with db.transaction() as s:
        s.add(Unit(name="随县第一中学", kind="school", region_id=region_id(db, "suixian"),
                   site="SZ"))
    old = loaded(db)
    save_settings(db, ADMIN, old.with_changes(
        org_name="随州市教育局（测试）", deadlines=dict(old.deadlines, **{"deadline.on_site": 7}),
        vocab_extra={"area": (Term("x_1", "心理健康", "Mental health"),)}))
    return db


def test_a_setup_file_makes_the_school_a_site_under_its_bureau(
        bureau: Database, tmp_path: Path) -> None:
    out = write_setup_file(bureau, "sx01", "随县第一中学", "school", tmp_path / "out",
                           key_dir=tmp_path / "bureau-keys")
    assert out.name == "SZ-setup-SX01.mqsetup"
    assert list_peers(bureau) == []  # the provisional peer is gone again
    setup = read_setup_file(out)
    assert (setup.code, setup.level, setup.sender.code) == ("SX01", "school", "SZ")
    school = open_database(tmp_path / "school.db")
    try:
        report = apply_setup_file(school, setup)
        assert report.applied
        with school.session() as s:
            assert s.execute(select(Unit.name)).scalars().all() == ["随县第一中学"]
            assert get_setting(s, "deadline.on_site") == 7
            assert get_setting(s, "org.name") == "随州市教育局（测试）"
            assert label(s, "area", "x_1") == "心理健康"
            assert s.execute(select(func.count()).select_from(Phase)).scalar_one() == 4
        [peer] = list_peers(school)
        assert peer.code == "SZ" and peer.fingerprint == setup.sender.fingerprint
    finally:
        school.dispose()


def test_a_tampered_setup_file_is_refused(bureau: Database, tmp_path: Path) -> None:
    out = write_setup_file(bureau, "SX01", "随县第一中学", "school", tmp_path / "out",
                           key_dir=tmp_path / "bureau-keys")
    # Another identity (another key) with the genuine package: the signature does not match.
    with zipfile.ZipFile(out) as zf:
        parts = {name: zf.read(name) for name in zf.namelist()}
    other = tmp_path / "other.db"
    other_db = open_database(other)
    with other_db.transaction() as s:
        initialize_site(s, SiteSetup(code="SZ", name="假冒的教育局", level="city"))
    from db.exchange import export_identity

    parts["sender.mqid"] = export_identity(other_db, key_dir=tmp_path / "other-keys")
    other_db.dispose()
    forged = tmp_path / "forged.mqsetup"
    with zipfile.ZipFile(forged, "w") as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    school = open_database(tmp_path / "school.db")
    try:
        with pytest.raises(ExchangeError, match="签名无效"):
            apply_setup_file(school, read_setup_file(forged))
        with school.session() as s:
            assert s.execute(select(func.count()).select_from(Unit)).scalar_one() == 0
    finally:
        school.dispose()
    not_setup = tmp_path / "notes.mqsetup"
    not_setup.write_text("hello")
    with pytest.raises(ExchangeError, match="不是民情台账的开站设置文件"):
        read_setup_file(not_setup)


# -- escalation, response rate and attachments -----------------------------------------------


def test_escalation_response_and_attachment_settings_round_trip(db: Database,
                                                                tmp_path: Path) -> None:
    from db.queries.rates import response_workdays
    from db.services.evidence import max_bytes

    old = loaded(db)
    assert old.escalation == {"escalation.supervision_after_workdays": 3,
                              "escalation.criticism_after_workdays": 5}
    assert (old.response_workdays, old.attachment_max_mb) == (5, 20)
    new = old.with_changes(
        escalation={"escalation.supervision_after_workdays": 4,
                    "escalation.criticism_after_workdays": 10},
        response_workdays=0, attachment_max_mb=50)
    entries = audit_count(db)
    changed = save_settings(db, ADMIN, new)
    assert set(changed) == {"escalation.supervision_after_workdays",
                            "escalation.criticism_after_workdays", "rates.response_workdays",
                            "attachment.max_mb"}
    assert audit_count(db) == entries + 4
    assert loaded(db) == new
    with db.session() as s:  # the services read what was saved
        assert get_setting(s, "escalation.criticism_after_workdays") == 10
        assert response_workdays(s) == 0
        assert max_bytes(s) == 50 * 1024 * 1024
    assert save_settings(db, ADMIN, new) == []  # unchanged: nothing written


@pytest.mark.parametrize(("changes", "field", "says"), [
    ({"escalation": {"escalation.supervision_after_workdays": 0,
                     "escalation.criticism_after_workdays": 5}},
     "escalation.supervision_after_workdays", "1 至 60 个工作日"),
    ({"escalation": {"escalation.supervision_after_workdays": 3,
                     "escalation.criticism_after_workdays": 61}},
     "escalation.criticism_after_workdays", "督办后列入通报前等待的工作日"),
    ({"response_workdays": -1}, "rates.response_workdays", "0 至 60 个工作日"),
    ({"attachment_max_mb": 0}, "attachment.max_mb", "1 至 200 MB"),
    ({"attachment_max_mb": True}, "attachment.max_mb", "请修改"),
])
def test_escalation_response_and_attachment_refusals(db: Database, changes: dict[str, object],
                                                     field: str, says: str) -> None:
    old = loaded(db)
    error = refused(db, old.with_changes(org_name="另一个名字", **changes))
    [message] = error.for_field(field)
    assert says in message
    assert loaded(db) == old
