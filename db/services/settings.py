"""Changing the campaign's settings: organisation, campaign and phases, quotas, deadlines,
holidays, vocabulary additions and where backups go.

``load_settings`` reads everything into one ``CampaignSettings``; ``save_settings`` checks the
whole of a changed copy and writes it in one transaction with one audit entry per changed row:
either every change is stored or none is. Only administrators may change these (checked
against the stored account, as for account management). ``validate_settings`` is the same
check without writing, so a dialog can show every problem next to its field as the user types.

The backup folder and count are kept under ``local.*`` keys: they describe this PC's disks and
never travel in exchange packages (``db.exchange.tables.SETTING_PRIVATE_PREFIX``).
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlmodel import Session

from db.audit import SYSTEM, Actor, snapshot, write_audit
from db.campaign import DEFAULT_SETTINGS, campaign_phases, current_campaign, get_setting
from db.engine import Database
from db.errors import FieldError, PermissionDenied
from db.models import Campaign, Phase, Setting, User
from db.services._common import Errors, site_code, touch
from db.vocab import PHASES, RESOLUTION_MODES, ROLES, Term
from db.vocab_extra import CODE_PREFIX, EXTENSIBLE, extra_terms, setting_key, terms_json

BACKUP_FOLDER_KEY = "local.backup.folder"
BACKUP_KEEP_KEY = "local.backup.keep"
DEFAULT_BACKUP_KEEP = 30
MAX_BACKUP_KEEP = 365

QUOTA_KEYS = (
    "quota.bureau_leader.strong_problems_min",
    "quota.bureau_leader.strong_problems_max",
    "quota.unit_leader.strong_problems_min",
    "quota.leadership.projects_min",
)
QUOTA_LABELS = {
    "quota.bureau_leader.strong_problems_min": "局领导班子成员领办强烈反映问题的最少数量",
    "quota.bureau_leader.strong_problems_max": "局领导班子成员领办强烈反映问题的最多数量",
    "quota.unit_leader.strong_problems_min": "二级单位领导班子成员领办强烈反映问题的最少数量",
    "quota.leadership.projects_min": "每名班子成员领办民生实事的最少数量",
}
DEADLINE_KEYS = tuple(f"deadline.{m}" for m in RESOLUTION_MODES.codes())
DUE_SOON_KEY = "deadline.due_soon_days"
MAX_DEADLINE_DAYS = 250  # about a working year: more is a typing mistake
# The escalation ladder's waits (db.services.escalation): working days after a chase notice
# before supervision, and under supervision before public criticism.
ESCALATION_KEYS = ("escalation.supervision_after_workdays",
                   "escalation.criticism_after_workdays")
ESCALATION_LABELS = {
    "escalation.supervision_after_workdays": "催办后转为督办前等待的工作日",
    "escalation.criticism_after_workdays": "督办后列入通报前等待的工作日",
}
MAX_ESCALATION_DAYS = 60
RESPONSE_KEY = "rates.response_workdays"  # the response rate's set time (db.queries.rates)
MAX_RESPONSE_DAYS = 60
ATTACHMENT_KEY = "attachment.max_mb"  # evidence and five-batches files (db.services.evidence)
MAX_ATTACHMENT_MB = 200
MAX_QUOTA = 50
MAX_EXTRA_TERMS = 50

# What a missing row means: saving the default creates no row (and no audit entry).
_DEFAULTS: dict[str, Any] = {
    **DEFAULT_SETTINGS, BACKUP_FOLDER_KEY: "", BACKUP_KEEP_KEY: DEFAULT_BACKUP_KEEP,
    **{setting_key(name): [] for name in EXTENSIBLE},
}


@dataclass(frozen=True)
class PhaseDates:
    code: str  # vocab.PHASES
    starts_on: date
    ends_on: date


@dataclass(frozen=True)
class CampaignSettings:
    """Everything the settings dialog edits that is stored in the database."""

    org_name: str
    campaign_name: str
    year: int
    phases: tuple[PhaseDates, ...]
    quotas: dict[str, int]
    deadlines: dict[str, int]  # "deadline.<mode>" and "deadline.due_soon_days"
    extra_holidays: tuple[date, ...] = ()
    extra_workdays: tuple[date, ...] = ()
    vocab_extra: dict[str, tuple[Term, ...]] = field(default_factory=dict)
    backup_folder: str = ""  # "" means the data folder's backups/
    backup_keep: int = DEFAULT_BACKUP_KEEP
    escalation: dict[str, int] = field(default_factory=lambda: {
        k: DEFAULT_SETTINGS[k] for k in ESCALATION_KEYS})  # ESCALATION_KEYS → working days
    response_workdays: int = DEFAULT_SETTINGS[RESPONSE_KEY]
    attachment_max_mb: int = DEFAULT_SETTINGS[ATTACHMENT_KEY]

    def with_changes(self, **changes: Any) -> CampaignSettings:
        return replace(self, **changes)


def _dates(value: Any) -> tuple[date, ...]:
    found = set()
    for item in value if isinstance(value, list) else []:
        try:
            found.add(date.fromisoformat(str(item)))
        except ValueError:
            continue
    return tuple(sorted(found))


def _int(value: Any, default: int) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else default


def load_settings(session: Session) -> CampaignSettings:
    campaign = current_campaign(session)
    if campaign is not None:
        phases = tuple(PhaseDates(p.code, p.starts_on, p.ends_on)
                       for p in campaign_phases(session, campaign))
        name, year = campaign.name, campaign.year
    else:
        from db.campaign import DEFAULT_CAMPAIGN_NAME, default_phases

        year = date.today().year
        name = DEFAULT_CAMPAIGN_NAME
        phases = tuple(PhaseDates(c, a, b) for c, a, b in default_phases(year))
    return CampaignSettings(
        org_name=str(get_setting(session, "org.name") or ""),
        campaign_name=name,
        year=year,
        phases=phases,
        quotas={k: _int(get_setting(session, k), DEFAULT_SETTINGS[k]) for k in QUOTA_KEYS},
        deadlines={k: _int(get_setting(session, k), DEFAULT_SETTINGS[k])
                   for k in (*DEADLINE_KEYS, DUE_SOON_KEY)},
        extra_holidays=_dates(get_setting(session, "calendar.extra_holidays")),
        extra_workdays=_dates(get_setting(session, "calendar.extra_workdays")),
        vocab_extra={n: tuple(extra_terms(session, n)) for n in EXTENSIBLE},
        backup_folder=str(get_setting(session, BACKUP_FOLDER_KEY) or ""),
        backup_keep=_int(get_setting(session, BACKUP_KEEP_KEY), DEFAULT_BACKUP_KEEP),
        escalation={k: _int(get_setting(session, k), DEFAULT_SETTINGS[k])
                    for k in ESCALATION_KEYS},
        response_workdays=_int(get_setting(session, RESPONSE_KEY),
                               DEFAULT_SETTINGS[RESPONSE_KEY]),
        attachment_max_mb=_int(get_setting(session, ATTACHMENT_KEY),
                               DEFAULT_SETTINGS[ATTACHMENT_KEY]),
    )


# -- checks ---------------------------------------------------------------------------------


def backup_folder_problem(folder: str) -> str | None:
    """Why backups cannot be written to *folder* (in words, with what to do); None when they
    can. Creates and deletes a file there (or in the nearest existing folder above it, which
    the backup would create the rest in): permissions alone do not tell, e.g. for a full or
    write-protected USB stick or a network share. Creates no folder, so a form may call it
    as the user types."""
    if not folder.strip():
        return None
    path = Path(folder.strip())
    if not path.is_absolute():
        return "备份文件夹必须是完整路径（例如 D:\\民情台账备份），请点“浏览…”选择文件夹"
    if path.exists() and not path.is_dir():
        return f"“{path}”是一个文件，不是文件夹，请另选一个文件夹"
    existing = path
    while not existing.exists() and existing.parent != existing:
        existing = existing.parent
    if existing.exists() and not existing.is_dir():
        return f"“{existing}”是一个文件，不是文件夹，备份不能放在它下面，请另选一个文件夹"
    if not existing.is_dir():
        return f"“{path}”所在的磁盘或文件夹不存在，请检查U盘、网络盘是否已连接，或另选文件夹"
    try:
        fd, probe = tempfile.mkstemp(prefix=".mq-write-test-", dir=existing)
        os.close(fd)
        os.unlink(probe)
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        return (f"备份文件夹“{path}”无法写入（{reason}），请另选一个可写的文件夹，"
                "或检查U盘是否写保护、网络盘是否已连接")
    return None


def campaign_problems(name: str, year: int, phases: tuple[PhaseDates, ...]) -> list[FieldError]:
    """What is wrong with a campaign's name, year and phases (empty when nothing): the first
    run wizard checks its campaign page with this as the user types."""
    e = Errors()
    _check_campaign(e, name, year, phases)
    return e.items


def _check_campaign(e: Errors, name: str, year: int, phases: tuple[PhaseDates, ...]) -> None:
    e.text("campaign_name", name, "活动名称", max_len=200)
    if isinstance(year, bool) or not isinstance(year, int) or not 2000 <= year <= 2100:
        e.add("year", "活动年度应在 2000 至 2100 年之间，请检查年份")
    else:
        _check_phases(e, year, phases)


def _check_phases(e: Errors, year: int, phases: tuple[PhaseDates, ...]) -> None:
    codes = [p.code for p in phases]
    if sorted(codes) != sorted(PHASES.codes()):
        e.add("phases", "活动必须有且只有四个阶段：动员部署、全面开展、持续深化、巩固提升")
        return
    order = {c: i for i, c in enumerate(PHASES.codes())}
    ordered = sorted(phases, key=lambda p: order[p.code])
    previous: PhaseDates | None = None
    for phase in ordered:
        label = PHASES.label(phase.code)
        fld = f"phase.{phase.code}"
        if phase.ends_on < phase.starts_on:
            e.add(fld, f"“{label}”阶段的结束日期（{phase.ends_on}）早于开始日期"
                       f"（{phase.starts_on}），请把结束日期改到开始日期之后")
        elif year not in (phase.starts_on.year, phase.ends_on.year):
            e.add(fld, f"“{label}”阶段不在 {year} 年内，请检查年份")
        elif previous is not None and phase.starts_on <= previous.ends_on:
            e.add(fld, f"“{label}”阶段的开始日期（{phase.starts_on}）不晚于上一阶段"
                       f"“{PHASES.label(previous.code)}”的结束日期（{previous.ends_on}），"
                       "各阶段不能重叠，请调整日期")
        previous = phase


def _check_terms(e: Errors, name: str, old: tuple[Term, ...], new: tuple[Term, ...]) -> None:
    fld = f"vocab.{name}"
    base = EXTENSIBLE[name]
    title = base.zh
    new_codes = {t.code for t in new}
    for term in old:
        if term.code not in new_codes:
            e.add(fld, f"{title}“{term.zh}”已经保存过，可能已被记录使用，不能删除；"
                       "如不再使用，可以保留不选")
            return
    if len(new) > MAX_EXTRA_TERMS:
        e.add(fld, f"{title}最多可以增加 {MAX_EXTRA_TERMS} 项，请合并相近的项")
        return
    seen_codes: set[str] = set()
    labels = {t.zh for t in base} | {t.en.lower() for t in base}
    for term in new:
        zh = term.zh.strip()
        if not term.code.startswith(CODE_PREFIX) or not term.code[len(CODE_PREFIX):].isalnum() \
                or not term.code.isascii():
            e.add(fld, f"{title}“{zh}”的代码“{term.code}”无效：增加项的代码以 x_ 开头，"
                       "只含字母和数字，请修改代码")
        elif term.code in seen_codes or term.code in base:
            e.add(fld, f"{title}代码“{term.code}”重复，请换一个代码")
        elif not zh:
            e.add(fld, f"{title}代码“{term.code}”缺少中文名称，请填写")
        elif len(zh) > 30:
            e.add(fld, f"{title}“{zh}”的名称最多 30 个字，请精简")
        elif zh in labels:
            e.add(fld, f"{title}“{zh}”已经有了，不需要重复增加")
        seen_codes.add(term.code)
        labels.add(zh)
    for term in old:
        now = next(t for t in new if t.code == term.code)
        if now.zh.strip() != term.zh:
            # Renaming would silently change what every stored record says.
            e.add(fld, f"{title}“{term.zh}”已经保存过，不能改名（已有记录会随之改变含义）；"
                       "如需新的名称，请另增加一项")
            return


def validate_settings(session: Session, new: CampaignSettings) -> None:
    """Raise ValidationError naming every wrong field (one message per field)."""
    old = load_settings(session)
    e = Errors()
    e.text("org_name", new.org_name, "单位名称", max_len=100)
    _check_campaign(e, new.campaign_name, new.year, new.phases)
    for key in QUOTA_KEYS:
        value = new.quotas.get(key)
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_QUOTA:
            e.add(key, f"{QUOTA_LABELS[key]}应是 0 至 {MAX_QUOTA} 之间的整数，请修改")
    lo = new.quotas.get("quota.bureau_leader.strong_problems_min")
    hi = new.quotas.get("quota.bureau_leader.strong_problems_max")
    if isinstance(lo, int) and isinstance(hi, int) and lo > hi:
        e.add("quota.bureau_leader.strong_problems_max",
              f"局领导班子成员领办问题的最多数量（{hi}）小于最少数量（{lo}），"
              "请把最多数量改为不小于最少数量")
    for key in (*DEADLINE_KEYS, DUE_SOON_KEY):
        value = new.deadlines.get(key)
        label = ("“即将到期”提醒的天数" if key == DUE_SOON_KEY
                 else f"“{RESOLUTION_MODES.label(key.split('.', 1)[1])}”的默认办理时限")
        if isinstance(value, bool) or not isinstance(value, int) \
                or not 1 <= value <= MAX_DEADLINE_DAYS:
            e.add(key, f"{label}应是 1 至 {MAX_DEADLINE_DAYS} 个工作日，请修改"
                       "（0 天意味着任务一立项就超期）")
    for key in ESCALATION_KEYS:
        value = new.escalation.get(key)
        if not _within(value, 1, MAX_ESCALATION_DAYS):
            e.add(key, f"{ESCALATION_LABELS[key]}应是 1 至 {MAX_ESCALATION_DAYS} 个工作日，"
                       "请修改（至少等 1 个工作日，责任单位才有时间回应）")
    if not _within(new.response_workdays, 0, MAX_RESPONSE_DAYS):
        e.add(RESPONSE_KEY, f"响应率的立项时限应是 0 至 {MAX_RESPONSE_DAYS} 个工作日，请修改"
                            "（0 表示当天立项才算及时响应）")
    if not _within(new.attachment_max_mb, 1, MAX_ATTACHMENT_MB):
        e.add(ATTACHMENT_KEY, f"附件大小上限应是 1 至 {MAX_ATTACHMENT_MB} MB，请修改"
                              "（更大的文件请压缩或拆分后上传）")
    both = set(new.extra_holidays) & set(new.extra_workdays)
    if both:
        day = min(both)
        e.add("calendar", f"{day} 同时填成了节假日和调休上班日，请只保留一处")
    for name in EXTENSIBLE:
        _check_terms(e, name, old.vocab_extra.get(name, ()), new.vocab_extra.get(name, ()))
    problem = backup_folder_problem(new.backup_folder) \
        if new.backup_folder != old.backup_folder else None
    if problem:
        e.add("backup_folder", problem)
    if isinstance(new.backup_keep, bool) or not isinstance(new.backup_keep, int) \
            or not 1 <= new.backup_keep <= MAX_BACKUP_KEEP:
        e.add("backup_keep", f"保留的备份份数应在 1 至 {MAX_BACKUP_KEEP} 之间，请修改")
    e.raise_if_any()


def _within(value: Any, lo: int, hi: int) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and lo <= value <= hi


# -- permission -----------------------------------------------------------------------------


def require_settings_admin(session: Session, actor: Actor) -> None:
    """Campaign settings are for administrators. The stored account is checked too (a window
    opened before the administrator was demoted cannot keep changing settings). The PC's local
    user of a database without accounts is its administrator (``accounts.local_actor``)."""
    if actor == SYSTEM:
        return
    refusal = PermissionDenied(
        f"您的角色（{ROLES.label(actor.role)}）无权修改活动设置，设置未改动。"
        "活动设置只能由管理员修改，请联系管理员。")
    if actor.role != "admin":
        raise refusal
    from db.services.accounts import has_users, normalise_username

    if not has_users(session):
        return
    user = session.execute(select(User).where(
        User.username == normalise_username(actor.username),
        User.deleted_at.is_(None))).scalar_one_or_none()  # type: ignore[union-attr]
    if user is None or not user.active or user.role != "admin":
        raise refusal


# -- saving ---------------------------------------------------------------------------------


def _put(s: Session, actor: Actor, key: str, value: Any, changes: list[str]) -> None:
    text = json.dumps(value, ensure_ascii=False)
    row = s.execute(select(Setting).where(Setting.key == key)).scalar_one_or_none()
    if row is not None and row.value == text:
        return
    if row is None:
        if key in _DEFAULTS and value == _DEFAULTS[key]:
            return  # the default is in effect already
        row = Setting(key=key, value=text, site=site_code(s))
        s.add(row)
        s.flush()
        write_audit(s, actor, "create", "setting", row.id, f"设置 {key}",
                    after=snapshot(row), site=site_code(s))
    else:
        before = snapshot(row)
        row.value = text
        touch(row)
        s.flush()
        write_audit(s, actor, "update", "setting", row.id, f"修改设置 {key}",
                    before=before, after=snapshot(row), site=site_code(s))
    changes.append(key)


def _save_campaign(s: Session, actor: Actor, new: CampaignSettings, changes: list[str]) -> None:
    campaign = current_campaign(s)
    starts = min(p.starts_on for p in new.phases)
    ends = max(p.ends_on for p in new.phases)
    if campaign is None:
        campaign = Campaign(name=new.campaign_name.strip(), year=new.year, starts_on=starts,
                            ends_on=ends, site=site_code(s))
        s.add(campaign)
        s.flush()
        write_audit(s, actor, "create", "campaign", campaign.id, f"新建活动 {new.year}",
                    after=snapshot(campaign), site=site_code(s))
        changes.append("campaign")
    else:
        before = snapshot(campaign)
        values = (new.campaign_name.strip(), new.year, starts, ends)
        if (campaign.name, campaign.year, campaign.starts_on, campaign.ends_on) != values:
            campaign.name, campaign.year, campaign.starts_on, campaign.ends_on = values
            touch(campaign)
            s.flush()
            write_audit(s, actor, "update", "campaign", campaign.id,
                        f"修改活动 {campaign.year}“{campaign.name}”", before=before,
                        after=snapshot(campaign), site=site_code(s))
            changes.append("campaign")
    stored = {p.code: p for p in s.execute(
        select(Phase).where(Phase.campaign_id == campaign.id)).scalars()}
    for phase in new.phases:
        row = stored.get(phase.code)
        if row is None:
            row = Phase(campaign_id=campaign.id, code=phase.code, starts_on=phase.starts_on,
                        ends_on=phase.ends_on, site=site_code(s))
            s.add(row)
            s.flush()
            write_audit(s, actor, "create", "phase", row.id,
                        f"设置阶段“{PHASES.label(phase.code)}”", after=snapshot(row),
                        site=site_code(s))
            changes.append(f"phase.{phase.code}")
        elif (row.starts_on, row.ends_on) != (phase.starts_on, phase.ends_on):
            before = snapshot(row)
            row.starts_on, row.ends_on = phase.starts_on, phase.ends_on
            touch(row)
            s.flush()
            write_audit(s, actor, "update", "phase", row.id,
                        f"修改阶段“{PHASES.label(phase.code)}”的日期", before=before,
                        after=snapshot(row), site=site_code(s))
            changes.append(f"phase.{phase.code}")


def save_settings(db: Database, actor: Actor, new: CampaignSettings) -> list[str]:
    """Check and store *new* in one transaction; returns the keys that changed (empty when
    nothing did). PermissionDenied or ValidationError leave everything as it was."""
    with db.transaction() as s:
        require_settings_admin(s, actor)
        validate_settings(s, new)
        changes: list[str] = []
        _save_campaign(s, actor, new, changes)
        _put(s, actor, "org.name", new.org_name.strip(), changes)
        for key in QUOTA_KEYS:
            _put(s, actor, key, new.quotas[key], changes)
        for key in (*DEADLINE_KEYS, DUE_SOON_KEY):
            _put(s, actor, key, new.deadlines[key], changes)
        for key in ESCALATION_KEYS:
            _put(s, actor, key, new.escalation[key], changes)
        _put(s, actor, RESPONSE_KEY, new.response_workdays, changes)
        _put(s, actor, ATTACHMENT_KEY, new.attachment_max_mb, changes)
        _put(s, actor, "calendar.extra_holidays",
             [d.isoformat() for d in sorted(new.extra_holidays)], changes)
        _put(s, actor, "calendar.extra_workdays",
             [d.isoformat() for d in sorted(new.extra_workdays)], changes)
        for name in EXTENSIBLE:
            terms = tuple(Term(t.code, t.zh.strip(), t.en.strip() or t.zh.strip())
                          for t in new.vocab_extra.get(name, ()))
            if terms or s.execute(select(Setting.id).where(
                    Setting.key == setting_key(name))).first() is not None:
                _put(s, actor, setting_key(name), terms_json(terms), changes)
        _put(s, actor, BACKUP_FOLDER_KEY, new.backup_folder.strip(), changes)
        _put(s, actor, BACKUP_KEEP_KEY, new.backup_keep, changes)
        return changes


def new_term_code(existing: list[str]) -> str:
    """A fresh code for an added term: x_1, x_2, ... (never reusing one in *existing*)."""
    n = 1
    while f"{CODE_PREFIX}{n}" in existing:
        n += 1
    return f"{CODE_PREFIX}{n}"


def backup_target(session: Session, default: Path) -> tuple[Path, int]:
    """Where the automatic backup goes and how many are kept (the settings, else defaults)."""
    folder = str(get_setting(session, BACKUP_FOLDER_KEY) or "").strip()
    keep = _int(get_setting(session, BACKUP_KEEP_KEY), DEFAULT_BACKUP_KEEP)
    return (Path(folder) if folder else default), keep


# -- where the database is (per PC; the settings dialog stores the choice in QSettings) ------


def server_problem(url: str) -> str | None:
    """Why the program cannot use the PostgreSQL server at *url* (in words, with what to do);
    None when it connected and the server holds no newer schema. Changes nothing there."""
    from sqlalchemy import text
    from sqlalchemy.exc import ArgumentError, SQLAlchemyError

    from db.engine import _refuse_newer_server, make_engine
    from db.errors import AppError

    url = url.strip()
    if not url.startswith(("postgresql://", "postgresql+psycopg://")):
        return ("服务器地址应以 postgresql+psycopg:// 开头，例如 "
                "postgresql+psycopg://用户名:密码@服务器/minqing，请向管理服务器的同事索取")
    try:
        engine = make_engine(url)
    except (ArgumentError, ValueError) as exc:
        return f"服务器地址的格式不对（{exc}），请检查后重试"
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
        _refuse_newer_server(engine)
    except AppError as exc:
        return exc.message
    except (SQLAlchemyError, OSError) as exc:
        detail = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0][:160]
        return (f"无法连接数据库服务器（{detail}）。请检查地址、用户名、密码和网络，"
                "或请管理服务器的同事确认服务器已启动")
    finally:
        engine.dispose()
    return None


def database_file_problem(path: str) -> str | None:
    """Why *path* cannot be this PC's database file; None when it is a 民情台账 database."""
    from db.engine import probe_sqlite_file
    from db.errors import AppError

    file = Path(path.strip())
    if not file.is_absolute():
        return "请填写数据库文件的完整路径，或点“浏览…”选择文件"
    if not file.is_file():
        return f"数据库文件“{file}”不存在，请选择已有的数据库文件（留空则使用数据文件夹中的数据库）"
    try:
        state = probe_sqlite_file(file, check="none")
    except AppError as exc:
        return exc.message
    if state.revision is None:
        return f"“{file}”不是民情台账的数据库文件，请另选文件"
    return None
