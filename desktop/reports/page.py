"""The GB/T 9704-2012 page: A4, margins, text block, type sizes and the line grid.

Landscape pages (for wide tables) are the same sheet turned: the PDF page stays A4 portrait with
``/Rotate 90`` and the content is drawn turned a quarter, so the table's head lies along the
binding edge and the page number prints where it does on every other page (GB/T 9704 on
landscape tables: 表格横排时，页码位置与页面其他部分相同，表头在订口一边). Viewers show such
pages upright.
"""

from __future__ import annotations

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm

PAGE_WIDTH, PAGE_HEIGHT = A4  # 595.28 × 841.89 pt

TOP_MARGIN = 37 * mm  # 天头
LEFT_MARGIN = 28 * mm  # 订口
BLOCK_WIDTH = 156 * mm  # 版心
BLOCK_HEIGHT = 225 * mm
BOTTOM_MARGIN = PAGE_HEIGHT - TOP_MARGIN - BLOCK_HEIGHT  # 35 mm
RIGHT_MARGIN = PAGE_WIDTH - LEFT_MARGIN - BLOCK_WIDTH  # 26 mm

# The landscape text block, in the coordinates of the turned page (842 wide, 595 high): the
# portrait margins turned a quarter clockwise (binding edge on top).
LANDSCAPE_WIDTH, LANDSCAPE_HEIGHT = PAGE_HEIGHT, PAGE_WIDTH
LANDSCAPE_LEFT = BOTTOM_MARGIN  # 35 mm
LANDSCAPE_BOTTOM = RIGHT_MARGIN  # 26 mm
LANDSCAPE_BLOCK_WIDTH = BLOCK_HEIGHT  # 225 mm
LANDSCAPE_BLOCK_HEIGHT = BLOCK_WIDTH  # 156 mm

# Chinese type sizes (字号) in points.
SIZE_2 = 22.0  # 二号: title
SIZE_3 = 16.0  # 三号: body and headings
SIZE_4 = 14.0  # 四号: page numbers
SIZE_5 = 10.5  # 五号: table cells

# The body grid: 22 lines of 28 characters fill the text block. 28 characters of 16 pt are
# 158 mm, 2 mm wider than the block, so characters are set 0.2 pt closer (as Word's 文档网格
# does); the line pitch is the block height over 22 (28.99 pt).
LINES_PER_PAGE = 22
CHARS_PER_LINE = 28
BODY_LEADING = BLOCK_HEIGHT / LINES_PER_PAGE
BODY_TRACKING = BLOCK_WIDTH / CHARS_PER_LINE - SIZE_3

# Page numbers: 4号 宋体 “— 1 —”, the dashes 7 mm below the text block; one character (14 pt)
# in from the outside edge of the block: right on odd pages, left on even pages (GB/T 9704 7.5).
PAGE_NUMBER_DASH_TOP = BOTTOM_MARGIN - 7 * mm
# Top of the em dash in Noto Serif SC, in em (the glyph spans 0.242–0.293 em above the baseline).
DASH_TOP_EM = 0.293
PAGE_NUMBER_BASELINE = PAGE_NUMBER_DASH_TOP - DASH_TOP_EM * SIZE_4
