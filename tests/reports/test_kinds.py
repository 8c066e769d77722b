"""Every report kind printed from the demo database with its defaults, then read back: A4 pages
(landscape where the tables are wide), embedded fonts, headings, the figures the queries give,
rows never split across pages, and names with rare characters as text."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import func, select
from sqlmodel import Session

from db.campaign import current_campaign
from db.engine import Database, open_database
from db.errors import NotFoundError, RuleError
from db.models import Cadre, Outcome, Problem, Task, Visit, VisitCadre
from db.queries.checklist import checklists
from db.queries.deadlines import task_deadlines
from db.queries.quotas import leader_quotas
from db.queries.stats import StatsFilter, problem_stats, problem_totals
from db.queries.studies import list_studies, load_study, study_changes
from desktop.reports.catalog import REPORTS, ReportParams, build_report
from desktop.reports.kinds.common import pct
from tests.reports.demo_data import RARE_NAMES, demo_path, pdf_texts  # noqa: F401

KINDS = ["monthly-study", "work-meeting", "cadre-sheets", "assessment", "three-lists",
         "chase-notice", "phase-summary", "five-batches"]  # the campaign's reports, this order
LANDSCAPE_KINDS = {"assessment", "three-lists", "work-meeting"}


@pytest.fixture(scope="module")
def database(demo_path: Path) -> Iterator[Database]:  # noqa: F811
    db = open_database(demo_path, create=False)
    yield db
    db.dispose()


@pytest.fixture(scope="module")
def session(database: Database) -> Iterator[Session]:
    with database.session() as s:
        yield s


@pytest.fixture(scope="module")
def pdfs(database: Database, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Every kind, built once with nothing but the output path."""
    folder = tmp_path_factory.mktemp("kinds")
    out = {}
    for key in KINDS:
        out[key] = folder / f"{key}.pdf"
        build_report(database, key, out[key])
    return out


@pytest.fixture(scope="module")
def texts(pdfs: dict[str, Path]) -> dict[str, list[str]]:
    return {key: pdf_texts(path) for key, path in pdfs.items()}


def flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def everything(texts: list[str]) -> str:
    return flat("".join(texts))



# ---- every kind ---------------------------------------------------------------------------------

def test_catalog_lists_the_eight_kinds_first_in_menu_order() -> None:
    assert list(REPORTS)[:len(KINDS)] == KINDS
    for kind in REPORTS.values():
        assert kind.title and set(kind.params) <= set(ReportParams.__dataclass_fields__)


@pytest.mark.parametrize("key", KINDS)
def test_pages_are_a4_and_fonts_embedded(pdfs: dict[str, Path], key: str) -> None:
    reader = PdfReader(pdfs[key])
    assert len(reader.pages) >= 1
    turned = 0
    fonts: set[str] = set()
    for p in reader.pages:
        assert float(p.mediabox.width) == pytest.approx(595.28, abs=0.01)
        assert float(p.mediabox.height) == pytest.approx(841.89, abs=0.01)
        turned += p.get("/Rotate", 0) == 90
        for ref in p["/Resources"]["/Font"].values():
            font = ref.get_object()
            name = str(font["/BaseFont"])
            if name not in fonts:
                assert re.fullmatch(r"/[A-Z]{6}\+[\w-]+", name), name  # a subset
                assert "/FontFile2" in font["/FontDescriptor"], name  # embedded
                fonts.add(name)
    assert reader.pages[0].get("/Rotate", 0) == 0  # the title page is upright
    assert (turned > 0) == (key in LANDSCAPE_KINDS), turned
    assert reader.metadata is not None and reader.metadata.title


@pytest.mark.parametrize("key", KINDS)
def test_signature_and_page_numbers(texts: dict[str, list[str]], key: str,
                                    session: Session) -> None:
    pages = texts[key]
    assert "随州市教育局" in pages[-1]
    for n, page in enumerate(pages, start=1):
        assert f"—{n}—" in flat(page), (key, n)


def test_every_kind_is_the_same_when_printed_again(database: Database, pdfs: dict[str, Path],
                                                   tmp_path: Path) -> None:
    """A reprint of the stored study (and of any kind, on unchanged data) is byte for byte the
    same file."""
    for key in ("monthly-study", "phase-summary"):
        again = tmp_path / f"{key}.pdf"
        build_report(database, key, again)
        assert again.read_bytes() == pdfs[key].read_bytes(), key


# ---- monthly study ------------------------------------------------------------------------------

def test_monthly_study_from_the_latest_stored_study(texts: dict[str, list[str]],
                                                    session: Session) -> None:
    rows = list_studies(session)
    assert len(rows) == 3, "the demo holds three monthly studies"
    study = load_study(session, rows[0].id)
    changes = study_changes(session, rows[0].id)
    snap = study.snapshot
    tot = snap.totals
    text = everything(texts["monthly-study"])
    assert flat(study.row.title) in flat(texts["monthly-study"][0])
    for heading in ("一、总体情况", "二、与上次专题研究相比的变化", "三、逾期和督办事项",
                    "四、领导干部任务指标缺口", "五、各地三率"):
        assert heading in text
    assert f"问题清单共登记问题{tot.total}个" in text
    assert f"已销号{tot.closed}个" in text
    assert f"响应率{pct(tot.response_rate)}，解决率{pct(tot.resolution_rate)}，" \
           f"满意率{pct(tot.satisfaction_rate)}" in text
    assert f"新增问题{len(changes.new_problems)}个" in text
    assert changes.previous is not None and changes.previous.held_on.isoformat() in text
    overdue = snap.overdue_tasks
    assert overdue and f"其中逾期{len(overdue)}项" in text
    for t in overdue:
        assert t.number in text
    for g in snap.by_region:
        assert f"{g.label}{g.total}{g.with_task}{g.closed}{g.overdue}" \
               f"{pct(g.response_rate)}{pct(g.resolution_rate)}" in text, g.label
    for gap in snap.quota_gaps:
        assert flat(gap.text) in text
    # The demo's studies freeze the escalation ladder: the steps since the previous study and
    # the tasks listed for public criticism are printed.
    assert changes.escalations, "the demo chases, supervises and criticises late tasks"
    assert "表3-1催办、督办和通报情况" in text
    for g in changes.escalations:
        assert f"{g.taken_on.isoformat()}" in text and g.task_number in text
    chased = sum(g.kind == "chase" for g in changes.escalations)
    assert f"催办{chased}次" in text
    if changes.criticised:
        assert f"列入通报批评、尚未销号的任务{len(changes.criticised)}项" in text
        for t in changes.criticised:
            assert t.number in text
    else:
        assert "没有列入通报的任务" in text
    assert "督办等级" in text  # the overdue table's stage column


def test_monthly_study_by_month_and_refusals(database: Database, session: Session,
                                             tmp_path: Path) -> None:
    rows = list_studies(session)
    out = tmp_path / "nov.pdf"
    build_report(database, "monthly-study", out, ReportParams(month="2022-11"))
    nov = next(r for r in rows if r.held_on.month == 11)
    assert flat(nov.title) in flat(pdf_texts(out)[0])
    with pytest.raises(NotFoundError, match="2022-06 没有登记局党组专题研究"):
        build_report(database, "monthly-study", tmp_path / "x.pdf", ReportParams(month="2022-06"))
    with pytest.raises(NotFoundError, match="找不到专题研究"):
        build_report(database, "monthly-study", tmp_path / "x.pdf",
                     ReportParams(study_id="2022-02-30"))
    assert not (tmp_path / "x.pdf").exists()


# ---- work meeting -------------------------------------------------------------------------------

def test_work_meeting_leaders_and_their_projects(texts: dict[str, list[str]],
                                                 session: Session) -> None:
    pages = texts["work-meeting"]
    text = everything(pages)
    campaign = current_campaign(session)
    assert campaign is not None
    as_of = date(2022, 12, 31)
    assert "2022年12月领导干部工作调度情况报告" in flat(pages[0])
    leaders = session.execute(select(Cadre).where(Cadre.tier == "bureau_leader",
                                                  Cadre.active.is_(True))).scalars().all()
    quotas = {q.cadre.id: q for q in leader_quotas(session, [c.id for c in leaders],
                                                   date_from=campaign.starts_on, date_to=as_of)}
    for c in leaders:
        month_visits = session.execute(
            select(func.count(func.distinct(Visit.id))).join(
                VisitCadre, VisitCadre.visit_id == Visit.id)
            .where(VisitCadre.cadre_id == c.id, Visit.deleted_at.is_(None),
                   Visit.visit_date >= date(2022, 12, 1), Visit.visit_date <= as_of)
        ).scalar_one()
        assert f"{c.name}（" in text
        assert f"2022年12月走访{month_visits}次" in text, c.name
        for q in quotas[c.id].quotas:
            assert flat(q.text) in text, c.name
    projects = session.execute(select(Task.number).where(
        Task.is_livelihood_project.is_(True), Task.deleted_at.is_(None),
        Task.lead_leader_id.in_(select(Cadre.id).where(Cadre.tier.in_(
            ["bureau_leader", "unit_leader"]), Cadre.active.is_(True))))).scalars().all()
    assert projects and f"领办民生实事项目{len(projects)}个" in text
    for number in projects:
        assert number in text
    for tier in ("bureau_leader", "unit_leader"):
        assert RARE_NAMES[tier] in text


def test_work_meeting_refuses_an_unknown_region_or_month(database: Database,
                                                         tmp_path: Path) -> None:
    out = tmp_path / "wm.pdf"
    with pytest.raises(NotFoundError, match=r"找不到区域“火星区”.*曾都区"):
        build_report(database, "work-meeting", out, ReportParams(region="火星区"))
    with pytest.raises(RuleError, match="格式不对"):
        build_report(database, "work-meeting", out, ReportParams(month="2022/11"))
    with pytest.raises(NotFoundError, match="2021年3月没有任何走访或问题记录"):
        build_report(database, "work-meeting", out, ReportParams(month="2021-03"))
    assert list(tmp_path.iterdir()) == []  # no file, and no temporary file either


# ---- cadre sheets -------------------------------------------------------------------------------

def test_cadre_sheets_one_page_per_cadre(texts: dict[str, list[str]], session: Session) -> None:
    pages = texts["cadre-sheets"]
    cadres = session.execute(select(Cadre.id, Cadre.name).where(
        Cadre.active.is_(True), Cadre.branch_id.is_not(None))).all()
    # One sheet a page (each starts with the cadre's unit line), and the signature after.
    sheets = [p for p in pages if "单位：" in p]
    assert len(sheets) == len(cadres)
    # No sheet runs onto a second page (only the signature may have a page of its own).
    assert all("单位：" in p for p in pages[:-1])
    assert all(flat(p).count("单位：") == 1 for p in sheets)
    campaign = current_campaign(session)
    assert campaign is not None
    lists = {c.cadre.id: c for c in checklists(session, date_from=campaign.starts_on,
                                               date_to=date(2022, 12, 31),
                                               today=date(2022, 12, 31))}
    flats = [flat(p) for p in sheets]
    for cid, name in cadres[:60]:
        mine = [p for p in flats if f"{name}（" in p]
        page = next(p for p in mine if f"已完成{lists[cid].done_count}项" in p)
        visits = session.execute(
            select(func.count(func.distinct(Visit.id))).join(
                VisitCadre, VisitCadre.visit_id == Visit.id)
            .where(VisitCadre.cadre_id == cid, Visit.deleted_at.is_(None),
                   Visit.visit_date >= date(2022, 12, 1))).scalar_one()
        assert f"2022年12月走访{visits}次" in page, name
    for name in RARE_NAMES.values():
        assert any(f"{name}（" in p for p in flats), name


def test_cadre_sheets_of_one_branch(database: Database, session: Session,
                                    tmp_path: Path) -> None:
    from db.models import PartyBranch

    branch = session.execute(select(PartyBranch).order_by(PartyBranch.name)).scalars().first()
    assert branch is not None
    members = session.execute(select(func.count()).where(
        Cadre.branch_id == branch.id, Cadre.active.is_(True))).scalar_one()
    out = tmp_path / "branch.pdf"
    build_report(database, "cadre-sheets", out, ReportParams(branch_id=branch.name,
                                                             month="2022-11"))
    pages = pdf_texts(out)
    assert sum("单位：" in p for p in pages) == members
    assert f"2022年11月{branch.name}" in flat(pages[0])
    with pytest.raises(NotFoundError, match="找不到党支部“不存在的支部”"):
        build_report(database, "cadre-sheets", tmp_path / "x.pdf",
                     ReportParams(branch_id="不存在的支部"))


# ---- assessment ---------------------------------------------------------------------------------

def test_assessment_figures_are_the_queries(texts: dict[str, list[str]],
                                            session: Session) -> None:
    text = everything(texts["assessment"])
    campaign = current_campaign(session)
    assert campaign is not None
    as_of = date(2022, 12, 31)
    f = StatsFilter(date_from=campaign.starts_on, date_to=as_of)
    for r in problem_stats(session, "region", f, today=as_of):
        if r.key is None:
            continue
        assert f"{r.label}{r.total}{r.with_task}{r.closed}{r.overdue}{pct(r.response_rate)}" \
               f"{pct(r.resolution_rate)}{pct(r.satisfaction_rate)}" in text, r.label
    units = [u for u in problem_stats(session, "unit", f, today=as_of) if u.key is not None]
    # (A wrapped unit name interleaves with the other cells in the extracted text: names
    # only, for the units.)
    assert units and all(flat(u.label) in text for u in units if len(u.label) <= 12)
    met = sum(q.all_met for q in leader_quotas(session, date_from=campaign.starts_on,
                                               date_to=as_of))
    assert met > 0
    assert "表1各地考核评价表" in text and "表2各单位考核评价表" in text


# ---- three lists --------------------------------------------------------------------------------

def test_three_lists_hold_every_row_each_on_one_page(texts: dict[str, list[str]],
                                                     session: Session, pdfs: dict[str, Path]
                                                     ) -> None:
    pages = [flat(p) for p in texts["three-lists"]]
    total = problem_totals(session).total
    problems = session.execute(select(Problem.number, Problem.description).where(
        Problem.deleted_at.is_(None), Problem.status != "merged")).all()
    assert len(problems) == total
    assert f"问题{total}个" in pages[0]
    tasks_from = next(i for i, p in enumerate(pages) if "表2任务清单" in p)
    where: dict[str, list[int]] = {}
    for i, p in enumerate(pages[:tasks_from]):  # (task rows name their problems too)
        for number in re.findall(r"SZ-WT\d{4}-\d{5}", p):
            where.setdefault(number, []).append(i)
    for number, desc in problems:
        on = where.get(number)
        assert on is not None and len(set(on)) == 1, number
        # The whole row on that page: its description's end as well as its number.
        assert flat(desc)[-8:] in pages[on[0]], number
    tasks = session.execute(select(func.count()).where(Task.deleted_at.is_(None))).scalar_one()
    assert f"任务{tasks}项" in pages[0]
    numbers = set(re.findall(r"SZ-RW\d{4}-\d{5}", "".join(pages)))
    assert len(numbers) == tasks
    assert RARE_NAMES["branch_secretary"] in "".join(pages)
    reader = PdfReader(pdfs["three-lists"])
    wide = [i for i, p in enumerate(reader.pages) if p.get("/Rotate", 0) == 90]
    heads = ("问题编号登记日期区域", "任务编号任务责任单位", "任务编号完成日期效果")
    for i in wide:  # a header row on every table page
        assert any(h in pages[i] for h in heads), i


def test_three_lists_of_one_region(database: Database, session: Session, tmp_path: Path
                                   ) -> None:
    from db.models import Region

    region = session.execute(select(Region).where(Region.name == "随县")).scalar_one()
    out = tmp_path / "suixian.pdf"
    build_report(database, "three-lists", out, ReportParams(region="随县"))
    pages = [flat(p) for p in pdf_texts(out)]
    total = problem_totals(session, StatsFilter(region_id=region.id)).total
    assert 0 < total < problem_totals(session).total
    assert "随县截至打印之日" in pages[0] and f"问题{total}个" in pages[0]
    tasks_from = next(i for i, p in enumerate(pages) if "表2任务清单" in p)
    numbers = set(re.findall(r"SZ-WT\d{4}-\d{5}", "".join(pages[:tasks_from])))
    assert len(numbers) == total


def test_cancelling_leaves_no_file(database: Database, tmp_path: Path) -> None:
    """Cancelled from the progress dialog on page 3: nothing is written, not even in part."""
    from desktop.progress import Cancelled, Progress

    def listener(text: str, fraction: float | None) -> None:
        if "第 3 页" in text:
            progress.cancel()

    progress = Progress(listener=listener)
    out = tmp_path / "lists.pdf"
    with pytest.raises(Cancelled):
        build_report(database, "three-lists", out, progress=progress)
    assert list(tmp_path.iterdir()) == []


# ---- chase notices ------------------------------------------------------------------------------

def test_chase_notice_one_page_per_overdue_task(texts: dict[str, list[str]],
                                                session: Session, database: Database,
                                                tmp_path: Path) -> None:
    pages = texts["chase-notice"]
    late = [t for t in task_deadlines(session) if t.overdue]
    assert late
    notices = [flat(p) for p in pages if "催办通知（" in p]
    assert len(notices) == len(late)
    by_number = {re.search(r"催办通知（(SZ-RW\d{4}-\d{5})）", n).group(1): n  # type: ignore[union-attr]
                 for n in notices}
    for t in late:
        assert f"已逾期{-t.workdays_left}个工作日" in by_number[t.number]
        assert flat(t.title) in by_number[t.number]
    one = tmp_path / "one.pdf"
    build_report(database, "chase-notice", one, ReportParams(task_id=late[0].number))
    single = pdf_texts(one)
    assert late[0].number in flat(single[0]) and len(single) == 1
    closed = session.execute(select(Task.number).where(Task.status == "closed")).scalars().first()
    with pytest.raises(RuleError, match="已销号，无需催办"):
        build_report(database, "chase-notice", tmp_path / "x.pdf", ReportParams(task_id=closed))
    with pytest.raises(NotFoundError, match="找不到任务“SZ-RW1999-00001”"):
        build_report(database, "chase-notice", tmp_path / "x.pdf",
                     ReportParams(task_id="SZ-RW1999-00001"))
    assert not (tmp_path / "x.pdf").exists()


def test_chase_notice_names_the_step_already_taken(demo_path: Path, session: Session,  # noqa: F811
                                                  tmp_path: Path) -> None:
    import shutil
    import sqlite3

    late = next(t for t in task_deadlines(session) if t.overdue)
    copy = tmp_path / "copy.db"
    shutil.copyfile(demo_path, copy)
    with sqlite3.connect(copy) as conn:  # as db.services.escalation records a step
        conn.execute("UPDATE task SET escalation = 'supervision' WHERE number = ?",
                     (late.number,))
    database = open_database(copy, create=False)
    try:
        out = tmp_path / "notice.pdf"
        build_report(database, "chase-notice", out, ReportParams(task_id=late.number))
    finally:
        database.dispose()
    assert "此前已进入“督办中”程序" in flat(pdf_texts(out)[0])


# ---- phase summary ------------------------------------------------------------------------------

def test_phase_summary_of_the_current_and_a_named_phase(texts: dict[str, list[str]],
                                                        session: Session, database: Database,
                                                        tmp_path: Path) -> None:
    text = everything(texts["phase-summary"])
    # Today is after the 2022 campaign: the default is its last phase begun.
    assert "巩固提升阶段工作总结" in text
    f = StatsFilter(date_from=date(2022, 11, 1), date_to=date(2022, 12, 31))
    t = problem_stats(session, "total", f, today=date(2022, 12, 31))[0]
    assert f"本阶段登记问题{t.total}个" in text and f"已销号{t.closed}个" in text
    assert f"解决率{pct(t.resolution_rate)}" in text
    out = tmp_path / "rollout.pdf"
    build_report(database, "phase-summary", out, ReportParams(phase="全面开展"))
    assert "全面开展阶段工作总结" in everything(pdf_texts(out))
    with pytest.raises(NotFoundError, match="找不到活动阶段“summer”"):
        build_report(database, "phase-summary", out, ReportParams(phase="summer"))


# ---- five batches -------------------------------------------------------------------------------

def test_five_batches_hold_every_write_up(texts: dict[str, list[str]], session: Session) -> None:
    text = everything(texts["five-batches"])
    titles = session.execute(select(Outcome.title).where(Outcome.deleted_at.is_(None))
                             ).scalars().all()
    assert f"“五个一批”材料{len(titles)}篇" in text
    for title in titles:
        assert flat(title) in text
    for heading in ("一、办成一批教育民生实事", "二、解决一批矛盾问题", "三、推出一批实践经验",
                    "四、完善一批制度机制", "五、讲好一批暖心故事"):
        assert heading in text


# ---- rare characters ----------------------------------------------------------------------------

def test_rare_names_are_text_in_the_fallback_font(pdfs: dict[str, Path],
                                                  texts: dict[str, list[str]]) -> None:
    """堃 喆 昇 祎 are drawn as text, from a font that has them (the Noto fallback), not as
    boxes of the body font."""
    pages = texts["work-meeting"]
    names = (RARE_NAMES["bureau_leader"], RARE_NAMES["unit_leader"])
    indexes = [i for i, p in enumerate(pages) if any(n in p for n in names)]
    assert indexes
    fonts_of: dict[str, set[str]] = {}

    def visit(text: str, cm: object, tm: object, font: dict | None, size: float) -> None:
        if font:
            for ch in text:
                fonts_of.setdefault(ch, set()).add(str(font.get("/BaseFont")))

    reader = PdfReader(pdfs["work-meeting"])
    for i in indexes:
        reader.pages[i].extract_text(visitor_text=visit)
    for ch in "堃喆昇祎":
        assert fonts_of.get(ch), ch
        assert all("NotoSerifSC" in f or "NotoSansSC" in f for f in fonts_of[ch]), fonts_of[ch]
    assert any("Fandol" in f for f in fonts_of["作"])  # the body font for common characters
