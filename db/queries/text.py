"""Text shortening shared by the queries and the window's first-rows preview (no SQLAlchemy)."""

from __future__ import annotations


def short(text_: str, n: int = 60) -> str:
    """The first *n* characters of a text on one line, with … when cut."""
    one = " ".join(text_.split())
    return one if len(one) <= n else one[: n - 1] + "…"
