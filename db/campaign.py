"""The campaign's defaults (from the 2022 plan) and setting up a new site.

Nothing here is hard-coded to Suizhou or 2022 in the stored data's shape: organisation name,
regions, phase dates and quotas are rows with these defaults, and a bureau changes them in the
settings.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlmodel import Session

from db.audit import SYSTEM, Actor, snapshot, write_audit
from db.errors import FieldError, ValidationError
from db.models import Campaign, Phase, Region, Setting, Site
from db.vocab import SITE_LEVELS

DEFAULT_ORG_NAME = "随州市教育局"
DEFAULT_CAMPAIGN_NAME = "党员干部下基层察民情解民忧暖民心实践活动"
DEFAULT_REGIONS = [
    ("zengdu", "曾都区"),
    ("suixian", "随县"),
    ("guangshui", "广水市"),
    ("hitech", "随州高新区"),
    ("dahongshan", "大洪山风景区"),
]


def default_phases(year: int) -> list[tuple[str, date, date]]:
    """The four phases of the plan (三（三）): mid-May to the end of the year."""
    return [
        ("mobilisation", date(year, 5, 15), date(year, 5, 31)),
        ("rollout", date(year, 6, 1), date(year, 6, 30)),
        ("deepening", date(year, 7, 1), date(year, 10, 31)),
        ("consolidation", date(year, 11, 1), date(year, 12, 31)),
    ]


# Setting keys and their defaults. Quotas come from the plan: 局领导班子成员 resolve 1–2
# strongly reported problems, 二级单位领导班子成员 1; every 班子成员 leads at least one 实事.
DEFAULT_SETTINGS: dict[str, Any] = {
    "org.name": DEFAULT_ORG_NAME,
    "quota.bureau_leader.strong_problems_min": 1,
    "quota.bureau_leader.strong_problems_max": 2,
    "quota.unit_leader.strong_problems_min": 1,
    "quota.leadership.projects_min": 1,
    # Default deadline per resolution mode, in working days from the task's opening.
    "deadline.on_site": 5,
    "deadline.supervised": 20,
    "deadline.systemic": 60,
    # "Due soon" means due within this many working days.
    "deadline.due_soon_days": 5,
    # The escalation ladder (db.services.escalation): working days a late task waits after a
    # chase notice before supervision, and under supervision before public criticism.
    "escalation.supervision_after_workdays": 3,
    "escalation.criticism_after_workdays": 5,
    # Response rate: a problem counts as answered when a task is opened for it within this many
    # working days of its report (db.queries.rates).
    "rates.response_workdays": 5,
    # Evidence files larger than this are refused (db.services.evidence).
    "attachment.max_mb": 20,
    # Holidays the administrator enters for years the calendar package does not cover.
    "calendar.extra_holidays": [],
    "calendar.extra_workdays": [],
    "care.visible_by_default": False,
}


@dataclass(frozen=True)
class SiteSetup:
    code: str
    name: str
    level: str  # vocab.SITE_LEVELS
    parent_code: str | None = None
    org_name: str = DEFAULT_ORG_NAME
    campaign_year: int = 2022
    campaign_name: str = DEFAULT_CAMPAIGN_NAME


def _validate(setup: SiteSetup) -> None:
    errors = []
    if not setup.code or not setup.code.isascii() or not setup.code.replace("-", "").isalnum():
        errors.append(FieldError("code", "站点代码只能由字母和数字组成，例如 SZ 或 SX01"))
    if len(setup.code) > 16:
        errors.append(FieldError("code", "站点代码最多 16 个字符"))
    if not setup.name.strip():
        errors.append(FieldError("name", "请填写站点名称"))
    if setup.level not in SITE_LEVELS:
        errors.append(FieldError("level", "站点级别必须是学校、县（市、区）教育局或市教育局"))
    if not setup.org_name.strip():
        errors.append(FieldError("org_name", "请填写单位名称"))
    if errors:
        raise ValidationError(errors)


def local_site(session: Session) -> Site | None:
    return session.execute(select(Site).where(Site.is_local)).scalar_one_or_none()


def local_site_code(session: Session) -> str:
    site = local_site(session)
    return site.code if site else ""


def initialize_site(session: Session, setup: SiteSetup, actor: Actor = SYSTEM) -> Site:
    """Make this database a site with the campaign's defaults. Safe to run again: it changes
    nothing that is already there."""
    _validate(setup)
    existing = local_site(session)
    if existing is not None:
        return existing
    code = setup.code.upper()
    site = Site(code=code, name=setup.name.strip(), level=setup.level,
                parent_code=setup.parent_code, is_local=True, site=code)
    session.add(site)
    for order, (rcode, rname) in enumerate(DEFAULT_REGIONS):
        if session.execute(select(Region).where(Region.code == rcode)).first() is None:
            session.add(Region(code=rcode, name=rname, sort_order=order, site=code))
    if session.execute(select(Campaign)).first() is None:
        year = setup.campaign_year
        phases = default_phases(year)
        campaign = Campaign(name=setup.campaign_name, year=year, starts_on=phases[0][1],
                            ends_on=phases[-1][2], site=code)
        session.add(campaign)
        session.flush()
        for pcode, start, end in phases:
            session.add(Phase(campaign_id=campaign.id, code=pcode, starts_on=start, ends_on=end,
                              site=code))
    values = dict(DEFAULT_SETTINGS, **{"org.name": setup.org_name.strip()})
    for key, value in values.items():
        if session.execute(select(Setting).where(Setting.key == key)).first() is None:
            session.add(Setting(key=key, value=json.dumps(value, ensure_ascii=False), site=code))
    session.flush()
    write_audit(session, actor, "create", "site", site.id, f"建立站点 {code} {site.name}",
                after=snapshot(site), site=code)
    return site


def get_setting(session: Session, key: str) -> Any:
    row = session.execute(select(Setting).where(Setting.key == key)).scalar_one_or_none()
    if row is None:
        return DEFAULT_SETTINGS.get(key)
    return json.loads(row.value)


def current_campaign(session: Session) -> Campaign | None:
    return session.execute(
        select(Campaign).where(Campaign.active, Campaign.deleted_at.is_(None))  # type: ignore[union-attr]
        .order_by(Campaign.year.desc())  # type: ignore[attr-defined]
    ).scalars().first()


def campaign_phases(session: Session, campaign: Campaign) -> list[Phase]:
    return list(session.execute(
        select(Phase).where(Phase.campaign_id == campaign.id).order_by(Phase.starts_on)
    ).scalars())
