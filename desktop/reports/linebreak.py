"""Line breaking for Chinese text, with the basic 避头尾 (kinsoku) rule.

Chinese may break between almost any two characters, except that a line must not
start with closing punctuation (，。、；：）》” ...) nor end with opening punctuation
(（《“ ...); runs of ASCII letters and digits (numbers, codes, English words) stay whole.
The breaker is greedy: fill the line, then move the break back to the nearest legal place.
When a line has no legal break at all (a long URL, a string of closing marks) the greedy
break stands.

Widths come from a char → width mapping (``fonts.CharWidths``) and the break points are found
with running sums and bisection, so a 60-character cell costs a handful of C-level passes, not
a Python loop over characters; tables of 20,000 rows depend on that.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Mapping
from itertools import accumulate

# A line must not start with these (closing marks, pauses, suffixes).
NO_LINE_START = frozenset(
    "，。、；：？！）》〉」』】〕］｝”’…—～·‰％℃"
    ",.;:?!)]}%"
)
# A line must not end with these (opening marks, currency prefixes).
NO_LINE_END = frozenset("（《〈「『【〔［｛“‘([{￥$")
# Characters of an ASCII "word" that is kept whole: 2024, ABC-123, 3.5%, e-mail.
_WORD = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-/@#&+")
_DIGITS = frozenset("0123456789")
_SPACE = frozenset(" \u3000")
# Slack for float sums: a line that fits "exactly" must not be pushed over by rounding.
_EPS = 1e-6


def can_break(text: str, k: int) -> bool:
    """True if a line may end after text[k-1] and the next start at text[k]."""
    before, after = text[k - 1], text[k]
    if after in NO_LINE_START or before in NO_LINE_END:
        return False
    if before in _WORD and after in _WORD:
        return False
    # Thousands separators and decimal points inside a number: 12,345 and 3.5
    return not (before in ",." and after in _DIGITS and k >= 2 and text[k - 2] in _DIGITS)


def break_lines(
    text: str, width: float, widths: Mapping[str, float], indent: float = 0.0
) -> list[str]:
    """Split text into lines no wider than width (points); ''.join(result) == text.

    The first line is ``indent`` points narrower (a first-line indent). Trailing spaces hang
    past the width (they are invisible); a single character wider than the width gets a line
    of its own. Newlines are not interpreted: split paragraphs first.
    """
    if not text:
        return [""]
    cum = list(accumulate(map(widths.__getitem__, text)))
    n = len(text)
    if cum[-1] + indent <= width + _EPS:
        return [text]
    lines: list[str] = []
    start = 0
    base = -indent
    while start < n:
        b = bisect_right(cum, base + width + _EPS, start)
        if b >= n:
            lines.append(text[start:])
            break
        if b == start:  # one character wider than the line: it cannot be helped
            b = start + 1
        while b < n and text[b] in _SPACE:  # spaces hang at the line end
            b += 1
        if b >= n:
            lines.append(text[start:])
            break
        k = b
        while k > start + 1 and not can_break(text, k):
            k -= 1
        if can_break(text, k):
            b = k
        lines.append(text[start:b])
        base = cum[b - 1]
        start = b
    return lines
