"""User accounts: the first administrator, accounts kept by administrators, passwords, signing in
and "remember me".

Passwords are hashed with argon2id (argon2-cffi): 2 passes over 64 MiB in 2 lanes. Measured on
the development machine (2 cores, load average 4): median 0.14 s per check, median 0.25 s
(max 0.30 s) for a whole ``authenticate`` with its audit entry: inside the 0.5 s budget with
room for a slower office PC.
RFC 9106's "low memory" profile (3 passes, 4 lanes) took 0.24–0.40 s per check there, too close
to the budget; ours stays far above OWASP's floor (19 MiB, 2 passes). A stored hash made with
other parameters is rewritten at the next successful sign-in, so raising them later is safe.
Neither a password nor its hash ever reaches the log or the audit table: ``db.audit.snapshot``
omits ``password_hash`` and the sign-in entries carry a summary only.

Signing in is two short steps: read the account and check the password outside any transaction
(an argon2 check inside a SQLite write transaction would hold the writer for its whole duration),
then record the outcome — counter, lock, audit entry — in one transaction that is committed
*before* a refusal is raised, so a wrong password is counted even though the call fails.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from argon2 import PasswordHasher, Type
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import func, select
from sqlmodel import Session, col

from db.audit import SYSTEM, Actor, snapshot, write_audit
from db.engine import Database
from db.errors import AppError, PermissionDenied, RuleError
from db.models import Cadre, Setting, Unit, User, utcnow
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
from db.vocab import ROLES

Clock = Callable[[], datetime]

# Lockout: the 5th wrong password in a row locks the account for 15 minutes.
MAX_FAILED_LOGINS = 5
LOCKOUT = timedelta(minutes=15)

MIN_PASSWORD_LENGTH = 8
MAX_PASSWORD_LENGTH = 128  # argon2 takes any length; this only stops pasted garbage

# "Remember me": for the roles that work at one office PC all day. Administrators and leaders
# can change accounts or sign close-outs, so they always type their password.
REMEMBER_ROLES = frozenset({"clerk", "viewer", "school"})
REMEMBER_FOR = timedelta(days=30)
REMEMBER_PREFIX = "accounts.remember."

# Names that would make audit entries ambiguous: "system" is db.audit.SYSTEM, "anonymous" marks
# sign-in attempts with a username that does not exist.
RESERVED_USERNAMES = frozenset({SYSTEM.username, "anonymous"})
UNKNOWN_USER = "anonymous"

# The hasher in use. Tests replace it with a cheap one (and check that this one is argon2id).
HASHER = PasswordHasher(time_cost=2, memory_cost=64 * 1024, parallelism=2, hash_len=32,
                        salt_len=16, type=Type.ID)

_dummy_hashes: dict[str, str] = {}


def _dummy_hash() -> str:
    """A hash with the current parameters, checked against when the account does not exist, so
    an unknown username takes about as long as a wrong password (no timing oracle)."""
    key = f"{HASHER.type}/{HASHER.time_cost}/{HASHER.memory_cost}/{HASHER.parallelism}"
    if key not in _dummy_hashes:
        _dummy_hashes[key] = HASHER.hash(secrets.token_hex(16))
    return _dummy_hashes[key]


class LoginRefused(AppError):
    """Signing in failed. ``reason`` lets the dialog react (e.g. focus the password again):
    "wrong" (unknown user or wrong password), "locked", "inactive", "no_password", "token"."""

    def __init__(self, message: str, reason: str, *, attempts_left: int | None = None,
                 locked_until: datetime | None = None) -> None:
        super().__init__(message)
        self.reason = reason
        self.attempts_left = attempts_left
        self.locked_until = locked_until


@dataclass(frozen=True)
class UserInput:
    """A new account, as an administrator enters it."""

    username: str
    display_name: str
    role: str  # vocab.ROLES
    password: str
    unit_id: uuid.UUID | None = None  # required for a school user: the school it speaks for
    cadre_id: uuid.UUID | None = None
    can_view_care: bool = False


@dataclass(frozen=True)
class UserChanges:
    """What an administrator may change on an account. The username is fixed: audit entries and
    "remember me" are keyed by it."""

    display_name: str
    role: str
    unit_id: uuid.UUID | None = None
    cadre_id: uuid.UUID | None = None
    can_view_care: bool = False


# -- small helpers ---------------------------------------------------------------------------


def normalise_username(username: str) -> str:
    """Usernames are case-insensitive: "ZhangSan" and "zhangsan" are one account."""
    return (username or "").strip().lower()


def actor_for(user: User) -> Actor:
    return Actor(username=user.username, role=user.role, display_name=user.display_name,
                 unit_id=user.unit_id, can_view_care=user.can_view_care)


def has_users(session: Session) -> bool:
    """Whether anyone can sign in: a live, active account with a password.

    Accounts without a password (the demo data's, for instance) do not count, or a database
    holding only those could never be entered; the first administrator is created instead.
    """
    row = session.execute(select(col(User.id)).where(
        col(User.deleted_at).is_(None), col(User.active).is_(True),
        col(User.password_hash) != "").limit(1)).first()
    return row is not None


def password_problem(password: str, username: str = "") -> str | None:
    """The first password rule *password* breaks, in words naming the rule; None when fine.
    Pure, so a form can check as the user types."""
    if len(password) < MIN_PASSWORD_LENGTH:
        return (f"密码至少需要 {MIN_PASSWORD_LENGTH} 个字符，现在只有 {len(password)} 个，"
                "请加长")
    if len(password) > MAX_PASSWORD_LENGTH:
        return f"密码最多 {MAX_PASSWORD_LENGTH} 个字符，现在有 {len(password)} 个，请缩短"
    if password.isdigit():
        return "密码不能全是数字（如生日、电话号码），请加入字母或符号"
    if username and normalise_username(password) == normalise_username(username):
        return "密码不能与用户名相同，请换一个别人猜不到的密码"
    return None


def _check_password(e: Errors, field: str, password: str, username: str) -> None:
    problem = password_problem(password, username)
    if problem:
        e.add(field, problem)


def _check_username(e: Errors, s: Session, username: str) -> str:
    name = normalise_username(username)
    if not name:
        e.add("username", "请填写用户名")
    elif len(name) > 50:
        e.add("username", f"用户名最多 50 个字符，现在有 {len(name)} 个，请缩短")
    elif any(c.isspace() or not c.isprintable() for c in name):
        e.add("username", "用户名不能包含空格或不可见字符，请只用字母、数字或汉字")
    elif name in RESERVED_USERNAMES:
        e.add("username", f"“{name}”是系统保留的名字，请换一个用户名")
    else:
        # Unique across tombstoned rows too (the database's constraint covers them).
        clash = s.execute(select(col(User.id)).where(func.lower(User.username) == name)).first()
        if clash is not None:
            e.add("username", f"用户名“{name}”已被使用，请换一个用户名")
    return name


def _check_profile(e: Errors, s: Session, display_name: str, role: str,
                   unit_id: uuid.UUID | None, cadre_id: uuid.UUID | None) -> str:
    name = e.text("display_name", display_name, "姓名", max_len=50)
    e.code("role", role, ROLES)
    if unit_id is not None and find_live(s, Unit, unit_id) is None:
        e.add("unit_id", "所选单位不存在，请重新选择所属单位")
    elif role == "school" and unit_id is None:
        e.add("unit_id", "学校用户必须选择所属学校（只能看到和录入本单位的记录），请选择所属单位")
    if cadre_id is not None and find_live(s, Cadre, cadre_id) is None:
        e.add("cadre_id", "所选干部不存在，请重新选择对应的干部")
    return name


def _require_admin(s: Session, actor: Actor, what: str) -> None:
    """Account management is for administrators. The actor is checked against the stored
    account too, so a session opened before the administrator was demoted or deactivated
    cannot keep managing accounts. (SYSTEM is the application itself, e.g. the CLI.)"""
    if actor == SYSTEM:
        return
    refusal = PermissionDenied(
        f"您的角色（{ROLES.label(actor.role)}）无权{what}。用户账号只能由管理员维护，请联系管理员。")
    if actor.role != "admin":
        raise refusal
    user = _by_username(s, actor.username)
    if user is None or not user.active or user.role != "admin":
        raise refusal


def _by_username(s: Session, username: str) -> User | None:
    name = normalise_username(username)
    if not name:
        return None
    return s.execute(select(User).where(
        func.lower(User.username) == name,
        col(User.deleted_at).is_(None))).scalar_one_or_none()


def _active_admins(s: Session) -> int:
    return int(s.execute(select(func.count()).select_from(User).where(
        col(User.role) == "admin", col(User.active).is_(True),
        col(User.deleted_at).is_(None), col(User.password_hash) != "")).scalar_one())


def _refuse_losing_last_admin(s: Session, user: User) -> None:
    if user.role == "admin" and user.active and user.password_hash and _active_admins(s) <= 1:
        raise RuleError(
            f"“{user.display_name}”是唯一可用的管理员，不能停用或改为其他角色，否则没有人能维护账号。"
            "请先新建或指定另一名管理员。")


def _local(moment: datetime) -> str:
    """A moment as the clerk's wall clock shows it."""
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


# -- accounts --------------------------------------------------------------------------------


def create_first_admin(db: Database, username: str, display_name: str, password: str) -> User:
    """The first administrator, when nobody can sign in yet (``has_users`` is false).

    A password-less administrator account of that name (demo data) is given the password
    instead of creating a second one.
    """
    with db.transaction() as s:
        if has_users(s):
            raise PermissionDenied(
                "已有用户账号，不能再从登录界面创建管理员。请用已有的管理员账号登录后在“用户管理”中新建。")
        e = Errors()
        existing = _by_username(s, username)
        if existing is not None and existing.role == "admin" and not existing.password_hash:
            name = existing.username
        else:
            existing = None
            name = _check_username(e, s, username)
        display = e.text("display_name", display_name, "姓名", max_len=50)
        _check_password(e, "password", password, name)
        e.raise_if_any()
        if existing is not None:
            before = snapshot(existing)
            existing.password_hash = HASHER.hash(password)
            existing.display_name, existing.active = display, True
            existing.failed_logins, existing.locked_until = 0, None
            touch(existing)
            audit_change(s, actor_for(existing), existing, before,
                         f"首次使用：为管理员 {name} 设置密码")
            return existing
        user = User(username=name, display_name=display, role="admin",
                    password_hash=HASHER.hash(password), can_view_care=True, site=site_code(s))
        s.add(user)
        audit_create(s, actor_for(user), user, f"首次使用：创建管理员 {name}")
        return user


def create_user(db: Database, actor: Actor, data: UserInput) -> User:
    with db.transaction() as s:
        # Permission before validation (unlike the other services): the username check would
        # otherwise tell anyone which accounts exist.
        _require_admin(s, actor, "新建用户账号")
        e = Errors()
        name = _check_username(e, s, data.username)
        display = _check_profile(e, s, data.display_name, data.role, data.unit_id, data.cadre_id)
        _check_password(e, "password", data.password, name)
        e.raise_if_any()
        user = User(username=name, display_name=display, role=data.role,
                    password_hash=HASHER.hash(data.password), unit_id=data.unit_id,
                    cadre_id=data.cadre_id, can_view_care=bool(data.can_view_care),
                    site=site_code(s))
        s.add(user)
        audit_create(s, actor, user, f"新建用户 {name}（{ROLES.label(data.role)}）")
        return user


def update_user(db: Database, actor: Actor, user_id: uuid.UUID, changes: UserChanges,
                expected_version: int) -> User:
    with db.transaction() as s:
        _require_admin(s, actor, "修改用户账号")
        user = get_live(s, User, user_id, "用户账号")
        e = Errors()
        display = _check_profile(e, s, changes.display_name, changes.role, changes.unit_id,
                                 changes.cadre_id)
        e.raise_if_any()
        check_version(user, expected_version, "用户账号")
        if changes.role != user.role:
            _refuse_losing_last_admin(s, user)
        before = snapshot(user)
        user.display_name, user.role = display, changes.role
        user.unit_id, user.cadre_id = changes.unit_id, changes.cadre_id
        user.can_view_care = bool(changes.can_view_care)
        touch(user)
        if user.role not in REMEMBER_ROLES:
            _forget(s, user.username)
        audit_change(s, actor, user, before, f"修改用户 {user.username}")
        return user


def deactivate_user(db: Database, actor: Actor, user_id: uuid.UUID) -> User:
    """Stop an account from signing in; its records and audit history stay."""
    with db.transaction() as s:
        _require_admin(s, actor, "停用用户账号")
        user = get_live(s, User, user_id, "用户账号")
        if normalise_username(actor.username) == user.username:
            raise RuleError("不能停用自己正在使用的账号。请由另一名管理员停用。")
        _refuse_losing_last_admin(s, user)
        if not user.active:
            return user
        before = snapshot(user)
        user.active = False
        touch(user)
        _forget(s, user.username)
        audit_change(s, actor, user, before, f"停用用户 {user.username}")
        return user


def reactivate_user(db: Database, actor: Actor, user_id: uuid.UUID) -> User:
    with db.transaction() as s:
        _require_admin(s, actor, "启用用户账号")
        user = get_live(s, User, user_id, "用户账号")
        if user.active:
            return user
        before = snapshot(user)
        user.active, user.failed_logins, user.locked_until = True, 0, None
        touch(user)
        audit_change(s, actor, user, before, f"重新启用用户 {user.username}")
        return user


def unlock_user(db: Database, actor: Actor, user_id: uuid.UUID) -> User:
    """Lift a lock after too many wrong passwords (the user remembered the password after
    all); the password stays as it is."""
    with db.transaction() as s:
        _require_admin(s, actor, "解锁用户账号")
        user = get_live(s, User, user_id, "用户账号")
        if user.locked_until is None and user.failed_logins == 0:
            return user
        before = snapshot(user)
        user.failed_logins, user.locked_until = 0, None
        touch(user)
        audit_change(s, actor, user, before, f"管理员解锁了用户 {user.username}")
        return user


@dataclass(frozen=True, slots=True)
class UserRow:
    """One account as the user management table shows it (never its password hash)."""

    id: uuid.UUID
    version: int
    username: str
    display_name: str
    role: str  # vocab.ROLES
    unit_id: uuid.UUID | None
    unit_name: str
    cadre_id: uuid.UUID | None
    can_view_care: bool
    active: bool
    has_password: bool
    locked_until: datetime | None  # only while the lock lasts
    failed_logins: int


def list_users(db: Database, actor: Actor, *, clock: Clock = utcnow) -> list[UserRow]:
    """Every live account, by username: for administrators only."""
    now = clock()
    with db.session() as s:
        _require_admin(s, actor, "查看用户账号")
        rows = s.execute(
            select(User, Unit.name).outerjoin(Unit, col(Unit.id) == col(User.unit_id))
            .where(col(User.deleted_at).is_(None)).order_by(col(User.username))).all()
        return [UserRow(
            id=u.id, version=u.version, username=u.username, display_name=u.display_name,
            role=u.role, unit_id=u.unit_id, unit_name=unit_name or "", cadre_id=u.cadre_id,
            can_view_care=u.can_view_care, active=u.active, has_password=bool(u.password_hash),
            locked_until=u.locked_until if u.locked_until and u.locked_until > now else None,
            failed_logins=u.failed_logins) for u, unit_name in rows]


def reset_password(db: Database, actor: Actor, user_id: uuid.UUID, new_password: str) -> User:
    """An administrator sets a new password (the user forgot theirs); this also lifts a lock
    and signs out every remembered PC of that user."""
    with db.transaction() as s:
        _require_admin(s, actor, "重置密码")
        user = get_live(s, User, user_id, "用户账号")
        e = Errors()
        _check_password(e, "new_password", new_password, user.username)
        e.raise_if_any()
        before = snapshot(user)
        user.password_hash = HASHER.hash(new_password)
        user.failed_logins, user.locked_until = 0, None
        touch(user)
        _forget(s, user.username)
        audit_change(s, actor, user, before, f"管理员重置了用户 {user.username} 的密码")
        return user


def change_password(db: Database, actor: Actor, old_password: str, new_password: str, *,
                    clock: Clock = utcnow) -> None:
    """A user changes their own password. A wrong old password counts as a failed sign-in,
    so this form cannot be used to guess a password at an unattended PC."""
    with db.session() as s:
        user = _by_username(s, actor.username)
        if user is None or not user.active:
            raise PermissionDenied("找不到您的账号或账号已停用，无法修改密码。请联系管理员。")
        stored = user.password_hash
    e = Errors()
    _check_password(e, "new_password", new_password, user.username)
    if new_password == old_password:
        e.add("new_password", "新密码不能与原密码相同，请换一个新密码")
    e.raise_if_any()
    now = clock()
    if user.locked_until is not None and user.locked_until > now:
        raise _locked(user.locked_until)
    if not _verify(stored, old_password):
        with db.transaction() as s:
            fresh = get_live(s, User, user.id, "用户账号")
            refusal = _record_failure(s, fresh, now, "修改密码时原密码错误")
        if refusal.reason == "locked":
            raise refusal
        raise LoginRefused(f"原密码不正确，密码未修改。{_attempts_note(refusal.attempts_left)}",
                           "wrong", attempts_left=refusal.attempts_left)
    new_hash = HASHER.hash(new_password)
    with db.transaction() as s:
        fresh = get_live(s, User, user.id, "用户账号")
        before = snapshot(fresh)
        fresh.password_hash = new_hash
        fresh.failed_logins, fresh.locked_until = 0, None
        touch(fresh)
        _forget(s, fresh.username)
        audit_change(s, actor, fresh, before, f"用户 {fresh.username} 修改了自己的密码")


# -- signing in ------------------------------------------------------------------------------


def _verify(stored: str, password: str) -> bool:
    """Whether *password* matches; an empty or unreadable hash is checked against a dummy so
    the time taken does not tell it apart."""
    try:
        return HASHER.verify(stored or _dummy_hash(), password) and bool(stored)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def _attempts_note(left: int | None) -> str:
    if left is None:
        return ""
    return (f"再输错 {left} 次，账号将被锁定 {int(LOCKOUT.total_seconds() // 60)} 分钟。"
            if left > 0 else "")


def _locked(until: datetime) -> LoginRefused:
    return LoginRefused(
        f"连续输错密码 {MAX_FAILED_LOGINS} 次，账号已被锁定至 {_local(until)}。"
        "请到时再试，或请管理员重置密码以立即解锁。", "locked", locked_until=until)


def _audit_login(s: Session, user: User | None, summary: str,
                 after: dict[str, Any] | None = None) -> None:
    if user is None:
        # What was typed as a username is not recorded at all (not even its first letter or
        # length): people sometimes type their password into the username box.
        write_audit(s, Actor(UNKNOWN_USER, "viewer"), "login", "app_user", None,
                    f"{summary}：用户名不存在（输入的用户名不予记录）", site=site_code(s))
        return
    write_audit(s, actor_for(user), "login", "app_user", user.id, summary, after=after,
                site=site_code(s))


def _record_failure(s: Session, user: User, now: datetime, summary: str) -> LoginRefused:
    """Count a wrong password on *user* (locking at the limit) and audit it; returns the
    refusal for the caller to raise after the transaction commits."""
    if user.locked_until is not None and user.locked_until <= now:
        user.failed_logins, user.locked_until = 0, None  # the lock ran out: a fresh start
    user.failed_logins += 1
    if user.failed_logins >= MAX_FAILED_LOGINS:
        user.locked_until = now + LOCKOUT
    touch(user)
    s.flush()
    _audit_login(s, user, f"{summary}（连续第 {user.failed_logins} 次）",
                 after={"failed_logins": user.failed_logins,
                        "locked_until": user.locked_until.isoformat()
                        if user.locked_until else None})
    if user.locked_until is not None:
        return _locked(user.locked_until)
    left = MAX_FAILED_LOGINS - user.failed_logins
    return LoginRefused("", "wrong", attempts_left=left)


def _wrong(left: int | None) -> LoginRefused:
    return LoginRefused(f"用户名或密码不正确，请检查后重新输入（注意大小写和输入法）。"
                        f"{_attempts_note(left)}", "wrong", attempts_left=left)


def authenticate(db: Database, username: str, password: str, *,
                 clock: Clock = utcnow) -> Actor:
    """The Actor of the account *username* when *password* is right; else LoginRefused with
    a message in words (attempts left, or until when the account is locked).

    Every attempt with a username and password is written to the audit log (action "login").
    """
    e = Errors()
    if not normalise_username(username):
        e.add("username", "请输入用户名")
    if not password:
        e.add("password", "请输入密码")
    e.raise_if_any()
    now = clock()
    with db.session() as s:
        user = _by_username(s, username)
        stored = user.password_hash if user is not None else ""
        locked = (user is not None and user.locked_until is not None
                  and user.locked_until > now)
    ok = False
    new_hash: str | None = None
    if not locked:
        ok = _verify(stored, password)
        if ok and HASHER.check_needs_rehash(stored):
            new_hash = HASHER.hash(password)  # parameters changed since: store the new form

    refusal: LoginRefused | None = None
    actor: Actor | None = None
    with db.transaction() as s:
        fresh = find_live(s, User, user.id) if user is not None else None
        if fresh is None:
            _audit_login(s, None, "登录失败")
            refusal = _wrong(None)
        elif fresh.locked_until is not None and fresh.locked_until > now:
            # Locked (perhaps by another PC meanwhile): the password is not even looked at.
            _audit_login(s, fresh, "登录被拒绝：账号锁定中")
            refusal = _locked(fresh.locked_until)
        elif not stored:
            _audit_login(s, fresh, "登录被拒绝：账号尚未设置密码")
            refusal = LoginRefused(
                "该账号还没有设置密码，无法登录。请管理员在“用户管理”中为其重置密码。",
                "no_password")
        elif fresh.password_hash != stored:
            # The password changed between reading and now (reset by an administrator): a
            # rare race, counted as neither success nor failure.
            refusal = LoginRefused("该账号的密码刚刚被修改，请重新登录。", "wrong")
        elif not ok:
            counted = _record_failure(s, fresh, now, "登录失败：密码错误")
            refusal = counted if counted.reason == "locked" else _wrong(counted.attempts_left)
        elif not fresh.active:
            _audit_login(s, fresh, "登录被拒绝：账号已停用")
            refusal = LoginRefused("该账号已停用，不能登录。如需恢复，请联系管理员。", "inactive")
        else:
            if new_hash is not None:
                fresh.password_hash = new_hash
            fresh.failed_logins, fresh.locked_until = 0, None
            touch(fresh)
            _audit_login(s, fresh, "登录成功")
            actor = actor_for(fresh)
    if refusal is not None:
        raise refusal
    assert actor is not None
    return actor


# -- remember me -----------------------------------------------------------------------------


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def _remember_key(username: str) -> str:
    return f"{REMEMBER_PREFIX}{normalise_username(username)}"


def _remember_row(s: Session, username: str) -> Setting | None:
    return s.execute(select(Setting).where(
        col(Setting.key) == _remember_key(username))).scalar_one_or_none()


def _forget(s: Session, username: str) -> None:
    """Revoke the remembered sign-in of *username* (password changed, account stopped...)."""
    row = _remember_row(s, username)
    if row is not None:
        s.delete(row)
        s.flush()


def _read_remember(row: Setting) -> tuple[dict[str, Any], datetime]:
    """The stored token record and its expiry; a damaged record reads as long expired."""
    try:
        data = json.loads(row.value)
        expires = datetime.fromisoformat(str(data["expires_at"]))
        if not isinstance(data, dict) or expires.tzinfo is None:
            raise ValueError("not a token record")
        return data, expires
    except (ValueError, TypeError, KeyError):
        return {}, datetime.min.replace(tzinfo=UTC)


def issue_remember_token(db: Database, user: User | Actor, *, clock: Clock = utcnow) -> str:
    """A random token for *user*'s PC to sign in with for 30 days. Only its SHA-256 is stored
    (with the account's id and the expiry), so the database alone cannot sign anyone in.
    One remembered PC per account: issuing again replaces the previous token."""
    with db.transaction() as s:
        account = _by_username(s, user.username)
        if account is None or not account.active:
            raise PermissionDenied("找不到该账号或账号已停用，不能记住登录。")
        if account.role not in REMEMBER_ROLES:
            raise PermissionDenied(
                f"{ROLES.label(account.role)}账号不能“记住我”，每次都需要输入密码（该角色可以修改账号或审批销号）。")
        token = secrets.token_urlsafe(32)
        value = json.dumps({"user_id": str(account.id), "sha256": _digest(token),
                            "expires_at": (clock() + REMEMBER_FOR).isoformat()})
        row = _remember_row(s, account.username)
        if row is None:
            s.add(Setting(key=_remember_key(account.username), value=value, site=site_code(s)))
        else:
            row.value = value
            touch(row)
        s.flush()
        write_audit(s, actor_for(account), "update", "app_user", account.id,
                    f"用户 {account.username} 启用了“记住我”"
                    f"（{REMEMBER_FOR.days} 天内在本机免输密码）",
                    site=site_code(s))
        return token


def revoke_remember_token(db: Database, username: str) -> None:
    """Forget the remembered sign-in (the user chose "sign out and forget this PC")."""
    with db.transaction() as s:
        _forget(s, username)


def authenticate_token(db: Database, username: str, token: str, *,
                       clock: Clock = utcnow) -> Actor:
    """The Actor of *username* when *token* is its valid remembered token; else LoginRefused
    (reason "token") and the dialog asks for the password. A failed token is audited but not
    counted towards the lock: a 256-bit token cannot be guessed, a stale one is no attack."""
    now = clock()
    refusal: LoginRefused | None = None
    actor: Actor | None = None
    with db.transaction() as s:
        user = _by_username(s, username)
        row = _remember_row(s, username) if user is not None else None
        problem = ""
        if user is None or row is None:
            problem = "没有有效的“记住我”凭据"
        else:
            data, expires = _read_remember(row)
            if expires <= now:
                problem = "“记住我”凭据已过期"
                _forget(s, username)
            elif not hmac.compare_digest(str(data.get("sha256", "")), _digest(token or "")):
                problem = "“记住我”凭据不正确"
            # Accounts never travel between sites, so the id binds the token to this database.
            elif data.get("user_id") != str(user.id):
                problem = "“记住我”凭据不属于本数据库的该账号"
            elif user.role not in REMEMBER_ROLES:
                problem = f"{ROLES.label(user.role)}账号不能“记住我”"
            elif not user.active:
                problem = "账号已停用"
            elif user.locked_until is not None and user.locked_until > now:
                problem = "账号锁定中"
        if problem:
            if user is not None:
                _audit_login(s, user, f"自动登录失败：{problem}")
            refusal = LoginRefused(f"{problem}，请输入密码登录。", "token")
        else:
            assert user is not None
            _audit_login(s, user, "登录成功（记住我）")
            actor = actor_for(user)
    if refusal is not None:
        raise refusal
    assert actor is not None
    return actor


def local_actor(session: Session) -> Actor:
    """Who the desktop works as when nobody has signed in (a database without accounts): the
    PC's local administrator. Care records stay hidden unless the setting
    "care.visible_by_default" grants them, as the care register requires."""
    from db.campaign import get_setting

    return Actor("local", "admin", "本机用户",
                 can_view_care=bool(get_setting(session, "care.visible_by_default")))
