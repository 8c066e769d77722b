"""Benchmark: a 20,000-row × 8-column Chinese ledger as a landscape formal table.

Baseline, measured in the same run: the floor of merely drawing the same rows' text with bare
``canvas.drawString`` (one line per cell, no wrapping, no grid) on landscape A4 pages, with the
same fonts and stream settings. Target: the table within 5 × the floor, peak memory < 600 MB.
(reportlab's LongTable of Paragraph cells takes about 12.6 × the floor and 545 MB.)

    uv run pytest benchmarks/test_bench_report_table.py -m benchmark -s
"""

from __future__ import annotations

import gc
import io
import random
import resource
import statistics
import sys
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
for _p in (ROOT, ROOT / "benchmarks"):  # run from anywhere, even without benchmarks/conftest
    if str(_p) not in sys.path:
        sys.path.insert(0, str(_p))

from harness import Timing, measure, report, runs_from_env  # noqa: E402

ROWS = 20_000
RATIO_TARGET = 5.0
MEMORY_TARGET_MIB = 600

WORDS = [
    "学校", "食堂", "卫生", "条件", "有待", "改善", "家长", "反映", "强烈",
    "课后", "服务", "时间", "安排", "不够", "合理", "校车", "接送", "安全",
    "隐患", "教师", "编制", "紧张", "宿舍", "老旧", "漏水", "操场", "塑胶",
    "跑道", "破损", "图书", "更新", "缓慢", "心理", "健康", "教育", "薄弱",
    "留守", "儿童", "关爱", "不足", "午餐", "营养", "搭配", "单一", "饮水",
    "设备", "故障", "厕所", "改造", "进度", "滞后", "周边", "交通", "秩序",
    "混乱", "占道", "停车", "作业", "负担", "过重", "体育", "器材", "短缺",
    "实验室", "仪器", "陈旧",
]
UNITS = ["随州市曾都区第一中学", "广水市实验小学", "随县厉山镇中心学校",
         "曾都区南郊街道办事处中心幼儿园", "随州市教育局基础教育科", "广水市十里街道第二初级中学"]
NAMES = ["张堃", "王喆", "李昇", "赵祎", "刘明", "陈静", "杨帆", "黄磊", "欧阳晓燕"]
CATEGORIES = ["校园安全", "食堂管理", "课后服务", "师资建设", "基础设施", "心理健康教育"]
OFFICES = ["基础教育科", "安全稳定科", "计划财务科", "人事科", "体育卫生与艺术教育科"]
STATES = ["已办结", "整改中", "待交办", "已交办待反馈"]


def make_rows(n: int, seed: int = 2026) -> list[list[str]]:
    """Realistic ledger rows: cells of 4–60 characters, a long problem description."""
    rnd = random.Random(seed)

    def description() -> str:
        target = rnd.randint(30, 60)
        text = ""
        while len(text) < target:
            text += rnd.choice(WORDS)
            if rnd.random() < 0.3:
                text += rnd.choice("，，、；：（")
            if text.endswith("（"):
                text += rnd.choice(WORDS) + "）"
        return text[: target - 1] + "。"

    return [
        [
            f"SZ-2026-{i:05d}",
            rnd.choice(UNITS),
            rnd.choice(NAMES),
            rnd.choice(CATEGORIES),
            description(),
            rnd.choice(OFFICES),
            rnd.choice(STATES),
            f"{rnd.randint(100, 9_999_999) / 100:,.2f}",
        ]
        for i in range(n)
    ]


def render_floor(rows: list[list[str]]) -> int:
    """Bare drawString lines: one per cell, fixed x per column, no wrapping, no grid."""
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.pdfgen.canvas import Canvas

    from desktop.fonts import FontRole
    from desktop.reports.fonts import font_name
    from desktop.reports.layout import _plain_streams

    name = font_name(FontRole.FANGSONG)
    xs = [99, 170, 290, 330, 390, 650, 720, 770]
    buf = io.BytesIO()
    with _plain_streams():
        canv = Canvas(buf, pagesize=landscape(A4))
        canv.setFont(name, 10.5)
        y = 520.0
        for row in rows:
            for x, text in zip(xs, row, strict=True):
                canv.drawString(x, y, text)
            y -= 14.0
            if y < 80:
                canv.showPage()
                canv.setFont(name, 10.5)
                y = 520.0
        canv.save()
    return len(buf.getvalue())


def render_table(rows: list[list[str]]) -> int:
    from desktop.reports import Column, FormalDocument

    columns = [Column("问题编号", fit=True), Column("单位", 1.5), Column("姓名", fit=True),
               Column("类别", 1.0), Column("问题描述", 4.0), Column("责任科室", 1.2),
               Column("办理状态", fit=True), Column("金额（元）", fit=True)]
    buf = io.BytesIO()
    doc = FormalDocument(buf, "问题清单", "随州市教育局", "2026年11月26日")
    doc.table(columns, rows, title="表1 问题清单", orientation="landscape")
    doc.build()
    return len(buf.getvalue())


def interleaved(name: str, fn: Callable[[], object], baseline_name: str,
                baseline_fn: Callable[[], object], runs: int) -> tuple[Timing, Timing]:
    """Like harness.compare, but alternating the two, so that drift in the machine's load
    falls on both alike."""
    subject: list[Timing] = []
    baseline: list[Timing] = []
    for _ in range(runs):
        gc.collect()
        baseline.append(measure(baseline_name, baseline_fn, 1))
        gc.collect()
        subject.append(measure(name, fn, 1))

    def merged(label: str, timings: list[Timing]) -> Timing:
        walls = tuple(t.median for t in timings)
        return Timing(label, statistics.median(walls),
                      statistics.median(t.cpu for t in timings), walls)

    return merged(name, subject), merged(baseline_name, baseline)


@pytest.mark.benchmark
def test_bench_report_table() -> None:
    from desktop.reports.fonts import register_fonts

    register_fonts()
    rows = make_rows(ROWS)
    # Warm up both paths (font tables, width caches, imports) on a small slice.
    render_floor(rows[:500])
    render_table(rows[:500])

    table, floor = interleaved(
        f"report table {ROWS:,} rows x 8 (landscape, wrapped, grid)",
        lambda: render_table(rows),
        "bare drawString floor (one line per cell)",
        lambda: render_floor(rows),
        runs_from_env(3),
    )
    print()
    ratio = report(table, floor)
    cpu_ratio = table.cpu / floor.cpu

    tracemalloc.start()
    size = render_table(rows)
    _, traced_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    traced_mib = traced_peak / 2**20
    maxrss_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    print(f"    cpu ratio {cpu_ratio:.2f}; target ratio <= {RATIO_TARGET:g}; "
          f"PDF {size / 1e6:.1f} MB")
    print(f"    peak memory: {traced_mib:.0f} MiB traced Python allocations during one table "
          f"build; process max RSS {maxrss_mib:.0f} MiB (target < {MEMORY_TARGET_MIB})")
    assert ratio <= RATIO_TARGET
    assert traced_mib < MEMORY_TARGET_MIB
    assert maxrss_mib < MEMORY_TARGET_MIB
