"""The three lists as a formal PDF (GB/T 9704 layout, landscape tables), for the printed notice
that accompanies the web page. reportlab is imported only here, when a PDF is asked for."""

from __future__ import annotations

from pathlib import Path

from db.disclosure.lists import PublicLists

# Relative widths: the free texts get the room, codes and dates stay on one line.
_WIDE = {"问题描述": 7.0, "办理措施": 5.0, "最新进展": 4.0, "取得成效": 6.0, "佐证材料": 3.0,
         "任务名称": 4.0, "单位": 2.5, "责任单位": 2.5, "问题类别": 2.5, "领办领导": 1.5,
         "群众反映强烈": 1.0, "民生实事": 1.0, "满意": 0.8, "基本满意": 0.8,
         "不满意": 0.8, "回访人数": 0.8, "状态": 2.0, "对应任务": 3.0,
         "对应问题": 3.0}
# Codes and dates: one line each, as wide as their text.
_FIT = {"问题编号", "任务编号", "反映日期", "开始日期", "完成时限", "完成日期", "销号日期", "区域",
        "解决方式", "问题领域", "进度(%)"}
# 小五 (9 pt): a landscape page then holds about a dozen rows of the lists.
_STYLE_SIZE = 9.0


def write_pdf(lists: PublicLists, path: Path) -> int:
    """Write the PDF; returns the number of pages."""
    from desktop.reports import Column, FormalDocument, TableStyle

    doc = FormalDocument(Path(path), f"{lists.org}“三个清单”公示", lists.org, lists.as_of,
                         subject="三个清单公示")
    doc.paragraph(f"现将截至{lists.as_of.year}年{lists.as_of.month}月{lists.as_of.day}日的问题清单、"
                  "任务清单和效果清单予以公示，接受社会监督。为保护个人信息，反映人姓名、"
                  "联系方式等不予公开，文中个人信息已作遮挡处理。")
    for i, (title, headers, rows) in enumerate(lists.sections(), start=1):
        cols = [Column(h, fit=True) if h in _FIT else Column(h, weight=_WIDE.get(h, 1.0))
                for h in headers]
        doc.table(cols, rows, title=f"表{i} {title}（共 {len(rows)} 条）",
                  orientation="landscape",
                  style=TableStyle(size=_STYLE_SIZE, header_size=_STYLE_SIZE))
    return doc.build()
