"""The search index's text preparation and query expressions."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from db.search import CJK_RANGES, match_expression, spaced

_REFERENCE = re.compile(
    "([" + "".join(f"\\u{lo:04x}-\\u{hi:04x}" for lo, hi in CJK_RANGES) + "])"
)

mixed = st.text(st.one_of(
    st.characters(min_codepoint=0x2E70, max_codepoint=0x3120),
    st.characters(min_codepoint=0x33F0, max_codepoint=0x4E10),
    st.characters(min_codepoint=0x9FF0, max_codepoint=0xFB10),
    st.characters(codec="utf-8", exclude_categories=("Cs",))), max_size=40)


@given(mixed)
def test_spaced_puts_a_space_around_every_cjk_character(text: str) -> None:
    assert spaced(text) == _REFERENCE.sub(lambda m: f" {m.group(1)} ", text)


def test_spaced_examples() -> None:
    assert spaced("食堂abc，饭菜") == " 食  堂 abc， 饭  菜 "
    assert spaced("ASCII only") == "ASCII only"


def test_match_expression_makes_phrases_of_characters() -> None:
    assert match_expression("食堂") == '"食 堂"'
    assert match_expression("食") == '"食"'
    assert match_expression(" 食堂  宿舍 ") == '"食 堂" AND "宿 舍"'
    assert match_expression("SZ-WT2022") == '"SZ WT2022"'
    assert match_expression("，。") is None
    assert match_expression("") is None
