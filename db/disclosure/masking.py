"""Masking personal data in free text before anything is published (DOMAIN.md: personal data
is never published).

Two kinds of detector run over a text:

- patterns: mainland mobile numbers (also written with spaces or dashes), landlines, 18-digit
  ID card numbers, student numbers (学号 … or any run of 8+ digits), e-mail addresses;
- names: every protected name (reporters, care-record persons, evaluation respondents) matched
  literally wherever it occurs — a clerk types "王某某家长反映" without thinking.

Masks keep the shape readable so that a reader still sees *that* something was there:
138****5678, 张* / 欧阳**, ****@example.com, 420***********1234.

    mask(text, names) -> str
    masked_spans(text, names) -> list[Span]     (for a side-by-side preview)

``Masker`` compiles the names once and caches results: the same description recurs often, and a
large export masks tens of thousands of texts.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

# Two-character surnames: the mask keeps the whole surname (欧阳**), never half of it.
COMPOUND_SURNAMES = frozenset({
    "尉迟", "万俟", "长孙", "单于", "澹台", "令狐", "欧阳", "司马", "上官", "诸葛", "皇甫", "公孙",
    "东方", "夏侯", "慕容", "司徒", "宇文", "独孤", "南宫", "西门", "轩辕", "呼延", "端木", "钟离",
})

# Respondent values that name a role, not a person ("学生代表"): masking them would only mangle
# ordinary words in the text.
_GENERIC_RESPONDENT = re.compile(
    r"^(?:学生|教师|老师|家长|群众|企业|师生|村民|居民|社区)*(?:代表|们|等)?$")

_SEP = r"[ \-]?"  # one optional space or dash between digits: "138 1234 5678"

# Order matters only for ties at the same start: the longer match wins anyway.
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("email", re.compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}")),
    ("id_card", re.compile(rf"(?<![0-9Xx])\d(?:{_SEP}\d){{16}}{_SEP}[0-9Xx](?![0-9Xx])")),
    ("mobile", re.compile(rf"(?<!\d)1[3-9](?:{_SEP}\d){{9}}(?!\d)")),
    ("landline", re.compile(r"(?<!\d)0\d{2,3}[ \-]?\d{7,8}(?!\d)")),
    ("student_no", re.compile(r"(?:学号|学籍号|考号|准考证号)[:： ]*(\d+)")),
    ("digits", re.compile(r"(?<!\d)\d{8,}(?!\d)")),
)


@dataclass(frozen=True, slots=True)
class Span:
    """A piece of personal data found in a text: where, what, and what replaces it."""

    start: int
    end: int
    kind: str  # email, id_card, mobile, landline, student_no, digits, name
    original: str
    replacement: str


def _digits(s: str) -> str:
    return "".join(ch for ch in s if ch.isdigit() or ch in "Xx")


def mask_value(kind: str, original: str) -> str:
    """The replacement of one detected piece of personal data."""
    if kind == "email":
        return "****@" + original.split("@", 1)[1]
    if kind == "id_card":
        d = _digits(original)
        return d[:3] + "*" * (len(d) - 7) + d[-4:]
    if kind == "mobile":
        d = _digits(original)
        return d[:3] + "****" + d[-4:]
    if kind == "landline":
        m = re.match(r"(0\d{2,3})[ \-]?(\d+)$", original)
        area, rest = (m.group(1), m.group(2)) if m else (original[:4], original[4:])
        return f"{area}-{'*' * (len(rest) - 4)}{rest[-4:]}"
    if kind == "name":
        return mask_name(original)
    return "*" * len(original)  # student numbers and long digit runs: nothing is kept


def mask_name(name: str) -> str:
    """张伟 → 张*, 欧阳娜娜 → 欧阳**: the surname stays, every other character is a star."""
    keep = 2 if name[:2] in COMPOUND_SURNAMES and len(name) > 2 else 1
    return name[:keep] + "".join(" " if ch.isspace() else "*" for ch in name[keep:])


def clean_names(names: Iterable[str]) -> frozenset[str]:
    """The names worth matching: trimmed, at least two characters (a lone 王 would mask every
    王 in the text), and not a role word such as 学生代表."""
    out = set()
    for n in names:
        n = (n or "").strip()
        if len(n) >= 2 and not _GENERIC_RESPONDENT.match(n):
            out.add(n)
    return frozenset(out)


def _trie_pattern(words: Iterable[str]) -> str:
    """A regex matching any of *words*, built as a trie so that the engine tries only the
    branches that begin with the character at hand (an alternation of thousands of names would
    try each one at every position)."""
    trie: dict[str, dict] = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, dict]) -> str:
        ends = "" in node
        # Characters that only end a name become one class ([伟敏丽]): most names are two
        # characters, and re's parser (pure Python) is slow on thousands of alternatives.
        leaves = [ch for ch, sub in sorted(node.items()) if ch and sub == {"": {}}]
        branches = [re.escape(ch) + build(sub) for ch, sub in sorted(node.items())
                    if ch and sub != {"": {}}]
        if len(leaves) == 1:
            branches.append(re.escape(leaves[0]))
        elif leaves:
            branches.append("[" + "".join(_class_escape(ch) for ch in leaves) + "]")
        if not branches:
            return ""
        # Longer names are tried first: greedy alternation, then the end of a shorter name.
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if ends else body

    return build(trie)


def _class_escape(ch: str) -> str:
    return "\\" + ch if ch in "\\]^-[" else ch


class Masker:
    """Masks texts against one set of protected names (and literal phone values)."""

    def __init__(self, names: Iterable[str] = (), literals: Iterable[str] = ()) -> None:
        self.names = clean_names(names)
        # Phone numbers stored in odd shapes ("0722 3 456789") are masked as they were typed.
        self.literals = frozenset(s.strip() for s in literals if len(_digits(s or "")) >= 7)
        self._names_re = re.compile(_trie_pattern(self.names)) if self.names else None
        self._literals_re = (re.compile("|".join(re.escape(s) for s in sorted(
            self.literals, key=len, reverse=True))) if self.literals else None)
        self._cache: dict[str, str] = {}

    def spans(self, text: str) -> list[Span]:
        """The non-overlapping pieces of personal data in *text*, in order."""
        found, _ = self._spans(text)
        return found

    def _spans(self, text: str) -> tuple[list[Span], bool]:
        """The spans, and whether some detection was dropped for overlapping a chosen one."""
        cands: list[tuple[int, int, str]] = []
        for kind, pattern in _PATTERNS:
            for m in pattern.finditer(text):
                if kind == "student_no":
                    cands.append((m.start(1), m.end(1), kind))
                else:
                    cands.append((m.start(), m.end(), kind))
        if self._literals_re is not None:
            cands.extend((m.start(), m.end(), "literal") for m in
                         self._literals_re.finditer(text))
        if self._names_re is not None:
            cands.extend((m.start(), m.end(), "name") for m in self._names_re.finditer(text)
                         if m.end() > m.start())
        cands.sort(key=lambda c: (c[0], c[0] - c[1]))
        out: list[Span] = []
        conflict = False
        end = 0
        for s, e, kind in cands:
            if s < end:
                conflict = conflict or e > end
                continue
            original = text[s:e]
            replacement = ("*" * len(original) if kind == "literal"
                           else mask_value(kind, original))
            out.append(Span(s, e, kind, original, replacement))
            end = e
        return out, conflict

    def mask(self, text: str) -> str:
        if not text:
            return text
        cached = self._cache.get(text)
        if cached is not None:
            return cached
        result = text
        # A detection cut short by an overlapping one is looked for again in the masked text;
        # each round only turns characters into stars, so this ends (in practice after one).
        for _ in range(5):
            found, conflict = self._spans(result)
            result = _apply(result, found)
            if not conflict:
                break
        self._cache[text] = result
        return result


def _apply(text: str, spans: list[Span]) -> str:
    if not spans:
        return text
    parts: list[str] = []
    pos = 0
    for sp in spans:
        parts.append(text[pos:sp.start])
        parts.append(sp.replacement)
        pos = sp.end
    parts.append(text[pos:])
    return "".join(parts)


_last: tuple[frozenset[str], Masker] | None = None


def _masker(names: Iterable[str] | Masker) -> Masker:
    """A masker for *names*, reusing the last one when the same names come again."""
    global _last
    if isinstance(names, Masker):
        return names
    key = clean_names(names)
    if _last is None or _last[0] != key:
        _last = (key, Masker(key))
    return _last[1]


def mask(text: str, names: Iterable[str] | Masker = ()) -> str:
    """*text* with every piece of personal data masked."""
    return _masker(names).mask(text)


def masked_spans(text: str, names: Iterable[str] | Masker = ()) -> list[Span]:
    """The spans of *text* that ``mask`` replaces (original and replacement), for a preview."""
    return _masker(names).spans(text)
