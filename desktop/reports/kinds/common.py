"""What the report kinds share: reading their parameters (with Chinese refusals), the date a
report is "as of", number formats, and writing the PDF so that a failure leaves no file.

Every parameter is checked before anything is drawn, so a wrong --region or --task is refused
with a message and no file; the PDF itself is written to a temporary file beside the target and
renamed only when complete.
"""

from __future__ import annotations

import calendar
import contextlib
import os
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from reportlab import rl_config
from sqlalchemy import func, select
from sqlmodel import Session

from db.campaign import campaign_phases, current_campaign, get_setting
from db.errors import NotFoundError, RuleError
from db.models import Campaign, Phase, Problem, Region, Visit
from db.vocab import ESCALATION_STAGES, PHASES
from desktop.progress import Progress
from desktop.reports.layout import FormalDocument

DASH = "—"


# ---- numbers ---------------------------------------------------------------------------------

def pct(value: float | None) -> str:
    """A rate as printed: one decimal and a per cent sign; a dash when there is nothing to
    divide by."""
    return DASH if value is None else f"{value * 100:.1f}%"


def rate(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def day_text(d: date | None) -> str:
    return d.isoformat() if d is not None else ""


def cn_date(d: date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


# ---- the organisation and the date -------------------------------------------------------------

def org_name(session: Session) -> str:
    return str(get_setting(session, "org.name") or "")


def today() -> date:
    return date.today()


@dataclass(frozen=True)
class Month:
    year: int
    month: int

    @property
    def first(self) -> date:
        return date(self.year, self.month, 1)

    @property
    def last(self) -> date:
        return date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])

    @property
    def text(self) -> str:  # "2022年11月"
        return f"{self.year}年{self.month}月"

    @property
    def code(self) -> str:  # "2022-11"
        return f"{self.year:04d}-{self.month:02d}"

    def as_of(self) -> date:
        """The day the report describes: the month's last day, or today in the current month."""
        return min(self.last, today())


def _data_months(session: Session) -> tuple[date | None, date | None]:
    """The first and last day that any visit or problem is dated."""
    v = session.execute(select(func.min(Visit.visit_date), func.max(Visit.visit_date))
                        .where(Visit.deleted_at.is_(None))).one()  # type: ignore[union-attr]
    p = session.execute(select(func.min(Problem.reported_on), func.max(Problem.reported_on))
                        .where(Problem.deleted_at.is_(None))).one()  # type: ignore[union-attr]
    firsts = [d for d in (v[0], p[0]) if d is not None]
    lasts = [d for d in (v[1], p[1]) if d is not None]
    return (min(firsts) if firsts else None), (max(lasts) if lasts else None)


def resolve_month(session: Session, text: str | None) -> Month:
    """The month asked for ("YYYY-MM"), or the latest month with visits or problems.

    A month in a wrong format, in the future, or outside the data is refused.
    """
    first, last = _data_months(session)
    now = today()
    if text is None or not text.strip():
        d = min(last, now) if last is not None else now
        return Month(d.year, d.month)
    raw = text.strip()
    try:
        year_s, month_s = raw.split("-")
        month = Month(int(year_s), int(month_s))
        month.first  # noqa: B018  (validates the month number)
    except ValueError:
        raise RuleError(f"月份“{raw}”的格式不对：应为“年-月”，例如 2022-11。请改正 --month 后重试。"
                        ) from None
    if month.first > now:
        raise RuleError(f"月份 {month.code} 还没有到，无法生成报告。请指定本月或以前的月份。")
    if first is None or last is None:
        raise NotFoundError("数据库中还没有任何走访或问题记录，无法按月份生成报告。")
    if month.last < first or month.first > last:
        raise NotFoundError(
            f"{month.text}没有任何走访或问题记录（已有数据的月份：{first.year}年{first.month}月至"
            f"{last.year}年{last.month}月）。请在这个范围内指定 --month。")
    return month


def resolve_region(session: Session, text: str | None) -> Region | None:
    """A region by name, code or id; None for the whole organisation."""
    if text is None or not text.strip():
        return None
    raw = text.strip()
    regions = list(session.execute(
        select(Region).where(Region.deleted_at.is_(None))  # type: ignore[union-attr]
        .order_by(Region.sort_order, Region.name)).scalars())
    for r in regions:
        if raw in (r.name, r.code, str(r.id)):
            return r
    near = [r for r in regions if raw in r.name]  # "曾都" for 曾都区
    if len(near) == 1:
        return near[0]
    names = "、".join(r.name for r in regions)
    raise NotFoundError(f"找不到区域“{raw}”。可选的区域有：{names}。请用 --region 指定其中之一。")


def parse_uuid(text: str) -> uuid.UUID | None:
    try:
        return uuid.UUID(text.strip())
    except ValueError:
        return None


# ---- campaign and phases ------------------------------------------------------------------------

def require_campaign(session: Session) -> Campaign:
    campaign = current_campaign(session)
    if campaign is None:
        raise NotFoundError("数据库中没有正在进行的实践活动（活动年度和阶段尚未设置）。"
                            "请先在“设置”中设置活动。")
    return campaign


def resolve_phase(session: Session, text: str | None, on: date) -> tuple[Campaign, Phase]:
    """A phase of the current campaign by code or name; default the phase containing *on*,
    or the last one begun before it (the first when none has begun)."""
    campaign = require_campaign(session)
    phases = [p for p in campaign_phases(session, campaign) if p.deleted_at is None]
    if not phases:
        raise NotFoundError(f"{campaign.year}年活动还没有设置阶段。请先在“设置”中设置活动阶段。")
    if text is not None and text.strip():
        raw = text.strip()
        for p in phases:
            if raw in (p.code, PHASES.label(p.code), str(p.id)):
                return campaign, p
        names = "、".join(f"{p.code}（{PHASES.label(p.code)}）" for p in phases)
        raise NotFoundError(f"找不到活动阶段“{raw}”。可选的阶段有：{names}。"
                            "请用 --phase 指定其中之一。")
    begun = [p for p in phases if p.starts_on <= on]
    return campaign, (begun[-1] if begun else phases[0])


# ---- escalation -----------------------------------------------------------------------------

def stage_text(stage: str) -> str:
    """The Chinese name of an escalation stage (vocab.ESCALATION_STAGES; "" for none)."""
    return ESCALATION_STAGES.label(stage) if stage in ESCALATION_STAGES else ""


def frozen_stage(task: object) -> str:
    """The escalation step a stored study's task had taken, when the snapshot records it.

    Snapshots made before the ladder was frozen with the lists do not (their tasks read back
    with no stage): their overdue items are reported by working days overdue alone, and this
    returns "".
    """
    return str(getattr(task, "escalation", "") or "")


# ---- writing -------------------------------------------------------------------------------------

@contextlib.contextmanager
def _reproducible() -> Iterator[None]:
    """No creation time or random document id in the file: the same data prints the same
    bytes (a reprint of a stored study is identical)."""
    saved = rl_config.invariant
    rl_config.invariant = 1
    try:
        yield
    finally:
        rl_config.invariant = saved


def write_document(doc: FormalDocument, out: Path, progress: Progress) -> int:
    """Build *doc* into *out* through a temporary file beside it; returns the page count.

    On any failure (cancelled too) the temporary file is removed and *out* is left as it was.
    """
    out = Path(out)
    tmp = out.with_name(f".{out.name}.{os.getpid()}.part")
    doc.path = tmp
    try:
        with _reproducible():
            pages = doc.build(progress)
        os.replace(tmp, out)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    progress.update("完成", 1.0)
    return pages
