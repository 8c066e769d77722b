"""User accounts: argon2id hashing, sign-in with counting and lockout, the password rules, the
administrator's account management, "remember me", and what reaches the audit log."""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from argon2 import PasswordHasher, Type, extract_parameters
from sqlalchemy import select

from db.audit import SYSTEM, Actor, verify_chain
from db.engine import Database
from db.errors import PermissionDenied, RuleError, ValidationError
from db.models import AuditEntry, Region, Setting, User
from db.services import UnitInput, accounts, create_unit
from db.services.accounts import (
    LOCKOUT,
    MAX_FAILED_LOGINS,
    LoginRefused,
    UserChanges,
    UserInput,
    actor_for,
    authenticate,
    authenticate_token,
    change_password,
    create_first_admin,
    create_user,
    deactivate_user,
    has_users,
    issue_remember_token,
    password_problem,
    reactivate_user,
    reset_password,
    update_user,
)

ADMIN_PW = "Admin-pass-2026"
CLERK_PW = "clerk-Secret-77"
FAST = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)  # argon2id, test speed only
PRODUCTION = accounts.HASHER


class Clock:
    """A clock the test moves by hand, so lockouts expire without sleeping."""

    def __init__(self) -> None:
        self.now = datetime(2026, 6, 1, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, delta: timedelta) -> None:
        self.now += delta


@pytest.fixture(autouse=True)
def fast_hasher(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(accounts, "HASHER", FAST)


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def admin(db: Database) -> Actor:
    return actor_for(create_first_admin(db, "admin", "系统管理员", ADMIN_PW))


@pytest.fixture
def clerk(db: Database, admin: Actor) -> User:
    return create_user(db, admin, UserInput("wangclerk", "王录入", "clerk", CLERK_PW))


def school_unit(db: Database) -> object:
    with db.session() as s:
        region = s.execute(select(Region.id).where(Region.code == "zengdu")).scalar_one()
    return create_unit(db, SYSTEM, UnitInput("第一中学", "school", region)).id


def login_entries(db: Database) -> list[AuditEntry]:
    with db.session() as s:
        return list(s.execute(select(AuditEntry).where(AuditEntry.action == "login")
                              .order_by(AuditEntry.seq)).scalars())  # type: ignore[arg-type]


def stored(db: Database, username: str) -> User:
    with db.session() as s:
        return s.execute(select(User).where(User.username == username)).scalar_one()


# -- hashing ---------------------------------------------------------------------------------


def test_production_hasher_is_argon2id_within_budget() -> None:
    """The real parameters: argon2id, and one check well under 0.5 s (best of three, so a
    busy machine does not fail the suite)."""
    digest = PRODUCTION.hash("a-Password-1")
    params = extract_parameters(digest)
    assert digest.startswith("$argon2id$") and params.type is Type.ID
    assert params.memory_cost >= 19 * 1024 and params.time_cost >= 2  # OWASP minimums
    timings = []
    for _ in range(3):
        start = time.perf_counter()
        assert PRODUCTION.verify(digest, "a-Password-1")
        timings.append(time.perf_counter() - start)
    assert min(timings) < 0.5, timings


def test_one_authenticate_call_with_production_parameters(
        db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(accounts, "HASHER", PRODUCTION)
    create_first_admin(db, "admin", "系统管理员", ADMIN_PW)
    timings = []
    for _ in range(3):
        start = time.perf_counter()
        assert authenticate(db, "admin", ADMIN_PW).role == "admin"
        timings.append(time.perf_counter() - start)
    print(f"authenticate() with production parameters: {[round(t, 3) for t in timings]} s")
    assert min(timings) < 0.5, timings


def test_stored_hash_is_argon2id_and_verifies(db: Database, admin: Actor) -> None:
    user = stored(db, "admin")
    assert user.password_hash.startswith("$argon2id$")
    assert ADMIN_PW not in user.password_hash
    assert FAST.verify(user.password_hash, ADMIN_PW)


def test_hash_is_upgraded_when_parameters_change(db: Database, admin: Actor,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    old = stored(db, "admin").password_hash
    stronger = PasswordHasher(time_cost=2, memory_cost=16, parallelism=1)
    monkeypatch.setattr(accounts, "HASHER", stronger)
    authenticate(db, "admin", ADMIN_PW)
    new = stored(db, "admin").password_hash
    assert new != old and not stronger.check_needs_rehash(new)
    assert extract_parameters(new).time_cost == 2
    authenticate(db, "admin", ADMIN_PW)  # still signs in with the rewritten hash


# -- first administrator ---------------------------------------------------------------------


def test_first_admin_only_while_nobody_can_sign_in(db: Database) -> None:
    with db.session() as s:
        assert not has_users(s)
    user = create_first_admin(db, " Admin ", "系统管理员", ADMIN_PW)
    assert (user.username, user.role, user.can_view_care) == ("admin", "admin", True)
    with db.session() as s:
        assert has_users(s)
    with pytest.raises(PermissionDenied) as exc:
        create_first_admin(db, "other", "另一个", ADMIN_PW)
    assert "已有用户账号" in exc.value.message


def test_first_admin_claims_a_passwordless_demo_admin(db: Database) -> None:
    with db.transaction() as s:
        s.add(User(username="admin", display_name="系统管理员", role="admin", site="SZ"))
        s.add(User(username="clerk", display_name="录入员", role="clerk", site="SZ"))
    with db.session() as s:
        assert not has_users(s)  # accounts without a password cannot sign in
    with pytest.raises(LoginRefused) as exc:
        authenticate(db, "clerk", "whatever-1")
    assert exc.value.reason == "no_password"
    create_first_admin(db, "admin", "管理员", ADMIN_PW)
    assert authenticate(db, "ADMIN", ADMIN_PW).display_name == "管理员"
    with db.session() as s:
        assert len(s.execute(select(User)).all()) == 2


def test_first_admin_validates_every_field(db: Database) -> None:
    with pytest.raises(ValidationError) as exc:
        create_first_admin(db, "", "", "1234")
    assert {e.field for e in exc.value.errors} == {"username", "display_name", "password"}
    with pytest.raises(ValidationError) as exc:
        create_first_admin(db, "system", "系统", ADMIN_PW)
    assert "保留" in exc.value.for_field("username")[0]


# -- password rules --------------------------------------------------------------------------


@pytest.mark.parametrize("password, words", [
    ("short1", "至少需要 8 个字符"),
    ("12345678", "不能全是数字"),
    ("20260601123", "不能全是数字"),
    ("WangClerk", "不能与用户名相同"),
    ("x" * 200, "最多 128 个字符"),
])
def test_password_rules_name_the_rule(password: str, words: str) -> None:
    problem = password_problem(password, "wangclerk")
    assert problem is not None and words in problem


@pytest.mark.parametrize("password", ["abcdefgh", "1234567a", "王录入的密码很长了", "wangclerk!"])
def test_good_passwords_pass(password: str) -> None:
    assert password_problem(password, "wangclerk") is None


def test_create_user_refuses_weak_password_with_field(db: Database, admin: Actor) -> None:
    with pytest.raises(ValidationError) as exc:
        create_user(db, admin, UserInput("lisi", "李四", "viewer", "lisi"))
    assert exc.value.for_field("password")[0].startswith("密码至少需要 8 个字符")


# -- sign-in, counting, lockout --------------------------------------------------------------


def test_login_returns_the_actor(db: Database, admin: Actor) -> None:
    unit = school_unit(db)
    create_user(db, admin, UserInput("yizhong", "一中", "school", CLERK_PW, unit_id=unit,  # type: ignore[arg-type]
                                     can_view_care=True))
    actor = authenticate(db, "YiZhong ", CLERK_PW)
    assert actor == Actor("yizhong", "school", "一中", unit, True)  # type: ignore[arg-type]


def test_wrong_passwords_count_then_lock_for_15_minutes(db: Database, clerk: User,
                                                        clock: Clock) -> None:
    for attempt in range(1, MAX_FAILED_LOGINS):
        with pytest.raises(LoginRefused) as exc:
            authenticate(db, "wangclerk", "wrong-password", clock=clock)
        left = MAX_FAILED_LOGINS - attempt
        assert exc.value.reason == "wrong" and exc.value.attempts_left == left
        assert f"再输错 {left} 次" in exc.value.message
        assert stored(db, "wangclerk").failed_logins == attempt
    with pytest.raises(LoginRefused) as exc:
        authenticate(db, "wangclerk", "wrong-password", clock=clock)
    assert exc.value.reason == "locked"
    assert exc.value.locked_until == clock.now + LOCKOUT
    local = (clock.now + LOCKOUT).astimezone().strftime("%Y-%m-%d %H:%M")
    assert f"锁定至 {local}" in exc.value.message
    # While locked even the right password is refused, and the lock does not grow.
    clock.advance(timedelta(minutes=14))
    with pytest.raises(LoginRefused) as exc:
        authenticate(db, "wangclerk", CLERK_PW, clock=clock)
    assert exc.value.reason == "locked" and exc.value.locked_until == clock.now + timedelta(
        minutes=1)


def test_lock_expires(db: Database, clerk: User, clock: Clock) -> None:
    for _ in range(MAX_FAILED_LOGINS):
        with pytest.raises(LoginRefused):
            authenticate(db, "wangclerk", "wrong-password", clock=clock)
    clock.advance(LOCKOUT + timedelta(seconds=1))
    assert authenticate(db, "wangclerk", CLERK_PW, clock=clock).username == "wangclerk"
    user = stored(db, "wangclerk")
    assert (user.failed_logins, user.locked_until) == (0, None)


def test_expired_lock_starts_a_fresh_count(db: Database, clerk: User, clock: Clock) -> None:
    for _ in range(MAX_FAILED_LOGINS):
        with pytest.raises(LoginRefused):
            authenticate(db, "wangclerk", "wrong-password", clock=clock)
    clock.advance(LOCKOUT)
    with pytest.raises(LoginRefused) as exc:
        authenticate(db, "wangclerk", "wrong-password", clock=clock)
    assert exc.value.attempts_left == MAX_FAILED_LOGINS - 1


def test_success_resets_the_counter(db: Database, clerk: User, clock: Clock) -> None:
    for _ in range(MAX_FAILED_LOGINS - 1):
        with pytest.raises(LoginRefused):
            authenticate(db, "wangclerk", "wrong-password", clock=clock)
    authenticate(db, "wangclerk", CLERK_PW, clock=clock)
    assert stored(db, "wangclerk").failed_logins == 0
    with pytest.raises(LoginRefused) as exc:
        authenticate(db, "wangclerk", "wrong-password", clock=clock)
    assert exc.value.attempts_left == MAX_FAILED_LOGINS - 1


def test_unknown_user_is_refused_like_a_wrong_password(db: Database, admin: Actor,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    checked: list[str] = []

    class Spy(PasswordHasher):
        def verify(self, hash: str | bytes, password: str | bytes) -> bool:
            checked.append(str(hash))
            return super().verify(hash, password)

    monkeypatch.setattr(accounts, "HASHER", Spy(time_cost=1, memory_cost=8, parallelism=1))
    with pytest.raises(LoginRefused) as exc:
        authenticate(db, "nobody", "some-password")
    assert exc.value.reason == "wrong" and "用户名或密码不正确" in exc.value.message
    # A hash was still checked (a dummy one), so the time taken does not give the name away.
    assert len(checked) == 1 and checked[0].startswith("$argon2id$")


def test_empty_fields_are_asked_for(db: Database) -> None:
    with pytest.raises(ValidationError) as exc:
        authenticate(db, "  ", "")
    assert exc.value.for_field("username") == ["请输入用户名"]
    assert exc.value.for_field("password") == ["请输入密码"]


def test_inactive_user_refused(db: Database, admin: Actor, clerk: User) -> None:
    deactivate_user(db, admin, clerk.id)
    with pytest.raises(LoginRefused) as exc:
        authenticate(db, "wangclerk", CLERK_PW)
    assert exc.value.reason == "inactive" and "已停用" in exc.value.message
    # A wrong password on an inactive account says nothing about the account's state.
    with pytest.raises(LoginRefused) as exc:
        authenticate(db, "wangclerk", "wrong-password")
    assert exc.value.reason == "wrong"
    reactivate_user(db, admin, clerk.id)
    assert authenticate(db, "wangclerk", CLERK_PW).role == "clerk"


# -- account management ----------------------------------------------------------------------


def test_reset_by_admin_works_and_unlocks(db: Database, admin: Actor, clerk: User,
                                          clock: Clock) -> None:
    for _ in range(MAX_FAILED_LOGINS):
        with pytest.raises(LoginRefused):
            authenticate(db, "wangclerk", "wrong-password", clock=clock)
    reset_password(db, admin, clerk.id, "brand-new-pass")
    assert authenticate(db, "wangclerk", "brand-new-pass", clock=clock).role == "clerk"
    with pytest.raises(LoginRefused):
        authenticate(db, "wangclerk", CLERK_PW, clock=clock)


def test_reset_by_clerk_is_refused(db: Database, clerk: User) -> None:
    clerk_actor = actor_for(clerk)
    before = stored(db, "admin").password_hash
    admin_id = stored(db, "admin").id
    with pytest.raises(PermissionDenied) as exc:
        reset_password(db, clerk_actor, admin_id, "taken-over-1")
    assert "录入员" in exc.value.message and "管理员" in exc.value.message
    assert stored(db, "admin").password_hash == before


def test_a_forged_or_stale_admin_actor_is_refused(db: Database, admin: Actor,
                                                  clerk: User) -> None:
    """The actor is checked against the stored account: calling oneself admin is not enough,
    and an administrator demoted meanwhile cannot keep managing accounts."""
    forged = Actor("wangclerk", "admin", "王录入")
    with pytest.raises(PermissionDenied):
        create_user(db, forged, UserInput("mole", "内鬼", "admin", "mole-pass-1"))
    second = create_user(db, admin, UserInput("admin2", "第二管理员", "admin", ADMIN_PW))
    update_user(db, admin, second.id, UserChanges("第二管理员", "viewer"), second.version)
    with pytest.raises(PermissionDenied):
        reset_password(db, actor_for(second), clerk.id, "taken-over-1")


def test_admin_only_for_create_and_update(db: Database, clerk: User) -> None:
    for role in ("clerk", "leader", "school", "viewer"):
        actor = Actor(f"x{role}", role)
        with pytest.raises(PermissionDenied):
            create_user(db, actor, UserInput("newone", "新人", "viewer", "new-pass-1"))
        with pytest.raises(PermissionDenied):
            update_user(db, actor, clerk.id, UserChanges("改名", "admin"), clerk.version)
        with pytest.raises(PermissionDenied):
            deactivate_user(db, actor, clerk.id)


def test_school_user_needs_a_unit_and_role_from_vocab(db: Database, admin: Actor) -> None:
    with pytest.raises(ValidationError) as exc:
        create_user(db, admin, UserInput("school1", "一中", "school", CLERK_PW))
    assert "学校用户必须选择所属学校" in exc.value.for_field("unit_id")[0]
    with pytest.raises(ValidationError) as exc:
        create_user(db, admin, UserInput("boss", "老板", "superuser", CLERK_PW))
    assert exc.value.for_field("role")


def test_username_is_unique_ignoring_case(db: Database, admin: Actor, clerk: User) -> None:
    with pytest.raises(ValidationError) as exc:
        create_user(db, admin, UserInput("WangClerk", "另一个王", "viewer", "viewer-pass-1"))
    assert "已被使用" in exc.value.for_field("username")[0]


def test_last_admin_cannot_be_deactivated_or_demoted(db: Database, admin: Actor,
                                                     clerk: User) -> None:
    admin_row = stored(db, "admin")
    with pytest.raises(RuleError):
        deactivate_user(db, admin, admin_row.id)  # oneself
    with pytest.raises(RuleError) as exc:
        update_user(db, admin, admin_row.id, UserChanges("管理员", "clerk"), admin_row.version)
    assert "唯一可用的管理员" in exc.value.message
    second = create_user(db, admin, UserInput("admin2", "第二管理员", "admin", ADMIN_PW))
    deactivate_user(db, actor_for(second), admin_row.id)
    assert not stored(db, "admin").active


def test_change_own_password(db: Database, clerk: User, clock: Clock) -> None:
    me = actor_for(clerk)
    with pytest.raises(ValidationError) as exc:
        change_password(db, me, CLERK_PW, "12345678")
    assert "不能全是数字" in exc.value.for_field("new_password")[0]
    with pytest.raises(LoginRefused) as refused:
        change_password(db, me, "not-my-password", "another-pass-1", clock=clock)
    assert "原密码不正确" in refused.value.message
    assert stored(db, "wangclerk").failed_logins == 1  # counted like a wrong sign-in
    change_password(db, me, CLERK_PW, "another-pass-1", clock=clock)
    assert authenticate(db, "wangclerk", "another-pass-1", clock=clock).username == "wangclerk"


# -- audit -----------------------------------------------------------------------------------


def test_logins_are_audited_without_the_password(db: Database, admin: Actor, clerk: User,
                                                  clock: Clock) -> None:
    secret_wrong = "Wrong-Guess-4711"
    authenticate(db, "wangclerk", CLERK_PW, clock=clock)
    with pytest.raises(LoginRefused):
        authenticate(db, "wangclerk", secret_wrong, clock=clock)
    with pytest.raises(LoginRefused):
        authenticate(db, "nosuchuser", secret_wrong, clock=clock)
    # Someone types their password into the username box: it must not land in the log.
    with pytest.raises(LoginRefused):
        authenticate(db, CLERK_PW, CLERK_PW, clock=clock)
    reset_password(db, admin, clerk.id, "Reset-Pass-0815")
    change_password(db, actor_for(clerk), "Reset-Pass-0815", "Changed-Pass-2718", clock=clock)

    entries = login_entries(db)
    summaries = [(e.username, e.summary) for e in entries]
    assert ("admin", "登录成功") not in summaries  # the fixture created, not signed in
    assert summaries[0] == ("wangclerk", "登录成功")
    assert summaries[1][0] == "wangclerk" and "密码错误" in summaries[1][1]
    assert summaries[2][0] == "anonymous" and "用户名不存在" in summaries[2][1]
    assert all(e.table_name == "app_user" for e in entries)
    assert entries[0].record_id == str(clerk.id)

    # Search every column of every row of the audit table for the passwords and hashes.
    hashes = [u.password_hash for u in (stored(db, "admin"), stored(db, "wangclerk"))]
    needles = [ADMIN_PW, CLERK_PW, secret_wrong, "Reset-Pass-0815", "Changed-Pass-2718",
               *hashes, "password_hash"]
    assert db.path is not None
    conn = sqlite3.connect(db.path)
    try:
        rows = conn.execute("SELECT * FROM audit_entry").fetchall()
    finally:
        conn.close()
    assert len(rows) >= 8
    for row in rows:
        for value in row:
            for needle in needles:
                assert needle not in str(value), (needle, row)
    with db.session() as s:
        assert verify_chain(s) == []


def test_account_changes_are_audited(db: Database, admin: Actor, clerk: User) -> None:
    with db.session() as s:
        entries = list(s.execute(select(AuditEntry).where(
            AuditEntry.record_id == str(clerk.id))).scalars())
    create = next(e for e in entries if e.action == "create")
    after = json.loads(create.after)
    assert after["username"] == "wangclerk" and "password_hash" not in after
    assert create.username == "admin"


# -- remember me -----------------------------------------------------------------------------


def test_remember_token_works_for_clerk(db: Database, clerk: User, clock: Clock) -> None:
    token = issue_remember_token(db, clerk, clock=clock)
    with db.session() as s:
        row = s.execute(select(Setting).where(
            Setting.key == "accounts.remember.wangclerk")).scalar_one()  # type: ignore[arg-type]
    assert token not in row.value  # only the digest is stored
    data = json.loads(row.value)
    assert data["user_id"] == str(clerk.id) and len(data["sha256"]) == 64
    actor = authenticate_token(db, "wangclerk", token, clock=clock)
    assert actor == actor_for(clerk)
    assert login_entries(db)[-1].summary == "登录成功（记住我）"
    with pytest.raises(LoginRefused) as exc:
        authenticate_token(db, "wangclerk", token + "x", clock=clock)
    assert exc.value.reason == "token"


def test_remember_token_expires_after_30_days(db: Database, clerk: User, clock: Clock) -> None:
    token = issue_remember_token(db, clerk, clock=clock)
    clock.advance(timedelta(days=29))
    authenticate_token(db, "wangclerk", token, clock=clock)
    clock.advance(timedelta(days=1))
    with pytest.raises(LoginRefused) as exc:
        authenticate_token(db, "wangclerk", token, clock=clock)
    assert "过期" in exc.value.message


@pytest.mark.parametrize("role", ["admin", "leader"])
def test_remember_token_refused_for_admin_and_leader(db: Database, admin: Actor,
                                                     role: str) -> None:
    user = create_user(db, admin, UserInput(f"the{role}", "某人", role, ADMIN_PW))
    with pytest.raises(PermissionDenied) as exc:
        issue_remember_token(db, user)
    assert "不能“记住我”" in exc.value.message


def test_remember_token_revoked_after_password_change(db: Database, admin: Actor,
                                                      clerk: User) -> None:
    token = issue_remember_token(db, clerk)
    change_password(db, actor_for(clerk), CLERK_PW, "another-pass-1")
    with pytest.raises(LoginRefused):
        authenticate_token(db, "wangclerk", token)
    token = issue_remember_token(db, clerk)
    reset_password(db, admin, clerk.id, "reset-by-admin-1")
    with pytest.raises(LoginRefused):
        authenticate_token(db, "wangclerk", token)


def test_remember_token_refused_when_role_raised_or_deactivated(db: Database, admin: Actor,
                                                                clerk: User) -> None:
    token = issue_remember_token(db, clerk)
    user = stored(db, "wangclerk")
    update_user(db, admin, clerk.id, UserChanges("王录入", "leader"), user.version)
    with pytest.raises(LoginRefused):
        authenticate_token(db, "wangclerk", token)
    user = stored(db, "wangclerk")
    update_user(db, admin, clerk.id, UserChanges("王录入", "clerk"), user.version)
    token = issue_remember_token(db, clerk)
    deactivate_user(db, admin, clerk.id)
    with pytest.raises(LoginRefused):
        authenticate_token(db, "wangclerk", token)


def test_remember_token_from_another_database_is_refused(db: Database, clerk: User) -> None:
    """A token row that arrived from elsewhere (e.g. in an exchange package) names another
    account id and signs nobody in here."""
    token = issue_remember_token(db, clerk)
    with db.transaction() as s:
        row = s.execute(select(Setting).where(
            Setting.key == "accounts.remember.wangclerk")).scalar_one()  # type: ignore[arg-type]
        data = json.loads(row.value)
        data["user_id"] = "00000000-0000-0000-0000-000000000000"
        row.value = json.dumps(data)
    with pytest.raises(LoginRefused):
        authenticate_token(db, "wangclerk", token)


def test_user_input_is_a_plain_value() -> None:
    data = UserInput("a", "b", "viewer", "pw-pw-pw-1")
    assert replace(data, role="clerk").role == "clerk"


@pytest.fixture(autouse=True)
def _no_password_in_logs(caplog: pytest.LogCaptureFixture) -> Iterator[None]:
    """Nothing any test here does may log a password."""
    yield
    text = caplog.text
    for secret in (ADMIN_PW, CLERK_PW, "Wrong-Guess-4711", "brand-new-pass"):
        assert secret not in text


def test_damaged_remember_record_reads_as_expired(db: Database, clerk: User) -> None:
    token = issue_remember_token(db, clerk)
    with db.transaction() as s:
        row = s.execute(select(Setting).where(
            Setting.key == "accounts.remember.wangclerk")).scalar_one()  # type: ignore[arg-type]
        row.value = "[1, 2"
    with pytest.raises(LoginRefused) as exc:
        authenticate_token(db, "wangclerk", token)
    assert exc.value.reason == "token"


def test_non_admin_learns_nothing_about_existing_usernames(db: Database, clerk: User) -> None:
    """Permission is checked before the fields, so a refusal does not say "name taken"."""
    with pytest.raises(PermissionDenied):
        create_user(db, actor_for(clerk), UserInput("admin", "", "viewer", "x"))
