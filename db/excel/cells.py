"""Turning what clerks type into cells into values: headers, dates, numbers, yes/no, lists.

Clerks type in Excel or WPS with a Chinese input method, so the same thing arrives as a real
date or an Excel serial number or text such as 2022年6月3日; digits may be full-width (０-９);
a header may carry "（必填）" or a star. Every parser returns ``(value, None)`` or
``(None, message)`` — a message in Chinese saying what is wrong and how to write it — and never
raises on anything a cell can hold.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime, timedelta
from typing import Any

from db.vocab import Vocabulary

Parsed = tuple[Any, str | None]

# Excel's day 0 (its serial numbers count from 1899-12-30 because of the 1900 leap-year bug).
_EXCEL_EPOCH = date(1899, 12, 30)
_MAX_SERIAL = 2958465  # 9999-12-31

_SPACES = re.compile(r"\s+")
_HEADER_NOISE = re.compile(
    r"[（(]\s*(必填|选填|必须填写|可选|可不填|非必填)\s*[)）]|[*＊※:：]|必填$")


def nfkc(text: str) -> str:
    """Full-width letters, digits and brackets as their half-width forms (０ → 0, （ → ()."""
    return unicodedata.normalize("NFKC", text)


def name_key(text: str) -> str:
    """How names are compared: half-width, no spaces, case-insensitive."""
    return _SPACES.sub("", nfkc(text)).lower()


def header_key(text: Any) -> str:
    """A header as matched: "走访日期（必填）", " 走访 日期 *" and "走访日期" are the same."""
    if text is None:
        return ""
    key = _SPACES.sub("", nfkc(str(text)))
    return _HEADER_NOISE.sub("", key).lower()


def is_blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def cell_text(value: Any) -> str:
    """A cell as text: 12.0 (a number Excel made of "12") as "12", dates as yyyy-mm-dd."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() \
            else value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    return str(value).strip()


# -- dates ---------------------------------------------------------------------------------

_YMD = re.compile(
    r"(\d{4})\s*[年\-/.]\s*(\d{1,2})\s*[月\-/.]\s*(\d{1,2})\s*[日号]?"
    r"(?:\s*[T ]?\s*\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?"
)
_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})")
_NO_YEAR = re.compile(r"(\d{1,2})\s*[月\-/.]\s*(\d{1,2})\s*[日号]?")
DATE_FORMATS_HINT = "请写成 2022-06-03、2022/6/3、2022.6.3 或 2022年6月3日"


def _make_date(y: int, m: int, d: int, shown: str) -> Parsed:
    try:
        return date(y, m, d), None
    except ValueError:
        return None, f"“{shown}”不是有效的日期（没有这一天），请检查月份和日期"


def parse_date(value: Any) -> Parsed:
    """A date from a date cell, an Excel serial number or text; None for a blank cell."""
    if is_blank(value):
        return None, None
    if isinstance(value, datetime):
        return value.date(), None
    if isinstance(value, date):
        return value, None
    if isinstance(value, bool):
        return None, f"不是日期，{DATE_FORMATS_HINT}"
    if isinstance(value, int | float):
        if isinstance(value, float) and not value.is_integer():
            value = int(value)  # a date with a time of day: keep the day
        n = int(value)
        if 19000101 <= n <= 99991231:  # typed as 20220603
            return parse_date(str(n))
        if 1 <= n <= _MAX_SERIAL:
            return _EXCEL_EPOCH + timedelta(days=n), None
        return None, f"数字 {cell_text(value)} 不是日期，{DATE_FORMATS_HINT}"
    if isinstance(value, timedelta):
        return None, f"填写的是时长而不是日期，{DATE_FORMATS_HINT}"
    text = nfkc(str(value)).strip()
    m = _YMD.fullmatch(text) or _COMPACT.fullmatch(text)
    if m:
        return _make_date(int(m[1]), int(m[2]), int(m[3]), text)
    if _NO_YEAR.fullmatch(text):
        return None, f"“{text}”没有写年份，无法确定是哪一年，请写完整日期，如 2022年6月3日"
    return None, f"“{text}”不是可识别的日期，{DATE_FORMATS_HINT}"


# -- numbers -------------------------------------------------------------------------------

_INT_TEXT = re.compile(r"([+-]?\d+)(?:\.0*)?\s*[人名个位次]?")


def parse_int(value: Any) -> Parsed:
    """An integer from a number cell or text ("12", "１２", "12人"); None for a blank cell."""
    if is_blank(value):
        return None, None
    if isinstance(value, bool):
        return None, "应填写整数，不能填写是/否"
    if isinstance(value, int):
        return value, None
    if isinstance(value, float):
        if value.is_integer():
            return int(value), None
        return None, f"{cell_text(value)} 不是整数，请填写整数"
    if isinstance(value, date | timedelta):
        return None, f"填写的是日期或时间“{cell_text(value)}”，应填写整数"
    text = nfkc(str(value)).strip().replace(",", "")
    m = _INT_TEXT.fullmatch(text)
    if m:
        return int(m[1]), None
    return None, f"“{text}”不是整数，请只填写数字，如 3"


# -- phones ----------------------------------------------------------------------------------


def phone_text(value: Any) -> str:
    """A phone as text: 13912345678.0 (Excel made a number of it) as 13912345678, full-width
    digits and the dashes of input methods as ASCII; the services then check its form."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = nfkc(cell_text(value))
    return text.replace("—", "-").replace("－", "-").replace("–", "-").strip()


# -- yes / no --------------------------------------------------------------------------------

_TRUE = {"是", "有", "y", "yes", "true", "1", "√", "✓", "✔", "对", "已报告", "强烈", "t"}
_FALSE = {"否", "无", "不是", "没有", "n", "no", "false", "0", "×", "✗", "x", "未报告", "f", "-"}


def parse_bool(value: Any) -> Parsed:
    if is_blank(value):
        return None, None
    if isinstance(value, bool):
        return value, None
    if isinstance(value, int | float) and value in (0, 1):
        return bool(value), None
    text = nfkc(cell_text(value)).strip().lower()
    if text in _TRUE:
        return True, None
    if text in _FALSE:
        return False, None
    return None, f"“{cell_text(value)}”不是“是”或“否”，请填写“是”或“否”，也可留空（按否）"


# -- lists in one cell -------------------------------------------------------------------------

_SEPARATORS = re.compile(r"[、,，;；/／|｜\s]+")


def split_multi(value: Any) -> list[str]:
    """The items of a cell holding several: 张三、李四 / 张三,李四 / 张三 李四 ...

    A separator inside brackets does not split: “张三（实验 小学）” stays one item.
    """
    text = cell_text(value)
    if not text:
        return []
    if "(" not in text and "（" not in text:
        return [s for s in _SEPARATORS.split(text) if s]
    items: list[str] = []
    depth, start = 0, 0
    for i, ch in enumerate(text):
        if ch in "（(":
            depth += 1
        elif ch in "）)":
            depth = max(depth - 1, 0)
        elif depth == 0 and _SEPARATORS.fullmatch(ch):
            items.append(text[start:i])
            start = i + 1
    items.append(text[start:])
    return [s.strip() for s in items if s.strip()]


# -- vocabularies ------------------------------------------------------------------------------

_PAREN = re.compile(r"[（(]([^（()）]*)[)）]")

# Short forms clerks use that the vocabulary's labels do not contain (DOMAIN.md's own wording).
EXTRA_TERMS: dict[str, dict[str, str]] = {
    "activity": {
        "课堂教学": "classroom", "体验课堂": "classroom", "听课": "classroom",
        "食堂暗访": "canteen", "暗访食堂": "canteen", "食堂": "canteen",
        "宿舍走访": "dormitory", "走访宿舍": "dormitory", "宿舍": "dormitory",
        "家庭访谈": "family", "家访": "family", "访谈家庭": "family",
        "校园活动": "campus_event", "走进班级": "class_visit", "走进支部": "class_visit",
        "班级": "class_visit",
    },
    "method": {"走访": "field_visit", "蹲点": "sit_in", "谈心": "heart_talk", "座谈": "forum",
               "调研": "forum", "暗访": "inspection", "明察": "inspection"},
    "source_channel": {"走访发现": "visit", "信访": "petition", "上访": "petition",
                       "转办": "referral", "转交": "referral", "网上": "online"},
    "reporter_type": {"老师": "teacher", "学生家长": "parent", "市民": "public"},
}


class VocabMatcher:
    """Finds a vocabulary code from what a clerk wrote: the code, the Chinese or English label,
    the label without its bracketed part ("教学质量类") or the bracketed part ("课业学业"),
    half- or full-width, and the usual short forms."""

    def __init__(self, vocab: Vocabulary) -> None:
        self.vocab = vocab
        table: dict[str, str] = {}
        loose: dict[str, str] = {}
        for t in vocab:
            for text in (t.code, t.zh, t.en):
                table[name_key(text)] = t.code
            for m in _PAREN.finditer(nfkc(t.zh)):
                loose.setdefault(name_key(m[1]), t.code)
            loose.setdefault(name_key(_PAREN.sub("", t.zh)), t.code)
        for text, code in EXTRA_TERMS.get(vocab.name, {}).items():
            loose.setdefault(name_key(text), code)
        self._table = loose | table  # exact labels win over the loose forms

    def code(self, text: str) -> str | None:
        return self._table.get(name_key(text))

    def choices(self) -> str:
        return "、".join(self.vocab.labels())
