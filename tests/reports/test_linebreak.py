"""The line breaker: widths respected, nothing lost, 避头尾 kept whenever it can be."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.fonts import FontRole
from desktop.reports.fonts import char_widths
from desktop.reports.linebreak import NO_LINE_END, NO_LINE_START, break_lines, can_break

WIDTHS = char_widths(FontRole.FANGSONG, 16.0)
CHAR = 16.0  # a hanzi of 16 pt


def fits(line: str, width: float) -> bool:
    return WIDTHS.text_width(line.rstrip(" \u3000")) <= width + 1e-6


def test_short_text_is_one_line() -> None:
    assert break_lines("走访学校", 10 * CHAR, WIDTHS) == ["走访学校"]
    assert break_lines("", 10 * CHAR, WIDTHS) == [""]


def test_plain_hanzi_fill_lines() -> None:
    assert break_lines("一二三四五六七八九十", 4 * CHAR, WIDTHS) == ["一二三四", "五六七八", "九十"]


def test_closing_punctuation_never_starts_a_line() -> None:
    # Greedy would give "一二三四" / "，五六七"; the 四 moves down with its comma.
    lines = break_lines("一二三四，五六七八", 4 * CHAR, WIDTHS)
    assert lines == ["一二三", "四，五六", "七八"]
    assert not any(line.startswith("，") for line in lines)


def test_runs_of_closing_marks_move_together() -> None:
    lines = break_lines("一二三“四”。五六", 5 * CHAR, WIDTHS)
    assert "".join(lines) == "一二三“四”。五六"
    assert all(line[0] not in NO_LINE_START for line in lines)


def test_opening_punctuation_never_ends_a_line() -> None:
    lines = break_lines("一二三（四五六七）", 4 * CHAR, WIDTHS)
    assert all(line[-1] not in NO_LINE_END for line in lines)
    assert lines[0] == "一二三"


def test_numbers_and_words_stay_whole() -> None:
    lines = break_lines("共计12,345人", 4 * CHAR, WIDTHS)
    assert "".join(lines) == "共计12,345人"
    assert any("12,345" in line for line in lines)
    assert break_lines("走访 school 学校", 5 * CHAR, WIDTHS)[1].startswith("school")


def test_first_line_indent() -> None:
    lines = break_lines("一二三四五六七八", 4 * CHAR, WIDTHS, indent=2 * CHAR)
    assert lines == ["一二", "三四五六", "七八"]


def test_unbreakable_text_still_fits_greedily() -> None:
    word = "SZ-2026-000123456789"
    lines = break_lines(word, 40.0, WIDTHS)
    assert "".join(lines) == word
    assert all(fits(line, 40.0) for line in lines)


def test_character_wider_than_the_line_gets_its_own_line() -> None:
    assert break_lines("一二", 5.0, WIDTHS) == ["一", "二"]


HANZI = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5)
ASCII = st.characters(min_codepoint=0x20, max_codepoint=0x7E)
PUNCT = st.sampled_from(sorted(NO_LINE_START | NO_LINE_END))
RARE = st.sampled_from("堃喆昇祎")
TEXT = st.text(st.one_of(HANZI, HANZI, ASCII, PUNCT, RARE), max_size=200)


@settings(max_examples=300, deadline=None)
@given(TEXT, st.floats(min_value=CHAR, max_value=40 * CHAR))
def test_properties(text: str, width: float) -> None:
    lines = break_lines(text, width, WIDTHS)
    # Nothing lost, nothing added, order kept.
    assert "".join(lines) == text
    assert all(lines) or text == ""
    for i, line in enumerate(lines):
        # Every line fits (trailing spaces hang), unless it is one character wider than the
        # line (‰ is wider than a hanzi).
        assert fits(line, width) or len(line.rstrip(" \u3000")) == 1, (line, width)
        if i == 0:
            continue
        prev = lines[i - 1]
        start = len("".join(lines[:i - 1]))
        joined = prev + line
        breaks_ok = can_break(joined, len(prev))
        if not breaks_ok:
            # Allowed only when the previous line had no legal break anywhere inside it.
            seg = text[start:start + len(prev) + 1]
            assert not any(can_break(seg, k) for k in range(1, len(prev))), (prev, line)


@settings(max_examples=100, deadline=None)
@given(st.text(HANZI, min_size=1, max_size=120), st.integers(min_value=1, max_value=30))
def test_pure_hanzi_lines_are_full(text: str, chars: int) -> None:
    lines = break_lines(text, chars * CHAR, WIDTHS)
    assert all(len(line) == chars for line in lines[:-1])
    assert 1 <= len(lines[-1]) <= chars


@settings(max_examples=100, deadline=None)
@given(TEXT, st.floats(min_value=3 * CHAR, max_value=40 * CHAR),
       st.sampled_from([0.0, CHAR, 2 * CHAR]))
def test_first_line_indent_properties(text: str, width: float, indent: float) -> None:
    lines = break_lines(text, width, WIDTHS, indent=indent)
    assert "".join(lines) == text
    assert fits(lines[0], width - indent) or len(lines[0].rstrip(" \u3000")) == 1
    assert all(fits(line, width) or len(line.rstrip(" \u3000")) == 1 for line in lines[1:])
