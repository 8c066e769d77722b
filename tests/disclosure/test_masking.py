"""Masking personal data in free text: each detector, the shapes of the masks, and properties
(hypothesis): planted personal data never survives; text without any is left as it was."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from db.disclosure.masking import Masker, clean_names, mask, mask_name, masked_spans


@pytest.mark.parametrize(("text", "expected"), [
    ("电话13812345678", "电话138****5678"),
    ("电话138 1234 5678。", "电话138****5678。"),
    ("电话138-1234-5678", "电话138****5678"),
    ("座机0722-3456789", "座机0722-***6789"),
    ("座机07223456789", "座机0722-***6789"),
    ("身份证42010519900101123X", "身份证420***********123X"),
    ("身份证420105199001011234号", "身份证420***********1234号"),
    ("学号：2023045", "学号：*******"),
    ("准考证号123456", "准考证号******"),
    ("编号12345678", "编号********"),
    ("邮箱 li.si+1@mail.example.com 联系", "邮箱 ****@mail.example.com 联系"),
])
def test_patterns_are_masked_in_shape(text: str, expected: str) -> None:
    assert mask(text) == expected


def test_names_keep_the_surname() -> None:
    assert mask_name("张伟") == "张*"
    assert mask_name("欧阳娜娜") == "欧阳**"
    assert mask_name("司马光") == "司马*"
    assert mask("家长张伟和欧阳娜娜反映", ["张伟", "欧阳娜娜"]) == "家长张*和欧阳**反映"


def test_longest_name_wins_and_every_occurrence_is_masked() -> None:
    names = ["李明", "李明华"]
    assert mask("李明华说李明也来了", names) == "李**说李*也来了"


def test_role_words_and_single_characters_are_not_names() -> None:
    assert clean_names(["学生代表", "家长", "王", " 张伟 ", ""]) == {"张伟"}
    assert mask("学生代表王老师反映", ["学生代表", "王"]) == "学生代表王老师反映"


def test_ordinary_numbers_stay() -> None:
    text = "2022年6月1日，3年级2班共45名学生，评分98.5分，编号SZ-P2022-00012。"
    assert mask(text) == text


def test_spans_give_original_and_replacement() -> None:
    spans = masked_spans("张伟电话13812345678", ["张伟"])
    assert [(s.kind, s.original, s.replacement) for s in spans] == [
        ("name", "张伟", "张*"), ("mobile", "13812345678", "138****5678")]
    assert (spans[0].start, spans[0].end) == (0, 2)


def test_literal_phone_in_an_odd_shape() -> None:
    m = Masker([], ["0722 34 56789"])
    assert "0722 34 56789" not in m.mask("来电0722 34 56789反映")


def test_many_names_compile_and_match() -> None:
    names = [f"{s}{g}" for s in "赵钱孙李周吴郑王冯陈"
             for g in "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超"]
    m = Masker(names)
    out = m.mask("周娟和陈超、王明以及郑伟")
    assert out == "周*和陈*、王*以及郑*"


# ---- properties ------------------------------------------------------------------------------

CHINESE = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也"
PUNCT = "，。、；：？！（）“” "
SURNAMES = "张王李赵刘陈杨黄周吴"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀英华"

plain_text = st.text(alphabet=CHINESE + PUNCT + "abcXYZ", max_size=60)
short_numbers = st.integers(min_value=0, max_value=9_999_999).map(str)
mobile = st.builds(lambda p, n, sep: sep.join([p + n[:1], n[1:5], n[5:]]),
                   st.sampled_from(["13", "15", "17", "18", "19"]),
                   st.text(alphabet="0123456789", min_size=9, max_size=9),
                   st.sampled_from(["", " ", "-"]))
landline = st.builds(lambda a, n, sep: f"{a}{sep}{n}", st.sampled_from(["0722", "027", "010"]),
                     st.text(alphabet="0123456789", min_size=7, max_size=8),
                     st.sampled_from(["", "-"]))
id_card = st.builds(lambda d, x: d + x, st.text(alphabet="0123456789", min_size=17, max_size=17),
                    st.sampled_from(list("0123456789X")))
email = st.builds(lambda u, d: f"{u}@{d}.com",
                  st.from_regex(r"[a-z][a-z0-9._]{0,10}", fullmatch=True),
                  st.from_regex(r"[a-z]{2,8}", fullmatch=True))
student_no = st.text(alphabet="0123456789", min_size=8, max_size=12)
name = st.builds(lambda s, g: s + g, st.sampled_from(SURNAMES + "欧"),
                 st.text(alphabet=GIVEN, min_size=1, max_size=2))
personal = st.one_of(mobile, landline, id_card, email, student_no, name)


@settings(max_examples=300, deadline=None)
@given(before=plain_text, secret=personal, after=plain_text, other=st.lists(name, max_size=5))
def test_planted_personal_data_never_survives(before: str, secret: str, after: str,
                                              other: list[str]) -> None:
    names = [*other, secret] if not any(c.isdigit() or c == "@" for c in secret) else other
    masked = mask(before + secret + after, names)
    assert secret not in masked


@settings(max_examples=200, deadline=None)
@given(parts=st.lists(st.one_of(plain_text, short_numbers), max_size=8))
def test_text_without_personal_data_is_unchanged(parts: list[str]) -> None:
    # Numbers of up to seven digits, separated by text (never two numbers run together).
    text = "年".join(parts)
    assert mask(text, []) == text
    assert masked_spans(text, []) == []


@settings(max_examples=200, deadline=None)
@given(text=plain_text, names=st.lists(name, min_size=1, max_size=8))
def test_names_never_survive_wherever_they_are(text: str, names: list[str]) -> None:
    planted = "".join(n + text[:3] for n in names) + text
    masked = mask(planted, names)
    for n in names:
        assert n not in masked
