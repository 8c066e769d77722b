"""Making the new database the first-run wizard describes (Qt-free; runs on a worker thread).

The database is built in a hidden file beside the real one and moved into place only when it
is complete, so a cancelled or failed first run leaves no half-made database, and the next
start simply shows the wizard again. A database that appeared meanwhile (another window, a copy
put there by hand) is never overwritten.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass
from pathlib import Path

from db.audit import Actor
from db.errors import AppError
from desktop.progress import Progress

log = logging.getLogger(__name__)

PARTIAL_MARK = ".wizard-"


class DatabaseExists(AppError):
    """The data folder got a database while the wizard was open: it is opened, not replaced."""


@dataclass(frozen=True)
class NewSite:
    org_name: str
    code: str
    name: str
    level: str  # vocab.SITE_LEVELS
    parent_code: str | None
    campaign_name: str
    year: int
    phases: tuple[tuple[str, object, object], ...]  # (code, starts_on, ends_on)


@dataclass(frozen=True)
class AdminAccount:
    username: str
    display_name: str
    password: str


@dataclass(frozen=True)
class FirstRunPlan:
    target: Path
    admin: AdminAccount
    site: NewSite | None = None  # a new site typed in, or
    setup_file: Path | None = None  # a setup file from the bureau
    backup_folder: str = ""
    backup_keep: int = 30


def partial_path(target: Path) -> Path:
    return target.with_name(f".{target.name}{PARTIAL_MARK}{uuid.uuid4().hex[:8]}.partial")


def remove_partials(target: Path) -> None:
    """Delete what an interrupted first run (power cut, killed process) left behind."""
    folder = target.parent
    if not folder.is_dir():
        return
    for leftover in folder.glob(f".{target.name}{PARTIAL_MARK}*"):
        try:
            leftover.unlink()
        except OSError:  # still open by another instance: leave it
            log.warning("could not remove %s", leftover)


def _remove(path: Path) -> None:
    for p in (path, Path(f"{path}-wal"), Path(f"{path}-shm"), Path(f"{path}-journal")):
        p.unlink(missing_ok=True)


def build_database(plan: FirstRunPlan, progress: Progress | None = None) -> Actor:
    """Create ``plan.target`` as described; returns the administrator, signed in."""
    from datetime import date

    from db.campaign import SiteSetup, initialize_site
    from db.engine import open_database
    from db.exchange.setup_file import apply_setup_file, read_setup_file
    from db.services.accounts import actor_for, create_first_admin
    from db.services.settings import PhaseDates, load_settings, save_settings

    report = progress or Progress()
    target = plan.target
    if target.exists():
        raise DatabaseExists(f"数据文件夹中已经有数据库“{target}”，向导没有改动它，将直接打开它。")
    partial = partial_path(target)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        partial.touch()  # a folder that cannot be written is found here, in words
    except OSError as exc:
        raise AppError(f"无法在文件夹“{target.parent}”中建立数据库（{exc.strerror or exc}）。"
                       "请检查该文件夹是否可写、磁盘是否已满；也可以设置环境变量 MQ_DATA_DIR "
                       "改用其他数据文件夹。") from exc
    partial.unlink()
    try:
        report.update("正在建立数据库…", 0.1)
        db = open_database(partial)
        try:
            report.check()
            if plan.site is not None:
                site = plan.site
                with db.transaction() as s:
                    initialize_site(s, SiteSetup(
                        code=site.code, name=site.name, level=site.level,
                        parent_code=site.parent_code or None, org_name=site.org_name,
                        campaign_year=site.year, campaign_name=site.campaign_name))
            else:
                assert plan.setup_file is not None
                report.update("正在导入上级教育局的设置文件…", 0.3)
                apply_setup_file(db, read_setup_file(plan.setup_file))
            report.check()
            report.update("正在创建管理员账号…", 0.6)
            user = create_first_admin(db, plan.admin.username, plan.admin.display_name,
                                      plan.admin.password)
            actor = actor_for(user)
            report.update("正在保存设置…", 0.8)
            with db.session() as s:
                current = load_settings(s)
            changes: dict[str, object] = {"backup_folder": plan.backup_folder,
                                          "backup_keep": plan.backup_keep}
            if plan.site is not None:
                changes["phases"] = tuple(
                    PhaseDates(code, start, end) for code, start, end in plan.site.phases
                    if isinstance(start, date) and isinstance(end, date))
            save_settings(db, actor, current.with_changes(**changes))
            report.check()
        finally:
            db.dispose()
        if target.exists():
            raise DatabaseExists(
                f"数据文件夹中已经有数据库“{target}”，向导没有改动它，将直接打开它。")
        partial.replace(target)
    except BaseException:
        _remove(partial)
        raise
    report.update("完成", 1.0)
    log.info("first run: created %s", target)
    return actor
